import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';

export type AdminSummary = { units: number; jabatan: number; aktif: number; nonaktif: number; pns: number; pppk: number; tanpaPenilai: number; tanpaPenilaiList: { id: number; nip: string; nama: string }[] };

export async function adminSummary(db: Db): Promise<AdminSummary> {
  const [c, missing] = await Promise.all([
    db.pool.query(`SELECT
        (SELECT count(*)::int FROM unit_kerja WHERE aktif) AS units,
        (SELECT count(*)::int FROM jabatan WHERE aktif) AS jabatan,
        count(*) FILTER (WHERE aktif)::int AS aktif,
        count(*) FILTER (WHERE NOT aktif)::int AS nonaktif,
        count(*) FILTER (WHERE aktif AND jenis_asn = 'PNS')::int AS pns,
        count(*) FILTER (WHERE aktif AND jenis_asn = 'PPPK')::int AS pppk,
        count(*) FILTER (WHERE aktif AND penilai_id IS NULL)::int AS "tanpaPenilai"
      FROM pegawai`),
    db.pool.query(`SELECT id, nip, nama FROM pegawai WHERE aktif AND penilai_id IS NULL ORDER BY nama LIMIT 10`),
  ]);
  return { ...c.rows[0], tanpaPenilaiList: missing.rows };
}

/** Headcount per unit directly under the pimpinan's unit (its subtree rolled up). */
export async function pimpinanSummary(db: Db, actor: Actor) {
  if (!actor.pimpinanPath) return { total: 0, perUnit: [] as { nama: string; jumlah: number }[] };
  const r = await db.pool.query<{ nama: string; jumlah: number }>(
    `SELECT c.nama, count(p.id)::int AS jumlah
       FROM unit_kerja c
       LEFT JOIN unit_kerja d ON d.path LIKE c.path || '%'
       LEFT JOIN pegawai p ON p.unit_id = d.id AND p.aktif
      WHERE c.path LIKE $1 AND array_length(string_to_array(trim(both '/' from c.path), '/'), 1) = array_length(string_to_array(trim(both '/' from $2::text), '/'), 1) + 1
      GROUP BY c.id, c.nama ORDER BY c.nama`,
    [actor.pimpinanPath + '%', actor.pimpinanPath],
  );
  const total = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pegawai p JOIN unit_kerja u ON u.id = p.unit_id WHERE p.aktif AND u.path LIKE $1`, [actor.pimpinanPath + '%']);
  return { total: total.rows[0]!.n, perUnit: r.rows };
}

export async function ownSummary(db: Db, actor: Actor) {
  if (actor.pegawaiId === null) return null;
  const [me, bawahan] = await Promise.all([
    db.prisma.pegawai.findUnique({ where: { id: actor.pegawaiId }, include: { jabatan: true, unit: true, penilai: { select: { nama: true, nip: true } } } }),
    db.prisma.pegawai.findMany({ where: { penilaiId: actor.pegawaiId, aktif: true }, orderBy: { nama: 'asc' }, include: { jabatan: { select: { nama: true } } } }),
  ]);
  return { me, bawahan };
}
