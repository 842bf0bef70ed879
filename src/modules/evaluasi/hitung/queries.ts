import { sql, type Sql, type SqlQuery } from '../../../db/sql.js';

// The reads and writes of the year-end computation (docs/domain/evaluasi-hitung.md), set-based:
// the year's rows come through one statement per range of employees, read with a server-side
// cursor and ordered by employee, so the job holds one batch at a time; the results go in
// multi-row inserts into the one transaction that replaces the cycle's suggestions.

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
 * One row per piece of the range's employees, its RHKs and indicators as one JSON text (`isi`:
 * an array of `IsiIndikator`, UTAMA first, in order, then by indicator; an RHK without a live
 * indicator is one entry with the indicator's fields null), each indicator with the realisasi of
 * the submitted or rated reports of that piece per period (`"1=12.0000,2=,4=9.5"`: period urutan
 * = value, blank for a row without a value; a period without a report has no entry) and the
 * latest statement and judgement of a qualitative one. Before an employee's pieces comes one row
 * with the behaviour marks of the year's reports, oldest first (`baris` 0). Ordered by employee,
 * then piece (periode_awal). Few rows (about two per employee), so PostgreSQL sorts little and
 * Node parses little; the JSON is read when the employee is computed.
 *
 * The piece's position: the employee's present one for the last piece; for an earlier piece the
 * one recorded just before the move that started the next piece (riwayat_pegawai, the row with
 * the next piece's first day as TMT).
 */
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
  ),
  isi AS (
    -- each entry's JSON written out by concatenation: the entries are about a third of the read,
    -- and json_build_array cost 1–2 s more per 100,000 employees (docs/domain/evaluasi-hitung.md
    -- § Speed). Every value but the statement is a number, a name of an enum or our own
    -- "urutan=angka" list, none with a character JSON must escape; the statement goes through
    -- to_json. The way a worse value is better stays as the scoring reads it: "RENDAH", or else
    -- "TINGGI".
    SELECT r.skp_id,
           '[' || string_agg('[' || r.id || ',"' || r.jenis || '",' || COALESCE(i.id::text, 'null')
                             || ',' || COALESCE('"' || i.jenis_target || '"', 'null')
                             || ',' || CASE WHEN i.id IS NULL THEN 'null' WHEN i.lebih_baik = 'RENDAH' THEN '"RENDAH"' ELSE '"TINGGI"' END
                             || ',' || COALESCE('"' || i.gabung_periode || '"', 'null')
                             || ',' || COALESCE('"' || i.target_angka || '"', 'null') || ',' || COALESCE('"' || i.target_min || '"', 'null') || ',' || COALESCE('"' || i.target_max || '"', 'null')
                             || ',' || COALESCE('"' || rl.angka || '"', 'null')
                             || ',' || COALESCE(to_json(rl.teks[array_upper(rl.teks, 1)])::text, 'null')
                             || ',' || COALESCE('"' || rl.penilaian[array_upper(rl.penilaian, 1)] || '"', 'null') || ']',
                             ',' ORDER BY r.jenis, r.urutan, r.id, i.urutan, i.id) || ']' AS isi
      FROM potongan s
      JOIN rhk r ON r.skp_id = s.id AND r.dihapus_revisi IS NULL
      LEFT JOIN indikator i ON i.rhk_id = r.id AND i.dihapus_revisi IS NULL
      LEFT JOIN real rl ON rl.indikator_id = i.id
     GROUP BY r.skp_id
  )
  SELECT baris, pegawai_id, skp_id, awal, periode_akhir, penilai_id, penilai_luar_id, jabatan_jenis, jenjang_jf, unit_id, kepala_unit_id, kepala_unit_nama, isi, tanda FROM (
    SELECT 0 AS baris, l.pegawai_id, NULL::date AS k_awal, NULL::int AS skp_id, NULL::text AS awal, NULL::text AS periode_akhir, NULL::int AS penilai_id, NULL::int AS penilai_luar_id,
           NULL::text AS jabatan_jenis, NULL::text AS jenjang_jf, NULL::int AS unit_id, NULL::int AS kepala_unit_id, NULL::text AS kepala_unit_nama, NULL::text AS isi,
           string_agg(tp.nilai::text || '=' || tp.tanda::text, ',' ORDER BY l.urutan, l.periode_awal, tp.id) AS tanda
      FROM laporan l JOIN tanda_perilaku tp ON tp.laporan_id = l.id AND tp.tanda IS NOT NULL
     GROUP BY l.pegawai_id
    UNION ALL
    SELECT 1, s.pegawai_id, s.periode_awal, s.id, s.periode_awal::text, s.periode_akhir::text, s.penilai_id, s.penilai_luar_id,
           j.jenis::text, j.jenjang_jf::text, j.unit_id, ku.id, ku.nama, x.isi, NULL
      FROM potongan_jabatan s
      JOIN jabatan j ON j.id = s.jabatan_id
      LEFT JOIN unit_kerja ku ON ku.kepala_jabatan_id = j.id
      LEFT JOIN isi x ON x.skp_id = s.id
  ) u
  ORDER BY pegawai_id, k_awal NULLS FIRST, baris`,
  values: [siklusId, dari, sampai],
});

/** A row of barisTahunan as pg gives it (snake_case): 0 the marks, 1 a piece with its RHKs and indicators. */
export type BarisTahunan = {
  baris: 0 | 1;
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
  /** JSON text: IsiIndikator[] (null: a piece without a live RHK) */
  isi: string | null;
  /** "KOMPETEN=SESUAI,…": the marks, oldest first */
  tanda: string | null;
};

/**
 * One entry of a piece's `isi`: the RHK (id, jenis), then its indicator (null fields for an RHK
 * without one): id, jenis_target, lebih_baik, gabung_periode, the year's targets (numeric as text,
 * so nothing is rounded), the realisasi per period ("1=12.0000,2=,4=9.5"), the latest statement
 * and judgement of a qualitative one.
 */
export type IsiIndikator = [
  rhkId: number,
  rhkJenis: 'UTAMA' | 'TAMBAHAN',
  indId: number | null,
  jenisTarget: 'ANGKA' | 'RENTANG' | 'KUALITATIF' | null,
  lebihBaik: string | null,
  gabungPeriode: 'JUMLAH' | 'RATA_RATA' | 'TERAKHIR' | null,
  targetAngka: string | null,
  targetMin: string | null,
  targetMax: string | null,
  realisasi: string | null,
  teks: string | null,
  penilaian: string | null,
];

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

/** One suggestion as the job writes it. */
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
  /** a functional position's pieces for angka kredit (null for other positions) */
  ak: unknown;
  policy_version: number;
};

/** The columns a suggestion fills, in order (cycle and job come first, once per batch). */
const KOLOM_SARAN = ['pegawai_id', 'skp_id', 'penilai_id', 'penilai_luar_id', 'unit_id', 'kepala_unit_id', 'hasil_kerja', 'perilaku', 'predikat', 'nilai', 'rincian', 'ak', 'policy_version'] as const;
/** A suggestion as the write sends it: its values in KOLOM_SARAN's order, the explanation and the AK pieces already as JSON text. */
export type SaranTulis = readonly (string | number | null)[];
export const keBaris = (b: SaranBaris): SaranTulis => [
  b.pegawai_id, b.skp_id, b.penilai_id, b.penilai_luar_id, b.unit_id, b.kepala_unit_id, b.hasil_kerja, b.perilaku, b.predikat, b.nilai, JSON.stringify(b.rincian), b.ak === null ? null : JSON.stringify(b.ak), b.policy_version,
];

/** Removes the cycle's suggestions: the first statement of a run's write transaction. */
export const hapusSaran = (q: Sql, siklusId: number) => q.exec(sql`DELETE FROM saran_tahunan WHERE siklus_id = ${siklusId}`);

/** The INSERT of `n` suggestions (cycle and job once, then each row's KOLOM_SARAN), built once per row count. */
const insertSaran = new Map<number, string>();
function insertSaranText(n: number): string {
  let text = insertSaran.get(n);
  if (text === undefined) {
    const w = KOLOM_SARAN.length;
    const tuples = Array.from({ length: n }, (_, r) => `($1, $2, ${KOLOM_SARAN.map((_c, i) => `$${3 + r * w + i}`).join(', ')})`);
    text = `INSERT INTO saran_tahunan (siklus_id, job_id, ${KOLOM_SARAN.join(', ')}) VALUES ${tuples.join(', ')}`;
    insertSaran.set(n, text);
  }
  return text;
}

/**
 * A batch of suggestions, inside the run's write transaction: one multi-row INSERT with a
 * parameter per value (each takes its column's type: the explanation's JSON is checked and kept as
 * written, json; the AK pieces, searched across the agency, become jsonb). A named statement, so
 * PostgreSQL parses and plans the INSERT of a full batch once per connection rather than for
 * each of a run's thousand batches (the last, shorter batch has its own). `dihitung_at` is the
 * transaction's start, the same for the whole run.
 */
export function tulisSaran(q: Sql, jobId: number, siklusId: number, rows: readonly SaranTulis[]) {
  const values: unknown[] = [siklusId, jobId];
  for (const r of rows) for (const v of r) values.push(v);
  return q.exec({ name: `saran-tulis-${rows.length}`, text: insertSaranText(rows.length), values });
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
