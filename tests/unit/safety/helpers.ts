import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, openSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { populateDemo } from '../../../src/core/demo/populate-demo';
import { createWorkspaceFile } from '../../../src/core/workspace/create-workspace';
import { PilotDeskError } from '../../../src/shared/api/result';
import { makeTempDir, removeDir } from '../helpers/temp-dir';
import { readSqlite } from '../helpers/sqlite-file';
import { toIsoWeek } from '../../../src/shared/dates/iso-week';

/** The safety tests' clock: a Monday morning in Shanghai. */
export const safetyNow = new Date('2026-11-23T10:00:00+08:00');
export const now = () => safetyNow;

export const daysAfter = (days: number) => new Date(safetyNow.getTime() + days * 86_400_000);

let templateDir: string | null = null;
let template: string | null = null;

/** A copy of the demo workspace (16 stores, ~120 guides, eight weeks of facts) in `dir`, closed. */
export function demoCopy(dir: string, name = 'demo.pilotdesk'): string {
  if (!template || !existsSync(template)) {
    templateDir = makeTempDir();
    template = join(templateDir, 'template.pilotdesk');
    createWorkspaceFile(
      template,
      { name: '华东试验田（示例）', region: '华东', timeZone: 'Asia/Shanghai', isDemo: true },
      {
        now,
        populate: (db) => populateDemo(db, { now: safetyNow, lastWeek: toIsoWeek('2026-W47') }),
      },
    );
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  copyFileSync(template, path);
  return path;
}

/** Removes the demo built for this test file (call it in afterAll). */
export function removeDemoTemplate(): void {
  if (templateDir) removeDir(templateDir);
  templateDir = null;
  template = null;
}

/**
 * A digest of everything a workspace holds: the schema, user_version and application_id, and
 * every row of every table in sqlite_master, ordered by rowid (by primary key for WITHOUT ROWID
 * tables). Equal digests mean the same data, whatever the bytes of the file.
 */
export function contentDigest(path: string): string {
  return readSqlite(path, (db) => {
    const hash = createHash('sha256');
    const add = (value: unknown) =>
      hash.update(JSON.stringify(value, (_key, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
    add(db.pragma('user_version', { simple: true }));
    add(db.pragma('application_id', { simple: true }));
    const schema = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as {
      type: string;
      name: string;
      sql: string | null;
    }[];
    add(schema);
    for (const table of schema.filter((entry) => entry.type === 'table')) {
      const withoutRowid = /WITHOUT\s+ROWID/i.test(table.sql ?? '');
      const keys = withoutRowid
        ? (db.pragma(`table_info("${table.name}")`) as { name: string; pk: number }[])
            .filter((c) => c.pk > 0)
            .sort((a, b) => a.pk - b.pk)
            .map((c) => `"${c.name}"`)
        : ['rowid'];
      add([
        table.name,
        db
          .prepare(`SELECT * FROM "${table.name}" ORDER BY ${keys.join(', ')}`)
          .raw()
          .all(),
      ]);
    }
    return hash.digest('hex');
  });
}

export function userVersion(path: string): number {
  return readSqlite(path, (db) => db.pragma('user_version', { simple: true }) as number);
}

/** Writes `bytes` over the file at `offset`, as a failing disk or a stray tool would. */
export function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

/** Runs `open` and returns the PilotDeskError it must throw. */
export function refusal(open: () => unknown): PilotDeskError {
  try {
    open();
  } catch (error) {
    if (error instanceof PilotDeskError) return error;
    throw new Error(`expected a PilotDeskError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the workspace to be refused');
}
