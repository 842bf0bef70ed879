// `npm run bench:rekap [employees]`: the year's recap and the TPP list (issue 13) for the whole
// agency, streamed, beside the distribution page against the trivial authenticated page.
//
// On the same throwaway stack as `npm run bench` (bench/harness.ts), with the generated agency
// (20,000 employees by default):
//  1. the cycle of the current year with a draft SKP per employee, as the app makes them (the bulk
//     job); then, set-based: every SKP approved, 5% of the employees moved on 1 July (the piece
//     closed on 30 June and a second one from 1 July, with its own snapshot), one rated report per
//     piece and period it covers (four quarterly periods: 80,000+ reports with penilaian_periode,
//     the predikat from the 6/2022 matrix), the functional positions given a level (their year's
//     pieces in saran_tahunan.ak), a suggestion and a FINAL evaluation per employee
//     (final_at, angka kredit for the functional ones), an objection for 1% (half decided);
//  2. checks the recap once against the database (one row per employee, the TPP list one row per
//     employee and period);
//  3. downloads the whole-agency recap (Excel), the TPP list (Excel) and the TPP list (CSV) one
//     after the other, each streamed, read and thrown away as it arrives: time, size, and the app
//     process's RSS sampled every 20 ms (growth over the RSS before each download);
//  4. 50 HR sessions load /ping (the floor) and /rekap (the whole agency's distribution) at each
//     concurrency (warm-up, then a measured run; a body check on every response).
// Prints a table and the targets, writes bench/results/rekap-<timestamp>.json.
// Settings as `npm run bench` (BENCH_EMPLOYEES, BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONCURRENCY, BENCH_TIMEOUT_SECONDS).

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { fmt, loginMany, measurePages, POOL_SIZE, runBench, startStack, writeResults, loadSettings } from './harness.js';
import { createJobRunner } from '../src/app.js';
import { loadActor } from '../src/modules/auth/authenticate.js';
import { createSiklus, moveFase } from '../src/modules/siklus/service.js';
import { semuaRekap } from '../src/modules/rekap/queries.js';

const { EMPLOYEES, SECONDS, WARMUP_SECONDS, TIMEOUT_SECONDS, CONCURRENCY } = loadSettings(1);
const SESSIONS = Math.max(...CONCURRENCY);
const TARGET_EXPORT_S = 10;
const TARGET_RSS_MB = 50;
const TARGET_RATIO = 0.25;
const RATIO_AT = 50;


