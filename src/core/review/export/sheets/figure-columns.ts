import type { FigureName, Figures } from '../../../../shared/metrics/weekly-figures';
import { changeOf } from '../../../../shared/metrics/weekly-figures';
import type { Column } from '../workbook-style';

interface WithWeeks {
  current: Figures;
  previous: Figures;
}

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

/** The figure columns every table shares, with a change column where a trainer reads one. */
export function figureColumns<T extends WithWeeks>(options: { salesDetail: boolean }): Column<T>[] {
  const money = (header: string, figure: FigureName): Column<T> => ({ header, kind: 'money', value: (row) => yuan(row.current[figure]) });
  const count = (header: string, figure: FigureName): Column<T> => ({ header, kind: 'integer', value: (row) => row.current[figure] });
  const change = (figure: FigureName, riseIsGood = true): Column<T> => ({
    header: '较上周',
    kind: figure.endsWith('Fen') ? 'moneyChange' : 'integerChange',
    riseIsGood,
    value: (row) => {
      const delta = changeOf(row.current[figure], row.previous[figure]).delta;
      return figure.endsWith('Fen') ? yuan(delta) : delta;
    },
  });
  const points = (figure: FigureName, riseIsGood = true): Column<T> => ({
    header: '较上周',
    kind: 'points',
    riseIsGood,
    value: (row) => {
      const delta = changeOf(row.current[figure], row.previous[figure]).delta;
      return delta === null ? null : delta * 100;
    },
  });
  return [
    money('净销售额', 'netSalesFen'),
    change('netSalesFen'),
    // Gross, refunds and online share are the store's story; a guide's row stays short.
    ...(options.salesDetail
      ? [
          money('销售额', 'grossSalesFen'),
          money('退款金额', 'refundsFen'),
          { header: '线上占比', kind: 'percent', value: (row: T) => row.current.onlineShare } satisfies Column<T>,
          points('onlineShare'),
        ]
      : []),
    count('新增客户', 'newContacts'),
    count('流失客户', 'lostContacts'),
    count('净增客户', 'netNewContacts'),
    change('netNewContacts'),
    { header: '流失率', kind: 'percent', value: (row) => row.current.lossRate, riseIsGood: false },
    count('新增会员', 'newMembers'),
    count('订单数', 'orders'),
    count('发送消息数', 'messagesSent'),
    count('朋友圈发布', 'momentsPosts'),
  ];
}
