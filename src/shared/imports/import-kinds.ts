/** The kinds of file PilotDesk imports, each with a template of expected columns. */
export const importKinds = ['roster', 'wecom-contacts', 'wecom-groups', 'sales', 'daily'] as const;
export type ImportKind = (typeof importKinds)[number];

/** How a cell's text becomes a value (see coerce.ts). */
export type FieldType =
  | 'text' // trimmed text
  | 'code' // text that keeps leading zeros (工号, 门店编码, phone numbers)
  | 'date' // a local calendar date, YYYY-MM-DD
  | 'integer' // a whole count ≥ 0
  | 'money' // yuan in the file, integer fen in the result
  | 'ratio' // "85.71%" or 0.8571 → 0.8571
  | 'minutes' // "12分钟", "1小时5分钟", 12 → minutes
  | 'channel' // 门店/POS/小程序/微商城/APP/直播 → Channel
  | 'role' // 店长/导购 → GuideRole
  | 'employment' // 在职/离职 → EmploymentStatus
  | 'department'; // "品牌/华东区/上海静安嘉里店" → the last segment names the store

export interface FieldDefinition {
  /** The field's code name (METRICS.md names for metrics). */
  field: string;
  type: FieldType;
  /** Headers as exports write them. Compared after normalising (see normalizeHeader). */
  synonyms: readonly string[];
  required?: boolean;
}

export interface ImportTemplate {
  kind: ImportKind;
  /** The label people know the file by. */
  fields: readonly FieldDefinition[];
  /** Per-period files (WeCom contact statistics) take their dates from a title line or the user. */
  needsPeriod: boolean;
}

const guideIdentity: FieldDefinition[] = [
  {
    field: 'staffNo',
    type: 'code',
    synonyms: ['工号', '导购工号', '员工工号', '员工编号', '导购编号', '员工号', '工号/编号'],
  },
  {
    field: 'guideName',
    type: 'text',
    synonyms: [
      '导购姓名',
      '姓名',
      '导购',
      '员工姓名',
      '成员',
      '成员名称',
      '添加员工',
      '员工',
      '导购名称',
      '群主',
      '群主名称',
    ],
  },
  {
    field: 'wecomAccount',
    type: 'code',
    synonyms: ['企业微信账号', '成员账号', '企微账号', 'userid', '账号', '企业微信id'],
  },
  { field: 'storeCode', type: 'code', synonyms: ['门店编码', '门店编号', '店铺编码', '门店代码', '店号', '门店id'] },
  { field: 'storeName', type: 'text', synonyms: ['门店名称', '门店', '所属门店', '店铺名称', '店铺', '门店名'] },
];

/**
 * The templates, with the column names seen in WeCom, POS, mini-program and SCRM exports. Synonyms
 * are data: a user's own mapping of an unknown header is kept beside them (import_mappings).
 */
