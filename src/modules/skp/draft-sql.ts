import { sql, type Sql } from '../../db/sql.js';
import type { Orang } from '../../domain/skp-document.js';

// Creating draft SKPs is one set-based statement, shared by the bulk job (a range of employees
// at a time), new employees mid-year and imports. ON CONFLICT makes every run duplicate-safe:
// it names the partial unique index "one open SKP per employee per cycle" (ditutup_at IS NULL;
// migration 20261202030000_skp_per_period), so an employee whose SKP a move closed and succeeded
// is not given a third.

/**
 * Whether the holder of position `j` heads a unit kerja mandiri (and so uses the JPT form):
 * the position a mandiri unit records as its head (unit_kerja.kepala_jabatan_id), or, in a
 * mandiri unit that records none, its one highest structural position (JPT > administrator >
 * pengawas; two of the same kind make none the head until HR records it). docs/domain/skp.md
 * § JPT form.
 */
const RANK = `ARRAY['PENGAWAS', 'ADMINISTRATOR', 'JPT']::text[]`;
/** The positions that head a unit kerja mandiri: few rows, read once per statement (an uncorrelated, hashed subquery). */
const KEPALA_MANDIRI = `SELECT m.kepala_jabatan_id FROM unit_kerja m WHERE m.mandiri AND m.kepala_jabatan_id IS NOT NULL
      UNION ALL
      SELECT h.id FROM unit_kerja m JOIN jabatan h ON h.unit_id = m.id
       WHERE m.mandiri AND m.kepala_jabatan_id IS NULL AND h.jenis IN ('JPT', 'ADMINISTRATOR', 'PENGAWAS')
         AND NOT EXISTS (SELECT 1 FROM jabatan o WHERE o.unit_id = m.id AND o.id <> h.id AND o.aktif
                            AND array_position(${RANK}, o.jenis::text) >= array_position(${RANK}, h.jenis::text))`;
const pimpinanUnitMandiriSql = (j: string) => `(${j}.id IN (${KEPALA_MANDIRI}))`;

/**
 * Where each part of the identity snapshot (domain/skp-document.ts, `orang`) comes from, for a
 * person `p` with position `j` and unit `u`: typed against the model, so the two cannot drift.
 */
const ORANG_SQL = {
  nama: (p, _j, _u) => `${p}.nama`,
  nip: (p, _j, _u) => `${p}.nip`,
  pangkatGolongan: (p, _j, _u) => `${p}.pangkat_golongan`,
  jenisAsn: (p, _j, _u) => `${p}.jenis_asn`,
  jabatan: (_p, j, _u) => `${j}.nama`,
  jenisJabatan: (_p, j, _u) => `${j}.jenis`,
  unit: (_p, _j, u) => `${u}.nama`,
  pimpinanUnitMandiri: (_p, j, _u) => pimpinanUnitMandiriSql(j),
} satisfies Record<Exclude<keyof Orang, 'luar'>, (p: string, j: string, u: string) => string>;
const orangSql = (p: string, j: string, u: string) =>
  `jsonb_build_object(${Object.entries(ORANG_SQL).map(([k, col]) => `'${k}', ${col(p, j, u)}`).join(', ')})`;

/**
 * The same for an appraiser outside the agency `l` (pejabat_luar): no employee record, so no
 * ASN kind or position kind; the instansi stands where an employee's unit would (the JPT form's
 * INSTANSI row of the appraiser) and `luar` says so.
 */
const ORANG_LUAR_SQL = {
  nama: (l) => `${l}.nama`,
  nip: (l) => `COALESCE(${l}.nip, '')`,
  pangkatGolongan: (l) => `COALESCE(${l}.pangkat_golongan, '')`,
  jenisAsn: () => `NULL`,
  jabatan: (l) => `${l}.jabatan`,
  jenisJabatan: () => `NULL`,
  unit: (l) => `${l}.instansi`,
  pimpinanUnitMandiri: () => `NULL`,
  luar: () => `TRUE`,
} satisfies Record<keyof Orang, (l: string) => string>;
const orangLuarSql = (l: string) =>
  `jsonb_strip_nulls(jsonb_build_object(${Object.entries(ORANG_LUAR_SQL).map(([k, col]) => `'${k}', ${col(l)}`).join(', ')}))`;

const SNAPSHOT = `jsonb_build_object(
    'pegawai', ${orangSql('p', 'j', 'u')},
    'penilai', CASE WHEN pn.id IS NOT NULL THEN ${orangSql('pn', 'pj', 'pu')} WHEN pl.id IS NOT NULL THEN ${orangLuarSql('pl')} ELSE NULL END)`;

