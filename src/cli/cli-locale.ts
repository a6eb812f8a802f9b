import type { Locale } from '../shared/preferences/preferences-schema';

const named: Record<Locale, true> = { 'zh-CN': true, en: true };
/** The languages (kept here rather than read from the preferences schema, which would load zod for `--help`). */
export const locales = Object.keys(named) as Locale[];

/**
 * The language the CLI renders the core's messages in: `PILOTDESK_LOCALE` (zh-CN or en), else
 * the terminal's (`LC_ALL`, `LC_MESSAGES`, `LANG`). Chinese unless the terminal asks for
 * English, as the console is Chinese first; a plain `C`/`POSIX` locale says nothing about it.
 */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const chosen = env.PILOTDESK_LOCALE || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en\b|^en[_-]/i.test(chosen) ? 'en' : 'zh-CN';
}
