import pg from 'pg';
import { sqlOn } from '../../../db/sql.js';
import { hitungRentang, type HasilRentang, type Rentang } from './rentang.js';
import type { Konteks } from './susun.js';

// The body of one worker thread (pekerja.mjs): its own two connections, one reading inside a
// read-only transaction on the run's snapshot, one writing the staging rows; its share of ranges.

export type TugasPekerja = {
  module: string;
  connectionString: string;
  snapshot: string;
  siklusId: number;
  jobId: number;
  rentang: Rentang[];
  k: Konteks;
  batch: number;
};

export async function jalankan(t: TugasPekerja, ditulis: (n: number) => void): Promise<HasilRentang> {
  const baca = new pg.Client({ connectionString: t.connectionString });
  const tulis = new pg.Pool({ connectionString: t.connectionString, max: 1 });
  await baca.connect();
  try {
    await baca.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await baca.query(`SET TRANSACTION SNAPSHOT '${t.snapshot.replace(/[^0-9A-Za-z-]/g, '')}'`);
    // every row is read: plan for the whole result (hash joins), not for the first rows as a cursor otherwise does
    await baca.query('SET LOCAL cursor_tuple_fraction = 1');
    const r = await hitungRentang(baca, sqlOn(tulis), {
      siklusId: t.siklusId, jobId: t.jobId, rentang: t.rentang, k: { ...t.k, tanggal: new Map() }, batch: t.batch,
      ditulis: async (n) => ditulis(n),
    });
    await baca.query('COMMIT');
    return r;
  } finally {
    await baca.end().catch(() => undefined);
    await tulis.end().catch(() => undefined);
  }
}
