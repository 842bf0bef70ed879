// `npm run bench:kalibrasi [employees]`: the calibration page of a unit of 500 people
// (docs/domain/kalibrasi.md) against the trivial authenticated page, in the same run.
//
// On the same throwaway stack as `npm run bench` (bench/harness.ts), with the generated agency
// (2,000 employees by default):
//  1. the cycle of the current year with a draft SKP per employee, as the app makes them (the
//     bulk job); then, set-based: a year-end suggestion (saran_tahunan) per SKP, 500 of them in one
//     unit of their own ("Bidang Uji Kalibrasi", its check), predikat 15% Sangat Baik, 75% Baik,
//     7% Butuh Perbaikan, 2% Kurang, 1% Sangat Kurang (so Baik breaks its 70% maximum and the page
//     names 375 people), a ranking nilai each, the appraiser's confirmation for 40% of them; the
//     unit's organisation predikat Baik and the agency's Istimewa; the cycle in KALIBRASI;
//  2. checks the page once against the database (the headcount, the Baik count, the names listed);
//  3. 50 HR sessions load /ping (the floor) and /kalibrasi/<unit> at each concurrency (warm-up,
//     then a measured run; a body check on every response).
// Prints a table and the target (≥ 0.25 × /ping at 50 sessions), writes bench/results/kalibrasi-<timestamp>.json.
// Settings as `npm run bench` (BENCH_EMPLOYEES, BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONCURRENCY, BENCH_TIMEOUT_SECONDS).

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fmt, loginMany, measurePages, POOL_SIZE, runBench, startStack, writeResults, loadSettings } from './harness.js';
import { createJobRunner } from '../src/app.js';
import { loadActor } from '../src/modules/auth/authenticate.js';
import { createSiklus, moveFase } from '../src/modules/siklus/service.js';
import { PERINGKAT_PER_HALAMAN } from '../src/modules/evaluasi/kalibrasi/service.js';

const { SECONDS, WARMUP_SECONDS, TIMEOUT_SECONDS, CONCURRENCY } = loadSettings(1);
const EMPLOYEES = Math.max(600, Math.floor(process.argv[2] ? Number(process.argv[2]) : Number(process.env.BENCH_EMPLOYEES || 2000)));
const UNIT_SIZE = 500;
const SESSIONS = Math.max(...CONCURRENCY);
const TARGET_RATIO = 0.25;
const RATIO_AT = 50;


