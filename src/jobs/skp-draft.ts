import type { JobHandler } from './runner.js';
import { createDraftsInRange } from '../modules/skp/draft-sql.js';

const BATCH = 2000;

/**
 * Opening planning: a draft SKP for every active employee of the cycle, in batches of employee
 * ids, each batch one set-based INSERT … SELECT (its own transaction). Duplicate-safe and
 * resumable: a rerun skips the SKPs that exist and carries on.
 */
export const buatDraftSkp: JobHandler = async ({ db, job, progress }) => {
  const siklusId = job.siklus_id!;
  const count = async () => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM skp WHERE siklus_id = $1', [siklusId])).rows[0]!.n;
  const total = (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pegawai WHERE aktif')).rows[0]!.n;
  let created = 0;
  await progress(await count(), Math.max(total, await count()));
  let last = 0;
  for (;;) {
    const r = await db.pool.query<{ hi: number | null; lo: number | null }>(
      'SELECT min(id) AS lo, max(id) AS hi FROM (SELECT id FROM pegawai WHERE aktif AND id > $1 ORDER BY id LIMIT $2) b',
      [last, BATCH],
    );
    const { lo, hi } = r.rows[0]!;
    if (hi === null || lo === null) break;
    created += await createDraftsInRange(db.pool, siklusId, lo, hi);
    last = hi;
    await progress(await count());
  }
  return `${created}`;
};
