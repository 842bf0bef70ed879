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

export type UnitRingkas = { id: number; kode: string; nama: string; path: string; parentId: number | null };

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

/** The period as the late list needs it: its id, its cycle and its days ('YYYY-MM-DD'). */
export type PeriodeKunci = { id: number; siklusId: number; mulai: string; selesai: string };
export type Setelah = { nama: string; pegawaiId: number; skpId: number };

/**
 * What the late list and the export share: the SKPs of the period's cycle covering the period, of
 * active employees in the subtree, whose report is not submitted. Written from the employee side
 * with the period's values as parameters, so that PostgreSQL can walk the employees by name (the
 * (aktif, nama, id) index) and stop at the page's end instead of sorting every late report.
 */
const terlambatFrom = (pe: PeriodeKunci, path: string) => sql`
    FROM pegawai p
    JOIN skp s ON s.pegawai_id = p.id AND s.siklus_id = (SELECT ${pe.siklusId}::int) AND s.periode_awal <= (SELECT ${pe.selesai}::date) AND s.periode_akhir >= (SELECT ${pe.mulai}::date)
    JOIN unit_kerja u ON u.id = p.unit_id
    LEFT JOIN laporan_periode l ON l.skp_id = s.id AND l.periode_id = (SELECT ${pe.id}::int)
    LEFT JOIN pegawai pn ON pn.id = s.penilai_id
    LEFT JOIN pejabat_luar pl ON pl.id = s.penilai_luar_id
   WHERE p.aktif${path === '/' ? sql`` : sql` AND p.unit_id IN (SELECT id FROM unit_kerja WHERE path LIKE (SELECT ${likePrefix(path)}::text))`}
     AND (l.id IS NULL OR l.status IN ('DRAFT', 'DIKEMBALIKAN'))`;

const terlambatColumns = (periodeId: number, hariIni: string) => sql`s.id AS skp_id, p.id AS pegawai_id, p.nip, p.nama, u.nama AS unit, COALESCE(pn.nama, pl.nama) AS penilai,
       l.status, l.dibuka_sampai,
       EXISTS (SELECT 1 FROM pengingat r WHERE r.jenis = 'MANUAL' AND r.periode_id = (SELECT ${periodeId}::int) AND r.pegawai_id = p.id AND r.tanggal = (SELECT ${hariIni}::date)) AS diingatkan`;

const afterKey = (setelah: Setelah | null) => (setelah ? sql` AND (p.nama, p.id, s.id) > (${setelah.nama}::text, ${setelah.pegawaiId}::int, ${setelah.skpId}::int)` : sql``);

/** One page of the late list, by name (keyset: after `setelah`), `limit` + 1 rows to tell whether there is more. */
export const terlambatRows = (q: Sql, pe: PeriodeKunci, path: string, hariIni: string, limit: number, setelah: Setelah | null) =>
  q.rows<TerlambatRow>(sql`SELECT ${terlambatColumns(pe.id, hariIni)} ${terlambatFrom(pe, path)}${afterKey(setelah)}
   ORDER BY p.nama, p.id, s.id LIMIT ${sql.raw(String(Math.trunc(limit) + 1))}`);

