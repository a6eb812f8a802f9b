import { z } from 'zod';
import { byId, defineOperations, noInput, operation } from '../api/operation';
import { guideSchema } from '../guides/guide-schema';
import { pilotWaveChangesSchema, storeInputSchema, storeSchema, storeUpdateSchema } from './store-schema';

export const storesOperations = defineOperations('stores', {
  'stores.list': operation(noInput, z.array(storeSchema)),
  'stores.get': operation(byId, z.object({ store: storeSchema, guides: z.array(guideSchema) })),
  'stores.create': operation(storeInputSchema, storeSchema),
  'stores.update': operation(storeUpdateSchema, storeSchema),
  'stores.archive': operation(byId, storeSchema),
  'stores.restore': operation(byId, storeSchema),
  'stores.setPilotWaves': operation(pilotWaveChangesSchema, pilotWaveChangesSchema),
});
