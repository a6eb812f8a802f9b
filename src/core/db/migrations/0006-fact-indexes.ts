/**
 * Fact indexes for writing as well as reading. Every index on a fact table is paid for on every
 * row an import writes; 0003's covering week indexes (nine columns on sales) made a 100,000-row
 * import spend most of its commit keeping them, for reads the weekly rollup now answers. Each
 * fact table keeps its key, its import, the references to guides and stores (undo and foreign
 * keys look rows up by them), and one index that leads with the date; the sums of a week read
 * the rows through it (fact-repository.ts), a few hundred milliseconds at most and only when a
 * week's rollup is summed again.
 */
export const migration0006 = {
  version: 6,
  name: 'fact-indexes',
  sql: `
DROP INDEX sales_facts_week;
DROP INDEX contact_facts_week;
DROP INDEX activity_facts_week;

-- The sales key leads with the date, so it is also the date index (the week's rows, any fact on a
-- date, the latest date): a new week's file adds its rows at the end of the index instead of
-- all over it, and one index less is kept on every write.
DROP INDEX sales_facts_date;
DROP INDEX sales_facts_key;
CREATE UNIQUE INDEX sales_facts_key ON sales_facts (date, store_id, ifnull(guide_id, ''), channel);
-- The key no longer leads with the store: a store's sales (undo checks a store is unused before
-- removing it; so does the foreign key) need their own, narrow index.
CREATE INDEX sales_facts_store ON sales_facts (store_id);
`,
} as const;
