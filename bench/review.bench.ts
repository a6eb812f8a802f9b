import { demoWorkspaceCopy, fixedNow, tempDir } from '../tests/support/workspaces';
import { createCore } from '../src/core/api/core-services';
import { describeError } from '../src/shared/i18n/translate';
import { assembleReview } from '../src/core/review/assemble-review';
import { reviewWorkbook } from '../src/core/review/export/review-workbook';
import { measure, ms } from './measure';
import { tiersWorkspace } from './tiers.bench';
import { toIsoWeek } from '../src/shared/dates/iso-week';

const week = toIsoWeek('2026-W47');

/**
 * The weekly review: assembling it and exporting the workbook (review.export through the
 * dispatcher, which also stores the snapshot) for the 16-store demo and for a brand of
 * 300 stores × 20 guides (the tiers benchmark's workspace).
 */
export async function benchReview(): Promise<string[]> {
  const lines: string[] = [];
  for (const [label, path, runs, target] of [
    ['demo (16 stores, 121 guides)', demoWorkspaceCopy(tempDir('pilotdesk-bench-review-')), 15, 300],
    ['brand (300 stores × 20 guides)', tiersWorkspace().path, 5, 2000],
  ] as const) {
    const core = createCore({ dataDir: tempDir('pilotdesk-bench-review-data-'), now: () => fixedNow });
    try {
      const opened = await core.dispatcher.call('workspace.open', { path });
      if (!opened.ok) throw new Error(describeError('zh-CN', opened.error));
      const db = core.session.requireDb();
      const assemble = await measure(runs, () => assembleReview(db, week, label, fixedNow));
      const review = assembleReview(db, week, label, fixedNow);
      const workbook = await measure(runs, () => reviewWorkbook(review));
      const exported = await measure(runs, async () => {
        const result = await core.dispatcher.call('review.export', { week });
        if (!result.ok) throw new Error(describeError('zh-CN', result.error));
      });
      // The bench's own snapshots are not the workspace's history.
      db.run('DELETE FROM review_snapshots WHERE week = ?', [week]);
      lines.push(
        `review ${label}: review.export (assemble + workbook + snapshot) median ${ms(exported.median)}, p95 ${ms(exported.p95)} ` +
          `(target < ${target} ms, ratio ${(exported.median / target).toFixed(2)}); assemble ${ms(assemble.median)}, workbook ${ms(workbook.median)}; ` +
          `${review.stores.length} stores, ${review.guides.length} guides`,
      );
    } finally {
      core.close();
    }
  }
  return lines;
}
