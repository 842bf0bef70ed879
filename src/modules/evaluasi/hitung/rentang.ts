import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { Sql } from '../../../db/sql.js';
import { barisTahunan, tulisStaging, type BarisTahunan } from './queries.js';
import { susunSaran, type Konteks } from './susun.js';

// One share of the year-end computation (docs/domain/evaluasi-hitung.md § How it runs): ranges of
// employees read one after the other through a server-side cursor on `baca` (a connection inside a
// read-only transaction on the run's snapshot), each employee's rows made into a suggestion, the
// suggestions written to the staging table in batches through `tulis`. The main thread runs it
// for a small agency; for a large one each worker thread (pekerja.mjs) runs one share.

const FETCH = 1000;

export type Rentang = readonly [dari: number, sampai: number];
export type HasilRentang = { total: number; ditahan: number; ms: { baca: number; hitung: number; tulis: number } };

export async function hitungRentang(
  baca: pg.ClientBase,
  tulis: Sql,
  a: { siklusId: number; jobId: number; rentang: readonly Rentang[]; k: Konteks; batch: number; ditulis: (n: number) => Promise<void> },
): Promise<HasilRentang> {
  const ms = { baca: 0, hitung: 0, tulis: 0 };
  let total = 0;
  let ditahan = 0;
  // one staging write at a time, in order, while the next rows are read and computed
  let writing: Promise<unknown> = Promise.resolve();
  // each row as JSON text at once: the object graph dies young, the batch holds flat strings
  let out: string[] = [];
  const flush = async () => {
    if (out.length === 0) return;
    const rows = out;
    out = [];
    const t0 = performance.now();
    await writing;
    ms.tulis += performance.now() - t0;
    writing = tulisStaging(tulis, a.jobId, a.siklusId, rows).then(() => a.ditulis(rows.length));
    // its failure surfaces where it is awaited (the next flush, or the end), not as an unhandled rejection meanwhile
    writing.catch(() => undefined);
  };
  const finish = (rows: BarisTahunan[]) => {
    if (rows.length === 0 || !rows.some((r) => r.baris === 1)) return; // marks without a piece: nothing to suggest
    const s = susunSaran(rows, a.k);
    out.push(JSON.stringify(s.baris));
    total++;
    if (s.ditahan) ditahan++;
  };
  try {
    for (const [i, [dari, sampai]] of a.rentang.entries()) {
      const q = barisTahunan(a.siklusId, dari, sampai);
      const cursor = `saran_tahunan_${i}`;
      await baca.query({ text: `DECLARE ${cursor} NO SCROLL CURSOR FOR ${q.text}`, values: q.values as unknown[] });
      const ambil = () => baca.query<BarisTahunan>(`FETCH ${FETCH} FROM ${cursor}`).then((r) => r.rows);
      let current: BarisTahunan[] = [];
      let pending = ambil();
      for (;;) {
        let t0 = performance.now();
        const rows = await pending;
        ms.baca += performance.now() - t0;
        if (rows.length === 0) break;
        pending = ambil(); // the next batch travels while this one is computed
        t0 = performance.now();
        for (const r of rows) {
          if (current.length && current[0]!.pegawai_id !== r.pegawai_id) {
            finish(current);
            current = [];
          }
          current.push(r);
        }
        ms.hitung += performance.now() - t0;
        if (out.length >= a.batch) await flush();
      }
      finish(current);
      await baca.query(`CLOSE ${cursor}`);
    }
    await flush();
    const t0 = performance.now();
    await writing;
    ms.tulis += performance.now() - t0;
    return { total, ditahan, ms };
  } catch (e) {
    await writing.catch(() => undefined);
    throw e;
  }
}
