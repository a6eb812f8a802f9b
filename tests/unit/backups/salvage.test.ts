import { describe, expect, it } from 'vitest';
import { salvageWorkspace } from '../../../src/core/backups/salvage';
import { damageTableRoot } from '../../support/damage';
import { demoWorkspaceCopy, fixedNow } from '../../support/workspaces';
import { queryFile } from '../helpers/sqlite-file';
import { tempDir } from '../helpers/temp-dir';

describe('salvaging a damaged workspace', () => {
  it('copies every readable table whole and says how many rows of a damaged one were lost', () => {
    const path = demoWorkspaceCopy(tempDir());
    const guides = queryFile<{ n: number }>(path, 'SELECT count(*) AS n FROM guides')[0]?.n ?? 0;
    damageTableRoot(path, 'guides');

    const result = salvageWorkspace(path, fixedNow);
    const byTable = new Map(result.tables.map((entry) => [entry.table, entry]));
    expect(byTable.get('stores')).toEqual({ table: 'stores', copied: 16, skipped: 0, unreadable: false });
    // The table's own b-tree is gone, but an index of it still counts its rows: none is hidden.
    expect(byTable.get('guides')).toEqual({ table: 'guides', copied: 0, skipped: guides, unreadable: false });
    expect(queryFile(result.path, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(queryFile(result.path, 'SELECT count(*) AS n FROM stores')).toEqual([{ n: 16 }]);
  });
});
