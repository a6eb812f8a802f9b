import { todayIn } from '../../shared/dates/local-date';
import { isoWeekRange, lastCompleteWeek, shiftWeek } from '../../shared/dates/iso-week';
import type { Database } from '../db/database';
import { newId } from '../ids';
import { buildDemoFacts } from './demo-facts';
import { buildDemoRoster } from './demo-roster';
import { demoDealerName, demoStores } from './demo-stores';
import { SeededRandom } from './random';

export interface DemoOptions {
  now: Date;
  /** The last complete week of figures; defaults to the last complete week before `now`. */
  lastWeek?: string;
  weeks?: number;
  seed?: number;
}

export interface DemoSummary {
  stores: number;
  guides: number;
  salesFacts: number;
  contactFacts: number;
  activityFacts: number;
  from: string;
  to: string;
}

/** Fills an empty workspace with the demo pilot, in one transaction. */
export function populateDemo(db: Database, options: DemoOptions): DemoSummary {
  const weeks = options.weeks ?? 8;
  const lastWeek = options.lastWeek ?? lastCompleteWeek(todayIn('Asia/Shanghai', options.now));
  const from = isoWeekRange(shiftWeek(lastWeek, -(weeks - 1))).from;
  const { from: lastWeekFrom, to } = isoWeekRange(lastWeek);
  const random = new SeededRandom(options.seed ?? 20_260_047);
  const roster = buildDemoRoster(demoStores, random, { from, to });
  const facts = buildDemoFacts(demoStores, roster, random, { from, days: weeks * 7, lastWeekFrom });
  const at = options.now.toISOString();

  db.transaction(() => {
    const dealerId = newId();
    db.run('INSERT INTO dealers (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)', [
      dealerId,
      demoDealerName,
      at,
      at,
    ]);
    const storeIds = new Map<string, string>();
    for (const store of demoStores) {
      const id = newId();
      storeIds.set(store.code, id);
      db.run(
        `INSERT INTO stores (id, code, name, region, city, store_type, dealer_id, pilot_wave, opened_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          store.code,
          store.name,
          store.region,
          store.city,
          store.storeType,
          store.storeType === 'franchise' ? dealerId : null,
          store.pilotWave,
          store.openedOn,
          at,
          at,
        ],
      );
    }
    const guideIds = new Map<string, string>();
    for (const guide of roster) {
      const id = newId();
      guideIds.set(guide.staffNo, id);
      db.run(
        `INSERT INTO guides (id, staff_no, name, store_id, role, hire_date, phone, wecom_account, employment, left_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          guide.staffNo,
          guide.name,
          storeIds.get(guide.storeCode),
          guide.role,
          guide.hireDate,
          guide.phone,
          guide.wecomAccount,
          guide.leftOn ? 'left' : 'active',
          guide.leftOn,
          at,
          at,
        ],
      );
    }
    const importId = newId();
    db.run(`INSERT INTO import_batches (id, kind, source, summary, created_at) VALUES (?, 'demo', '示例数据', ?, ?)`, [
      importId,
      JSON.stringify({ from, to }),
      at,
    ]);
    const ids = (staffNo: string, storeCode: string) => [storeIds.get(storeCode), guideIds.get(staffNo)];
    for (const fact of facts.sales) {
      db.run(
        `INSERT INTO sales_facts (id, import_id, store_id, guide_id, date, channel, orders, gross_sales_fen, refunds_fen, new_members, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          newId(),
          importId,
          ...ids(fact.guide.staffNo, fact.guide.storeCode),
          fact.date,
          fact.channel,
          fact.orders,
          fact.grossSalesFen,
          fact.refundsFen,
          fact.newMembers,
          at,
          at,
        ],
      );
    }
    for (const fact of facts.contacts) {
      db.run(
        `INSERT INTO contact_facts (id, import_id, store_id, guide_id, period_from, period_to, contact_requests, new_contacts,
           lost_contacts, chats, messages_sent, reply_rate, avg_first_reply_minutes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          newId(),
          importId,
          ...ids(fact.guide.staffNo, fact.guide.storeCode),
          fact.date,
          fact.date,
          fact.contactRequests,
          fact.newContacts,
          fact.lostContacts,
          fact.chats,
          fact.messagesSent,
          fact.replyRate,
          fact.avgFirstReplyMinutes,
          at,
          at,
        ],
      );
    }
    for (const fact of facts.activity) {
      db.run(
        `INSERT INTO activity_facts (id, import_id, store_id, guide_id, date, moments_posts, group_messages, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          newId(),
          importId,
          ...ids(fact.guide.staffNo, fact.guide.storeCode),
          fact.date,
          fact.momentsPosts,
          fact.groupMessages,
          at,
          at,
        ],
      );
    }
  });

  return {
    stores: demoStores.length,
    guides: roster.length,
    salesFacts: facts.sales.length,
    contactFacts: facts.contacts.length,
    activityFacts: facts.activity.length,
    from,
    to,
  };
}
