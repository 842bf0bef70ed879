import { named, sql, type Sql } from '../../db/sql.js';
import type { Ekspektasi, NilaiBerakhlak, PenilaianKualitatif, PeristiwaLaporan, PredikatKinerja } from '../../../prisma/generated/enums.js';

// The periodic report's set-based reads (docs/architecture.md § Data access; docs/domain/laporan.md).

// The hot statements pass their values as InitPlans, `(SELECT $n)`: PostgreSQL then keeps one
// generic plan per named statement rather than planning each call afresh.

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
            LEFT JOIN laporan_periode lp ON lp.periode_id = p.id AND lp.skp_id = (SELECT ${args.skpId}::int)
            LEFT JOIN realisasi r ON r.laporan_id = lp.id
           WHERE p.siklus_id = (SELECT ${args.siklusId}::int) AND p.urutan <= (SELECT ${args.urutan}::int)
             AND p.selesai >= (SELECT ${args.awal}::date) AND p.mulai <= (SELECT ${args.akhir}::date)
           ORDER BY p.urutan`,
    ),
  );
}

/** Holds the report's row until the transaction ends, so that two uploads at once count each other (≤ 20 pieces of evidence). */
export const lockLaporan = (q: Sql, id: number) => q.rows(sql`SELECT id FROM laporan_periode WHERE id = ${id}::int FOR UPDATE`);

/** What one report holds besides its row, as laporanDokumen reads it (dates as ISO text inside the JSON). */
export type LaporanIsiRow = {
  /** null when not asked for (the caller holds the parsed plan already) or missing. */
  plan: unknown;
  /** The SKP's newest approved revision (a draft report moves to it when saved). */
  revisiTerbaru: number | null;
  realisasi: { indikatorId: number; angka: string | null; teks: string | null; sumberData: string | null; penilaian: PenilaianKualitatif | null; umpanBalik: string | null }[];
  progres: { rencanaAksiId: number; persen: number | null; keterangan: string | null }[];
  bukti: { id: number; indikatorId: number | null; url: string | null; keterangan: string | null; createdAt: string; berkas: { id: number; nama: string; mime: string; ukuran: number } | null }[];
  tanda: { nilai: NilaiBerakhlak; tanda: Ekspektasi | null; umpanBalik: string | null }[];
  penilaian: {
    ratingHasilKerja: Ekspektasi; ratingPerilaku: Ekspektasi; predikat: PredikatKinerja; policyVersion: number; saranHasilKerja: unknown; saranPerilaku: unknown;
    alasanHasilKerja: string | null; alasanPerilaku: string | null; at: string; version: number; dicatatHr: boolean;
  } | null;
  riwayat: { id: number; jenis: PeristiwaLaporan; alasan: string | null; sampai: string | null; at: string; olehUserId: number | null }[];
};

type Fragment = ReturnType<typeof sql>;

/**
 * The columns of what a report holds besides its own row and plan, over the report `id` and its
 * SKP `skp` (each an SQL expression: a parameter, or a column of the statement they are part of).
 * `angka` as the exact decimal without trailing zeros (as Prisma's Decimal prints it).
 */
const isiKolom = (id: Fragment, skp: Fragment) =>
  sql`(SELECT max(v.revisi) FROM skp_versi v WHERE v.skp_id = ${skp}) AS revisi_terbaru,
                 (SELECT coalesce(json_agg(json_build_object('indikatorId', r.indikator_id, 'angka', trim_scale(r.angka)::text, 'teks', r.teks, 'sumberData', r.sumber_data,
                                                             'penilaian', r.penilaian, 'umpanBalik', r.umpan_balik)), '[]') FROM realisasi r WHERE r.laporan_id = ${id}) AS realisasi,
                 (SELECT coalesce(json_agg(json_build_object('rencanaAksiId', g.rencana_aksi_id, 'persen', g.persen, 'keterangan', g.keterangan)), '[]')
                    FROM progres_aksi g WHERE g.laporan_id = ${id}) AS progres,
                 (SELECT coalesce(json_agg(json_build_object('id', b.id, 'indikatorId', b.indikator_id, 'url', b.url, 'keterangan', b.keterangan, 'createdAt', b.created_at,
                                                             'berkas', CASE WHEN f.id IS NOT NULL THEN json_build_object('id', f.id, 'nama', f.nama, 'mime', f.mime, 'ukuran', f.ukuran) END) ORDER BY b.id), '[]')
                    FROM bukti_dukung b LEFT JOIN berkas f ON f.id = b.berkas_id WHERE b.laporan_id = ${id}) AS bukti,
                 (SELECT coalesce(json_agg(json_build_object('nilai', t.nilai, 'tanda', t.tanda, 'umpanBalik', t.umpan_balik)), '[]') FROM tanda_perilaku t WHERE t.laporan_id = ${id}) AS tanda,
                 (SELECT json_build_object('ratingHasilKerja', n.rating_hasil_kerja, 'ratingPerilaku', n.rating_perilaku, 'predikat', n.predikat, 'policyVersion', n.policy_version,
                                           'saranHasilKerja', n.saran_hasil_kerja, 'saranPerilaku', n.saran_perilaku, 'alasanHasilKerja', n.alasan_hasil_kerja, 'alasanPerilaku', n.alasan_perilaku,
                                           'at', n.at, 'version', n.version, 'dicatatHr', n.dicatat_hr)
                    FROM penilaian_periode n WHERE n.laporan_id = ${id}) AS penilaian,
                 (SELECT coalesce(json_agg(json_build_object('id', h.id, 'jenis', h.jenis, 'alasan', h.alasan, 'sampai', h.sampai, 'at', h.at, 'olehUserId', h.oleh_user_id) ORDER BY h.at, h.id), '[]')
                    FROM riwayat_laporan h WHERE h.laporan_id = ${id}) AS riwayat`;

/**
 * Everything a report holds besides its own row, in one statement (a hot page: the report, the
 * appraiser's view, the PDF): the frozen plan it was written against (skp_versi at its revision),
 * its realisasi, rencana aksi progress, evidence (with the stored file's name), behaviour marks,
 * rating and history.
 */
export function laporanIsi(q: Sql, args: { laporanId: number; skpId: number; skpRevisi: number; withPlan: boolean }): Promise<LaporanIsiRow | null> {
  return q.one<LaporanIsiRow>(
    named(
      'laporan-isi',
      sql`SELECT CASE WHEN ${args.withPlan}::boolean THEN (SELECT v.data FROM skp_versi v WHERE v.skp_id = (SELECT ${args.skpId}::int) AND v.revisi = (SELECT ${args.skpRevisi}::int)) END AS plan,
                 ${isiKolom(sql`(SELECT ${args.laporanId}::int)`, sql`(SELECT ${args.skpId}::int)`)}`,
    ),
  );
}

/** A report with its period, SKP and cycle as whole rows (to_jsonb: snake_case keys), and what decides who appraises it. */
export type LaporanBarisRow = {
  l: Record<string, unknown>;
  pr: Record<string, unknown>;
  s: Record<string, unknown>;
  c: Record<string, unknown>;
  skpPenilaiJabatanId: number | null;
  pegawaiPenilaiId: number | null;
  pegawaiPenilaiJabatanId: number | null;
  unitKepalaJabatanId: number | null;
  mengepalaiId: number | null;
  mengepalaiParentId: number | null;
  mengepalaiParentKepalaJabatanId: number | null;
};

// The report row with its period, SKP and cycle, and what decides who appraises it.
const BARIS_KOLOM = sql.raw(`to_jsonb(l) AS l, to_jsonb(pr) AS pr, to_jsonb(s) AS s, to_jsonb(c) AS c,
                 sp.jabatan_id AS skp_penilai_jabatan_id, p.penilai_id AS pegawai_penilai_id, pp.jabatan_id AS pegawai_penilai_jabatan_id,
                 u.kepala_jabatan_id AS unit_kepala_jabatan_id, m.id AS mengepalai_id, mp.id AS mengepalai_parent_id, mp.kepala_jabatan_id AS mengepalai_parent_kepala_jabatan_id`);
const BARIS_FROM = sql.raw(`laporan_periode l
            JOIN periode pr ON pr.id = l.periode_id
            JOIN skp s ON s.id = l.skp_id
            JOIN siklus c ON c.id = s.siklus_id
            JOIN pegawai p ON p.id = s.pegawai_id
            JOIN unit_kerja u ON u.id = p.unit_id
            LEFT JOIN pegawai sp ON sp.id = s.penilai_id
            LEFT JOIN pegawai pp ON pp.id = p.penilai_id
            LEFT JOIN unit_kerja m ON m.kepala_jabatan_id = p.jabatan_id
            LEFT JOIN unit_kerja mp ON mp.id = m.parent_id`);

/**
 * The report `id` with what loadLaporan returns, in one statement. `scope` (visibleSkpSql) is the
 * condition the actor's view puts on its SKP; without it the caller has checked the scope.
 */
export function laporanBaris(q: Sql, id: number, scope?: { where: Fragment; shape: string }): Promise<LaporanBarisRow | null> {
  return q.one<LaporanBarisRow>(
    named(
      scope ? `laporan-baris-${scope.shape}` : 'laporan-baris',
      sql`SELECT ${BARIS_KOLOM}
            FROM ${BARIS_FROM}
           WHERE l.id = (SELECT ${id}::int) AND ${scope ? scope.where : sql`TRUE`}`, // an InitPlan: one plan for every id, so the cached generic plan is kept
    ),
  );
}

/** The report page's whole read: the row, its content, the running totals and the progress notes. */
export type LaporanLengkapRow = LaporanBarisRow &
  Omit<LaporanIsiRow, 'plan'> & {
    /** null when the caller said it holds this revision's plan (`punyaPlan`), or when it is missing. */
    plan: unknown;
    sampai: RealisasiPeriodeRow[];
    /** The notes of the report's SKP in the period (only when the SKP is `catatanPegawaiId`'s), tanggal as yyyy-mm-dd. */
    catatan: { id: number; tanggal: string; teks: string }[];
  };

/**
 * The report `id` in the actor's `scope` with everything its page shows, in one statement: the
 * row as laporanBaris reads it, the content as laporanIsi does, the running totals as
 * realisasiSampai does, and the SKP's notes in the period when the SKP is `catatanPegawaiId`'s.
 * The frozen plan comes unless `punyaPlan` names the SKP and revision the report is written
 * against now (the caller holds that plan parsed): decided here, on the row, so a report moved
 * to a newer revision brings its plan.
 */
export function laporanLengkap(
  q: Sql,
  args: { id: number; scope: { where: Fragment; shape: string }; punyaPlan: { skpId: number; revisi: number } | null; catatanPegawaiId: number | null },
): Promise<LaporanLengkapRow | null> {
  return q.one<LaporanLengkapRow>(
    named(
      `laporan-lengkap-${args.scope.shape}`,
      sql`SELECT ${BARIS_KOLOM},
                 CASE WHEN l.skp_id = (SELECT ${args.punyaPlan?.skpId ?? null}::int) AND l.skp_revisi = (SELECT ${args.punyaPlan?.revisi ?? null}::int) THEN NULL
                      ELSE (SELECT v.data FROM skp_versi v WHERE v.skp_id = l.skp_id AND v.revisi = l.skp_revisi) END AS plan,
                 ${isiKolom(sql`l.id`, sql`l.skp_id`)},
                 (SELECT coalesce(json_agg(json_build_object('periodeId', rp.id, 'urutan', rp.urutan, 'nama', rp.nama, 'indikatorId', r.indikator_id, 'angka', r.angka::text) ORDER BY rp.urutan), '[]')
                    FROM periode rp
                    LEFT JOIN laporan_periode lp ON lp.periode_id = rp.id AND lp.skp_id = l.skp_id
                    LEFT JOIN realisasi r ON r.laporan_id = lp.id
                   WHERE rp.siklus_id = s.siklus_id AND rp.urutan <= pr.urutan AND rp.selesai >= s.periode_awal AND rp.mulai <= s.periode_akhir) AS sampai,
                 (SELECT coalesce(json_agg(json_build_object('id', n.id, 'tanggal', n.tanggal, 'teks', n.teks) ORDER BY n.tanggal, n.id), '[]')
                    FROM catatan_progres n
                   WHERE s.pegawai_id = (SELECT ${args.catatanPegawaiId}::int) AND n.skp_id = l.skp_id AND n.tanggal BETWEEN pr.mulai AND pr.selesai) AS catatan
            FROM ${BARIS_FROM}
           WHERE l.id = (SELECT ${args.id}::int) AND ${args.scope.where}`,
    ),
  );
}
