import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { Db } from '../../../db/client.js';
import { sqlOn } from '../../../db/sql.js';
import type { Actor } from '../../../domain/access.js';
import { parsePolicy, type PredikatOrganisasi } from '../../../domain/scoring/index.js';
import { Forbidden, NotFound, Refused } from '../../../errors.js';
import { LABELS } from '../../../i18n/labels.js';
import type { JobRunner } from '../../../jobs/runner.js';
import { audit } from '../../audit/service.js';
import { notify } from '../../notifikasi/notify.js';
import { latestJobRow } from '../../siklus/queries.js';
import {
  barisTahunan, hapusSaran, jumlahPegawai, keBaris, penilaiBelumKonfirmasi, periodeSiklus, predikatOrganisasiSiklus, ringkasanSaran, tulisSaran,
  type BarisTahunan, type SaranTulis,
} from './queries.js';
import { susunSaran, type Konteks } from './susun.js';

// The year-end computation (docs/domain/evaluasi-hitung.md): every employee's suggestion for the
// year, as a job on the queue. The year's rows are read by one statement per range of employees
// (a few), each through a server-side cursor (FETCH in batches), inside read-only transactions
// that share one snapshot; each employee's rows go through the scoring module; the results are
// written in batches inside one write transaction that began by removing the cycle's previous
// suggestions, so readers see those until it commits: the swap. evaluasi_tahunan (the
// appraisers' ratings) is never touched. A run stopped half-way (a shutdown: progress throws; a
// crash) rolls back and leaves the previous suggestions as they were; the next run starts from
// the beginning.

export { HITUNG_JOB } from './kind.js';
import { HITUNG_JOB } from './kind.js';
/** The phases in which HR may run the computation (KALIBRASI: the policy is frozen, so a rerun gives the same result). */
export const FASE_HITUNG = ['PENILAIAN', 'KALIBRASI'] as const;

const FETCH = 100;
const BATCH = 100;
/** ranges of employees read one after the other (see hitungTahunan) */
const BAGIAN = 16;
/** connections reading ranges at once: the one being fetched and the next ones being prepared */
const BACA = 3;
/** PostgreSQL's memory per sort or hash of the read transactions (the default 4 MB spills a range to disk) */
export const WORK_MEM = '64MB';
/**
 * The planner's price of a page read at random, for the read transactions: a range of employees
 * needs a few percent of the year's realisasi, which the indexes find; at the default 4 the
 * planner scans the whole table once per range instead (at 20,000 employees in 16 ranges:
 * 7.6 s of PostgreSQL against 5.5 s with the indexes; docs/domain/evaluasi-hitung.md § Speed).
 */
export const RANDOM_PAGE_COST = 1.1;

export type HitungOpts = {
  jobId: number;
  progress?: (selesai: number, total: number) => Promise<void>;
  /** employees per write (and per progress report) */
  batch?: number;
  /** ranges of employees, each one statement */
  bagian?: number;
};

/** `n` connections of the pool, or none: when one cannot be had, those taken already go back. */
async function connectMany(pool: pg.Pool, n: number): Promise<pg.PoolClient[]> {
  const got: pg.PoolClient[] = [];
  try {
    for (let i = 0; i < n; i++) got.push(await pool.connect());
    return got;
  } catch (e) {
    for (const c of got) c.release();
    throw e;
  }
}

