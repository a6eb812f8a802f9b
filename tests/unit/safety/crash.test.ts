import { copyFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspaceDatabase } from '../../../src/core/db/open-workspace';
import { SeededRandom } from '../../../src/core/demo/random';
import { makeTempDir, removeDir } from '../helpers/temp-dir';
import { buildRosterWorkspace, crashNow, crashRows, pinManyWeeks, pinnedWeekCount, planSales } from './crash-fixture';
import { killAll, runToEnd, start, startInspector } from './crash-processes';

/**
 * A writer killed with SIGKILL at a random moment of a large write leaves a workspace that passes
 * integrity_check and holds the whole change or none of it. Each kill runs on a fresh copy of a
 * closed base file; the kill lands a seeded-random delay after the child says it is starting the
 * write, spread over the time that write was measured to take (and a little past it). 20 random
 * kills in all (5 + 5 + 10), and one more per operation right after its commit. Checking what a
 * kill left runs in a process of its own (crash-verify.ts) while the next kill goes ahead.
 */

type Operation = 'import' | 'undo' | 'tier';

interface Found {
  /** Set when the inspector could not read or open the file. */
  error?: string;
  integrity: string[];
  facts: number;
  batch: boolean;
  undone: boolean;
  rules: number;
  pinnedWeeks: number;
  lastFullCheck: string | null;
}

let dir: string;
let planPath: string;
let batchId: string;
const bases = {} as Record<Operation, string>;
const measuredMs = {} as Record<Operation, number>;
let copies = 0;
let inspector: ReturnType<typeof startInspector>;

function copyOf(operation: Operation): string {
  copies += 1;
  const path = join(dir, `${operation}-${copies}.pilotdesk`);
  copyFileSync(bases[operation], path);
  return path;
}

/** A copy and what lies beside it (-wal, -shm, open markers): a 100,000-row copy is large, and there are many. */
function removeCopy(path: string): void {
  for (const name of readdirSync(dir).filter((entry) => entry.startsWith(basename(path))))
    rmSync(join(dir, name), { force: true });
}

const argumentFor = (operation: Operation) =>
  operation === 'import' ? planPath : operation === 'undo' ? batchId : '-';

/** Runs the write to its end on a copy, returning how long it took and the file it left. */
async function measure(operation: Operation): Promise<string> {
  const path = copyOf(operation);
  const lines = await runToEnd('crash-child.ts', [path, operation, argumentFor(operation), 'exit']);
  measuredMs[operation] = Number(lines.find((line) => line.startsWith('done '))?.slice(5));
  return path;
}

beforeAll(async () => {
  dir = makeTempDir();
  inspector = startInspector();
  const roster = join(dir, 'roster.pilotdesk');
  buildRosterWorkspace(roster);
  const db = openWorkspaceDatabase(roster, { now: () => crashNow });
  try {
    const plan = planSales(db, '2026-11-16');
    batchId = plan.importId;
    planPath = join(dir, 'plan.json');
    writeFileSync(planPath, JSON.stringify(plan));
  } finally {
    db.close();
  }
  bases.import = roster;
  bases.tier = join(dir, 'tier-base.pilotdesk');
  copyFileSync(roster, bases.tier);
  pinManyWeeks(bases.tier);
  // The measured import, closed cleanly, is the workspace the undo starts from.
  bases.undo = await measure('import');
  await measure('undo');
  await measure('tier');
}, 120_000);

afterAll(async () => {
  await inspector?.stop();
  killAll();
  if (dir) removeDir(dir);
});

/**
 * Kills the write `delay` ms after it starts, or right after it says it committed; returns
 * whether it had said so before the kill.
 */
async function killDuringWrite(path: string, operation: Operation, delay: number | 'afterCommit'): Promise<boolean> {
  const child = start('crash-child.ts', [path, operation, argumentFor(operation), 'stay']);
  await child.waitFor((line) => line === 'ready');
  if (delay === 'afterCommit') await child.waitFor((line) => line.startsWith('done'));
  else await new Promise((resolve) => setTimeout(resolve, delay));
  const afterDone = child.lines.some((line) => line.startsWith('done'));
  child.child.kill('SIGKILL');
  const { signal } = await child.exited;
  expect(signal, child.stderr()).toBe('SIGKILL');
  return afterDone;
}

