import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../../src/shared/imports/header-detection';
import { importKinds, importTemplates } from '../../../src/shared/imports/import-kinds';
import { normalizeHeader } from '../../../src/shared/imports/coerce';
import type { Grid, GridRow } from '../../../src/shared/imports/grid';
import { salesHeaders } from '../../support/spreadsheets';

const grid = (rows: GridRow[], sheetName = 'Sheet1'): Grid => ({ sheetName, rows, firstRowNumber: 1 });

/** header → field, as the detected layout maps them (null for unknown). */
function fieldsOf(layout: ReturnType<typeof detectLayout>): Record<string, string | null> {
  expect(layout).not.toBeNull();
  return Object.fromEntries(layout!.columns.map((column) => [column.header, column.field]));
}

const wecomContactHeaders = [
  '成员',
  '所在部门',
  '发起申请数',
  '新增客户数',
  '聊天总数',
  '发送消息数',
  '已回复聊天占比',
  '平均首次回复时长',
  '删除/拉黑成员的客户数',
];
const rosterHeaders = ['工号', '姓名', '所属门店', '岗位', '入职日期', '手机号', '企业微信账号', '在职状态'];
const posHeaders = salesHeaders;
const groupHeaders = ['日期', '群主', '群总数', '群成员总数', '新增群成员数', '退群人数', '群聊消息总数'];
const dailyHeaders = ['日期', '门店编码', '工号', '姓名', '朋友圈发布数', '社群消息数'];

describe('detectLayout: telling the kinds apart', () => {
  it('reads a WeCom contact export as wecom-contacts, every column mapped', () => {
    const layout = detectLayout(
      grid([wecomContactHeaders, ['张伟', '品牌/华东区/上海静安嘉里店', 12, 30, 41, 233, '85.71%', '12分钟', 2]]),
    );
    expect(layout?.kind).toBe('wecom-contacts');
    expect(layout?.headerRowIndex).toBe(0);
    expect(fieldsOf(layout)).toEqual({
      成员: 'guideName',
      所在部门: 'department',
      发起申请数: 'contactRequests',
      新增客户数: 'newContacts',
      聊天总数: 'chats',
      发送消息数: 'messagesSent',
      已回复聊天占比: 'replyRate',
      平均首次回复时长: 'avgFirstReplyMinutes',
      '删除/拉黑成员的客户数': 'lostContacts',
    });
    expect(layout?.missingRequired).toEqual([]);
    // Nine fields matched, nothing required missing.
    expect(layout?.score).toBe(9);
  });

  it('reads a roster as roster', () => {
    const layout = detectLayout(
      grid([rosterHeaders, ['007', '张伟', '上海静安嘉里店', '导购', '2024-03-01', '13800138000', 'zhangwei', '在职']]),
    );
    expect(layout?.kind).toBe('roster');
    expect(fieldsOf(layout)).toEqual({
      工号: 'staffNo',
      姓名: 'guideName',
      所属门店: 'storeName',
      岗位: 'role',
      入职日期: 'hireDate',
      手机号: 'phone',
      企业微信账号: 'wecomAccount',
      在职状态: 'employment',
    });
  });

  it('reads a POS export as sales', () => {
    const layout = detectLayout(
      grid([posHeaders, ['2026-11-18', 'SH001', '上海静安嘉里店', '007', '张伟', '门店', 3, 1234.5, 0, 2]]),
    );
    expect(layout?.kind).toBe('sales');
    expect(fieldsOf(layout)).toEqual({
      日期: 'date',
      门店编码: 'storeCode',
      门店名称: 'storeName',
      导购工号: 'staffNo',
      导购姓名: 'guideName',
      渠道: 'channel',
      订单数: 'orders',
      成交金额: 'grossSales',
      退款金额: 'refunds',
      新增会员数: 'newMembers',
    });
    expect(layout?.missingRequired).toEqual([]);
  });

  it('reads a customer-group export as wecom-groups', () => {
    const layout = detectLayout(grid([groupHeaders, ['2026-11-18', '张伟', 3, 412, 9, 1, 87]]));
    expect(layout?.kind).toBe('wecom-groups');
    expect(fieldsOf(layout)).toEqual({
      日期: 'date',
      群主: 'guideName',
      群总数: 'groups',
      群成员总数: 'groupMembers',
      新增群成员数: 'newGroupMembers',
      退群人数: 'lostGroupMembers',
      群聊消息总数: 'groupMessages',
    });
  });

  it('reads the daily template as daily', () => {
    const layout = detectLayout(grid([dailyHeaders, ['2026-11-18', 'SH001', '007', '张伟', 2, 15]]));
    expect(layout?.kind).toBe('daily');
    expect(fieldsOf(layout)).toEqual({
      日期: 'date',
      门店编码: 'storeCode',
      工号: 'staffNo',
      姓名: 'guideName',
      朋友圈发布数: 'momentsPosts',
      社群消息数: 'groupMessages',
    });
  });

  it('chooses sales over daily when a money column is there, daily when a moments column is', () => {
    expect(detectLayout(grid([['日期', '工号', '姓名', '销售额']]))?.kind).toBe('sales');
    expect(detectLayout(grid([['日期', '工号', '姓名', '朋友圈发布数']]))?.kind).toBe('daily');
  });

  it('reads a trimmed WeCom export (成员 and two counts) as wecom-contacts, not as a daily file without dates', () => {
    const layout = detectLayout(grid([['成员', '新增客户数', '删除/拉黑成员的客户数']]));
    expect(layout?.kind).toBe('wecom-contacts');
    // daily matches the same three columns but lacks its required 日期: 3 − 0.5.
    expect(layout?.score).toBe(3);
  });

  it('reads a file with dates and guide identity only as daily: sales would lack its required amount', () => {
    const layout = detectLayout(grid([['日期', '门店编码', '工号', '姓名']]));
    expect(layout?.kind).toBe('daily');
    expect(layout?.missingRequired).toEqual([]);
  });

  it("keeps the kind it is told, with that kind's mapping and missing fields", () => {
    const layout = detectLayout(grid([posHeaders]), { kind: 'daily' });
    expect(layout?.kind).toBe('daily');
    expect(fieldsOf(layout)['成交金额']).toBeNull();
    expect(fieldsOf(layout)['导购工号']).toBe('staffNo');
  });
});

