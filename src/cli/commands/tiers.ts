import { isIsoWeek, lastCompleteWeek } from '../../shared/dates/iso-week';
import { todayIn } from '../../shared/dates/local-date';
import { formatPercent, formatYuan } from '../../shared/metrics/format-figures';
import type { WeeklyStores } from '../../shared/metrics/weekly-schema';
import { weeklyStores } from '../../core/metrics/weekly-stores';
import { tierProfiles } from '../../core/tiers/tier-repository';
import { UsageError } from '../cli-io';
import { defineCommand, requireOption } from '../command';
import { ratio, yuan } from '../json-figures';
import { openWorkspaceForCli } from '../open-workspace';

/** The `--json` shape the issue names: yuan with two decimals, a share 0–1, tier or null. */
export function tiersJson(result: WeeklyStores) {
  const { rule } = result;
  const one = rule.grid === '2x2';
  const sales = rule.salesThresholdsFen?.map((fen) => yuan(fen)) ?? null;
  const shares = rule.onlineShareThresholds?.map((share) => ratio(share)) ?? null;
  return {
    week: result.week,
    rule: {
      kind: rule.kind,
      grid: rule.grid,
      salesThreshold: one ? (sales?.[0] ?? null) : sales,
      onlineShareThreshold: one ? (shares?.[0] ?? null) : shares,
    },
    stores: result.stores.map((store) => ({
      code: store.code,
      name: store.name,
      netSales: yuan(store.current.netSalesFen),
      onlineShare: ratio(store.current.onlineShare),
      tier: store.tier,
      previousTier: store.previousTier,
    })),
  };
}

export const tiersCommand = defineCommand({
  name: 'tiers',
  summary: "Print each store's tier for a week / 输出门店分层",
  usage: 'pilotdesk tiers --workspace FILE [--week 2026-W47] [--json]',
  options: {
    workspace: { type: 'string', short: 'w' },
    week: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io, now) {
    const workspacePath = requireOption(values.workspace, '--workspace', 'tiers');
    if (values.week !== undefined && !isIsoWeek(values.week)) {
      throw new UsageError(`tiers: --week must be an ISO week such as 2026-W47, not "${values.week}"`);
    }
    const { session, info } = openWorkspaceForCli(workspacePath, now);
    try {
      const db = session.requireDb();
      const week = values.week ?? lastCompleteWeek(todayIn(info.timeZone, now()));
      const result = weeklyStores(db, week, now().toISOString());
      if (values.json) {
        io.out(JSON.stringify(tiersJson(result), null, 2));
        return 0;
      }
      const names = new Map(tierProfiles(db, result.rule.grid).map((profile) => [profile.tier, profile.name]));
      const label = (tier: string | null) => (tier ? `${tier} ${names.get(tier) ?? ''}` : '无数据');
      const { rule } = result;
      const lines = (values: number[] | null, format: (value: number) => string) =>
        values ? values.map(format).join(' / ') : '—';
      io.out(
        `${info.name} ${week}（${result.from} 至 ${result.to}）分层规则：${rule.kind === 'median' ? '中位数' : '固定目标'}，` +
          `业绩线 ${lines(rule.salesThresholdsFen, formatYuan)}，线上化线 ${lines(rule.onlineShareThresholds, (share) => formatPercent(share))}`,
      );
      for (const store of result.stores) {
        io.out(
          `${store.code.padEnd(8)} ${store.name}  ${formatYuan(store.current.netSalesFen).padStart(14)}  ` +
            `${formatPercent(store.current.onlineShare).padStart(7)}  ${label(store.tier)}` +
            `${store.previousTier !== store.tier ? `（上周 ${label(store.previousTier)}）` : ''}`,
        );
      }
      return 0;
    } finally {
      session.close();
    }
  },
});
