// `npm run bench:monitoring [employees]`: Monitoring Pengisian (issue 11) for the whole agency
// against the trivial authenticated page, in the same run, and the whole-agency Excel export.
//
// On the same throwaway stack as `npm run bench` (bench/harness.ts), with the dataset of
// bench/laporan-data.ts (20,000 employees, four quarterly periods of reports: Q1–Q3 rated, Q4 60%
// submitted, 35% draft, 5% returned):
//  1. the current period's deadline is moved to yesterday (one UPDATE of periode; the summary
//     triggers count that period afresh), so Q4 has ≈ 8,000 late reports: the page then lists the
//     first 100 of them by name and the export holds them all, the heaviest the page gets;
//  2. checks the page once against the database (the total row's counts, the first late names);
//  3. 50 admin sessions load /ping (the floor) and /monitoring?periode=<Q4> (the whole agency) at
//     each concurrency (warm-up, then a measured run; a body check on every response);
//  4. downloads the whole-agency export once (streamed, read and thrown away as it arrives):
//     time, size, and the app process's RSS sampled every 20 ms (growth over the RSS before it).
// Prints a table and the targets, writes bench/results/monitoring-<timestamp>.json.
// Settings as `npm run bench` (BENCH_EMPLOYEES, BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONCURRENCY, BENCH_TIMEOUT_SECONDS).

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fmt, loginMany, measurePages, POOL_SIZE, runBench, startStack, writeResults, loadSettings } from './harness.js';
import { generateLaporan } from './laporan-data.js';
import pg from 'pg';

// BENCH_MONITORING_EXPLAIN=1: the statements of one page request, each with EXPLAIN ANALYZE.
const EXPLAIN = (process.env.BENCH_MONITORING_EXPLAIN ?? '') === '1';
let capture: { text: string; values: unknown[] }[] | null = null;
if (EXPLAIN) {
  const orig = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    if (capture) {
      const first = args[0] as string | { text?: string; values?: unknown[] };
      capture.push(typeof first === 'string' ? { text: first, values: (Array.isArray(args[1]) ? args[1] : []) as unknown[] } : { text: first?.text ?? '?', values: first?.values ?? [] });
    }
    return orig.apply(this, args);
  };
}

const { EMPLOYEES, SECONDS, WARMUP_SECONDS, TIMEOUT_SECONDS, CONCURRENCY } = loadSettings(1);
const SESSIONS = Math.max(...CONCURRENCY);
const TARGET_RATIO = 0.25;
const RATIO_AT = 50;
const TARGET_EXPORT_S = 10;
const TARGET_RSS_MB = 50;


