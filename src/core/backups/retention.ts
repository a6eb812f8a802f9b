import type { BackupInfo } from '../../shared/backups/backup-schema';
import { isoWeekOf } from '../../shared/dates/iso-week';
import { todayIn } from '../../shared/dates/local-date';

export const retention = { daily: 7, weekly: 4, beforeRestore: 10 } as const;

/**
 * The automatic backups to remove: of the daily ones, the newest of each of the 7 latest days
 * stays, then the newest of each of the 4 latest weeks before those; the 10 newest backups made
 * before a restore stay. Backups made by hand stay until the user removes them. Days and weeks
 * are counted in the workspace's time zone.
 */
export function backupsToPrune(backups: readonly BackupInfo[], timeZone: string): BackupInfo[] {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  const daily = newestFirst.filter((backup) => backup.kind === 'daily');
  for (const backup of daily) {
    const day = todayIn(timeZone, new Date(backup.createdAt));
    if (days.size < retention.daily && !days.has(day)) {
      days.add(day);
      keep.add(backup.id);
    }
  }
  const keptWeeks = new Set([...days].map((day) => isoWeekOf(day)));
  for (const backup of daily) {
    if (keep.has(backup.id)) continue;
    const week = isoWeekOf(todayIn(timeZone, new Date(backup.createdAt)));
    if (keptWeeks.has(week) || weeks.has(week) || weeks.size >= retention.weekly) continue;
    weeks.add(week);
    keep.add(backup.id);
  }
  newestFirst
    .filter((backup) => backup.kind === 'beforeRestore')
    .slice(0, retention.beforeRestore)
    .forEach((backup) => keep.add(backup.id));
  return newestFirst.filter((backup) => backup.kind !== 'manual' && !keep.has(backup.id));
}
