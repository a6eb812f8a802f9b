import { z } from 'zod';
import { defineOperations, noInput, operation } from '../api/operation';
import { isoWeekSchema } from '../metrics/weekly-schema';
import {
  recentWorkspaceSchema,
  workspaceClockSchema,
  workspaceCreateSchema,
  workspaceInfoSchema,
} from './workspace-schema';

export const workspaceOperations = defineOperations('workspace', {
  'workspace.current': operation(noInput, workspaceInfoSchema.nullable()),
  'workspace.clock': operation(noInput, workspaceClockSchema),
  'workspace.recent': operation(noInput, z.array(recentWorkspaceSchema)),
  'workspace.create': operation(workspaceCreateSchema, workspaceInfoSchema),
  'workspace.openDemo': operation(z.object({ reset: z.boolean().default(false) }).optional(), workspaceInfoSchema),
  'workspace.open': operation(z.object({ path: z.string().min(1) }), workspaceInfoSchema),
  'workspace.close': operation(noInput, z.null()),
  /** A new workspace at the file named (`pilotdesk init`); an existing file is refused. */
  'workspace.createFile': operation(workspaceCreateSchema.extend({ path: z.string().min(1) }), workspaceInfoSchema),
  /** The demo at the file named (`pilotdesk demo`), its figures ending in `lastWeek` (default: last week). */
  'workspace.createDemoFile': operation(
    z.object({ path: z.string().min(1), lastWeek: isoWeekSchema.optional(), replace: z.boolean().default(false) }),
    z.object({
      workspace: workspaceInfoSchema,
      summary: z.object({
        stores: z.number().int(),
        guides: z.number().int(),
        salesFacts: z.number().int(),
        contactFacts: z.number().int(),
        activityFacts: z.number().int(),
        from: z.string(),
        to: z.string(),
      }),
    }),
  ),
});
