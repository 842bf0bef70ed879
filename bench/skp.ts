// `npm run bench:skp [employees]`: bulk creation of draft SKPs, and the appraiser's pages.
//
// On the same throwaway stack as `npm run bench` (bench/harness.ts: embedded PostgreSQL, the
// generated dataset, the real app in production mode on a free loopback port):
//  0. picks a unit head and gives them exactly 30 active appraisees (extras move up to the head's
//     own appraiser; the appraiser chain is checked to be loop-free), before the cycle exists so
//     the SKP snapshots agree with it;
//  1. creates a cycle with its periods (createSiklus, admin actor) and opens planning with
//     moveFase → PERENCANAAN, which queues the bulk job (BULK_JOB) and kicks a job runner built by
//     createJobRunner, as the app does; waits for it (idle). Measures wall time, this process's
//     peak RSS and heap (process.memoryUsage() every 50 ms), PostgreSQL CPU seconds, calls to
//     db.pool.query and all statements sent; verifies one SKP per active employee, each with a
//     snapshot; then runs the job again (startBulkDrafts) and checks that it creates 0;
//  2. gives the appraiser's SKP 5 RHKs and each appraisee's SKP 3 RHKs (2 linked to the
//     appraiser's RHKs 1–3, so 2 of theirs stay untaken) with 2 indicators each, and a mix of
//     statuses; with BENCH_SKP_BACKGROUND (default 1) every other SKP gets the same shape, linked
//     to its own appraiser's RHKs, so rhk/indikator have a realistic size. Set-based SQL;
//  3. logs in distinct sessions as the appraiser (NIP + BENCH_PASSWORD) through the real form,
//     checks both pages once in full, and loads /ping (the floor), /skp/bawahan and /skp/matriks at
//     each concurrency (warm-up, then measured run; a body check on every response).
// Prints tables and writes bench/results/skp-<timestamp>.json.
//
// Environment: BENCH_EMPLOYEES (or the first argument; default 20000), BENCH_SECONDS (default
// 10), BENCH_WARMUP_SECONDS (default 3), BENCH_CONCURRENCY (default "10,50"),
// BENCH_TIMEOUT_SECONDS (default 10), BENCH_SKP_BACKGROUND (default 1), BENCH_SKP_PROFILE=1
// (also print the statements per request and EXPLAIN ANALYZE of each page's statements).
// Exits 1 on a failed check of the bulk run or the pages, or on any error, timeout, non-2xx or
// body mismatch under load; the targets are reported (PASS/FAIL) but do not change the exit code.

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Session } from 'node:inspector/promises';
import pg from 'pg';
import express from 'express';
import { createJobRunner } from '../src/app.js';
import { loadActor } from '../src/modules/auth/authenticate.js';
import { createSiklus, moveFase, startBulkDrafts } from '../src/modules/siklus/service.js';
import type { Db } from '../src/db/client.js';
import { bawahanPage, chooseSiklus } from '../src/modules/skp/review/service.js';
import { matriksPeranHasil } from '../src/modules/skp/review/matriks.js';
import { insertPeriodePlans } from '../src/db/bulk-insert.js';
import { ACCEPT_ENCODING, drain, fmt, load, LOAD_HEAD, loadColumns, textTable, loginMany, machineCpuSeconds, mainThreadCpuSeconds, POOL_SIZE, postgresCpuSeconds, startStack, type LoadResult, runBench, writeResults, envNum, loadSettings } from './harness.js';

const LOAD_GENERATOR = `autocannon in a worker thread of the benchmark process (the app runs on the main thread of the same process); Accept-Encoding: ${ACCEPT_ENCODING || 'none (uncompressed pages)'}`;

const { EMPLOYEES, SECONDS, WARMUP_SECONDS, TIMEOUT_SECONDS, CONCURRENCY } = loadSettings(40);
const BACKGROUND = envNum('BENCH_SKP_BACKGROUND', 1) > 0;
const PROFILE = envNum('BENCH_SKP_PROFILE', 0) > 0;
if (SECONDS <= 0) throw new Error('BENCH_SECONDS must be positive');

const APPRAISEES = 30;
const TARGET_BULK_SECONDS = 60; // bulk creation for the whole dataset
const TARGET_P95_MS = 50; // each page's p95 at 10 sessions
const TARGET_RATIO = 0.35; // page req/s ÷ /ping req/s at 50 sessions
const P95_AT = 10;
const RATIO_AT = 50;

// ---- Statement counters (this process only) -------------------------------------------------------

/** Every statement any pg client of this process sends (pool.query, Prisma's adapter, sessions). */
let statements = 0;
type Captured = { text: string; values: unknown[]; ms: number };
let capture: Captured[] | null = null;
const origClientQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  const rec = capture;
  if (!rec) return origClientQuery.apply(this, args);
  const first = args[0] as string | { text?: string; values?: unknown[] };
  const text = typeof first === 'string' ? first : (first?.text ?? '?');
  const values = (typeof first === 'string' ? (Array.isArray(args[1]) ? args[1] : []) : (first?.values ?? (Array.isArray(args[1]) ? args[1] : []))) as unknown[];
  const t0 = performance.now();
  const entry: Captured = { text, values, ms: NaN };
  rec.push(entry);
  const last = args[args.length - 1];
  if (typeof last === 'function') {
    args[args.length - 1] = function (this: unknown, ...rest: unknown[]) {
      entry.ms = performance.now() - t0;
      return (last as (...a: unknown[]) => unknown).apply(this, rest);
    };
    return origClientQuery.apply(this, args);
  }
  const r = origClientQuery.apply(this, args);
  if (r && typeof (r as Promise<unknown>).then === 'function') {
    (r as Promise<unknown>).then(
      () => (entry.ms = performance.now() - t0),
      () => (entry.ms = performance.now() - t0),
    );
  }
  return r;
};

// ---- Small helpers -----------------------------------------------------------------------------------

const mb = (bytes: number) => bytes / (1024 * 1024);
const one = async <T extends pg.QueryResultRow>(db: Db, sql: string, values: unknown[] = []): Promise<T> => (await db.pool.query<T>(sql, values)).rows[0]!;
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]!);

/** Samples this process's memory every `ms` until stopped; returns the peaks. */
function memorySampler(ms = 50) {
  const start = process.memoryUsage();
  const peak = { rss: start.rss, heapUsed: start.heapUsed, heapTotal: start.heapTotal, external: start.external, arrayBuffers: start.arrayBuffers };
  let samples = 0;
  const take = () => {
    const m = process.memoryUsage();
    samples++;
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.heapTotal = Math.max(peak.heapTotal, m.heapTotal);
    peak.external = Math.max(peak.external, m.external);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
  };
  const timer = setInterval(take, ms);
  return {
    stop() {
      clearInterval(timer);
      take();
      const toMb = (o: typeof peak) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(mb(v) * 10) / 10])) as Record<keyof typeof peak, number>;
      const s = { rss: start.rss, heapUsed: start.heapUsed, heapTotal: start.heapTotal, external: start.external, arrayBuffers: start.arrayBuffers };
      return { samples, intervalMs: ms, beforeMb: toMb(s), peakMb: toMb(peak), growthMb: { rss: Math.round(mb(peak.rss - start.rss) * 10) / 10, heapUsed: Math.round(mb(peak.heapUsed - start.heapUsed) * 10) / 10 } };
    },
  };
}

