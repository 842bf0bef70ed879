import { sql } from '../../db/sql.js';
import type { JobHandler, JobHandlers } from '../../jobs/runner.js';
import { createDraftsInRange } from '../skp/draft-sql.js';
import { BULK_JOB } from './service.js';

const BATCH = 2000;

/**
 * Opening planning: a draft SKP for every active employee of the cycle, in batches of employee
 * ids, each batch one set-based INSERT … SELECT (its own transaction). Duplicate-safe and
 * resumable: a rerun skips the SKPs that exist and carries on.
 */
const createDraftSkps: JobHandler = async ({ db, job, progress }) => {
  const siklusId = job.siklus_id!;
  const n = async (q: ReturnType<typeof sql>) => (await db.sql.one<{ n: number }>(q))!.n;
  const count = () => n(sql`SELECT count(*)::int AS n FROM skp WHERE siklus_id = ${siklusId}`);
  const total = await n(sql`SELECT count(*)::int AS n FROM pegawai WHERE aktif`);
  let created = 0;
  await progress(await count(), Math.max(total, await count()));
  let last = 0;
  for (;;) {
    const { lo, hi } = (await db.sql.one<{ hi: number | null; lo: number | null }>(
      sql`SELECT min(id) AS lo, max(id) AS hi FROM (SELECT id FROM pegawai WHERE aktif AND id > ${last} ORDER BY id LIMIT ${BATCH}) b`,
    ))!;
    if (hi === null || lo === null) break;
    created += await createDraftsInRange(db.sql, siklusId, lo, hi);
    last = hi;
    await progress(await count());
  }
  return `${created}`;
};

/** The cycle's background work, registered by app.ts with the job runner. */
export const siklusJobs = { [BULK_JOB]: createDraftSkps } satisfies JobHandlers;
