import type { Locale } from '../preferences/preferences-schema';

/** Every reason a row (or a file) is refused, with the words shown to the user. */
const messages = {
  missingValue: { 'zh-CN': '缺少{column}', en: '{column} is missing' },
  notANumber: { 'zh-CN': '不是数字', en: 'Not a number' },
  negative: { 'zh-CN': '不能为负数', en: 'Cannot be negative' },
  notAWholeNumber: { 'zh-CN': '应为整数', en: 'Must be a whole number' },
  notADate: { 'zh-CN': '不是有效日期', en: 'Not a valid date' },
  notARatio: { 'zh-CN': '不是有效的比例（如 85.71%）', en: 'Not a valid ratio (e.g. 85.71%)' },
  notADuration: { 'zh-CN': '不是有效的时长（如 12分钟）', en: 'Not a valid duration (e.g. 12分钟)' },
  unknownChannel: {
    'zh-CN': '不认识的渠道「{value}」，请在渠道映射中指定',
    en: 'Unknown channel “{value}”: map it to a channel',
  },
  unknownRole: { 'zh-CN': '不认识的岗位（店长/导购）', en: 'Unknown role (店长/导购)' },
  unknownEmployment: { 'zh-CN': '不认识的在职状态（在职/离职）', en: 'Unknown employment status (在职/离职)' },
  tooLong: { 'zh-CN': '内容太长', en: 'Too long' },
  unknownGuide: { 'zh-CN': '找不到导购「{label}」', en: 'No guide “{label}” in this workspace' },
  ambiguousGuide: {
    'zh-CN': '有 {count} 位导购叫「{label}」，请在表中加上工号或门店',
    en: '{count} guides are called “{label}”: add staff numbers or stores',
  },
  unknownStore: { 'zh-CN': '找不到门店「{label}」', en: 'No store “{label}” in this workspace' },
  archivedStore: { 'zh-CN': '门店「{label}」已归档', en: 'Store “{label}” is archived' },
  archivedGuide: {
    'zh-CN': '工号 {label} 的导购已归档，请先在导购页恢复',
    en: 'The guide with staff no. {label} is archived: restore them first',
  },
  duplicateRow: { 'zh-CN': '与第 {first} 行重复，已保留第 {first} 行', en: 'Repeats row {first}; row {first} is kept' },
  futureDate: { 'zh-CN': '不能晚于今天（{today}）', en: 'Cannot be after today ({today})' },
  phoneFormat: { 'zh-CN': '不是有效的手机号', en: 'Not a valid mobile number' },
  codeFormat: { 'zh-CN': '只能用字母、数字和 - _ .', en: 'Letters, digits and - _ . only' },
  missingColumn: { 'zh-CN': '缺少必需的列：{columns}', en: 'Required columns missing: {columns}' },
  missingPeriod: {
    'zh-CN': '文件里没有统计时间，请指定统计周期',
    en: 'The file has no period: give the dates it covers',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ImportErrorCode = keyof typeof messages;

export function describeImportError(
  locale: Locale,
  code: ImportErrorCode,
  params: Record<string, string | number> = {},
): string {
  return messages[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isImportErrorCode(code: string): code is ImportErrorCode {
  return code in messages;
}

/** Field names as column labels, for messages about a column the file lacks. */
export const fieldLabels: Record<string, { 'zh-CN': string; en: string }> = {
  staffNo: { 'zh-CN': '工号', en: 'Staff no.' },
  guideName: { 'zh-CN': '姓名', en: 'Name' },
  wecomAccount: { 'zh-CN': '企业微信账号', en: 'WeCom account' },
  storeCode: { 'zh-CN': '门店编码', en: 'Store code' },
  storeName: { 'zh-CN': '门店名称', en: 'Store name' },
  department: { 'zh-CN': '所在部门', en: 'Department' },
  role: { 'zh-CN': '岗位', en: 'Role' },
  hireDate: { 'zh-CN': '入职日期', en: 'Hire date' },
  phone: { 'zh-CN': '手机号', en: 'Mobile' },
  employment: { 'zh-CN': '在职状态', en: 'Employment' },
  leftOn: { 'zh-CN': '离职日期', en: 'Left on' },
  region: { 'zh-CN': '区域', en: 'Region' },
  date: { 'zh-CN': '日期', en: 'Date' },
  channel: { 'zh-CN': '渠道', en: 'Channel' },
  orders: { 'zh-CN': '订单数', en: 'Orders' },
  grossSales: { 'zh-CN': '成交金额', en: 'Gross sales' },
  refunds: { 'zh-CN': '退款金额', en: 'Refunds' },
  newMembers: { 'zh-CN': '新增会员数', en: 'New members' },
  contactRequests: { 'zh-CN': '发起申请数', en: 'Contact requests' },
  newContacts: { 'zh-CN': '新增客户数', en: 'New contacts' },
  lostContacts: { 'zh-CN': '删除/拉黑成员的客户数', en: 'Lost contacts' },
  chats: { 'zh-CN': '聊天总数', en: 'Chats' },
  messagesSent: { 'zh-CN': '发送消息数', en: 'Messages sent' },
  replyRate: { 'zh-CN': '已回复聊天占比', en: 'Reply rate' },
  avgFirstReplyMinutes: { 'zh-CN': '平均首次回复时长', en: 'Avg. first reply (min)' },
  momentsPosts: { 'zh-CN': '朋友圈发布数', en: 'Moments posts' },
  groupMessages: { 'zh-CN': '社群消息数', en: 'Group messages' },
  groups: { 'zh-CN': '群总数', en: 'Groups' },
  groupMembers: { 'zh-CN': '群成员总数', en: 'Group members' },
  newGroupMembers: { 'zh-CN': '新增群成员数', en: 'New group members' },
  lostGroupMembers: { 'zh-CN': '退群人数', en: 'Members who left' },
  activeGroupMembers: { 'zh-CN': '发过消息的群成员数', en: 'Active group members' },
  period: { 'zh-CN': '统计时间', en: 'Period' },
};
