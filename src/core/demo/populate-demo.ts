import { todayIn } from '../../shared/dates/local-date';
import { isoWeekRange, lastCompleteWeek, shiftWeek, type IsoWeek } from '../../shared/dates/iso-week';
import type { Database } from '../db/database';
import { insertDealer } from '../dealers/dealer-repository';
import { insertFacts } from '../facts/fact-repository';
import { refreshStaleWeeks } from '../metrics/week-rollup';
import { insertGuide } from '../guides/guide-repository';
import { newId } from '../ids';
import { insertStore } from '../stores/store-repository';
import { buildDemoFacts } from './demo-facts';
import { buildDemoRoster } from './demo-roster';
import { demoDealerName, demoStores } from './demo-stores';
import { SeededRandom } from './random';

export interface DemoOptions {
  now: Date;
  /** The last complete week of figures; defaults to the last complete week before `now`. */
  lastWeek?: IsoWeek;
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
    insertDealer(db, dealerId, demoDealerName, at);
    const storeIds = new Map<string, string>();
    for (const store of demoStores) {
      const id = newId();
      storeIds.set(store.code, id);
      insertStore(
        db,
        id,
        {
          code: store.code,
          name: store.name,
          region: store.region,
          city: store.city,
          storeType: store.storeType,
          dealerId: store.storeType === 'franchise' ? dealerId : null,
          pilotWave: store.pilotWave,
          openedOn: store.openedOn,
        },
        at,
      );
    }
    const guideIds = new Map<string, string>();
    for (const guide of roster) {
      const id = newId();
      guideIds.set(guide.staffNo, id);
      insertGuide(
        db,
        id,
        {
          staffNo: guide.staffNo,
          name: guide.name,
          storeId: storeIds.get(guide.storeCode)!,
          role: guide.role,
          hireDate: guide.hireDate,
          phone: guide.phone,
          wecomAccount: guide.wecomAccount,
          employment: guide.leftOn ? 'left' : 'active',
          leftOn: guide.leftOn,
        },
        at,
      );
    }
    const importId = newId();
    db.run(`INSERT INTO import_batches (id, kind, source, summary, created_at) VALUES (?, 'demo', '示例数据', ?, ?)`, [
      importId,
      JSON.stringify({ from, to }),
      at,
    ]);
    const owners = (fact: { guide: { staffNo: string; storeCode: string } }) => ({
      id: newId(),
      import_id: importId,
      store_id: storeIds.get(fact.guide.storeCode),
      guide_id: guideIds.get(fact.guide.staffNo),
    });
    const stamps = { created_at: at, updated_at: at };
    insertFacts(
      db,
      'sales_facts',
      facts.sales.map((fact) => ({
        ...owners(fact),
        date: fact.date,
        channel: fact.channel,
        orders: fact.orders,
        gross_sales_fen: fact.grossSalesFen,
        refunds_fen: fact.refundsFen,
        new_members: fact.newMembers,
        ...stamps,
      })),
    );
    insertFacts(
      db,
      'contact_facts',
      facts.contacts.map((fact) => ({
        ...owners(fact),
        period_from: fact.date,
        period_to: fact.date,
        contact_requests: fact.contactRequests,
        new_contacts: fact.newContacts,
        lost_contacts: fact.lostContacts,
        chats: fact.chats,
        messages_sent: fact.messagesSent,
        reply_rate: fact.replyRate,
        avg_first_reply_minutes: fact.avgFirstReplyMinutes,
        ...stamps,
      })),
    );
    insertFacts(
      db,
      'activity_facts',
      facts.activity.map((fact) => ({
        ...owners(fact),
        date: fact.date,
        moments_posts: fact.momentsPosts,
        group_messages: fact.groupMessages,
        ...stamps,
      })),
    );
    refreshStaleWeeks(db);
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
