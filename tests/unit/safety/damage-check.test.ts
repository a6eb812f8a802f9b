import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspaceDatabase } from '../../../src/core/db/open-workspace';
import { checkWorkspaceFile, lastFullCheckKey } from '../../../src/core/db/workspace-check';
import { SeededRandom } from '../../../src/core/demo/random';
import { queryFile, sha256 } from '../helpers/sqlite-file';
import { tempDir } from '../helpers/temp-dir';
import { daysAfter, demoCopy, now, overwrite, refusal, removeDemoTemplate, safetyNow } from './helpers';
import { describeError } from '../../../src/shared/i18n/translate';

afterAll(removeDemoTemplate);

const lastFullCheck = (path: string) =>
  queryFile<{ value: string }>(path, 'SELECT value FROM workspace_settings WHERE key = ?', [lastFullCheckKey])[0]
    ?.value;

const openAt = (path: string, at: Date) => openWorkspaceDatabase(path, { now: () => at }).close();

const markersOf = (dir: string) => readdirSync(dir).filter((name) => name.includes('.open-'));

/** A demo workspace opened once (so its last full check is `safetyNow`) and closed. */
function checkedWorkspace(dir = tempDir()): string {
  const path = demoCopy(dir);
  openAt(path, safetyNow);
  expect(lastFullCheck(path)).toBe(safetyNow.toISOString());
  return path;
}

function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (!pid) throw new Error('could not start a process');
  return pid;
}

function writeMarker(path: string, pid: number, host = hostname()): string {
  const marker = `${path}.open-${pid}-1`;
  writeFileSync(marker, JSON.stringify({ pid, host }));
  return marker;
}

function garbage(length: number): Buffer {
  const random = new SeededRandom(47);
  return Buffer.from(Array.from({ length }, () => random.int(0, 255)));
}

describe('the check on every open', () => {
  it('runs quick_check alone while the last full check is under a week old', () => {
    const path = checkedWorkspace();
    openAt(path, daysAfter(6.9));
    expect(lastFullCheck(path)).toBe(safetyNow.toISOString());
  });

  it('runs integrity_check when the last full check is more than a week old, and records it', () => {
    const path = checkedWorkspace();
    openAt(path, daysAfter(7.1));
    expect(lastFullCheck(path)).toBe(daysAfter(7.1).toISOString());
  });

  it('runs integrity_check when the recorded check is in the future (a clock that was wrong once)', () => {
    const path = checkedWorkspace();
    openAt(path, daysAfter(-1));
    expect(lastFullCheck(path)).toBe(daysAfter(-1).toISOString());
  });

  it('leaves a marker beside the workspace while it is open and removes it on close', () => {
    const dir = tempDir();
    const path = checkedWorkspace(dir);
    const db = openWorkspaceDatabase(path, { now });
    expect(markersOf(dir)).toEqual([
      expect.stringMatching(new RegExp(`^demo\\.pilotdesk\\.open-${process.pid}-\\d+$`)),
    ]);
    db.close();
    expect(markersOf(dir)).toEqual([]);
  });
});

describe('after an unclean shutdown', () => {
  it('runs integrity_check when a marker names a process that is gone, then clears the marker', () => {
    const dir = tempDir();
    const path = checkedWorkspace(dir);
    const marker = writeMarker(path, deadPid());
    openAt(path, daysAfter(1));
    expect(lastFullCheck(path)).toBe(daysAfter(1).toISOString());
    expect(existsSync(marker)).toBe(false);
    expect(markersOf(dir)).toEqual([]);
  });

  it('counts a marker from another machine as stale (WAL cannot be shared across machines)', () => {
    const path = checkedWorkspace();
    writeMarker(path, process.pid, 'another-machine');
    openAt(path, daysAfter(1));
    expect(lastFullCheck(path)).toBe(daysAfter(1).toISOString());
  });

  it('runs integrity_check for a non-empty -wal that no process holds (no markers at all)', () => {
    const source = checkedWorkspace();
    const dir = tempDir();
    const path = join(dir, 'copied.pilotdesk');
    // A committed write still in the WAL, copied as it is: what a crash leaves behind.
    const writer = new BetterSqlite3(source);
    try {
      writer.prepare("UPDATE stores SET name = name || '·' WHERE rowid = 1").run();
      copyFileSync(source, path);
      copyFileSync(`${source}-wal`, `${path}-wal`);
    } finally {
      writer.close();
    }
    openAt(path, daysAfter(1));
    expect(lastFullCheck(path)).toBe(daysAfter(1).toISOString());
    expect(queryFile(path, 'SELECT name FROM stores WHERE rowid = 1')[0]).toMatchObject({
      name: expect.stringMatching(/·$/),
    });
  });

  it('does not count a workspace another running process has open (its marker names a live pid)', () => {
    const dir = tempDir();
    const path = checkedWorkspace(dir);
    const marker = writeMarker(path, process.ppid);
    openAt(path, daysAfter(1));
    expect(lastFullCheck(path)).toBe(safetyNow.toISOString());
    expect(existsSync(marker)).toBe(true);
  });
});

