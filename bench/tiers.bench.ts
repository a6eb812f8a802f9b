import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoWeekRange, shiftWeek, toIsoWeek } from '../src/shared/dates/iso-week';
import { addDays } from '../src/shared/dates/local-date';
import type { StoreWeek, WeeklyStores } from '../src/shared/metrics/weekly-schema';
import { createCore } from '../src/core/api/core-services';
import { describeError } from '../src/shared/i18n/translate';
import type { Database } from '../src/core/db/database';
import { migrations } from '../src/core/db/migrations';
import { refreshStaleWeeks, weekStoreSums } from '../src/core/metrics/week-rollup';
import { weeklyStores } from '../src/core/metrics/weekly-stores';
import { activeStores } from '../src/core/stores/store-repository';
import { tiersForWeek } from '../src/core/tiers/tiers-for-week';
import { SeededRandom } from '../src/core/demo/random';
import { newId } from '../src/core/ids';
import { currentRule, rulesForWeeks, type WeekRule } from '../src/core/tiers/tier-repository';
import { createWorkspaceFile } from '../src/core/workspace/create-workspace';
import { tempDir } from '../tests/support/workspaces';
import { ms } from './measure';

/** Change this when the generated data changes; the cached workspace is then built again. */
const dataVersion = 'tiers-bench-1';
const storeCount = 300;
const guidesPerStore = 20;
const weekCount = 52;
const week = toIsoWeek('2026-W47');
/** Monday after the week: the dashboard is opened then. */
const fixedNow = new Date('2026-11-23T10:00:00+08:00');
const runs = 15;
const warmUps = 2;

const onlineChannels = ['miniProgram', 'miniMall', 'app', 'live', 'otherOnline'] as const;
const onlineWeights = [3, 3, 2, 1, 1];

/** The demo's seeded generator, so every build holds the same figures. */
function seeded(seed: number): () => number {
  const generator = new SeededRandom(seed);
  return () => generator.next();
}

function pickOnline(random: () => number): string {
  let roll = random() * 10;
  for (let index = 0; index < onlineChannels.length; index += 1) {
    roll -= onlineWeights[index] as number;
    if (roll < 0) return onlineChannels[index] as string;
  }
  return 'otherOnline';
}

interface BenchStore {
  id: string;
  /** Lognormal size: some stores sell many times what others do. */
  scale: number;
  /** Chance that a guide's sale of the day is online; mostly low, so most sales are pos. */
  online: number;
  guides: { id: string; factor: number }[];
}

/** Everything about the generated workspace that changes its content, so the cache key follows it. */
function cacheKey(): string {
  const hash = createHash('sha256').update(dataVersion);
  for (const migration of migrations) hash.update(migration.sql);
  return `${dataVersion}-${hash.digest('hex').slice(0, 12)}`;
}

/**
 * 300 stores × 20 guides with 52 weeks of daily facts up to 2026-W47: one sales row per guide
 * per day (~2.2 million), one daily contact row and one activity row per guide per day. The last
 * five stores have no sales for the weekend of W47 and three have no contacts that week, so the
 * freshness check has something to report.
 */