const inspect = async (path: string, reopenAt: string | null) =>
  (await inspector.inspect([path, batchId, reopenAt ?? '-'])) as Found;

/** The two states a kill may leave: before the write, and after it. */
const states: Record<Operation, { none: (found: Found) => boolean; whole: (found: Found) => boolean }> = {
  import: { none: (f) => f.facts === 0 && !f.batch, whole: (f) => f.facts === crashRows && f.batch && !f.undone },
  undo: {
    none: (f) => f.facts === crashRows && f.batch && !f.undone,
    whole: (f) => f.facts === 0 && f.batch && f.undone,
  },
  tier: {
    none: (f) => f.rules === 1 && f.pinnedWeeks === pinnedWeekCount,
    whole: (f) => f.rules === 2 && f.pinnedWeeks === 0,
  },
};

/**
 * `randomKills` kills at seeded-random moments, then one right after the commit: that one must
 * find the whole change (committed means on disk, even with the workspace never closed), and it
 * proves the write really runs in the killed children, where the random kills may all land early.
 */
async function killRepeatedly(operation: Operation, randomKills: number, seed: number): Promise<void> {
  const random = new SeededRandom(seed);
  const window = measuredMs[operation];
  expect(window).toBeGreaterThan(0);
  const { none, whole } = states[operation];
  let writesCutShort = 0;
  let inspecting: Promise<void> = Promise.resolve();
  const failures: unknown[] = [];
  for (let index = 0; index <= randomKills; index += 1) {
    const delay = index < randomKills ? random.between(0, window * 1.1) : 'afterCommit';
    // Reopening runs a second integrity_check, cheap only on the small tier workspace: the
    // import's and the undo's first kill is enough to show the app opens what a kill left.
    const reopen = operation === 'tier' || index === 0;
    // Hours later: the base's last full check is fresh, so only the unclean shutdown can make
    // the reopen run integrity_check and record this time.
    const reopenAt = reopen ? new Date(crashNow.getTime() + (index + 1) * 3_600_000).toISOString() : null;
    const path = copyOf(operation);
    const afterDone = await killDuringWrite(path, operation, delay);
    if (!afterDone) writesCutShort += 1;
    // One inspection at a time, beside the next kill: more would starve the writer of CPU.
    await inspecting;
    inspecting = inspect(path, reopenAt)
      .then((found) => {
        const when = delay === 'afterCommit' ? 'after the commit of' : `${delay.toFixed(0)} ms into`;
        const label = `${operation} killed ${when} a ${window.toFixed(0)} ms write: ${JSON.stringify(found)}`;
        expect(found.error, label).toBeUndefined();
        expect(found.integrity, label).toEqual(['ok']);
        // Once the child said the write committed, it must be there (durable), not only all-or-nothing.
        expect(afterDone ? whole(found) : none(found) || whole(found), label).toBe(true);
        expect(found.lastFullCheck, label).toBe(reopenAt);
        removeCopy(path);
      })
      .catch((error: unknown) => void failures.push(error));
  }
  await inspecting;
  if (failures.length > 0) throw failures[0];
  // Random kills that all landed after the commit would prove nothing about a write cut short.
  expect(writesCutShort).toBeGreaterThan(0);
}

describe('a writer killed halfway (SIGKILL)', () => {
  it('committing a 100,000-row sales import: the whole batch or none of it', async () => {
    await killRepeatedly('import', 5, 20261116);
  }, 180_000);

  it('undoing that import: undone with its facts gone, or untouched', async () => {
    await killRepeatedly('undo', 5, 20261117);
  }, 180_000);

  it('changing the tier rule: the new rule and the unpinned weeks together, or neither', async () => {
    await killRepeatedly('tier', 10, 20261118);
  }, 180_000);
});
