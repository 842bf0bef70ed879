// `npm run bench:laporan [employees]`: the employee's report page and the appraiser's queue with
// four periods of reports (issue 10), against the trivial authenticated page, in the same run.
//
// On the same throwaway stack as `npm run bench` (bench/harness.ts):
//  0. gives up to 50 unit heads exactly 15 appraisees each (bench/laporan-data.ts prepareAppraisers),
//     before the cycle exists so the SKP snapshots agree;
//  1. generates the cycle of the current year with one approved SKP per employee and four quarterly
//     periods of reports (generateLaporan: ≈ 800,000 realisasi rows at 20,000 employees), timed;
//  2. logs in one session per employee (50 different employees, each cycling through its own four
//     reports at /laporan/:id) and one per appraiser (50 different appraisers at /penilaian);
//     checks each page once per login (every report of the employee; every submitted report of
//     the appraiser's team and no draft), then loads /ping (the floor, as the employees), the report
//     page and the queue at each concurrency (warm-up, then measured run; a body check on every
//     response).
// Prints a table and the ratios, writes bench/results/laporan-<timestamp>.json.
//
// BENCH_LAPORAN_PAGES=skp measures stand-ins instead (the SKP version page /skp/:id/versi/1 for the
// report page, /skp/bawahan for the queue): to check the harness and the dataset where the issue-10
// pages do not exist yet. BENCH_LAPORAN_PROFILE=1 also prints the statements per request of each
// page (sequential requests, with EXPLAIN ANALYZE of each) and the render time.
// Other settings as `npm run bench` (BENCH_EMPLOYEES, BENCH_SECONDS, BENCH_WARMUP_SECONDS,
// BENCH_CONCURRENCY, BENCH_TIMEOUT_SECONDS, BENCH_ACCEPT_ENCODING).

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import express from 'express';
import { ACCEPT_ENCODING, drain, fmt, load, LOAD_HEAD, loadColumns, textTable, login, machineCpuSeconds, mainThreadCpuSeconds, POOL_SIZE, postgresCpuSeconds, startStack, type LoadResult, runBench, writeResults, envNum, loadSettings } from './harness.js';
import { generateLaporan, prepareAppraisers } from './laporan-data.js';
import type { Db } from '../src/db/client.js';
import { loadActor } from '../src/modules/auth/authenticate.js';
import { laporanDokumen, visibleLaporan } from '../src/modules/laporan/read.js';
import { antrianPage } from '../src/modules/penilaian/service.js';

const LOAD_GENERATOR = `autocannon in a worker thread of the benchmark process (the app runs on the main thread of the same process); Accept-Encoding: ${ACCEPT_ENCODING || 'none (uncompressed pages)'}`;

const { EMPLOYEES, SECONDS, WARMUP_SECONDS, TIMEOUT_SECONDS, CONCURRENCY } = loadSettings(200);
const STAND_IN = process.env.BENCH_LAPORAN_PAGES === 'skp';
const PROFILE = envNum('BENCH_LAPORAN_PROFILE', 0) > 0;
const CPU_PROFILE = envNum('BENCH_LAPORAN_CPUPROFILE', 0) > 0;
if (SECONDS <= 0) throw new Error('BENCH_SECONDS must be positive');

const SESSIONS = Math.max(...CONCURRENCY);
const TEAM = 15; // appraisees per appraiser in the queue
const TARGET_RATIO = 0.35; // page req/s ÷ /ping req/s at 50 sessions
const TARGET_P95_MS = 50; // reported beside it (the issue-10 note asks for p95)
const RATIO_AT = 50;

// ---- Statements per request (this process only) ---------------------------------------------------

let statements = 0;
let capture: { text: string; values: unknown[] }[] | null = null;
const origClientQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  if (capture) {
    const first = args[0] as string | { text?: string; values?: unknown[] };
    const text = typeof first === 'string' ? first : (first?.text ?? '?');
    const values = (typeof first === 'string' ? (Array.isArray(args[1]) ? args[1] : []) : (first?.values ?? (Array.isArray(args[1]) ? args[1] : []))) as unknown[];
    capture.push({ text, values });
  }
  return origClientQuery.apply(this, args);
};
const renders: number[] = [];
if (PROFILE) {
  const resProto = express.response as unknown as { render: (...a: unknown[]) => unknown };
  const origRender = resProto.render;
  resProto.render = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    const r = origRender.apply(this, args);
    renders.push(performance.now() - t0);
    return r;
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]!);

