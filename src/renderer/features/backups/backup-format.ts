import type { BackupKind, WorkspaceContents } from '../../../shared/backups/backup-schema';
import type { IsoWeek } from '../../../shared/dates/iso-week';
import { weekLabel } from '../../../shared/dates/week-label';
import { isMessageKey, translate, type MessageKey } from '../../../shared/i18n/translate';
import type { Locale } from '../../../shared/preferences/preferences-schema';

export const kindKeys: Record<BackupKind, MessageKey> = {
  daily: 'backup.kind.daily',
  manual: 'backup.kind.manual',
  beforeRestore: 'backup.kind.beforeRestore',
};

/** Naive UI tag types: a safety copy stands out from the routine ones. */
export const kindTagTypes: Record<BackupKind, 'default' | 'info' | 'warning'> = {
  daily: 'default',
  manual: 'info',
  beforeRestore: 'warning',
};

/** Megabytes with one decimal; a backup under 0.1 MB still reads as something rather than 0.0. */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes < 0.1 ? '< 0.1 MB' : `${megabytes.toFixed(1)} MB`;
}

export function latestWeekText(locale: Locale, week: IsoWeek | null): string {
  return week ? weekLabel(locale, week) : translate(locale, 'backup.noFigures');
}

/** "门店 16 · 导购 118 · 导入 9 · 最新数据 2026年第47周 11/16–11/22": what a trainer checks a backup by. */
export function contentsSummary(locale: Locale, contents: WorkspaceContents): string {
  return translate(locale, 'backup.summary', {
    stores: contents.stores,
    guides: contents.guides,
    imports: contents.imports,
    week: latestWeekText(locale, contents.latestWeek),
  });
}

/** A table of the salvage report in the user's words where we have them, its SQL name otherwise. */
export function tableLabel(locale: Locale, table: string): string {
  const key = `backup.table.${table}`;
  return isMessageKey(key) ? translate(locale, key) : table;
}
