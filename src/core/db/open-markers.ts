import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/*
 * Unclean-shutdown detection. Every read-write open of a workspace leaves a marker file
 * `<workspace>.open-<pid>-<n>` beside it (holding the pid and host name) and removes it on a
 * clean close. On the next open, a marker whose process no longer runs means a process ended
 * with the workspace open: a crash, a kill, a power cut.
 *
 * "A non-empty -wal file" alone cannot say this: SQLite removes the WAL when the last connection
 * closes, but a non-empty one is also what any process that has the file open right now leaves,
 * and telling whether one does would need a lock probe the driver does not expose. The markers
 * answer that question (a live pid). The WAL is kept as a second signal for a file that has no
 * markers (closed by a version without them, or copied here without them) and nobody holds open.
 *
 * A marker from another host is stale too: WAL needs shared memory on one machine, so no process
 * elsewhere can be using the file with us. A pid reused by an unrelated process hides a crash;
 * the cost is one skipped full check, and the weekly one still runs.
 */

let openCount = 0;

interface Marker {
  path: string;
  alive: boolean;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readMarkers(workspace: string): Marker[] {
  const prefix = `${basename(workspace)}.open-`;
  let names: string[];
  try {
    names = readdirSync(dirname(workspace)).filter((name) => name.startsWith(prefix));
  } catch {
    return [];
  }
  return names.map((name) => {
    const path = join(dirname(workspace), name);
    const pid = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]);
    let host = hostname();
    try {
      // A crash between creating the marker and writing it leaves it empty: judge it by its pid.
      host = (JSON.parse(readFileSync(path, 'utf8')) as { host?: string }).host ?? host;
    } catch {
      // keep this host
    }
    return { path, alive: Number.isInteger(pid) && host === hostname() && isAlive(pid) };
  });
}

function walHoldsData(workspace: string): boolean {
  try {
    return statSync(`${workspace}-wal`).size > 0;
  } catch {
    return false;
  }
}

export interface ShutdownState {
  unclean: boolean;
  /** Markers of processes that are gone: removed once a full check has passed. */
  staleMarkers: string[];
}

/** Call before anything opens the workspace: our own connections would count as holders. */
export function lastShutdown(workspace: string): ShutdownState {
  const markers = readMarkers(workspace);
  const staleMarkers = markers.filter((marker) => !marker.alive).map((marker) => marker.path);
  const held = markers.some((marker) => marker.alive);
  return { unclean: staleMarkers.length > 0 || (!held && walHoldsData(workspace)), staleMarkers };
}

/** Marks the workspace open by this process; returns the marker to remove on close (null when the folder is read-only). */
export function createOpenMarker(workspace: string): string | null {
  openCount += 1;
  const path = `${workspace}.open-${process.pid}-${openCount}`;
  try {
    writeFileSync(path, JSON.stringify({ pid: process.pid, host: hostname() }), { flag: 'wx' });
    return path;
  } catch {
    // Best effort: without a marker the WAL signal still notices most crashes.
    return null;
  }
}

export function removeMarkers(paths: readonly string[]): void {
  for (const path of paths) rmSync(path, { force: true });
}
