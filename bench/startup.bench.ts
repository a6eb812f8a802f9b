import { spawn, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoWorkspaceCopy, tempDir } from '../tests/support/workspaces';
import { ms } from './measure';

const helpTargetMs = 300;
const serveTargetMs = 500;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** One whole process, from spawn to exit, as a shell starts it. */
function timeProcess(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return elapsed;
}

/** From spawning `pilotdesk serve` to the line with its address; then Ctrl+C, and the exit awaited. */
async function timeServe(workspace: string, dataDir: string): Promise<number> {
  const start = performance.now();
  const child = spawn(
    process.execPath,
    ['bin/pilotdesk.mjs', 'serve', '--workspace', workspace, '--data-dir', dataDir, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(output)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
    return performance.now() - start;
  } finally {
    child.kill('SIGINT');
    await exited;
  }
}

const ratio = (value: number, target: number) => (value / target).toFixed(2);

/**
 * Start-up of the CLI as whole processes (`npm run bench:startup`): bare Node for reference, the
 * compiled `pilotdesk --help`, `pilotdesk serve` until it prints its address, and for comparison
 * the same `--help` run from the TypeScript sources through tsx, as the CLI used to start.
 */
export async function benchStartup(runs = 15): Promise<string[]> {
  // Brings the compiled CLI up to date (bin/pilotdesk.mjs rebuilds a stale one) outside the timing.
  timeProcess(['bin/pilotdesk.mjs', '--help']);

  const bare: number[] = [];
  const help: number[] = [];
  const fromSource: number[] = [];
  const sourceHelp = [
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    "const { runCli } = await import('./src/cli/main.ts'); process.exitCode = await runCli(['--help'], { out() {}, err() {}, untilInterrupted: async () => {} });",
  ];
  // Interleaved, so a burst of load on a shared machine weighs on all three alike.
  for (let run = 0; run < runs; run += 1) {
    bare.push(timeProcess(['-e', '']));
    help.push(timeProcess(['bin/pilotdesk.mjs', '--help']));
    if (run < 5) fromSource.push(timeProcess(sourceHelp));
  }

  const dir = tempDir('pilotdesk-bench-startup-');
  const workspace = demoWorkspaceCopy(dir);
  // The first launch may build the console (out/renderer) once; it is not counted.
  await timeServe(workspace, join(dir, 'data-warm-up'));
  const serve: number[] = [];
  for (let run = 0; run < Math.min(runs, 9); run += 1) serve.push(await timeServe(workspace, join(dir, `data-${run}`)));

  const helpMs = median(help);
  const serveMs = median(serve);
  const bareMs = median(bare);
  return [
    `startup, whole processes (median of ${runs}; serve of ${serve.length}):`,
    `  node -e '' (bare Node, for reference): ${ms(bareMs)}`,
    `  pilotdesk --help (compiled): ${ms(helpMs)} (÷ target ${helpTargetMs} ms: ${ratio(helpMs, helpTargetMs)}; over bare Node: ${ms(helpMs - bareMs)})`,
    `  pilotdesk serve, start to printed address: ${ms(serveMs)} (÷ target ${serveTargetMs} ms: ${ratio(serveMs, serveTargetMs)})`,
    `  for comparison, --help from the TypeScript sources through tsx (median of ${fromSource.length}): ${ms(median(fromSource))}`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const lines = [
    `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
    ...(await benchStartup()),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