async function main(): Promise<number> {
  const startedAt = new Date();
  console.log(`SIKAP recap bench: ${EMPLOYEES} employees; ${SECONDS} s per cell after ${WARMUP_SECONDS} s warm-up, sessions ${CONCURRENCY.join(' and ')}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const stack = await startStack({ employees: EMPLOYEES, log: (m) => console.log(m) });
  const { db, appUrl } = stack;
  const q = (text: string, values: unknown[] = []) => db.pool.query(text, values);
  const failures: string[] = [];
  try {
    // 1. the cycle and its draft SKPs, as the app makes them
    let t = performance.now();
    const adminId = (await q(`SELECT id FROM app_user WHERE username = 'admin'`)).rows[0]!.id as number;
    const admin = (await loadActor(db.pool, adminId))!;
    const tahun = new Date().getFullYear();
    const siklus = await createSiklus(db, admin, { tahun, jenisPeriode: 'TRIWULANAN' });
    const jobs = createJobRunner(db);
    try {
      await moveFase(db, jobs, admin, siklus.id, siklus.version, 'PERENCANAAN');
      await jobs.idle();
    } finally {
      await jobs.stop();
    }
    console.log(`cycle ${tahun} with its draft SKPs in ${fmt((performance.now() - t) / 1000, 1)} s`);

    // the year, set-based
    t = performance.now();
    const step = async (what: string, text: string, values: unknown[] = [siklus.id]) => {
      const t0 = performance.now();
      const r = await q(text, values);
      console.log(`  ${what}: ${r.rowCount ?? 0} rows in ${fmt(performance.now() - t0, 0)} ms`);
    };
    await step('SKPs approved', `UPDATE skp SET status = 'DISETUJUI', diajukan_at = now(), disetujui_at = now() WHERE siklus_id = $1`);
    await step('functional positions given a level', `UPDATE jabatan SET kategori_jf = 'KEAHLIAN', jenjang_jf = (ARRAY['PERTAMA', 'MUDA', 'MADYA'])[1 + (id % 3)]::"JenjangJf" WHERE jenis = 'FUNGSIONAL'`, []);
    await step('5% moved on 1 July: the first piece closed', `UPDATE skp SET periode_akhir = make_date($2, 6, 30), ditutup_at = now() WHERE siklus_id = $1 AND pegawai_id % 20 = 7`, [siklus.id, tahun]);
    await step('… and the second piece opened',
      `INSERT INTO skp (siklus_id, pegawai_id, penilai_id, penilai_luar_id, periode_awal, periode_akhir, sebelumnya_id, snapshot, status, diajukan_at, disetujui_at)
       SELECT siklus_id, pegawai_id, penilai_id, penilai_luar_id, make_date($2, 7, 1), make_date($2, 12, 31), id,
              jsonb_set(snapshot, '{pegawai,jabatan}', to_jsonb('Analis Mutasi ' || pegawai_id)), 'DISETUJUI', now(), now()
         FROM skp WHERE siklus_id = $1 AND ditutup_at IS NOT NULL`, [siklus.id, tahun]);
    await step('reports, one per piece and period it covers, rated',
      `INSERT INTO laporan_periode (skp_id, periode_id, skp_revisi, status, prestasi, diajukan_at)
       SELECT s.id, pe.id, 1, 'DINILAI', 'Capaian periode sesuai rencana', pe.batas_pegawai
         FROM skp s JOIN periode pe ON pe.siklus_id = s.siklus_id AND pe.mulai <= s.periode_akhir AND pe.selesai >= s.periode_awal
        WHERE s.siklus_id = $1`);
    await step('… with their ratings (the 6/2022 matrix)',
      `INSERT INTO penilaian_periode (laporan_id, rating_hasil_kerja, rating_perilaku, predikat, saran_hasil_kerja, saran_perilaku, policy_version, at, penilai_id)
       SELECT l.id, x.h::"Ekspektasi", x.p::"Ekspektasi",
              (CASE WHEN x.h = 'DI_ATAS' AND x.p = 'DI_ATAS' THEN 'SANGAT_BAIK' WHEN x.h <> 'DI_BAWAH' AND x.p <> 'DI_BAWAH' THEN 'BAIK'
                    WHEN x.h <> 'DI_BAWAH' THEN 'KURANG' WHEN x.p = 'DI_BAWAH' THEN 'SANGAT_KURANG' ELSE 'BUTUH_PERBAIKAN' END)::"PredikatKinerja",
              '{}', '{}', 1, pe.batas_penilai + time '10:00', s.penilai_id
         FROM laporan_periode l JOIN skp s ON s.id = l.skp_id JOIN periode pe ON pe.id = l.periode_id
        CROSS JOIN LATERAL (SELECT CASE WHEN abs(hashtext(l.id::text)) % 100 < 15 THEN 'DI_ATAS' WHEN abs(hashtext(l.id::text)) % 100 < 92 THEN 'SESUAI' ELSE 'DI_BAWAH' END AS h,
                                   CASE WHEN abs(hashtext(l.id::text || 'p')) % 100 < 20 THEN 'DI_ATAS' WHEN abs(hashtext(l.id::text || 'p')) % 100 < 96 THEN 'SESUAI' ELSE 'DI_BAWAH' END AS p) x
        WHERE s.siklus_id = $1`);
    await step('suggestions of the year (the functional pieces in ak)',
      `WITH last AS (SELECT DISTINCT ON (s.pegawai_id) s.* FROM skp s WHERE s.siklus_id = $1 ORDER BY s.pegawai_id, s.periode_awal DESC),
            x AS (SELECT last.*, p.unit_id, j.jenis, j.jenjang_jf, abs(hashtext(last.pegawai_id::text)) % 100 AS r FROM last JOIN pegawai p ON p.id = last.pegawai_id JOIN jabatan j ON j.id = p.jabatan_id)
       INSERT INTO saran_tahunan (siklus_id, pegawai_id, skp_id, penilai_id, penilai_luar_id, unit_id, hasil_kerja, perilaku, predikat, nilai, rincian, ak, policy_version)
       SELECT $1, pegawai_id, id, penilai_id, penilai_luar_id, unit_id,
              (CASE WHEN r < 15 THEN 'DI_ATAS' WHEN r < 90 THEN 'SESUAI' ELSE 'DI_BAWAH' END)::"Ekspektasi",
              (CASE WHEN r < 15 THEN 'DI_ATAS' WHEN r < 97 THEN 'SESUAI' ELSE 'DI_BAWAH' END)::"Ekspektasi",
              (CASE WHEN r < 15 THEN 'SANGAT_BAIK' WHEN r < 90 THEN 'BAIK' WHEN r < 97 THEN 'BUTUH_PERBAIKAN' WHEN r < 99 THEN 'KURANG' ELSE 'SANGAT_KURANG' END)::"PredikatKinerja",
              round((80 + (hashtext(pegawai_id::text) & 4095) / 100.0)::numeric, 4),
              '{}'::json,
              CASE WHEN jenis = 'FUNGSIONAL' AND jenjang_jf IS NOT NULL
                   THEN jsonb_build_array(jsonb_build_object('skpId', id, 'jenjang', jenjang_jf, 'bulan', CASE WHEN sebelumnya_id IS NULL THEN 12 ELSE 6 END)) END, 1
         FROM x`);
    await step('FINAL evaluations (angka kredit for the functional ones)',
      `INSERT INTO evaluasi_tahunan (siklus_id, pegawai_id, skp_id, status, rating_hasil_kerja, rating_perilaku, predikat, saran_hasil_kerja, saran_perilaku, policy_version, penilai_id, angka_kredit, final_at, diberitahu_at)
       SELECT siklus_id, pegawai_id, skp_id, 'FINAL', hasil_kerja, perilaku, predikat, hasil_kerja, perilaku, 1, penilai_id,
              CASE WHEN ak IS NOT NULL THEN round((CASE ak #>> '{0,jenjang}' WHEN 'PERTAMA' THEN 12.5 WHEN 'MUDA' THEN 25 ELSE 37.5 END)
                                                  * (CASE predikat WHEN 'SANGAT_BAIK' THEN 1.5 WHEN 'BAIK' THEN 1 WHEN 'BUTUH_PERBAIKAN' THEN 0.75 WHEN 'KURANG' THEN 0.5 ELSE 0.25 END)
                                                  * (ak #>> '{0,bulan}')::int / 12, 3) END,
              now() - interval '20 days', now() - interval '20 days'
         FROM saran_tahunan WHERE siklus_id = $1`);
    await step('objections (1%, half decided "changed")',
      `INSERT INTO keberatan (siklus_id, pegawai_id, evaluasi_id, alasan, status, batas_tanggal, semula_hasil_kerja, semula_perilaku, semula_predikat, keputusan, diputus_at)
       SELECT siklus_id, pegawai_id, id, 'Capaian tidak diperhitungkan', (CASE WHEN pegawai_id % 200 = 3 THEN 'DIPUTUS' ELSE 'DIAJUKAN' END)::"StatusKeberatan",
              current_date, rating_hasil_kerja, rating_perilaku, predikat, (CASE WHEN pegawai_id % 200 = 3 THEN 'UBAH' END)::"KeputusanKeberatan", CASE WHEN pegawai_id % 200 = 3 THEN now() END
         FROM evaluasi_tahunan WHERE siklus_id = $1 AND pegawai_id % 100 = 3`);
    await q(`UPDATE siklus SET fase = 'SELESAI' WHERE id = $1`, [siklus.id]);
    await q('VACUUM ANALYZE skp, laporan_periode, penilaian_periode, saran_tahunan, evaluasi_tahunan, keberatan, jabatan, pegawai, unit_kerja');
    console.log(`the year written in ${fmt((performance.now() - t) / 1000, 1)} s`);

    // 2. the truth
    const truth = (await q(
      `SELECT (SELECT count(DISTINCT pegawai_id) FROM skp WHERE siklus_id = $1)::int AS pegawai,
              (SELECT count(*) FROM (SELECT DISTINCT s.pegawai_id, pe.id FROM skp s JOIN periode pe ON pe.siklus_id = s.siklus_id AND pe.mulai <= s.periode_akhir AND pe.selesai >= s.periode_awal WHERE s.siklus_id = $1) x)::int AS tpp,
              (SELECT count(*) FROM penilaian_periode)::int AS dinilai, (SELECT count(*) FROM skp WHERE siklus_id = $1 AND sebelumnya_id IS NOT NULL)::int AS pindah`,
      [siklus.id],
    )).rows[0] as { pegawai: number; tpp: number; dinilai: number; pindah: number };
    console.log(`dataset: ${truth.pegawai} employees of the year (${truth.pindah} with two pieces), ${truth.dinilai} rated reports, ${truth.tpp} TPP rows expected`);

    // the reads alone (every keyset page of the recap, nothing written): the floor of the exports
    const t1 = performance.now();
    let read = 0;
    for await (const batch of semuaRekap(db.sql, siklus.id, '/')) read += batch.length;
    const readMs = performance.now() - t1;
    console.log(`the recap's reads alone: ${read} employees in ${fmt(readMs / 1000, 2)} s`);

    const cookies = await loginMany(appUrl, SESSIONS);
    const exports: { what: string; path: string; ms: number; bytes: number; rows: number; rssBefore: number; rssPeak: number; growthMb: number; status: number }[] = [];
    const take = async (what: string, path: string, count: (buf: Buffer) => Promise<number>, check: boolean) => {
      (globalThis as { gc?: () => void }).gc?.();
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
      const t0 = performance.now();
      // a kept-alive connection the server closed while the last file was being checked resets on
      // reuse, before any byte of the answer: asking again is safe (nothing was sent)
      const get = () => fetch(appUrl + path, { headers: { cookie: cookies[0]! } });
      const res = await get().catch((e: { cause?: { code?: string } }) => {
        if (e.cause?.code === 'ECONNRESET') return get();
        throw e;
      });
      let bytes = 0;
      const kept: Uint8Array[] = [];
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        if (check) kept.push(chunk);
      }
      const ms = performance.now() - t0;
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      const rows = check ? await count(Buffer.concat(kept)) : NaN;
      const e = { what, path, ms, bytes, rows, rssBefore: rss0, rssPeak: peak, growthMb: (peak - rss0) / 1048576, status: res.status };
      exports.push(e);
      console.log(`${what}: status ${res.status}, ${fmt(bytes / 1048576, 2)} MB${check ? `, ${rows} rows` : ''}, ${fmt(ms / 1000, 2)} s; RSS ${fmt(rss0 / 1048576, 0)} MB before, peak ${fmt(peak / 1048576, 0)} MB (growth ${fmt(e.growthMb, 1)} MB)`);
      if (res.status !== 200) failures.push(`${what} answered ${res.status}`);
      return e;
    };
    const xlsxRows = async (buf: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as never);
      return wb.worksheets[0]!.rowCount - 3;
    };
    const csvRows = async (buf: Buffer) => buf.toString('utf8').split('\r\n').filter((l) => l).length - 1;
    const s = `siklus=${siklus.id}`;
    // a first, checked download of each (read back and counted), then the measured ones
    const checks = [
      await take('recap (check)', `/rekap/tahunan.xlsx?${s}`, xlsxRows, true),
      await take('TPP Excel (check)', `/rekap/tpp.xlsx?${s}`, xlsxRows, true),
      await take('TPP CSV (check)', `/rekap/tpp.csv?${s}`, csvRows, true),
    ];
    if (checks[0]!.rows !== truth.pegawai) failures.push(`the recap has ${checks[0]!.rows} rows, the year ${truth.pegawai} employees`);
    if (checks[1]!.rows !== truth.tpp || checks[2]!.rows !== truth.tpp) failures.push(`the TPP lists have ${checks[1]!.rows} / ${checks[2]!.rows} rows, expected ${truth.tpp}`);
    exports.length = 0;
    const measured = [
      await take('whole-agency recap (Excel)', `/rekap/tahunan.xlsx?${s}`, xlsxRows, false),
      await take('TPP list (Excel)', `/rekap/tpp.xlsx?${s}`, xlsxRows, false),
      await take('TPP list (CSV)', `/rekap/tpp.csv?${s}`, csvRows, false),
    ];

    // 4. the distribution page against /ping
    const page = `/rekap?${s}`;
    const seq: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await (await fetch(appUrl + page, { headers: { cookie: cookies[0]! } })).text();
      seq.push(performance.now() - t0);
    }
    seq.sort((a, b) => a - b);
    console.log(`sequential: ${page} p50 ${fmt(seq[10]!, 1)} ms, max ${fmt(seq[19]!, 1)} ms (20 requests)`);
    const pages = [
      { page: '/ping (floor)', paths: ['/ping'], expect: '<p>OK</p>' },
      { page: '/rekap (whole agency)', paths: [page], expect: 'id="rekap-chart"' },
    ];
    const { cells, ratio } = await measurePages(db, { url: appUrl, cookies, pages, concurrency: CONCURRENCY, warmupSeconds: WARMUP_SECONDS, seconds: SECONDS, timeoutSeconds: TIMEOUT_SECONDS, ratioAt: RATIO_AT }, failures);

    const targets = [
      ...measured.flatMap((e) => [
        { what: `${e.what} < ${TARGET_EXPORT_S} s`, value: Math.round(e.ms) / 1000, pass: e.ms < TARGET_EXPORT_S * 1000 },
        { what: `RSS growth during the ${e.what} < ${TARGET_RSS_MB} MB`, value: Math.round(e.growthMb * 10) / 10, pass: e.growthMb < TARGET_RSS_MB },
      ]),
      { what: `/rekap (whole agency) req/s at ${RATIO_AT} sessions ≥ ${TARGET_RATIO} × /ping (not an issue target; for comparison)`, value: Math.round(ratio * 1000) / 1000, pass: true },
    ];
    for (const x of targets) console.log(`target: ${x.what}: ${x.value} → ${x.pass ? 'PASS' : 'FAIL'}`);
    if (failures.length) console.log(`\nFAILURES:\n  ${failures.join('\n  ')}`);
    writeResults('rekap-', startedAt, {
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, loadAverageAtEnd: loadavg() },
      settings: { employees: EMPLOYEES, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, concurrency: CONCURRENCY, poolSize: POOL_SIZE },
      dataset: truth,
      readMs,
      checks,
      exports: measured,
      page: { path: page, sequentialMs: seq },
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
