// `npm test`: every check in one run — types, lint, unit and integration tests, browser e2e —
// ending with one line that adds up the unit and e2e results: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const outputDir = '.test-output';
rmSync(outputDir, { recursive: true, force: true });
mkdirSync(outputDir, { recursive: true });

function run(label, command, args) {
  console.error(`\n── ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

function readJson(path) {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const failedChecks = [];
if (!run('type-check', 'npm', ['run', '--silent', 'typecheck'])) failedChecks.push('type-check');
if (!run('lint', 'npm', ['run', '--silent', 'lint'])) failedChecks.push('lint');
if (!run('format', 'npm', ['run', '--silent', 'format:check'])) failedChecks.push('format');

// Built once, first: the CLI's serve test and the browser e2e tests both use the built console,
// and the tests that start `bin/pilotdesk.mjs` run the compiled CLI, as users do.
if (!run('build the console', 'npm', ['run', '--silent', 'build:web'])) failedChecks.push('build');
if (!run('build the CLI', 'npm', ['run', '--silent', 'build:cli'])) failedChecks.push('build');
process.env.PILOTDESK_SKIP_BUILD = '1';

const vitestOk = run('unit and integration tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${outputDir}/vitest.json`,
]);
const vitest = readJson(`${outputDir}/vitest.json`);
const unit = vitest
  ? {
      passed: vitest.numPassedTests,
      failed: vitest.numFailedTests,
      skipped: vitest.numPendingTests + (vitest.numTodoTests ?? 0),
    }
  : { passed: 0, failed: 1, skipped: 0 };
if (!vitestOk && unit.failed === 0) unit.failed = 1; // the runner itself failed (e.g. a suite did not load)

const playwrightOk = run('end-to-end tests (browser mode, Chromium)', 'npx', ['playwright', 'test']);
const playwright = readJson(`${outputDir}/playwright.json`);
const e2e = playwright
  ? {
      passed: playwright.stats.expected + playwright.stats.flaky,
      failed: playwright.stats.unexpected,
      skipped: playwright.stats.skipped,
    }
  : { passed: 0, failed: 1, skipped: 0 };
if (!playwrightOk && e2e.failed === 0) e2e.failed = 1;

// The date-sensitive tests again at moments chosen for their edges, each with the machine's and
// the page's time zone set as a laptop there would have them. The core's clock is pinned through
// PILOTDESK_TEST_NOW (tests hand it to the core and the page); nothing reads the real date.
const pinnedMoments = [
  { name: 'a Monday', now: '2026-11-30T09:00:00+08:00', timeZone: 'Asia/Shanghai' },
  { name: 'Sunday 23:30 in UTC+8', now: '2026-11-29T23:30:00+08:00', timeZone: 'Asia/Shanghai' },
  { name: 'the Monday after week 53', now: '2027-01-04T09:00:00+08:00', timeZone: 'Asia/Shanghai' },
  { name: 'a Berlin laptop the night its clocks change', now: '2026-03-29T23:30:00+02:00', timeZone: 'Europe/Berlin' },
];
const dates = { passed: 0, failed: 0, skipped: 0 };
for (const moment of pinnedMoments) {
  const env = {
    ...process.env,
    PILOTDESK_TEST_NOW: moment.now,
    TZ: moment.timeZone,
    PILOTDESK_TEST_TIMEZONE: moment.timeZone,
  };
  const tag = moment.now.replace(/[^0-9]/g, '').slice(0, 12);
  console.error(`\n── date-sensitive tests at ${moment.now} (${moment.name}, laptop in ${moment.timeZone})`);
  const unitRun = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      'tests/unit/dates',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${outputDir}/dates-${tag}.json`,
    ],
    { stdio: 'inherit', env, shell: process.platform === 'win32' },
  );
  const unitJson = readJson(`${outputDir}/dates-${tag}.json`);
  if (unitJson) {
    dates.passed += unitJson.numPassedTests;
    dates.failed += unitJson.numFailedTests;
  }
  if (!unitJson || (unitRun.status !== 0 && unitJson.numFailedTests === 0)) dates.failed += 1;
  const e2eRun = spawnSync(
    'npx',
    ['playwright', 'test', '--project', 'browser', '--grep', '@dates', '--reporter=list,json'],
    {
      stdio: 'inherit',
      env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${outputDir}/dates-e2e-${tag}.json` },
      shell: process.platform === 'win32',
    },
  );
  const e2eJson = readJson(`${outputDir}/dates-e2e-${tag}.json`);
  if (e2eJson) {
    dates.passed += e2eJson.stats.expected + e2eJson.stats.flaky;
    dates.failed += e2eJson.stats.unexpected;
  }
  if (!e2eJson || (e2eRun.status !== 0 && e2eJson.stats.unexpected === 0)) dates.failed += 1;
}

console.log('');
console.log(`unit: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`e2e:  ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
console.log(`at pinned dates (${pinnedMoments.length} moments): ${dates.passed} passed, ${dates.failed} failed`);
if (failedChecks.length > 0) console.log(`checks failed: ${failedChecks.join(', ')}`);
const failed = unit.failed + e2e.failed + dates.failed + failedChecks.length;
console.log(
  `${unit.passed + e2e.passed + dates.passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped`,
);
process.exitCode = failed === 0 ? 0 : 1;