describe('detectLayout: finding the header row', () => {
  it('skips title rows and takes the period from them', () => {
    const layout = detectLayout(
      grid([
        ['联系客户统计', null, null, null, null, null, null, null, null],
        ['统计时间：2026-11-16 至 2026-11-22', null, null, null, null, null, null, null, null],
        [],
        wecomContactHeaders,
        ['张伟', '品牌/华东区/上海静安嘉里店', 12, 30, 41, 233, '85.71%', '12分钟', 2],
        ['李娜', '品牌/华东区/上海静安嘉里店', 8, 21, 35, 180, '90.00%', '8分钟', 0],
      ]),
    );
    expect(layout?.kind).toBe('wecom-contacts');
    expect(layout?.headerRowIndex).toBe(3);
    expect(layout?.period).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });

  it('finds a period split over cells of a title row', () => {
    const layout = detectLayout(grid([['统计时间', '2026/11/16', '-', '2026/11/22'], groupHeaders]));
    expect(layout?.period).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });

  it('has no period when nothing above the header names one, even when the data rows hold dates', () => {
    const layout = detectLayout(
      grid([posHeaders, ['2026-11-16', 'SH001', '上海静安嘉里店', '007', '张伟', '门店', 3, 1234.5, 0, 2]]),
    );
    expect(layout?.period).toBeNull();
  });

  it('finds a header on row 30 but not on row 31', () => {
    const titles: GridRow[] = Array.from({ length: 29 }, (_, i) => [`第${i + 1}行说明`]);
    expect(detectLayout(grid([...titles, rosterHeaders]))?.headerRowIndex).toBe(29);
    expect(detectLayout(grid([...titles, ['空'], rosterHeaders]))).toBeNull();
  });

  it('returns null when no row matches two fields', () => {
    expect(detectLayout(grid([]))).toBeNull();
    expect(
      detectLayout(
        grid([
          ['商品名称', '规格', '库存'],
          ['面霜', '50ml', 12],
        ]),
      ),
    ).toBeNull();
    expect(detectLayout(grid([['姓名', '备注']]))).toBeNull();
  });

  it('does not take a data row full of names for the header', () => {
    const layout = detectLayout(
      grid([['导购销售日报'], posHeaders, ['2026-11-18', 'SH001', '门店', '007', '导购', '门店', 3, 1234.5, 0, 2]]),
    );
    expect(layout?.headerRowIndex).toBe(1);
  });
});

