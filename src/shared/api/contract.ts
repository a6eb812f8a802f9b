import { z } from 'zod';
import type { OperationName } from './operation-names';
import { guideInputSchema, guideSchema, guideUpdateSchema } from '../guides/guide-schema';
import { preferencesPatchSchema, preferencesSchema } from '../preferences/preferences-schema';
import {
  dealerInputSchema,
  dealerSchema,
  storeInputSchema,
  storeSchema,
  storeUpdateSchema,
} from '../stores/store-schema';
import { idSchema } from '../validation/common';
import {
  recentWorkspaceSchema,
  workspaceCreateSchema,
  workspaceInfoSchema,
} from '../workspace/workspace-schema';

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

function operation<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Operation<I, O> {
  return { input, output };
}

const noInput = z.object({}).strict().optional();
const byId = z.object({ id: idSchema });

/** The one declaration of every operation the console can ask of the core. */
export const contract = {
  'workspace.current': operation(noInput, workspaceInfoSchema.nullable()),
  'workspace.recent': operation(noInput, z.array(recentWorkspaceSchema)),
  'workspace.create': operation(workspaceCreateSchema, workspaceInfoSchema),
  'workspace.openDemo': operation(
    z.object({ reset: z.boolean().default(false) }).optional(),
    workspaceInfoSchema,
  ),
  'workspace.open': operation(z.object({ path: z.string().min(1) }), workspaceInfoSchema),
  'workspace.close': operation(noInput, z.null()),
  'preferences.get': operation(noInput, preferencesSchema),
  'preferences.update': operation(preferencesPatchSchema, preferencesSchema),
  'dealers.list': operation(noInput, z.array(dealerSchema)),
  'dealers.create': operation(dealerInputSchema, dealerSchema),
  'stores.list': operation(noInput, z.array(storeSchema)),
  'stores.get': operation(byId, z.object({ store: storeSchema, guides: z.array(guideSchema) })),
  'stores.create': operation(storeInputSchema, storeSchema),
  'stores.update': operation(storeUpdateSchema, storeSchema),
  'stores.archive': operation(byId, storeSchema),
  'stores.restore': operation(byId, storeSchema),
  'guides.list': operation(z.object({ storeId: idSchema.optional() }).optional(), z.array(guideSchema)),
  'guides.get': operation(byId, guideSchema),
  'guides.create': operation(guideInputSchema, guideSchema),
  'guides.update': operation(guideUpdateSchema, guideSchema),
  'guides.archive': operation(byId, guideSchema),
  'guides.restore': operation(byId, guideSchema),
} satisfies { [N in OperationName]: Operation };

export type Contract = typeof contract;
export type OperationInput<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives: the input after the schema's defaults and transforms. */
export type ParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Contract[N]['output']>;
