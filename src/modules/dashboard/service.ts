import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { adminCounts, headcountOfSubtree, headcountPerChildUnit, tanpaPenilai } from './queries.js';

export type AdminSummary = { units: number; jabatan: number; aktif: number; nonaktif: number; pns: number; pppk: number; tanpaPenilai: number; tanpaPenilaiList: { id: number; nip: string; nama: string }[] };

export async function adminSummary(db: Db): Promise<AdminSummary> {
  const [counts, tanpaPenilaiList] = await Promise.all([adminCounts(db.sql), tanpaPenilai(db.sql, 10)]);
  return { ...counts, tanpaPenilaiList };
}

/** Headcount per unit directly under the pimpinan's unit (its subtree rolled up). */
export async function pimpinanSummary(db: Db, actor: Actor) {
  if (!actor.pimpinanPath) return { total: 0, perUnit: [] as { nama: string; jumlah: number }[] };
  const [perUnit, total] = await Promise.all([headcountPerChildUnit(db.sql, actor.pimpinanPath), headcountOfSubtree(db.sql, actor.pimpinanPath)]);
  return { total, perUnit };
}

export async function ownSummary(db: Db, actor: Actor) {
  if (actor.pegawaiId === null) return null;
  const [me, bawahan] = await Promise.all([
    db.prisma.pegawai.findUnique({ where: { id: actor.pegawaiId }, include: { jabatan: true, unit: true, penilai: { select: { nama: true, nip: true } } } }),
    db.prisma.pegawai.findMany({ where: { penilaiId: actor.pegawaiId, aktif: true }, orderBy: { nama: 'asc' }, include: { jabatan: { select: { nama: true } } } }),
  ]);
  return { me, bawahan };
}