async function getPage(base: string, cookie: string, path: string): Promise<string> {
  const r = await fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie } });
  const body = await r.text();
  if (r.status !== 200) throw new Error(`GET ${path}: status ${r.status}`);
  return body;
}

// ---- Who loads what ----------------------------------------------------------------------------------

type Employee = { pegawaiId: number; nip: string; skpId: number; revisi: number; laporan: { id: number; urutan: number; status: string }[] };
type Appraiser = { pegawaiId: number; nip: string; waiting: number[]; drafts: number[] };

/** `n` employees spread over the whole staff (every k-th by id), each with their reports. */
async function pickEmployees(db: Db, siklusId: number, n: number, exclude: number[]): Promise<Employee[]> {
  const r = await db.pool.query<{ pegawai_id: number; nip: string; skp_id: number; revisi: number; laporan: { id: number; urutan: number; status: string }[] }>(
    `WITH e AS (SELECT p.id, p.nip, s.id AS skp_id, s.revisi, row_number() OVER (ORDER BY p.id) AS k, count(*) OVER () AS total
                  FROM pegawai p JOIN skp s ON s.pegawai_id = p.id AND s.siklus_id = $1 WHERE p.aktif AND p.id <> ALL($3::int[]))
     SELECT e.id AS pegawai_id, e.nip, e.skp_id, e.revisi,
            (SELECT json_agg(json_build_object('id', l.id, 'urutan', pp.urutan, 'status', l.status) ORDER BY pp.urutan)
               FROM laporan_periode l JOIN periode pp ON pp.id = l.periode_id WHERE l.skp_id = e.skp_id) AS laporan
       FROM e WHERE (e.k - 1) % greatest(1, e.total / $2) = 0 ORDER BY e.id LIMIT $2`,
    [siklusId, n, exclude],
  );
  return r.rows.map((x) => ({ pegawaiId: x.pegawai_id, nip: x.nip, skpId: x.skp_id, revisi: x.revisi, laporan: x.laporan }));
}

async function appraiserQueues(db: Db, siklusId: number, ids: number[]): Promise<Appraiser[]> {
  const r = await db.pool.query<{ id: number; nip: string; waiting: number[]; drafts: number[] }>(
    `SELECT p.id, p.nip,
            ARRAY(SELECT l.id FROM skp s JOIN laporan_periode l ON l.skp_id = s.id WHERE s.penilai_id = p.id AND s.siklus_id = $1 AND l.status = 'DIAJUKAN' ORDER BY l.id) AS waiting,
            ARRAY(SELECT l.id FROM skp s JOIN laporan_periode l ON l.skp_id = s.id WHERE s.penilai_id = p.id AND s.siklus_id = $1 AND l.status IN ('DRAFT', 'DIKEMBALIKAN') ORDER BY l.id) AS drafts
       FROM pegawai p WHERE p.id = ANY($2::int[]) ORDER BY p.id`,
    [siklusId, ids],
  );
  return r.rows.map((x) => ({ pegawaiId: x.id, nip: x.nip, waiting: x.waiting, drafts: x.drafts }));
}

// ---- Load cells -------------------------------------------------------------------------------------

type PageName = 'ping' | 'laporan' | 'penilaian';
type Page = { name: PageName; label: string; cookies: string[]; pathsByConnection: string[][]; expect: string };
type Cell = {
  page: PageName;
  label: string;
  concurrency: number;
  result: LoadResult;
  appEventLoopUtilization: number;
  perRequest: { appMainThreadMs: number; appMainThreadCpuMs: number; postgresCpuMs: number; statements: number };
  cpuSeconds: { node: number; postgres: number; other: number; available: number };
};

