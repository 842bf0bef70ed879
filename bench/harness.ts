// Shared by bench/run.ts, bench/profile.ts and bench/skp.ts: a throwaway embedded PostgreSQL with the generated
// dataset, the real app in production mode, sessions through the real login form, autocannon in a
// worker thread, and a few machine measurements.

import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { once } from 'node:events';
import { startEmbeddedPostgres, type EmbeddedDb } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createDb, type Db } from '../src/db/client.js';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/app.js';
import { limitHeapGrowth } from '../src/heap.js';
import { BENCH_ADMIN, BENCH_PASSWORD, generateDataset, type GenerateResult } from './generate.js';

const ROOT = resolve(import.meta.dirname, '..');
const WORKER = resolve(import.meta.dirname, 'load-worker.mjs');
export const POOL_SIZE = 20; // as src/server.ts

export type LoadResult = {
  durationSeconds: number;
  requests: number;
  rps: number;
  latencyMs: { mean: number | null; p50: number | null; p95: number | null; p99: number | null; max: number | null };
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  resets: number;
  statusCounts: Record<string, number>;
  errorSamples: string[];
  bytesPerResponse: number;
};

export type Stack = {
  db: Db;
  dbUrl: string;
  dataDir: string;
  pgPort: number;
  pgStartMs: number;
  dataset: GenerateResult;
  generationMs: number;
  /** The app on a free loopback port (production config). */
  appUrl: string;
  cleanup: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

/**
 * Embedded PostgreSQL in a fresh folder under .data/bench-pg, migrated and filled with the
 * dataset, and the app listening on it. `cleanup` stops everything and deletes the folder; it is
 * also run on SIGINT/SIGTERM.
 */
export async function startStack(opts: { employees: number; log: (m: string) => void }): Promise<Stack> {
  limitHeapGrowth(); // as the server does (src/heap.ts)
  const base = resolve(ROOT, '.data/bench-pg');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'run-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the system user `postgres`
  const dataDir = join(dir, 'data');
  let embedded: EmbeddedDb | null = null;
  let db: Db | null = null;
  let server: Server | null = null;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    if (db) await drain(db);
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((r) => server!.close(() => r()));
    }
    if (db) {
      // pool.end() resolves before the backends have gone; without a listener, PostgreSQL's
      // "terminating connection due to administrator command" on stop would crash the process.
      db.pool.on('error', () => undefined);
      await db.close().catch(() => undefined);
    }
    if (embedded) await embedded.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    let t = performance.now();
    const pgPort = await freePort();
    embedded = await startEmbeddedPostgres({ dataDir, port: pgPort, database: 'sikap_bench', log: (m) => console.error(m) });
    const pgStartMs = Math.round(performance.now() - t);
    await migrate(embedded.url);
    db = createDb(embedded.url, POOL_SIZE);
    opts.log(`PostgreSQL: embedded, port ${pgPort}, started in ${pgStartMs} ms; migrated`);

    t = performance.now();
    const dataset = await generateDataset(db.pool, { employees: opts.employees });
    const generationMs = Math.round(performance.now() - t);
    opts.log(
      `dataset: ${dataset.units} units (per level ${dataset.unitsByLevel.join('/')}), ${dataset.jabatan} jabatan, ${dataset.pegawai} pegawai (${dataset.pppk} PPPK), ${dataset.users} users — generated in ${generationMs} ms ` +
        `(plan+hash ${dataset.ms.plan} ms, insert ${dataset.ms.write} ms, VACUUM ANALYZE ${dataset.ms.analyze} ms)`,
    );

    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: embedded.url, SESSION_SECRET: 'x'.repeat(40) });
    const app = createApp({ config, db });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { db, dbUrl: embedded.url, dataDir, pgPort, pgStartMs, dataset, generationMs, appUrl, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

// ---- Search mix -----------------------------------------------------------------------------------

export const FRAGMENTS = ['sari', 'putra', 'wati', 'nur', 'hidayat', 'siti'];

/** Common name fragments (page 1, and page 2 of one) and listing pages spread over the whole range. */
export async function searchMix(db: Db, employees: number) {
  const matches = await db.pool.query<{ f: string; n: number }>(
    `SELECT f, (SELECT count(*)::int FROM pegawai WHERE aktif AND nama ILIKE '%' || f || '%') AS n FROM unnest($1::text[]) AS f`,
    [FRAGMENTS],
  );
  const pages = Math.max(1, Math.ceil(employees / 50));
  const pageNos = [...new Set([1, 2, 3, 5, 10, 25, 50, 100, 200, 300, pages].filter((p) => p <= pages))];
  // Pages after the first are reached the way the page links them: "next" carries the id of the
  // previous page's last row (keyset), so the URL of page N names the row at position (N-1)×50.
  const lastOf = async (page: number, fragment?: string) =>
    (
      await db.pool.query<{ id: number }>(
        `SELECT id FROM pegawai WHERE aktif ${fragment ? "AND nama ILIKE '%' || $2 || '%'" : ''} ORDER BY nama, id OFFSET $1 LIMIT 1`,
        fragment ? [(page - 1) * 50 - 1, fragment] : [(page - 1) * 50 - 1],
      )
    ).rows[0]?.id;
  // A page is only in the mix when it exists (the previous page is full).
  const page2 = await lastOf(2, FRAGMENTS[0]);
  const listing = await Promise.all(pageNos.map(async (p) => (p === 1 ? '/pegawai' : `/pegawai?page=${p}&setelah=${await lastOf(p)}`)));
  const paths = [
    ...FRAGMENTS.map((f) => `/pegawai?q=${f}`),
    ...(page2 === undefined ? [] : [`/pegawai?q=${FRAGMENTS[0]}&page=2&setelah=${page2}`]),
    ...listing.filter((u) => !u.endsWith('setelah=undefined')),
  ];
  return { paths, matches: matches.rows, pages, pageNos };
}

// ---- Sessions through the real login form ------------------------------------------------------

const sidCookie = (res: Response): string | null => {
  for (const c of res.headers.getSetCookie()) {
    const m = /^(sikap\.sid=[^;]+)/.exec(c);
    if (m) return m[1]!;
  }
  return null;
};

/**
 * GET /login → _csrf → POST /login as `loginName` (default the admin; an employee logs in with
 * their NIP), with BENCH_PASSWORD; returns the session cookie ("sikap.sid=…").
 */
export async function login(base: string, loginName: string = BENCH_ADMIN): Promise<string> {
  const form = await fetch(`${base}/login`, { redirect: 'manual' });
  const html = await form.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const pre = sidCookie(form);
  if (form.status !== 200 || !token || !pre) throw new Error(`GET /login: status ${form.status}, token ${token ? 'found' : 'missing'}, cookie ${pre ? 'set' : 'missing'}`);
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pre },
    body: new URLSearchParams({ _csrf: token, login: loginName, password: BENCH_PASSWORD }).toString(),
  });
  await res.arrayBuffer();
  const cookie = sidCookie(res);
  if (res.status !== 303 || !cookie) throw new Error(`POST /login as ${loginName}: status ${res.status}, cookie ${cookie ? 'set' : 'missing'}`);
  // First authenticated request: the session gets its CSRF token saved once, outside any measurement.
  const ping = await fetch(`${base}/ping`, { redirect: 'manual', headers: { cookie } });
  await ping.arrayBuffer();
  if (ping.status !== 200) throw new Error(`GET /ping after login: status ${ping.status}`);
  return cookie;
}

