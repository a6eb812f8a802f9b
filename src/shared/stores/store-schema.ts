import { z } from 'zod';
import { codeSchema, idSchema, optionalLocalDate, optionalText, requiredText } from '../validation/common';

export const storeTypes = ['direct', 'franchise'] as const;
export type StoreType = (typeof storeTypes)[number];

/** Where a store stands in the rollout: the pilot itself, the waves after it, or not yet. */
export const pilotWaves = ['pilot', 'wave1', 'wave2', 'none'] as const;
export type PilotWave = (typeof pilotWaves)[number];

export const recordStatuses = ['active', 'archived'] as const;
export type RecordStatus = (typeof recordStatuses)[number];

export const storeInputSchema = z.object({
  code: codeSchema,
  name: requiredText(60),
  region: requiredText(30),
  city: optionalText(30),
  storeType: z.enum(storeTypes, { error: 'invalidOption' }),
  dealerId: idSchema
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  /** A dealer typed in the store form that does not exist yet: created with the store, in one step. */
  newDealerName: optionalText(60),
  pilotWave: z.enum(pilotWaves, { error: 'invalidOption' }).default('none'),
  openedOn: optionalLocalDate,
});
export type StoreInput = z.input<typeof storeInputSchema>;
export type StoreValues = z.output<typeof storeInputSchema>;
/** What is stored for a store once a new dealer's name has been resolved to its id. */
export type StoreRecordValues = Omit<StoreValues, 'newDealerName'>;

export const storeUpdateSchema = storeInputSchema.extend({ id: idSchema });
export type StoreUpdate = z.input<typeof storeUpdateSchema>;

export const storeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  region: z.string(),
  city: z.string().nullable(),
  storeType: z.enum(storeTypes),
  dealerId: z.string().nullable(),
  dealerName: z.string().nullable(),
  pilotWave: z.enum(pilotWaves),
  openedOn: z.string().nullable(),
  status: z.enum(recordStatuses),
  activeGuides: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Store = z.infer<typeof storeSchema>;

export const dealerSchema = z.object({
  id: z.string(),
  name: z.string(),
  storeCount: z.number().int(),
});
export type Dealer = z.infer<typeof dealerSchema>;

export const dealerInputSchema = z.object({ name: requiredText(60) });

/** Many stores moved into a rollout wave at once; the answer holds what to set back for undo. */
export const pilotWaveChangesSchema = z.object({
  changes: z
    .array(z.object({ id: idSchema, pilotWave: z.enum(pilotWaves, { error: 'invalidOption' }) }))
    .min(1, { error: 'required' })
    .max(5000, { error: 'tooMany' }),
});
export type PilotWaveChanges = z.infer<typeof pilotWaveChangesSchema>;
