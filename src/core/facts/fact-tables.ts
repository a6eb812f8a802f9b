/** The fact tables, which only the facts repository reads and writes (fact-repository.ts, fact-weeks.ts). */
export type FactTable = 'sales_facts' | 'contact_facts' | 'activity_facts' | 'group_facts';

export const factTables: readonly FactTable[] = ['sales_facts', 'contact_facts', 'activity_facts', 'group_facts'];

export function isFactTable(table: string): table is FactTable {
  return (factTables as readonly string[]).includes(table);
}

/** The columns of each table's unique key (a sale's guide may be missing: its key reads it as ''). */
export const factKeyColumns: Readonly<Record<FactTable, readonly string[]>> = {
  sales_facts: ['date', 'store_id', 'guide_id', 'channel'],
  contact_facts: ['guide_id', 'period_from', 'period_to'],
  activity_facts: ['guide_id', 'date'],
  group_facts: ['guide_id', 'date'],
};

/** The column each table's facts are dated by (a contact period by its first day). */
export const factDateColumn: Readonly<Record<FactTable, string>> = {
  sales_facts: 'date',
  contact_facts: 'period_from',
  activity_facts: 'date',
  group_facts: 'date',
};
