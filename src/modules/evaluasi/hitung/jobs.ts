import type { JobHandlers } from '../../../jobs/runner.js';

/** The year-end computation's background work, registered by app.ts with the job runner. */
export const evaluasiJobs = {} satisfies JobHandlers;