async function measure(db: Db, dataDir: string, appUrl: string, page: Page, c: number): Promise<{ cell: Cell; bad: string | null }> {
  const cookies = page.cookies.slice(0, c);
  const pathsByConnection = page.pathsByConnection.slice(0, c);
  const run = (seconds: number) => load({ url: appUrl, cookies, paths: [], pathsByConnection, connections: c, seconds, timeoutSeconds: TIMEOUT_SECONDS, expect: page.expect });
  process.stdout.write(`${page.label.padEnd(16)} ${String(c).padStart(3)} sessions: warm-up ${WARMUP_SECONDS} s … `);
  const warmup = WARMUP_SECONDS > 0 ? await run(WARMUP_SECONDS) : null;
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
  const cell: Cell = {
    page: page.name,
    label: page.label,
    concurrency: c,
    result,
    appEventLoopUtilization: eluDelta.utilization,
    perRequest: { appMainThreadMs: eluDelta.active / n, appMainThreadCpuMs: (mainCpu * 1000) / n, postgresCpuMs: (pgCpu * 1000) / n, statements: stmts / n },
    cpuSeconds: { node: nodeCpu, postgres: pgCpu, other: Math.max(0, m1.busy - m0.busy - nodeCpu - pgCpu), available: m1.total - m0.total },
  };
  console.log(`${fmt(result.rps, 0)} req/s, p95 ${fmt(result.latencyMs.p95)} ms`);
  const badCount = result.errors + result.timeouts + result.non2xx + result.mismatches + (warmup ? warmup.errors + warmup.timeouts + warmup.non2xx + warmup.mismatches : 0);
  const bad = badCount > 0 ? `${page.label} at ${c}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${result.mismatches} body mismatches ${JSON.stringify(result.statusCounts)} ${result.errorSamples.join('; ')}` : null;
  return { cell, bad };
}

function cellTable(cells: Cell[]): string {
  const head = ['page', ...LOAD_HEAD, 'main ms/req', 'main cpu ms/req', 'pg ms/req', 'stmts/req', 'other cpu'];
  return textTable(
    head,
    cells.map((c) => [
      c.label,
      ...loadColumns(c.concurrency, c.result, c.appEventLoopUtilization),
      fmt(c.perRequest.appMainThreadMs, 2),
      fmt(c.perRequest.appMainThreadCpuMs, 2),
      fmt(c.perRequest.postgresCpuMs, 2),
      fmt(c.perRequest.statements, 1),
      `${fmt((100 * c.cpuSeconds.other) / c.cpuSeconds.available, 0)}%`,
    ]),
  );
}

// ---- Profile: statements per request, EXPLAIN ANALYZE, render ---------------------------------------------

