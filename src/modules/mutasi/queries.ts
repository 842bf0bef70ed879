import { sql, type Sql } from '../../db/sql.js';
import type { StatusSkp } from '../../domain/skp-status.js';

// The reads of recorded moves (docs/domain/mutasi.md).

export type PenilaiBerbedaRow = {
  skpId: number; version: number; status: StatusSkp; tahun: number; periodeAwal: Date; periodeAkhir: Date;
  pegawaiId: number; nama: string; nip: string;
  /** The appraiser the SKP names now, and the one the employee's record names. */
  penilaiSkp: string | null; penilaiBaru: string | null;
};

/**
 * "SKP yang penilainya berbeda": open SKPs (not closed by a move, in a cycle that is not
 * finished) whose appraiser is not the employee's current one. Optionally for one employee.
 */
export const penilaiBerbedaRows = (q: Sql, pegawaiId: number | null) =>
  q.rows<PenilaiBerbedaRow>(sql`SELECT s.id AS skp_id, s.version, s.status::text AS status, c.tahun, s.periode_awal, s.periode_akhir,
         p.id AS pegawai_id, p.nama, p.nip,
         COALESCE(sp.nama, sl.nama) AS penilai_skp, COALESCE(pp.nama, pl.nama) AS penilai_baru
    FROM skp s
    JOIN siklus c ON c.id = s.siklus_id AND c.fase NOT IN ('SELESAI', 'ARSIP')
    JOIN pegawai p ON p.id = s.pegawai_id
    LEFT JOIN pegawai sp ON sp.id = s.penilai_id LEFT JOIN pejabat_luar sl ON sl.id = s.penilai_luar_id
    LEFT JOIN pegawai pp ON pp.id = p.penilai_id LEFT JOIN pejabat_luar pl ON pl.id = p.penilai_luar_id
   WHERE s.ditutup_at IS NULL
     AND (s.penilai_id, s.penilai_luar_id) IS DISTINCT FROM (p.penilai_id, p.penilai_luar_id)
     AND (${pegawaiId}::int IS NULL OR p.id = ${pegawaiId}::int)
   ORDER BY c.tahun DESC, p.nama, p.id, s.periode_awal`);
