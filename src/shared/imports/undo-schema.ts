import { z } from 'zod';
import { idSchema } from '../validation/common';

/** A stored value as the user reads it: a guide's store is shown by its code, a dealer by name. */
const shownValueSchema = z.union([z.string(), z.number(), z.null()]);

/** One field of a guide or store that was changed after the import wrote it. */
export const laterEditFieldSchema = z.object({
  /** The field as the forms name it (phone, storeId, pilotWave, archivedAt …). */
  field: z.string(),
  imported: shownValueSchema,
  current: shownValueSchema,
  /** What undo would put back; null when the import created the row (undo removes or archives it). */
  restore: shownValueSchema,
});

/** A guide or store this batch wrote that something else (a hand edit, another process) changed since. */
export const laterEditSchema = z.object({
  table: z.enum(['guides', 'stores']),
  id: z.string(),
  /** 工号 + 姓名, or 门店编码 + 门店名称, as the row is now. */
  label: z.string(),
  /** The import created the row: kept edits mean it is archived rather than removed. */
  inserted: z.boolean(),
  /**
   * False for a batch imported before PilotDesk recorded what imports wrote: the row changed
   * since (its updated_at moved), but which fields cannot be told, so keeping leaves it whole.
   */
  fieldsKnown: z.boolean(),
  fields: z.array(laterEditFieldSchema),
});
export type LaterEdit = z.infer<typeof laterEditSchema>;

export const undoPlanSchema = z.object({
  removes: z.number().int(),
  restores: z.number().int(),
  blockedBy: z.object({ id: z.string(), fileName: z.string().nullable(), createdAt: z.string() }).nullable(),
  laterEdits: z.array(laterEditSchema),
});
export type UndoPlan = z.infer<typeof undoPlanSchema>;

export const importUndoInputSchema = z.object({
  id: idSchema,
  /** Off by default: fields edited after the import keep their edits, the rest is undone. */
  overwriteLaterEdits: z.boolean().default(false),
});
export type ImportUndoInput = z.infer<typeof importUndoInputSchema>;