// ---- 0. The appraiser -----------------------------------------------------------------------------------

type Appraiser = { pegawaiId: number; nip: string; nama: string; jabatan: string; jenisJabatan: string; atasanId: number; before: number; moved: number; added: number; appraisees: number };

/**
 * A unit head with at least 30 active appraisees (the fewest such, so little moves), trimmed to
 * exactly 30: the rest are re-pointed to the head's own appraiser (up the chain: no loop). On a
 * small dataset without such a head, the head with the most appraisees gets employees who
 * appraise nobody (re-pointing one of those cannot close a loop).
 */
async function prepareAppraiser(db: Db): Promise<Appraiser> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    const pick = await client.query<{ id: number; atasan: number; n: number }>(
      `SELECT p.id, p.penilai_id AS atasan, count(b.id)::int AS n
         FROM pegawai p JOIN pegawai b ON b.penilai_id = p.id AND b.aktif
        WHERE p.aktif AND p.penilai_id IS NOT NULL
        GROUP BY p.id
        ORDER BY (count(b.id) >= $1) DESC, CASE WHEN count(b.id) >= $1 THEN count(b.id) ELSE -count(b.id) END, p.id
        LIMIT 1`,
      [APPRAISEES],
    );
    const { id, atasan, n } = pick.rows[0]!;
    let moved = 0;
    let added = 0;
    if (n > APPRAISEES) {
      const r = await client.query(
        `WITH extra AS (SELECT id FROM pegawai WHERE penilai_id = $1 AND aktif ORDER BY id OFFSET $3)
         UPDATE pegawai p SET penilai_id = $2, updated_at = now() FROM extra WHERE p.id = extra.id`,
        [id, atasan, APPRAISEES],
      );
      moved = r.rowCount ?? 0;
    } else if (n < APPRAISEES) {
      const r = await client.query(
        `WITH leaf AS (
           SELECT p.id FROM pegawai p
            WHERE p.aktif AND p.id <> $1 AND p.penilai_id IS DISTINCT FROM $1
              AND NOT EXISTS (SELECT 1 FROM pegawai b WHERE b.penilai_id = p.id)
            ORDER BY p.id LIMIT $2)
         UPDATE pegawai p SET penilai_id = $1, updated_at = now() FROM leaf WHERE p.id = leaf.id`,
        [id, APPRAISEES - n],
      );
      added = r.rowCount ?? 0;
    }
    // Keep the current history row in line with the employee record.
    await client.query(`UPDATE riwayat_pegawai r SET penilai_id = p.penilai_id FROM pegawai p WHERE r.pegawai_id = p.id AND r.aktif AND r.penilai_id IS DISTINCT FROM p.penilai_id`);
    const loops = await client.query<{ n: number }>(
      `WITH RECURSIVE up(start, cur, depth) AS (
         SELECT id, penilai_id, 1 FROM pegawai WHERE penilai_id IS NOT NULL
         UNION ALL
         SELECT up.start, p.penilai_id, up.depth + 1 FROM up JOIN pegawai p ON p.id = up.cur
          WHERE p.penilai_id IS NOT NULL AND up.cur <> up.start AND up.depth < 100)
       SELECT count(DISTINCT start)::int AS n FROM up WHERE cur = start OR depth >= 100`,
    );
    if (loops.rows[0]!.n !== 0) throw new Error(`appraiser chain: ${loops.rows[0]!.n} employees in a loop`);
    const me = await client.query<{ nip: string; nama: string; jabatan: string; jenis: string; n: number }>(
      `SELECT p.nip, p.nama, j.nama AS jabatan, j.jenis::text AS jenis, (SELECT count(*)::int FROM pegawai b WHERE b.penilai_id = p.id AND b.aktif) AS n
         FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id WHERE p.id = $1`,
      [id],
    );
    const m = me.rows[0]!;
    if (m.n !== APPRAISEES) throw new Error(`appraiser ${id} has ${m.n} active appraisees, not ${APPRAISEES}`);
    await client.query('COMMIT');
    return { pegawaiId: id, nip: m.nip, nama: m.nama, jabatan: m.jabatan, jenisJabatan: m.jenis, atasanId: atasan, before: n, moved, added, appraisees: m.n };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

// ---- 1. Bulk creation -------------------------------------------------------------------------------------

type BulkRun = {
  wallMs: number;
  jobId: number;
  jobStatus: string;
  jobPesan: string | null;
  jobMs: number | null;
  created: number;
  poolQueryCalls: number;
  statements: number;
  postgresCpuSeconds: number;
  nodeCpuSeconds: number;
  memory: ReturnType<ReturnType<typeof memorySampler>['stop']>;
};

async function measured(db: Db, dataDir: string, run: () => Promise<void>): Promise<Omit<BulkRun, 'jobId' | 'jobStatus' | 'jobPesan' | 'jobMs' | 'created'>> {
  await drain(db);
  const pool = db.pool as pg.Pool & { query: pg.Pool['query'] };
  const orig = pool.query;
  let poolQueryCalls = 0;
  pool.query = function (this: pg.Pool, ...args: unknown[]) {
    poolQueryCalls++;
    return (orig as (...a: unknown[]) => unknown).apply(this, args);
  } as pg.Pool['query'];
  const mem = memorySampler(50);
  const s0 = statements;
  const pg0 = postgresCpuSeconds(dataDir);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    await run();
  } finally {
    delete (pool as { query?: unknown }).query; // back to the prototype's method
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const memory = mem.stop();
  return { wallMs, poolQueryCalls, statements: statements - s0, postgresCpuSeconds: postgresCpuSeconds(dataDir) - pg0, nodeCpuSeconds: (cpu.user + cpu.system) / 1e6, memory };
}

async function jobFacts(db: Db, siklusId: number) {
  const j = await one<{ id: number; status: string; pesan: string | null; ms: number | null }>(
    db,
    `SELECT id, status::text AS status, pesan, (EXTRACT(EPOCH FROM (finished_at - created_at)) * 1000)::float8 AS ms FROM job WHERE siklus_id = $1 ORDER BY id DESC LIMIT 1`,
    [siklusId],
  );
  return { jobId: j.id, jobStatus: j.status, jobPesan: j.pesan, jobMs: j.ms === null ? null : Math.round(j.ms), created: Number(j.pesan ?? NaN) };
}

// ---- 2. RHKs, indicators, statuses ---------------------------------------------------------------------

