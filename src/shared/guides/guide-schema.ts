import { z } from 'zod';
import { codeSchema, idSchema, optionalLocalDate, optionalText, phoneSchema, requiredText } from '../validation/common';
import { recordStatuses } from '../stores/store-schema';

export const guideRoles = ['manager', 'guide'] as const;
export type GuideRole = (typeof guideRoles)[number];

/** 在职 / 离职: employment, which is not the same as archiving the record. */
export const employmentStatuses = ['active', 'left'] as const;
export type EmploymentStatus = (typeof employmentStatuses)[number];

export const guideInputSchema = z.object({
  staffNo: codeSchema,
  name: requiredText(40),
  storeId: idSchema,
  role: z.enum(guideRoles, { error: 'invalidOption' }).default('guide'),
  hireDate: optionalLocalDate,
  phone: phoneSchema,
  wecomAccount: optionalText(64),
  employment: z.enum(employmentStatuses, { error: 'invalidOption' }).default('active'),
  leftOn: optionalLocalDate,
});
export type GuideInput = z.input<typeof guideInputSchema>;
export type GuideValues = z.output<typeof guideInputSchema>;

export const guideUpdateSchema = guideInputSchema.extend({ id: idSchema });
export type GuideUpdate = z.input<typeof guideUpdateSchema>;

export const guideSchema = z.object({
  id: z.string(),
  staffNo: z.string(),
  name: z.string(),
  storeId: z.string(),
  storeCode: z.string(),
  storeName: z.string(),
  role: z.enum(guideRoles),
  hireDate: z.string().nullable(),
  phone: z.string().nullable(),
  wecomAccount: z.string().nullable(),
  employment: z.enum(employmentStatuses),
  leftOn: z.string().nullable(),
  status: z.enum(recordStatuses),
});
/** A guide as lists show it. Lean on purpose: 10,000 of these must list in well under 50 ms. */
export type Guide = z.infer<typeof guideSchema>;
