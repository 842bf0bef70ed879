import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
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
import { hapusStaging, jumlahPegawai, penilaiBelumKonfirmasi, periodeSiklus, predikatOrganisasiSiklus, ringkasanSaran, tukar } from './queries.js';
import type { TugasPekerja } from './pekerja-main.js';
import { hitungRentang, type HasilRentang, type Rentang } from './rentang.js';
import type { Konteks } from './susun.js';

// The year-end computation (docs/domain/evaluasi-hitung.md): every employee's suggestion for the
// year, as a job on the queue. The year's rows are read by one statement per range of employees,
// each through a server-side cursor (FETCH in batches), inside read-only transactions that share
// one snapshot; for a large agency the ranges are shared out to worker threads, each with its own
// connections (rentang.ts does one share's work wherever it runs); each employee's rows go through
// the scoring module; the results go to
// the staging table in batches; at the end one transaction replaces the cycle's suggestions with
// this run's and clears the staging rows. evaluasi_tahunan (the appraisers' ratings) is never
// touched. A run stopped half-way (a shutdown: progress throws) leaves the previous suggestions as
// they were; the next run starts by clearing what a stopped one left in staging, so it restarts
// from the beginning.

export { HITUNG_JOB } from './kind.js';
import { HITUNG_JOB } from './kind.js';
/** The phases in which HR may run the computation (KALIBRASI: the policy is frozen, so a rerun gives the same result). */
export const FASE_HITUNG = ['PENILAIAN', 'KALIBRASI'] as const;

const BATCH = 500;
/** Below this many employees the main thread computes alone (a worker's start costs more than it saves). */
const PARALEL_MINIMUM = 2_000;
/** Worker threads for a large agency: PostgreSQL needs the other CPUs to produce the rows. */
const PEKERJA = 2;
/** Ranges of employees per worker (each one statement, read one after the other). */
const RENTANG_PER_PEKERJA = 1;

export type HitungOpts = {
  jobId: number;
  progress?: (selesai: number, total: number) => Promise<void>;
  /** employees per staging write (and per progress report) */
  batch?: number;
  /** ranges of employees, each one statement */
  bagian?: number;
  /** worker threads (0: the calling thread computes); by default 0 for a small agency, else PEKERJA */
  pekerja?: number;
};