const RHK_ATASAN = [
  'Terwujudnya kebijakan manajemen kinerja yang efektif di lingkungan unit kerja',
  'Meningkatnya kualitas layanan administrasi kepegawaian kepada pemangku kepentingan',
  'Tersedianya data dan informasi kinerja pegawai yang akurat dan mutakhir',
  'Terlaksananya pembinaan dan pengendalian kinerja pegawai secara berkala',
  'Terselenggaranya koordinasi lintas unit dalam penyusunan laporan kinerja',
];
const RHK_BAWAHAN = [
  'Tersusunnya naskah kajian kebijakan kinerja',
  'Terlaksananya layanan administrasi kepegawaian tepat waktu',
  'Tersedianya rekapitulasi data capaian kinerja',
  'Terlaksananya pemantauan tindak lanjut hasil evaluasi',
  'Tersusunnya bahan laporan kinerja triwulanan',
  'Terdokumentasinya hasil rapat koordinasi unit',
];

type Prepared = {
  appraiserSkpId: number;
  appraiserRhk: { id: number; teks: string; urutan: number; jenis: string }[];
  untaken: number;
  appraisees: { pegawaiId: number; nama: string; skpId: number; status: string }[];
  statusCounts: Record<string, number>;
  linkedRhkTexts: string[];
  tables: { rhk: number; indikator: number; skpWithRhk: number; targetPeriode: number; successors: number };
  ms: number;
};

/** Statuses of the appraisees, by position: 12 submitted, 9 approved, 9 drafts (of 30). */
const statusAt = (i: number) => (i % 10 < 4 ? 'DIAJUKAN' : i % 10 < 7 ? 'DISETUJUI' : 'DRAFT');

