import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { importBenchFixtures } from './import-fixtures';

interface ProcessRun {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  stdout: string;
}

/**
 * Runs one whole process and times it from outside, start-up included. The preloaded
 * report-usage.mjs adds the process's own CPU time and peak memory, which a loaded machine
 * disturbs less than the wall clock.
 */
function timedProcess(args: string[]): ProcessRun {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', './bench/report-usage.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  const usage = /@usage (\{.*\})/.exec(result.stderr);
  if (!usage) throw new Error(`${args.join(' ')} did not report its usage: ${result.stderr}`);
  const { cpuSeconds, maxRssMb } = JSON.parse(usage[1]!) as { cpuSeconds: number; maxRssMb: number };
  return { seconds, cpuSeconds, maxRssMb, stdout: result.stdout };
}

/** The import as a user runs it: the real CLI, on a fresh copy of the workspace. */
function cliImport(file: string, workspace: string): ProcessRun & { imported: number } {
  const run = timedProcess(['bin/pilotdesk.mjs', 'import', file, '--workspace', workspace, '--json']);
  const report = JSON.parse(run.stdout.trim().split('\n')[0]!) as { rows?: { imported: number }; error?: unknown };
  if (!report.rows) throw new Error(`import failed: ${run.stdout}`);
  return { ...run, imported: report.rows.imported };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const rounds = 3;

/**
 * The 100,000-row sales import through `pilotdesk import` against its floor (SheetJS parse plus
 * one bare insert transaction, import-floor.mjs), both whole processes, alternated in the same
 * run; and a week of 12 stores through the CLI.
 */
export async function benchImport(): Promise<string[]> {
  const fixtures = importBenchFixtures();
  // Builds the compiled CLI first if its sources changed, so no run below pays for a build.
  spawnSync(process.execPath, ['bin/pilotdesk.mjs', '--help'], { encoding: 'utf8' });
  const floors: ProcessRun[] = [];
  const imports: (ProcessRun & { imported: number })[] = [];
  for (let round = 0; round < rounds; round += 1) {
    floors.push(
      timedProcess(['bench/import-floor.mjs', fixtures.largeFile, join(fixtures.dir, `floor-${round}.sqlite`)]),
    );
    imports.push(cliImport(fixtures.largeFile, fixtures.copy('pilotdesk')));
  }
  const weekly = Array.from({ length: rounds }, () => cliImport(fixtures.weeklyFile, fixtures.copy('weekly')));

  const summary = (runs: ProcessRun[]) => ({
    seconds: median(runs.map((run) => run.seconds)),
    cpu: median(runs.map((run) => run.cpuSeconds)),
    rss: Math.max(...runs.map((run) => run.maxRssMb)),
    all: runs.map((run) => run.seconds.toFixed(2)).join(', '),
  });
  const pilotdesk = summary(imports);
  const floor = summary(floors);
  const week = summary(weekly);
  return [
    `import of 100,000 sales rows through \`pilotdesk import\` (whole process): median ${pilotdesk.seconds.toFixed(2)} s (runs ${pilotdesk.all}), CPU ${pilotdesk.cpu.toFixed(2)} s, peak ${pilotdesk.rss.toFixed(0)} MB (${imports[0]!.imported} rows imported)`,
    `  floor (whole process: SheetJS parse + one insert transaction into a bare table): median ${floor.seconds.toFixed(2)} s (runs ${floor.all}), CPU ${floor.cpu.toFixed(2)} s, peak ${floor.rss.toFixed(0)} MB`,
    `  ratio: time ${(pilotdesk.seconds / floor.seconds).toFixed(2)} (target ≤ 1.5), CPU ${(pilotdesk.cpu / floor.cpu).toFixed(2)}, memory ${(pilotdesk.rss / floor.rss).toFixed(2)} (target ≤ 2)`,
    `weekly file of 1,512 rows for 12 stores through \`pilotdesk import\`: median ${week.seconds.toFixed(2)} s end to end incl. start-up (runs ${week.all}; ${weekly[0]!.imported} rows imported; target < 1 s)`,
  ];
}
