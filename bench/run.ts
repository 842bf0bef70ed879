// `npm run bench [employees]`: the employee search page against the trivial authenticated page.
//
// Starts its own embedded PostgreSQL in a fresh folder under .data/bench-pg (removed at the end),
// migrates, generates the dataset (bench/generate.ts), starts the real app in production mode on a
// free loopback port, logs in distinct admin sessions through the real login form and loads
// /ping (the floor) and /pegawai (search, 50 rows) at each concurrency with autocannon running in
// a worker thread of this process. Prints a table and writes bench/results/<timestamp>.json.
//
// Environment: BENCH_EMPLOYEES (or the first argument; default 20000), BENCH_SECONDS (measured
// seconds per cell, default 10), BENCH_WARMUP_SECONDS (default 3), BENCH_CONCURRENCY (default
// "10,50"), BENCH_TIMEOUT_SECONDS (per request, default 10). Exits 1 on any error, timeout, non-2xx or
// body mismatch; the targets are reported (PASS/FAIL) but do not change the exit code.

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ACCEPT_ENCODING, drain, fmt, load, LOAD_HEAD, loadColumns, textTable, loginMany, machineCpuSeconds, mainThreadCpuSeconds, POOL_SIZE, postgresCpuSeconds, searchMix, startStack, type LoadResult, runBench, writeResults, loadSettings } from './harness.js';

const LOAD_GENERATOR = `autocannon in a worker thread of the benchmark process (the app runs on the main thread of the same process); Accept-Encoding: ${ACCEPT_ENCODING || 'none (uncompressed pages)'}`;

const { EMPLOYEES, SECONDS, WARMUP_SECONDS, TIMEOUT_SECONDS, CONCURRENCY } = loadSettings(1, { positive: true });

const TARGET_P95_MS = 50; // search page p95 at 10 sessions
const TARGET_RATIO = 0.35; // search rps / ping rps at 50 sessions

type Page = { name: 'ping' | 'search'; label: string; paths: string[]; expect: string };
type Cell = {
  page: Page['name'];
  concurrency: number;
  sessions: number;
  warmup: LoadResult;
  result: LoadResult;
  appEventLoopUtilization: number;
  /** Busy time of the app's main thread (event loop) and CPU time of PostgreSQL, per completed request. */
  perRequestMs: { appMainThread: number; appMainThreadCpu: number; postgresCpu: number };
  /** CPU seconds during the measured run: this process (app + load generator), our PostgreSQL, everything else on the machine. */
  cpuSeconds: { node: number; postgres: number; other: number; available: number };
};

// ---- Output --------------------------------------------------------------------------------------

function table(cells: Cell[]): string {
  const head = ['page', ...LOAD_HEAD, 'main ms/req', 'main cpu ms/req', 'pg ms/req', 'other cpu'];
  const rows = cells.map((c) => [
    c.page === 'ping' ? '/ping (floor)' : '/pegawai (search)',
    ...loadColumns(c.concurrency, c.result, c.appEventLoopUtilization),
    fmt(c.perRequestMs.appMainThread, 2),
    fmt(c.perRequestMs.appMainThreadCpu, 2),
    fmt(c.perRequestMs.postgresCpu, 2),
    `${fmt((100 * c.cpuSeconds.other) / c.cpuSeconds.available, 0)}%`,
  ]);
  return textTable(head, rows);
}

