import { defineHandlers } from '../api/handlers';

export const jobHandlers = defineHandlers('jobs', {
  'jobs.cancel': ({ jobId }, { jobs }) => ({ cancelled: jobs.cancel(jobId) }),
});