/** `n` distinct sessions of the same login (default the admin). */
export async function loginMany(base: string, n: number, loginName: string = BENCH_ADMIN): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < n; i++) cookies.push(await login(base, loginName));
  if (new Set(cookies).size !== cookies.length) throw new Error('login returned the same session twice');
  return cookies;
}

// ---- Load ----------------------------------------------------------------------------------------

/**
 * What the load sends as Accept-Encoding (`BENCH_ACCEPT_ENCODING`, e.g. `gzip, deflate, br` as
 * browsers do); empty (the default) asks for uncompressed pages.
 */
export const ACCEPT_ENCODING = process.env.BENCH_ACCEPT_ENCODING ?? '';

/**
 * One autocannon run in a worker thread: `connections` connections, connection i uses cookies[i]
 * and cycles through `paths` (or through its own `pathsByConnection[i]`).
 * autocannon cannot decompress, so with ACCEPT_ENCODING set it checks no bodies; instead each
 * path is fetched once first, decompressed, and must hold `expect` and come compressed.
 */
export async function load(opts: { url: string; cookies: string[]; paths: string[]; pathsByConnection?: string[][]; connections: number; seconds: number; timeoutSeconds?: number; expect?: string }): Promise<LoadResult> {
  if (ACCEPT_ENCODING && opts.expect) {
    const checks = opts.pathsByConnection ? opts.pathsByConnection.flatMap((ps, i) => ps.map((path) => ({ path, cookie: opts.cookies[i % opts.cookies.length]! }))) : [...new Set(opts.paths)].map((path) => ({ path, cookie: opts.cookies[0]! }));
    for (const { path, cookie } of checks) {
      const res = await fetch(opts.url + path, { headers: { cookie, 'accept-encoding': ACCEPT_ENCODING } });
      const body = await res.text();
      if (!body.includes(opts.expect)) throw new Error(`${path}: the decompressed body lacks ${JSON.stringify(opts.expect)}`);
      if (!res.headers.get('content-encoding')) throw new Error(`${path}: not compressed although the load asks for ${ACCEPT_ENCODING}`);
    }
  }
  const worker = new Worker(WORKER, {
    workerData: {
      url: opts.url, cookies: opts.cookies, paths: opts.paths, pathsByConnection: opts.pathsByConnection, connections: opts.connections, seconds: opts.seconds, timeoutSeconds: opts.timeoutSeconds ?? 10,
      expect: ACCEPT_ENCODING ? undefined : opts.expect, acceptEncoding: ACCEPT_ENCODING,
    },
  });
  try {
    const [msg] = (await Promise.race([once(worker, 'message'), once(worker, 'error').then(([e]) => Promise.reject(e))])) as [LoadResult];
    return msg;
  } finally {
    await worker.terminate();
  }
}