/** The whole late list of the subtree, for the export: read in pages of `batch` by keyset, so memory stays flat. */
export async function* semuaTerlambat(q: Sql, pe: PeriodeKunci, path: string, hariIni: string, batch = 2000): AsyncGenerator<TerlambatRow[]> {
  let setelah: Setelah | null = null;
  for (;;) {
    const rows = await terlambatRows(q, pe, path, hariIni, batch - 1, setelah);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    setelah = { nama: last.nama, pegawaiId: last.pegawaiId, skpId: last.skpId };
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

export type PeriodeRow = { id: number; nama: string; urutan: number; mulai: Date; selesai: Date; batasPegawai: Date; siklus: { id: number; tahun: number; fase: string; zonaWaktu: string } };

/** Every period of every cycle past DRAFT, newest cycle first, in one named statement. */
export async function periodeRows(q: Sql): Promise<PeriodeRow[]> {
  const rows = await q.rows<{ id: number; nama: string; urutan: number; mulai: Date; selesai: Date; batasPegawai: Date; siklusId: number; tahun: number; fase: string; zonaWaktu: string }>(
    named('monitoring-periode', sql`SELECT p.id, p.nama, p.urutan, p.mulai, p.selesai, p.batas_pegawai, s.id AS siklus_id, s.tahun, s.fase, s.zona_waktu
      FROM periode p JOIN siklus s ON s.id = p.siklus_id WHERE s.fase <> 'DRAFT' ORDER BY s.tahun DESC, p.urutan`),
  );
  return rows.map(({ siklusId, tahun, fase, zonaWaktu, ...p }) => ({ ...p, siklus: { id: siklusId, tahun, fase, zonaWaktu } }));
}

export type Halaman = { anak: UnitRingkas[]; hitungan: HitunganAnak[]; terlambat: TerlambatRow[] | null };

/**
 * (Every value is passed as an InitPlan, `(SELECT $n)`, so that PostgreSQL keeps one generic plan
 * for the named statement instead of planning it afresh on each request: planning it took 3.4 ms,
 * running it 2 ms, on the 20,000-employee bench.)
 *
 * What one page shows, in one statement (one round trip): the child units of the unit looked at
 * (`unitId` null: the top units), the counts per child from the summary, and — when the deadline
 * has passed (`lewat`) — one page of the late list (`limit` + 1 rows, after `setelah`).
 */
export async function halamanRows(
  q: Sql,
  a: { periode: PeriodeKunci; path: string; unitId: number | null; lewat: boolean; hariIni: string; limit: number; setelah: Setelah | null },
): Promise<Halaman> {
  const anakWhere = a.unitId === null ? sql`c.parent_id IS NULL` : sql`c.parent_id = ${a.unitId}`;
  const late = a.lewat
    ? sql`(SELECT json_agg(json_build_object('skpId', x.skp_id, 'pegawaiId', x.pegawai_id, 'nip', x.nip, 'nama', x.nama, 'unit', x.unit, 'penilai', x.penilai,
                                   'status', x.status, 'dibukaSampai', x.dibuka_sampai, 'diingatkan', x.diingatkan) ORDER BY x.nama, x.pegawai_id, x.skp_id)
             FROM (SELECT ${terlambatColumns(a.periode.id, a.hariIni)} ${terlambatFrom(a.periode, a.path)}${afterKey(a.setelah)}
                    ORDER BY p.nama, p.id, s.id LIMIT ${sql.raw(String(Math.trunc(a.limit) + 1))}) x)`
    : sql`NULL::json`;
  const r = await q.one<{ anak: UnitRingkas[] | null; hitungan: HitunganAnak[] | null; terlambat: (Omit<TerlambatRow, 'dibukaSampai'> & { dibukaSampai: string | null })[] | null }>(
    named(
      `monitoring-halaman-${a.unitId === null ? 'akar' : 'unit'}-${a.path === '/' ? 'semua' : 'cabang'}-${a.lewat ? 'lewat' : 'buka'}-${a.setelah ? 'lanjut' : 'awal'}`,
      sql`SELECT
        (SELECT json_agg(json_build_object('id', c.id, 'kode', c.kode, 'nama', c.nama, 'path', c.path, 'parentId', c.parent_id) ORDER BY c.nama, c.id) FROM unit_kerja c WHERE ${anakWhere}) AS anak,
        (SELECT json_agg(json_build_object('anakId', h.anak_id, 'skpDraft', h.skp_draft, 'skpDiajukan', h.skp_diajukan, 'skpDikembalikan', h.skp_dikembalikan, 'skpDisetujui', h.skp_disetujui,
                                           'lapDraft', h.lap_draft, 'lapDiajukan', h.lap_diajukan, 'lapDikembalikan', h.lap_dikembalikan, 'lapDinilai', h.lap_dinilai))
           FROM (SELECT NULLIF(split_part(substr(u.path, length(${a.path}::text) + 1), '/', 1), '')::int AS anak_id, ${SUMS}
                   FROM monitoring_ringkasan m JOIN unit_kerja u ON u.id = m.unit_id
                  WHERE m.periode_id = (SELECT ${a.periode.id}::int) AND u.path LIKE (SELECT ${likePrefix(a.path)}::text)
                  GROUP BY 1) h) AS hitungan,
        ${late} AS terlambat`,
    ),
  );
  return {
    anak: r?.anak ?? [],
    hitungan: r?.hitungan ?? [],
    terlambat: a.lewat ? (r?.terlambat ?? []).map((x) => ({ ...x, dibukaSampai: x.dibukaSampai ? new Date(x.dibukaSampai) : null })) : null,
  };
}