async function main(): Promise<number> {
  const startedAt = new Date();
  console.log(`SIKAP calibration bench: ${EMPLOYEES} employees, a unit of ${UNIT_SIZE}; ${SECONDS} s per cell after ${WARMUP_SECONDS} s warm-up, sessions ${CONCURRENCY.join(' and ')}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const stack = await startStack({ employees: EMPLOYEES, log: (m) => console.log(m) });
  const { db, appUrl } = stack;
  const failures: string[] = [];
  try {
    // 1. the cycle and its draft SKPs, as the app makes them
    let t = performance.now();
    const adminId = (await db.pool.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'admin'`)).rows[0]!.id;
    const admin = (await loadActor(db.pool, adminId))!;
    const siklus = await createSiklus(db, admin, { tahun: new Date().getFullYear(), jenisPeriode: 'TRIWULANAN' });
    const jobs = createJobRunner(db);
    try {
      await moveFase(db, jobs, admin, siklus.id, siklus.version, 'PERENCANAAN');
      await jobs.idle();
    } finally {
      await jobs.stop();
    }
    console.log(`cycle ${siklus.tahun} with its draft SKPs in ${fmt((performance.now() - t) / 1000, 1)} s`);

    // the suggestions, the unit of 500, the predikat, 40% confirmed: set-based
    t = performance.now();
    const root = (await db.pool.query<{ id: number; path: string }>(`SELECT id, path FROM unit_kerja WHERE parent_id IS NULL ORDER BY id LIMIT 1`)).rows[0]!;
    const unit = (await db.pool.query<{ id: number }>(
      `INSERT INTO unit_kerja (kode, nama, parent_id, path) VALUES ('BENCH-KAL', 'Bidang Uji Kalibrasi', $1, '') RETURNING id`, [root.id],
    )).rows[0]!;
    await db.pool.query(`UPDATE unit_kerja SET path = $1 || id || '/' WHERE id = $2`, [root.path, unit.id]);
    await db.pool.query(
      `WITH s AS (SELECT s.id, s.pegawai_id, s.penilai_id, s.penilai_luar_id, p.unit_id, row_number() OVER (ORDER BY hashtext(s.id::text)) AS i
                    FROM skp s JOIN pegawai p ON p.id = s.pegawai_id WHERE s.siklus_id = $1 AND s.ditutup_at IS NULL),
            x AS (SELECT s.*, CASE WHEN i <= $3 THEN $2 ELSE unit_id END AS unit_cek, (i % 100) AS r FROM s)
       INSERT INTO saran_tahunan (siklus_id, pegawai_id, skp_id, penilai_id, penilai_luar_id, unit_id, hasil_kerja, perilaku, predikat, nilai, rincian, policy_version)
       SELECT $1, pegawai_id, id, penilai_id, penilai_luar_id, unit_cek,
              (CASE WHEN r < 15 THEN 'DI_ATAS' WHEN r < 90 THEN 'SESUAI' ELSE 'DI_BAWAH' END)::"Ekspektasi",
              (CASE WHEN r < 15 THEN 'DI_ATAS' WHEN r < 97 THEN 'SESUAI' WHEN r < 99 THEN 'DI_BAWAH' ELSE 'DI_BAWAH' END)::"Ekspektasi",
              (CASE WHEN r < 15 THEN 'SANGAT_BAIK' WHEN r < 90 THEN 'BAIK' WHEN r < 97 THEN 'BUTUH_PERBAIKAN' WHEN r < 99 THEN 'KURANG' ELSE 'SANGAT_KURANG' END)::"PredikatKinerja",
              round((80 + (hashtext(pegawai_id::text) & 4095) / 100.0)::numeric, 4), '{}'::json, 1
         FROM x`,
      [siklus.id, unit.id, UNIT_SIZE],
    );
    await db.pool.query(
      `INSERT INTO evaluasi_tahunan (siklus_id, pegawai_id, skp_id, rating_hasil_kerja, rating_perilaku, predikat, saran_hasil_kerja, saran_perilaku, policy_version, penilai_id)
       SELECT siklus_id, pegawai_id, skp_id, hasil_kerja, perilaku, predikat, hasil_kerja, perilaku, 1, penilai_id
         FROM saran_tahunan WHERE siklus_id = $1 AND pegawai_id % 5 < 2`,
      [siklus.id],
    );
    await db.pool.query(
      `INSERT INTO penetapan_predikat (siklus_id, unit_id, predikat, capaian_pk, dasar, dicatat_hr) VALUES ($1, $2, 'BAIK', 96.5, 'Evaluasi Perjanjian Kinerja (bench)', true), ($1, $3, 'ISTIMEWA', 104.2, 'Evaluasi Perjanjian Kinerja (bench)', true)`,
      [siklus.id, unit.id, root.id],
    );
    await db.pool.query(`UPDATE siklus SET fase = 'KALIBRASI' WHERE id = $1`, [siklus.id]);
    await db.pool.query('VACUUM ANALYZE saran_tahunan, evaluasi_tahunan, penetapan_predikat, unit_kerja');
    console.log(`suggestions, the unit of ${UNIT_SIZE}, predikat and confirmations in ${fmt(performance.now() - t, 0)} ms`);

    // 2. the page once, against the database
    const cookies = await loginMany(appUrl, SESSIONS);
    const path = `/kalibrasi/${unit.id}?siklus=${siklus.id}`;
    const html = await (await fetch(appUrl + path, { headers: { cookie: cookies[0]! } })).text();
    const truth = (await db.pool.query<{ n: number; baik: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE COALESCE(e.predikat, s.predikat) = 'BAIK')::int AS baik
         FROM saran_tahunan s LEFT JOIN evaluasi_tahunan e ON e.siklus_id = s.siklus_id AND e.pegawai_id = s.pegawai_id WHERE s.siklus_id = $1 AND s.unit_id = $2`,
      [siklus.id, unit.id],
    )).rows[0]!;
    const shownN = Number(/data-n="n">([\d.]+)</.exec(html)?.[1]?.replace(/\./g, ''));
    const shownBaik = Number(/data-predikat="BAIK"><th scope="row">Baik<\/th><td class="num" data-k="jumlah">([\d.]+)</.exec(html)?.[1]?.replace(/\./g, ''));
    const rows = [...html.matchAll(/<tr data-pegawai="\d+">/g)].length;
    console.log(`page check: ${shownN} people (database ${truth.n}), ${shownBaik} Baik (database ${truth.baik}), ${rows} ranked rows on the first page, ${html.length} bytes`);
    if (shownN !== truth.n || shownBaik !== truth.baik || rows !== Math.min(PERINGKAT_PER_HALAMAN, truth.n) || truth.n !== UNIT_SIZE) failures.push('the page does not agree with the database');
    if (!html.includes('melebihi maksimum 70%')) failures.push('the page shows no violation of the Baik maximum');

    const seq: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await (await fetch(appUrl + path, { headers: { cookie: cookies[0]! } })).text();
      seq.push(performance.now() - t0);
    }
    seq.sort((a, b) => a - b);
    console.log(`sequential: ${path} p50 ${fmt(seq[10]!, 1)} ms, max ${fmt(seq[19]!, 1)} ms (20 requests)`);

    // 3. the load
    const pages = [
      { page: '/ping (floor)', paths: ['/ping'], expect: '<p>OK</p>' },
      { page: `/kalibrasi (unit of ${UNIT_SIZE})`, paths: [path], expect: 'id="kalibrasi-chart"' },
    ];
    const { cells, ratio } = await measurePages(db, { url: appUrl, cookies, pages, concurrency: CONCURRENCY, warmupSeconds: WARMUP_SECONDS, seconds: SECONDS, timeoutSeconds: TIMEOUT_SECONDS, ratioAt: RATIO_AT }, failures);
    const targets = [{ what: `/kalibrasi (unit of ${UNIT_SIZE}) req/s at ${RATIO_AT} sessions ≥ ${TARGET_RATIO} × /ping`, value: Math.round(ratio * 1000) / 1000, pass: ratio >= TARGET_RATIO }];
    for (const x of targets) console.log(`target: ${x.what}: ${x.value} → ${x.pass ? 'PASS' : 'FAIL'}`);
    if (failures.length) console.log(`\nFAILURES:\n  ${failures.join('\n  ')}`);
    writeResults('kalibrasi-', startedAt, {
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, loadAverageAtEnd: loadavg() },
      settings: { employees: EMPLOYEES, unitSize: UNIT_SIZE, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, concurrency: CONCURRENCY, poolSize: POOL_SIZE },
      page: { path, people: truth.n, baik: truth.baik, bytes: html.length, sequentialMs: seq },
      cells,
      ratio,
      targets,
      failures,
    });
    return failures.length || targets.some((x) => !x.pass) ? 1 : 0;
  } finally {
    await stack.cleanup();
  }
}

runBench(main);