/** Waits until no request still holds or waits for a database connection (aborted requests finish). */
export async function drain(db: Db): Promise<void> {
  const until = Date.now() + 15_000;
  let quiet = 0;
  while (quiet < 10 && Date.now() < until) {
    const p = db.pool;
    quiet = p.waitingCount === 0 && p.idleCount === p.totalCount ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 25));
  }
}

// ---- Machine measurements ------------------------------------------------------------------------

/** CPU seconds (user + system) of the embedded PostgreSQL: the postmaster and its children. */
export function postgresCpuSeconds(dataDir: string): number {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return NaN;
  }
  const TICKS = 100; // USER_HZ on Linux
  let ticks = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
      if (Number(d) === postmaster || Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]); // utime, stime
    } catch {
      /* process ended meanwhile */
    }
  }
  return ticks / TICKS;
}

/**
 * CPU seconds (user + system) of this process's main thread, where the app runs (Linux: the
 * main thread's task has the process id). Unlike the event loop's busy time, it does not grow
 * while the thread waits for a CPU that other processes hold, so it holds up on a shared machine.
 */
export function mainThreadCpuSeconds(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in USER_HZ
  } catch {
    return NaN;
  }
}

/** Busy and total CPU seconds of the whole machine (all CPUs), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0); // user nice system idle iowait irq softirq steal
  const idle = f[3]! + f[4]!;
  return { busy: (total - idle) / 100, total: total / 100 };
}

// ---- Output --------------------------------------------------------------------------------------

export const fmt = (v: number | null | undefined, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v.toFixed(d));

/** A plain text table: the first `leftCols` columns left-aligned, the rest right-aligned. */
export function textTable(head: string[], rows: string[][], leftCols = 1): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i < leftCols ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The columns every load cell shows, after the page's name. */
export const LOAD_HEAD = ['sessions', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests', 'errors', 'timeouts', 'non-2xx', 'mismatch', 'app ELU', 'KB/resp'];
export function loadColumns(concurrency: number, r: LoadResult, elu: number): string[] {
  return [
    String(concurrency), fmt(r.rps, 0), fmt(r.latencyMs.p50), fmt(r.latencyMs.p95), fmt(r.latencyMs.p99), fmt(r.latencyMs.max),
    String(r.requests), String(r.errors), String(r.timeouts), String(r.non2xx), String(r.mismatches), fmt(elu, 2), fmt(r.bytesPerResponse / 1024, 1),
  ];
}

/** Writes a run's report to bench/results/<prefix><start time>.json and says where. */
export function writeResults(prefix: string, startedAt: Date, report: unknown): string {
  const outDir = resolve(import.meta.dirname, 'results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${prefix}${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`results: ${file}`);
  return file;
}

/** Runs a benchmark's main and exits with its code (1 on an error, printed). */
export function runBench(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}

// ---- Settings every load bench reads ----------------------------------------------------------------

/** A number from the environment (a blank or missing one is the default); refused below 0 (or at 0 with `positive`). */
export function envNum(name: string, dflt: number, positive = false): number {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || (positive && n === 0)) throw new Error(`${name} must be a ${positive ? 'positive' : 'non-negative'} number (got ${v})`);
  return n;
}

/**
 * The settings of a load bench: dataset size (the first argument or BENCH_EMPLOYEES, at least
 * `minEmployees`), seconds per cell, warm-up, request timeout and the session counts.
 */
export function loadSettings(minEmployees: number, opts: { positive?: boolean } = {}) {
  const positive = opts.positive ?? false;
  const EMPLOYEES = Math.floor(process.argv[2] ? Number(process.argv[2]) : envNum('BENCH_EMPLOYEES', 20_000, positive));
  const SECONDS = envNum('BENCH_SECONDS', 10, positive);
  const WARMUP_SECONDS = envNum('BENCH_WARMUP_SECONDS', 3, positive);
  const TIMEOUT_SECONDS = envNum('BENCH_TIMEOUT_SECONDS', 10, positive);
  const CONCURRENCY = (process.env.BENCH_CONCURRENCY || '10,50').split(',').map((x) => Math.floor(Number(x.trim())));
  if (!Number.isSafeInteger(EMPLOYEES) || EMPLOYEES < minEmployees) throw new Error(`employees must be an integer ≥ ${minEmployees} (got ${process.argv[2] ?? process.env.BENCH_EMPLOYEES})`);
  if (CONCURRENCY.some((c) => !Number.isSafeInteger(c) || c < 1)) throw new Error('BENCH_CONCURRENCY must be a list of positive integers');
  return { EMPLOYEES, SECONDS, WARMUP_SECONDS, TIMEOUT_SECONDS, CONCURRENCY };
}

/** One page's load at one concurrency, with the app's event-loop utilisation over it. */
export type PageCell = { page: string; concurrency: number; result: LoadResult; elu: number };

/**
 * Each page under load at each concurrency, in turn (warm-up, then the measured run, the
 * database drained of background work before and after): the cells, printed as a table; a run
 * with errors, timeouts, non-2xx answers or pages without `expect` adds to `failures`. Then the
 * ratio of the second page's requests per second to the first's (the floor) at `ratioAt` sessions.
 */
export async function measurePages(
  db: Db,
  o: { url: string; cookies: string[]; pages: { page: string; paths: string[]; expect: string }[]; concurrency: number[]; warmupSeconds: number; seconds: number; timeoutSeconds: number; ratioAt: number },
  failures: string[],
): Promise<{ cells: PageCell[]; ratio: number }> {
  const cells: PageCell[] = [];
  for (const c of o.concurrency) {
    for (const p of o.pages) {
      const run = (seconds: number) => load({ url: o.url, cookies: o.cookies.slice(0, c), paths: p.paths, connections: c, seconds, timeoutSeconds: o.timeoutSeconds, expect: p.expect });
      process.stdout.write(`${p.page.padEnd(28)} ${String(c).padStart(3)} sessions: warm-up … `);
      if (o.warmupSeconds > 0) await run(o.warmupSeconds);
      await drain(db);
      const elu0 = performance.eventLoopUtilization();
      const result = await run(o.seconds);
      const elu = performance.eventLoopUtilization(elu0).utilization;
      await drain(db);
      console.log(`${fmt(result.rps, 0)} req/s, p95 ${fmt(result.latencyMs.p95)} ms`);
      if (result.errors + result.timeouts + result.non2xx + result.mismatches > 0) failures.push(`${p.page} at ${c}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${result.mismatches} mismatches`);
      cells.push({ page: p.page, concurrency: c, result, elu });
    }
  }
  console.log('\n' + textTable(['page', ...LOAD_HEAD], cells.map((c) => [c.page, ...loadColumns(c.concurrency, c.result, c.elu)])));
  const rps = (page: string | undefined, c: number) => cells.find((x) => x.page === page && x.concurrency === c)?.result.rps ?? NaN;
  return { cells, ratio: rps(o.pages[1]?.page, o.ratioAt) / rps(o.pages[0]?.page, o.ratioAt) };
}
