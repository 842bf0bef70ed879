import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createDb, type Db } from '../../src/db/client.js';
import { jobRunner, type JobHandler } from '../../src/jobs/runner.js';
import { siklusJobs } from '../../src/modules/siklus/jobs.js';
import { BULK_JOB, createSiklus, moveFase, startBulkDrafts } from '../../src/modules/siklus/service.js';
import * as given from '../helpers/given.js';
import { loginAs, testApp, type TestApp } from '../helpers/app.js';

// Each app has its own passport: with the package's one instance per process, a second app in
// the same process (the tests run several, each on its own database) looked its users up in the
// first app's database, so they were logged out or, worse, shown as someone else.

/** The signed-in person the page frame names. */
const who = (html: string) => /class="who">([^<]*)</.exec(html)?.[1];

let first: TestApp;
let second: TestApp;
beforeAll(async () => {
  first = await testApp();
  second = await testApp(); // created last: with one passport per process its lookup won
});
afterAll(async () => { await Promise.all([first.close(), second.close()]); });

it('a user of the first app stays logged in after a second app is created', async () => {
  const me = await given.pegawai(first);
  const agent = await loginAs(first.app, me.login);
  const page = await agent.get('/').expect(200);
  expect(who(page.text)).toBe(`${me.nama} (${me.nip})`);
});

it('and a user of the second app in the second', async () => {
  const me = await given.pegawai(second);
  const page = await (await loginAs(second.app, me.login)).get('/').expect(200);
  expect(who(page.text)).toBe(`${me.nama} (${me.nip})`);
});

describe('two app instances on one database share one job queue', () => {
  let a: TestApp;
  let dbB: Db;
  beforeAll(async () => {
    a = await testApp();
    dbB = createDb(a.url, 5);
  });
  afterAll(async () => {
    await dbB.close();
    await a.close();
  });

  it('each job runs exactly once, whichever instance queued it', async () => {
    const admin = await given.adminActor(a);
    const cycles = [];
    for (let tahun = 2040; tahun < 2046; tahun++) cycles.push((await createSiklus(a.db, admin, { tahun, jenisPeriode: 'TRIWULANAN' })).id);
    const runs: { instance: string; job: number }[] = [];
    // no job finishes before every enqueue has answered: a finished job is no longer the cycle's
    // job in progress, and a late enqueue (a busy machine) would rightly queue a new one
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const counting = (instance: string): JobHandler => async ({ job }) => {
      runs.push({ instance, job: job.id });
      await gate;
      await new Promise((r) => setTimeout(r, 40));
    };
    const jobsA = jobRunner(a.db, { [BULK_JOB]: counting('A') }, { pollingIntervalSeconds: 0.5 });
    const jobsB = jobRunner(dbB, { [BULK_JOB]: counting('B') }, { pollingIntervalSeconds: 0.5 });
    createApp({ config: a.config, db: a.db, jobs: jobsA });
    createApp({ config: a.config, db: dbB, jobs: jobsB });
    jobsA.kick();
    jobsB.kick();
    // Both instances asked for every cycle's job at the same moment: one job per cycle.
    const ids = await Promise.all(cycles.flatMap((c) => [jobsA.enqueue(BULK_JOB, c), jobsB.enqueue(BULK_JOB, c)]));
    open();
    const perCycle = cycles.map((_, i) => ids[2 * i]);
    expect(cycles.map((_, i) => ids[2 * i + 1])).toEqual(perCycle);
    await Promise.all([jobsA.idle(), jobsB.idle()]);
    await Promise.all([jobsA.stop(), jobsB.stop()]);
    expect(runs.map((r) => r.job).sort((x, y) => x - y)).toEqual([...perCycle].sort((x, y) => x! - y!));
    expect(await a.db.prisma.job.count({ where: { siklusId: { in: cycles } } })).toBe(cycles.length);
    expect(await a.db.prisma.job.count({ where: { siklusId: { in: cycles }, status: 'SELESAI' } })).toBe(cycles.length);
  });

  it('the bulk drafts, asked for on both instances, make one SKP per employee', async () => {
    const admin = await given.adminActor(a);
    const s = await createSiklus(a.db, admin, { tahun: 2050, jenisPeriode: 'TRIWULANAN' });
    const jobsA = jobRunner(a.db, siklusJobs);
    const jobsB = jobRunner(dbB, siklusJobs);
    await moveFase(a.db, jobsA, admin, s.id, s.version, 'PERENCANAAN'); // queues the drafts on A
    await startBulkDrafts(dbB, jobsB, admin, s.id); // and B asks again at once
    jobsB.kick();
    await Promise.all([jobsA.idle(), jobsB.idle()]);
    await Promise.all([jobsA.stop(), jobsB.stop()]);
    const aktif = await a.db.prisma.pegawai.count({ where: { aktif: true } });
    expect(await a.db.prisma.skp.count({ where: { siklusId: s.id } })).toBe(aktif);
    const jobs = await a.db.prisma.job.findMany({ where: { siklusId: s.id } });
    expect(jobs.every((j) => j.status === 'SELESAI')).toBe(true);
    expect(jobs.reduce((n, j) => n + Number(j.pesan), 0)).toBe(aktif); // created once in all
  });
});
