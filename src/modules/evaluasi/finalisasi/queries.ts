import { named, sql, type Sql } from '../../../db/sql.js';
import type { Fase } from '../../../domain/siklus.js';

// Finalisation's set-based reads (docs/domain/finalisasi.md).

/**
 * The units calibration and finalisation work by, with their headcounts: each employee of the
 * year counts in the nearest unit at or above the year's last SKP unit that has an organisation
 * predikat in the cycle, or else in the root of that unit's tree (the agency). These are exactly
 * the units whose check (src/modules/evaluasi/cakupan.ts) covers them.
 */
export const unitKalibrasi = (q: Sql, siklusId: number) =>
  q.rows<{ unitId: number; nama: string; path: string; n: number; dikonfirmasi: number; final: number; finalAt: Date | null; predikat: string | null }>(
    named(
      'finalisasi_unit_kalibrasi',
      sql`WITH kelompok AS (
            SELECT k.unit_id, e.id AS evaluasi_id, e.status
              FROM saran_tahunan s
              JOIN unit_kerja c ON c.id = s.unit_id
              LEFT JOIN evaluasi_tahunan e ON e.siklus_id = s.siklus_id AND e.pegawai_id = s.pegawai_id
             CROSS JOIN LATERAL (
               SELECT d.id AS unit_id FROM unit_kerja d
                WHERE c.path LIKE d.path || '%'
                  AND (d.parent_id IS NULL OR EXISTS (SELECT 1 FROM penetapan_predikat pp WHERE pp.siklus_id = s.siklus_id AND pp.unit_id = d.id))
                ORDER BY length(d.path) DESC LIMIT 1) k
             WHERE s.siklus_id = (SELECT ${siklusId}::int))
          SELECT u.id AS unit_id, u.nama, u.path, count(*)::int AS n,
                 count(k.evaluasi_id)::int AS dikonfirmasi, count(*) FILTER (WHERE k.status = 'FINAL')::int AS final,
                 ku.final_at, pp.predikat::text AS predikat
            FROM kelompok k JOIN unit_kerja u ON u.id = k.unit_id
            LEFT JOIN kalibrasi_unit ku ON ku.siklus_id = (SELECT ${siklusId}::int) AND ku.unit_id = u.id
            LEFT JOIN penetapan_predikat pp ON pp.siklus_id = (SELECT ${siklusId}::int) AND pp.unit_id = u.id
           GROUP BY u.id, u.nama, u.path, ku.final_at, pp.predikat
           ORDER BY u.path`,
    ),
  );

export const siklusKebijakan = (q: Sql, siklusId: number) =>
  q.one<{ id: number; tahun: number; fase: Fase; policy: unknown }>(sql`SELECT id, tahun, fase, policy FROM siklus WHERE id = ${siklusId}`);

/** The cycle finalisation shows when none is named: the one in KALIBRASI, else the newest past PENILAIAN. */
export const siklusFinalisasiBawaan = (q: Sql) =>
  q.one<{ id: number }>(sql`SELECT id FROM siklus WHERE fase IN ('PENILAIAN', 'KALIBRASI', 'SELESAI', 'ARSIP')
    ORDER BY (fase = 'KALIBRASI') DESC, tahun DESC LIMIT 1`);

/** Every cycle finalisation can show (the page's cycle choice). */
export const siklusPilihan = (q: Sql) =>
  q.rows<{ id: number; tahun: number; fase: Fase }>(sql`SELECT id, tahun, fase FROM siklus WHERE fase IN ('PENILAIAN', 'KALIBRASI', 'SELESAI', 'ARSIP') ORDER BY tahun DESC`);

/** The cycle, locked for the finalisation's transaction (two finalisations at once run one after the other). */
export const lockSiklus = (q: Sql, siklusId: number) =>
  q.one<{ id: number; tahun: number; fase: Fase; policy: unknown }>(sql`SELECT id, tahun, fase, policy FROM siklus WHERE id = ${siklusId} FOR UPDATE`);

/** The evaluations of these employees, locked, as they are now (what the check was made on must still hold). */
export const lockEvaluasi = (q: Sql, siklusId: number, pegawaiIds: readonly number[]) =>
  q.rows<{ id: number; pegawaiId: number; version: number; status: 'DIKONFIRMASI' | 'FINAL'; predikat: string }>(
    sql`SELECT id, pegawai_id, version, status, predikat FROM evaluasi_tahunan
         WHERE siklus_id = ${siklusId} AND pegawai_id = ANY(${pegawaiIds}::int[]) ORDER BY id FOR UPDATE`,
  );

/** The organisation predikat and the justification as they are now (read again inside the transaction). */
export const readUnitNow = (q: Sql, siklusId: number, unitId: number) =>
  q.one<{ predikat: string | null; predikatVersion: number | null; justifikasi: string | null }>(sql`
    SELECT (SELECT predikat::text FROM penetapan_predikat WHERE siklus_id = ${siklusId} AND unit_id = ${unitId}) AS predikat,
           (SELECT version FROM penetapan_predikat WHERE siklus_id = ${siklusId} AND unit_id = ${unitId}) AS predikat_version,
           (SELECT justifikasi FROM kalibrasi_unit WHERE siklus_id = ${siklusId} AND unit_id = ${unitId}) AS justifikasi`);

/** The functional-position pieces of the year's suggestion (saran_tahunan.ak), per employee. */
export const akSaran = (q: Sql, siklusId: number, pegawaiIds: readonly number[]) =>
  q.rows<{ pegawaiId: number; ak: unknown }>(
    sql`SELECT pegawai_id, ak FROM saran_tahunan WHERE siklus_id = ${siklusId} AND pegawai_id = ANY(${pegawaiIds}::int[])`,
  );
