import { named, sql, type Sql } from '../../db/sql.js';

// The periodic report's set-based reads (docs/architecture.md § Data access; docs/domain/laporan.md).

/** One period's realisasi of an SKP's indicators, for the running totals (null: no report or no realisasi). */
export type RealisasiPeriodeRow = { periodeId: number; urutan: number; nama: string; indikatorId: number | null; angka: string | null };

/**
 * The realisasi (as text, exact) of every indicator of an SKP's reports in the cycle's periods
 * up to `urutan` that the SKP covers: one row per period with no report (indikatorId null), so
 * that a period not reported is named as missing, never read as zero.
 */
export function realisasiSampai(q: Sql, args: { skpId: number; siklusId: number; urutan: number; awal: string; akhir: string }): Promise<RealisasiPeriodeRow[]> {
  return q.rows<RealisasiPeriodeRow>(
    named(
      'laporan-realisasi-sampai',
      sql`SELECT p.id AS periode_id, p.urutan, p.nama, r.indikator_id, r.angka::text AS angka
            FROM periode p
            LEFT JOIN laporan_periode lp ON lp.periode_id = p.id AND lp.skp_id = ${args.skpId}::int
            LEFT JOIN realisasi r ON r.laporan_id = lp.id
           WHERE p.siklus_id = ${args.siklusId}::int AND p.urutan <= ${args.urutan}::int
             AND p.selesai >= ${args.awal}::date AND p.mulai <= ${args.akhir}::date
           ORDER BY p.urutan`,
    ),
  );
}

/** Holds the report's row until the transaction ends, so that two uploads at once count each other (≤ 20 pieces of evidence). */
export const lockLaporan = (q: Sql, id: number) => q.rows(sql`SELECT id FROM laporan_periode WHERE id = ${id}::int FOR UPDATE`);
