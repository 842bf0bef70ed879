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
    db.prisma.pegawai.findUnique({ where: { id: actor.pegawaiId }, include: { jabatan: true, unit: true, penilai: { select: { nama: true, nip: true } }, penilaiLuar: { select: { nama: true, jabatan: true } } } }),
    db.prisma.pegawai.findMany({ where: { penilaiId: actor.pegawaiId, aktif: true }, orderBy: { nama: 'asc' }, include: { jabatan: { select: { nama: true } } } }),
  ]);
  return { me, bawahan };
}

/**
 * The home page of an official outside the agency: the SKPs of the employees who name them as
 * appraiser, in every cycle past DRAFT, newest cycle first, those waiting for a decision first.
 */
export async function luarHomePage(db: Db, actor: Actor) {
  if (actor.pejabatLuarId === null) return { pejabat: null, rows: [], menunggu: 0 };
  const [pejabat, rows] = await Promise.all([
    db.prisma.pejabatLuar.findUnique({ where: { id: actor.pejabatLuarId }, select: { nama: true, jabatan: true, instansi: true } }),
    db.prisma.skp.findMany({
      where: { pegawai: { penilaiLuarId: actor.pejabatLuarId }, siklus: { fase: { not: 'DRAFT' } } },
      orderBy: [{ siklus: { tahun: 'desc' } }, { pegawai: { nama: 'asc' } }, { id: 'asc' }],
      select: { id: true, status: true, revisi: true, diajukanAt: true, disetujuiAt: true, siklus: { select: { tahun: true, fase: true } }, pegawai: { select: { nama: true, nip: true, jabatan: { select: { nama: true } } } } },
    }),
  ]);
  const menunggu = rows.filter((r) => r.status === 'DIAJUKAN').length;
  return { pejabat, rows: [...rows.filter((r) => r.status === 'DIAJUKAN'), ...rows.filter((r) => r.status !== 'DIAJUKAN')], menunggu };
}
