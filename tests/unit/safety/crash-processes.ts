import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Child processes for the crash test: TypeScript run through tsx, talking in lines on stdout. */

const script = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

export interface Running {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first line that `matches`; rejects if the process ends first. */
  waitFor(matches: (line: string, index: number) => boolean): Promise<string>;
}

const running = new Set<ChildProcess>();

/** Kills whatever is still running (a failed assertion must not leave writers behind). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function start(name: 'crash-child.ts' | 'crash-verify.ts', args: string[]): Running {
  // cwd: `--import tsx` is resolved from the project's node_modules.
  const child = spawn(process.execPath, ['--import', 'tsx', script(name), ...args], {
    cwd: process.cwd(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  const waiters: {
    matches: (line: string, index: number) => boolean;
    resolve: (line: string) => void;
    reject: (error: Error) => void;
  }[] = [];
  let partial = '';
  let stderr = '';
  let closed = false;
  const take = (line: string) => {
    lines.push(line);
    for (const waiter of waiters.filter((w) => w.matches(line, lines.length - 1))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    parts.forEach(take);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      running.delete(child);
      closed = true;
      if (partial) take(partial);
      for (const waiter of waiters.splice(0))
        waiter.reject(new Error(`${name} ended (${code ?? signal}) before the line awaited: ${stderr}`));
      resolve({ code, signal });
    }),
  );
  return {
    child,
    lines,
    stderr: () => stderr,
    exited,
    waitFor: (matches) => {
      const seen = lines.find((line, index) => matches(line, index));
      if (seen !== undefined) return Promise.resolve(seen);
      if (closed) return Promise.reject(new Error(`${name} already ended: ${stderr}`));
      return new Promise((resolve, reject) => waiters.push({ matches, resolve, reject }));
    },
  };
}

/** Runs a script to the end and returns its stdout; a failure carries its stderr. */
export async function runToEnd(name: 'crash-child.ts' | 'crash-verify.ts', args: string[]): Promise<string[]> {
  const started = start(name, args);
  started.child.stdin!.end();
  const { code } = await started.exited;
  if (code !== 0) throw new Error(`${name} ${args.join(' ')} failed (${code}): ${started.stderr()}`);
  return started.lines;
}

/** The inspector (crash-verify.ts), kept running: one request at a time, one JSON line back each. */
export function startInspector(): { inspect: (request: string[]) => Promise<unknown>; stop: () => Promise<unknown> } {
  const inspector = start('crash-verify.ts', []);
  let asked = 0;
  return {
    inspect: async (request) => {
      const index = asked;
      asked += 1;
      inspector.child.stdin!.write(`${request.join(' ')}\n`);
      return JSON.parse(await inspector.waitFor((_line, at) => at === index));
    },
    stop: () => {
      inspector.child.stdin!.end();
      return inspector.exited;
    },
  };
}
