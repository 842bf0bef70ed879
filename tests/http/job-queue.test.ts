import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRunner, type JobHandler } from '../../src/jobs/runner.js';
import { siklusJobs } from '../../src/modules/siklus/jobs.js';
import { BULK_JOB, createSiklus } from '../../src/modules/siklus/service.js';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';

// The job queue (pg-boss, docs/architecture.md "Background jobs"): its schema comes from a
// migration and starting it changes nothing in the database; a run stopped by a shutdown is
// finished by the next start.

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

/** Every object in the queue's schema: relations, functions, types, with a fingerprint of their definition. */
const queueSchemaObjects = async () =>
  (
    await t.db.pool.query<{ o: string }>(
      `SELECT 'rel ' || relname || ' ' || relkind::text || ' ' || relnatts AS o FROM pg_class WHERE relnamespace = 'pgboss'::regnamespace
       UNION ALL SELECT 'fn ' || proname || ' ' || md5(prosrc) FROM pg_proc WHERE pronamespace = 'pgboss'::regnamespace
       UNION ALL SELECT 'type ' || typname FROM pg_type WHERE typnamespace = 'pgboss'::regnamespace
       UNION ALL SELECT 'queue ' || name || ' ' || policy || ' ' || retry_limit || ' ' || expire_seconds FROM pgboss.queue
       ORDER BY 1`,
    )
  ).rows.map((r) => r.o);

const bossJobs = async (jobId: number) =>
  (await t.db.pool.query<{ state: string; retry_count: number }>(`SELECT state::text, retry_count FROM pgboss.job WHERE data->>'jobId' = $1 ORDER BY created_on`, [String(jobId)])).rows;

const aktif = () => t.db.prisma.pegawai.count({ where: { aktif: true } });

describe('the job queue', () => {
  it('starts against the migrated database, works and stops without creating or changing anything in its schema', async () => {
    const before = await queueSchemaObjects();
    expect(before).toContain('queue skp.buatDraft standard 10 900');
    const admin = await given.adminActor(t);
    const s = await createSiklus(t.db, admin, { tahun: 2035, jenisPeriode: 'TRIWULANAN' });
    const jobs = jobRunner(t.db, siklusJobs);
    const id = await jobs.enqueue(BULK_JOB, s.id);
    jobs.kick();
    await jobs.idle();
    await jobs.stop();
    expect(await t.db.prisma.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SELESAI', selesai: await aktif() });
    expect(await bossJobs(id)).toEqual([{ state: 'completed', retry_count: 0 }]);
    expect(await queueSchemaObjects()).toEqual(before);
  });

  it('refuses a job kind whose queue no migration made, naming the fix', async () => {
    const jobs = jobRunner(t.db, { 'tidak.ada': async () => undefined });
    await expect(jobs.idle()).rejects.toThrow('job queue "tidak.ada" does not exist: create it in a migration');
    await jobs.stop();
    expect(await queueSchemaObjects()).not.toContainEqual(expect.stringContaining('tidak.ada'));
  });

  it('a run stopped by a shutdown goes back to the queue and the next start finishes it, doubling nothing', async () => {
    const admin = await given.adminActor(t);
    const s = await createSiklus(t.db, admin, { tahun: 2036, jenisPeriode: 'TRIWULANAN' });
    let began!: () => void;
    const running = new Promise<void>((r) => (began = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // The real handler, held at its first progress report until the shutdown has begun.
    const held: JobHandler = (ctx) =>
      siklusJobs[BULK_JOB]({
        ...ctx,
        progress: async (selesai, total) => {
          began();
          await gate;
          return ctx.progress(selesai, total);
        },
      });
    const first = jobRunner(t.db, { [BULK_JOB]: held });
    const id = await first.enqueue(BULK_JOB, s.id);
    first.kick();
    await running;
    const stopped = first.stop();
    release();
    await stopped;
    expect(await t.db.prisma.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'ANTRI' });
    expect(await bossJobs(id)).toEqual([{ state: 'retry', retry_count: 0 }]); // counted when taken up again
    expect(await t.db.prisma.skp.count({ where: { siklusId: s.id } })).toBe(0);

    const next = jobRunner(t.db, siklusJobs); // the next start
    next.kick();
    await next.idle();
    expect(await t.db.prisma.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SELESAI', selesai: await aktif() });
    expect(await bossJobs(id)).toEqual([{ state: 'completed', retry_count: 1 }]);
    expect(await t.db.prisma.skp.count({ where: { siklusId: s.id } })).toBe(await aktif());
    // Asked again: a new run, which finds everything made and adds nothing.
    const again = await next.enqueue(BULK_JOB, s.id);
    expect(again).not.toBe(id);
    next.kick();
    await next.idle();
    await next.stop();
    expect(await t.db.prisma.job.findUniqueOrThrow({ where: { id: again } })).toMatchObject({ status: 'SELESAI', pesan: '0' });
    expect(await t.db.prisma.skp.count({ where: { siklusId: s.id } })).toBe(await aktif());
  });

  it('a handler that fails is recorded as failed with its message, and not retried by itself', async () => {
    const admin = await given.adminActor(t);
    const s = await createSiklus(t.db, admin, { tahun: 2037, jenisPeriode: 'TRIWULANAN' });
    let calls = 0;
    const jobs = jobRunner(t.db, { [BULK_JOB]: async () => { calls++; throw new Error('disk penuh'); } });
    const id = await jobs.enqueue(BULK_JOB, s.id);
    jobs.kick();
    await jobs.idle();
    await jobs.stop();
    expect(await t.db.prisma.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'GAGAL', pesan: 'disk penuh' });
    expect(calls).toBe(1);
    expect(await bossJobs(id)).toEqual([{ state: 'completed', retry_count: 0 }]);
  });

  it('stop() before anything started, and twice, is fine', async () => {
    const jobs = jobRunner(t.db, siklusJobs);
    await jobs.stop();
    await jobs.stop();
    await jobs.idle(); // a stopped runner waits for nothing
    jobs.kick(); // and starts nothing
  });
});
