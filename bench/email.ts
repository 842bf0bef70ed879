// `npm run bench:email [employees]`: the e-mail outbox's sender on 20,000 e-mails.
//
// On the throwaway stack of `npm run bench` (bench/harness.ts: embedded PostgreSQL and the
// generated dataset): gives every employee an address, writes one notification each through
// notify() in batches of 2,000 (each in its own transaction, as a reminder run does), then sends
// the outbox to a local SMTP server (the smtp-server package, counting what arrives) with
// kirimEmailKeluar, the `email.kirim` task's body, on BENCH_EMAIL_SENDERS pools at once (default
// 2: two instances). Measures the time of both legs, this process's peak RSS growth (sampled every
// 50 ms) and checks that every e-mail arrived exactly once and is marked sent.
// Prints a table and writes bench/results/email-<timestamp>.json. Exits 1 on a failed check.

import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createDb } from '../src/db/client.js';
import { sqlOn } from '../src/db/sql.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { notify } from '../src/modules/notifikasi/notify.js';
import { kirimEmailKeluar } from '../src/modules/email/kirim.js';
import { runBench, startStack, textTable, writeResults } from './harness.js';

const employees = Number(process.argv[2] ?? process.env.BENCH_EMPLOYEES ?? 20_000);
const senders = Number(process.env.BENCH_EMAIL_SENDERS ?? 2);
const log = (m: string) => console.log(m);

runBench(async () => {
  const startedAt = new Date();
  const stack = await startStack({ employees, log });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const seen = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) seen.set(r.address, (seen.get(r.address) ?? 0) + 1);
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const port = (smtp.server.address() as AddressInfo).port;
  try {
    const { db } = stack;
    await db.pool.query(`UPDATE pegawai SET email = 'p' || id || '@bench.local'`);
    const ids = (await db.pool.query<{ id: number }>(`SELECT p.id FROM pegawai p JOIN app_user u ON u.pegawai_id = p.id WHERE u.aktif ORDER BY p.id`)).rows.map((r) => r.id);

    // 1. enqueue: one notification and its outbox row per employee, 2,000 per transaction
    const rss0 = process.memoryUsage().rss;
    peak = rss0;
    let t = performance.now();
    for (let i = 0; i < ids.length; i += 2000) {
      await db.prisma.$transaction(async (tx) => {
        await notify(sqlOn(tx), ids.slice(i, i + 2000).map((pegawaiId) => ({ pegawaiId, jenis: 'TENGGAT_H3' as const, params: { periode: 'Triwulan I', tanggal: '2026-04-10' }, tautan: '/laporan', kunci: `bench:${pegawaiId}` })));
      });
    }
    const enqueueMs = Math.round(performance.now() - t);
    const queued = Number((await db.pool.query(`SELECT count(*) FROM email_keluar WHERE status = 'ANTRI'`)).rows[0].count);
    const enqueuePeakMb = Math.round((peak - rss0) / 1e5) / 10;
    log(`enqueue: ${queued} e-mails in ${enqueueMs} ms (peak RSS growth ${enqueuePeakMb} MB)`);

    // 2. send, on `senders` pools at once (as many instances)
    const config = { ...loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DATABASE_URL: stack.dbUrl, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_FROM: 'SIKAP <sikap@bench.local>', APP_URL: 'https://sikap.bench.local' }) };
    const pools = [db, ...Array.from({ length: senders - 1 }, () => createDb(stack.dbUrl, 5))];
    const rss1 = process.memoryUsage().rss;
    peak = rss1;
    t = performance.now();
    const results = await Promise.all(pools.map((p) => kirimEmailKeluar(p, { config, clock: systemClock, lamaPutaranMs: 30 * 60_000 })));
    const sendMs = Math.round(performance.now() - t);
    const sendPeakMb = Math.round((peak - rss1) / 1e5) / 10;
    for (const p of pools.slice(1)) await p.close();
    const sent = Number((await db.pool.query(`SELECT count(*) FROM email_keluar WHERE status = 'TERKIRIM'`)).rows[0].count);
    const twice = [...seen.values()].filter((n) => n > 1).length;
    const ok = sent === queued && seen.size === queued && twice === 0 && queued === ids.length;
    console.log(
      textTable(
        ['leg', 'e-mails', 'time (ms)', 'per second', 'peak RSS growth (MB)'],
        [
          ['enqueue (notify, 2,000 per transaction)', String(queued), String(enqueueMs), String(Math.round((queued / enqueueMs) * 1000)), String(enqueuePeakMb)],
          [`send (${senders} senders, local SMTP)`, String(sent), String(sendMs), String(Math.round((sent / sendMs) * 1000)), String(sendPeakMb)],
        ],
      ),
    );
    log(`per sender: ${results.map((r) => r.terkirim).join(' + ')}; arrived ${seen.size} distinct, ${twice} more than once → ${ok ? 'OK' : 'FAILED'}`);
    writeResults('email-', startedAt, { employees, senders, queued, enqueueMs, enqueuePeakMb, sent, sendMs, sendPeakMb, perSender: results, arrived: seen.size, twice, ok });
    return ok ? 0 : 1;
  } finally {
    clearInterval(sampler);
    await new Promise<void>((r) => smtp.close(() => r()));
    await stack.cleanup();
  }
});
