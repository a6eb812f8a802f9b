import { describe, expect, it } from 'vitest';
import { classifyRow } from '../../../src/shared/imports/row-classification';

// A POS export: 日期, 门店编码, 门店名称, 导购工号, 导购姓名, 渠道, 订单数, 成交金额 in columns 0–7.
const posColumns = [0, 1, 2, 3, 4, 5, 6, 7];
// A WeCom export led by an unmapped 序号 column: 成员 is column 1.
const wecomColumns = [1, 2, 3, 4];

describe('classifyRow', () => {
  it('reads a filled row as data', () => {
    expect(
      classifyRow(['2026-11-18', 'SH001', '上海静安嘉里店', '007', '张伟', '门店', 3, '1,234.50'], posColumns),
    ).toBe('data');
  });

  it('keeps a half-filled row as data, so validation can report it', () => {
    expect(classifyRow([null, null, null, null, '张伟', null, null, null], posColumns)).toBe('data');
    expect(classifyRow(['张伟'], posColumns)).toBe('data');
  });

  it.each([
    ['no cells', []],
    ['null cells', [null, null, null]],
    ['blank and full-width-space text', ['', '  ', '\u3000', null]],
  ])('reads %s as blank', (_label, row) => {
    expect(classifyRow(row, posColumns)).toBe('blank');
  });

  it.each([
    ['合计 in the first cell', ['合计', null, null, null, null, null, 128, 98765.4]],
    ['a spaced 合 计', ['合 计', null, null, null, null, null, 128, 98765.4]],
    ['合计 with a full-width colon', ['合计：', null, null, null, null, null, 128, 98765.4]],
    ['总计', ['总计', '', '', '', '', '', 128, 98765.4]],
    ['小计 after a store name', ['2026-11-18', 'SH001', '上海静安嘉里店', '小计', null, null, 12, 3456]],
    ['汇总', [null, '汇总', 36, 20]],
    ['Total', ['Total:', null, null, null, null, null, 128, 98765.4]],
  ])('reads a row with %s as a total', (_label, row) => {
    expect(classifyRow(row, posColumns)).toBe('total');
  });

  it.each([
    ['制表人', ['制表人：李娜', null, null, null, null, '审核：王强']],
    ['备注', ['备注：退款金额含跨日退款']],
    ['说明', [null, '说明：数据T+1更新']],
    ['注：', ['注：成交金额不含运费']],
    ['注:', ['注: 已剔除测试订单']],
    ['数据来源', ['数据来源：企业微信管理后台']],
    ['导出时间', ['导出时间：2026-11-23 09:12:45']],
    ['打印时间', ['打印时间 2026/11/23']],
  ])('reads a %s line as a note', (_label, row) => {
    expect(classifyRow(row, posColumns)).toBe('note');
  });

  it('reads a lone long sentence at the left edge as a note', () => {
    expect(classifyRow(['以上数据来自企业微信管理后台，仅供内部复盘使用'], posColumns)).toBe('note');
    expect(classifyRow(['以上数据来自企业微信管理后台，仅供内部复盘使用', null, null, null, null], wecomColumns)).toBe(
      'note',
    );
  });

  it('does not take a lone long text right of the first mapped column for a note', () => {
    expect(classifyRow([null, null, '品牌/华东区/上海静安嘉里中心旗舰店（二期）'], posColumns)).toBe('data');
  });

  it('does not take a note word inside a data row for a note', () => {
    expect(classifyRow(['说明书赠品', 'SH001', 3], posColumns)).toBe('data');
    expect(classifyRow(['备注：补录', '2026-11-18', 'SH001', 3, 120], posColumns)).toBe('data');
  });

  it('does not take a store name that contains 合计-like words for a total', () => {
    expect(classifyRow(['2026-11-18', 'SH009', '汇总广场店', '009', '赵敏', '门店', 1, 88], posColumns)).toBe('data');
  });
});
