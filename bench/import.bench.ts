import { spawnSync } from 'node:child_process';
import { importBenchFixtures } from './import-fixtures';

interface ChildResult {
  mode: string;
  rows: number;
  seconds: number;
  maxRssMb: number;
}

function runChild(mode: 'pilotdesk' | 'floor', file: string, workspace: string): ChildResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/import-child.ts', mode, file, workspace], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`${mode} run failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildResult;
}

/** The 100,000-row import against its floor, and a week of 12 stores through the CLI. */
export async function benchImport(): Promise<string[]> {
  const fixtures = importBenchFixtures();
  const floor = runChild('floor', fixtures.largeFile, fixtures.copy('floor'));
  const pilotdesk = runChild('pilotdesk', fixtures.largeFile, fixtures.copy('pilotdesk'));

  const weeklyWorkspace = fixtures.copy('weekly');
  const start = performance.now();
  const cli = spawnSync(
    process.execPath,
    ['bin/pilotdesk.mjs', 'import', fixtures.weeklyFile, '--workspace', weeklyWorkspace, '--json'],
    { encoding: 'utf8' },
  );
  const cliSeconds = (performance.now() - start) / 1000;
  if (cli.status !== 0) throw new Error(`weekly import failed: ${cli.stderr}`);
  const weekly = JSON.parse(cli.stdout.trim().split('\n')[0]!) as { rows: { imported: number } };
  const weeklyInProcess = runChild('pilotdesk', fixtures.weeklyFile, fixtures.copy('weekly-in-process'));

  return [
    `import of 100,000 sales rows: PilotDesk ${pilotdesk.seconds.toFixed(2)} s, peak ${pilotdesk.maxRssMb.toFixed(0)} MB (${pilotdesk.rows} rows imported)`,
    `  floor (SheetJS parse + bare insert transaction): ${floor.seconds.toFixed(2)} s, peak ${floor.maxRssMb.toFixed(0)} MB`,
    `  ratio: time ${(pilotdesk.seconds / floor.seconds).toFixed(2)} (target ≤ 1.5), memory ${(pilotdesk.maxRssMb / floor.maxRssMb).toFixed(2)} (target ≤ 2)`,
    `weekly file of 1,512 rows for 12 stores: ${weeklyInProcess.seconds.toFixed(2)} s in process; ${cliSeconds.toFixed(2)} s end to end through \`pilotdesk import\` incl. start-up (${weekly.rows.imported} rows imported; target < 1 s)`,
  ];
}
