import { Database } from '../../../src/core/db/database';
import { newId } from '../../../src/core/ids';
import { refreshStaleWeeks } from '../../../src/core/metrics/week-rollup';
import type { PilotWave } from '../../../src/shared/stores/store-schema';
import type { TierRule } from '../../../src/shared/tiers/tier-rule';
import { callOk, createTestCore, type TestCore } from '../helpers/test-core';

/**
 * A small hand-made workspace for the weekly figures and tiers: five stores, seven guides, and
 * facts written straight into the workspace file with SQL (through src/core/db/database.ts, on a
 * connection of its own, as another process would), so every expected figure can be worked out
 * by hand from the lists below.
 */

export interface StoreSpec {
  code: string;
  name: string;
  pilotWave: PilotWave;
}

export interface GuideSpec {
  staffNo: string;
  name: string;
  storeCode: string;
}

export const figureStores: StoreSpec[] = [
  { code: 'SH001', name: '上海静安店', pilotWave: 'pilot' },
  { code: 'SH002', name: '上海徐汇店', pilotWave: 'pilot' },
  { code: 'SH003', name: '杭州西湖店', pilotWave: 'wave1' },
  { code: 'SH004', name: '南京新街口店', pilotWave: 'none' },
  { code: 'SH005', name: '苏州观前店', pilotWave: 'wave2' },
];

export const figureGuides: GuideSpec[] = [
  { staffNo: '010001', name: '王芳', storeCode: 'SH001' },
  { staffNo: '010002', name: '李娜', storeCode: 'SH001' },
  { staffNo: '010003', name: '张伟', storeCode: 'SH001' },
  { staffNo: '020001', name: '刘敏', storeCode: 'SH002' },
  { staffNo: '030001', name: '陈静', storeCode: 'SH003' },
  { staffNo: '040001', name: '杨强', storeCode: 'SH004' },
  { staffNo: '050001', name: '赵磊', storeCode: 'SH005' },
];

export interface SalesSpec {
  store: string;
  /** 工号, or null for a store-level row that no guide is credited with. */
  guide: string | null;
  date: string;
  channel: string;
  grossFen?: number | null;
  refundsFen?: number | null;
  orders?: number | null;
  newMembers?: number | null;
}

export interface ContactSpec {
  guide: string;
  /** The store the row was filed under; the guide's roster store unless given (a guide who moved). */
  store?: string;
  from: string;
  to: string;
  requests?: number | null;
  newContacts?: number | null;
  lost?: number | null;
  chats?: number | null;
  messages?: number | null;
}

export interface ActivitySpec {
  guide: string;
  date: string;
  moments?: number | null;
  groupMessages?: number | null;
}

export interface BatchSpec {
  kind: string;
  fileName: string;
  createdAt: string;
  undoneAt?: string;
  sales?: SalesSpec[];
  contacts?: ContactSpec[];
  activity?: ActivitySpec[];
}