/** The computation itself: returns how many suggestions were written, how many of them are withheld (no predikat), and the milliseconds spent waiting for rows, computing, waiting for writes (summed over the workers) and swapping. */
export async function hitungTahunan(db: Db, siklusId: number, opts: HitungOpts): Promise<{ total: number; ditahan: number; ms: Record<string, number> }> {
  const batch = opts.batch ?? BATCH;
  const siklus = await db.prisma.siklus.findUnique({ where: { id: siklusId }, select: { id: true, tahun: true, policy: true } });
  if (!siklus) throw new NotFound();
  const policy = parsePolicy(siklus.policy);
  const [periode, orgRows] = await Promise.all([periodeSiklus(db.sql, siklusId), predikatOrganisasiSiklus(db.sql, siklusId)]);
  const k: Konteks = { policy, periode, predikatOrganisasi: new Map<number, PredikatOrganisasi>(orgRows.map((r) => [r.unitId, r.predikat])), tanggal: new Map() };
  // what a stopped run of this cycle left behind
  await hapusStaging(db.sql, siklusId);

  // One snapshot for the whole run: this connection's read-only transaction exports it, and every
  // worker's reading connection imports it, so all of them see the same moment.
  const a = await db.pool.connect();
  let ok = false;
  try {
    await a.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await a.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0]!.s;
    // every row is read: plan for the whole result (hash joins), not for the first rows as a cursor otherwise does
    await a.query('SET LOCAL cursor_tuple_fraction = 1');
    const connectionString = db.pool.options.connectionString;
    const probe = (await jumlahPegawai(sqlOn(a), siklusId, 1)) ?? { n: 0, batas: [] };
    const n = probe.n;
    const pekerja = Math.max(0, Math.floor(opts.pekerja ?? (n >= PARALEL_MINIMUM && connectionString ? PEKERJA : 0)));
    const bagian = Math.max(1, opts.bagian ?? (pekerja > 0 ? pekerja * RENTANG_PER_PEKERJA : 1));
    const info = bagian === 1 ? probe : ((await jumlahPegawai(sqlOn(a), siklusId, bagian)) ?? probe);
    const batas = [0, ...info.batas];
    const rentang: Rentang[] = batas.slice(1).map((b, i) => [batas[i]!, b] as const);
    await opts.progress?.(0, n);

    // progress, one report at a time in the order the batches were written
    let selesai = 0;
    let lapor: Promise<void> = Promise.resolve();
    const ditulis = (m: number): Promise<void> => {
      lapor = lapor.then(() => {
        selesai += m;
        // a shutdown stops the run here (the progress throws); what was written is cleared below
        return opts.progress?.(selesai, n);
      });
      return lapor;
    };

    let hasil: HasilRentang[];
    if (pekerja === 0 || !connectionString || rentang.length === 0) {
      hasil = [await hitungRentang(a, db.sql, { siklusId, jobId: opts.jobId, rentang, k, batch, ditulis })];
    } else {
      const shares = Array.from({ length: Math.min(pekerja, rentang.length) }, (_, w) => rentang.filter((_, i) => i % pekerja === w));
      hasil = await hitungParalel({ connectionString, snapshot, siklusId, jobId: opts.jobId, k: { ...k, tanggal: undefined }, batch }, shares, ditulis);
    }
    await lapor;
    await opts.progress?.(selesai, n);
    await a.query('COMMIT');
    const total = hasil.reduce((x, h) => x + h.total, 0);
    const ditahan = hasil.reduce((x, h) => x + h.ditahan, 0);
    const ms = { baca: 0, hitung: 0, tulis: 0, tukar: 0 };
    for (const h of hasil) for (const key of ['baca', 'hitung', 'tulis'] as const) ms[key] += h.ms[key];

    // the swap: the cycle's suggestions become this run's, in one transaction, and each appraiser
    // with appraisees still to confirm is told once per run
    const t0 = performance.now();
    await a.query('BEGIN');
    const tx = sqlOn(a);
    await tukar(tx, siklusId, opts.jobId);
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
    await a.query('COMMIT');
    ms.tukar = performance.now() - t0;
    ok = true;
    return { total, ditahan, ms: Object.fromEntries(Object.entries(ms).map(([key, v]) => [key, Math.round(v)])) };
  } finally {
    if (!ok) {
      await a.query('ROLLBACK').catch(() => undefined);
      // best effort: the next run clears them anyway
      await hapusStaging(db.sql, siklusId).catch(() => undefined);
    }
    a.release();
  }
}

/**
 * Each share of ranges on its own worker thread (pekerja.mjs → pekerja-main.ts), each with its
 * own two connections on the run's snapshot; their staging writes are reported to `ditulis`. The
 * first failure (a worker's, or `ditulis` throwing on a shutdown) stops them all: each is
 * terminated, which closes its connections.
 */
async function hitungParalel(base: Omit<TugasPekerja, 'module' | 'rentang'>, shares: Rentang[][], ditulis: (n: number) => Promise<void>): Promise<HasilRentang[]> {
  const module = new URL('./pekerja-main.ts', import.meta.url).href;
  const workers = shares.map((rentang) => new Worker(new URL('./pekerja.mjs', import.meta.url), { workerData: { ...base, module, rentang } satisfies TugasPekerja }));
  try {
    return await Promise.all(
      workers.map(
        (w) =>
          new Promise<HasilRentang>((resolve, reject) => {
            w.on('message', (m: { ditulis?: number; selesai?: HasilRentang; gagal?: string }) => {
              if (m.ditulis !== undefined) ditulis(m.ditulis).catch(reject);
              else if (m.selesai) resolve(m.selesai);
              else reject(new Error(`year-end computation worker: ${m.gagal}`));
            });
            w.on('error', reject);
            // after its answer, an exit changes nothing (a settled promise stays settled)
            w.on('exit', (code) => reject(new Error(`year-end computation worker exited (${code}) without an answer`)));
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
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
