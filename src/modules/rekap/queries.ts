import { likePrefix, named, sql, type Sql } from '../../db/sql.js';
import type { Ekspektasi } from '../../domain/scoring/reason.js';
import type { Predikat } from '../../domain/scoring/predikat.js';

// The year's recaps (docs/domain/rekap.md): set-based reads for the recap and the TPP list (one
// statement per keyset page of employees, so an export of the whole agency never holds more than a
// page), the distribution per unit and the angka kredit list. Every read takes the subtree's path
// prefix ('/' = the agency) the service has already checked against the actor's scope.

/** An employee of the year: someone with an SKP piece in the cycle, counted in the unit of the year's last piece (saran_tahunan.unit_id) once computed, else their unit now. */
export type KunciRekap = { path: string; nama: string; pegawaiId: number };

export type PotonganRekap = { awal: string; akhir: string; jabatan: string; unit: string };
export type PeriodeRekap = {
  periodeId: number;
  /** the predikat of the period's report on the piece covering most of its days; null: not rated (yet) */
  predikat: Predikat | null;
  /** when it was rated (penilaian_periode.at): a rated period's predikat is final (docs/domain/rekap.md § Final) */
  dinilaiAt: string | null;
  /** the rank of that piece's snapshot, else the employee's now */
  golongan: string;
};

export type BarisRekap = {
  pegawaiId: number;
  nip: string;
  nama: string;
  path: string;
  unit: string;
  jabatan: string;
  golongan: string;
  potongan: PotonganRekap[];
  periode: PeriodeRekap[];
  saranPredikat: Predikat | null;
  nilai: string | null;
  evaluasiStatus: 'DIKONFIRMASI' | 'FINAL' | null;
  ratingHasilKerja: Ekspektasi | null;
  ratingPerilaku: Ekspektasi | null;
  predikat: Predikat | null;
  angkaKredit: string | null;
  finalAt: Date | null;
  keberatanStatus: 'DIAJUKAN' | 'TANGGAPAN_DIMINTA' | 'DITANGGAPI' | 'DIPUTUS' | null;
  keberatanKeputusan: 'TETAP' | 'UBAH' | null;
};

const subtree = (path: string) => (path === '/' ? sql`` : sql` AND u.path LIKE (SELECT ${likePrefix(path)}::text)`);

/**
 * One keyset page of the recap (by unit path, name, id, after `setelah`): each employee with the
 * pieces of the year, each period's predikat, the suggestion's nilai, the evaluation as it is now
 * (a rating changed by an objection's decision is simply the current row) and the objection.
 * The page's employees are chosen first (the keys only), then their details are read for those
 * rows alone.
 */
