import { named, sql, type Sql } from '../../db/sql.js';
import type { Ekspektasi } from '../../domain/scoring/reason.js';
import type { Predikat } from '../../domain/scoring/predikat.js';
import type { PredikatOrganisasi } from '../../domain/scoring/distribusi.js';

// What the annual evaluation's pages share (docs/domain/evaluasi-tahunan.md): the employees a
// unit's distribution check covers, each with the predikat that counts now. A unit's check covers
// the staff of the unit and of its sub-units that have no organisation predikat of their own in
// the cycle (a sub-unit with one is checked on its own). An employee belongs to the unit of the
// year's last SKP (saran_tahunan.unit_id). The predikat that counts: the appraiser's (confirmed,
// overridden, or FINAL) when there is one, else the suggestion, else none (withheld). Last year's
// predikat (the ranking's tie-break) is the previous year's cycle's FINAL evaluation.

export type BarisCakupan = {
  pegawaiId: number;
  nip: string;
  nama: string;
  unitId: number;
  unitNama: string;
  /** the appraiser's predikat, or the suggestion's when not yet confirmed; null = withheld and unconfirmed */
  predikat: Predikat | null;
  saranPredikat: Predikat | null;
  /** the appraiser has confirmed or overridden (or it is FINAL) */
  dikonfirmasi: boolean;
  final: boolean;
  ratingHasilKerja: Ekspektasi | null;
  ratingPerilaku: Ekspektasi | null;
  /** the ranking nilai (mean capaian of the UTAMA indicators, percent), as text "104.2500" */
  nilai: string | null;
  evaluasiId: number | null;
  evaluasiVersion: number | null;
  penilaiId: number | null;
  penilaiLuarId: number | null;
  kepalaUnitId: number | null;
  /** last year's predikat (the previous cycle's FINAL evaluation): the ranking's first tie-break */
  predikatLalu: Predikat | null;
};

/** The ids of the units a unit's check covers (itself and its sub-units without a predikat of their own, transitively). */
export const unitCakupan = (q: Sql, siklusId: number, unitId: number) =>
  q.rows<{ id: number }>(
    named(
      'evaluasi_unit_cakupan',
      sql`SELECT c.id FROM unit_kerja u JOIN unit_kerja c ON c.path LIKE u.path || '%'
           WHERE u.id = (SELECT ${unitId}::int)
             AND NOT EXISTS (SELECT 1 FROM penetapan_predikat pp JOIN unit_kerja d ON d.id = pp.unit_id
                              WHERE pp.siklus_id = (SELECT ${siklusId}::int) AND d.id <> u.id
                                AND d.path LIKE u.path || '%' AND c.path LIKE d.path || '%')
           ORDER BY c.path`,
    ),
  );

type Frag = ReturnType<typeof sql> | ReturnType<typeof sql.raw>;

/** What barisCakupan returns of each row. */
const KOLOM = sql.raw(`s.pegawai_id, p.nip, p.nama, s.unit_id, cakupan.nama AS unit_nama,
                 COALESCE(e.predikat, s.predikat) AS predikat, s.predikat AS saran_predikat,
                 (e.id IS NOT NULL) AS dikonfirmasi, COALESCE(e.status = 'FINAL', false) AS final,
                 COALESCE(e.rating_hasil_kerja, s.hasil_kerja) AS rating_hasil_kerja,
                 COALESCE(e.rating_perilaku, s.perilaku) AS rating_perilaku,
                 s.nilai::text AS nilai, e.id AS evaluasi_id, e.version AS evaluasi_version,
                 s.penilai_id, s.penilai_luar_id, s.kepala_unit_id, el.predikat AS predikat_lalu`);
/**
 * What the digest reads of each row: the row versions (xmin) of everything the row shows (the
 * suggestion, the employee, their unit, this year's and last year's evaluation), by employee: any
 * write to one of them makes a new version. No column is turned into text.
 */
const KOLOM_SIDIK = sql.raw(`s.pegawai_id, s.xmin AS sx, p.xmin AS px, cakupan.uxmin, e.xmin AS ex, el.xmin AS lx`);

/**
 * The rows of a unit's check as one SELECT (no order), the cycle and the unit given as SQL
 * (an InitPlan: `(SELECT $n::int)`, or a CTE's column), shared by barisCakupan and sidikCakupan.
 */
const barisSql = (siklus: Frag, unit: Frag, kolom: Frag = KOLOM) => sql`WITH cakupan AS (
            SELECT c.id, c.nama, c.xmin AS uxmin FROM unit_kerja u JOIN unit_kerja c ON c.path LIKE u.path || '%'
             WHERE u.id = ${unit}
               AND NOT EXISTS (SELECT 1 FROM penetapan_predikat pp JOIN unit_kerja d ON d.id = pp.unit_id
                                WHERE pp.siklus_id = ${siklus} AND d.id <> u.id
                                  AND d.path LIKE u.path || '%' AND c.path LIKE d.path || '%'))
          SELECT ${kolom}
            FROM saran_tahunan s
            JOIN cakupan ON cakupan.id = s.unit_id
            JOIN pegawai p ON p.id = s.pegawai_id
            LEFT JOIN evaluasi_tahunan e ON e.siklus_id = s.siklus_id AND e.pegawai_id = s.pegawai_id
            LEFT JOIN evaluasi_tahunan el ON el.pegawai_id = s.pegawai_id AND el.status = 'FINAL'
                  AND el.siklus_id = (SELECT l.id FROM siklus l JOIN siklus c ON l.tahun = c.tahun - 1 WHERE c.id = ${siklus})
           WHERE s.siklus_id = ${siklus}`;

/** The employees a unit's check covers with the predikat that counts now, by name. */
export const barisCakupan = (q: Sql, siklusId: number, unitId: number) =>
  q.rows<BarisCakupan>(named('evaluasi_baris_cakupan', sql`${barisSql(sql`(SELECT ${siklusId}::int)`, sql`(SELECT ${unitId}::int)`)} ORDER BY p.nama, p.id`));

/**
 * A digest of everything barisCakupan would return (the count, and the sum of a 64-bit hash of
 * each employee's row versions: no sort, no text of the rows; bench/kalibrasi.ts), as a
 * scalar subquery to put in a statement: a reader that kept the rows of an equal digest may use
 * them without reading them again (src/modules/evaluasi/kalibrasi/service.ts). `siklus`, `unit`
 * as in barisSql.
 */
export const sidikCakupanSql = (siklus: Frag, unit: Frag) =>
  sql`(SELECT count(*) || ':' || COALESCE(sum(hashtextextended(concat_ws(':', b.pegawai_id, b.sx, b.px, b.uxmin, b.ex, b.lx), 0)), 0) FROM (${barisSql(siklus, unit, KOLOM_SIDIK)}) b)`;

/** A unit's organisation predikat in the cycle, or null. */
export const predikatOrganisasiUnit = async (q: Sql, siklusId: number, unitId: number) =>
  (
    await q.rows<{ id: number; predikat: PredikatOrganisasi; version: number }>(
      sql`SELECT id, predikat, version FROM penetapan_predikat WHERE siklus_id = ${siklusId} AND unit_id = ${unitId}`,
    )
  )[0] ?? null;