async function prepareSkp(db: Db, siklusId: number, a: Appraiser): Promise<Prepared> {
  const t0 = performance.now();
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    const mine = await client.query<{ id: number }>(`SELECT id FROM skp WHERE siklus_id = $1 AND pegawai_id = $2`, [siklusId, a.pegawaiId]);
    const appraiserSkpId = mine.rows[0]!.id;
    // The appraiser's SKP: 4 UTAMA + 1 TAMBAHAN, approved; 2 indicators each.
    const own = await client.query<{ id: number; teks: string; urutan: number; jenis: string }>(
      `INSERT INTO rhk (skp_id, jenis, urutan, teks, perspektif)
       SELECT $1, CASE WHEN g <= 4 THEN 'UTAMA' ELSE 'TAMBAHAN' END::"JenisRhk", CASE WHEN g <= 4 THEN g ELSE 1 END,
              t || ' (' || $2::text || '-' || g || ')', CASE WHEN $3 THEN (ARRAY['PENERIMA_LAYANAN','PROSES_BISNIS','PENGUATAN_INTERNAL','ANGGARAN','PROSES_BISNIS'])[g]::"Perspektif" END
         FROM unnest($4::text[]) WITH ORDINALITY AS x(t, g)
       RETURNING id, teks, urutan, jenis::text AS jenis`,
      [appraiserSkpId, a.nip.slice(-4), a.jenisJabatan === 'JPT', RHK_ATASAN],
    );
    const appraiserRhk = [...own.rows].sort((x, y) => x.id - y.id);
    const linkable = appraiserRhk.filter((r) => r.jenis === 'UTAMA').slice(0, 3).map((r) => r.id); // UTAMA 4 and TAMBAHAN 1 stay untaken
    await client.query(`UPDATE skp SET status = 'DISETUJUI', diajukan_at = now() - interval '20 days', disetujui_at = now() - interval '18 days' WHERE id = $1`, [appraiserSkpId]);

    // The appraisees' SKPs: statuses by position, 3 RHKs each (UTAMA 1–2 linked, TAMBAHAN 1 not).
    const team = await client.query<{ pegawai_id: number; nama: string; skp_id: number }>(
      `SELECT p.id AS pegawai_id, p.nama, s.id AS skp_id FROM pegawai p JOIN skp s ON s.pegawai_id = p.id AND s.siklus_id = $2
        WHERE p.penilai_id = $1 AND p.aktif ORDER BY p.id`,
      [a.pegawaiId, siklusId],
    );
    if (team.rows.length !== APPRAISEES) throw new Error(`expected ${APPRAISEES} appraisees with an SKP, found ${team.rows.length}`);
    const appraisees = team.rows.map((r, i) => ({ pegawaiId: r.pegawai_id, nama: r.nama, skpId: r.skp_id, status: statusAt(i) }));
    await client.query(
      `UPDATE skp s SET status = x.st::"StatusSkp",
              diajukan_at = CASE WHEN x.st IN ('DIAJUKAN', 'DISETUJUI') THEN now() - make_interval(hours => 3 * x.i::int) END,
              disetujui_at = CASE WHEN x.st = 'DISETUJUI' THEN now() - make_interval(hours => x.i::int) END
         FROM unnest($1::int[], $2::text[]) WITH ORDINALITY AS x(id, st, i) WHERE s.id = x.id`,
      [appraisees.map((x) => x.skpId), appraisees.map((x) => x.status)],
    );
    const linked = await client.query<{ teks: string }>(
      `INSERT INTO rhk (skp_id, jenis, urutan, teks, rhk_atasan_id)
       SELECT x.skp_id, CASE WHEN g <= 2 THEN 'UTAMA' ELSE 'TAMBAHAN' END::"JenisRhk", CASE WHEN g <= 2 THEN g ELSE 1 END,
              ($3::text[])[1 + (x.i::int + g) % array_length($3::text[], 1)] || ' (' || x.i || '.' || g || ')',
              CASE WHEN g <= 2 THEN ($2::int[])[1 + (x.i::int + g - 1) % array_length($2::int[], 1)] END
         FROM unnest($1::int[]) WITH ORDINALITY AS x(skp_id, i) CROSS JOIN generate_series(1, 3) AS g
       RETURNING teks, rhk_atasan_id`,
      [appraisees.map((x) => x.skpId), linkable, RHK_BAWAHAN],
    );
    const linkedRhkTexts = (linked.rows as { teks: string; rhk_atasan_id: number | null }[]).filter((r) => r.rhk_atasan_id !== null).map((r) => r.teks);

    // Everyone else, so rhk and indikator have a realistic size (3 RHKs per SKP, 2 linked to the
    // appraiser's own UTAMA 1–2 where the appraiser has an SKP in the cycle).
    const prepared = [appraiserSkpId, ...appraisees.map((x) => x.skpId)];
    if (BACKGROUND) {
      await client.query(
        `INSERT INTO rhk (skp_id, jenis, urutan, teks)
         SELECT s.id, CASE WHEN g <= 2 THEN 'UTAMA' ELSE 'TAMBAHAN' END::"JenisRhk", CASE WHEN g <= 2 THEN g ELSE 1 END,
                ($3::text[])[1 + (s.id + g) % array_length($3::text[], 1)]
           FROM skp s CROSS JOIN generate_series(1, 3) AS g
          WHERE s.siklus_id = $1 AND s.id <> ALL($2::int[])
          ORDER BY s.id, g`,
        [siklusId, prepared, RHK_BAWAHAN],
      );
      await client.query(
        `UPDATE rhk c SET rhk_atasan_id = a.id
           FROM skp s JOIN skp ms ON ms.siklus_id = s.siklus_id AND ms.pegawai_id = s.penilai_id JOIN rhk a ON a.skp_id = ms.id AND a.jenis = 'UTAMA'
          WHERE c.skp_id = s.id AND s.siklus_id = $1 AND s.id <> ALL($2::int[]) AND ms.id <> ALL($2::int[])
            AND c.jenis = 'UTAMA' AND a.urutan = c.urutan`,
        [siklusId, prepared],
      );
      await client.query(
        `UPDATE skp s SET status = (ARRAY['DRAFT','DRAFT','DRAFT','DIAJUKAN','DIAJUKAN','DIKEMBALIKAN','DISETUJUI','DISETUJUI','DISETUJUI','DISETUJUI'])[1 + s.id % 10]::"StatusSkp",
                diajukan_at = CASE WHEN s.id % 10 >= 3 THEN now() - make_interval(hours => s.id % 500) END,
                disetujui_at = CASE WHEN s.id % 10 >= 6 THEN now() - make_interval(hours => s.id % 300) END
          WHERE s.siklus_id = $1 AND s.id <> ALL($2::int[])`,
        [siklusId, prepared],
      );
      // A mid-year move for 2% of everyone else (docs/domain/mutasi.md): the first SKP closes on
      // 30 June, the next runs from 1 July with its own three RHKs (a draft), as recordMutasi leaves them.
      await client.query(
        `WITH moved AS (
           UPDATE skp s SET periode_akhir = make_date(c.tahun, 6, 30), ditutup_at = now() - interval '150 days'
             FROM siklus c WHERE c.id = s.siklus_id AND s.siklus_id = $1 AND s.id <> ALL($2::int[]) AND s.id % 50 = 0
           RETURNING s.id, s.siklus_id, s.pegawai_id, s.penilai_id, s.snapshot, c.tahun)
         INSERT INTO skp (siklus_id, pegawai_id, penilai_id, snapshot, periode_awal, periode_akhir, sebelumnya_id)
         SELECT siklus_id, pegawai_id, penilai_id, snapshot, make_date(tahun, 7, 1), make_date(tahun, 12, 31), id FROM moved`,
        [siklusId, prepared],
      );
      await client.query(
        `INSERT INTO rhk (skp_id, jenis, urutan, teks)
         SELECT s.id, CASE WHEN g <= 2 THEN 'UTAMA' ELSE 'TAMBAHAN' END::"JenisRhk", CASE WHEN g <= 2 THEN g ELSE 1 END,
                ($2::text[])[1 + (s.id + g) % array_length($2::text[], 1)]
           FROM skp s CROSS JOIN generate_series(1, 3) AS g
          WHERE s.siklus_id = $1 AND s.sebelumnya_id IS NOT NULL
          ORDER BY s.id, g`,
        [siklusId, RHK_BAWAHAN],
      );
    }
    // Two indicators per RHK of the cycle (quantity, and quality or time).
    await client.query(
      `INSERT INTO indikator (rhk_id, aspek, urutan, teks, jenis_target, target_angka, satuan, gabung_periode)
       SELECT r.id, CASE WHEN g = 1 THEN 'KUANTITAS' WHEN r.id % 2 = 0 THEN 'KUALITAS' ELSE 'WAKTU' END::"Aspek", g,
              CASE WHEN g = 1 THEN 'Jumlah dokumen yang diselesaikan' WHEN r.id % 2 = 0 THEN 'Persentase dokumen tanpa revisi' ELSE 'Penyelesaian sesuai jadwal' END,
              'ANGKA'::"JenisTarget", CASE WHEN g = 1 THEN 4 + r.id % 9 WHEN r.id % 2 = 0 THEN 90 ELSE 12 END,
              CASE WHEN g = 1 THEN 'dokumen' WHEN r.id % 2 = 0 THEN 'persen' ELSE 'bulan' END,
              CASE WHEN g = 1 THEN 'JUMLAH' WHEN r.id % 2 = 0 THEN 'RATA_RATA' ELSE 'TERAKHIR' END::"GabungPeriode"
         FROM rhk r JOIN skp s ON s.id = r.skp_id CROSS JOIN generate_series(1, 2) AS g
        WHERE s.siklus_id = $1
        ORDER BY r.id, g`,
      [siklusId],
    );
    // Period targets on half the indicators (every SKP of the cycle), through the shared bulk writer.
    await insertPeriodePlans(client, { siklusId, rencanaAksi: false, targetEvery: 2 });
    await client.query('COMMIT');
    await db.pool.query('ANALYZE skp, rhk, indikator, target_periode'); // as autovacuum soon would after this many rows
    const statusCounts: Record<string, number> = {};
    for (const x of appraisees) statusCounts[x.status] = (statusCounts[x.status] ?? 0) + 1;
    const tables = await one<{ rhk: number; indikator: number; skpWithRhk: number; targetPeriode: number; successors: number }>(
      db,
      `SELECT (SELECT count(*)::int FROM rhk) AS rhk, (SELECT count(*)::int FROM indikator) AS indikator, (SELECT count(DISTINCT skp_id)::int FROM rhk) AS "skpWithRhk",
              (SELECT count(*)::int FROM target_periode) AS "targetPeriode", (SELECT count(*)::int FROM skp WHERE sebelumnya_id IS NOT NULL) AS "successors"`,
    );
    return { appraiserSkpId, appraiserRhk, untaken: appraiserRhk.length - linkable.length, appraisees, statusCounts, linkedRhkTexts, tables, ms: Math.round(performance.now() - t0) };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

// ---- 3. Page checks ---------------------------------------------------------------------------------------

async function getPage(base: string, cookie: string, path: string): Promise<string> {
  const r = await fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie } });
  const body = await r.text();
  if (r.status !== 200) throw new Error(`GET ${path}: status ${r.status}`);
  return body;
}

/** Checks a page once in full; returns the marker every response under load must contain. */
function checkBawahan(body: string, p: Prepared): { expect: string; problems: string[] } {
  const problems: string[] = [];
  for (const x of p.appraisees) if (!body.includes(`<a href="/skp/${x.skpId}/tinjau">${escapeHtml(x.nama)}</a>`)) problems.push(`bawahan: ${x.nama} (SKP ${x.skpId}) missing`);
  // each row's first cell: the name linking to the review (then, since SKPs have periods, the period)
  const rows = body.match(/<tr class="[^"]*">\s*<td[^>]*><a href="\/skp\/\d+\/tinjau">[^<]*<\/a>/g) ?? [];
  if (rows.length !== APPRAISEES) problems.push(`bawahan: ${rows.length} rows, expected ${APPRAISEES}`);
  // The last row's link: a response that carries it has rendered the whole list.
  const expect = (rows[rows.length - 1] ?? '<table class="table">').replace(/^<tr class="[^"]*">\s*/, '');
  return { expect, problems };
}

