import { z } from 'zod';
import { translate } from '../i18n/translate';
import type { Locale } from '../preferences/preferences-schema';
import { percentileInc } from '../tiers/tier-rule';

/** METRICS.md "Padding signals (灌水)": every threshold is a setting, these are the defaults. */
export const paddingSettingsSchema = z.object({
  lossRate: z.number().min(0, { error: 'ratioRange' }).max(1, { error: 'ratioRange' }).default(0.5),
  lossRateMinNewContacts: z.number().int({ error: 'notInteger' }).min(0, { error: 'notNegative' }).default(30),
  spikeMultiple: z.number().min(1, { error: 'invalidValue' }).max(100, { error: 'invalidValue' }).default(3),
  spikeHistoryWeeks: z
    .number()
    .int({ error: 'notInteger' })
    .min(2, { error: 'invalidValue' })
    .max(26, { error: 'invalidValue' })
    .default(8),
  spikeStorePercentile: z.number().min(0, { error: 'ratioRange' }).max(1, { error: 'ratioRange' }).default(0.9),
  membersWithoutOrders: z.number().int({ error: 'notInteger' }).min(1, { error: 'invalidValue' }).default(20),
});
export type PaddingSettings = z.output<typeof paddingSettingsSchema>;
export const defaultPaddingSettings: PaddingSettings = paddingSettingsSchema.parse({});

export const paddingFlagCodes = ['highLossRate', 'newContactsSpike'] as const;
export type PaddingFlagCode = (typeof paddingFlagCodes)[number];

export const paddingFlagSchema = z.object({
  code: z.enum(paddingFlagCodes),
  /** The figures the sentence shows, already rounded; `describePaddingFlag` writes it (`review.flagDetail.<code>`). */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The numbers behind the flag, so the trainer can check it. */
  numbers: z.record(z.string(), z.number().nullable()),
});
export type PaddingFlag = z.infer<typeof paddingFlagSchema>;

export interface GuideWeekContacts {
  newContacts: number | null;
  lostContacts: number | null;
  lossRate: number | null;
}

function median(values: readonly number[]): number | null {
  return percentileInc(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** The store's 90th percentile (by default) of its guides' new contacts this week. */
export function storePercentile(values: readonly (number | null)[], settings: PaddingSettings): number | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  return percentileInc(known, settings.spikeStorePercentile);
}

/**
 * A guide's padding flags for a week. A flag is a prompt to look, never a verdict (METRICS.md).
 * `history` is the guide's new contacts in the weeks before (weeks without data left out).
 * The third signal (20+ new members with no order from any of them) needs orders that carry
 * member ids, which no import provides yet, so it is not raised.
 */
export function paddingFlags(
  week: GuideWeekContacts,
  history: readonly number[],
  storeP90: number | null,
  settings: PaddingSettings,
): PaddingFlag[] {
  const flags: PaddingFlag[] = [];
  const newContacts = week.newContacts ?? 0;
  if (week.lossRate !== null && week.lossRate >= settings.lossRate && newContacts >= settings.lossRateMinNewContacts) {
    flags.push({
      code: 'highLossRate',
      params: {
        lossRate: (week.lossRate * 100).toFixed(1),
        newContacts,
        lostContacts: week.lostContacts ?? 0,
        threshold: (settings.lossRate * 100).toFixed(0),
        minNewContacts: settings.lossRateMinNewContacts,
      },
      numbers: { lossRate: week.lossRate, newContacts, lostContacts: week.lostContacts, threshold: settings.lossRate },
    });
  }
  const usual = median(history);
  if (
    week.newContacts !== null &&
    usual !== null &&
    storeP90 !== null &&
    newContacts > settings.spikeMultiple * usual &&
    newContacts > storeP90
  ) {
    flags.push({
      code: 'newContactsSpike',
      params: {
        newContacts,
        weeks: history.length,
        median: usual,
        multiple: usual === 0 ? '∞' : (newContacts / usual).toFixed(1),
        percentile: Math.round(settings.spikeStorePercentile * 100),
        storeValue: Math.round(storeP90 * 10) / 10,
      },
      numbers: { newContacts, historyMedian: usual, historyWeeks: history.length, storePercentile: storeP90 },
    });
  }
  return flags;
}

/** A flag as the sentence the trainer reads, in their language. */
export function describePaddingFlag(locale: Locale, flag: Pick<PaddingFlag, 'code' | 'params'>): string {
  return translate(locale, `review.flagDetail.${flag.code}`, flag.params);
}