/** The computation itself: returns how many suggestions were written, how many of them are withheld (no predikat), and the milliseconds spent waiting for rows, computing, waiting for writes and swapping. */
export async function hitungTahunan(db: Db, siklusId: number, opts: HitungOpts): Promise<{ total: number; ditahan: number; ms: Record<string, number> }> {
  const ms = { baca: 0, hitung: 0, tulis: 0, tukar: 0 };
  const lap = (k: keyof typeof ms, t0: number) => (ms[k] += performance.now() - t0);
  const batch = opts.batch ?? BATCH;
  const siklus = await db.prisma.siklus.findUnique({ where: { id: siklusId }, select: { id: true, tahun: true, policy: true } });
  if (!siklus) throw new NotFound();
  const policy = parsePolicy(siklus.policy);
  const [periode, orgRows] = await Promise.all([periodeSiklus(db.sql, siklusId), predikatOrganisasiSiklus(db.sql, siklusId)]);
  const k: Konteks = { policy, periode, predikatOrganisasi: new Map<number, PredikatOrganisasi>(orgRows.map((r) => [r.unitId, r.predikat])), tanggal: new Map() };

  // Three connections in one snapshot: while the rows of one range of employees are fetched and
  // computed on one, the next ranges' statements run on the others (PostgreSQL aggregates a range
  // before its first row comes; this way that wait overlaps the computing).
  // The write connection (w): one transaction that removes the cycle's suggestions first and then
  // takes this run's in batches; readers see the previous ones until it commits (the swap).
  const [w, ...conns] = await connectMany(db.pool, BACA + 1);
  const a = conns[0]!;
  let total = 0;
  let ditahan = 0;
  let selesai = 0;
  let ok = false;
  const tx = sqlOn(w);
  // the write in flight (one at a time on its connection), and every read or write in flight, awaited before cleaning up after a stop
  let writing: Promise<unknown> = Promise.resolve();
  // (only while they run: a settled one is let go with its rows)
  const inflight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    const settled: Promise<unknown> = p.then(
      () => inflight.delete(settled),
      () => inflight.delete(settled),
    );
    inflight.add(settled);
    return p;
  };
  try {
    await a.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await a.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0]!.s;
    for (const c of conns.slice(1)) {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await c.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/[^0-9A-Za-z-]/g, '')}'`);
    }
    // every row is read: plan for the whole result, not for the first rows as a cursor otherwise does;
    // and a range's sorts and aggregates in memory rather than in temporary files (at 20,000 employees in one range they took about 30 MB);
    // a range's rows found through the indexes rather than by a scan of each table (RANDOM_PAGE_COST)
    for (const c of conns) await c.query(`SET LOCAL cursor_tuple_fraction = 1; SET LOCAL work_mem = '${WORK_MEM}'; SET LOCAL random_page_cost = ${RANDOM_PAGE_COST}`);
    const info = (await jumlahPegawai(sqlOn(a), siklusId, opts.bagian ?? BAGIAN)) ?? { n: 0, batas: [] };
    const n = info.n;
    const batas = [0, ...info.batas];
    await opts.progress?.(0, n);

    // range i on connection i % BACA: declared and its first batch asked for at once
    const buka = (i: number): Promise<BarisTahunan[]> => {
      const c = conns[i % BACA]!;
      const q = barisTahunan(siklusId, batas[i]!, batas[i + 1]!);
      return track(c.query({ text: `DECLARE saran_tahunan_${i} NO SCROLL CURSOR FOR ${q.text}`, values: q.values as unknown[] }).then(() => ambil(i)));
    };
    const ambil = (i: number) => track(conns[i % BACA]!.query<BarisTahunan>(`FETCH ${FETCH} FROM saran_tahunan_${i}`).then((r) => r.rows));

    let current: BarisTahunan[] = [];
    // each row as its column values at once (the explanation as JSON text): the object graph dies young, the batch holds flat values
    let out: SaranTulis[] = [];
    await w.query('BEGIN');
    await hapusSaran(tx, siklusId);
    // each batch is written while the next employees are read and computed
    const flush = async () => {
      if (out.length === 0) return;
      const rows = out;
      out = [];
      const t = performance.now();
      await writing;
      lap('tulis', t);
      writing = track(tulisSaran(tx, opts.jobId, siklusId, rows)).then(() => {
        selesai += rows.length;
      });
      // a failed write is seen where the writes are awaited (the next flush, or the end), never as an unhandled rejection meanwhile
      writing.catch(() => undefined);
      // a shutdown stops the run here (the progress throws); the write transaction is rolled back below
      await opts.progress?.(selesai, n);
    };
    const finish = (rows: BarisTahunan[]) => {
      if (rows.length === 0 || !rows.some((r) => r.baris === 1)) return; // marks without a piece: nothing to suggest
      const s = susunSaran(rows, k);
      out.push(keBaris(s.baris));
      total++;
      if (s.ditahan) ditahan++;
    };

    const ranges = batas.length - 1;
    // the ranges declared ahead of the one being read (range i is read on connection i % BACA, so
    // at most BACA − 1 ahead). The first range starts alone: the computing waits for its rows only.
    const ahead: Promise<BarisTahunan[]>[] = [];
    let opened = 0;
    const openAhead = (reading: number) => {
      while (opened < ranges && opened < reading + BACA) ahead.push(buka(opened++));
    };
    if (ranges > 0) ahead.push(buka(opened++));
    let t0 = performance.now();
    for (let i = 0; i < ranges; i++) {
      let pending = ahead.shift()!;
      for (;;) {
        t0 = performance.now();
        const rows = await pending;
        lap('baca', t0);
        openAhead(i);
        if (rows.length === 0) break;
        pending = ambil(i); // the next batch travels while this one is computed
        t0 = performance.now();
        for (const r of rows) {
          if (current.length && current[0]!.pegawai_id !== r.pegawai_id) {
            finish(current);
            current = [];
            if (out.length >= batch) await flush();
          }
          current.push(r);
        }
        lap('hitung', t0);
      }
      // this connection is free once its cursor is closed: the range after the ones ahead goes there
      await track(conns[i % BACA]!.query(`CLOSE saran_tahunan_${i}`));
      openAhead(i + 1);
    }
    finish(current);
    await flush();
    t0 = performance.now();
    await writing;
    lap('tulis', t0);
    await opts.progress?.(selesai, n);
    for (const c of conns.slice(1).reverse()) await c.query('COMMIT');
    await a.query('COMMIT');

    // the swap: the write transaction commits, and in it each appraiser with appraisees still to
    // confirm is told once per run
    t0 = performance.now();
    const penilai = await penilaiBelumKonfirmasi(tx, siklusId);
    await notify(
      tx,
      penilai.map((p) => ({
        ...(p.penilaiId !== null ? { pegawaiId: p.penilaiId } : { userId: p.userId! }),
        jenis: 'EVALUASI_SIAP' as const,
        params: { tahun: siklus.tahun, jumlah: p.jumlah },
        tautan: `/evaluasi?siklus=${siklusId}`,
        kunci: `evaluasi-siap:${opts.jobId}:${p.penilaiId !== null ? `p${p.penilaiId}` : `u${p.userId}`}`,
      })),
    );
    await w.query('COMMIT');
    lap('tukar', t0);
    ok = true;
    return { total, ditahan, ms: Object.fromEntries(Object.entries(ms).map(([key, v]) => [key, Math.round(v)])) };
  } finally {
    if (!ok) {
      await Promise.allSettled([writing, ...inflight]);
      for (const c of [w, ...conns]) await c.query('ROLLBACK').catch(() => undefined);
    }
    w.release();
    for (const c of conns) c.release();
  }
}

