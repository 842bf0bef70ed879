import type pg from 'pg';
import type { Sql } from '../../db/client.js';

// Creating draft SKPs is one set-based statement, shared by the bulk job (a range of employees
// at a time), new employees mid-year and imports. ON CONFLICT makes every run duplicate-safe.

const SNAPSHOT = `jsonb_build_object(
    'pegawai', jsonb_build_object('nama', p.nama, 'nip', p.nip, 'pangkatGolongan', p.pangkat_golongan, 'jenisAsn', p.jenis_asn, 'jabatan', j.nama, 'jenisJabatan', j.jenis, 'unit', u.nama),
    'penilai', CASE WHEN pn.id IS NULL THEN NULL ELSE jsonb_build_object('nama', pn.nama, 'nip', pn.nip, 'pangkatGolongan', pn.pangkat_golongan, 'jenisAsn', pn.jenis_asn, 'jabatan', pj.nama, 'jenisJabatan', pj.jenis, 'unit', pu.nama) END)`;

const INSERT = `INSERT INTO skp (siklus_id, pegawai_id, penilai_id, snapshot)
  SELECT $1, p.id, p.penilai_id, ${SNAPSHOT}
    FROM pegawai p
    JOIN jabatan j ON j.id = p.jabatan_id JOIN unit_kerja u ON u.id = p.unit_id
    LEFT JOIN pegawai pn ON pn.id = p.penilai_id LEFT JOIN jabatan pj ON pj.id = pn.jabatan_id LEFT JOIN unit_kerja pu ON pu.id = pn.unit_id
   WHERE p.aktif AND `;

type Queryable = Sql | Pick<pg.PoolClient, 'query'>;

/** Draft SKPs for active employees with id in [fromId, toId]; returns how many were created. */
export async function createDraftsInRange(c: Queryable, siklusId: number, fromId: number, toId: number): Promise<number> {
  const r = await c.query(`${INSERT} p.id BETWEEN $2 AND $3 ON CONFLICT (siklus_id, pegawai_id) DO NOTHING`, [siklusId, fromId, toId]);
  return r.rowCount ?? 0;
}

/** Draft SKPs for the given employees in every cycle that is open for planning. */
export async function createDraftsForPegawai(c: Queryable, pegawaiIds: number[]): Promise<number> {
  if (pegawaiIds.length === 0) return 0;
  const open = await c.query<{ id: number }>(`SELECT id FROM siklus WHERE fase IN ('PERENCANAAN', 'PELAKSANAAN')`);
  let n = 0;
  for (const s of open.rows) {
    const r = await c.query(`${INSERT} p.id = ANY($2::int[]) ON CONFLICT (siklus_id, pegawai_id) DO NOTHING`, [s.id, pegawaiIds]);
    n += r.rowCount ?? 0;
  }
  return n;
}
