import { resolve } from 'node:path';
import { lastCompleteWeek } from '../../shared/dates/iso-week';
import { formatPercent, formatYuan } from '../../shared/metrics/format-figures';
import type { WeeklyStores } from '../../shared/metrics/weekly-schema';
import { defineCommand, requireOption, type FlagsOf } from '../command';
import { ratio, yuan } from '../json-figures';

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

const weekFlag = (week: string | undefined): FlagsOf => ({
  week: { flag: '--week', value: week, example: '2026-W47' },
});

export const tiersCommand = defineCommand({
  name: 'tiers',
  usage: 'pilotdesk tiers --workspace FILE [--week 2026-W47] [--json]',
  options: {
    workspace: { type: 'string', short: 'w' },
    week: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io, now) {
    const workspacePath = resolve(requireOption(values.workspace, '--workspace', 'tiers'));
    const flags = weekFlag(values.week);
    const { checkFlags, withCore } = await import('../cli-core');
    if (values.week !== undefined) checkFlags('tiers', 'metrics.stores', { week: values.week }, flags, io.locale);
    return withCore('tiers', io, now, async (cli) => {
      const info = await cli.openWorkspace(workspacePath);
      const week = values.week ?? lastCompleteWeek((await cli.call('workspace.clock', undefined)).today);
      const result = await cli.call('metrics.stores', { week }, flags);
      if (values.json) {
        io.out(JSON.stringify(tiersJson(result), null, 2));
        return 0;
      }
      const { profiles } = await cli.call('tiers.settings', undefined);
      const names = new Map(profiles[result.rule.grid].map((profile) => [profile.tier, profile.name]));
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
    });
  },
});