/** HR starts the computation of the cycle's suggestions (re-runnable in PENILAIAN and KALIBRASI). Returns the job's id. */
export async function mulaiHitung(db: Db, actor: Actor, siklusId: number, jobs: JobRunner): Promise<number> {
  if (!actor.isAdmin) throw new Forbidden();
  const s = await db.prisma.siklus.findUnique({ where: { id: siklusId }, select: { id: true, tahun: true, fase: true } });
  if (!s) throw new NotFound();
  if (!(FASE_HITUNG as readonly string[]).includes(s.fase)) throw new Refused('evaluasiHitung.faseSalah', { tahun: s.tahun, fase: `@${LABELS.fase[s.fase]}` });
  const id = await jobs.enqueue(HITUNG_JOB, siklusId);
  await audit(db.prisma, actor, { aksi: 'siklus.startHitungTahunan', entitas: 'siklus', entitasId: siklusId, after: { job: id } });
  jobs.kick();
  return id;
}

export type StatusHitung = {
  siklusId: number;
  fase: string;
  bisaDihitung: boolean;
  job: { id: number; status: string; total: number; selesai: number; pesan: string | null } | null;
  hasil: { total: number; ditahan: number; dihitungAt: Date | null };
};

/** What the cycle page shows of the computation: may it run now, its latest job, the suggestions it left. */
export async function statusHitung(db: Db, siklusId: number): Promise<StatusHitung> {
  const s = await db.prisma.siklus.findUnique({ where: { id: siklusId }, select: { id: true, fase: true } });
  if (!s) throw new NotFound();
  const [job, hasil] = await Promise.all([latestJobRow(db.sql, siklusId, HITUNG_JOB), ringkasanSaran(db.sql, siklusId)]);
  return {
    siklusId,
    fase: s.fase,
    bisaDihitung: (FASE_HITUNG as readonly string[]).includes(s.fase),
    job: job ?? null,
    hasil: hasil ?? { total: 0, ditahan: 0, dihitungAt: null },
  };
}
