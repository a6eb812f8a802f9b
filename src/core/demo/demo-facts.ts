import { addDays, isoWeekday } from '../../shared/dates/local-date';
import type { Channel } from '../../shared/metrics/channels';
import type { DemoGuide } from './demo-roster';
import { worksOn } from './demo-roster';
import type { DemoStore } from './demo-stores';
import { SeededRandom } from './random';

export interface SalesFact {
  guide: DemoGuide;
  date: string;
  channel: Channel;
  orders: number;
  grossSalesFen: number;
  refundsFen: number;
  newMembers: number;
}

export interface ContactFact {
  guide: DemoGuide;
  date: string;
  contactRequests: number;
  newContacts: number;
  lostContacts: number;
  chats: number;
  messagesSent: number;
  replyRate: number;
  avgFirstReplyMinutes: number;
}

export interface ActivityFact {
  guide: DemoGuide;
  date: string;
  momentsPosts: number;
  groupMessages: number;
}

export interface DemoFacts {
  sales: SalesFact[];
  contacts: ContactFact[];
  activity: ActivityFact[];
}

const weekdayLift = [0, 0.9, 0.95, 1.05, 0.95, 1.1, 1.45, 1.3];
/** How online trade divides between channels (live only where the store streams). */
const onlineSplit: readonly [Channel, number][] = [
  ['miniProgram', 0.5],
  ['miniMall', 0.3],
  ['app', 0.12],
  ['live', 0.08],
];

function toFen(yuan: number): number {
  // Prices end in whole ten-fen steps, as tills print them.
  return Math.round(yuan * 10) * 10;
}

/**
 * Daily figures for each working guide. Stores that execute the plan grow and move online week
 * by week (seed 000: stores that executed got 3× the result); the others stay flat.
 */
export function buildDemoFacts(
  stores: readonly DemoStore[],
  guides: readonly DemoGuide[],
  random: SeededRandom,
  range: { from: string; days: number; lastWeekFrom: string },
): DemoFacts {
  const facts: DemoFacts = { sales: [], contacts: [], activity: [] };
  for (const store of stores) {
    const staff = guides.filter((guide) => guide.storeCode === store.code);
    for (let day = 0; day < range.days; day += 1) {
      const date = addDays(range.from, day);
      const week = Math.floor(day / 7);
      const working = staff.filter((guide) => worksOn(guide, date));
      const totalWeight = working.reduce((sum, guide) => sum + guide.weight, 0);
      const swing = weekSwing(store.code, week);
      const growth = (1 + (store.execution - 0.45) * 0.035 * week) * swing.sales;
      const share = Math.min(0.6, store.onlineShare * (1 + (store.execution - 0.4) * 0.06 * week) * swing.share);
      const lift = weekdayLift[isoWeekday(date)] ?? 1;
      const storeSales = store.dailySales * lift * growth * random.between(0.8, 1.2);
      for (const guide of working) {
        const guideSales = (storeSales * guide.weight) / totalWeight;
        addSales(facts, guide, date, 'pos', guideSales * (1 - share), random, store);
        for (const [channel, part] of onlineSplit) {
          if (channel === 'live' && (!store.hasLive || isoWeekday(date) !== 4)) continue;
          addSales(facts, guide, date, channel, guideSales * share * part * random.between(0.6, 1.4), random, store);
        }
        addContacts(facts, guide, date, store, random, date >= range.lastWeekFrom);
        facts.activity.push({
          guide,
          date,
          momentsPosts: random.count(0.5 + store.execution * 2.5),
          groupMessages: random.count(0.8 + store.execution * 3),
        });
      }
    }
  }
  return facts;
}

/**
 * A good or a bad week for a store (a campaign, rain, a manager on leave), drawn from its own
 * generator so the daily figures stay the same draw for draw. It is what moves stores near the
 * medians between tiers from one week to the next, as real weeks do.
 */
function weekSwing(storeCode: string, week: number): { sales: number; share: number } {
  let seed = week * 65537;
  for (const char of storeCode) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) >>> 0;
  const random = new SeededRandom(seed);
  return { sales: random.between(0.86, 1.14), share: random.between(0.8, 1.2) };
}

function addSales(
  facts: DemoFacts,
  guide: DemoGuide,
  date: string,
  channel: Channel,
  yuan: number,
  random: SeededRandom,
  store: DemoStore,
): void {
  if (yuan < 40) return;
  const averageOrder = random.between(160, 280);
  const orders = Math.max(1, Math.round(yuan / averageOrder));
  // A refund never exceeds the sale it belongs to, small sales included.
  const refundsFen = random.chance(0.07) ? toFen(random.between(Math.min(60, yuan), Math.min(yuan, 400))) : 0;
  const memberRate = channel === 'pos' ? 0.3 + store.execution * 0.5 : 0.15;
  facts.sales.push({
    guide,
    date,
    channel,
    orders,
    grossSalesFen: toFen(yuan),
    refundsFen,
    newMembers: random.count(memberRate * Math.min(orders, 6) * 0.35),
  });
}

function addContacts(
  facts: DemoFacts,
  guide: DemoGuide,
  date: string,
  store: DemoStore,
  random: SeededRandom,
  inLastWeek: boolean,
): void {
  let newContacts = random.count(1 + store.execution * 5 * guide.weight);
  let lostContacts = random.count(newContacts * 0.06);
  if (guide.pads && inLastWeek) {
    // Bought accounts: many adds that delete the guide again within days (seed 004's 灌水).
    newContacts = random.int(28, 40);
    lostContacts = Math.round(newContacts * random.between(0.5, 0.7));
  }
  const chats = newContacts + random.count(6 + store.execution * 10);
  facts.contacts.push({
    guide,
    date,
    contactRequests: newContacts + random.count(1.5),
    newContacts,
    lostContacts,
    chats,
    messagesSent: chats * random.int(2, 5),
    replyRate: Math.round(random.between(0.65 + store.execution * 0.2, 0.99) * 10000) / 10000,
    avgFirstReplyMinutes: Math.round(random.between(2, 45 - store.execution * 30) * 10) / 10,
  });
}
