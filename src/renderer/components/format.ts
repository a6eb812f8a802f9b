import type { Locale } from '../../shared/preferences/preferences-schema';

/** A moment as people read it here: 2026/11/23 14:05 in Chinese, 23 Nov 2026, 14:05 in English. */
export function formatDateTime(locale: Locale, iso: string): string {
  return new Date(iso).toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: locale === 'zh-CN' ? '2-digit' : 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}
