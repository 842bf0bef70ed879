// `npm run bench:tahunan [employees]`: the year-end computation (issue 12) for the whole agency,
// next to one SQL statement that computes the same capaian aggregates in PostgreSQL alone (the
// floor), in the same run.
//
// On the same throwaway stack as `npm run bench` (bench/harness.ts: an embedded PostgreSQL, the
// generated organisation), with the dataset of bench/laporan-data.ts: every employee has an approved
// SKP of five RHKs with two indicators each and four quarterly periods of reports with realisasi
// (Q1–Q3 rated, with behaviour marks on half of them; Q4 mostly submitted, a third still drafts:
// those employees' suggestions are withheld, as they would be). Then:
//  1. the cycle moves to PENILAIAN (one UPDATE);
//  2. the floor: one statement, per employee and indicator, the sum, the mean and the last
//     realisasi of the submitted or rated reports and the capaian against the year's target (by the
//     indicator's rule), summed up so that only one row travels; best of two runs, with the same
//     work_mem as the job's reads (its sorts and aggregates in memory too);
//  3. the job's body (hitungTahunan) twice (the second is the rerun a real cycle sees), each timed
//     wall-clock with the Node process's RSS sampled every 20 ms (growth over the RSS before it);
//  4. checks the result: one suggestion per employee with an SKP.
// Prints both times, the ratio and the targets; writes bench/results/tahunan-<timestamp>.json.
// Size: the first argument, else BENCH_PEGAWAI, else BENCH_EMPLOYEES, else 100,000. The machine
// the figures come from may be shared: the load average is printed beside them.

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { envNum, fmt, postgresCpuSeconds, runBench, startStack, textTable, writeResults } from './harness.js';
import { generateLaporan } from './laporan-data.js';
import { hitungTahunan, RANDOM_PAGE_COST, WORK_MEM } from '../src/modules/evaluasi/hitung/service.js';
import { barisTahunan } from '../src/modules/evaluasi/hitung/queries.js';

const EMPLOYEES = Math.floor(process.argv[2] ? Number(process.argv[2]) : envNum('BENCH_PEGAWAI', envNum('BENCH_EMPLOYEES', 100_000, true), true));
const TARGET_S = 30;
const TARGET_RATIO = 3;
const TARGET_RSS_MB = 300;

/** The floor: the capaian aggregates of every indicator of every employee, computed in PostgreSQL alone. */
const FLOOR_SQL = `
  SELECT count(*)::int AS indikator, count(DISTINCT pegawai_id)::int AS pegawai, round(avg(capaian), 4)::float8 AS rata
    FROM (
      SELECT s.pegawai_id, i.id,
             CASE i.gabung_periode WHEN 'JUMLAH' THEN sum(re.angka) WHEN 'RATA_RATA' THEN avg(re.angka)
                  ELSE (array_agg(re.angka ORDER BY pr.urutan DESC) FILTER (WHERE re.angka IS NOT NULL))[1] END
               / NULLIF(i.target_angka, 0) * 100 AS capaian
        FROM skp s
        JOIN rhk r ON r.skp_id = s.id AND r.dihapus_revisi IS NULL
        JOIN indikator i ON i.rhk_id = r.id AND i.dihapus_revisi IS NULL
        JOIN laporan_periode l ON l.skp_id = s.id AND l.status IN ('DIAJUKAN', 'DINILAI')
        JOIN periode pr ON pr.id = l.periode_id
        JOIN realisasi re ON re.laporan_id = l.id AND re.indikator_id = i.id
       WHERE s.siklus_id = $1 AND (s.status = 'DISETUJUI' OR s.disetujui_at IS NOT NULL)
       GROUP BY s.pegawai_id, i.id, i.gabung_periode, i.target_angka) x`;

