import type { Locale } from '../preferences/preferences-schema';

/** Keys whose text in one language has no counterpart in the other. */
type Unmatched<Source, Other> = Exclude<keyof Other, keyof Source>;

/**
 * One feature's texts in both languages. The Chinese side is the source of the keys; the
 * English side must have exactly the same keys: a missing or an extra key fails to compile.
 */
export function defineMessages<
  const Z extends Record<string, string>,
  const E extends { [K in keyof Z]: string },
>(messages: {
  'zh-CN': Z & Record<Unmatched<E, Z>, never>;
  en: E & Record<Unmatched<Z, E>, never>;
}): Record<Locale, Record<keyof Z & string, string>> {
  return messages;
}
