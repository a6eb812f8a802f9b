import { z } from 'zod';
import { translate } from '../i18n/translate';
import { paddingFlagCodes, paddingFlagSchema, type PaddingFlag } from './padding-signals';

/**
 * A padding flag as a snapshot holds it. Snapshots exported before flags carried their figures
 * (`params`) hold the Chinese sentence instead (`message`); it is read back into the figures it
 * was written from, so an exported week still opens and reads as it was sent, in either language.
 */
export const storedFlagSchema = z.union([
  paddingFlagSchema,
  z
    .object({
      code: z.enum(paddingFlagCodes),
      message: z.string(),
      numbers: z.record(z.string(), z.number().nullable()),
    })
    .transform(({ code, message, numbers }): PaddingFlag => ({
      code,
      params: paramsOfSentence(translate('zh-CN', `review.flagDetail.${code}`), message) ?? knownNumbers(numbers),
      numbers,
    })),
]);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `{name}` values that turn `template` into `sentence`; null when it was not written from it. */
export function paramsOfSentence(template: string, sentence: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = template
    .split(/\{(\w+)\}/)
    .map((part, index) => (index % 2 === 1 ? (names.push(part), '(.+?)') : escapeRegExp(part)))
    .join('');
  const match = new RegExp(`^${pattern}$`, 's').exec(sentence);
  return match ? Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? ''])) : null;
}

// A sentence in no known wording still shows the numbers the flag kept.
function knownNumbers(numbers: Record<string, number | null>): Record<string, number> {
  return Object.fromEntries(Object.entries(numbers).filter((entry): entry is [string, number] => entry[1] !== null));
}
