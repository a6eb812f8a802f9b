import type { WorkspaceInfo } from '../../shared/workspace/workspace-schema';
import type { Database } from '../db/database';

interface WorkspaceRow {
  id: string;
  name: string;
  region: string;
  timeZone: string;
  isDemo: number;
  createdAt: string;
}

export function readWorkspaceInfo(db: Database): WorkspaceInfo {
  const row = db.get<WorkspaceRow>(
    `SELECT id, name, region, time_zone AS timeZone, is_demo AS isDemo, created_at AS createdAt
     FROM workspace LIMIT 1`,
  );
  if (!row) throw new Error('workspace row missing');
  return {
    ...row,
    isDemo: row.isDemo === 1,
    path: db.path,
    schemaVersion: db.pragma<number>('user_version'),
  };
}

export function insertWorkspaceRow(
  db: Database,
  row: { id: string; name: string; region: string; timeZone: string; isDemo: boolean; at: string },
): void {
  db.run(
    `INSERT INTO workspace (id, name, region, time_zone, is_demo, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [row.id, row.name, row.region, row.timeZone, row.isDemo ? 1 : 0, row.at, row.at],
  );
}
