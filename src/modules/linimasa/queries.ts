import { sql, type Sql } from '../../db/sql.js';
import type { LinimasaCursor } from './schemas.js';

// The reads of an employee's timeline and capaian chart (docs/domain/linimasa.md). The caller
// has already found the employee within the actor's scope (service.ts: pegawaiLinimasa).

/** The kinds of timeline entry; the number is also the tie-break of the order (newest first). */
export const JENIS = { riwayat: 1, penilaian: 2, umpanBalik: 3, dialog: 4, catatan: 5, tindakLanjut: 6 } as const;
export type JenisEntri = keyof typeof JENIS;

export type EntriRow = {
  jenis: number;
  id: number;
  at: Date;
  laporanId: number | null;
  periode: string | null;
  tahun: number | null;
  /** riwayat: DIAJUKAN, DIKEMBALIKAN, DINILAI, DIBUKA_HR */
  peristiwa: string | null;
  alasan: string | null;
  sampai: Date | null;
  /** feedback, progress note: the text; dialog: the topics */
  teks: string | null;
  /** dialog: the agreed actions */
  tindakan: string | null;
  tindakLanjut: Date | null;
  ratingHasilKerja: string | null;
  ratingPerilaku: string | null;
  predikat: string | null;
  oleh: string | null;
  version: number | null;
};

/**
 * One page of an employee's timeline, newest first: the history of their reports, the ratings,
 * continuous feedback, dialog kinerja (and their follow-up dates) and progress notes. Keyset
 * paging on (time, kind, id): each branch reads at most `limit` rows below the cursor through
 * its index, so a long history costs no more than a short one. Returns up to `limit` rows.
 */
