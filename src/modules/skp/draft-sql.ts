import { sql, type Sql } from '../../db/sql.js';

// Creating draft SKPs is one set-based statement, shared by the bulk job (a range of employees
// at a time), new employees mid-year and imports. ON CONFLICT makes every run duplicate-safe.

const SNAPSHOT = `jsonb_build_object(
    'pegawai', jsonb_build_object('nama', p.nama, 'nip', p.nip, 'pangkatGolongan', p.pangkat_golongan, 'jenisAsn', p.jenis_asn, 'jabatan', j.nama, 'jenisJabatan', j.jenis, 'unit', u.nama),
    'penilai', CASE WHEN pn.id IS NULL THEN NULL ELSE jsonb_build_object('nama', pn.nama, 'nip', pn.nip, 'pangkatGolongan', pn.pangkat_golongan, 'jenisAsn', pn.jenis_asn, 'jabatan', pj.nama, 'jenisJabatan', pj.jenis, 'unit', pu.nama) END)`;

const insert = (siklusId: number, which: ReturnType<typeof sql>) => sql`INSERT INTO skp (siklus_id, pegawai_id, penilai_id, snapshot)
  SELECT ${siklusId}::int, p.id, p.penilai_id, ${sql.raw(SNAPSHOT)}
    FROM pegawai p
    JOIN jabatan j ON j.id = p.jabatan_id JOIN unit_kerja u ON u.id = p.unit_id
    LEFT JOIN pegawai pn ON pn.id = p.penilai_id LEFT JOIN jabatan pj ON pj.id = pn.jabatan_id LEFT JOIN unit_kerja pu ON pu.id = pn.unit_id
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
