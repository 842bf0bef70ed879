import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { runBench, startStack } from './harness.js';
import { generateLaporan } from './laporan-data.js';
import { hitungTahunan } from '../src/modules/evaluasi/hitung/service.js';

async function main() {
  const stack = await startStack({ employees: Number(process.argv[2] ?? 20000), log: (m) => console.log(m) });
  const db = stack.db;
  try {
    const data = await generateLaporan(db, { log: () => undefined });
    await db.pool.query(`UPDATE siklus SET fase = 'PENILAIAN', version = version + 1 WHERE id = $1`, [data.siklusId]);
    await db.pool.query('VACUUM ANALYZE');
    for (const [pekerja, bagian] of [[0, 1], [2, 2], [0, 1], [2, 2], [2, 4], [0, 8]] as const) {
      const job = (await db.pool.query<{ id: number }>(`INSERT INTO job (jenis, siklus_id, status) VALUES ('evaluasi.hitung', $1, 'BERJALAN') RETURNING id`, [data.siklusId])).rows[0]!.id;
      const rss0 = process.memoryUsage().rss; let peak = rss0;
      const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
      const t0 = performance.now();
      const r = await hitungTahunan(db, data.siklusId, { jobId: job, bagian, pekerja });
      clearInterval(timer);
      console.log(`job pekerja=${pekerja} bagian=${bagian}: ${((performance.now() - t0) / 1000).toFixed(2)} s rss+${((peak - rss0) / 1048576).toFixed(0)} MB ${JSON.stringify(r.ms)} load ${loadavg()[0].toFixed(1)}`);
      await db.pool.query(`UPDATE job SET status = 'SELESAI', finished_at = now() WHERE id = $1`, [job]);
    }
    return 0;
  } finally { await stack.cleanup(); }
}
runBench(main);
