import { sql, type Sql, type SqlQuery } from '../../../db/sql.js';

// The reads and writes of the year-end computation (docs/domain/evaluasi-hitung.md), set-based:
// the year's rows come through one statement per range of employees, read with a server-side
// cursor and ordered by employee, so the job holds one batch at a time; the results go to the
// staging table in multi-row inserts and replace the cycle's suggestions in one transaction.

/** The SKP pieces of the cycle that count: approved at least once (a piece never approved has no plan to measure). */
const POTONGAN = sql`
  SELECT s.id, s.pegawai_id, s.penilai_id, s.penilai_luar_id, s.periode_awal, s.periode_akhir,
         lead(s.periode_awal) OVER (PARTITION BY s.pegawai_id ORDER BY s.periode_awal) AS berikut
    FROM skp s
   WHERE s.siklus_id = (SELECT $1::int) AND (s.status = 'DISETUJUI' OR s.disetujui_at IS NOT NULL)
     AND s.pegawai_id > $2::int AND s.pegawai_id <= $3::int`;

/**
 * The employees the run computes (for the progress bar's total), and the bounds that cut them
 * into `bagian` ranges of pegawai id of about the same size: range i is (batas[i], batas[i + 1]].
 */
export const jumlahPegawai = (q: Sql, siklusId: number, bagian: number) =>
  q.one<{ n: number; batas: number[] }>({
    text: `WITH p AS (SELECT DISTINCT s.pegawai_id FROM skp s WHERE s.siklus_id = $1::int AND (s.status = 'DISETUJUI' OR s.disetujui_at IS NOT NULL))
           SELECT (SELECT count(*) FROM p)::int AS n,
                  ARRAY(SELECT max(pegawai_id) FROM (SELECT pegawai_id, ntile($2::int) OVER (ORDER BY pegawai_id) AS b FROM p) x GROUP BY b ORDER BY b) AS batas`,
    values: [siklusId, bagian],
  });

/**
 * One row per indicator of every piece (a piece without a live RHK or indicator still has one
 * row, its RHK/indicator columns null), with the indicator's realisasi of the submitted or rated
 * reports of that piece aggregated per period (`real_urutan`, `real_angka` side by side; a
 * period without a report has no entry, a row without a value a null), and the latest judged
 * statement of a qualitative one. Before an employee's indicator rows comes one row with the
 * behaviour marks of the year's reports, oldest first (`baris` 0). Ordered by employee, then
 * piece (periode_awal), then RHK (UTAMA first, in order), then indicator.
 *
 * The piece's position: the employee's present one for the last piece; for an earlier piece the
 * one recorded just before the move that started the next piece (riwayat_pegawai, the row with
 * the next piece's first day as TMT).
 */
/** The columns a row carries (each kind of row fills its own; the rest are NULL, cheap to send). */
const KOLOM = [
  'baris', 'pegawai_id', 'skp_id', 'awal', 'periode_akhir', 'penilai_id', 'penilai_luar_id', 'jabatan_jenis', 'jenjang_jf', 'unit_id', 'kepala_unit_id', 'kepala_unit_nama',
  'rhk_id', 'rhk_jenis', 'ind_id', 'jenis_target', 'lebih_baik', 'gabung_periode', 'target_angka', 'target_min', 'target_max', 'realisasi', 'real_teks', 'real_penilaian', 'tanda',
] as const;
/** The sort keys, not sent. */
const KUNCI = { k_awal: 'date', k_rj: '"JenisRhk"', k_ru: 'int', k_rid: 'int', k_iu: 'int', k_iid: 'int' } as const;
const JENIS_KOLOM: Record<string, string> = { skp_id: 'int', penilai_id: 'int', penilai_luar_id: 'int', unit_id: 'int', kepala_unit_id: 'int', rhk_id: 'int', ind_id: 'int' };
/** One branch of the union: every column and sort key, in one order, NULL (typed) where `isi` gives none. */
const cabang = (baris: number, isi: Partial<Record<(typeof KOLOM)[number] | keyof typeof KUNCI, string>>) =>
  'SELECT ' +
  [
    `${baris} AS baris`,
    ...KOLOM.slice(1).map((c) => `${isi[c] ?? `NULL::${JENIS_KOLOM[c] ?? 'text'}`} AS ${c}`),
    ...Object.entries(KUNCI).map(([c, type]) => `${isi[c as keyof typeof KUNCI] ?? `NULL::${type}`} AS ${c}`),
  ].join(', ');

