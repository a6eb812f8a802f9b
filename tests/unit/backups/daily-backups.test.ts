import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../src/shared/backups/backup-schema';
import { backupFolderOf, listBackups } from '../../../src/core/backups/backup-folder';
import { ensureDailyBackup } from '../../../src/core/backups/backup-service';
import { backupsToPrune } from '../../../src/core/backups/retention';
import { WorkspaceSession } from '../../../src/core/workspace/workspace-session';
import { addDays } from '../../../src/shared/dates/local-date';
import { demoWorkspaceCopy } from '../../support/workspaces';
import { tempDir } from '../helpers/temp-dir';

function backupOn(createdAt: string, kind: BackupInfo['kind'] = 'daily'): BackupInfo {
  return {
    id: `${createdAt}-${kind}.pilotdesk`,
    kind,
    createdAt,
    sizeBytes: 1,
    workspaceId: 'w',
    workspaceName: 'w',
    schemaVersion: 1,
    contents: { stores: 0, guides: 0, imports: 0, latestWeek: null },
  };
}

describe('the daily backup', () => {
  it('is made the first time the workspace is used each day (in its time zone), once', async () => {
    const dir = tempDir();
    const path = demoWorkspaceCopy(dir);
    let now = new Date('2026-11-23T01:00:00Z'); // 09:00 in Shanghai
    const session = new WorkspaceSession({ dataDir: dir, now: () => now });
    session.open(path);
    try {
      expect(await ensureDailyBackup(session, () => now)).toMatchObject({ kind: 'daily' });
      now = new Date('2026-11-23T15:59:00Z'); // 23:59 the same day in Shanghai
      expect(await ensureDailyBackup(session, () => now)).toBeNull();
      now = new Date('2026-11-23T16:01:00Z'); // 00:01 the next day in Shanghai, still the 23rd in UTC
      expect(await ensureDailyBackup(session, () => now)).toMatchObject({ kind: 'daily' });
      expect(listBackups(backupFolderOf(path))).toHaveLength(2);
    } finally {
      session.close();
    }
  });

  it('prunes as it goes: after ten days of daily use, the seven latest days and the week before them', async () => {
    const dir = tempDir();
    const path = demoWorkspaceCopy(join(dir, 'w'));
    let day = '2026-10-01';
    const session = new WorkspaceSession({ dataDir: dir, now: () => new Date(`${day}T02:00:00Z`) });
    session.open(path);
    try {
      for (let index = 0; index < 10; index += 1) {
        await ensureDailyBackup(session, () => new Date(`${day}T02:00:00Z`));
        day = addDays(day, 1);
      }
    } finally {
      session.close();
    }
    const kept = listBackups(backupFolderOf(path)).map((backup) => backup.createdAt.slice(0, 10));
    // Oct 4–10 are the seven days; Oct 1–3 share ISO week 40 with Oct 4, so none of them is kept.
    expect(kept).toEqual([
      '2026-10-10',
      '2026-10-09',
      '2026-10-08',
      '2026-10-07',
      '2026-10-06',
      '2026-10-05',
      '2026-10-04',
    ]);
  });
});

describe('retention', () => {
  it('keeps 7 daily and then the newest of each of the 4 weeks before them', () => {
    const days = Array.from({ length: 60 }, (_, index) => addDays('2026-09-01', index));
    const backups = days.map((day) => backupOn(`${day}T02:00:00.000Z`));
    const pruned = new Set(backupsToPrune(backups, 'Asia/Shanghai').map((backup) => backup.id));
    const kept = backups
      .filter((backup) => !pruned.has(backup.id))
      .map((backup) => backup.createdAt.slice(0, 10))
      .reverse();
    // Oct 24–30 are the seven days (ISO weeks 43 and 44); then weeks 42, 41, 40 and 39.
    expect(kept).toEqual([
      '2026-10-30',
      '2026-10-29',
      '2026-10-28',
      '2026-10-27',
      '2026-10-26',
      '2026-10-25',
      '2026-10-24',
      '2026-10-18',
      '2026-10-11',
      '2026-10-04',
      '2026-09-27',
    ]);
  });

  it('never removes a backup made by hand, and keeps the 10 newest made before a restore', () => {
    const hand = backupOn('2025-01-01T00:00:00.000Z', 'manual');
    const restores = Array.from({ length: 12 }, (_, index) =>
      backupOn(`2026-11-${String(index + 1).padStart(2, '0')}T00:00:00.000Z`, 'beforeRestore'),
    );
    const pruned = backupsToPrune([hand, ...restores], 'Asia/Shanghai');
    expect(pruned.map((backup) => backup.createdAt.slice(0, 10))).toEqual(['2026-11-02', '2026-11-01']);
  });

  it("counts days in the workspace's time zone: two backups on one Shanghai day keep only the newer", () => {
    const late = backupOn('2026-11-23T15:30:00.000Z'); // 23:30 on the 23rd in Shanghai
    const early = backupOn('2026-11-23T01:00:00.000Z');
    expect(backupsToPrune([early, late], 'Asia/Shanghai')).toEqual([early]);
    expect(backupsToPrune([early, late], 'Europe/Berlin')).toEqual([early]);
    expect(backupsToPrune([early, backupOn('2026-11-23T16:30:00.000Z')], 'Asia/Shanghai')).toEqual([]);
  });
});
