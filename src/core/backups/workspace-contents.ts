import type { WorkspaceContents } from '../../shared/backups/backup-schema';
import type { Database } from '../db/database';
import { countActiveGuides } from '../guides/guide-repository';
import { weeksWithFigures } from '../metrics/weeks-with-figures';
import { countActiveStores } from '../stores/store-repository';

/** What a workspace holds, as a trainer checks a backup by: stores, guides, imports, the latest week. */
export function workspaceContents(db: Database): WorkspaceContents {
  const count = (sql: string) => db.get<{ n: number }>(sql)?.n ?? 0;
  return {
    stores: countActiveStores(db),
    guides: countActiveGuides(db),
    imports: count("SELECT count(*) AS n FROM import_batches WHERE undone_at IS NULL AND kind <> 'demo'"),
    latestWeek: weeksWithFigures(db)[0] ?? null,
  };
}

/** Row counts of every table: a backup is verified when its counts match the source's. */
export function tableRowCounts(db: Database): Record<string, number> {
  const tables = db.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      db.get<{ n: number }>(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`)?.n ?? 0,
    ]),
  );
}

/** The imports in force, for a restore's preview: which go away and which come back. */
export function importsInForce(db: Database): { id: string; fileName: string | null; createdAt: string }[] {
  return db.all(
    "SELECT id, file_name AS fileName, created_at AS createdAt FROM import_batches WHERE undone_at IS NULL AND kind <> 'demo' ORDER BY created_at",
  );
}
