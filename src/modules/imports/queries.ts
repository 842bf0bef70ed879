import { sql, type Sql } from '../../db/sql.js';

/** Codes for the template's example row: a pelaksana position, its unit, the appraiser of someone holding it. */
export function exampleCodes(q: Sql) {
  return q.one<{ kodeJabatan: string; kodeUnit: string; nipPenilai: string | null }>(sql`
    SELECT j.kode AS kode_jabatan, u.kode AS kode_unit, pn.nip AS nip_penilai
      FROM jabatan j JOIN unit_kerja u ON u.id = j.unit_id
      LEFT JOIN LATERAL (SELECT p.penilai_id FROM pegawai p WHERE p.jabatan_id = j.id AND p.aktif AND p.penilai_id IS NOT NULL ORDER BY p.id LIMIT 1) h ON TRUE
      LEFT JOIN pegawai pn ON pn.id = h.penilai_id AND pn.aktif
     WHERE j.aktif AND u.aktif
     ORDER BY (j.jenis = 'PELAKSANA') DESC, (pn.nip IS NOT NULL) DESC, j.id
     LIMIT 1`);
}

/** Every active position with its unit, for the template's code sheet. */
export function jabatanCodes(q: Sql) {
  return q.rows<{ kode: string; nama: string; jenis: string; unitKode: string; unitNama: string }>(sql`
    SELECT j.kode, j.nama, j.jenis::text AS jenis, u.kode AS unit_kode, u.nama AS unit_nama
      FROM jabatan j JOIN unit_kerja u ON u.id = j.unit_id
     WHERE j.aktif AND u.aktif ORDER BY u.path, j.kode`);
}