// ---- Main ----------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const startedAt = new Date();
  console.log(`SIKAP bench: ${EMPLOYEES} employees, ${SECONDS} s per cell after ${WARMUP_SECONDS} s warm-up, sessions ${CONCURRENCY.join(' and ')}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`load generator: ${LOAD_GENERATOR}`);
  const stack = await startStack({ employees: EMPLOYEES, log: (m) => console.log(m) });
  const { db, dataset, generationMs, dataDir, appUrl } = stack;
  try {
    const mix = await searchMix(db, dataset.pegawai);
    const searchPaths = mix.paths;
    console.log(`search mix (${searchPaths.length} URLs, cycled per connection): q=${mix.matches.map((r) => `${r.f} (${r.n} matches)`).join(', ')}; page=${mix.pageNos.join(',')} of ${mix.pages}`);

    let t = performance.now();
    const cookies = await loginMany(appUrl, Math.max(...CONCURRENCY));
    console.log(`app: ${appUrl} (NODE_ENV=production, pool ${POOL_SIZE}); ${cookies.length} admin sessions logged in through the form in ${Math.round(performance.now() - t)} ms\n`);

    const pagesToLoad: Page[] = [
      { name: 'ping', label: '/ping', paths: ['/ping'], expect: '<p>OK</p>' },
      { name: 'search', label: '/pegawai', paths: searchPaths, expect: '</tbody>' },
    ];
    const cells: Cell[] = [];
    for (const c of CONCURRENCY) {
      const sessionCookies = cookies.slice(0, c); // one session per connection
      for (const page of pagesToLoad) {
        process.stdout.write(`${page.label.padEnd(9)} ${String(c).padStart(3)} sessions: warm-up ${WARMUP_SECONDS} s … `);
        const run = (seconds: number) => load({ url: appUrl, cookies: sessionCookies, paths: page.paths, connections: c, seconds, timeoutSeconds: TIMEOUT_SECONDS, expect: page.expect });
        const warmup = await run(WARMUP_SECONDS);
        await drain(db);
        process.stdout.write(`measuring ${SECONDS} s … `);
        const elu0 = performance.eventLoopUtilization();
        const cpu0 = process.cpuUsage();
        const pg0 = postgresCpuSeconds(dataDir);
        const m0 = machineCpuSeconds();
        const main0 = mainThreadCpuSeconds();
        const result = await run(SECONDS);
        const eluDelta = performance.eventLoopUtilization(elu0);
        const elu = eluDelta.utilization;
        const cpu = process.cpuUsage(cpu0);
        const pgCpu = postgresCpuSeconds(dataDir) - pg0;
        const m1 = machineCpuSeconds();
        const mainCpu = mainThreadCpuSeconds() - main0;
        await drain(db);
        const nodeCpu = (cpu.user + cpu.system) / 1e6;
        const cpuSeconds = { node: nodeCpu, postgres: pgCpu, other: Math.max(0, m1.busy - m0.busy - nodeCpu - pgCpu), available: m1.total - m0.total };
        const perRequestMs = { appMainThread: eluDelta.active / Math.max(1, result.requests), appMainThreadCpu: (mainCpu * 1000) / Math.max(1, result.requests), postgresCpu: (pgCpu * 1000) / Math.max(1, result.requests) };
        cells.push({ page: page.name, concurrency: c, sessions: sessionCookies.length, warmup, result, appEventLoopUtilization: elu, perRequestMs, cpuSeconds });
        console.log(`${fmt(result.rps, 0)} req/s, p95 ${fmt(result.latencyMs.p95)} ms${cpuSeconds.other > 0.1 * cpuSeconds.available ? `  (other processes used ${fmt(cpuSeconds.other)} of ${fmt(cpuSeconds.available)} CPU s)` : ''}`);
      }
    }

    const cell = (p: Page['name'], c: number) => cells.find((x) => x.page === p && x.concurrency === c);
    const ratios = CONCURRENCY.map((c) => {
      const s = cell('search', c)!.result.rps;
      const p = cell('ping', c)!.result.rps;
      return { concurrency: c, searchRps: s, pingRps: p, ratio: p > 0 ? Math.round((s / p) * 1000) / 1000 : null };
    });
    const p95at10 = cell('search', 10)?.result.latencyMs.p95 ?? null;
    const ratioAt50 = ratios.find((r) => r.concurrency === 50)?.ratio ?? null;
    const targets = {
      searchP95At10Ms: { value: p95at10, target: `< ${TARGET_P95_MS}`, pass: p95at10 === null ? null : p95at10 < TARGET_P95_MS },
      ratioAt50: { value: ratioAt50, target: `>= ${TARGET_RATIO}`, pass: ratioAt50 === null ? null : ratioAt50 >= TARGET_RATIO },
    };
    const failures = cells.reduce((n, c) => n + c.result.errors + c.result.timeouts + c.result.non2xx + c.result.mismatches, 0);

    console.log(`\n${table(cells)}\n`);
    for (const r of ratios) console.log(`ratio search/ping req/s at ${String(r.concurrency).padStart(2)} sessions: ${fmt(r.ratio, 3)}  (${fmt(r.searchRps, 0)} / ${fmt(r.pingRps, 0)})`);
    for (const c of CONCURRENCY) {
      const s = cell('search', c)!.perRequestMs.appMainThreadCpu;
      const p = cell('ping', c)!.perRequestMs.appMainThreadCpu;
      console.log(`main-thread CPU per request, ping/search at ${String(c).padStart(2)} sessions: ${fmt(p / s, 3)}  (${fmt(p, 2)} / ${fmt(s, 2)} ms; what the req/s ratio tends to when the app's thread is the bottleneck)`);
    }
    const verdict = (v: boolean | null) => (v === null ? 'not measured' : v ? 'PASS' : 'FAIL');
    console.log(`target: search p95 at 10 sessions < ${TARGET_P95_MS} ms: ${fmt(p95at10)} ms → ${verdict(targets.searchP95At10Ms.pass)}`);
    console.log(`target: search/ping req/s at 50 sessions >= ${TARGET_RATIO}: ${fmt(ratioAt50, 3)} → ${verdict(targets.ratioAt50.pass)}`);
    console.log(`errors + timeouts + non-2xx + mismatches (measured runs): ${failures}`);
    const other = cells.reduce((n, c) => n + c.cpuSeconds.other, 0);
    const available = cells.reduce((n, c) => n + c.cpuSeconds.available, 0);
    const sharedMachine = other > 0.1 * available;
    if (sharedMachine) console.log(`WARNING: other processes used ${fmt((100 * other) / available, 0)}% of the machine's CPU during the measured runs; the figures are pessimistic. Re-run on a quiet machine.`);
    console.log(`latencies: every 2xx response time, measured by autocannon in its worker (client side, keep-alive, no pipelining); app ELU = event-loop utilisation of the app's main thread; main ms/req = its busy time per request; pg ms/req = CPU time of our PostgreSQL per request (these two hold up when the machine is shared); other cpu = share of the machine's CPU used by other processes.`);

    const report = {
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, platform: process.platform, loadAverageAtEnd: loadavg() },
      loadGenerator: LOAD_GENERATOR,
      settings: { employees: EMPLOYEES, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, timeoutSeconds: TIMEOUT_SECONDS, concurrency: CONCURRENCY, poolSize: POOL_SIZE, nodeEnv: 'production' },
      dataset: { ...dataset, generationMs, searchFragments: mix.matches, pages: mix.pages, pageNos: mix.pageNos },
      pages: { ping: ['/ping'], search: searchPaths },
      cells,
      ratios,
      targets,
      failures,
      otherCpuShare: available > 0 ? other / available : null,
      sharedMachine,
    };
    writeResults('', startedAt, report);
    return failures > 0 ? 1 : 0;
  } finally {
    await stack.cleanup();
  }
}

runBench(main);