/** Writes import batches and their facts into the workspace file in one transaction. */
export function insertFacts(path: string, batches: BatchSpec[]): void {
  const db = Database.open(path);
  try {
    db.transaction(() => {
      const storeId = (code: string) => {
        const row = db.get<{ id: string }>('SELECT id FROM stores WHERE code = ?', [code]);
        if (!row) throw new Error(`no store ${code}`);
        return row.id;
      };
      const guide = (staffNo: string) => {
        const row = db.get<{ id: string; storeId: string }>(
          'SELECT id, store_id AS storeId FROM guides WHERE staff_no = ?',
          [staffNo],
        );
        if (!row) throw new Error(`no guide ${staffNo}`);
        return row;
      };
      for (const batch of batches) {
        const importId = newId();
        const at = batch.createdAt;
        db.run(
          'INSERT INTO import_batches (id, kind, source, file_name, file_hash, summary, created_at, undone_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)',
          [importId, batch.kind, 'test', batch.fileName, '{}', at, batch.undoneAt ?? null],
        );
        for (const fact of batch.sales ?? []) {
          db.run(
            `INSERT INTO sales_facts (id, import_id, store_id, guide_id, date, channel, orders, gross_sales_fen, refunds_fen, new_members, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              newId(),
              importId,
              storeId(fact.store),
              fact.guide === null ? null : guide(fact.guide).id,
              fact.date,
              fact.channel,
              fact.orders ?? null,
              fact.grossFen ?? null,
              fact.refundsFen ?? null,
              fact.newMembers ?? null,
              at,
              at,
            ],
          );
        }
        for (const fact of batch.contacts ?? []) {
          const { id, storeId: guideStore } = guide(fact.guide);
          db.run(
            `INSERT INTO contact_facts (id, import_id, store_id, guide_id, period_from, period_to, contact_requests, new_contacts,
               lost_contacts, chats, messages_sent, reply_rate, avg_first_reply_minutes, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)`,
            [
              newId(),
              importId,
              fact.store === undefined ? guideStore : storeId(fact.store),
              id,
              fact.from,
              fact.to,
              fact.requests ?? null,
              fact.newContacts ?? null,
              fact.lost ?? null,
              fact.chats ?? null,
              fact.messages ?? null,
              at,
              at,
            ],
          );
        }
        for (const fact of batch.activity ?? []) {
          const { id, storeId: guideStore } = guide(fact.guide);
          db.run(
            `INSERT INTO activity_facts (id, import_id, store_id, guide_id, date, moments_posts, group_messages, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [newId(), importId, guideStore, id, fact.date, fact.moments ?? null, fact.groupMessages ?? null, at, at],
          );
        }
      }
      // As an import would: the weeks these facts fall in are summed by the write itself.
      refreshStaleWeeks(db);
    });
  } finally {
    db.close();
  }
}

/** Reads from the workspace file on a connection of its own (to see what an operation left behind). */
export function queryWorkspace<T>(path: string, sql: string, params: unknown[] = []): T[] {
  const db = Database.open(path, { readonly: true });
  try {
    return db.all<T>(sql, params);
  } finally {
    db.close();
  }
}

export interface FigureWorkspace {
  core: TestCore;
  path: string;
  storeIds: Record<string, string>;
  guideIds: Record<string, string>;
}

/** A core with a new, empty workspace holding the five stores and seven guides (no facts). */
export async function rosterWorkspace(): Promise<FigureWorkspace> {
  const core = createTestCore();
  const info = await callOk(core, 'workspace.create', { name: '分层测试', region: '华东' });
  const storeIds: Record<string, string> = {};
  const guideIds: Record<string, string> = {};
  for (const store of figureStores) {
    const created = await callOk(core, 'stores.create', {
      code: store.code,
      name: store.name,
      region: '华东区',
      storeType: 'direct',
      pilotWave: store.pilotWave,
    });
    storeIds[store.code] = created.id;
  }
  for (const guide of figureGuides) {
    const created = await callOk(core, 'guides.create', {
      staffNo: guide.staffNo,
      name: guide.name,
      storeId: storeIds[guide.storeCode] as string,
      role: 'guide',
      hireDate: '2024-03-01',
    });
    guideIds[guide.staffNo] = created.id;
  }
  return { core, path: info.path, storeIds, guideIds };
}

/*
 * The facts, by week (W47 = 2026-11-16 … 2026-11-22, W46 = 2026-11-09 … 2026-11-15; W45 has
 * nothing: its imports are missing). Amounts in fen.
 *
 * W47 sales
 *   SH001 010001 11-16 pos          100000 − 0      orders 2
 *   SH001 010001 11-17 miniProgram   50000 − 10000  orders 1
 *   SH001 010002 11-18 pos          140000 − (none) orders 3
 *   SH001 010003 11-19 pos           60055 − 0      orders 1
 *   SH002 020001 11-16 pos          200000 − 20000  orders 4
 *   SH002 020001 11-20 app          100000 − 0      orders 2
 *   SH003 030001 11-16 miniMall      50000 − 0      (online only)
 *   SH003 030001 11-21 live          30000 − 5000
 *   SH004 — no sales this week —
 *   SH005 (store) 11-17 pos          90000 − 0      (no guide)
 *   SH005 050001 11-17 miniProgram   30000 − 0
 * W46 sales
 *   SH001 010001 11-09 pos 200000; SH002 020001 11-10 miniProgram 100000;
 *   SH003 030001 11-11 pos 100000 + miniProgram 100000; SH004 040001 11-12 pos 300000 + app 150000.
 * W47 contacts
 *   010001 daily: 11-16 new 5 lost 0, 11-18 new 3 lost 1
 *   010002 whole week: requests 4, new 0, lost 2
 *   020001 whole week: requests 40, new 30, lost 6, chats 90, messages 300
 *   020001 daily too: 11-16 (15, 10, 1, 20, 50), 11-17 (14, 12, 2, 25, 60) — must not be added
 *   030001 11-20 … 11-26 (crosses the week's end): new 50 — left out
 * W46 contacts: 020001 whole week new 20 lost 5.
 * W47 activity: 010001 11-16 moments 3 group 2; 11-17 moments 1.
 */
export const figureBatches: BatchSpec[] = [
  {
    kind: 'sales',
    fileName: '销售W46.xlsx',
    createdAt: '2026-11-16T02:00:00.000Z',
    sales: [
      { store: 'SH001', guide: '010001', date: '2026-11-09', channel: 'pos', grossFen: 200000 },
      { store: 'SH002', guide: '020001', date: '2026-11-10', channel: 'miniProgram', grossFen: 100000 },
      { store: 'SH003', guide: '030001', date: '2026-11-11', channel: 'pos', grossFen: 100000 },
      { store: 'SH003', guide: '030001', date: '2026-11-11', channel: 'miniProgram', grossFen: 100000 },
      { store: 'SH004', guide: '040001', date: '2026-11-12', channel: 'pos', grossFen: 300000 },
      { store: 'SH004', guide: '040001', date: '2026-11-12', channel: 'app', grossFen: 150000 },
    ],
  },
  {
    kind: 'sales',
    fileName: '销售W47.xlsx',
    createdAt: '2026-11-23T01:00:00.000Z',
    sales: [
      {
        store: 'SH001',
        guide: '010001',
        date: '2026-11-16',
        channel: 'pos',
        grossFen: 100000,
        refundsFen: 0,
        orders: 2,
      },
      {
        store: 'SH001',
        guide: '010001',
        date: '2026-11-17',
        channel: 'miniProgram',
        grossFen: 50000,
        refundsFen: 10000,
        orders: 1,
      },
      { store: 'SH001', guide: '010002', date: '2026-11-18', channel: 'pos', grossFen: 140000, orders: 3 },
      {
        store: 'SH001',
        guide: '010003',
        date: '2026-11-19',
        channel: 'pos',
        grossFen: 60055,
        refundsFen: 0,
        orders: 1,
      },
      {
        store: 'SH002',
        guide: '020001',
        date: '2026-11-16',
        channel: 'pos',
        grossFen: 200000,
        refundsFen: 20000,
        orders: 4,
      },
      {
        store: 'SH002',
        guide: '020001',
        date: '2026-11-20',
        channel: 'app',
        grossFen: 100000,
        refundsFen: 0,
        orders: 2,
      },
      { store: 'SH003', guide: '030001', date: '2026-11-16', channel: 'miniMall', grossFen: 50000, refundsFen: 0 },
      { store: 'SH003', guide: '030001', date: '2026-11-21', channel: 'live', grossFen: 30000, refundsFen: 5000 },
      { store: 'SH005', guide: null, date: '2026-11-17', channel: 'pos', grossFen: 90000, refundsFen: 0 },
      { store: 'SH005', guide: '050001', date: '2026-11-17', channel: 'miniProgram', grossFen: 30000, refundsFen: 0 },
    ],
  },
  {
    kind: 'wecom-contacts',
    fileName: '企微W47.xlsx',
    createdAt: '2026-11-23T01:30:00.000Z',
    contacts: [
      { guide: '010001', from: '2026-11-16', to: '2026-11-16', newContacts: 5, lost: 0 },
      { guide: '010001', from: '2026-11-18', to: '2026-11-18', newContacts: 3, lost: 1 },
      { guide: '010002', from: '2026-11-16', to: '2026-11-22', requests: 4, newContacts: 0, lost: 2 },
      {
        guide: '020001',
        from: '2026-11-16',
        to: '2026-11-22',
        requests: 40,
        newContacts: 30,
        lost: 6,
        chats: 90,
        messages: 300,
      },
      {
        guide: '020001',
        from: '2026-11-16',
        to: '2026-11-16',
        requests: 15,
        newContacts: 10,
        lost: 1,
        chats: 20,
        messages: 50,
      },
      {
        guide: '020001',
        from: '2026-11-17',
        to: '2026-11-17',
        requests: 14,
        newContacts: 12,
        lost: 2,
        chats: 25,
        messages: 60,
      },
      { guide: '030001', from: '2026-11-20', to: '2026-11-26', newContacts: 50, lost: 0 },
      { guide: '020001', from: '2026-11-09', to: '2026-11-15', newContacts: 20, lost: 5 },
    ],
  },
  {
    kind: 'daily',
    fileName: '日报.xlsx',
    createdAt: '2026-11-22T12:00:00.000Z',
    activity: [
      { guide: '010001', date: '2026-11-16', moments: 3, groupMessages: 2 },
      { guide: '010001', date: '2026-11-17', moments: 1 },
    ],
  },
  // Undone: its facts are gone and it is not the latest sales import any more.
  {
    kind: 'sales',
    fileName: '错的文件.xlsx',
    createdAt: '2026-11-23T02:00:00.000Z',
    undoneAt: '2026-11-23T02:05:00.000Z',
  },
];

/** The roster workspace with the facts above. */
export async function figureWorkspace(): Promise<FigureWorkspace> {
  const workspace = await rosterWorkspace();
  insertFacts(workspace.path, figureBatches);
  return workspace;
}

/** The fixed rule the rule-change tests switch to: ¥1,000 and 20 % online. */
export const fixedRule: TierRule = { grid: '2x2', kind: 'fixed', salesTargetsFen: [100000], onlineShareTargets: [0.2] };

/** Store code → value, for comparing a week's stores at a glance. */
export function byCode<T extends { code: string }, V>(rows: readonly T[], pick: (row: T) => V): Record<string, V> {
  return Object.fromEntries(rows.map((row) => [row.code, pick(row)]));
}