export function rekapRows(q: Sql, siklusId: number, path: string, limit: number, setelah: KunciRekap | null, isi: IsiRekap = 'lengkap'): Promise<BarisRekap[]> {
  const lengkap = isi === 'lengkap';
  const after = setelah ? sql` AND (u.path, p.nama, p.id) > (${setelah.path}::text, ${setelah.nama}::text, ${setelah.pegawaiId}::int)` : sql``;
  return q.rows<BarisRekap>(
    named(
      `rekap-baris-${isi}-${path === '/' ? 'semua' : 'cabang'}-${setelah ? 'lanjut' : 'awal'}`,
      sql`WITH k AS (
          SELECT p.id AS pegawai_id, p.nip, p.nama, u.path, u.nama AS unit
            FROM pegawai p
            LEFT JOIN saran_tahunan st ON st.siklus_id = (SELECT ${siklusId}::int) AND st.pegawai_id = p.id
            JOIN unit_kerja u ON u.id = COALESCE(st.unit_id, p.unit_id)
           WHERE EXISTS (SELECT 1 FROM skp x WHERE x.siklus_id = (SELECT ${siklusId}::int) AND x.pegawai_id = p.id)${subtree(path)}${after}
           ORDER BY u.path, p.nama, p.id
           LIMIT (SELECT ${Math.trunc(limit)}::int))
        SELECT k.pegawai_id, k.nip, k.nama, k.path, k.unit,
               ${lengkap ? sql`COALESCE((SELECT s.snapshot -> 'pegawai' ->> 'jabatan' FROM skp s WHERE s.siklus_id = (SELECT ${siklusId}::int) AND s.pegawai_id = k.pegawai_id
                          ORDER BY s.periode_awal DESC, s.id DESC LIMIT 1), j.nama)` : sql`''`} AS jabatan,
               p.pangkat_golongan AS golongan,
               ${lengkap ? sql`COALESCE((SELECT json_agg(json_build_object('awal', s.periode_awal, 'akhir', s.periode_akhir,
                                         'jabatan', COALESCE(s.snapshot -> 'pegawai' ->> 'jabatan', ''), 'unit', COALESCE(s.snapshot -> 'pegawai' ->> 'unit', ''))
                                         ORDER BY s.periode_awal, s.id)
                           FROM skp s WHERE s.siklus_id = (SELECT ${siklusId}::int) AND s.pegawai_id = k.pegawai_id), '[]')` : sql`'[]'::json`} AS potongan,
               COALESCE((SELECT json_agg(json_build_object('periodeId', x.periode_id, 'predikat', x.predikat, 'dinilaiAt', x.at, 'golongan', x.golongan) ORDER BY x.urutan)
                           FROM (SELECT DISTINCT ON (pe.id) pe.id AS periode_id, pe.urutan, pp.predikat, pp.at,
                                        COALESCE(NULLIF(s.snapshot -> 'pegawai' ->> 'pangkatGolongan', ''), p.pangkat_golongan) AS golongan
                                   FROM skp s
                                   JOIN periode pe ON pe.siklus_id = s.siklus_id AND pe.mulai <= s.periode_akhir AND pe.selesai >= s.periode_awal
                                   LEFT JOIN laporan_periode l ON l.skp_id = s.id AND l.periode_id = pe.id
                                   LEFT JOIN penilaian_periode pp ON pp.laporan_id = l.id AND l.status = 'DINILAI'
                                  WHERE s.siklus_id = (SELECT ${siklusId}::int) AND s.pegawai_id = k.pegawai_id
                                  ORDER BY pe.id, LEAST(s.periode_akhir, pe.selesai) - GREATEST(s.periode_awal, pe.mulai) DESC, s.periode_awal DESC) x), '[]') AS periode,
               ${lengkap ? sql`st.predikat AS saran_predikat, st.nilai::text AS nilai,
               e.status AS evaluasi_status, e.rating_hasil_kerja, e.rating_perilaku, e.predikat, e.angka_kredit::text AS angka_kredit, e.final_at,
               kb.status AS keberatan_status, kb.keputusan AS keberatan_keputusan` : sql`NULL AS saran_predikat, NULL AS nilai, NULL AS evaluasi_status, NULL AS rating_hasil_kerja, NULL AS rating_perilaku,
               NULL AS predikat, NULL AS angka_kredit, NULL AS final_at, NULL AS keberatan_status, NULL AS keberatan_keputusan`}
          FROM k
          JOIN pegawai p ON p.id = k.pegawai_id
          ${lengkap ? sql`JOIN jabatan j ON j.id = p.jabatan_id
          LEFT JOIN saran_tahunan st ON st.siklus_id = (SELECT ${siklusId}::int) AND st.pegawai_id = k.pegawai_id
          LEFT JOIN evaluasi_tahunan e ON e.siklus_id = (SELECT ${siklusId}::int) AND e.pegawai_id = k.pegawai_id
          LEFT JOIN keberatan kb ON kb.evaluasi_id = e.id` : sql``}
         ORDER BY k.path, k.nama, k.pegawai_id`,
    ),
  );
}

/** What a page of the recap carries: everything (the recap), or only what the TPP list needs (the periods and the rank). */
export type IsiRekap = 'lengkap' | 'tpp';

/** The whole recap of the subtree in keyset pages of `batch`: memory stays flat whatever the agency's size. */
export async function* semuaRekap(q: Sql, siklusId: number, path: string, isi: IsiRekap = 'lengkap', batch = 1000): AsyncGenerator<BarisRekap[]> {
  let setelah: KunciRekap | null = null;
  for (;;) {
    const rows = await rekapRows(q, siklusId, path, batch, setelah, isi);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    setelah = { path: last.path, nama: last.nama, pegawaiId: last.pegawaiId };
  }
}

export type SiklusRekap = { id: number; tahun: number; fase: string; zonaWaktu: string; evaluasi: boolean };

/** Every cycle past DRAFT, newest first, each saying whether it has evaluations of the year. */
export const siklusRows = (q: Sql) =>
  q.rows<SiklusRekap>(sql`SELECT s.id, s.tahun, s.fase, s.zona_waktu, EXISTS (SELECT 1 FROM evaluasi_tahunan e WHERE e.siklus_id = s.id) AS evaluasi
                            FROM siklus s WHERE s.fase <> 'DRAFT' ORDER BY s.tahun DESC`);

export const periodeSiklus = (q: Sql, siklusId: number) =>
  q.rows<{ id: number; urutan: number; nama: string; mulai: Date; selesai: Date }>(sql`SELECT id, urutan, nama, mulai, selesai FROM periode WHERE siklus_id = ${siklusId} ORDER BY urutan`);

export type HitunganPredikat = {
  /** the child unit the counts add up under; null = the unit's own staff */
  anakId: number | null;
  sangatBaik: number; baik: number; butuhPerbaikan: number; kurang: number; sangatKurang: number;
  /** a suggestion without the appraiser's rating yet */
  belum: number;
  final: number;
  n: number;
};

/**
 * The year's distribution under a unit (`path`; '/' = the agency): per child unit (its whole
 * subtree) and for the unit's own staff, the count of each predikat of the evaluations as they are
 * now, of those not yet rated, and of those final. Employees count in the unit of the year's last
 * piece (saran_tahunan.unit_id).
 */