async function main(): Promise<number> {
  const startedAt = new Date();
  console.log(`SIKAP monitoring bench: ${EMPLOYEES} employees; ${SECONDS} s per cell after ${WARMUP_SECONDS} s warm-up, sessions ${CONCURRENCY.join(' and ')}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const stack = await startStack({ employees: EMPLOYEES, log: (m) => console.log(m) });
  const { db, appUrl } = stack;
  const failures: string[] = [];
  try {
    let t = performance.now();
    const data = await generateLaporan(db, { log: (m) => console.log(m) });
    console.log(`report data in ${fmt((performance.now() - t) / 1000, 1)} s`);
    const q4 = data.periode[data.periode.length - 1]!;
    t = performance.now();
    await db.pool.query(`UPDATE periode SET batas_pegawai = (now() AT TIME ZONE 'Asia/Jakarta')::date - 1 WHERE id = $1`, [q4.id]);
    console.log(`${q4.nama}: deadline moved to yesterday (${fmt(performance.now() - t, 0)} ms, the period's summary counted afresh)`);

    // the page once, against the database
    const cookies = await loginMany(appUrl, SESSIONS);
    const path = `/monitoring?periode=${q4.id}`;
    const html = await (await fetch(appUrl + path, { headers: { cookie: cookies[0]! } })).text();
    const truth = (await db.pool.query<{ skp: number; late: number }>(
      `SELECT count(*)::int AS skp, count(*) FILTER (WHERE l.id IS NULL OR l.status IN ('DRAFT', 'DIKEMBALIKAN'))::int AS late
         FROM periode pe JOIN skp s ON s.siklus_id = pe.siklus_id AND s.periode_awal <= pe.selesai AND s.periode_akhir >= pe.mulai
         JOIN pegawai p ON p.id = s.pegawai_id AND p.aktif LEFT JOIN laporan_periode l ON l.skp_id = s.id AND l.periode_id = pe.id WHERE pe.id = $1`,
      [q4.id],
    )).rows[0]!;
    const shownSkp = Number(/data-n="skp">([\d.]+)</.exec(html)?.[1]?.replace(/\./g, ''));
    const shownLate = Number(/data-n="terlambat">([\d.]+)</.exec(html)?.[1]?.replace(/\./g, ''));
    const lateRows = [...html.matchAll(/<tr data-pegawai="\d+">/g)].length;
    console.log(`page check: ${shownSkp} SKPs (database ${truth.skp}), ${shownLate} late (database ${truth.late}), ${lateRows} late rows listed, ${html.length} bytes`);
    if (shownSkp !== truth.skp || shownLate !== truth.late || lateRows !== Math.min(25, truth.late)) failures.push('the page does not agree with the database');

    // sequential latency of the page alone (no load): what one request costs end to end
    const seq: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await (await fetch(appUrl + path, { headers: { cookie: cookies[0]! } })).text();
      seq.push(performance.now() - t0);
    }
    seq.sort((a, b) => a - b);
    console.log(`sequential: ${path} p50 ${fmt(seq[10]!, 1)} ms, max ${fmt(seq[19]!, 1)} ms (20 requests)`);
    if (EXPLAIN) {
      capture = [];
      await (await fetch(appUrl + path, { headers: { cookie: cookies[0]! } })).text();
      const got = capture;
      capture = null;
      for (const q of got) {
        if (!/^\s*(SELECT|WITH)\b/i.test(q.text)) continue;
        const plan = await db.pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values);
        console.log(`\n-- ${q.text.replace(/\s+/g, ' ').slice(0, 300)}\n${plan.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n')}`);
      }
    }

    const pages = [
      { page: '/ping (floor)', paths: ['/ping'], expect: '<p>OK</p>' },
      { page: '/monitoring (whole agency)', paths: [path], expect: 'id="monitoring-chart"' },
    ];
    const { cells, ratio } = await measurePages(db, { url: appUrl, cookies, pages, concurrency: CONCURRENCY, warmupSeconds: WARMUP_SECONDS, seconds: SECONDS, timeoutSeconds: TIMEOUT_SECONDS, ratioAt: RATIO_AT }, failures);

    // the export, streamed
    (globalThis as { gc?: () => void }).gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
    t = performance.now();
    const res = await fetch(`${appUrl}/monitoring/unduh.xlsx?periode=${q4.id}`, { headers: { cookie: cookies[0]! } });
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    const exportMs = performance.now() - t;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const growthMb = (peak - rss0) / 1048576;
    console.log(`export: status ${res.status}, ${fmt(bytes / 1048576, 2)} MB, ${truth.late} late rows, ${fmt(exportMs / 1000, 2)} s; RSS ${fmt(rss0 / 1048576, 0)} MB before, peak ${fmt(peak / 1048576, 0)} MB (growth ${fmt(growthMb, 1)} MB)`);
    if (res.status !== 200) failures.push(`export answered ${res.status}`);

    const targets = [
      { what: `/monitoring (whole agency) req/s at ${RATIO_AT} sessions ≥ ${TARGET_RATIO} × /ping`, value: Math.round(ratio * 1000) / 1000, pass: ratio >= TARGET_RATIO },
      { what: `whole-agency export < ${TARGET_EXPORT_S} s`, value: Math.round(exportMs) / 1000, pass: exportMs < TARGET_EXPORT_S * 1000 },
      { what: `RSS growth during the export < ${TARGET_RSS_MB} MB`, value: Math.round(growthMb * 10) / 10, pass: growthMb < TARGET_RSS_MB },
    ];
    for (const x of targets) console.log(`target: ${x.what}: ${x.value} → ${x.pass ? 'PASS' : 'FAIL'}`);
    if (failures.length) console.log(`\nFAILURES:\n  ${failures.join('\n  ')}`);
    writeResults('monitoring-', startedAt, {
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, loadAverageAtEnd: loadavg() },
      settings: { employees: EMPLOYEES, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, concurrency: CONCURRENCY, poolSize: POOL_SIZE },
      page: { path, skp: truth.skp, late: truth.late, bytes: html.length, sequentialMs: seq },
      cells,
      ratio,
      export: { ms: exportMs, bytes, rows: truth.late, rssBefore: rss0, rssPeak: peak },
      targets,
      failures,
    });
    return failures.length || targets.some((x) => !x.pass) ? 1 : 0;
  } finally {
    await stack.cleanup();
  }
}

runBench(main);
