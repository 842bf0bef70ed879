// `npx tsx bench/profile.ts [employees]`: where the time of /pegawai and /ping goes.
//
// On the same throwaway stack as `npm run bench` (bench/harness.ts), prints:
//  1. EXPLAIN (ANALYZE, BUFFERS) of every statement searchPegawai issues for each URL of the
//     search mix, and of the per-request statements (session, actor, units dropdown);
//  2. for sequential requests (one at a time) of each page: the statements per request with their
//     round-trip times, the EJS render time, and the end-to-end latency;
//  3. a CPU profile of the app's main thread under load (10 sessions, BENCH_PROFILE_SECONDS,
//     default 5 s) for each page: self time by package and the top functions.
// Nothing here changes src/; instrumentation wraps pg.Client.prototype.query and express's
// res.render in this process only.

import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import pg from 'pg';
import express from 'express';
import { loadActor } from '../src/modules/auth/authenticate.js';
import { searchPegawai } from '../src/modules/org/pegawai-service.js';
import { pegawaiQuery } from '../src/modules/org/schemas.js';
import type { Db } from '../src/db/client.js';
import { sqlOn } from '../src/db/sql.js';
import { drain, load, loginMany, postgresCpuSeconds, searchMix, startStack } from './harness.js';

const EMPLOYEES = Math.floor(Number(process.argv[2] ?? process.env.BENCH_EMPLOYEES ?? 20_000));
const PROFILE_SECONDS = Number(process.env.BENCH_PROFILE_SECONDS ?? 5);
const SEQUENTIAL = Number(process.env.BENCH_PROFILE_REQUESTS ?? 200);

// ---- Instrumentation (this process only) ----------------------------------------------------------

type Q = { sql: string; ms: number };
let recording: Q[] | null = null;
const origQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const rec = recording;
  if (!rec) return origQuery.apply(this, args);
  const first = args[0];
  const sql = typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '?');
  const t0 = performance.now();
  const done = (ok: boolean) => rec.push({ sql: ok ? sql : `(failed) ${sql}`, ms: performance.now() - t0 });
  const last = args[args.length - 1];
  if (typeof last === 'function') {
    // pg-pool passes a callback
    args[args.length - 1] = function (this: unknown, err: unknown, ...rest: unknown[]) {
      done(!err);
      return (last as (...a: unknown[]) => unknown).call(this, err, ...rest);
    };
    return origQuery.apply(this, args);
  }
  const r = origQuery.apply(this, args);
  if (r && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).then(() => done(true), () => done(false));
  return r;
};

const renders: { view: string; ms: number }[] = [];
const resProto = express.response as unknown as { render: (...a: unknown[]) => unknown };
const origRender = resProto.render;
resProto.render = function (this: unknown, ...args: unknown[]) {
  const t0 = performance.now();
  const r = origRender.apply(this, args); // EJS with the view cache renders synchronously here
  renders.push({ view: String(args[0]), ms: performance.now() - t0 });
  return r;
};

const shape = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 110);
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const p = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  return { n: s.length, mean: s.reduce((a, b) => a + b, 0) / (s.length || 1), p50: p(0.5), p95: p(0.95) };
};
const f1 = (n: number) => n.toFixed(2);

// ---- 1. Plans ----------------------------------------------------------------------------------------