export const distribusiRows = (q: Sql, siklusId: number, path: string) =>
  q.rows<HitunganPredikat>(
    named(
      `rekap-distribusi-${path === '/' ? 'semua' : 'cabang'}`,
      // counted per unit first (a few hundred groups), then added up per child of the unit looked at
      sql`WITH per_unit AS (
            SELECT st.unit_id,
                   count(*) FILTER (WHERE e.predikat = 'SANGAT_BAIK') AS sangat_baik,
                   count(*) FILTER (WHERE e.predikat = 'BAIK') AS baik,
                   count(*) FILTER (WHERE e.predikat = 'BUTUH_PERBAIKAN') AS butuh_perbaikan,
                   count(*) FILTER (WHERE e.predikat = 'KURANG') AS kurang,
                   count(*) FILTER (WHERE e.predikat = 'SANGAT_KURANG') AS sangat_kurang,
                   count(*) FILTER (WHERE e.id IS NULL) AS belum,
                   count(*) FILTER (WHERE e.status = 'FINAL') AS final,
                   count(*) AS n
              FROM saran_tahunan st
              LEFT JOIN evaluasi_tahunan e ON e.siklus_id = st.siklus_id AND e.pegawai_id = st.pegawai_id
             WHERE st.siklus_id = (SELECT ${siklusId}::int)${path === '/' ? sql`` : sql` AND st.unit_id IN (SELECT u.id FROM unit_kerja u WHERE u.path LIKE (SELECT ${likePrefix(path)}::text))`}
             GROUP BY st.unit_id)
          SELECT NULLIF(split_part(substr(u.path, length((SELECT ${path}::text)) + 1), '/', 1), '')::int AS anak_id,
                 sum(pu.sangat_baik)::int AS sangat_baik, sum(pu.baik)::int AS baik, sum(pu.butuh_perbaikan)::int AS butuh_perbaikan,
                 sum(pu.kurang)::int AS kurang, sum(pu.sangat_kurang)::int AS sangat_kurang, sum(pu.belum)::int AS belum,
                 sum(pu.final)::int AS final, sum(pu.n)::int AS n
            FROM per_unit pu JOIN unit_kerja u ON u.id = pu.unit_id
           GROUP BY 1`,
    ),
  );

export type UnitAnak = { id: number; kode: string; nama: string; path: string };

/** The child units of a unit (null: the top units), by name. */
export const unitAnak = (q: Sql, unitId: number | null) =>
  q.rows<UnitAnak>(sql`SELECT id, kode, nama, path FROM unit_kerja WHERE ${unitId === null ? sql`parent_id IS NULL` : sql`parent_id = ${unitId}`} ORDER BY nama, id`);

export type BarisAk = {
  pegawaiId: number;
  nip: string;
  nama: string;
  path: string;
  unit: string;
  jabatan: string;
  /** saran_tahunan.ak as stored: the year's functional pieces [{jenjang, bulan}] */
  ak: unknown;
  evaluasiStatus: 'DIKONFIRMASI' | 'FINAL' | null;
  predikat: Predikat | null;
  angkaKredit: string | null;
};
export type KunciAk = { nama: string; pegawaiId: number };

/** One page of the angka kredit list (employees whose year has functional pieces), by name (keyset: after `setelah`). */
export const akRows = (q: Sql, siklusId: number, path: string, limit: number, setelah: KunciAk | null) =>
  q.rows<BarisAk>(
    named(
      `rekap-ak-${path === '/' ? 'semua' : 'cabang'}-${setelah ? 'lanjut' : 'awal'}`,
      sql`SELECT p.id AS pegawai_id, p.nip, p.nama, u.path, u.nama AS unit,
                 COALESCE((SELECT s.snapshot -> 'pegawai' ->> 'jabatan' FROM skp s WHERE s.id = st.skp_id), j.nama) AS jabatan,
                 st.ak, e.status AS evaluasi_status, e.predikat, e.angka_kredit::text AS angka_kredit
            FROM saran_tahunan st
            JOIN pegawai p ON p.id = st.pegawai_id
            JOIN jabatan j ON j.id = p.jabatan_id
            JOIN unit_kerja u ON u.id = st.unit_id
            LEFT JOIN evaluasi_tahunan e ON e.siklus_id = st.siklus_id AND e.pegawai_id = st.pegawai_id
           WHERE st.siklus_id = (SELECT ${siklusId}::int) AND st.ak IS NOT NULL${subtree(path)}
             ${setelah ? sql`AND (p.nama, p.id) > (${setelah.nama}::text, ${setelah.pegawaiId}::int)` : sql``}
           ORDER BY p.nama, p.id
           LIMIT (SELECT ${Math.trunc(limit)}::int)`,
    ),
  );

/** The whole angka kredit list of the subtree, in keyset pages. */
export async function* semuaAk(q: Sql, siklusId: number, path: string, batch = 1000): AsyncGenerator<BarisAk[]> {
  let setelah: KunciAk | null = null;
  for (;;) {
    const rows = await akRows(q, siklusId, path, batch, setelah);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    setelah = { nama: last.nama, pegawaiId: last.pegawaiId };
  }
}
