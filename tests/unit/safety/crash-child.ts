import { readFileSync, writeSync } from 'node:fs';
import { openWorkspaceDatabase } from '../../../src/core/db/open-workspace';
import { commitImport } from '../../../src/core/imports/commit-import';
import type { ImportPlan } from '../../../src/core/imports/plan-import';
import { undoImport } from '../../../src/core/imports/undo-import';
import { changeRule } from '../../../src/core/tiers/tier-service';
import type { TierRule } from '../../../src/shared/tiers/tier-rule';
import { crashNow, firstPinnedWeek } from './crash-fixture';

/**
 * One write for the crash test to kill:
 *   node --import tsx crash-child.ts <workspace> import <plan.json> <stay|exit>
 *   node --import tsx crash-child.ts <workspace> undo <batch id> <stay|exit>
 *   node --import tsx crash-child.ts <workspace> tier - <stay|exit>
 * Everything slow (starting, opening, reading the plan) happens before it prints `ready`, so the
 * parent's kill lands in the write. The import's plan was made once by the parent from rows in
 * memory (every copy of the workspace is the same file, so it fits each one). It prints
 * `done <ms>` once the write has committed; with `stay` it then waits, workspace open, to be
 * killed, as a running app would be.
 */
type Operation = 'import' | 'undo' | 'tier';

const [path, operation, argument, after] = process.argv.slice(2) as [string, Operation, string, 'stay' | 'exit'];

// Writes to a pipe are synchronous on POSIX: the line is out before the write below begins.
const say = (line: string) => writeSync(1, `${line}\n`);

const db = openWorkspaceDatabase(path, { now: () => crashNow });
let write: () => void;
if (operation === 'import') {
  const plan = JSON.parse(readFileSync(argument, 'utf8')) as ImportPlan;
  write = () => commitImport(db, plan, 'crash-test', crashNow);
} else if (operation === 'undo') {
  write = () => undoImport(db, argument, crashNow);
} else {
  const rule: TierRule = { grid: '3x3', kind: 'median', salesTargetsFen: [], onlineShareTargets: [] };
  write = () => changeRule(db, rule, { mode: 'fromWeek', week: firstPinnedWeek }, crashNow);
}
say('ready');
const start = performance.now();
write();
say(`done ${(performance.now() - start).toFixed(1)}`);
if (after === 'exit') db.close();
else setInterval(() => undefined, 60_000);
