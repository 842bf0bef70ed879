import PgBoss from 'pg-boss';
import type { Db } from '../db/client.js';

// Background work on pg-boss (docs/architecture.md, "Background jobs"), in the app's own
// PostgreSQL and through the app's own pool. pg-boss hands each job to one worker of one instance
// (SKIP LOCKED), retries a run a shutdown stopped and brings back one a crash left behind when it
// expires. The `job` table stays the record users see: one row per requested run, with its
// progress (total/selesai) for the cycle page's progress bar and its outcome. A pg-boss job
// carries only that row's id. Handlers are written to resume where they stopped.
//
// pg-boss's schema and its queues come from a migration (prisma/migrations/*_pgboss_queue); pg-boss
// is started with its own migrations off and refuses to start on a schema of another version.

export type JobRow = { id: number; jenis: string; siklus_id: number | null; total: number; selesai: number };
export type JobContext = { db: Db; job: JobRow; progress: (selesai: number, total?: number) => Promise<void> };
export type JobHandler = (ctx: JobContext) => Promise<string | void>;
/** What a feature registers: job kind (= pg-boss queue name) → handler. The runner knows no feature. */
export type JobHandlers = Record<string, JobHandler>;

/**
 * A task: a plain pg-boss job with its own data and no `job` row (sending one e-mail, checking for
 * due reminders). The handler must be safe to run twice for the same data (pg-boss delivers at
 * least once). `cron` (5 fields, UTC) puts it on pg-boss's schedule: one job per tick across all
 * instances. A throw is retried by pg-boss per the queue's policy (set in its migration).
 */
export type TaskHandler = (data: Record<string, unknown>, ctx: { db: Db }) => Promise<void>;
export type TaskQueue = { handler: TaskHandler; cron?: string };
/** What a feature registers: task queue name → its handler (and schedule). */
export type TaskQueues = Record<string, TaskQueue>;
export type SendOptions = { singletonKey?: string; startAfter?: Date | number };

export const QUEUE_SCHEMA = 'pgboss';

export type JobRunner = {
  /** Queue a job unless one of the same kind for the same cycle is already queued or running. */
  enqueue: (jenis: string, siklusId: number | null) => Promise<number>;
  /** Queue a task (see TaskQueues); returns pg-boss's job id, or null when singletonKey refused it. */
  send: (queue: string, data: Record<string, unknown>, options?: SendOptions) => Promise<string | null>;
  /** Start working (pg-boss starts on first use) and look for work now rather than at the next poll. */
  kick: () => void;
  /** Resolves when no job of this runner's kinds is due or running, on any instance (for tests); one queued for later does not count. */
  idle: () => Promise<void>;
  /** Shutdown: the running job stops at its next progress report and goes back to the queue. */
  stop: () => Promise<void>;
};

export type JobRunnerOptions = { pollingIntervalSeconds?: number; tasks?: TaskQueues };

