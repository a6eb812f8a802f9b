import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Child processes for the crash test: TypeScript run through tsx, talking in lines on stdout. */

const script = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

interface Running {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first line starting with `prefix`; rejects if the process ends first. */
  waitFor(prefix: string): Promise<string>;
}

const running = new Set<ChildProcess>();

/** Kills whatever is still running (a failed assertion must not leave writers behind). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function start(name: 'crash-child.ts' | 'crash-verify.ts', args: string[]): Running {
  // cwd: `--import tsx` is resolved from the project's node_modules.
  const child = spawn(process.execPath, ['--import', 'tsx', script(name), ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const lines: string[] = [];
  const waiters: { prefix: string; resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let stdout = '';
  let stderr = '';
  let closed = false;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const parts = stdout.split('\n');
    stdout = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => line.startsWith(w.prefix))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      running.delete(child);
      closed = true;
      if (stdout) lines.push(stdout);
      for (const waiter of waiters.splice(0)) waiter.reject(new Error(`${name} ended (${code ?? signal}) before "${waiter.prefix}": ${stderr}`));
      resolve({ code, signal });
    }),
  );
  return {
    child,
    lines,
    stderr: () => stderr,
    exited,
    waitFor: (prefix) => {
      const seen = lines.find((line) => line.startsWith(prefix));
      if (seen !== undefined) return Promise.resolve(seen);
      if (closed) return Promise.reject(new Error(`${name} already ended: ${stderr}`));
      return new Promise((resolve, reject) => waiters.push({ prefix, resolve, reject }));
    },
  };
}

/** Runs a script to the end and returns its stdout; a failure carries its stderr. */
export async function runToEnd(name: 'crash-child.ts' | 'crash-verify.ts', args: string[]): Promise<string[]> {
  const process = start(name, args);
  const { code } = await process.exited;
  if (code !== 0) throw new Error(`${name} ${args.join(' ')} failed (${code}): ${process.stderr()}`);
  return process.lines;
}
