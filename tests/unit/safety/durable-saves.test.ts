import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../../src/core/db/database';
import { assertDurableWrites, openWorkspaceDatabase } from '../../../src/core/db/open-workspace';
import { tempDir } from '../helpers/temp-dir';
import { demoCopy, now, refusal, removeDemoTemplate } from './helpers';
import { describeError } from '../../../src/shared/i18n/translate';

afterAll(removeDemoTemplate);

describe('durable saves', () => {
  it('opens a workspace in WAL mode with synchronous = FULL, so a commit is on disk when it returns', () => {
    const db = openWorkspaceDatabase(demoCopy(tempDir()), { now });
    try {
      expect(db.pragma('journal_mode')).toBe('wal');
      expect(db.pragma('synchronous')).toBe(2);
    } finally {
      db.close();
    }
  });

  it('creates a new workspace the same way', () => {
    const db = openWorkspaceDatabase(join(tempDir(), 'new.pilotdesk'), { create: true, now });
    try {
      expect(db.pragma('journal_mode')).toBe('wal');
      expect(db.pragma('synchronous')).toBe(2);
    } finally {
      db.close();
    }
  });

  it('refuses to go on with a connection that would not sync its commits, as an internal error', () => {
    const db = Database.open(demoCopy(tempDir()));
    try {
      db.pragma('synchronous = NORMAL');
      const error = refusal(() => assertDurableWrites(db));
      expect(error.code).toBe('INTERNAL');
      expect(describeError('zh-CN', error)).toContain('synchronous=1');
      expect(error.details).toMatchObject({ reason: 'notDurable', journalMode: 'wal', synchronous: 1 });
    } finally {
      db.close();
    }
  });

  it('refuses a connection that is not in WAL mode', () => {
    const db = Database.open(demoCopy(tempDir()));
    try {
      db.pragma('journal_mode = DELETE');
      expect(refusal(() => assertDurableWrites(db)).details).toMatchObject({
        reason: 'notDurable',
        journalMode: 'delete',
      });
    } finally {
      db.close();
    }
  });
});
