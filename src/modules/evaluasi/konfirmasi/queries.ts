import { named, sql, type Sql } from '../../../db/sql.js';
import type { Actor } from '../../../domain/access.js';
import type { Ekspektasi } from '../../../domain/scoring/reason.js';
import type { Predikat } from '../../../domain/scoring/predikat.js';
import { actingOn } from '../../penilaian/queries.js';

// The appraiser's queue of the year (docs/domain/evaluasi-konfirmasi.md § The queue) in one
// statement: every suggestion of the cycle (saran_tahunan) whose year's last SKP piece
// (saran_tahunan.skp_id) the actor acts on as appraiser, by the one acting rule
// (src/domain/acting.ts; its SQL twin through the periodic queue's actingOn), with the
// appraiser's answer when there is one. HR also finds the suggestions of employees appraised by
// an official outside the agency, whose decision HR may record on their behalf.

/** Where a row stands: no answer yet, confirmed as suggested, overridden, or locked by finalisation. */
export type StatusKonfirmasi = 'MENUNGGU' | 'DIKONFIRMASI' | 'DIUBAH' | 'FINAL';

export type AntrianEvaluasiRow = {
  pegawaiId: number;
  nama: string;
  nip: string;
  jabatan: string | null;
  skpId: number;
  penilaiLuarId: number | null;
  saranHasilKerja: Ekspektasi | null;
  saranPerilaku: Ekspektasi | null;
  saranPredikat: Predikat | null;
  /** the reasons of a withheld suggestion (rincian.hasilKerja.reason / rincian.perilaku.reason), as stored */
  alasanDitahanHasilKerja: { key: string; params: Record<string, string | number> } | null;
  alasanDitahanPerilaku: { key: string; params: Record<string, string | number> } | null;
  nilai: string | null;
  status: StatusKonfirmasi;
  ratingHasilKerja: Ekspektasi | null;
  ratingPerilaku: Ekspektasi | null;
  predikat: Predikat | null;
  /** the suggestion moved (the computation ran again) since the appraiser answered */
  saranBerubah: boolean;
  dikonfirmasiAt: Date | null;
};

/**
 * The suggestions `a` answers for: those on SKPs they act on; for HR also those whose SKP names an
 * official outside the agency (recorded on that official's behalf, `atasNama`).
 */
function answeredBy(a: Actor): { where: ReturnType<typeof sql>; variant: string } {
  const own = actingOn(a);
  if (!a.isAdmin || a.pejabatLuarId !== null) return own;
  return { where: sql`(${own.where} OR s.penilai_luar_id IS NOT NULL)`, variant: `${own.variant}-hr` };
}

/** The queue's rows of one cycle: waiting first, then the answered, by name. */
export function antrianEvaluasiRows(q: Sql, actor: Actor, siklusId: number): Promise<AntrianEvaluasiRow[]> {
  const { where, variant } = answeredBy(actor);
  return q.rows<AntrianEvaluasiRow>(
    named(
      `evaluasi-antrian-${variant}`,
      sql`SELECT st.pegawai_id, p.nama, p.nip, (SELECT j.nama FROM jabatan j WHERE j.id = p.jabatan_id) AS jabatan,
                 st.skp_id, s.penilai_luar_id,
                 st.hasil_kerja::text AS saran_hasil_kerja, st.perilaku::text AS saran_perilaku, st.predikat::text AS saran_predikat,
                 CASE WHEN st.hasil_kerja IS NULL THEN st.rincian->'hasilKerja'->'reason' END AS alasan_ditahan_hasil_kerja,
                 CASE WHEN st.perilaku IS NULL THEN st.rincian->'perilaku'->'reason' END AS alasan_ditahan_perilaku,
                 st.nilai::text AS nilai,
                 CASE WHEN e.id IS NULL THEN 'MENUNGGU' WHEN e.status = 'FINAL' THEN 'FINAL'
                      WHEN e.rating_hasil_kerja IS DISTINCT FROM e.saran_hasil_kerja OR e.rating_perilaku IS DISTINCT FROM e.saran_perilaku THEN 'DIUBAH'
                      ELSE 'DIKONFIRMASI' END AS status,
                 e.rating_hasil_kerja::text AS rating_hasil_kerja, e.rating_perilaku::text AS rating_perilaku, e.predikat::text AS predikat,
                 (e.id IS NOT NULL AND (e.saran_hasil_kerja IS DISTINCT FROM st.hasil_kerja OR e.saran_perilaku IS DISTINCT FROM st.perilaku)) AS saran_berubah,
                 e.dikonfirmasi_at
            FROM saran_tahunan st
            JOIN skp s ON s.id = st.skp_id
            JOIN pegawai p ON p.id = st.pegawai_id
            LEFT JOIN evaluasi_tahunan e ON e.siklus_id = st.siklus_id AND e.pegawai_id = st.pegawai_id
           WHERE st.siklus_id = ${siklusId} AND ${where}
           ORDER BY (e.id IS NULL) DESC, p.nama, p.id`,
    ),
  );
}

export type PotonganRow = {
  skpId: number;
  periodeAwal: Date;
  periodeAkhir: Date;
  status: string;
  penilaiNama: string | null;
  penilaiLuarNama: string | null;
  hari: number;
};
export type LaporanTahunRow = { laporanId: number; skpId: number; periodeId: number; periodeNama: string; urutan: number; status: string; mulai: Date; selesai: Date };

/** The year's SKP pieces of one employee (oldest first) with their days, and their reports of the cycle (every status; the page decides what to show). */
export async function tahunPegawai(q: Sql, siklusId: number, pegawaiId: number): Promise<{ potongan: PotonganRow[]; laporan: LaporanTahunRow[] }> {
  const potongan = await q.rows<PotonganRow>(
    named(
      'evaluasi-potongan',
      sql`SELECT s.id AS skp_id, s.periode_awal, s.periode_akhir, s.status::text AS status,
                 (SELECT pn.nama FROM pegawai pn WHERE pn.id = s.penilai_id) AS penilai_nama,
                 (SELECT pl.nama FROM pejabat_luar pl WHERE pl.id = s.penilai_luar_id) AS penilai_luar_nama,
                 (s.periode_akhir - s.periode_awal + 1)::int AS hari
            FROM skp s WHERE s.siklus_id = ${siklusId} AND s.pegawai_id = ${pegawaiId}
           ORDER BY s.periode_awal, s.id`,
    ),
  );
  const laporan = await q.rows<LaporanTahunRow>(
    named(
      'evaluasi-laporan-tahun',
      sql`SELECT l.id AS laporan_id, l.skp_id, pr.id AS periode_id, pr.nama AS periode_nama, pr.urutan, l.status::text AS status, pr.mulai, pr.selesai
            FROM laporan_periode l JOIN skp s ON s.id = l.skp_id JOIN periode pr ON pr.id = l.periode_id
           WHERE s.siklus_id = ${siklusId} AND s.pegawai_id = ${pegawaiId}
           ORDER BY s.periode_awal, pr.urutan`,
    ),
  );
  return { potongan, laporan };
}

/** Holds the suggestion's row for the confirming transaction: two answers at once (two tabs, a double click) queue behind each other. */
export const lockSaran = (q: Sql, siklusId: number, pegawaiId: number) =>
  q.rows(sql`SELECT 1 FROM saran_tahunan WHERE siklus_id = ${siklusId}::int AND pegawai_id = ${pegawaiId}::int FOR UPDATE`);
