// `npm run bench:pengingat [employees]`: the automatic reminders (docs/domain/pengingat.md) on the
// 20,000-employee dataset with four periods of reports (bench/laporan-data.ts).
//
// On the same throwaway stack as `npm run bench` (bench/harness.ts), after generating the cycle:
//  1. "3 days left" for the current period (Q4) as the dataset has it (60% submitted): one check,
//     timed, with the reminders, notifications and outbox rows it wrote;
//  2. the same check again: nothing new (each reminder once), timed;
//  3. every Q4 report set back to an unsubmitted draft, then "deadline passed" one second after the
//     deadline closes: a reminder for every employee (20,000 at full size), timed, with the Node RSS
//     before, after and at its peak (sampled every 20 ms) and PostgreSQL's CPU seconds.
// Measures the enqueueing: the reminder rows, their notifications and their e-mails in the outbox
// (ANTRI). Sending the outbox over SMTP is the e-mail task's (its own bench), not measured here.
// Writes bench/results/pengingat-<timestamp>.json. BENCH_PENGINGAT_BATCH sets the batch size.

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fmt, postgresCpuSeconds, runBench, startStack, textTable, writeResults } from './harness.js';
import { generateLaporan } from './laporan-data.js';
import type { Db } from '../src/db/client.js';
import { BATCH_PENGINGAT, periksaPengingat, type HasilPeriksa } from '../src/modules/pengingat/service.js';
import { akhirHari } from '../src/domain/periode-laporan.js';
import { mulaiH3 } from '../src/domain/pengingat.js';

const EMPLOYEES = Math.floor(process.argv[2] ? Number(process.argv[2]) : Number(process.env.BENCH_EMPLOYEES || 20_000));
const BATCH = Number(process.env.BENCH_PENGINGAT_BATCH || BATCH_PENGINGAT);
if (!Number.isSafeInteger(EMPLOYEES) || EMPLOYEES < 200) throw new Error(`employees must be an integer ≥ 200 (got ${process.argv[2] ?? process.env.BENCH_EMPLOYEES})`);
if (!Number.isSafeInteger(BATCH) || BATCH < 1) throw new Error('BENCH_PENGINGAT_BATCH must be a positive integer');

const MB = 1024 * 1024;

type Step = { name: string; wallMs: number; written: number; rssBeforeMb: number; rssAfterMb: number; rssPeakMb: number; pgCpuSeconds: number; rows: Record<string, number> };

async function counts(db: Db): Promise<Record<string, number>> {
  const r = await db.pool.query<{ pengingat: number; notifikasi: number; email: number }>(
    `SELECT (SELECT count(*)::int FROM pengingat) AS pengingat, (SELECT count(*)::int FROM notifikasi WHERE jenis IN ('TENGGAT_H3', 'TENGGAT_LEWAT')) AS notifikasi,
            (SELECT count(*)::int FROM email_keluar WHERE status = 'ANTRI') AS email`,
  );
  return r.rows[0]!;
}

async function step(db: Db, dataDir: string, name: string, now: Date): Promise<Step & { hasil: HasilPeriksa }> {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const cpu0 = postgresCpuSeconds(dataDir);
  const t0 = performance.now();
  const hasil = await periksaPengingat(db, now, { batch: BATCH });
  const wallMs = performance.now() - t0;
  clearInterval(sampler);
  const after = process.memoryUsage().rss;
  peak = Math.max(peak, after);
  const s = { name, wallMs, written: hasil.total, rssBeforeMb: before / MB, rssAfterMb: after / MB, rssPeakMb: peak / MB, pgCpuSeconds: postgresCpuSeconds(dataDir) - cpu0, rows: await counts(db), hasil };
  console.log(`${name}: ${hasil.total} reminders in ${fmt(wallMs / 1000, 2)} s; RSS ${fmt(s.rssBeforeMb, 0)} → ${fmt(s.rssAfterMb, 0)} MB (peak ${fmt(s.rssPeakMb, 0)}); rows now ${JSON.stringify(s.rows)}`);
  return s;
}

