import type { Clock } from '../core/clock/clock';
import type { Locale } from '../shared/preferences/preferences-schema';

/** Where a command writes, and the clock and language it uses; tests pass their own. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Resolves when the user stops a long-running command (Ctrl+C); `serve` waits on it. */
  untilInterrupted: () => Promise<void>;
  /** The clock; without one the command takes the process's (`PILOTDESK_NOW` or the machine's). */
  now?: Clock;
  /** The language of messages from the core; without one, the environment's (see cli-locale.ts). */
  locale?: Locale;
}

/** A usage problem: exit code 1 and a one-line message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command could not do its work (missing workspace, bad file): exit code 2. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
}

// Piping into `head` closes stdout early; that is the reader being done, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  untilInterrupted: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
};
