import { z } from 'zod';
import { channels } from '../metrics/channels';
import { localDateSchema } from '../validation/common';
import { importKinds } from './import-kinds';

export const periodSchema = z
  .object({ from: localDateSchema, to: localDateSchema })
  .refine((period) => period.from <= period.to, { error: 'periodOrder', path: ['to'] });

/** What the user (or the CLI's flags) decided about one file; everything else is detected. */
export const importOptionsSchema = z.object({
  kind: z.enum(importKinds).optional(),
  sheet: z.string().optional(),
  /** The header's row number as the spreadsheet shows it, when detection chose the wrong one. */
  headerRow: z.number().int().min(1).optional(),
  /** Header text → field (null to ignore the column); overrides detection for those headers. */
  mapping: z.record(z.string(), z.string().nullable()).optional(),
  period: periodSchema.optional(),
  /** Roster imports: create stores named in the file that do not exist yet. */
  createMissing: z.boolean().default(false),
  /** Sales files without a channel column: the channel every row is in. */
  defaultChannel: z.enum(channels).optional(),
  /** Channel names in the file mapped by the user (kept for next time). */
  channelMapping: z.record(z.string(), z.enum(channels)).optional(),
});
export type ImportOptions = z.output<typeof importOptionsSchema>;
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;

export const importRowErrorSchema = z.object({
  /** The row number as the spreadsheet shows it. */
  row: z.number().int(),
  /** The file's header for the column, when the file has one. */
  column: z.string().nullable(),
  /** The field the error is about (named in the reader's language when the file lacks its column). */
  field: z.string().nullable(),
  value: z.string().nullable(),
  /** One of `importErrorCodes`; the edges render it (`describeRowError`), no sentence is stored. */
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** For a file missing required columns: their field names. */
  missing: z.array(z.string()).optional(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importCountsSchema = z.object({
  read: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const valueChangeSchema = z.object({
  row: z.number().int(),
  key: z.string(),
  field: z.string(),
  before: z.union([z.string(), z.number(), z.null()]),
  after: z.union([z.string(), z.number(), z.null()]),
});
export type ValueChange = z.infer<typeof valueChangeSchema>;

/** The result of reading and checking one file, before (preview) or after (commit) writing. */
export const importReportSchema = z.object({
  file: z.string(),
  fileHash: z.string(),
  kind: z.enum(importKinds),
  sheet: z.string(),
  sheets: z.array(z.string()),
  headerRow: z.number().int(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  mapping: z.record(z.string(), z.string().nullable()),
  missingRequired: z.array(z.string()),
  unknownChannels: z.array(z.string()),
  rows: importCountsSchema,
  unmatched: z.object({ guides: z.array(z.string()), stores: z.array(z.string()) }),
  errors: z.array(importRowErrorSchema),
  changes: z.array(valueChangeSchema),
  /** Set when this exact file was imported before (and not undone). */
  previousImport: z.object({ id: z.string(), createdAt: z.string() }).nullable(),
  importId: z.string().nullable(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importBatchSchema = z.object({
  id: z.string(),
  kind: z.string(),
  source: z.string(),
  fileName: z.string().nullable(),
  fileHash: z.string().nullable(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  rows: importCountsSchema.nullable(),
  sheet: z.string().nullable(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  mapping: z.record(z.string(), z.string().nullable()).nullable(),
  changedRows: z.number().int(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;