export const barisTahunan = (siklusId: number, dari = 0, sampai = 2_147_483_647): SqlQuery => ({
  text: `
  WITH potongan AS (${POTONGAN.text}),
  potongan_jabatan AS (
    SELECT s.*, COALESCE(CASE WHEN s.berikut IS NULL THEN NULL ELSE (
             SELECT rw.jabatan_id FROM riwayat_pegawai rw
              WHERE rw.pegawai_id = s.pegawai_id
                AND rw.id < (SELECT min(m.id) FROM riwayat_pegawai m WHERE m.pegawai_id = s.pegawai_id AND m.tmt = s.berikut)
              ORDER BY rw.id DESC LIMIT 1) END, pg.jabatan_id) AS jabatan_id
      FROM potongan s JOIN pegawai pg ON pg.id = s.pegawai_id
  ),
  laporan AS (
    SELECT l.id, l.skp_id, pr.urutan, s.pegawai_id, s.periode_awal
      FROM potongan s
      JOIN laporan_periode l ON l.skp_id = s.id AND l.status IN ('DIAJUKAN', 'DINILAI')
      JOIN periode pr ON pr.id = l.periode_id
  ),
  real AS (
    -- one ORDER BY for every aggregate: the input is sorted once (by indicator, period)
    SELECT re.indikator_id,
           string_agg(l.urutan || '=' || COALESCE(re.angka::text, ''), ',' ORDER BY l.urutan) AS angka,
           array_agg(re.teks ORDER BY l.urutan) FILTER (WHERE re.teks IS NOT NULL AND re.teks <> '') AS teks,
           array_agg(re.penilaian::text ORDER BY l.urutan) FILTER (WHERE re.penilaian IS NOT NULL) AS penilaian
      FROM laporan l JOIN realisasi re ON re.laporan_id = l.id
     GROUP BY re.indikator_id
  )
  SELECT ${KOLOM.join(', ')} FROM (
    ${cabang(0, { pegawai_id: 'l.pegawai_id', tanda: `string_agg(tp.nilai::text || '=' || tp.tanda::text, ',' ORDER BY l.urutan, l.periode_awal, tp.id)` })}
      FROM laporan l JOIN tanda_perilaku tp ON tp.laporan_id = l.id AND tp.tanda IS NOT NULL
     GROUP BY l.pegawai_id
    UNION ALL
    ${cabang(1, {
      pegawai_id: 's.pegawai_id', k_awal: 's.periode_awal', skp_id: 's.id', awal: 's.periode_awal::text', periode_akhir: 's.periode_akhir::text', penilai_id: 's.penilai_id', penilai_luar_id: 's.penilai_luar_id',
      jabatan_jenis: 'j.jenis::text', jenjang_jf: 'j.jenjang_jf::text', unit_id: 'j.unit_id', kepala_unit_id: 'ku.id', kepala_unit_nama: 'ku.nama',
    })}
      FROM potongan_jabatan s
      JOIN jabatan j ON j.id = s.jabatan_id
      LEFT JOIN unit_kerja ku ON ku.kepala_jabatan_id = j.id
    UNION ALL
    ${cabang(2, {
      pegawai_id: 's.pegawai_id', k_awal: 's.periode_awal', k_rj: 'r.jenis', k_ru: 'r.urutan', k_rid: 'r.id', k_iu: 'i.urutan', k_iid: 'i.id',
      rhk_id: 'r.id', rhk_jenis: 'r.jenis::text', ind_id: 'i.id', jenis_target: 'i.jenis_target::text', lebih_baik: 'i.lebih_baik', gabung_periode: 'i.gabung_periode::text',
      target_angka: 'i.target_angka::text', target_min: 'i.target_min::text', target_max: 'i.target_max::text',
      realisasi: 'rl.angka', real_teks: 'rl.teks[array_upper(rl.teks, 1)]', real_penilaian: 'rl.penilaian[array_upper(rl.penilaian, 1)]',
    })}
      FROM potongan s
      JOIN rhk r ON r.skp_id = s.id AND r.dihapus_revisi IS NULL
      LEFT JOIN indikator i ON i.rhk_id = r.id AND i.dihapus_revisi IS NULL
      LEFT JOIN real rl ON rl.indikator_id = i.id
  ) u
  ORDER BY pegawai_id, k_awal NULLS FIRST, baris, k_rj, k_ru, k_rid, k_iu, k_iid`,
  values: [siklusId, dari, sampai],
});

/** A row of barisTahunan as pg gives it (snake_case; numbers of numeric columns as text): 0 the marks, 1 a piece, 2 an indicator of the piece before it. */
export type BarisTahunan = {
  baris: 0 | 1 | 2;
  pegawai_id: number;
  skp_id: number | null;
  awal: string | null;
  periode_akhir: string | null;
  penilai_id: number | null;
  penilai_luar_id: number | null;
  jabatan_jenis: string | null;
  jenjang_jf: string | null;
  unit_id: number | null;
  kepala_unit_id: number | null;
  kepala_unit_nama: string | null;
  rhk_id: number | null;
  rhk_jenis: 'UTAMA' | 'TAMBAHAN' | null;
  ind_id: number | null;
  jenis_target: 'ANGKA' | 'RENTANG' | 'KUALITATIF' | null;
  lebih_baik: string | null;
  gabung_periode: 'JUMLAH' | 'RATA_RATA' | 'TERAKHIR' | null;
  target_angka: string | null;
  target_min: string | null;
  target_max: string | null;
  /** "1=12.0000,2=,4=9.5" : period urutan = realisasi (blank: a row without a value) */
  realisasi: string | null;
  real_teks: string | null;
  real_penilaian: string | null;
  /** "KOMPETEN=SESUAI,…": the marks, oldest first */
  tanda: string | null;
};