function checkMatriks(body: string, p: Prepared): { expect: string; problems: string[] } {
  const problems: string[] = [];
  for (const r of p.appraiserRhk) if (!body.includes(escapeHtml(r.teks))) problems.push(`matriks: own RHK "${r.teks}" missing`);
  for (const t of p.linkedRhkTexts) if (!body.includes(`>${escapeHtml(t)}</a>`)) problems.push(`matriks: appraisee RHK "${t}" missing`);
  const untaken = (body.match(/<tr class="untaken">/g) ?? []).length;
  if (untaken !== p.untaken) problems.push(`matriks: ${untaken} untaken RHKs shown, expected ${p.untaken}`);
  const links = body.match(/<a href="\/skp\/\d+\/tinjau#rhk-\d+">[^<]*<\/a>/g) ?? [];
  if (links.length !== p.linkedRhkTexts.length) problems.push(`matriks: ${links.length} linked RHKs shown, expected ${p.linkedRhkTexts.length}`);
  const expect = links[links.length - 1] ?? '<table class="table matriks">';
  return { expect, problems };
}

// ---- Profile (BENCH_SKP_PROFILE=1) ---------------------------------------------------------------------

const renders: { view: string; ms: number }[] = [];
if (PROFILE) {
  const resProto = express.response as unknown as { render: (...a: unknown[]) => unknown };
  const origRender = resProto.render;
  resProto.render = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    const r = origRender.apply(this, args);
    renders.push({ view: String(args[0]), ms: performance.now() - t0 });
    return r;
  };
}

const shape = (sql: string) => sql.replace(/\s+/g, ' ').trim();
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const p = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  return { n: s.length, mean: s.reduce((a, b) => a + b, 0) / (s.length || 1), p50: p(0.5), p95: p(0.95) };
};

