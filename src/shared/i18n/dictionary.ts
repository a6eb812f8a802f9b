import { errorMessages } from '../api/messages';
import { backupMessages } from '../backups/messages';
import { guideMessages } from '../guides/messages';
import { importMessages } from '../imports/messages';
import { metricMessages } from '../metrics/messages';
import { settingsMessages } from '../preferences/messages';
import { reviewMessages } from '../review/messages';
import { storeMessages } from '../stores/messages';
import { tierMessages } from '../tiers/messages';
import { ruleMessages } from '../validation/messages';
import { workspaceMessages } from '../workspace/messages';
import type { Locale } from '../preferences/preferences-schema';
import { commonMessages } from './common-messages';

/** Every feature's fragment; a feature adds its texts here and nowhere else in this folder. */
const fragments = [
  commonMessages,
  workspaceMessages,
  storeMessages,
  guideMessages,
  importMessages,
  backupMessages,
  tierMessages,
  reviewMessages,
  metricMessages,
  settingsMessages,
  ruleMessages,
  errorMessages,
] as const;

type Fragment = (typeof fragments)[number];
type KeysOf<F> = F extends Record<Locale, Record<infer K, string>> ? K : never;

/** Every message key of every feature, so `t('…')` is checked against the dictionary. */
export type MessageKey = KeysOf<Fragment>;

function gather(locale: Locale): Record<MessageKey, string> {
  const merged: Record<string, string> = {};
  for (const fragment of fragments) {
    for (const [key, text] of Object.entries(fragment[locale])) {
      if (key in merged) throw new Error(`message key ${key} is defined twice`);
      merged[key] = text;
    }
  }
  return merged as Record<MessageKey, string>;
}

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': gather('zh-CN'), en: gather('en') };