function populateFacts(db: Database): { sales: number; contacts: number; activity: number } {
  const connection = db.connection;
  connection.pragma('cache_size = -3000000');
  connection.pragma('synchronous = OFF');
  const random = seeded(20_261_122);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const at = fixedNow.toISOString();
  const firstDay = isoWeekRange(shiftWeek(week, -(weekCount - 1))).from;
  const { from: lastWeekFrom } = isoWeekRange(week);

  const insertStore = connection.prepare(
    `INSERT INTO stores (id, code, name, region, city, store_type, pilot_wave, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'direct', ?, ?, ?)`,
  );
  const insertGuide = connection.prepare(
    `INSERT INTO guides (id, staff_no, name, store_id, role, hire_date, employment, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '2024-03-01', 'active', ?, ?)`,
  );
  const stores: BenchStore[] = [];
  const importId = newId();
  connection.transaction(() => {
    connection
      .prepare(
        `INSERT INTO import_batches (id, kind, source, file_name, summary, created_at) VALUES (?, 'daily', 'bench', ?, '{}', ?)`,
      )
      .run(importId, 'bench-52-weeks.xlsx', at);
    for (let store = 0; store < storeCount; store += 1) {
      const id = newId();
      const code = `S${String(store + 1).padStart(4, '0')}`;
      const pilot = store < 12;
      insertStore.run(
        id,
        code,
        `门店${code}`,
        `区域${(store % 8) + 1}`,
        `城市${(store % 20) + 1}`,
        pilot ? 'pilot' : 'none',
        at,
        at,
      );
      const guides = Array.from({ length: guidesPerStore }, (_, guide) => {
        const guideId = newId();
        const staffNo = String(store * 1000 + guide + 1).padStart(7, '0');
        insertGuide.run(guideId, staffNo, `导购${staffNo}`, id, guide === 0 ? 'manager' : 'guide', at, at);
        return { id: guideId, factor: 0.6 + 0.8 * random() };
      });
      const online = (pilot ? 0.15 : 0.05) + 0.35 * random() ** 1.5;
      stores.push({ id, scale: Math.exp(0.6 * gauss()), online, guides });
    }
  })();

  const insertSale = connection.prepare(
    `INSERT INTO sales_facts (id, import_id, store_id, guide_id, date, channel, orders, gross_sales_fen, refunds_fen, new_members, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertContact = connection.prepare(
    `INSERT INTO contact_facts (id, import_id, store_id, guide_id, period_from, period_to, contact_requests, new_contacts,
       lost_contacts, chats, messages_sent, reply_rate, avg_first_reply_minutes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertActivity = connection.prepare(
    `INSERT INTO activity_facts (id, import_id, store_id, guide_id, date, moments_posts, group_messages, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const counts = { sales: 0, contacts: 0, activity: 0 };
  const insertDay = connection.transaction((day: number) => {
    const date = addDays(firstDay, day);
    const inLastWeek = date >= lastWeekFrom;
    const weekend = day % 7 >= 5;
    const season = 1 + 0.2 * Math.sin((2 * Math.PI * day) / 364) + (weekend ? 0.4 : 0);
    stores.forEach((store, storeIndex) => {
      const salesMissing = inLastWeek && weekend && storeIndex >= storeCount - 5;
      const contactsMissing = inLastWeek && storeIndex >= storeCount - 8 && storeIndex < storeCount - 5;
      for (const guide of store.guides) {
        if (!salesMissing) {
          const gross = Math.round(150_000 * store.scale * guide.factor * season * (0.5 + random()));
          const refunds = random() < 0.1 ? Math.round(gross * (0.1 + 0.4 * random())) : 0;
          const channel = random() < store.online ? pickOnline(random) : 'pos';
          const orders = Math.max(1, Math.round(gross / (25_000 + 20_000 * random())));
          insertSale.run(
            newId(),
            importId,
            store.id,
            guide.id,
            date,
            channel,
            orders,
            gross,
            refunds,
            Math.floor(random() * 4),
            at,
            at,
          );
          counts.sales += 1;
        }
        if (!contactsMissing) {
          const requests = Math.floor(random() * 11 * store.scale);
          const added = Math.floor(requests * (0.5 + 0.5 * random()));
          insertContact.run(
            newId(),
            importId,
            store.id,
            guide.id,
            date,
            date,
            requests,
            added,
            Math.floor(random() * 3),
            5 + Math.floor(random() * 36),
            10 + Math.floor(random() * 111),
            0.6 + 0.4 * random(),
            1 + 29 * random(),
            at,
            at,
          );
          counts.contacts += 1;
        }
        insertActivity.run(
          newId(),
          importId,
          store.id,
          guide.id,
          date,
          Math.floor(random() * 4),
          Math.floor(random() * 21),
          at,
          at,
        );
        counts.activity += 1;
      }
    });
  });
  for (let day = 0; day < weekCount * 7; day += 1) insertDay(day);
  return counts;
}

/** The cached workspace (built when missing), keyed by the data version and the migrations. */
export function tiersWorkspace(): { path: string; lines: string[] } {
  const cacheDir = join(tmpdir(), 'pilotdesk-bench-tiers');
  const path = join(cacheDir, `${cacheKey()}.pilotdesk`);
  if (existsSync(path)) {
    return {
      path,
      lines: [`workspace: cached ${path} (${(statSync(path).size / 1e9).toFixed(2)} GB); delete it to build it again`],
    };
  }
  mkdirSync(cacheDir, { recursive: true });
  // Older builds are several GB each: keep only the one this version uses.
  for (const name of readdirSync(cacheDir)) rmSync(join(cacheDir, name), { force: true });
  process.stderr.write(`building the tiers benchmark workspace at ${path} (a few minutes, once)…\n`);
  const start = performance.now();
  let counts = { sales: 0, contacts: 0, activity: 0 };
  createWorkspaceFile(
    path,
    { name: '全国门店（分层基准）', region: '全国', timeZone: 'Asia/Shanghai' },
    {
      now: () => fixedNow,
      populate: (db) => {
        counts = populateFacts(db);
        // As an import would: the weeks are summed by the write, so the reads measured find them ready.
        refreshStaleWeeks(db);
      },
    },
  );
  const seconds = (performance.now() - start) / 1000;
  const line =
    `workspace: built ${path} in ${seconds.toFixed(1)} s (${(statSync(path).size / 1e9).toFixed(2)} GB): ` +
    `${storeCount} stores × ${guidesPerStore} guides × ${weekCount} weeks, ${counts.sales.toLocaleString('en')} sales rows, ` +
    `${counts.contacts.toLocaleString('en')} contact rows, ${counts.activity.toLocaleString('en')} activity rows`;
  return { path, lines: [line] };
}

interface Timing {
  first: number;
  median: number;
  p95: number;
}

/** Like measure(), with the warm-ups this benchmark asks for and the first (cold) call kept. */
async function timed(fn: () => Promise<unknown> | unknown): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < warmUps + runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  const first = times[0] as number;
  const kept = times.slice(warmUps).sort((a, b) => a - b);
  const at = (q: number) => kept[Math.min(kept.length - 1, Math.floor(q * kept.length))] ?? Number.NaN;
  return { first, median: at(0.5), p95: at(0.95) };
}

function against(timing: Timing, targetMs: number): string {
  const ratio = timing.median / targetMs;
  return `median ${ms(timing.median)}, p95 ${ms(timing.p95)} (target < ${targetMs} ms: median ÷ target ${ratio.toFixed(2)}${ratio < 1 ? '' : ', MISSED'})`;
}

/** The weekly dashboard over a brand's year of daily facts: each call, the whole page, tiers, a trend, consistency. */
export async function benchTiers(): Promise<string[]> {
  const workspace = tiersWorkspace();
  const dataDir = tempDir('pilotdesk-bench-tiers-');
  const core = createCore({ dataDir, now: () => fixedNow });
  const call = async <T>(operation: string, input: unknown): Promise<T> => {
    const result = await core.dispatcher.call(operation, input);
    if (!result.ok) throw new Error(`${operation}: ${describeError('zh-CN', result.error)}`);
    return result.data as T;
  };
  try {
    await call('workspace.open', { path: workspace.path });
    const db = core.session.requireDb();
    // A run that stopped halfway may have left its consistency rows behind.
    db.run(
      `DELETE FROM sales_facts WHERE import_id IN (SELECT id FROM import_batches WHERE source = 'bench-consistency')`,
    );
    db.run(`DELETE FROM import_batches WHERE source = 'bench-consistency'`);
    const { from, to } = isoWeekRange(week);
    const weekRows =
      db.get<{ count: number }>('SELECT count(*) AS count FROM sales_facts WHERE date BETWEEN ? AND ?', [from, to])
        ?.count ?? 0;

    const stores = await timed(() => call('metrics.stores', { week }));
    const rankings = await timed(() => call('metrics.guideRankings', { week, count: 5 }));
    const freshness = await timed(() => call('metrics.freshness', { week }));
    const dashboard = await timed(async () => {
      await call('metrics.stores', { week });
      await call('metrics.guideRankings', { week, count: 5 });
      await call('metrics.freshness', { week });
    });
    // Not a dashboard call: every guide's week, for the review and guide tables.
    const guides = await timed(() => call('metrics.guides', { week }));

    const at = fixedNow.toISOString();
    const service = await timed(() => weeklyStores(db, week, fixedNow));
    const activeList = activeStores(db);
    const sums = weekStoreSums(db, week);
    const rule = rulesForWeeks(db, [week], at).get(week) as WeekRule;
    const ruleId = currentRule(db)?.id ?? null;
    const tiersAlone = await timed(() => tiersForWeek(activeList, sums, rule, ruleId));
    const sumsAlone = await timed(() => weekStoreSums(db, week));

    const page = await call<WeeklyStores>('metrics.stores', { week });
    const tierCounts = new Map<string, number>();
    for (const row of page.stores) tierCounts.set(row.tier ?? '—', (tierCounts.get(row.tier ?? '—') ?? 0) + 1);
    const trendStore = page.stores[Math.floor(page.stores.length / 2)] as StoreWeek;
    const trend = await timed(() => call('metrics.storeTrend', { storeId: trendStore.storeId, week, weeks: 12 }));

    const consistency = await checkConsistency(db, call, trendStore.storeId);

    const salesThreshold = page.rule.salesThresholdsFen?.[0];
    const shareThreshold = page.rule.onlineShareThresholds?.[0];
    return [
      ...workspace.lines,
      `weekly dashboard for ${week} (${weekRows.toLocaleString('en')} sales rows that week; ${runs} runs after ${warmUps} warm-ups, through the dispatcher):`,
      `  metrics.stores: ${against(stores, 100)}; first call after opening ${ms(stores.first)}`,
      `  metrics.guideRankings (top and bottom 5 of ${storeCount * guidesPerStore} guides): ${against(rankings, 100)}; first call ${ms(rankings.first)}`,
      `  metrics.freshness: ${against(freshness, 100)}; first call ${ms(freshness.first)}`,
      `  whole dashboard (the three in sequence): ${against(dashboard, 300)}`,
      `  not on the dashboard: metrics.guides, every guide's week (review, guide tables): median ${ms(guides.median)}, p95 ${ms(guides.p95)}`,
      `  weeklyStores() without the dispatcher: median ${ms(service.median)}, p95 ${ms(service.p95)}; of which one week's store sums (weekStoreSums): median ${ms(sumsAlone.median)}`,
      `  tier computation alone (tiersForWeek, ${activeList.length} stores, medians + tiers): median ${ms(tiersAlone.median)}, p95 ${ms(tiersAlone.p95)}`,
      `  tiers: ${[...tierCounts]
        .sort()
        .map(([tier, count]) => `${tier} ${count}`)
        .join(', ')}; median net sales ${
        salesThreshold === undefined ? '—' : `¥${(salesThreshold / 100).toFixed(0)}`
      }, median online share ${shareThreshold === undefined ? '—' : `${(shareThreshold * 100).toFixed(1)} %`}`,
      `  metrics.storeTrend (12 weeks, store ${trendStore.code}): median ${ms(trend.median)}, p95 ${ms(trend.p95)}`,
      `  consistent: ${consistency.ok ? 'yes' : 'NO'} (${consistency.detail})`,
    ];
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Figures are computed from the facts, so the first metrics.stores after a write must include it
 * and the first one after removing it must be back where it was. Writes three sales rows (two for
 * the store itself, one for a guide) as an import would, then deletes them as an undo would.
 */
async function checkConsistency(
  db: Database,
  call: <T>(operation: string, input: unknown) => Promise<T>,
  storeId: string,
): Promise<{ ok: boolean; detail: string }> {
  const { from, to } = isoWeekRange(week);
  const rowOf = (page: WeeklyStores) => page.stores.find((row) => row.storeId === storeId) as StoreWeek;
  const before = await call<WeeklyStores>('metrics.stores', { week });
  const guide = db.get<{ guideId: string; channel: string }>(
    'SELECT guide_id AS guideId, channel FROM sales_facts WHERE store_id = ? AND date = ? AND guide_id IS NOT NULL LIMIT 1',
    [storeId, to],
  ) as { guideId: string; channel: string };
  const added = [
    { guideId: null, date: from, channel: 'pos', orders: 3, gross: 123_456, refunds: 1_000 },
    { guideId: null, date: addDays(from, 2), channel: 'live', orders: 2, gross: 65_400, refunds: 0 },
    {
      guideId: guide.guideId,
      date: to,
      channel: guide.channel === 'app' ? 'miniMall' : 'app',
      orders: 1,
      gross: 9_900,
      refunds: 0,
    },
  ];
  const at = fixedNow.toISOString();
  const importId = newId();
  db.transaction(() => {
    db.run(
      `INSERT INTO import_batches (id, kind, source, summary, created_at) VALUES (?, 'daily', 'bench-consistency', '{}', ?)`,
      [importId, at],
    );
    for (const row of added) {
      db.run(
        `INSERT INTO sales_facts (id, import_id, store_id, guide_id, date, channel, orders, gross_sales_fen, refunds_fen, new_members, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
        [newId(), importId, storeId, row.guideId, row.date, row.channel, row.orders, row.gross, row.refunds, at, at],
      );
    }
  });
  let start = performance.now();
  const after = await call<WeeklyStores>('metrics.stores', { week });
  const afterWriteMs = performance.now() - start;
  db.transaction(() => {
    db.run('DELETE FROM sales_facts WHERE import_id = ?', [importId]);
    db.run('DELETE FROM import_batches WHERE id = ?', [importId]);
  });
  start = performance.now();
  const undone = await call<WeeklyStores>('metrics.stores', { week });
  const afterUndoMs = performance.now() - start;

  const sum = (key: 'gross' | 'refunds' | 'orders', online = false) =>
    added.filter((row) => !online || row.channel !== 'pos').reduce((total, row) => total + row[key], 0);
  const was = rowOf(before).current;
  const is = rowOf(after).current;
  const expected = {
    grossSalesFen: (was.grossSalesFen ?? 0) + sum('gross'),
    refundsFen: (was.refundsFen ?? 0) + sum('refunds'),
    orders: (was.orders ?? 0) + sum('orders'),
    onlineNetSalesFen: (was.onlineNetSalesFen ?? 0) + sum('gross', true) - sum('refunds', true),
  };
  const problems = Object.entries(expected)
    .filter(([name, value]) => is[name as keyof typeof expected] !== value)
    .map(([name, value]) => `${name} ${String(is[name as keyof typeof expected])} ≠ ${value}`);
  if (after.totals.all.current.grossSalesFen !== (before.totals.all.current.grossSalesFen ?? 0) + sum('gross')) {
    problems.push('group total did not follow');
  }
  if (JSON.stringify(undone) !== JSON.stringify(before)) problems.push('removing the rows did not restore the figures');
  return {
    ok: problems.length === 0,
    detail:
      problems.length > 0
        ? problems.join('; ')
        : `3 sales rows written for one store in ${week}: the next metrics.stores (${ms(afterWriteMs)}) included them; ` +
          `after deleting them the next one (${ms(afterUndoMs)}) matched the figures before`,
  };
}