async function profilePages(db: Db, base: string, cookie: string, paths: string[], requests = 100) {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    console.log(`\n== profile ${path}: ${requests} sequential requests ==`);
    for (let i = 0; i < 10; i++) await getPage(base, cookie, path); // warm
    const perStmt = new Map<string, { ms: number[]; sample: Captured }>();
    const perReq: number[] = [];
    const latency: number[] = [];
    renders.length = 0;
    for (let i = 0; i < requests; i++) {
      capture = [];
      const t0 = performance.now();
      await getPage(base, cookie, path);
      latency.push(performance.now() - t0);
      await new Promise((r) => setImmediate(r));
      const got = capture;
      capture = null;
      perReq.push(got.length);
      for (const q of got) {
        const k = shape(q.text);
        const e = perStmt.get(k) ?? { ms: [], sample: q };
        e.ms.push(q.ms);
        perStmt.set(k, e);
      }
    }
    const rs = stats(renders.map((r) => r.ms));
    const ls = stats(latency);
    console.log(`statements/request: ${fmt(stats(perReq).mean, 1)}; latency mean ${fmt(ls.mean, 2)} ms, p50 ${fmt(ls.p50, 2)}, p95 ${fmt(ls.p95, 2)}; render mean ${fmt(rs.mean, 2)} ms`);
    const rows = [...perStmt.entries()].map(([k, v]) => ({ sql: k, perRequest: v.ms.length / requests, ...stats(v.ms), sample: v.sample }));
    console.log(textTable(['per req', 'mean ms', 'p95 ms', 'statement'], rows.map((r) => [fmt(r.perRequest, 2), fmt(r.mean, 2), fmt(r.p95, 2), r.sql.slice(0, 140)]), 0));
    const plans: { sql: string; plan: string }[] = [];
    for (const r of rows) {
      if (!/^\s*(SELECT|WITH)\b/i.test(r.sample.text) || /FOR UPDATE/i.test(r.sample.text)) continue;
      const plan = await db.pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${r.sample.text}`, r.sample.values);
      const text = plan.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n');
      plans.push({ sql: r.sql, plan: text });
      console.log(`\n-- ${r.sql.slice(0, 200)}\n${text}`);
    }
    out[path] = { statementsPerRequest: stats(perReq).mean, latencyMs: ls, renderMs: rs, statements: rows.map(({ sample: _s, ...r }) => r), plans };
  }
  return out;
}

/** The pages' pieces called directly, one at a time: wall time and CPU per call (node, PostgreSQL). */
async function profileComponents(db: Db, dataDir: string, actorUserId: number, siklusId: number, n = 300) {
  const actor = (await loadActor(db.pool, actorUserId))!;
  const out: Record<string, unknown> = {};
  console.log(`\n== components called directly (${n} sequential calls each; CPU per call) ==`);
  const time = async (label: string, fn: () => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await fn();
    const wall: number[] = [];
    const cpu0 = process.cpuUsage();
    const pg0 = postgresCpuSeconds(dataDir);
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await fn();
      wall.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpu0);
    const s = stats(wall);
    const r = { wallP50: s.p50, wallP95: s.p95, nodeCpuMs: (cpu.user + cpu.system) / 1e3 / n, pgCpuMs: ((postgresCpuSeconds(dataDir) - pg0) * 1e3) / n };
    out[label] = r;
    console.log(`   ${label.padEnd(62)} wall p50 ${fmt(r.wallP50, 2).padStart(6)} ms  p95 ${fmt(r.wallP95, 2).padStart(6)} ms   CPU node ${fmt(r.nodeCpuMs, 2).padStart(5)} ms  pg ${fmt(r.pgCpuMs, 2).padStart(5)} ms`);
  };
  await time('loadActor (every request)', () => loadActor(db.pool, actorUserId));
  await time('chooseSiklus (the cycle list, both pages)', () => chooseSiklus(db));
  await time('bawahanPage (1 statement: cycles and appraisees)', () => bawahanPage(db, actor, { siklusId }));
  await time('matriksPeranHasil (2 statements in parallel)', () => matriksPeranHasil(db, actor, siklusId));
  return out;
}

type ProfNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };

/** CPU profile of the main thread under load: self time by package, and inclusive time of a few frames. */
async function profileCpu(db: Db, base: string, cookies: string[], path: string, expect: string, seconds = 5) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await load({ url: base, cookies, paths: [path], connections: cookies.length, seconds: 2, expect });
  await drain(db);
  await session.post('Profiler.start');
  const r = await load({ url: base, cookies, paths: [path], connections: cookies.length, seconds, expect });
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfNode[] } };
  await drain(db);
  session.disconnect();
  const nodes = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const pkg = (url: string) => {
    if (!url) return '(native)';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1]!;
    if (url.includes('/src/')) return 'app src/';
    if (url.includes('/bench/')) return 'bench/';
    if (url.startsWith('node:')) return 'node core';
    return url.slice(-50);
  };
  const byPkg = new Map<string, number>();
  const incl = new Map<string, number>();
  let busy = 0;
  let total = 0;
  for (const x of profile.nodes) {
    const h = x.hitCount ?? 0;
    total += h;
    if (!h || x.callFrame.functionName === '(idle)') continue;
    busy += h;
    const name = x.callFrame.functionName;
    const p = name === '(garbage collector)' ? '(gc)' : name === '(program)' ? '(program)' : pkg(x.callFrame.url);
    byPkg.set(p, (byPkg.get(p) ?? 0) + h);
    // Inclusive: every distinct "package:function" on the stack gets the hit once.
    const seen = new Set<string>();
    for (let id: number | undefined = x.id; id !== undefined; id = parent.get(id)) {
      const f = nodes.get(id)!.callFrame;
      const k = `${pkg(f.url)} ${f.functionName || '(anonymous)'}`;
      if (!seen.has(k)) {
        seen.add(k);
        incl.set(k, (incl.get(k) ?? 0) + h);
      }
    }
  }
  const share = (h: number) => `${((100 * h) / (busy || 1)).toFixed(1).padStart(5)}%`;
  console.log(`\n== CPU profile of the main thread, ${path} at ${cookies.length} sessions: ${r.rps} req/s under the profiler; busy ${((100 * busy) / (total || 1)).toFixed(0)}% of samples ==`);
  console.log('   self time by package (share of busy time):');
  const pkgs = [...byPkg.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  for (const [p, h] of pkgs) console.log(`   ${share(h)}  ${p}`);
  const interesting = /^(ejs |@prisma|app src\/|express-session|connect-pg-simple|pg |pg-protocol|passport|helmet)|render|tryHandleCache/;
  const frames = [...incl.entries()].filter(([k]) => interesting.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log('   inclusive time of selected frames (share of busy time):');
  for (const [k, h] of frames) console.log(`   ${share(h)}  ${k}`);
  return { rps: r.rps, busyShare: busy / (total || 1), selfByPackage: Object.fromEntries(pkgs.map(([p, h]) => [p, h / (busy || 1)])), inclusive: Object.fromEntries(frames.map(([k, h]) => [k, h / (busy || 1)])) };
}

// ---- Load cells ---------------------------------------------------------------------------------------------

type PageName = 'ping' | 'bawahan' | 'matriks';
type Page = { name: PageName; path: string; expect: string };
type Cell = {
  page: PageName;
  path: string;
  concurrency: number;
  warmup: LoadResult;
  result: LoadResult;
  appEventLoopUtilization: number;
  perRequest: { appMainThreadMs: number; appMainThreadCpuMs: number; postgresCpuMs: number; statements: number };
  cpuSeconds: { node: number; postgres: number; other: number; available: number };
};

function cellTable(cells: Cell[]): string {
  const head = ['page', ...LOAD_HEAD, 'main ms/req', 'main cpu ms/req', 'pg ms/req', 'stmts/req', 'other cpu'];
  const rows = cells.map((c) => [
    c.page === 'ping' ? '/ping (floor)' : c.path,
    ...loadColumns(c.concurrency, c.result, c.appEventLoopUtilization),
    fmt(c.perRequest.appMainThreadMs, 2),
    fmt(c.perRequest.appMainThreadCpuMs, 2),
    fmt(c.perRequest.postgresCpuMs, 2),
    fmt(c.perRequest.statements, 1),
    `${fmt((100 * c.cpuSeconds.other) / c.cpuSeconds.available, 0)}%`,
  ]);
  return textTable(head, rows);
}

// ---- Main -------------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const startedAt = new Date();
  console.log(`SIKAP SKP bench: ${EMPLOYEES} employees; pages ${SECONDS} s per cell after ${WARMUP_SECONDS} s warm-up, sessions ${CONCURRENCY.join(' and ')}; background RHKs ${BACKGROUND ? 'on' : 'off'}`);
  console.log(`load generator: ${LOAD_GENERATOR}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const stack = await startStack({ employees: EMPLOYEES, log: (m) => console.log(m) });
  const { db, dataset, generationMs, dataDir, appUrl } = stack;
  const failures: string[] = [];
  try {
    // 0. The appraiser.
    const appraiser = await prepareAppraiser(db);
    console.log(
      `appraiser: pegawai ${appraiser.pegawaiId} ${appraiser.nama} (NIP ${appraiser.nip}, ${appraiser.jabatan}, ${appraiser.jenisJabatan}); had ${appraiser.before} active appraisees, ` +
        `${appraiser.moved} moved up to their own appraiser, ${appraiser.added} added → ${appraiser.appraisees}; appraiser chain loop-free`,
    );

    // 1. Cycle and bulk creation, as the app does it.
    const adminId = (await one<{ id: number }>(db, `SELECT id FROM app_user WHERE username = 'admin'`)).id;
    const admin = (await loadActor(db.pool, adminId))!;
    const tahun = new Date().getFullYear();
    const siklus = await createSiklus(db, admin, { tahun, jenisPeriode: 'TRIWULANAN' });
    const periodeCount = (await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM periode WHERE siklus_id = $1', [siklus.id])).n;
    const jobs = createJobRunner(db);
    const active = (await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM pegawai WHERE aktif')).n;
    console.log(`\ncycle ${tahun} (id ${siklus.id}, ${periodeCount} periods, DRAFT) → PERENCANAAN: bulk creation of draft SKPs for ${active} active employees …`);

    const first = await measured(db, dataDir, async () => {
      await moveFase(db, jobs, admin, siklus.id, siklus.version, 'PERENCANAAN'); // enqueues BULK_JOB and kicks; a blocker throws
      await jobs.idle();
    });
    const firstJob = await jobFacts(db, siklus.id);
    const v = await one<{ skp: number; snap: number; penilai_ok: number; bad_snapshot: number; fase: string; distinct_pegawai: number }>(
      db,
      `SELECT count(*)::int AS skp,
              count(*) FILTER (WHERE jsonb_typeof(snapshot->'pegawai') = 'object' AND snapshot->'pegawai'->>'nip' IS NOT NULL)::int AS snap,
              count(*) FILTER (WHERE (s.penilai_id IS NULL) = (jsonb_typeof(snapshot->'penilai') IS DISTINCT FROM 'object'))::int AS penilai_ok,
              count(*) FILTER (WHERE snapshot->'pegawai'->>'nip' IS DISTINCT FROM p.nip)::int AS bad_snapshot,
              (SELECT fase::text FROM siklus WHERE id = $1) AS fase,
              count(DISTINCT s.pegawai_id)::int AS distinct_pegawai
         FROM skp s JOIN pegawai p ON p.id = s.pegawai_id WHERE s.siklus_id = $1`,
      [siklus.id],
    );
    const missing = (await one<{ n: number }>(db, `SELECT count(*)::int AS n FROM pegawai p WHERE p.aktif AND NOT EXISTS (SELECT 1 FROM skp s WHERE s.siklus_id = $1 AND s.pegawai_id = p.id)`, [siklus.id])).n;
    const second = await measured(db, dataDir, async () => {
      await startBulkDrafts(db, jobs, admin, siklus.id);
      await jobs.idle();
    });
    const secondJob = await jobFacts(db, siklus.id);
    const skpAfterSecond = (await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM skp WHERE siklus_id = $1', [siklus.id])).n;
    await jobs.stop(); // the queue's workers and maintenance end before the pool does

    const checks: [string, boolean][] = [
      [`job ${firstJob.jobId} finished (${firstJob.jobStatus})`, firstJob.jobStatus === 'SELESAI'],
      [`SKPs = active employees (${v.skp} = ${active})`, v.skp === active && missing === 0 && v.distinct_pegawai === active],
      [`job reports ${firstJob.created} created`, firstJob.created === active],
      [`every SKP has a snapshot of the employee (${v.snap}/${v.skp})`, v.snap === v.skp],
      [`snapshot's appraiser present exactly when the SKP has one (${v.penilai_ok}/${v.skp})`, v.penilai_ok === v.skp],
      [`snapshot NIP matches the employee (${v.skp - v.bad_snapshot}/${v.skp})`, v.bad_snapshot === 0],
      [`cycle in PERENCANAAN (${v.fase})`, v.fase === 'PERENCANAAN'],
      [`second run: job ${secondJob.jobId} finished (${secondJob.jobStatus}), created ${secondJob.created}`, secondJob.jobStatus === 'SELESAI' && secondJob.created === 0 && skpAfterSecond === active],
    ];
    for (const [what, ok] of checks) if (!ok) failures.push(`bulk: ${what}`);
    const bulkPass = first.wallMs / 1000 < TARGET_BULK_SECONDS;
    const bulkRow = (label: string, r: typeof first, j: typeof firstJob) => [
      label,
      fmt(r.wallMs / 1000, 2),
      j.jobMs === null ? '–' : fmt(j.jobMs / 1000, 2),
      String(j.created),
      String(r.poolQueryCalls),
      String(r.statements),
      fmt(r.postgresCpuSeconds, 2),
      fmt(r.nodeCpuSeconds, 2),
      fmt(r.memory.beforeMb.rss, 0),
      fmt(r.memory.peakMb.rss, 0),
      fmt(r.memory.growthMb.rss, 1),
      fmt(r.memory.peakMb.heapUsed, 1),
      fmt(r.memory.growthMb.heapUsed, 1),
    ];
    console.log(
      textTable(
        ['run', 'wall s', 'job s', 'created', 'pool.query', 'statements', 'pg cpu s', 'node cpu s', 'rss MB before', 'rss MB peak', 'rss +MB', 'heap MB peak', 'heap +MB'],
        [bulkRow('first', first, firstJob), bulkRow('second (rerun)', second, secondJob)],
      ),
    );
    for (const [what, ok] of checks) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
    console.log(`  target: bulk creation < ${TARGET_BULK_SECONDS} s: ${fmt(first.wallMs / 1000, 2)} s → ${bulkPass ? 'PASS' : 'FAIL'}; set-based: ${first.poolQueryCalls} pool.query calls for ${active} SKPs (${fmt(first.poolQueryCalls / Math.max(1, active), 4)} per SKP)`);

    // 2. RHKs, indicators and statuses.
    const prepared = await prepareSkp(db, siklus.id, appraiser);
    console.log(
      `\nSKP data in ${prepared.ms} ms: the appraiser's SKP ${prepared.appraiserSkpId} has ${prepared.appraiserRhk.length} RHKs (${prepared.untaken} untaken); ${prepared.appraisees.length} appraisees × 3 RHKs (${prepared.linkedRhkTexts.length} linked), 2 indicators each; ` +
        `statuses ${Object.entries(prepared.statusCounts).map(([k, n]) => `${k} ${n}`).join(', ')}; tables: ${prepared.tables.rhk} rhk, ${prepared.tables.indikator} indikator, ${prepared.tables.targetPeriode} target_periode, ${prepared.tables.skpWithRhk} SKPs with RHKs, ${prepared.tables.successors} second SKPs after a move`,
    );

    // 3. Sessions, page checks, load.
    let t = performance.now();
    const cookies = await loginMany(appUrl, Math.max(...CONCURRENCY), appraiser.nip);
    console.log(`app: ${appUrl} (NODE_ENV=production, pool ${POOL_SIZE}); ${cookies.length} sessions of ${appraiser.nip} logged in through the form in ${Math.round(performance.now() - t)} ms`);
    const bawahanBody = await getPage(appUrl, cookies[0]!, '/skp/bawahan');
    const matriksBody = await getPage(appUrl, cookies[0]!, '/skp/matriks');
    const cb = checkBawahan(bawahanBody, prepared);
    const cm = checkMatriks(matriksBody, prepared);
    for (const p of [...cb.problems, ...cm.problems]) failures.push(`page check: ${p}`);
    console.log(`page checks: /skp/bawahan ${cb.problems.length ? 'FAIL' : 'ok'} (${bawahanBody.length} bytes, 30 rows), /skp/matriks ${cm.problems.length ? 'FAIL' : 'ok'} (${matriksBody.length} bytes, ${prepared.linkedRhkTexts.length} linked RHKs, ${prepared.untaken} untaken)`);
    for (const p of [...cb.problems, ...cm.problems].slice(0, 10)) console.log(`  ${p}`);
    if (failures.length) throw new Error(`checks failed before load:\n  ${failures.join('\n  ')}`);

    const pages: Page[] = [
      { name: 'ping', path: '/ping', expect: '<p>OK</p>' },
      { name: 'bawahan', path: '/skp/bawahan', expect: cb.expect },
      { name: 'matriks', path: '/skp/matriks', expect: cm.expect },
    ];
    console.log(`body checks under load: /skp/bawahan must contain the last row's link (${cb.expect}); /skp/matriks the last appraisee RHK link (${cm.expect})\n`);
    const cells: Cell[] = [];
    for (const c of CONCURRENCY) {
      const sessionCookies = cookies.slice(0, c);
      for (const page of pages) {
        process.stdout.write(`${page.path.padEnd(13)} ${String(c).padStart(3)} sessions: warm-up ${WARMUP_SECONDS} s … `);
        const run = (seconds: number) => load({ url: appUrl, cookies: sessionCookies, paths: [page.path], connections: c, seconds, timeoutSeconds: TIMEOUT_SECONDS, expect: page.expect });
        const warmup = WARMUP_SECONDS > 0 ? await run(WARMUP_SECONDS) : (null as unknown as LoadResult);
        await drain(db);
        process.stdout.write(`measuring ${SECONDS} s … `);
        const elu0 = performance.eventLoopUtilization();
        const cpu0 = process.cpuUsage();
        const pg0 = postgresCpuSeconds(dataDir);
        const m0 = machineCpuSeconds();
        const main0 = mainThreadCpuSeconds();
        const s0 = statements;
        const result = await run(SECONDS);
        const eluDelta = performance.eventLoopUtilization(elu0);
        const cpu = process.cpuUsage(cpu0);
        const pgCpu = postgresCpuSeconds(dataDir) - pg0;
        const m1 = machineCpuSeconds();
        const mainCpu = mainThreadCpuSeconds() - main0;
        const stmts = statements - s0;
        await drain(db);
        const nodeCpu = (cpu.user + cpu.system) / 1e6;
        const n = Math.max(1, result.requests);
        cells.push({
          page: page.name,
          path: page.path,
          concurrency: c,
          warmup,
          result,
          appEventLoopUtilization: eluDelta.utilization,
          perRequest: { appMainThreadMs: eluDelta.active / n, appMainThreadCpuMs: (mainCpu * 1000) / n, postgresCpuMs: (pgCpu * 1000) / n, statements: stmts / n },
          cpuSeconds: { node: nodeCpu, postgres: pgCpu, other: Math.max(0, m1.busy - m0.busy - nodeCpu - pgCpu), available: m1.total - m0.total },
        });
        console.log(`${fmt(result.rps, 0)} req/s, p95 ${fmt(result.latencyMs.p95)} ms`);
        const bad = result.errors + result.timeouts + result.non2xx + result.mismatches + (warmup ? warmup.errors + warmup.timeouts + warmup.non2xx + warmup.mismatches : 0);
        if (bad > 0) failures.push(`${page.path} at ${c}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${result.mismatches} body mismatches (measured run; warm-up included in the check) ${JSON.stringify(result.statusCounts)} ${result.errorSamples.join('; ')}`);
      }
    }

    console.log('\n' + cellTable(cells));
    const cell = (p: PageName, c: number) => cells.find((x) => x.page === p && x.concurrency === c);
    const ratios: Record<string, Record<string, number | null>> = {};
    for (const p of ['bawahan', 'matriks'] as const) {
      ratios[p] = {};
      for (const c of CONCURRENCY) {
        const a = cell(p, c);
        const f = cell('ping', c);
        ratios[p]![String(c)] = a && f && f.result.rps > 0 ? Math.round((a.result.rps / f.result.rps) * 1000) / 1000 : null;
      }
    }
    console.log(`\npage/ping req/s: ${(['bawahan', 'matriks'] as const).map((p) => `/skp/${p} ${CONCURRENCY.map((c) => `${fmt(ratios[p]![String(c)] ?? null, 3)} at ${c}`).join(', ')}`).join('; ')}`);
    const cpuRatio = (p: PageName, c: number) => (cell('ping', c)?.perRequest.appMainThreadCpuMs ?? NaN) / (cell(p, c)?.perRequest.appMainThreadCpuMs ?? NaN);
    console.log(`main-thread CPU per request, ping/page (what the req/s ratio tends to when the app's thread is the bottleneck): ${(['bawahan', 'matriks'] as const).map((p) => `/skp/${p} ${CONCURRENCY.map((c) => `${fmt(cpuRatio(p, c), 3)} at ${c}`).join(', ')}`).join('; ')}`);
    const targets: { what: string; value: number | null; pass: boolean | null }[] = [{ what: `bulk creation (${active} SKPs) < ${TARGET_BULK_SECONDS} s`, value: Math.round(first.wallMs) / 1000, pass: bulkPass }];
    for (const p of ['bawahan', 'matriks'] as const) {
      const a = cell(p, P95_AT);
      const r = ratios[p]![String(RATIO_AT)] ?? null;
      targets.push({ what: `/skp/${p} p95 at ${P95_AT} sessions < ${TARGET_P95_MS} ms`, value: a?.result.latencyMs.p95 ?? null, pass: a?.result.latencyMs.p95 == null ? null : a.result.latencyMs.p95 < TARGET_P95_MS });
      targets.push({ what: `/skp/${p} req/s at ${RATIO_AT} sessions ≥ ${TARGET_RATIO} × /ping`, value: r, pass: r === null ? null : r >= TARGET_RATIO });
    }
    for (const x of targets) console.log(`target: ${x.what}: ${x.value ?? '–'} → ${x.pass === null ? 'not measured' : x.pass ? 'PASS' : 'FAIL'}`);

    const available = cells.reduce((a, c) => a + c.cpuSeconds.available, 0);
    const other = cells.reduce((a, c) => a + c.cpuSeconds.other, 0);
    const sharedMachine = available > 0 && other / available > 0.1;
    if (sharedMachine) console.log(`WARNING: other processes used ${fmt((100 * other) / available, 0)}% of the machine's CPU during the measured runs; the figures are pessimistic. Re-run on a quiet machine.`);
    console.log('latencies: every 2xx response time, measured by autocannon in its worker; main ms/req = busy time of the app\'s main thread per request; pg ms/req = CPU of our PostgreSQL per request; stmts/req = statements sent by this process per request.');

    let profile: Record<string, unknown> | null = null;
    if (PROFILE) {
      const userId = (await one<{ id: number }>(db, 'SELECT id FROM app_user WHERE pegawai_id = $1', [appraiser.pegawaiId])).id;
      profile = {
        sequential: await profilePages(db, appUrl, cookies[0]!, ['/skp/bawahan', '/skp/matriks', '/ping']),
        components: await profileComponents(db, dataDir, userId, siklus.id),
        cpu: {} as Record<string, unknown>,
      };
      for (const p of pages) (profile.cpu as Record<string, unknown>)[p.path] = await profileCpu(db, appUrl, cookies.slice(0, P95_AT), p.path, p.expect);
    }

    if (failures.length) {
      console.log(`\nFAILURES:`);
      for (const f of failures) console.log(`  ${f}`);
    }
    const report = {
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, platform: process.platform, loadAverageAtEnd: loadavg() },
      loadGenerator: LOAD_GENERATOR,
      settings: { employees: EMPLOYEES, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, timeoutSeconds: TIMEOUT_SECONDS, concurrency: CONCURRENCY, poolSize: POOL_SIZE, nodeEnv: 'production', background: BACKGROUND },
      dataset: { ...dataset, generationMs },
      appraiser,
      bulk: {
        siklusId: siklus.id,
        tahun,
        periodeCount,
        activeEmployees: active,
        first: { ...first, ...firstJob },
        second: { ...second, ...secondJob, skpAfter: skpAfterSecond },
        verification: Object.fromEntries(checks),
      },
      skpData: { ...prepared, appraisees: prepared.appraisees.length },
      pages: Object.fromEntries(pages.map((p) => [p.name, { path: p.path, expect: p.expect }])),
      cells,
      ratios,
      targets,
      failures,
      otherCpuShare: available > 0 ? other / available : null,
      sharedMachine,
      profile,
    };
    writeResults('skp-', startedAt, report);
    return failures.length > 0 ? 1 : 0;
  } finally {
    await stack.cleanup();
  }
}

runBench(main);