/** The cycle's periods in order. */
export const periodeSiklus = (q: Sql, siklusId: number) =>
  q.rows<{ id: number; urutan: number; nama: string; mulai: string; selesai: string }>(
    sql`SELECT id, urutan, nama, mulai::text AS mulai, selesai::text AS selesai FROM periode WHERE siklus_id = ${siklusId} ORDER BY urutan`,
  );

/** The organisation predikat set for units in the cycle: unit id → predikat. */
export const predikatOrganisasiSiklus = (q: Sql, siklusId: number) =>
  q.rows<{ unitId: number; predikat: 'ISTIMEWA' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG' }>(
    sql`SELECT unit_id, predikat::text AS predikat FROM penetapan_predikat WHERE siklus_id = ${siklusId}`,
  );

/** One suggestion as the staging table takes it. */
export type SaranBaris = {
  pegawai_id: number;
  skp_id: number;
  penilai_id: number | null;
  penilai_luar_id: number | null;
  unit_id: number;
  kepala_unit_id: number | null;
  hasil_kerja: string | null;
  perilaku: string | null;
  predikat: string | null;
  nilai: string | null;
  rincian: unknown;
  policy_version: number;
};

/** A batch of suggestions into the staging table: one statement, the batch as one JSON document (each row already as JSON text). */
export const tulisStaging = (q: Sql, jobId: number, siklusId: number, rows: readonly string[]) =>
  q.exec({
    text: `INSERT INTO saran_tahunan_staging (job_id, siklus_id, pegawai_id, skp_id, penilai_id, penilai_luar_id, unit_id, kepala_unit_id, hasil_kerja, perilaku, predikat, nilai, rincian, policy_version)
           SELECT $1::int, $2::int, x.pegawai_id, x.skp_id, x.penilai_id, x.penilai_luar_id, x.unit_id, x.kepala_unit_id,
                  x.hasil_kerja::"Ekspektasi", x.perilaku::"Ekspektasi", x.predikat::"PredikatKinerja", x.nilai, x.rincian, x.policy_version
             FROM json_to_recordset($3::json) AS x(pegawai_id int, skp_id int, penilai_id int, penilai_luar_id int, unit_id int, kepala_unit_id int,
                  hasil_kerja text, perilaku text, predikat text, nilai numeric, rincian jsonb, policy_version int)`,
    values: [jobId, siklusId, `[${rows.join(',')}]`],
  });

/** Clears the cycle's staging rows (any run's: one run per cycle at a time, so what is there is left over). */
export const hapusStaging = (q: Sql, siklusId: number) => q.exec(sql`DELETE FROM saran_tahunan_staging WHERE siklus_id = ${siklusId}`);

/** The swap, inside the caller's transaction: the cycle's suggestions become this run's, and its staging rows go. */
export async function tukar(q: Sql, siklusId: number, jobId: number): Promise<number> {
  await q.exec(sql`DELETE FROM saran_tahunan WHERE siklus_id = ${siklusId}`);
  const n = await q.exec(sql`
    INSERT INTO saran_tahunan (siklus_id, pegawai_id, skp_id, penilai_id, penilai_luar_id, unit_id, kepala_unit_id, hasil_kerja, perilaku, predikat, nilai, rincian, policy_version, job_id, dihitung_at)
    SELECT siklus_id, pegawai_id, skp_id, penilai_id, penilai_luar_id, unit_id, kepala_unit_id, hasil_kerja, perilaku, predikat, nilai, rincian, policy_version, job_id, now()
      FROM saran_tahunan_staging WHERE job_id = ${jobId} AND siklus_id = ${siklusId}`);
  await q.exec(sql`DELETE FROM saran_tahunan_staging WHERE job_id = ${jobId}`);
  return n;
}

/**
 * The appraisers with appraisees whose year is not yet confirmed (no evaluasi_tahunan row), with
 * how many: an employee appraiser by pegawai id, an official outside the agency by their login.
 */
export const penilaiBelumKonfirmasi = (q: Sql, siklusId: number) =>
  q.rows<{ penilaiId: number | null; userId: number | null; jumlah: number }>(sql`
    SELECT s.penilai_id, u.id AS user_id, count(*)::int AS jumlah
      FROM saran_tahunan s
      LEFT JOIN app_user u ON s.penilai_id IS NULL AND u.pejabat_luar_id = s.penilai_luar_id
     WHERE s.siklus_id = ${siklusId}
       AND (s.penilai_id IS NOT NULL OR u.id IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM evaluasi_tahunan e WHERE e.siklus_id = s.siklus_id AND e.pegawai_id = s.pegawai_id)
     GROUP BY s.penilai_id, u.id
     ORDER BY s.penilai_id NULLS LAST, u.id`);

/** What the cycle page shows of the last result: how many suggestions, how many withheld, when. */
export const ringkasanSaran = (q: Sql, siklusId: number) =>
  q.one<{ total: number; ditahan: number; dihitungAt: Date | null }>(sql`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE predikat IS NULL)::int AS ditahan, max(dihitung_at) AS dihitung_at
      FROM saran_tahunan WHERE siklus_id = ${siklusId}`);