class Interrupted extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function jobRunner(db: Db, handlers: JobHandlers, options: JobRunnerOptions = {}): JobRunner {
  const tasks = options.tasks ?? {};
  const kinds = [...Object.keys(handlers), ...Object.keys(tasks)];
  const scheduled = Object.entries(tasks).filter(([, t]) => t.cron);
  let boss: Promise<PgBoss> | null = null;
  let workers: string[] = [];
  let stopping = false;
  let stopped: Promise<void> | null = null;
  // Every statement pg-boss sends, so that stop() returns only once the last one (pg-boss completes
  // and fails jobs without waiting) is done and the pool can close.
  const inflight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inflight.add(p);
    void p.then(
      () => inflight.delete(p),
      () => inflight.delete(p),
    );
    return p;
  };
  const adapter = { executeSql: (text: string, values?: unknown[]) => track(db.pool.query(text, values)) };

  async function run(jobId: number): Promise<unknown> {
    const claimed = await db.pool.query<JobRow>(
      `UPDATE job SET status = 'BERJALAN', heartbeat = now(), pesan = NULL WHERE id = $1 AND status IN ('ANTRI', 'BERJALAN')
        RETURNING id, jenis, siklus_id, total, selesai`,
      [jobId],
    );
    const job = claimed.rows[0];
    if (!job) return { skipped: true }; // already finished (a duplicate delivery) or gone with its cycle
    const handler = handlers[job.jenis];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.jenis}`);
      const progress = async (selesai: number, total?: number) => {
        if (stopping) throw new Interrupted();
        await db.pool.query(`UPDATE job SET selesai = $2, total = COALESCE($3, total), heartbeat = now() WHERE id = $1`, [job.id, selesai, total ?? null]);
      };
      const pesan = await handler({ db, job, progress });
      await db.pool.query(`UPDATE job SET status = 'SELESAI', pesan = $2, finished_at = now(), heartbeat = now() WHERE id = $1`, [job.id, pesan ?? null]);
      return { pesan: pesan ?? null };
    } catch (e) {
      if (e instanceof Interrupted) {
        await db.pool.query(`UPDATE job SET status = 'ANTRI' WHERE id = $1`, [job.id]);
        throw e; // pg-boss puts it back as a retry; the next start (or another instance) resumes it
      }
      // A real failure is recorded and not retried by itself, as before: HR starts it again.
      console.error(`job ${job.id} (${job.jenis}) failed:`, e);
      const pesan = String((e as Error)?.message ?? e).slice(0, 500);
      await db.pool.query(`UPDATE job SET status = 'GAGAL', pesan = $2, finished_at = now() WHERE id = $1`, [job.id, pesan]);
      return { gagal: pesan };
    }
  }

  async function start(): Promise<PgBoss> {
    const b = new PgBoss({ db: adapter, schema: QUEUE_SCHEMA, migrate: false, supervise: true, schedule: scheduled.length > 0 });
    b.on('error', (e) => {
      if (!stopping) console.error('job queue:', e);
    });
    await b.start(); // checks the schema's version; creates nothing
    for (const name of kinds) {
      if (!(await b.getQueue(name))) throw new Error(`job queue "${name}" does not exist: create it in a migration (docs/architecture.md, "Background jobs")`);
      const work = { batchSize: 1, ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}) };
      const task = tasks[name];
      workers.push(
        task
          ? await b.work<Record<string, unknown>>(name, work, async ([j]) => task.handler(j!.data ?? {}, { db }))
          : await b.work<{ jobId: number }>(name, work, async ([j]) => run(j!.data.jobId)),
      );
    }
    for (const [name, t] of scheduled) await b.schedule(name, t.cron!, {}, { tz: 'UTC' });
    return b;
  }

  const started = (): Promise<PgBoss> => {
    if (stopping) return Promise.reject(new Error('the job runner is stopped'));
    boss ??= start();
    return boss;
  };

  async function waiting(): Promise<number> {
    const r = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = ANY($1) AND state < 'completed' AND start_after <= now()`, [kinds]);
    return r.rows[0]!.n;
  }

  const runner: JobRunner = {
    async enqueue(jenis, siklusId) {
      const b = await started();
      const client = await db.pool.connect();
      try {
        await client.query('BEGIN');
        // One request at a time per kind and cycle, across instances, so two clicks make one job.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1), COALESCE($2::int, 0))', [jenis, siklusId]);
        const existing = await client.query<{ id: number }>(
          `SELECT id FROM job WHERE jenis = $1 AND siklus_id IS NOT DISTINCT FROM $2 AND status IN ('ANTRI', 'BERJALAN') ORDER BY id LIMIT 1`,
          [jenis, siklusId],
        );
        let id = existing.rows[0]?.id;
        if (id === undefined) {
          id = (await client.query<{ id: number }>(`INSERT INTO job (jenis, siklus_id) VALUES ($1, $2) RETURNING id`, [jenis, siklusId])).rows[0]!.id;
          // In the same transaction: the row and its queue entry exist together or not at all.
          await b.send(jenis, { jobId: id }, { db: { executeSql: (text: string, values?: unknown[]) => client.query(text, values) } });
        }
        await client.query('COMMIT');
        return id;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async send(queue, data, opts = {}) {
      if (!tasks[queue]) throw new Error(`no task queue "${queue}" is registered`);
      const b = await started();
      return b.send(queue, data, opts);
    },
    kick() {
      if (stopping) return;
      started().then(
        (b) => {
          for (const w of workers) b.notifyWorker(w);
        },
        (e) => console.error('job queue:', e),
      );
    },
    async idle() {
      if (stopping) return;
      const b = await started();
      while (!stopping && (await waiting()) > 0) {
        for (const w of workers) b.notifyWorker(w);
        await sleep(50);
      }
    },
    stop() {
      stopping = true;
      stopped ??= (async () => {
        const b = await boss?.catch(() => null);
        if (b) await b.stop({ graceful: true, timeout: 30_000 });
        while (inflight.size) await Promise.allSettled([...inflight]);
      })();
      return stopped;
    },
  };
  return runner;
}
