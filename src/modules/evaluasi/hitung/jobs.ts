import type { JobHandler, JobHandlers } from '../../../jobs/runner.js';
import { HITUNG_JOB, hitungTahunan } from './service.js';

export { HITUNG_JOB } from './service.js';

/**
 * The year-end computation as a job (docs/domain/evaluasi-hitung.md): progress per batch of
 * employees; a shutdown stops it at its next progress report (the previous suggestions stay) and
 * the retry starts it again from the beginning. Its message: how many were computed and withheld.
 */
const hitung: JobHandler = async ({ db, job, progress }) => {
  const { total, ditahan } = await hitungTahunan(db, job.siklus_id!, { jobId: job.id, progress });
  return JSON.stringify({ total, ditahan });
};

/** The year-end computation's background work, registered by app.ts with the job runner. */
export const evaluasiJobs = { [HITUNG_JOB]: hitung } satisfies JobHandlers;