async function main(): Promise<number> {
  const startedAt = new Date();
  console.log(`SIKAP reminder bench: ${EMPLOYEES} employees, four periods of reports, batches of ${BATCH}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const stack = await startStack({ employees: EMPLOYEES, log: (m) => console.log(m) });
  const { db, dataset, generationMs, dataDir } = stack;
  const failures: string[] = [];
  try {
    let t = performance.now();
    const data = await generateLaporan(db, { log: (m) => console.log(m) });
    console.log(`cycle ${data.tahun} (id ${data.siklusId}) in PELAKSANAAN, report data in ${fmt((performance.now() - t) / 1000, 1)} s`);
    const q4 = (await db.pool.query<{ id: number; batas: string; zona: 'Asia/Jakarta' }>(
      `SELECT p.id, to_char(p.batas_pegawai, 'YYYY-MM-DD') AS batas, c.zona_waktu AS zona FROM periode p JOIN siklus c ON c.id = p.siklus_id WHERE p.siklus_id = $1 ORDER BY p.urutan DESC LIMIT 1`,
      [data.siklusId],
    )).rows[0]!;
    const aktif = (await db.pool.query<{ n: number; email: number }>(`SELECT count(*)::int AS n, count(email)::int AS email FROM pegawai WHERE aktif`)).rows[0]!;
    console.log(`${aktif.n} active employees (${aktif.email} with an e-mail address); the last period's deadline ${q4.batas} (${q4.zona})`);

    const steps: Step[] = [];
    const h3 = await step(db, dataDir, 'H-3, dataset as generated', new Date(mulaiH3(q4.batas, q4.zona).getTime() + 60_000));
    steps.push(h3);
    const again = await step(db, dataDir, 'H-3 again (nothing new)', new Date(mulaiH3(q4.batas, q4.zona).getTime() + 16 * 60_000));
    steps.push(again);
    if (again.written !== 0) failures.push(`the second check wrote ${again.written} reminders`);

    t = performance.now();
    await db.pool.query(`UPDATE laporan_periode SET status = 'DRAFT', diajukan_at = NULL, dibuka_sampai = NULL WHERE periode_id = $1`, [q4.id]);
    console.log(`every report of the last period set back to an unsubmitted draft (${fmt((performance.now() - t) / 1000, 1)} s)`);
    const lewat = await step(db, dataDir, 'deadline passed, nobody submitted', new Date(akhirHari(q4.batas, q4.zona).getTime() + 1000));
    steps.push(lewat);
    if (lewat.written < aktif.n) failures.push(`deadline passed: ${lewat.written} reminders for ${aktif.n} active employees`);

    console.log(textTable(['step', 'reminders', 'wall s', 'per 1000', 'RSS before', 'RSS peak', 'RSS after', 'pg CPU s'],
      steps.map((s) => [s.name, String(s.written), fmt(s.wallMs / 1000, 2), s.written ? fmt((s.wallMs / s.written) * 1000, 0) + ' ms' : '–', fmt(s.rssBeforeMb, 0), fmt(s.rssPeakMb, 0), fmt(s.rssAfterMb, 0), fmt(s.pgCpuSeconds, 1)])));
    for (const f of failures) console.log(`FAIL: ${f}`);
    writeResults('pengingat-', startedAt, {
      startedAt, employees: EMPLOYEES, batch: BATCH, dataset: { ...dataset, generationMs }, laporan: { siklusId: data.siklusId, tahun: data.tahun, ms: data.ms },
      aktif, periode: q4, steps, failures, smtp: 'not measured here: the outbox rows are sent by the e-mail task',
    });
    return failures.length ? 1 : 0;
  } finally {
    await stack.cleanup();
  }
}

runBench(main);