export function entriRows(q: Sql, pegawaiId: number, cursor: LinimasaCursor | undefined, limit: number) {
  const c = cursor ?? { at: new Date('9999-12-31T00:00:00Z'), jenis: 99, id: 0 };
  const below = (at: ReturnType<typeof sql>, jenis: number, id: ReturnType<typeof sql>) =>
    sql`(${at}, ${jenis}::int, ${id}) < (${c.at}::timestamptz, ${c.jenis}::int, ${c.id}::int)`;
  const day = (col: ReturnType<typeof sql>) => sql`(${col}::timestamp AT TIME ZONE 'UTC')`;
  const cols = (x: {
    jenis: number; id: ReturnType<typeof sql>; at: ReturnType<typeof sql>; laporanId?: string; periode?: string; tahun?: string; peristiwa?: string; alasan?: string; sampai?: string;
    teks?: string; tindakan?: string; tindakLanjut?: string; hasil?: string; perilaku?: string; predikat?: string; oleh?: string; version?: string;
  }) => sql`${x.jenis}::int AS jenis, ${x.id} AS id, ${x.at} AS at,
       ${sql.raw(x.laporanId ?? 'NULL::int')} AS laporan_id, ${sql.raw(x.periode ?? 'NULL::text')} AS periode, ${sql.raw(x.tahun ?? 'NULL::int')} AS tahun,
       ${sql.raw(x.peristiwa ?? 'NULL::text')} AS peristiwa, ${sql.raw(x.alasan ?? 'NULL::text')} AS alasan, ${sql.raw(x.sampai ?? 'NULL::timestamptz')} AS sampai,
       ${sql.raw(x.teks ?? 'NULL::text')} AS teks, ${sql.raw(x.tindakan ?? 'NULL::text')} AS tindakan, ${sql.raw(x.tindakLanjut ?? 'NULL::date')} AS tindak_lanjut,
       ${sql.raw(x.hasil ?? 'NULL::text')} AS rating_hasil_kerja, ${sql.raw(x.perilaku ?? 'NULL::text')} AS rating_perilaku, ${sql.raw(x.predikat ?? 'NULL::text')} AS predikat,
       ${sql.raw(x.oleh ?? 'NULL::text')} AS oleh, ${sql.raw(x.version ?? 'NULL::int')} AS version`;
  return q.rows<EntriRow>(sql`
    SELECT * FROM (
      (SELECT ${cols({ jenis: JENIS.riwayat, id: sql`r.id`, at: sql`r.at`, laporanId: 'l.id', periode: 'pe.nama', tahun: 'si.tahun', peristiwa: 'r.jenis::text', alasan: 'r.alasan', sampai: 'r.sampai', oleh: 'COALESCE(op.nama, ol.nama, u.username)' })}
         FROM skp s JOIN laporan_periode l ON l.skp_id = s.id JOIN riwayat_laporan r ON r.laporan_id = l.id
         JOIN periode pe ON pe.id = l.periode_id JOIN siklus si ON si.id = s.siklus_id
         LEFT JOIN app_user u ON u.id = r.oleh_user_id LEFT JOIN pegawai op ON op.id = u.pegawai_id LEFT JOIN pejabat_luar ol ON ol.id = u.pejabat_luar_id
        WHERE s.pegawai_id = ${pegawaiId} AND ${below(sql`r.at`, JENIS.riwayat, sql`r.id`)}
        ORDER BY r.at DESC, r.id DESC LIMIT ${limit})
      UNION ALL
      (SELECT ${cols({ jenis: JENIS.penilaian, id: sql`pp.id`, at: sql`pp.at`, laporanId: 'l.id', periode: 'pe.nama', tahun: 'si.tahun', hasil: 'pp.rating_hasil_kerja::text', perilaku: 'pp.rating_perilaku::text', predikat: 'pp.predikat::text', oleh: 'COALESCE(pn.nama, pl.nama)' })}
         FROM skp s JOIN laporan_periode l ON l.skp_id = s.id JOIN penilaian_periode pp ON pp.laporan_id = l.id
         JOIN periode pe ON pe.id = l.periode_id JOIN siklus si ON si.id = s.siklus_id
         LEFT JOIN pegawai pn ON pn.id = pp.penilai_id LEFT JOIN pejabat_luar pl ON pl.id = pp.penilai_luar_id
        WHERE s.pegawai_id = ${pegawaiId} AND l.status = 'DINILAI' AND ${below(sql`pp.at`, JENIS.penilaian, sql`pp.id`)}
        ORDER BY pp.at DESC, pp.id DESC LIMIT ${limit})
      UNION ALL
      (SELECT ${cols({ jenis: JENIS.umpanBalik, id: sql`ub.id`, at: sql`ub.at`, tahun: 'si.tahun', teks: 'ub.teks', oleh: 'COALESCE(dp.nama, u.username)' })}
         FROM umpan_balik ub LEFT JOIN skp s ON s.id = ub.skp_id LEFT JOIN siklus si ON si.id = s.siklus_id
         LEFT JOIN pegawai dp ON dp.id = ub.dari_pegawai_id LEFT JOIN app_user u ON u.id = ub.oleh_user_id
        WHERE ub.pegawai_id = ${pegawaiId} AND ${below(sql`ub.at`, JENIS.umpanBalik, sql`ub.id`)}
        ORDER BY ub.at DESC, ub.id DESC LIMIT ${limit})
      UNION ALL
      (SELECT ${cols({ jenis: JENIS.dialog, id: sql`d.id`, at: day(sql`d.tanggal`), tahun: 'si.tahun', teks: 'd.topik', tindakan: 'd.tindakan', tindakLanjut: 'd.tindak_lanjut', oleh: 'dp.nama', version: 'd.version' })}
         FROM dialog_kinerja d LEFT JOIN skp s ON s.id = d.skp_id LEFT JOIN siklus si ON si.id = s.siklus_id LEFT JOIN pegawai dp ON dp.id = d.penilai_id
        WHERE d.pegawai_id = ${pegawaiId} AND ${below(day(sql`d.tanggal`), JENIS.dialog, sql`d.id`)}
        ORDER BY d.tanggal DESC, d.id DESC LIMIT ${limit})
      UNION ALL
      (SELECT ${cols({ jenis: JENIS.tindakLanjut, id: sql`d.id`, at: day(sql`d.tindak_lanjut`), teks: 'd.topik', tindakLanjut: 'd.tanggal', oleh: 'dp.nama' })}
         FROM dialog_kinerja d LEFT JOIN pegawai dp ON dp.id = d.penilai_id
        WHERE d.pegawai_id = ${pegawaiId} AND d.tindak_lanjut IS NOT NULL AND ${below(day(sql`d.tindak_lanjut`), JENIS.tindakLanjut, sql`d.id`)}
        ORDER BY d.tindak_lanjut DESC, d.id DESC LIMIT ${limit})
      UNION ALL
      (SELECT ${cols({ jenis: JENIS.catatan, id: sql`c.id`, at: day(sql`c.tanggal`), tahun: 'si.tahun', teks: 'c.teks' })}
         FROM skp s JOIN catatan_progres c ON c.skp_id = s.id JOIN siklus si ON si.id = s.siklus_id
        WHERE s.pegawai_id = ${pegawaiId} AND ${below(day(sql`c.tanggal`), JENIS.catatan, sql`c.id`)}
        ORDER BY c.tanggal DESC, c.id DESC LIMIT ${limit})
    ) e
    ORDER BY at DESC, jenis DESC, id DESC
    LIMIT ${limit}`);
}

export type LaporanSeriRow = {
  laporanId: number;
  skpId: number;
  periodeId: number;
  skpRevisi: number;
  status: string;
};
export type RealisasiSeriRow = { laporanId: number; indikatorId: number; angka: string | null; teks: string | null; penilaian: string | null };

/** The reports of some SKPs (drafts only when asked: the owner's chart). */
export const laporanSeriRows = (q: Sql, skpIds: number[], withDrafts: boolean) =>
  skpIds.length === 0
    ? Promise.resolve([] as LaporanSeriRow[])
    : q.rows<LaporanSeriRow>(sql`SELECT l.id AS laporan_id, l.skp_id, l.periode_id, l.skp_revisi, l.status::text AS status
        FROM laporan_periode l
       WHERE l.skp_id = ANY(${skpIds}::int[]) AND (${withDrafts}::boolean OR l.status <> 'DRAFT')`);

export const realisasiSeriRows = (q: Sql, laporanIds: number[]) =>
  laporanIds.length === 0
    ? Promise.resolve([] as RealisasiSeriRow[])
    : q.rows<RealisasiSeriRow>(sql`SELECT laporan_id, indikator_id, angka::text AS angka, teks, penilaian::text AS penilaian
        FROM realisasi WHERE laporan_id = ANY(${laporanIds}::int[])`);