async function profilePage(db: Db, base: string, cookie: string, paths: string[], requests = 60) {
  for (const p of paths) await getPage(base, cookie, p); // warm
  const perStmt = new Map<string, { n: number; sample: { text: string; values: unknown[] } }>();
  const perReq: number[] = [];
  const latency: number[] = [];
  renders.length = 0;
  for (let i = 0; i < requests; i++) {
    capture = [];
    const t0 = performance.now();
    await getPage(base, cookie, paths[i % paths.length]!);
    latency.push(performance.now() - t0);
    await new Promise((r) => setImmediate(r));
    const got = capture;
    capture = null;
    perReq.push(got.length);
    for (const q of got) {
      const k = q.text.replace(/\s+/g, ' ').trim();
      const e = perStmt.get(k) ?? { n: 0, sample: q };
      e.n++;
      perStmt.set(k, e);
    }
  }
  if (CPU_PROFILE) await cpuProfile(`GET ${paths[0]} (with the client's fetch on the same thread)`, async () => { for (let i = 0; i < requests * 3; i++) await getPage(base, cookie, paths[i % paths.length]!); });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  console.log(`\n== profile ${paths[0]}${paths.length > 1 ? ` (+${paths.length - 1} more)` : ''}: ${requests} sequential requests: ${fmt(mean(perReq), 1)} statements/request, latency mean ${fmt(mean(latency), 2)} ms, render mean ${fmt(mean(renders), 2)} ms ==`);
  const rows = [...perStmt.entries()].sort((a, b) => b[1].n - a[1].n);
  for (const [k, v] of rows) console.log(`  ${fmt(v.n / requests, 2)}×  ${k.slice(0, 220)}`);
  const plans: { sql: string; plan: string }[] = [];
  for (const [k, v] of rows) {
    if (!/^\s*(SELECT|WITH)\b/i.test(v.sample.text) || /FOR UPDATE|FOR SHARE/i.test(v.sample.text)) continue;
    try {
      const plan = await db.pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${v.sample.text}`, v.sample.values);
      const text = plan.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n');
      plans.push({ sql: k, plan: text });
      console.log(`\n-- ${k.slice(0, 300)}\n${text}`);
    } catch (e) {
      console.log(`\n-- ${k.slice(0, 200)}\n(EXPLAIN failed: ${(e as Error).message})`);
    }
  }
  return { statementsPerRequest: mean(perReq), latencyMs: mean(latency), renderMs: mean(renders), statements: rows.map(([k, v]) => ({ sql: k, perRequest: v.n / requests })), plans };
}

/** The pages' data called directly, one call at a time: wall time and CPU per call (node, PostgreSQL). */
async function profileComponents(db: Db, dataDir: string, emp: { userId: number; laporanIds: number[] }, appr: { userId: number }, n = 200) {
  const employee = (await loadActor(db.pool, emp.userId))!;
  const appraiser = (await loadActor(db.pool, appr.userId))!;
  const out: Record<string, unknown> = {};
  console.log(`\n== the pages' data called directly (${n} sequential calls each; CPU per call) ==`);
  const time = async (label: string, fn: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await fn(i);
    const wall: number[] = [];
    const s0 = statements;
    const cpu0 = process.cpuUsage();
    const pg0 = postgresCpuSeconds(dataDir);
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await fn(i);
      wall.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpu0);
    wall.sort((a, b) => a - b);
    const r = { wallP50: wall[n >> 1]!, statements: (statements - s0) / n, nodeCpuMs: (cpu.user + cpu.system) / 1e3 / n, pgCpuMs: ((postgresCpuSeconds(dataDir) - pg0) * 1e3) / n };
    out[label] = r;
    console.log(`   ${label.padEnd(58)} wall p50 ${fmt(r.wallP50, 2).padStart(6)} ms  ${fmt(r.statements, 1).padStart(4)} stmts  CPU node ${fmt(r.nodeCpuMs, 2).padStart(5)} ms  pg ${fmt(r.pgCpuMs, 2).padStart(5)} ms`);
    if (CPU_PROFILE) await cpuProfile(label, () => Promise.all(Array.from({ length: n }, (_x, i) => i)).then(async (is) => { for (const i of is) await fn(i); }));
  };
  await time('loadActor (every request)', () => loadActor(db.pool, emp.userId));
  await time('visibleLaporan (the scoped report row)', (i) => visibleLaporan(db, employee, emp.laporanIds[i % emp.laporanIds.length]!));
  const rows = await Promise.all(emp.laporanIds.map((id) => visibleLaporan(db, employee, id)));
  await time('laporanDokumen (everything the page shows)', (i) => laporanDokumen(db, rows[i % rows.length]!, { now: new Date() }));
  await time('visibleLaporan + laporanDokumen', async (i) => laporanDokumen(db, await visibleLaporan(db, employee, emp.laporanIds[i % emp.laporanIds.length]!), { now: new Date() }));
  await time('antrianPage (the queue)', () => antrianPage(db, appraiser, {}));
  return out;
}

/**
 * BENCH_LAPORAN_CPUPROFILE=1: a V8 CPU profile of `run` (the app's main thread), its top functions
 * by self time, to see where a page's CPU goes besides the statements.
 */
async function cpuProfile(label: string, run: () => Promise<unknown>) {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  await run();
  const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[] } };
  session.disconnect();
  const byNode = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  for (const id of profile.samples) {
    const f = byNode.get(id)!.callFrame;
    const k = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${f.lineNumber + 1}`;
    self.set(k, (self.get(k) ?? 0) + 1);
  }
  const total = profile.samples.length || 1;
  const byFile = new Map<string, number>();
  for (const id of profile.samples) {
    const u = byNode.get(id)!.callFrame.url;
    const k = u.includes('/node_modules/') ? `node_modules/${u.split('/node_modules/')[1]!.split('/')[0]}` : u.includes('/src/') ? `src/${u.split('/src/')[1]!.split('/').slice(0, -1).join('/')}` : u.includes('/views/') ? 'views' : u ? u.replace(/^.*\//, '') : byNode.get(id)!.callFrame.functionName;
    byFile.set(k, (byFile.get(k) ?? 0) + 1);
  }
  console.log(`     cpu profile of ${label}: self time by place: ${[...byFile.entries()].sort((a, b) => b[1] - a[1]).slice(0, 22).map(([k, v]) => `${k} ${fmt((100 * v) / total, 1)}%`).join(' · ')}`);
  console.log(`     cpu profile of ${label}: top self time (${total} samples)`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`       ${fmt((100 * v) / total, 1).padStart(5)}%  ${k}`);
}

// ---- Main ------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const startedAt = new Date();
  console.log(`SIKAP report bench: ${EMPLOYEES} employees, four periods of reports; ${SECONDS} s per cell after ${WARMUP_SECONDS} s warm-up, sessions ${CONCURRENCY.join(' and ')}${STAND_IN ? '; STAND-IN pages (/skp/:id/versi/1, /skp/bawahan)' : ''}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`load generator: ${LOAD_GENERATOR}`);
  const stack = await startStack({ employees: EMPLOYEES, log: (m) => console.log(m) });
  const { db, dataset, generationMs, dataDir, appUrl } = stack;
  const failures: string[] = [];
  try {
    let t = performance.now();
    const chosen = await prepareAppraisers(db, SESSIONS, TEAM);
    const prepMs = Math.round(performance.now() - t);
    console.log(`appraisers: ${chosen.ids.length} unit heads (of ${chosen.candidates} with ≥ ${TEAM}) trimmed to ${TEAM} appraisees each; ${chosen.moved} appraisees moved up to their head's appraiser (${prepMs} ms)`);
    if (chosen.ids.length < SESSIONS) failures.push(`only ${chosen.ids.length} appraisers with ${TEAM} appraisees, ${SESSIONS} wanted`);

    t = performance.now();
    const data = await generateLaporan(db, { log: (m) => console.log(m) });
    const laporanMs = Math.round(performance.now() - t);
    console.log(`cycle ${data.tahun} (id ${data.siklusId}) in PELAKSANAAN: ${data.rows.realisasi} realisasi rows; report data in ${fmt(laporanMs / 1000, 1)} s (the org dataset before it: ${fmt(generationMs / 1000, 1)} s)`);

    const employees = await pickEmployees(db, data.siklusId, SESSIONS, chosen.ids);
    const appraisers = await appraiserQueues(db, data.siklusId, chosen.ids);
    t = performance.now();
    const empCookies: string[] = [];
    for (const e of employees) empCookies.push(await login(appUrl, e.nip));
    const apprCookies: string[] = [];
    for (const a of appraisers) apprCookies.push(await login(appUrl, a.nip));
    console.log(`app: ${appUrl} (NODE_ENV=production, pool ${POOL_SIZE}); ${empCookies.length} employee and ${apprCookies.length} appraiser sessions logged in through the form in ${Math.round(performance.now() - t)} ms`);

    // Each page once per login, in full.
    const TAMBAHAN = 'Terdokumentasinya hasil rapat koordinasi lintas unit';
    // A page that does not exist yet (404 for its owner) is replaced by its stand-in, and said so.
    const exists = async (cookie: string, path: string) => (await fetch(`${appUrl}${path}`, { redirect: 'manual', headers: { cookie } }).then(async (r) => (await r.arrayBuffer(), r.status))) !== 404;
    const laporanStandIn = STAND_IN || !(await exists(empCookies[0]!, `/laporan/${employees[0]!.laporan[0]!.id}`));
    const queueStandIn = STAND_IN || !(await exists(apprCookies[0]!, '/penilaian'));
    if (laporanStandIn && !STAND_IN) console.log('NOTE: /laporan/:id answers 404: measuring its stand-in /skp/:id/versi/1 instead');
    if (queueStandIn && !STAND_IN) console.log('NOTE: /penilaian answers 404: measuring its stand-in /skp/bawahan instead');
    const laporanPaths = employees.map((e) => (laporanStandIn ? [`/skp/${e.skpId}/versi/1`] : e.laporan.map((l) => `/laporan/${l.id}`)));
    const queuePath = queueStandIn ? '/skp/bawahan' : '/penilaian';
    let laporanBytes = 0;
    for (const [i, e] of employees.entries()) {
      for (const path of laporanPaths[i]!) {
        const body = await getPage(appUrl, empCookies[i]!, path);
        laporanBytes = Math.max(laporanBytes, body.length);
        if (!body.includes(escapeHtml(TAMBAHAN))) failures.push(`${path} (pegawai ${e.pegawaiId}): the TAMBAHAN RHK is missing`);
      }
    }
    let queueBytes = 0;
    const waitingCounts: number[] = [];
    for (const [i, a] of appraisers.entries()) {
      const body = await getPage(appUrl, apprCookies[i]!, queuePath);
      queueBytes = Math.max(queueBytes, body.length);
      waitingCounts.push(a.waiting.length);
      if (!queueStandIn) {
        for (const id of a.waiting) if (!body.includes(`/penilaian/${id}`)) failures.push(`${queuePath} (appraiser ${a.pegawaiId}): submitted report ${id} not listed`);
        for (const id of a.drafts) if (body.includes(`/penilaian/${id}"`)) failures.push(`${queuePath} (appraiser ${a.pegawaiId}): draft or returned report ${id} listed`);
      }
    }
    const wsorted = [...waitingCounts].sort((x, y) => x - y);
    console.log(`page checks: ${laporanPaths.flat().length} report pages (up to ${laporanBytes} bytes), ${appraisers.length} queues (up to ${queueBytes} bytes; submitted reports waiting per appraiser ${wsorted[0]}–${wsorted[wsorted.length - 1]}, median ${wsorted[wsorted.length >> 1]}): ${failures.length ? 'FAIL' : 'ok'}`);
    for (const f of failures.slice(0, 10)) console.log(`  ${f}`);
    if (failures.length) throw new Error(`checks failed before load:\n  ${failures.join('\n  ')}`);

    const pages: Page[] = [
      { name: 'ping', label: '/ping (floor)', cookies: empCookies, pathsByConnection: employees.map(() => ['/ping']), expect: '<p>OK</p>' },
      { name: 'laporan', label: laporanStandIn ? '/skp/:id/versi/1' : '/laporan/:id', cookies: empCookies, pathsByConnection: laporanPaths, expect: escapeHtml(TAMBAHAN) },
      { name: 'penilaian', label: queuePath, cookies: apprCookies, pathsByConnection: appraisers.map(() => [queuePath]), expect: '</main>' },
    ];
    const cells: Cell[] = [];
    for (const c of CONCURRENCY) {
      for (const page of pages) {
        const { cell, bad } = await measure(db, dataDir, appUrl, page, c);
        cells.push(cell);
        if (bad) failures.push(bad);
      }
    }

    console.log('\n' + cellTable(cells));
    const cell = (p: PageName, c: number) => cells.find((x) => x.page === p && x.concurrency === c);
    const ratios: Record<string, Record<string, number | null>> = {};
    for (const p of ['laporan', 'penilaian'] as const) {
      ratios[p] = {};
      for (const c of CONCURRENCY) {
        const a = cell(p, c);
        const f = cell('ping', c);
        ratios[p]![String(c)] = a && f && f.result.rps > 0 ? Math.round((a.result.rps / f.result.rps) * 1000) / 1000 : null;
      }
    }
    const label = (p: PageName) => pages.find((x) => x.name === p)!.label;
    console.log(`\npage/ping req/s: ${(['laporan', 'penilaian'] as const).map((p) => `${label(p)} ${CONCURRENCY.map((c) => `${fmt(ratios[p]![String(c)] ?? null, 3)} at ${c}`).join(', ')}`).join('; ')}`);
    const cpuRatio = (p: PageName, c: number) => (cell('ping', c)?.perRequest.appMainThreadCpuMs ?? NaN) / (cell(p, c)?.perRequest.appMainThreadCpuMs ?? NaN);
    console.log(`main-thread CPU per request, ping/page (what the req/s ratio tends to when the app's thread is the bottleneck): ${(['laporan', 'penilaian'] as const).map((p) => `${label(p)} ${CONCURRENCY.map((c) => `${fmt(cpuRatio(p, c), 3)} at ${c}`).join(', ')}`).join('; ')}`);
    const targets: { what: string; value: number | null; pass: boolean | null }[] = [];
    for (const p of ['laporan', 'penilaian'] as const) {
      const r = ratios[p]![String(RATIO_AT)] ?? null;
      targets.push({ what: `${label(p)} req/s at ${RATIO_AT} sessions ≥ ${TARGET_RATIO} × /ping`, value: r, pass: r === null ? null : r >= TARGET_RATIO });
      const a = cell(p, 10);
      if (a) targets.push({ what: `${label(p)} p95 at 10 sessions (reported; < ${TARGET_P95_MS} ms as the earlier pages)`, value: a.result.latencyMs.p95, pass: a.result.latencyMs.p95 === null ? null : a.result.latencyMs.p95 < TARGET_P95_MS });
    }
    for (const x of targets) console.log(`target: ${x.what}: ${x.value ?? '–'} → ${x.pass === null ? 'not measured' : x.pass ? 'PASS' : 'FAIL'}`);
    const available = cells.reduce((a, c) => a + c.cpuSeconds.available, 0);
    const other = cells.reduce((a, c) => a + c.cpuSeconds.other, 0);
    const sharedMachine = available > 0 && other / available > 0.1;
    if (sharedMachine) console.log(`WARNING: other processes used ${fmt((100 * other) / available, 0)}% of the machine's CPU during the measured runs; the figures are pessimistic. Re-run on a quiet machine.`);

    let profile: Record<string, unknown> | null = null;
    if (PROFILE) {
      profile = {
        laporan: await profilePage(db, appUrl, empCookies[0]!, laporanPaths[0]!),
        penilaian: await profilePage(db, appUrl, apprCookies[0]!, [queuePath]),
        ping: await profilePage(db, appUrl, empCookies[0]!, ['/ping']),
        components: await profileComponents(
          db,
          dataDir,
          { userId: (await db.pool.query<{ id: number }>('SELECT id FROM app_user WHERE pegawai_id = $1', [employees[0]!.pegawaiId])).rows[0]!.id, laporanIds: employees[0]!.laporan.map((l) => l.id) },
          { userId: (await db.pool.query<{ id: number }>('SELECT id FROM app_user WHERE pegawai_id = $1', [appraisers[0]!.pegawaiId])).rows[0]!.id },
        ),
      };
    }
    if (failures.length) {
      console.log(`\nFAILURES:`);
      for (const f of failures) console.log(`  ${f}`);
    }
    const report = {
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, platform: process.platform, loadAverageAtEnd: loadavg() },
      loadGenerator: LOAD_GENERATOR,
      settings: { employees: EMPLOYEES, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, timeoutSeconds: TIMEOUT_SECONDS, concurrency: CONCURRENCY, poolSize: POOL_SIZE, nodeEnv: 'production', standIn: { laporan: laporanStandIn, penilaian: queueStandIn }, team: TEAM },
      dataset: { ...dataset, generationMs },
      appraisers: { ...chosen, ms: prepMs, waiting: waitingCounts },
      laporan: { ...data, wallMs: laporanMs },
      employees: employees.map((e) => ({ pegawaiId: e.pegawaiId, skpId: e.skpId, revisi: e.revisi, laporan: e.laporan })),
      cells,
      ratios,
      targets,
      failures,
      otherCpuShare: available > 0 ? other / available : null,
      sharedMachine,
      profile,
    };
    writeResults('laporan-', startedAt, report);
    return failures.length > 0 ? 1 : 0;
  } finally {
    await stack.cleanup();
  }
}

runBench(main);
