import type { EChartsCoreOption } from 'echarts/core';
import { formatPercent, formatYuan } from '../../../shared/metrics/format-figures';
import type { AppliedTierRule, StoreWeek } from '../../../shared/metrics/weekly-schema';
import { tierKeysByGrid } from '../../../shared/tiers/tier-rule';

export interface TierMapText {
  xAxis: string;
  yAxis: string;
  salesLine: (value: string) => string;
  shareLine: (value: string) => string;
  label: (tier: string) => string;
  color: (tier: string) => string;
  tooltip: (store: StoreWeek) => string;
}

/** Stores are labelled by code up to this many; beyond it labels would hide the points. */
const labelLimit = 40;

/**
 * The tier map: stores by net sales (x, yuan) and online share (y, %), the rule's threshold
 * lines, and each tier's region tinted and named in its corner.
 */
export function tierMapOption(
  stores: readonly StoreWeek[],
  rule: AppliedTierRule,
  text: TierMapText,
): EChartsCoreOption {
  const plotted = stores.filter((store) => store.tier !== null);
  const salesCuts = (rule.salesThresholdsFen ?? []).map((fen) => fen / 100);
  const shareCuts = (rule.onlineShareThresholds ?? []).map((share) => share * 100);
  const keys = tierKeysByGrid[rule.grid];
  // Axis bounds fixed here (not left to the chart) so the tier regions can reach the edges.
  const xValues = [...plotted.map((store) => (store.current.netSalesFen as number) / 100), ...salesCuts];
  const yValues = [...plotted.map((store) => (store.current.onlineShare as number) * 100), ...shareCuts];
  const xStep = xValues.length > 0 ? niceStep(Math.max(...xValues) - Math.min(...xValues)) : 10_000;
  const xMin = xValues.length > 0 ? Math.max(0, Math.floor((Math.min(...xValues) - xStep / 2) / xStep) * xStep) : 0;
  const xMax = xValues.length > 0 ? Math.ceil((Math.max(...xValues) + xStep / 2) / xStep) * xStep : xStep;
  const yMin = Math.min(0, Math.floor(Math.min(...yValues, 0) / 5) * 5);
  const yMax = Math.max(5, Math.ceil((Math.max(...yValues, 0) + 2) / 5) * 5);
  const bounds = (cuts: number[], min: number, max: number) =>
    [
      [min, ...cuts],
      [...cuts, max],
    ] as const;
  const [xFrom, xTo] = bounds(salesCuts, xMin, xMax);
  const [yFrom, yTo] = bounds(shareCuts, yMin, yMax);
  const levels = salesCuts.length + 1;
  const regions = keys.map((tier, index) => {
    // Keys run from high sales/high share to low/low; turn the position into axis levels.
    const salesLevel = levels - 1 - Math.floor(index / levels);
    const shareLevel = levels - 1 - (index % levels);
    return [
      {
        name: text.label(tier),
        xAxis: xFrom[salesLevel],
        yAxis: yFrom[shareLevel],
        itemStyle: { color: text.color(tier), opacity: 0.06 },
        label: { position: 'insideTopRight', color: text.color(tier), fontSize: 12, fontWeight: 'bold' },
      },
      { xAxis: xTo[salesLevel], yAxis: yTo[shareLevel] },
    ];
  });
  const series = keys.map((tier, index) => ({
    type: 'scatter',
    name: text.label(tier),
    symbolSize: 14,
    itemStyle: { color: text.color(tier) },
    emphasis: { scale: 1.4 },
    labelLayout: { hideOverlap: true },
    label: {
      show: plotted.length <= labelLimit,
      position: 'right',
      formatter: '{b}',
      fontSize: 11,
      color: 'inherit',
    },
    data: plotted
      .filter((store) => store.tier === tier)
      .map((store) => ({
        name: store.code,
        value: [(store.current.netSalesFen as number) / 100, (store.current.onlineShare as number) * 100],
        storeId: store.storeId,
      })),
    ...(index === 0 && salesCuts.length > 0
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#888' },
            data: [
              // Two sales lines (3×3) can sit close together: the lower one is labelled along its foot.
              ...salesCuts.map((value, cut) => ({
                xAxis: value,
                label: {
                  formatter: text.salesLine(formatYuan(value * 100)),
                  position: cut === 0 && salesCuts.length > 1 ? 'insideStartTop' : 'end',
                },
              })),
              ...shareCuts.map((value) => ({
                yAxis: value,
                label: { formatter: text.shareLine(formatPercent(value / 100)), position: 'end' },
              })),
            ],
          },
          markArea: { silent: true, data: regions },
        }
      : {}),
  }));
  const byId = new Map(stores.map((store) => [store.storeId, store]));
  return {
    animation: false,
    grid: { left: 64, right: 110, top: 56, bottom: 48 },
    // One line of legend (paged when nine tiers do not fit), so it never runs into the plot.
    legend: { type: 'scroll', top: 0, left: 0, right: 0 },
    tooltip: {
      trigger: 'item',
      formatter: (params: { data?: { storeId?: string } }) => {
        const store = params.data?.storeId ? byId.get(params.data.storeId) : undefined;
        return store ? text.tooltip(store) : '';
      },
    },
    xAxis: {
      type: 'value',
      name: text.xAxis,
      nameLocation: 'middle',
      nameGap: 28,
      min: xMin,
      max: xMax,
      interval: xStep,
      axisLabel: { formatter: (value: number) => `${Math.round(value / 1000)}k` },
    },
    yAxis: { type: 'value', name: text.yAxis, min: yMin, max: yMax, axisLabel: { formatter: '{value}%' } },
    series,
  };
}

/** A round axis step (1, 2 or 5 × a power of ten) giving about six ticks over `span`. */
function niceStep(span: number): number {
  const rough = Math.max(span, 1) / 6;
  const power = 10 ** Math.floor(Math.log10(rough));
  const multiple = [1, 2, 5, 10].find((candidate) => candidate * power >= rough) ?? 10;
  return multiple * power;
}