describe('detectLayout: header spellings', () => {
  it('maps the headers SCRM tools rename', () => {
    const layout = detectLayout(
      grid([['添加员工', '所属部门', '新增客户数', '单聊总数', '平均回复时长(分)', '回复率']]),
    );
    expect(layout?.kind).toBe('wecom-contacts');
    expect(fieldsOf(layout)).toEqual({
      添加员工: 'guideName',
      所属部门: 'department',
      新增客户数: 'newContacts',
      单聊总数: 'chats',
      '平均回复时长(分)': 'avgFirstReplyMinutes',
      回复率: 'replyRate',
    });
  });

  it('reads full-width brackets, spaces, required stars and line breaks in headers', () => {
    const layout = detectLayout(grid([['*日期', ' 工 号 ', '导购\n姓名', '成交金额（元）', '退款金额（元）']]));
    expect(layout?.kind).toBe('sales');
    expect(layout?.columns).toEqual([
      { column: 0, header: '*日期', field: 'date' },
      { column: 1, header: '工 号', field: 'staffNo' },
      { column: 2, header: '导购\n姓名', field: 'guideName' },
      { column: 3, header: '成交金额（元）', field: 'grossSales' },
      { column: 4, header: '退款金额（元）', field: 'refunds' },
    ]);
  });

  it('takes a header that goes on with a unit, but not one that goes on with another word', () => {
    const layout = detectLayout(grid([['日期', '导购姓名', '销售额/元', '订单数(笔)', '业绩目标', '门店编码(新)']]));
    expect(fieldsOf(layout)).toEqual({
      日期: 'date',
      导购姓名: 'guideName',
      '销售额/元': 'grossSales',
      '订单数(笔)': 'orders',
      业绩目标: null,
      '门店编码(新)': 'storeCode',
    });
  });

  it('leaves money in 万元 or 分 and durations in seconds for the user, as they would be read at the wrong scale', () => {
    const sales = detectLayout(grid([['日期', '导购姓名', '成交金额(万元)', '退款金额(分)']]));
    expect(fieldsOf(sales)).toMatchObject({ '成交金额(万元)': null, '退款金额(分)': null });
    // Still a sales file: the unmapped money headers count as evidence of the kind.
    expect(sales?.kind).toBe('sales');
    expect(sales?.missingRequired).toEqual(['grossSales']);
    const contacts = detectLayout(grid([['成员', '新增客户数', '平均首次回复时长(秒)']]));
    expect(fieldsOf(contacts)['平均首次回复时长(秒)']).toBeNull();
  });

  it('takes headers with a note in brackets', () => {
    const layout = detectLayout(grid([['日期(yyyy-mm-dd)', '工号（必填）', '姓名（必填）', '朋友圈发布数']]));
    expect(layout?.kind).toBe('daily');
    expect(layout?.columns.map((column) => column.field)).toEqual(['date', 'staffNo', 'guideName', 'momentsPosts']);
  });

  it('keeps an unknown header, with no field', () => {
    const layout = detectLayout(grid([['序号', ...posHeaders, '客单价']]));
    expect(layout?.kind).toBe('sales');
    expect(layout?.columns[0]).toEqual({ column: 0, header: '序号', field: null });
    expect(layout?.columns.at(-1)).toEqual({ column: 11, header: '客单价', field: null });
    expect(layout?.columns).toHaveLength(12);
  });

  it('skips empty header cells but keeps the column numbers of the others', () => {
    const layout = detectLayout(grid([[null, '日期', '', '导购姓名', '  ', '成交金额']]));
    expect(layout?.columns.map((column) => [column.column, column.field])).toEqual([
      [1, 'date'],
      [3, 'guideName'],
      [5, 'grossSales'],
    ]);
  });

  it('reports required fields that have no column', () => {
    const layout = detectLayout(grid([['日期', '门店编码', '导购工号', '导购姓名', '渠道', '订单数', '退款金额']]));
    expect(layout?.kind).toBe('sales');
    expect(layout?.missingRequired).toEqual(['grossSales']);
    const roster = detectLayout(grid([['工号', '所属门店', '岗位', '入职日期']]));
    expect(roster?.kind).toBe('roster');
    expect(roster?.missingRequired).toEqual(['guideName']);
  });

  it('maps a field to one column only, the first', () => {
    const layout = detectLayout(grid([['日期', '导购姓名', '销售额', '成交金额']]));
    expect(fieldsOf(layout)).toEqual({ 日期: 'date', 导购姓名: 'guideName', 销售额: 'grossSales', 成交金额: null });
  });

  it('prefers an exact header over one that only starts with a synonym', () => {
    const layout = detectLayout(grid([['日期', '导购姓名', '销售额(含税)', '成交金额']]));
    expect(fieldsOf(layout)).toMatchObject({ '销售额(含税)': null, 成交金额: 'grossSales' });
  });
});

