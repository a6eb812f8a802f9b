import type { EChartsCoreOption } from 'echarts/core';
import type { StoreTrend } from '../../../shared/metrics/weekly-schema';

export interface TrendText {
  netSales: string;
  onlineShare: string;
  newContacts: string;
  lostContacts: string;
  netNewContacts: string;
}

const weekAxis = (trend: StoreTrend) => trend.weeks.map((entry) => `W${entry.week.slice(6)}`);

/** Net sales (¥, left) and online share (%, right) over the weeks; a gap where a week has no data. */
export function salesTrendOption(trend: StoreTrend, text: TrendText): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 64, right: 56, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: weekAxis(trend) },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (value: number) => `${Math.round(value / 1000)}k` } },
      { type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      {
        name: text.netSales,
        type: 'line',
        data: trend.weeks.map((entry) => (entry.figures.netSalesFen === null ? null : entry.figures.netSalesFen / 100)),
        itemStyle: { color: '#2080f0' },
      },
      {
        name: text.onlineShare,
        type: 'line',
        yAxisIndex: 1,
        data: trend.weeks.map((entry) =>
          entry.figures.onlineShare === null ? null : Math.round(entry.figures.onlineShare * 1000) / 10,
        ),
        itemStyle: { color: '#18a058' },
      },
    ],
  };
}

export function contactsTrendOption(trend: StoreTrend, text: TrendText): EChartsCoreOption {
  const line = (
    name: string,
    pick: (figures: StoreTrend['weeks'][number]['figures']) => number | null,
    color: string,
  ) => ({
    name,
    type: 'line',
    data: trend.weeks.map((entry) => pick(entry.figures)),
    itemStyle: { color },
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: weekAxis(trend) },
    yAxis: { type: 'value' },
    series: [
      line(text.newContacts, (figures) => figures.newContacts, '#2080f0'),
      line(text.lostContacts, (figures) => figures.lostContacts, '#d03050'),
      line(text.netNewContacts, (figures) => figures.netNewContacts, '#18a058'),
    ],
  };
}