export const importTemplates: Record<ImportKind, ImportTemplate> = {
  roster: {
    kind: 'roster',
    needsPeriod: false,
    fields: [
      {
        field: 'staffNo',
        type: 'code',
        required: true,
        synonyms: ['工号', '员工工号', '员工编号', '导购工号', '员工号', '工号/编号'],
      },
      { field: 'guideName', type: 'text', required: true, synonyms: ['姓名', '导购姓名', '员工姓名', '名字'] },
      { field: 'storeCode', type: 'code', synonyms: ['门店编码', '门店编号', '店铺编码', '门店代码', '店号'] },
      { field: 'storeName', type: 'text', synonyms: ['所属门店', '门店名称', '门店', '店铺名称', '店铺'] },
      { field: 'role', type: 'role', synonyms: ['岗位', '职位', '职务', '角色'] },
      { field: 'hireDate', type: 'date', synonyms: ['入职日期', '入职时间', '入职'] },
      { field: 'phone', type: 'code', synonyms: ['手机号', '手机', '手机号码', '联系电话', '电话'] },
      { field: 'wecomAccount', type: 'code', synonyms: ['企业微信账号', '企微账号', '成员账号', 'userid', '企业微信'] },
      { field: 'employment', type: 'employment', synonyms: ['在职状态', '状态', '员工状态', '是否在职'] },
      { field: 'leftOn', type: 'date', synonyms: ['离职日期', '离职时间'] },
      { field: 'region', type: 'text', synonyms: ['区域', '大区', '所属区域'] },
    ],
  },
  'wecom-contacts': {
    kind: 'wecom-contacts',
    needsPeriod: true,
    fields: [
      {
        field: 'guideName',
        type: 'text',
        required: true,
        synonyms: ['成员', '成员名称', '员工', '添加员工', '员工姓名', '姓名'],
      },
      { field: 'department', type: 'department', synonyms: ['所在部门', '所属部门', '部门'] },
      { field: 'wecomAccount', type: 'code', synonyms: ['成员账号', '账号', 'userid', '企业微信账号'] },
      { field: 'staffNo', type: 'code', synonyms: ['工号', '员工工号'] },
      { field: 'contactRequests', type: 'integer', synonyms: ['发起申请数', '发起好友申请数', '主动申请数'] },
      { field: 'newContacts', type: 'integer', synonyms: ['新增客户数', '新增客户', '新增好友数', '添加客户数'] },
      { field: 'chats', type: 'integer', synonyms: ['聊天总数', '聊天数', '单聊总数', '单聊数'] },
      { field: 'messagesSent', type: 'integer', synonyms: ['发送消息数', '发消息数', '消息发送数', '单聊消息数'] },
      { field: 'replyRate', type: 'ratio', synonyms: ['已回复聊天占比', '回复率', '已回复聊天比例', '回复占比'] },
      {
        field: 'avgFirstReplyMinutes',
        type: 'minutes',
        synonyms: ['平均首次回复时长', '平均回复时长', '平均回复时长(分)', '平均首次回复时长(分钟)', '首次回复时长'],
      },
      {
        field: 'lostContacts',
        type: 'integer',
        synonyms: ['删除/拉黑成员的客户数', '删除拉黑成员的客户数', '流失客户数', '删除/拉黑客户数', '被删除数'],
      },
    ],
  },
  'wecom-groups': {
    kind: 'wecom-groups',
    needsPeriod: false,
    fields: [
      { field: 'date', type: 'date', required: true, synonyms: ['日期', '统计日期', '时间'] },
      { field: 'guideName', type: 'text', required: true, synonyms: ['群主', '群主名称', '群主姓名', '成员'] },
      { field: 'department', type: 'department', synonyms: ['所在部门', '所属部门', '部门'] },
      { field: 'wecomAccount', type: 'code', synonyms: ['群主账号', '成员账号', 'userid'] },
      { field: 'staffNo', type: 'code', synonyms: ['工号'] },
      { field: 'groups', type: 'integer', synonyms: ['群总数', '客户群总数', '群数量', '客户群数'] },
      { field: 'groupMembers', type: 'integer', synonyms: ['群成员总数', '群人数', '群成员数', '客户群成员数'] },
      {
        field: 'newGroupMembers',
        type: 'integer',
        synonyms: ['新增群成员数', '入群人数', '新增入群人数', '新增成员数'],
      },
      { field: 'lostGroupMembers', type: 'integer', synonyms: ['退群人数', '退群成员数', '流失群成员数'] },
      { field: 'groupMessages', type: 'integer', synonyms: ['群聊消息总数', '群消息数', '群聊消息数', '社群消息数'] },
      { field: 'activeGroupMembers', type: 'integer', synonyms: ['发过消息的群成员数', '活跃成员数', '发言人数'] },
    ],
  },
  sales: {
    kind: 'sales',
    needsPeriod: false,
    fields: [
      {
        field: 'date',
        type: 'date',
        required: true,
        synonyms: ['日期', '销售日期', '订单日期', '业务日期', '成交日期'],
      },
      ...guideIdentity,
      { field: 'channel', type: 'channel', synonyms: ['渠道', '销售渠道', '订单来源', '成交渠道', '来源渠道'] },
      { field: 'orders', type: 'integer', synonyms: ['订单数', '订单量', '成交单数', '单数', '笔数'] },
      {
        field: 'grossSales',
        type: 'money',
        required: true,
        synonyms: ['成交金额', '销售额', '销售金额', '实付金额', '业绩', '成交额', '销售额(元)'],
      },
      { field: 'refunds', type: 'money', synonyms: ['退款金额', '退款', '退货金额', '退款额'] },
      {
        field: 'newMembers',
        type: 'integer',
        synonyms: ['新增会员数', '注册会员数', '新会员数', '新增会员', '开卡数'],
      },
    ],
  },
  daily: {
    kind: 'daily',
    needsPeriod: false,
    fields: [
      { field: 'date', type: 'date', required: true, synonyms: ['日期'] },
      ...guideIdentity,
      { field: 'momentsPosts', type: 'integer', synonyms: ['朋友圈发布数', '朋友圈条数', '发朋友圈数'] },
      { field: 'groupMessages', type: 'integer', synonyms: ['社群消息数', '群发消息数', '群消息数'] },
      { field: 'newContacts', type: 'integer', synonyms: ['新增客户数', '新增好友数'] },
      { field: 'lostContacts', type: 'integer', synonyms: ['删除/拉黑成员的客户数', '流失客户数'] },
    ],
  },
};
