import type { FactTable } from '../facts/fact-tables';

/** Where each kind's metrics are stored: the fact table and the column of each metric field. */
export interface FactTableSpec {
  table: FactTable;
  /** Field name (import template) → column. Money fields arrive in fen already. */
  metrics: Readonly<Record<string, string>>;
}

export const salesFacts: FactTableSpec = {
  table: 'sales_facts',
  metrics: { orders: 'orders', grossSales: 'gross_sales_fen', refunds: 'refunds_fen', newMembers: 'new_members' },
};

export const contactFacts: FactTableSpec = {
  table: 'contact_facts',
  metrics: {
    contactRequests: 'contact_requests',
    newContacts: 'new_contacts',
    lostContacts: 'lost_contacts',
    chats: 'chats',
    messagesSent: 'messages_sent',
    replyRate: 'reply_rate',
    avgFirstReplyMinutes: 'avg_first_reply_minutes',
  },
};

export const activityFacts: FactTableSpec = {
  table: 'activity_facts',
  metrics: { momentsPosts: 'moments_posts', groupMessages: 'group_messages' },
};

export const groupFacts: FactTableSpec = {
  table: 'group_facts',
  metrics: {
    groups: 'groups',
    groupMembers: 'group_members',
    newGroupMembers: 'new_group_members',
    lostGroupMembers: 'lost_group_members',
    groupMessages: 'group_messages',
    activeGroupMembers: 'active_group_members',
  },
};

/** Every table an import may write, with the columns an undo restores. */
export const undoableTables = [
  'sales_facts',
  'contact_facts',
  'activity_facts',
  'group_facts',
  'guides',
  'stores',
] as const;
export type UndoableTable = (typeof undoableTables)[number];
