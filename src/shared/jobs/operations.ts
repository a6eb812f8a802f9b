import { z } from 'zod';
import { defineOperations, operation } from '../api/operation';

/** Long work under way in the core (an upload's file read), which the console may cancel. */
export const jobsOperations = defineOperations('jobs', {
  'jobs.cancel': operation(z.object({ jobId: z.string() }), z.object({ cancelled: z.boolean() })),
});
