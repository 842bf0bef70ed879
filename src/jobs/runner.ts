import type { Db } from '../db/client.js';

// Background work kept in the `job` table, so any instance can pick it up and none runs a job
// twice (FOR UPDATE SKIP LOCKED). A job that stopped mid-way (its heartbeat is stale) is taken
// up again; handlers are written to resume where they stopped. Progress is total/selesai.

export type JobRow = { id: number; jenis: string; siklus_id: number | null; total: number; selesai: number };
export type JobContext = { db: Db; job: JobRow; progress: (selesai: number, total?: number) => Promise<void> };
export type JobHandler = (ctx: JobContext) => Promise<string | void>;
/** What a feature registers: job kind → handler. The runner knows no feature. */
export type JobHandlers = Record<string, JobHandler>;

const STALE = "interval '2 minutes'";

export type JobRunner = {
  /** Queue a job unless one of the same kind for the same cycle is already queued or running. */
  enqueue: (jenis: string, siklusId: number | null) => Promise<number>;
  /** Start working through the queue (no-op when already working). */
  kick: () => void;
  /** Resolves when the queue is empty (for tests). */
  idle: () => Promise<void>;
  /** Shutdown: the running job stops at its next progress report and goes back to the queue. */
  stop: () => Promise<void>;
};

class Interrupted extends Error {}

export function jobRunner(db: Db, handlers: JobHandlers): JobRunner {
  let running: Promise<void> | null = null;
  let stopping = false;

  async function claim(): Promise<JobRow | null> {
    const r = await db.pool.query<JobRow>(
      `UPDATE job SET status = 'BERJALAN', heartbeat = now()
        WHERE id = (SELECT id FROM job WHERE status = 'ANTRI' OR (status = 'BERJALAN' AND heartbeat < now() - ${STALE})
                     ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING id, jenis, siklus_id, total, selesai`,
    );
    return r.rows[0] ?? null;
  }

  async function work(): Promise<void> {
    for (let job = stopping ? null : await claim(); job; job = stopping ? null : await claim()) {
      const handler = handlers[job.jenis];
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.jenis}`);
        const progress = async (selesai: number, total?: number) => {
          if (stopping) throw new Interrupted();
          await db.pool.query(`UPDATE job SET selesai = $2, total = COALESCE($3, total), heartbeat = now() WHERE id = $1`, [job!.id, selesai, total ?? null]);
        };
        const pesan = await handler({ db, job, progress });
        await db.pool.query(`UPDATE job SET status = 'SELESAI', pesan = $2, finished_at = now(), heartbeat = now() WHERE id = $1`, [job.id, pesan ?? null]);
      } catch (e) {
        if (e instanceof Interrupted) {
          await db.pool.query(`UPDATE job SET status = 'ANTRI' WHERE id = $1`, [job.id]);
          return;
        }
        console.error(`job ${job.id} (${job.jenis}) failed:`, e);
        await db.pool.query(`UPDATE job SET status = 'GAGAL', pesan = $2, finished_at = now() WHERE id = $1`, [job.id, String((e as Error)?.message ?? e).slice(0, 500)]).catch(() => undefined);
      }
    }
  }

  const runner: JobRunner = {
    async enqueue(jenis, siklusId) {
      const r = await db.pool.query<{ id: number }>(
        `WITH existing AS (
           SELECT id FROM job WHERE jenis = $1 AND siklus_id IS NOT DISTINCT FROM $2 AND status IN ('ANTRI', 'BERJALAN') LIMIT 1
         ), ins AS (
           INSERT INTO job (jenis, siklus_id) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM existing) RETURNING id
         )
         SELECT id FROM ins UNION ALL SELECT id FROM existing`,
        [jenis, siklusId],
      );
      return r.rows[0]!.id;
    },
    kick() {
      running ??= work()
        .catch((e) => console.error('job runner:', e))
        .finally(() => {
          running = null;
        });
    },
    idle: async () => {
      while (running) await running;
    },
    stop: async () => {
      stopping = true;
      while (running) await running;
    },
  };
  return runner;
}