async function explainSearch(db: Db, paths: string[]) {
  const admin = await db.pool.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'admin'`);
  const actor = (await loadActor(db.pool, admin.rows[0]!.id))!;
  console.log('\n== 1. EXPLAIN ANALYZE of the search statements (admin actor) ==');
  for (const path of paths) {
    const query = pegawaiQuery.parse(Object.fromEntries(new URL(path, 'http://x').searchParams));
    const captured: { text: string; values: unknown[] }[] = [];
    // the service sends named statements ({ name, text, values }) through db.sql
    const spyPool = {
      query: (q: string | { text: string; values?: unknown[] }, values?: unknown[]) => {
        const text = typeof q === 'string' ? q : q.text;
        const vals = typeof q === 'string' ? (values ?? []) : (q.values ?? []);
        captured.push({ text, values: vals });
        return db.pool.query(text, vals);
      },
    };
    const spy = { ...db, pool: spyPool, sql: sqlOn(spyPool as unknown as pg.Pool) } as unknown as Db;
    await searchPegawai(spy, actor, query);
    console.log(`\n-- ${path}`);
    for (const c of captured) {
      // The app's named statements settle on PostgreSQL's generic plan after five executions
      // (pg_prepared_statements.generic_plans); show that plan, not a custom one.
      const client = await db.pool.connect();
      let lines: string[];
      try {
        await client.query('SET plan_cache_mode = force_generic_plan');
        await client.query(`PREPARE profile_stmt AS ${c.text}`);
        const args = c.values.map((v) => (typeof v === 'number' ? String(v) : client.escapeLiteral(String(v)))).join(', ');
        lines = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE profile_stmt${args ? `(${args})` : ''}`)).rows.map((r) => r['QUERY PLAN']);
      } finally {
        await client.query('DEALLOCATE profile_stmt').catch(() => undefined);
        await client.query('RESET plan_cache_mode');
        client.release();
      }
      const kind = c.text.includes('WITH m AS') ? 'matches: count + page' : 'count + page';
      console.log(`   [${kind}] ${lines.filter((l) => /Execution Time|Planning Time/.test(l)).join('; ')}`);
      for (const l of lines.filter((l) => !/Execution Time|Planning Time|Buffers: shared hit=\d+$/.test(l)).slice(0, 40)) console.log(`      ${l}`);
    }
  }
  const other: [string, string, unknown[]][] = [
    ['units dropdown (Prisma findMany orderBy path)', `SELECT id, nama, path FROM unit_kerja ORDER BY path`, []],
    [
      'session load (connect-pg-simple)',
      `SELECT sess FROM "session" WHERE sid = (SELECT sid FROM "session" LIMIT 1) AND expire >= to_timestamp($1)`,
      [Date.now() / 1000],
    ],
  ];
  for (const [label, sql, params] of other) {
    const plan = await db.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE) ${sql}`, params);
    console.log(`\n-- ${label}: ${plan.rows.map((r) => r['QUERY PLAN']).filter((l) => /Execution Time/.test(l)).join('')}`);
  }
}

// ---- 2. Sequential requests ------------------------------------------------------------------------

async function sequential(appUrl: string, dataDir: string, cookie: string, label: string, paths: string[]) {
  const perRequest: Q[][] = [];
  const total: number[] = [];
  renders.length = 0;
  const cpu0 = process.cpuUsage();
  const pg0 = postgresCpuSeconds(dataDir);
  for (let i = 0; i < SEQUENTIAL; i++) {
    const path = paths[i % paths.length]!;
    const rec: Q[] = [];
    recording = rec;
    const t0 = performance.now();
    const res = await fetch(appUrl + path, { headers: { cookie }, redirect: 'manual' });
    await res.arrayBuffer();
    total.push(performance.now() - t0);
    recording = null;
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    perRequest.push(rec);
  }
  const cpu = process.cpuUsage(cpu0);
  const nodeMs = ((cpu.user + cpu.system) / 1e3) / SEQUENTIAL;
  const pgMs = ((postgresCpuSeconds(dataDir) - pg0) * 1e3) / SEQUENTIAL;
  const byShape = new Map<string, number[]>();
  for (const r of perRequest) for (const q of r) (byShape.get(shape(q.sql)) ?? byShape.set(shape(q.sql), []).get(shape(q.sql))!).push(q.ms);
  const e2e = stats(total);
  const rend = stats(renders.map((r) => r.ms));
  console.log(`\n-- ${label}: ${SEQUENTIAL} sequential requests; end-to-end mean ${f1(e2e.mean)} ms, p50 ${f1(e2e.p50)}, p95 ${f1(e2e.p95)}; statements per request ${f1(perRequest.reduce((a, r) => a + r.length, 0) / perRequest.length)}; res.render mean ${f1(rend.mean)} ms (p95 ${f1(rend.p95)})`);
  console.log(`   CPU per request: node ${f1(nodeMs)} ms (app + fetch client), PostgreSQL ${f1(pgMs)} ms (10 ms tick resolution, averaged)`);
  for (const [sql, ms] of [...byShape.entries()].sort((a, b) => b[1].reduce((x, y) => x + y, 0) - a[1].reduce((x, y) => x + y, 0))) {
    const s = stats(ms);
    console.log(`   ${String((s.n / SEQUENTIAL).toFixed(2)).padStart(5)}×/req  mean ${f1(s.mean).padStart(6)} ms  p95 ${f1(s.p95).padStart(6)} ms  ${sql}`);
  }
}

// ---- 2b. Components, called directly ------------------------------------------------------------------

async function components(db: Db, dataDir: string, paths: string[]) {
  const admin = await db.pool.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'admin'`);
  const actor = (await loadActor(db.pool, admin.rows[0]!.id))!;
  const N = SEQUENTIAL;
  const time = async (label: string, fn: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await fn(i); // warm
    const wall: number[] = [];
    const cpu0 = process.cpuUsage();
    const pg0 = postgresCpuSeconds(dataDir);
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      await fn(i);
      wall.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpu0);
    const pgMs = ((postgresCpuSeconds(dataDir) - pg0) * 1e3) / N;
    const s = stats(wall);
    console.log(`   ${label.padEnd(58)} wall p50 ${f1(s.p50).padStart(6)} ms  p95 ${f1(s.p95).padStart(6)} ms   CPU node ${f1((cpu.user + cpu.system) / 1e3 / N).padStart(5)} ms  pg ${f1(pgMs).padStart(5)} ms`);
  };
  console.log('\n== 2b. Components called directly (sequential; CPU per call) ==');
  await time('loadActor (passport deserializeUser, every request)', () => loadActor(db.pool, actor.userId));
  await time('units dropdown via Prisma (unitKerja.findMany, /pegawai)', () => db.prisma.unitKerja.findMany({ orderBy: { path: 'asc' }, select: { id: true, nama: true, path: true } }));
  await time('units dropdown via pg (same SQL, for comparison)', () => db.pool.query('SELECT id, nama, path FROM unit_kerja ORDER BY path'));
  const queries = paths.map((p) => pegawaiQuery.parse(Object.fromEntries(new URL(p, 'http://x').searchParams)));
  await time('searchPegawai, whole search mix (1 statement)', (i) => searchPegawai(db, actor, queries[i % queries.length]!));
  const qOnly = queries.filter((q) => q.q);
  await time('searchPegawai, name fragments only', (i) => searchPegawai(db, actor, qOnly[i % qOnly.length]!));
  const pageOnly = queries.filter((q) => !q.q);
  await time('searchPegawai, listing pages only', (i) => searchPegawai(db, actor, pageOnly[i % pageOnly.length]!));
}

