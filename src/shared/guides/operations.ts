import { z } from 'zod';
import { byId, defineOperations, operation } from '../api/operation';
import { idSchema } from '../validation/common';
import { guideInputSchema, guideSchema, guideUpdateSchema } from './guide-schema';

export const guidesOperations = defineOperations('guides', {
  'guides.list': operation(z.object({ storeId: idSchema.optional() }).optional(), z.array(guideSchema)),
  'guides.get': operation(byId, guideSchema),
  'guides.create': operation(guideInputSchema, guideSchema),
  'guides.update': operation(guideUpdateSchema, guideSchema),
  'guides.archive': operation(byId, guideSchema),
  'guides.restore': operation(byId, guideSchema),
});