const insert = (siklusId: number, which: ReturnType<typeof sql>) => sql`INSERT INTO skp (siklus_id, pegawai_id, penilai_id, penilai_luar_id, snapshot, periode_awal, periode_akhir)
  SELECT ${siklusId}::int, p.id, p.penilai_id, p.penilai_luar_id, ${sql.raw(SNAPSHOT)}, make_date(c.tahun, 1, 1), make_date(c.tahun, 12, 31)
    FROM pegawai p
    JOIN siklus c ON c.id = ${siklusId}::int
    JOIN jabatan j ON j.id = p.jabatan_id JOIN unit_kerja u ON u.id = p.unit_id
    LEFT JOIN pegawai pn ON pn.id = p.penilai_id LEFT JOIN jabatan pj ON pj.id = pn.jabatan_id LEFT JOIN unit_kerja pu ON pu.id = pn.unit_id
    LEFT JOIN pejabat_luar pl ON pl.id = p.penilai_luar_id
   WHERE p.aktif AND ${which}
  ON CONFLICT (siklus_id, pegawai_id) WHERE ditutup_at IS NULL DO NOTHING`;

/** Draft SKPs for active employees with id in [fromId, toId]; returns how many were created. */
export function createDraftsInRange(q: Sql, siklusId: number, fromId: number, toId: number): Promise<number> {
  return q.exec(insert(siklusId, sql`p.id BETWEEN ${fromId} AND ${toId}`));
}

/** Draft SKPs for the given employees in every cycle that is open for planning. */
export async function createDraftsForPegawai(q: Sql, pegawaiIds: number[]): Promise<number> {
  if (pegawaiIds.length === 0) return 0;
  const open = await q.rows<{ id: number }>(sql`SELECT id FROM siklus WHERE fase IN ('PERENCANAAN', 'PELAKSANAAN')`);
  let n = 0;
  for (const s of open) n += await q.exec(insert(s.id, sql`p.id = ANY(${pegawaiIds}::int[])`));
  return n;
}

/** Whether an SKP drafted now for the holder of this position would use the JPT form (usesJptForm). */
export async function jabatanUsesJptForm(q: Sql, jabatanId: number): Promise<boolean> {
  const r = await q.one<{ jpt: boolean }>(sql`SELECT (j.jenis = 'JPT' OR ${sql.raw(pimpinanUnitMandiriSql('j'))}) AS jpt FROM jabatan j WHERE j.id = ${jabatanId}`);
  return r?.jpt === true;
}

/**
 * The SKP that follows `prev` after a move (docs/domain/mutasi.md): from the TMT to 31 December,
 * with the employee's appraiser and identity as they now are. The caller has closed `prev` in
 * the same transaction. Returns the new SKP's id.
 */
export async function createSuccessorSkp(q: Sql, prev: { id: number; siklusId: number; pegawaiId: number }, tmt: string): Promise<number> {
  const row = await q.one<{ id: number }>(sql`INSERT INTO skp (siklus_id, pegawai_id, penilai_id, penilai_luar_id, snapshot, periode_awal, periode_akhir, sebelumnya_id)
  SELECT ${prev.siklusId}::int, p.id, p.penilai_id, p.penilai_luar_id, ${sql.raw(SNAPSHOT)}, ${tmt}::date, make_date(c.tahun, 12, 31), ${prev.id}::int
    FROM pegawai p
    JOIN siklus c ON c.id = ${prev.siklusId}::int
    JOIN jabatan j ON j.id = p.jabatan_id JOIN unit_kerja u ON u.id = p.unit_id
    LEFT JOIN pegawai pn ON pn.id = p.penilai_id LEFT JOIN jabatan pj ON pj.id = pn.jabatan_id LEFT JOIN unit_kerja pu ON pu.id = pn.unit_id
    LEFT JOIN pejabat_luar pl ON pl.id = p.penilai_luar_id
   WHERE p.id = ${prev.pegawaiId}::int
  RETURNING id`);
  return row!.id;
}

/** An official outside the agency as the snapshot records an appraiser (no position kind, the instansi as unit). */
const LUAR_SQL = `jsonb_build_object('nama', pl.nama, 'nip', COALESCE(pl.nip, ''), 'pangkatGolongan', COALESCE(pl.pangkat_golongan, ''), 'jabatan', pl.jabatan, 'unit', pl.instansi)`;

/**
 * Writes the SKP's own appraiser (skp.penilai_id / penilai_luar_id), with their rank, position
 * and unit as they are now, into its snapshot: when it is approved (so the frozen version names
 * who signed) and when HR moves it to a new appraiser.
 */
export function refreshPenilaiSnapshot(q: Sql, skpId: number): Promise<number> {
  return q.exec(sql`UPDATE skp s SET snapshot = jsonb_set(COALESCE(s.snapshot, '{}'::jsonb), '{penilai}',
         CASE WHEN pn.id IS NOT NULL THEN ${sql.raw(orangSql('pn', 'pj', 'pu'))}
              WHEN pl.id IS NOT NULL THEN ${sql.raw(LUAR_SQL)}
              ELSE 'null'::jsonb END)
    FROM skp x
    LEFT JOIN pegawai pn ON pn.id = x.penilai_id LEFT JOIN jabatan pj ON pj.id = pn.jabatan_id LEFT JOIN unit_kerja pu ON pu.id = pn.unit_id
    LEFT JOIN pejabat_luar pl ON pl.id = x.penilai_luar_id
   WHERE s.id = ${skpId}::int AND x.id = s.id`);
}