// ---- 3. CPU profile under load ------------------------------------------------------------------------

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };

const APP_SRC = resolve(import.meta.dirname, '../src') + '/';

function summarise(profile: { nodes: Node[]; samples?: number[]; timeDeltas?: number[] }, label: string) {
  const totalHits = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0) || 1;
  const pkg = (url: string) => {
    if (!url) return '(native/gc/idle)';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1]!;
    if (url.includes(APP_SRC)) return 'app src/';
    if (url.startsWith('node:')) return 'node core';
    return url.replace(/^file:\/\//, '').slice(0, 60);
  };
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const h = n.hitCount ?? 0;
    if (!h) continue;
    const name = n.callFrame.functionName || '(anonymous)';
    const p = name === '(idle)' ? '(idle)' : name === '(garbage collector)' ? '(gc)' : name === '(program)' ? '(program)' : pkg(n.callFrame.url);
    byPkg.set(p, (byPkg.get(p) ?? 0) + h);
    const key = `${name} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/main\//, '')}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + h);
  }
  const idle = byPkg.get('(idle)') ?? 0;
  const busy = totalHits - idle;
  console.log(`\n-- ${label}: main thread busy ${((100 * busy) / totalHits).toFixed(0)}% of samples; self time by package (share of busy time):`);
  for (const [p, h] of [...byPkg.entries()].filter(([p]) => p !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`   ${((100 * h) / busy).toFixed(1).padStart(5)}%  ${p}`);
  console.log(`   top functions by self time:`);
  for (const [fn, h] of [...byFn.entries()].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`   ${((100 * h) / busy).toFixed(1).padStart(5)}%  ${fn}`);
}

async function cpuProfile(db: Db, appUrl: string, cookies: string[], label: string, paths: string[], expect: string) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await load({ url: appUrl, cookies, paths, connections: cookies.length, seconds: 2, expect }); // warm-up
  await drain(db);
  await session.post('Profiler.start');
  const r = await load({ url: appUrl, cookies, paths, connections: cookies.length, seconds: PROFILE_SECONDS, expect });
  const { profile } = await session.post('Profiler.stop');
  await drain(db);
  session.disconnect();
  console.log(`\n${label}: ${r.rps} req/s, p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms (under the profiler)`);
  summarise(profile as unknown as { nodes: Node[] }, label);
}

async function main() {
  const stack = await startStack({ employees: EMPLOYEES, log: (m) => console.log(m) });
  try {
    const { db, appUrl } = stack;
    const mix = await searchMix(db, stack.dataset.pegawai);
    await explainSearch(db, mix.paths);

    const cookies = await loginMany(appUrl, 10);
    console.log('\n== 2. Sequential requests: statements per request (round trip incl. pool), render, end-to-end ==');
    await sequential(appUrl, stack.dataDir, cookies[0]!, '/ping', ['/ping']);
    await sequential(appUrl, stack.dataDir, cookies[0]!, '/pegawai (search mix)', mix.paths);
    for (const p of mix.paths) {
      const t: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        const res = await fetch(appUrl + p, { headers: { cookie: cookies[0]! } });
        await res.arrayBuffer();
        t.push(performance.now() - t0);
      }
      const s = stats(t);
      console.log(`   ${p.padEnd(28)} p50 ${f1(s.p50).padStart(6)} ms  p95 ${f1(s.p95).padStart(6)} ms`);
    }

    await components(db, stack.dataDir, mix.paths);

    console.log(`\n== 3. CPU profile of the app's main thread, 10 sessions, ${PROFILE_SECONDS} s ==`);
    await cpuProfile(db, appUrl, cookies, '/ping', ['/ping'], '<p>OK</p>');
    await cpuProfile(db, appUrl, cookies, '/pegawai (search mix)', mix.paths, '<table class="table">');
  } finally {
    await stack.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
