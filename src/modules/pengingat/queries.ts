import { sql, type Sql } from '../../db/sql.js';
import type { JenisPengingatOtomatis } from '../../domain/pengingat.js';

// The reminders' set-based statements (docs/domain/pengingat.md; docs/architecture.md § Data access).

/** A period of a cycle whose reports are being written (PELAKSANAAN, PENILAIAN), with its cycle's zone. */
export type PeriodeTerbukaRow = { id: number; siklusId: number; nama: string; mulai: string; selesai: string; batasPegawai: string; zonaWaktu: string };

/** Every period of every cycle in PELAKSANAAN or PENILAIAN (a handful of rows), dates as 'YYYY-MM-DD'. */
export const periodeTerbuka = (q: Sql): Promise<PeriodeTerbukaRow[]> =>
  q.rows<PeriodeTerbukaRow>(sql`
    SELECT p.id, p.siklus_id, p.nama, to_char(p.mulai, 'YYYY-MM-DD') AS mulai, to_char(p.selesai, 'YYYY-MM-DD') AS selesai,
           to_char(p.batas_pegawai, 'YYYY-MM-DD') AS batas_pegawai, c.zona_waktu
      FROM periode p JOIN siklus c ON c.id = p.siklus_id
     WHERE c.fase IN ('PELAKSANAAN', 'PENILAIAN')
     ORDER BY p.siklus_id, p.urutan`);

/** Two instances checking one period take turns (the rows' unique key would settle it too, but later and noisier). */
export const kunciPeriode = (q: Sql, periodeId: number) => q.rows(sql`SELECT true AS ok FROM pg_advisory_xact_lock(hashtext('pengingat.periksa'), ${periodeId}::int)`);

/**
 * The next batch of persons concerned (employee id > `setelah`, at most `batas`): active employees
 * with an SKP of the cycle covering part of the period whose report on it is missing or, for
 * TENGGAT_H3, not submitted now (DRAFT, DIKEMBALIKAN), for TENGGAT_LEWAT never submitted and not
 * reopened past `now`. Records each one's reminder (ON CONFLICT DO NOTHING) and returns the last
 * employee id looked at and the ids whose reminder row is new: only those are notified.
 */
export async function catatPengingat(
  q: Sql,
  args: { jenis: JenisPengingatOtomatis; periode: PeriodeTerbukaRow; now: Date; setelah: number; batas: number },
): Promise<{ terakhir: number | null; baru: number[] }> {
  const { jenis, periode: p, now } = args;
  const belum =
    jenis === 'TENGGAT_H3'
      ? sql`l.status IN ('DRAFT', 'DIKEMBALIKAN')`
      : sql`l.diajukan_at IS NULL AND (l.dibuka_sampai IS NULL OR l.dibuka_sampai <= ${now.toISOString()}::timestamptz)`;
  const r = await q.one<{ terakhir: number | null; baru: number[] }>(sql`
    WITH cand AS (
      SELECT s.pegawai_id
        FROM skp s
        JOIN pegawai pg ON pg.id = s.pegawai_id AND pg.aktif
        LEFT JOIN laporan_periode l ON l.skp_id = s.id AND l.periode_id = ${p.id}::int
       WHERE s.siklus_id = ${p.siklusId}::int AND s.pegawai_id > ${args.setelah}::int
         AND s.periode_awal <= ${p.selesai}::date AND s.periode_akhir >= ${p.mulai}::date
         AND (l.id IS NULL OR (${belum}))
       GROUP BY s.pegawai_id
       ORDER BY s.pegawai_id
       LIMIT ${args.batas}::int
    ),
    ins AS (
      INSERT INTO pengingat (jenis, periode_id, pegawai_id, tanggal)
      SELECT ${jenis}::"JenisPengingat", ${p.id}::int, pegawai_id, ${p.batasPegawai}::date FROM cand
      ON CONFLICT (jenis, periode_id, pegawai_id, tanggal) DO NOTHING
      RETURNING pegawai_id
    )
    SELECT (SELECT max(pegawai_id) FROM cand) AS terakhir, coalesce((SELECT array_agg(pegawai_id ORDER BY pegawai_id) FROM ins), '{}') AS baru`);
  return { terakhir: r?.terakhir ?? null, baru: (r?.baru ?? []).map(Number) };
}
