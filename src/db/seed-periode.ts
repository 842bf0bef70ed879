// Demo rencana aksi and period targets (docs/domain/skp.md § Rencana aksi and period targets):
// for this year's SKPs, each RHK gets its rencana aksi for every period of the cycle, and every
// other indicator a target per period, written as the employee would, through the period plan
// form's schema and savePeriodePlan, before the SKP is submitted (so the approved version has
// them). A JUMLAH indicator always gets its year split over the periods so that they add up
// exactly (each period's report is then measured against its share, not the whole year).

import type { Db } from './client.js';
import type { Actor } from '../domain/access.js';
import { savePeriodePlan } from '../modules/skp/planning/periode.js';
import { periodeField, periodePlanForm } from '../modules/skp/schemas.js';

const AKSI_AWAL = ['Menyusun rencana kerja dan jadwal pelaksanaan', 'Mengumpulkan data dan bahan pendukung'];
const AKSI_TENGAH = 'Melaksanakan kegiatan sesuai jadwal dan memantau kemajuannya';
const AKSI_AKHIR = 'Menyusun laporan hasil dan bahan evaluasi akhir tahun';

/** A number as the form takes it: Indonesian, a comma for decimals. */
const angka = (n: number) => String(n).replace('.', ',');

export async function writePeriodePlans(db: Db, actor: Actor, skpId: number): Promise<void> {
  const skp = await db.prisma.skp.findUniqueOrThrow({ where: { id: skpId }, select: { siklusId: true } });
  const periode = await db.prisma.periode.findMany({ where: { siklusId: skp.siklusId }, orderBy: { urutan: 'asc' }, select: { id: true, urutan: true } });
  if (!periode.length) return;
  const rhk = await db.prisma.rhk.findMany({ where: { skpId, dihapusRevisi: null }, orderBy: { urutan: 'asc' }, include: { indikator: { where: { dihapusRevisi: null }, orderBy: { urutan: 'asc' } } } });
  for (const r of rhk) {
    const values: Record<string, string> = {};
    for (const p of periode) values[periodeField.aksi(p.id)] = (p.urutan === 1 ? AKSI_AWAL : [p.urutan === periode.length ? AKSI_AKHIR : AKSI_TENGAH]).join('\n');
    r.indikator.forEach((i, k) => {
      if ((k % 2 === 1 && i.gabungPeriode !== 'JUMLAH') || i.jenisTarget !== 'ANGKA' || i.targetAngka === null) return;
      const tahun = Number(i.targetAngka);
      const bagian = Math.floor(tahun / periode.length);
      periode.forEach((p, n) => {
        const v = i.gabungPeriode !== 'JUMLAH' ? tahun : n < periode.length - 1 ? bagian : tahun - bagian * (periode.length - 1);
        values[periodeField.angka(i.id, p.id)] = angka(v);
      });
    });
    const { version } = await db.prisma.skp.findUniqueOrThrow({ where: { id: skpId }, select: { version: true } });
    const input = periodePlanForm(periode, r.indikator).parse({ version: String(version), ...values });
    await savePeriodePlan(db, { actor, skpId, version }, r.id, input);
  }
}
