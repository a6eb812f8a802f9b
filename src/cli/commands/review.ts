import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lastCompleteWeek } from '../../shared/dates/iso-week';
import { formatFigure, formatYuan } from '../../shared/metrics/format-figures';
import type { Figures } from '../../shared/metrics/weekly-figures';
import { describePaddingFlag } from '../../shared/review/padding-signals';
import type { Review } from '../../shared/review/review-schema';
import type { Locale } from '../../shared/preferences/preferences-schema';
import { CommandFailure } from '../cli-io';
import { defineCommand, requireOption, type FlagsOf } from '../command';
import { ratio, yuan } from '../json-figures';

function figuresJson(figures: Figures) {
  return {
    netSales: yuan(figures.netSalesFen),
    grossSales: yuan(figures.grossSalesFen),
    refunds: yuan(figures.refundsFen),
    onlineShare: ratio(figures.onlineShare),
    newContacts: figures.newContacts,
    lostContacts: figures.lostContacts,
    netNewContacts: figures.netNewContacts,
    newMembers: figures.newMembers,
    orders: figures.orders,
    messagesSent: figures.messagesSent,
  };
}

/** The `--json` shape the issue names; totals are over the stores listed (every active store). */
export function reviewJson(review: Review, locale: Locale = 'zh-CN') {
  return {
    week: review.week,
    from: review.from,
    to: review.to,
    totals: figuresJson(review.overview.all.current),
    pilotTotals: figuresJson(review.overview.pilot.current),
    stores: review.stores.map((store) => ({
      code: store.code,
      name: store.name,
      tier: store.tier,
      previousTier: store.previousTier,
      ...figuresJson(store.current),
    })),
    guides: review.guides.map((guide) => ({
      staffNo: guide.staffNo,
      name: guide.name,
      storeCode: guide.storeCode,
      netSales: yuan(guide.current.netSalesFen),
      newContacts: guide.current.newContacts,
      lostContacts: guide.current.lostContacts,
      flags: guide.flags.map((flag) => ({ code: flag.code, message: describePaddingFlag(locale, flag) })),
    })),
    gaps: {
      storesWithoutSales: review.gaps.storesWithoutSales.map((store) => store.code),
      storesWithPartialSales: review.gaps.storesWithPartialSales.map((store) => ({
        code: store.code,
        salesDays: store.salesDays,
      })),
      storesWithoutContacts: review.gaps.storesWithoutContacts.map((store) => store.code),
      guidesWithoutData: review.gaps.guidesWithoutData.map((guide) => guide.staffNo),
      importsWithRejectedRows: review.gaps.importsWithRejectedRows.map((batch) => ({
        fileName: batch.fileName,
        rejected: batch.rejected,
      })),
    },
  };
}

/** Says early, in the words a shell user expects, that --out cannot be written (no version is made). */
function assertWritable(out: string): void {
  try {
    accessSync(existsSync(out) ? out : dirname(out), constants.W_OK);
  } catch (error) {
    throw new CommandFailure(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const reviewCommand = defineCommand({
  name: 'review',
  usage: 'pilotdesk review --workspace FILE [--week 2026-W47] [--out FILE.xlsx] [--json]',
  options: {
    workspace: { type: 'string', short: 'w' },
    week: { type: 'string' },
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io, now) {
    const workspacePath = resolve(requireOption(values.workspace, '--workspace', 'review'));
    const out = values.out === undefined ? undefined : resolve(values.out);
    const flags: FlagsOf = {
      week: { flag: '--week', value: values.week, example: '2026-W47' },
      outPath: { flag: '--out', value: values.out, example: 'review.xlsx' },
    };
    const { checkFlags, withCore } = await import('../cli-core');
    // Checked with a stand-in week when none is given: the default needs the workspace's day.
    checkFlags('review', 'review.export', { week: values.week ?? '2026-W01', outPath: out }, flags, io.locale);
    return withCore('review', io, now, async (cli) => {
      const info = await cli.openWorkspace(workspacePath);
      const week = values.week ?? lastCompleteWeek((await cli.call('workspace.clock', undefined)).today);
      if (out) {
        assertWritable(out);
        // The core writes the file before it records the version: a failed write leaves none.
        const exported = await cli.call('review.export', { week, outPath: out }, flags);
        if (!values.json) io.out(`已导出 ${week} 周复盘（第 ${exported.snapshot.version} 版）：${out}`);
      }
      if (values.json) {
        const { live } = await cli.call('review.get', { week }, flags);
        io.out(JSON.stringify(reviewJson(live, io.locale), null, 2));
      } else if (!out) {
        const { live: review } = await cli.call('review.get', { week }, flags);
        const totals = review.overview.all.current;
        io.out(
          `${info.name} ${week}（${review.from} 至 ${review.to}）：${review.stores.length} 家门店，净销售额 ${formatYuan(totals.netSalesFen)}，` +
            `净增客户 ${formatFigure('netNewContacts', totals.netNewContacts)}，灌水信号 ${review.guides.filter((guide) => guide.flags.length > 0).length} 人。用 --out FILE.xlsx 导出。`,
        );
      }
      return 0;
    });
  },
});
