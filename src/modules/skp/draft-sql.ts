import { sql, type Sql } from '../../db/sql.js';
import type { Orang } from '../../domain/skp-document.js';

// Creating draft SKPs is one set-based statement, shared by the bulk job (a range of employees
// at a time), new employees mid-year and imports. ON CONFLICT makes every run duplicate-safe.

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
  ON CONFLICT (siklus_id, pegawai_id) DO NOTHING`;

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
