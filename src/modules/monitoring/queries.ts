import { likePrefix, named, sql, type Sql } from '../../db/sql.js';

// Monitoring Pengisian's reads (docs/domain/monitoring.md). The counts come from the summary
// table `monitoring_ringkasan` (one row per period and unit, kept in step by triggers in the
// writing transaction), so the whole agency's page adds up a few hundred rows instead of counting
// every SKP and report. The late list and the export read the rows themselves.

import type { Hitungan } from '../../domain/monitoring.js';

export type HitunganAnak = Hitungan & { /** the child unit the counts add up under; null = the unit itself */ anakId: number | null };

const SUMS = sql`COALESCE(sum(m.skp_draft), 0)::int AS skp_draft, COALESCE(sum(m.skp_diajukan), 0)::int AS skp_diajukan,
  COALESCE(sum(m.skp_dikembalikan), 0)::int AS skp_dikembalikan, COALESCE(sum(m.skp_disetujui), 0)::int AS skp_disetujui,
  COALESCE(sum(m.lap_draft), 0)::int AS lap_draft, COALESCE(sum(m.lap_diajukan), 0)::int AS lap_diajukan,
  COALESCE(sum(m.lap_dikembalikan), 0)::int AS lap_dikembalikan, COALESCE(sum(m.lap_dinilai), 0)::int AS lap_dinilai`;

/**
 * The counts of period `periodeId` under the unit whose path is `path` ('/' = the whole agency),
 * grouped by the child unit each row falls under (the next segment of its path after `path`), in
 * one statement over the summary rows of the subtree.
 */
export const hitunganPerAnak = (q: Sql, periodeId: number, path: string) =>
  q.rows<HitunganAnak>(
    named(
      'monitoring-per-anak',
      sql`SELECT NULLIF(split_part(substr(u.path, length(${path}::text) + 1), '/', 1), '')::int AS anak_id, ${SUMS}
            FROM monitoring_ringkasan m JOIN unit_kerja u ON u.id = m.unit_id
           WHERE m.periode_id = ${periodeId} AND u.path LIKE ${likePrefix(path)}
           GROUP BY 1`,
    ),
  );

export type UnitRingkas = { id: number; kode: string; nama: string; path: string; parentId: number | null };

/** The units directly under `parentId` (null: the top units), by name. */
export const unitAnak = (q: Sql, parentId: number | null) =>
  q.rows<UnitRingkas>(
    parentId === null
      ? named('monitoring-unit-akar', sql`SELECT id, kode, nama, path, parent_id FROM unit_kerja WHERE parent_id IS NULL ORDER BY nama, id`)
      : named('monitoring-unit-anak', sql`SELECT id, kode, nama, path, parent_id FROM unit_kerja WHERE parent_id = ${parentId} ORDER BY nama, id`),
  );

/** A unit and its ancestors, top first (the breadcrumb), from its path. */
export const unitDanLeluhur = (q: Sql, unitId: number) =>
  q.rows<UnitRingkas>(sql`SELECT a.id, a.kode, a.nama, a.path, a.parent_id
      FROM unit_kerja u JOIN unit_kerja a ON u.path LIKE a.path || '%'
     WHERE u.id = ${unitId} ORDER BY length(a.path)`);

export type TerlambatRow = {
  skpId: number; pegawaiId: number; nip: string; nama: string; unit: string; penilai: string | null;
  /** null = not started (no report yet) */
  status: 'DRAFT' | 'DIKEMBALIKAN' | null;
  dibukaSampai: Date | null;
  /** a manual reminder was sent today (in the agency's zone) */
  diingatkan: boolean;
};

/** What the late list and the export share: the SKPs of the period's cycle covering the period, in the subtree, whose report is not submitted. */
const terlambatFrom = (periodeId: number, path: string) => sql`
    FROM periode pe
    JOIN skp s ON s.siklus_id = pe.siklus_id AND s.periode_awal <= pe.selesai AND s.periode_akhir >= pe.mulai
    JOIN pegawai p ON p.id = s.pegawai_id AND p.aktif
    JOIN unit_kerja u ON u.id = p.unit_id
    LEFT JOIN laporan_periode l ON l.skp_id = s.id AND l.periode_id = pe.id
    LEFT JOIN pegawai pn ON pn.id = s.penilai_id
    LEFT JOIN pejabat_luar pl ON pl.id = s.penilai_luar_id
   WHERE pe.id = ${periodeId} AND u.path LIKE ${likePrefix(path)} AND (l.id IS NULL OR l.status IN ('DRAFT', 'DIKEMBALIKAN'))`;

const terlambatColumns = (periodeId: number, hariIni: string) => sql`s.id AS skp_id, p.id AS pegawai_id, p.nip, p.nama, u.nama AS unit, COALESCE(pn.nama, pl.nama) AS penilai,
       l.status, l.dibuka_sampai,
       EXISTS (SELECT 1 FROM pengingat r WHERE r.jenis = 'MANUAL' AND r.periode_id = ${periodeId} AND r.pegawai_id = p.id AND r.tanggal = ${hariIni}::date) AS diingatkan`;

/** One page of the late list, by name (keyset: after the SKP `setelah`), `limit` + 1 rows to tell whether there is more. */
export const terlambatRows = (q: Sql, periodeId: number, path: string, hariIni: string, limit: number, setelah: { nama: string; skpId: number } | null) =>
  q.rows<TerlambatRow>(sql`SELECT ${terlambatColumns(periodeId, hariIni)} ${terlambatFrom(periodeId, path)}
     ${setelah ? sql`AND (p.nama, s.id) > (${setelah.nama}::text, ${setelah.skpId}::int)` : sql``}
   ORDER BY p.nama, s.id LIMIT ${sql.raw(String(Math.trunc(limit) + 1))}`);

/** The whole late list of the subtree, for the export: read in pages of `batch` by keyset, so memory stays flat. */
export async function* semuaTerlambat(q: Sql, periodeId: number, path: string, hariIni: string, batch = 2000): AsyncGenerator<TerlambatRow[]> {
  let setelah: { nama: string; skpId: number } | null = null;
  for (;;) {
    const rows = await terlambatRows(q, periodeId, path, hariIni, batch - 1, setelah);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    setelah = { nama: last.nama, skpId: last.skpId };
  }
}

/** A late SKP of the period (for the manual reminder): the employee, the period and the cycle's zone, or nothing. */
export const satuTerlambat = (q: Sql, periodeId: number, pegawaiId: number) =>
  q.one<{ pegawaiId: number; unitPath: string; laporanId: number | null }>(sql`SELECT p.id AS pegawai_id, u.path AS unit_path, l.id AS laporan_id
    FROM periode pe
    JOIN skp s ON s.siklus_id = pe.siklus_id AND s.periode_awal <= pe.selesai AND s.periode_akhir >= pe.mulai
    JOIN pegawai p ON p.id = s.pegawai_id AND p.aktif
    JOIN unit_kerja u ON u.id = p.unit_id
    LEFT JOIN laporan_periode l ON l.skp_id = s.id AND l.periode_id = pe.id
   WHERE pe.id = ${periodeId} AND p.id = ${pegawaiId} AND (l.id IS NULL OR l.status IN ('DRAFT', 'DIKEMBALIKAN'))
   ORDER BY s.periode_awal DESC LIMIT 1`);