describe('a damaged workspace', () => {
  it("is refused with reason damaged and SQLite's own words when a page of a table is overwritten", () => {
    const dir = tempDir();
    const path = checkedWorkspace(dir);
    const [{ rootpage }] = queryFile<{ rootpage: number }>(
      path,
      "SELECT rootpage FROM sqlite_master WHERE name = 'guides'",
    ) as [{ rootpage: number }];
    const [{ page_size: pageSize }] = queryFile<{ page_size: number }>(path, 'PRAGMA page_size') as [
      { page_size: number },
    ];
    overwrite(path, (rootpage - 1) * pageSize + 16, garbage(256));
    const before = sha256(path);

    // Six days after the full check: only quick_check runs, and it is enough to catch this.
    const error = refusal(() => openAt(path, daysAfter(6)));
    expect(error.code).toBe('WORKSPACE_INVALID');
    const details = error.details as { reason: string; path: string; problems: string[] };
    expect(details).toMatchObject({ reason: 'damaged', path });
    expect(details.problems.length).toBeGreaterThan(0);
    expect(details.problems.length).toBeLessThanOrEqual(5);
    // One line per problem, naming the b-tree that holds the guides.
    expect(details.problems[0]).toMatch(new RegExp(`^Tree ${rootpage} page \\d+`));
    expect(details.problems.every((line) => !line.includes('\n'))).toBe(true);
    expect(describeError('zh-CN', error)).toBe(`工作区文件已损坏（${details.problems[0]}）：${path}`);
    // Refused before anything wrote to it.
    expect(sha256(path)).toBe(before);
    expect(markersOf(dir)).toEqual([]);
    expect(checkWorkspaceFile(path, { full: false }).ok).toBe(false);
    expect(checkWorkspaceFile(path, { full: true }).problems.length).toBeGreaterThan(0);
  });

  it('is refused as damaged when its header is so damaged SQLite will not read it', () => {
    const path = checkedWorkspace();
    overwrite(path, 16, Buffer.from([0x00, 0x03])); // page size 3: impossible
    const error = refusal(() => openAt(path, daysAfter(1)));
    expect(error.code).toBe('WORKSPACE_INVALID');
    expect(error.details).toMatchObject({
      reason: 'damaged',
      path,
      problems: [expect.stringContaining('not a database')],
    });
    expect(describeError('zh-CN', error)).toMatch(/^工作区文件已损坏（.+）：/);
  });

  it('is refused as damaged when the SQLite magic is overwritten but the header still names it ours', () => {
    const path = checkedWorkspace();
    overwrite(path, 0, Buffer.from('SQLite formaX'));
    expect(refusal(() => openAt(path, daysAfter(1))).details).toMatchObject({ reason: 'damaged', path });
  });

  it('calls a foreign SQLite file with a damaged header corrupt, not ours', () => {
    const path = join(tempDir(), 'crm.db');
    const other = new BetterSqlite3(path);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    other.close();
    overwrite(path, 16, Buffer.from([0x00, 0x03]));
    expect(refusal(() => openAt(path, safetyNow)).details).toMatchObject({ reason: 'corrupt', path });
  });
});

describe('checkWorkspaceFile (for backup copies)', () => {
  it('passes a sound workspace with either check', () => {
    const path = checkedWorkspace();
    expect(checkWorkspaceFile(path, { full: false })).toEqual({ ok: true, problems: [] });
    expect(checkWorkspaceFile(path, { full: true })).toEqual({ ok: true, problems: [] });
  });

  it('reports a missing file or one that is not a database instead of throwing', () => {
    const dir = tempDir();
    expect(checkWorkspaceFile(join(dir, 'missing.pilotdesk'), { full: true }).ok).toBe(false);
    const text = join(dir, 'notes.pilotdesk');
    writeFileSync(text, '这不是数据库');
    expect(checkWorkspaceFile(text, { full: true })).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('not a database')],
    });
  });
});
