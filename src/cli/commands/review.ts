import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isIsoWeek, lastCompleteWeek } from '../../shared/dates/iso-week';
import { todayIn } from '../../shared/dates/local-date';
import { formatFigure, formatYuan } from '../../shared/metrics/format-figures';
import type { Figures } from '../../shared/metrics/weekly-figures';
import type { Review } from '../../shared/review/review-schema';
import { assembleReview } from '../../core/review/assemble-review';
import { exportReview } from '../../core/review/review-service';
import { CommandFailure, UsageError } from '../cli-io';
import { defineCommand, requireOption } from '../command';
import { ratio, yuan } from '../json-figures';
import { openWorkspaceForCli } from '../open-workspace';

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
export function reviewJson(review: Review) {
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
      flags: guide.flags.map((flag) => ({ code: flag.code, message: flag.message })),
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

export const reviewCommand = defineCommand({
  name: 'review',
  summary: 'Assemble (and export) the weekly review / 周复盘',
  usage: 'pilotdesk review --workspace FILE [--week 2026-W47] [--out FILE.xlsx] [--json]',
  options: {
    workspace: { type: 'string', short: 'w' },
    week: { type: 'string' },
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io, now) {
    const workspacePath = requireOption(values.workspace, '--workspace', 'review');
    if (values.week !== undefined && !isIsoWeek(values.week)) {
      throw new UsageError(`review: --week must be an ISO week such as 2026-W47, not "${values.week}"`);
    }
    if (values.out !== undefined && !values.out.toLowerCase().endsWith('.xlsx')) {
      throw new UsageError(`review: --out must name an .xlsx file, not "${values.out}"`);
    }
    const { session, info } = openWorkspaceForCli(workspacePath, now);
    try {
      const db = session.requireDb();
      const week = values.week ?? lastCompleteWeek(todayIn(info.timeZone, now()));
      const at = now().toISOString();
      let review: Review;
      if (values.out) {
        const out = resolve(values.out);
        const exported = await exportReview(db, week, info.name, at, (content) => {
          try {
            writeFileSync(out, content);
          } catch (error) {
            throw new CommandFailure(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
          }
        });
        review = exported.review;
        if (!values.json) io.out(`已导出 ${week} 周复盘（第 ${exported.snapshot.version} 版）：${out}`);
      } else {
        review = assembleReview(db, week, info.name, at);
      }
      if (values.json) {
        io.out(JSON.stringify(reviewJson(review), null, 2));
      } else if (!values.out) {
        const totals = review.overview.all.current;
        io.out(
          `${info.name} ${week}（${review.from} 至 ${review.to}）：${review.stores.length} 家门店，净销售额 ${formatYuan(totals.netSalesFen)}，` +
            `净增客户 ${formatFigure('netNewContacts', totals.netNewContacts)}，灌水信号 ${review.guides.filter((guide) => guide.flags.length > 0).length} 人。用 --out FILE.xlsx 导出。`,
        );
      }
      return 0;
    } finally {
      session.close();
    }
  },
});