describe('detectLayout: saved mappings', () => {
  it('applies a mapping the user made once to an otherwise unknown header', () => {
    const headers = ['业务日期', '导购', '成交额度', '退款'];
    expect(fieldsOf(detectLayout(grid([headers])))['成交额度']).toBeNull();
    const layout = detectLayout(grid([headers]), { savedMappings: { sales: { 成交额度: 'grossSales' } } });
    expect(layout?.kind).toBe('sales');
    expect(fieldsOf(layout)['成交额度']).toBe('grossSales');
    expect(layout?.missingRequired).toEqual([]);
  });

  it('lets the saved mapping win over a synonym for the same field', () => {
    const layout = detectLayout(grid([['日期', '导购姓名', '成交金额', '实收金额']]), {
      savedMappings: { sales: { 实收金额: 'grossSales' } },
    });
    expect(fieldsOf(layout)).toMatchObject({ 成交金额: null, 实收金额: 'grossSales' });
  });

  it('matches saved keys whatever form they were stored in', () => {
    const layout = detectLayout(grid([['日期', '导购姓名', '成交额度（元）']]), {
      savedMappings: { sales: { '成交额度(元)': 'grossSales' } },
    });
    expect(fieldsOf(layout)['成交额度（元）']).toBe('grossSales');
  });

  it('treats a saved mapping to no field of the kind as "ignore this column"', () => {
    const layout = detectLayout(grid([['日期', '导购姓名', '销售额', '业绩']]), {
      savedMappings: { sales: { 销售额: '' } },
    });
    expect(fieldsOf(layout)).toMatchObject({ 销售额: null, 业绩: 'grossSales' });
  });

  it('uses only the mappings saved for the kind being scored', () => {
    const layout = detectLayout(grid([['日期', '导购姓名', '成交额度']]), {
      savedMappings: { daily: { 成交额度: 'grossSales' } },
    });
    expect(fieldsOf(layout)['成交额度']).toBeNull();
  });
});

describe('the templates', () => {
  it.each(importKinds)('%s has no synonym that two of its fields share', (kind) => {
    const seen = new Map<string, string>();
    for (const { field, synonyms } of importTemplates[kind].fields) {
      for (const synonym of synonyms) {
        const normalized = normalizeHeader(synonym);
        expect(seen.get(normalized) ?? field, `${kind}: ${synonym}`).toBe(field);
        seen.set(normalized, field);
      }
    }
  });
});
