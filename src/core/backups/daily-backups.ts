import type { WorkspaceSession } from '../workspace/workspace-session';
import { ensureDailyBackup } from './backup-service';

const checkEveryMs = 30 * 60 * 1000;

/**
 * The day's automatic backup: shortly after a workspace opens, and on a half-hourly check so a
 * console left open overnight backs up the next day too. A failure is reported, never thrown at
 * the user's work. Returns the function that stops it.
 */
export function scheduleDailyBackups(
  session: WorkspaceSession,
  now: () => Date,
  report: ((operation: string, error: unknown) => void) | undefined,
): () => void {
  let stopped = false;
  const run = () => {
    if (stopped) return;
    ensureDailyBackup(session, now).catch((error: unknown) => {
      if (!stopped) report?.('backups.daily', error);
    });
  };
  // After the open returns, so opening never waits for a copy of the whole file.
  const stopListening = session.onOpened(() => setTimeout(run, 2_000).unref());
  const timer = setInterval(run, checkEveryMs);
  timer.unref();
  if (session.current()) setTimeout(run, 2_000).unref();
  return () => {
    stopped = true;
    stopListening();
    clearInterval(timer);
  };
}
