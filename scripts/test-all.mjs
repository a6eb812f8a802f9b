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

// Built once, first: the CLI's serve test and the browser e2e tests both use the built console.
if (!run('build the console', 'npm', ['run', '--silent', 'build:web'])) failedChecks.push('build');
process.env.PILOTDESK_SKIP_BUILD = '1';

const vitestOk = run('unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${outputDir}/vitest.json`]);
const vitest = readJson(`${outputDir}/vitest.json`);
const unit = vitest
  ? { passed: vitest.numPassedTests, failed: vitest.numFailedTests, skipped: vitest.numPendingTests + (vitest.numTodoTests ?? 0) }
  : { passed: 0, failed: 1, skipped: 0 };
if (!vitestOk && unit.failed === 0) unit.failed = 1; // the runner itself failed (e.g. a suite did not load)

const playwrightOk = run('end-to-end tests (browser mode, Chromium)', 'npx', ['playwright', 'test']);
const playwright = readJson(`${outputDir}/playwright.json`);
const e2e = playwright
  ? { passed: playwright.stats.expected + playwright.stats.flaky, failed: playwright.stats.unexpected, skipped: playwright.stats.skipped }
  : { passed: 0, failed: 1, skipped: 0 };
if (!playwrightOk && e2e.failed === 0) e2e.failed = 1;

console.log('');
console.log(`unit: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`e2e:  ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
if (failedChecks.length > 0) console.log(`checks failed: ${failedChecks.join(', ')}`);
const failed = unit.failed + e2e.failed + failedChecks.length;
console.log(`${unit.passed + e2e.passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped`);
process.exitCode = failed === 0 ? 0 : 1;
