import { likePrefix, sql, type Sql } from '../../db/sql.js';

export type AdminCounts = { units: number; jabatan: number; aktif: number; nonaktif: number; pns: number; pppk: number; tanpaPenilai: number };

/** The agency's headcounts for the HR home page, in one statement. */
export async function adminCounts(q: Sql): Promise<AdminCounts> {
  return (await q.one<AdminCounts>(sql`SELECT
      (SELECT count(*)::int FROM unit_kerja WHERE aktif) AS units,
      (SELECT count(*)::int FROM jabatan WHERE aktif) AS jabatan,
      count(*) FILTER (WHERE aktif)::int AS aktif,
      count(*) FILTER (WHERE NOT aktif)::int AS nonaktif,
      count(*) FILTER (WHERE aktif AND jenis_asn = 'PNS')::int AS pns,
      count(*) FILTER (WHERE aktif AND jenis_asn = 'PPPK')::int AS pppk,
      count(*) FILTER (WHERE aktif AND penilai_id IS NULL AND penilai_luar_id IS NULL)::int AS tanpa_penilai
    FROM pegawai`))!;
}

/** The first active employees without an appraiser, by name. */
export const tanpaPenilai = (q: Sql, limit: number) =>
  q.rows<{ id: number; nip: string; nama: string }>(sql`SELECT id, nip, nama FROM pegawai WHERE aktif AND penilai_id IS NULL AND penilai_luar_id IS NULL ORDER BY nama LIMIT ${limit}`);

/** Headcount per unit directly under the unit at `path`, each with its subtree rolled up. */
export const headcountPerChildUnit = (q: Sql, path: string) =>
  q.rows<{ nama: string; jumlah: number }>(sql`SELECT c.nama, count(p.id)::int AS jumlah
      FROM unit_kerja c
      LEFT JOIN unit_kerja d ON d.path LIKE c.path || '%'
      LEFT JOIN pegawai p ON p.unit_id = d.id AND p.aktif
     WHERE c.path LIKE ${likePrefix(path)} AND array_length(string_to_array(trim(both '/' from c.path), '/'), 1) = array_length(string_to_array(trim(both '/' from ${path}::text), '/'), 1) + 1
     GROUP BY c.id, c.nama ORDER BY c.nama`);

/** Active headcount of the subtree at `path`. */
export async function headcountOfSubtree(q: Sql, path: string): Promise<number> {
  return (await q.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM pegawai p JOIN unit_kerja u ON u.id = p.unit_id WHERE p.aktif AND u.path LIKE ${likePrefix(path)}`))!.n;
}