/** BENCH_TAHUNAN_PROFILE=1: a CPU profile of the rerun, its top functions by self time printed. */
async function startProfile(): Promise<() => Promise<void>> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byFn = new Map<string, number>();
    for (const n of profile.nodes) {
      const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
      byFn.set(k, (byFn.get(k) ?? 0) + (self.get(n.id) ?? 0));
    }
    console.log([...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
    session.disconnect();
  };
}

/** Runs `f` with the process's RSS (and V8 heap, external memory) sampled every 20 ms: its wall time and the peak growth over what was there before it. */
async function measured<T>(f: () => Promise<T>): Promise<{ value: T; seconds: number; rssGrowthMb: number; heapGrowthMb: number; externalGrowthMb: number }> {
  const base = process.memoryUsage();
  const peak = { rss: base.rss, heapUsed: base.heapUsed, external: base.external + base.arrayBuffers };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.external = Math.max(peak.external, m.external + m.arrayBuffers);
  };
  const timer = setInterval(sample, 20);
  const t0 = performance.now();
  try {
    const value = await f();
    sample();
    const mb = (b: number) => b / 1024 / 1024;
    return { value, seconds: (performance.now() - t0) / 1000, rssGrowthMb: mb(peak.rss - base.rss), heapGrowthMb: mb(peak.heapUsed - base.heapUsed), externalGrowthMb: mb(peak.external - base.external - base.arrayBuffers) };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<number> {
  const startedAt = new Date();
  console.log(`SIKAP year-end computation bench: ${EMPLOYEES} employees`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const stack = await startStack({ employees: EMPLOYEES, log: (m) => console.log(m) });
  const { db } = stack;
  const failures: string[] = [];
  try {
    let t = performance.now();
    const data = await generateLaporan(db, { log: (m) => console.log(m) });
    console.log(`report data in ${fmt((performance.now() - t) / 1000, 1)} s: ${Object.entries(data.rows).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    await db.pool.query(`UPDATE siklus SET fase = 'PENILAIAN', version = version + 1 WHERE id = $1`, [data.siklusId]);
    await db.pool.query('VACUUM ANALYZE');

    // the floor, best of two
    const floors: number[] = [];
    let floorRow: { indikator: number; pegawai: number; rata: number } | null = null;
    for (let i = 0; i < 2; i++) {
      const c = await db.pool.connect();
      try {
        await c.query(`BEGIN; SET LOCAL work_mem = '${WORK_MEM}'; SET LOCAL random_page_cost = ${RANDOM_PAGE_COST}`);
        const t0 = performance.now();
        floorRow = (await c.query<{ indikator: number; pegawai: number; rata: number }>(FLOOR_SQL, [data.siklusId])).rows[0]!;
        floors.push((performance.now() - t0) / 1000);
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    }
    const floor = Math.min(...floors);
    console.log(`floor (one statement): ${fmt(floor, 2)} s (runs ${floors.map((f) => fmt(f, 2)).join(', ')}), ${floorRow!.indikator} indicators of ${floorRow!.pegawai} employees, mean capaian ${floorRow!.rata}`);

    if (process.env.BENCH_TAHUNAN_EXPLAIN === '1') {
      const q = barisTahunan(data.siklusId);
      const plan = await db.pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values as unknown[]);
      console.log(plan.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n'));
    }
    const runs: { run: string; seconds: number; cpuS: { node: number; postgres: number }; rssGrowthMb: number; heapGrowthMb: number; externalGrowthMb: number; total: number; ditahan: number; ms: Record<string, number> }[] = [];
    for (const run of ['first', 'rerun']) {
      const job = (await db.pool.query<{ id: number }>(`INSERT INTO job (jenis, siklus_id, status) VALUES ('evaluasi.hitung', $1, 'BERJALAN') RETURNING id`, [data.siklusId])).rows[0]!.id;
      const profile = process.env.BENCH_TAHUNAN_PROFILE === '1' && run === 'rerun' ? await startProfile() : null;
      const cpu0 = process.cpuUsage();
      const pg0 = postgresCpuSeconds(stack.dataDir);
      const m = await measured(() => hitungTahunan(db, data.siklusId, { jobId: job, progress: async () => undefined }));
      const cpu = process.cpuUsage(cpu0);
      // CPU seconds of this process (every thread: the job's, the garbage collector's, libuv's) and of PostgreSQL's backends during the run
      const cpuS = { node: (cpu.user + cpu.system) / 1e6, postgres: postgresCpuSeconds(stack.dataDir) - pg0 };
      if (profile) await profile();
      await db.pool.query(`UPDATE job SET status = 'SELESAI', finished_at = now() WHERE id = $1`, [job]);
      runs.push({ run, seconds: m.seconds, cpuS, rssGrowthMb: m.rssGrowthMb, heapGrowthMb: m.heapGrowthMb, externalGrowthMb: m.externalGrowthMb, total: m.value.total, ditahan: m.value.ditahan, ms: m.value.ms });
      console.log(`job (${run}): ${fmt(m.seconds, 2)} s, RSS growth ${fmt(m.rssGrowthMb, 0)} MB (V8 heap ${fmt(m.heapGrowthMb, 0)} MB, buffers ${fmt(m.externalGrowthMb, 0)} MB), ${m.value.total} suggestions, ${m.value.ditahan} withheld; CPU s Node ${fmt(cpuS.node, 2)}, PostgreSQL ${fmt(cpuS.postgres, 2)}; ms ${JSON.stringify(m.value.ms)}`);
    }

    const check = (await db.pool.query<{ saran: number; pegawai: number; rincianBytes: number }>(
      `SELECT (SELECT count(*) FROM saran_tahunan WHERE siklus_id = $1)::int AS saran,
              (SELECT avg(length(rincian::text)) FROM saran_tahunan WHERE siklus_id = $1)::int AS "rincianBytes",
              (SELECT count(DISTINCT pegawai_id) FROM skp WHERE siklus_id = $1 AND (status = 'DISETUJUI' OR disetujui_at IS NOT NULL))::int AS pegawai`,
      [data.siklusId],
    )).rows[0]!;
    console.log(`check: ${check.saran} suggestions for ${check.pegawai} employees with an approved SKP (rincian ${check.rincianBytes} bytes each on average)`);
    if (check.saran !== check.pegawai) failures.push('the result does not agree with the database');

    const worst = runs.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    const ratio = worst.seconds / floor;
    const rss = Math.max(...runs.map((r) => r.rssGrowthMb));
    console.log(
      '\n' +
        textTable(
          ['measure', 'value', 'target'],
          [
            ['floor: one SQL statement (s)', fmt(floor, 2), ''],
            ...runs.map((r) => [`job, ${r.run} (s)`, fmt(r.seconds, 2), `< ${TARGET_S}`]),
            ['job ÷ floor (slower run)', fmt(ratio, 2), `≤ ${TARGET_RATIO}`],
            ['Node RSS growth (MB, peak)', fmt(rss, 0), `< ${TARGET_RSS_MB}`],
          ],
        ),
    );
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (on a shared machine the figures move with it)`);
    if (worst.seconds >= TARGET_S) failures.push(`the job took ${fmt(worst.seconds, 1)} s (target < ${TARGET_S} s)`);
    if (ratio > TARGET_RATIO) failures.push(`the job is ${fmt(ratio, 2)}× the floor (target ≤ ${TARGET_RATIO}×)`);
    if (rss >= TARGET_RSS_MB) failures.push(`RSS grew ${fmt(rss, 0)} MB (target < ${TARGET_RSS_MB} MB)`);
    writeResults('tahunan-', startedAt, { employees: EMPLOYEES, machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavg: loadavg() }, dataset: data.rows, floor: { seconds: floor, runs: floors, row: floorRow }, runs, ratio, rssGrowthMb: rss, check, failures });
    for (const f of failures) console.log(`FAIL: ${f}`);
    return failures.length ? 1 : 0;
  } finally {
    await stack.cleanup();
  }
}

runBench(main);
