import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { bolehMonitoring } from '../../domain/monitoring.js';
import { PREDIKAT, type Predikat } from '../../domain/scoring/predikat.js';
import { NotFound } from '../../errors.js';
import { audit } from '../audit/service.js';
import type { UnitRingkas } from '../monitoring/queries.js';
import { lokasi } from '../monitoring/service.js';
import { potonganAk, type PotonganAkTampil } from './baris.js';
import { akRows, distribusiRows, periodeSiklus, siklusRows, unitAnak, type BarisAk, type HitunganPredikat, type SiklusRekap, type UnitAnak } from './queries.js';
import type { RekapQuery } from './schemas.js';

// The year's recaps (docs/domain/rekap.md): the distribution page for HR (the whole agency) and a
// pimpinan (their subtree); the year's recap in Excel for the same (a pimpinan's of their
// subtree); the TPP list (Excel, CSV) and the angka kredit list (page, Excel) for HR only. Anyone
// else finds no such page (404); a unit outside the viewer's subtree is not found either. Every
// export is audited (audit action rekap export: who, which list, cycle, unit, format) before it is written.

/** How many rows one page of the angka kredit list shows (the rest by "next"; all of them in the export). */
export const AK_PER_HALAMAN = 100;

export type JenisEkspor = 'tahunan' | 'tpp' | 'angkaKredit';
export type FormatEkspor = 'xlsx' | 'csv';

/** The subtree the actor may see the recap of ('/' = the agency), or NotFound: HR all, a pimpinan their unit's subtree (the Monitoring rule). */
function lingkup(actor: Actor): string {
  const scope = bolehMonitoring(actor);
  if (scope === null) throw new NotFound();
  return scope;
}
/** HR only: the TPP list and the angka kredit list go to finance and to careers, through HR. */
function lingkupHr(actor: Actor): string {
  if (!actor.isAdmin) throw new NotFound();
  return '/';
}
const lingkupEkspor = (actor: Actor, jenis: JenisEkspor) => (jenis === 'tahunan' ? lingkup(actor) : lingkupHr(actor));

/** The cycle asked for (unknown → NotFound), else the latest with evaluations of the year, else the latest. */
async function pilihSiklus(db: Db, siklusId: number | undefined): Promise<{ siklusList: SiklusRekap[]; siklus: SiklusRekap | null }> {
  const siklusList = await siklusRows(db.sql);
  if (siklusId !== undefined) {
    const s = siklusList.find((x) => x.id === siklusId);
    if (!s) throw new NotFound();
    return { siklusList, siklus: s };
  }
  return { siklusList, siklus: siklusList.find((s) => s.evaluasi) ?? siklusList[0] ?? null };
}

export type BarisDistribusi = { unit: UnitAnak | null; sendiri: boolean; jumlah: Record<Predikat, number>; belum: number; final: number; n: number };

const toBaris = (unit: UnitAnak | null, sendiri: boolean, h: HitunganPredikat | undefined): BarisDistribusi => ({
  unit,
  sendiri,
  jumlah: { SANGAT_BAIK: h?.sangatBaik ?? 0, BAIK: h?.baik ?? 0, BUTUH_PERBAIKAN: h?.butuhPerbaikan ?? 0, KURANG: h?.kurang ?? 0, SANGAT_KURANG: h?.sangatKurang ?? 0 },
  belum: h?.belum ?? 0,
  final: h?.final ?? 0,
  n: h?.n ?? 0,
});

/**
 * The distribution page: the cycles to choose from, the unit looked at and its breadcrumb, a row
 * per child unit (its whole subtree) and one for the unit's own staff when it has any, the total,
 * and which exports the viewer may take.
 */
export async function rekapPage(db: Db, actor: Actor, q: RekapQuery) {
  const scope = lingkup(actor);
  const { siklusList, siklus } = await pilihSiklus(db, q.siklus);
  const loc = await lokasi(db, scope, q.unit);
  const ekspor = { tahunan: true, tpp: actor.isAdmin, angkaKredit: actor.isAdmin };
  if (!siklus) return { siklusList, siklus: null, ...loc, baris: [] as BarisDistribusi[], total: toBaris(null, false, undefined), ekspor };
  const [hitungan, anak] = await Promise.all([distribusiRows(db.sql, siklus.id, loc.path), unitAnak(db.sql, loc.unit?.id ?? null)]);
  const byAnak = new Map(hitungan.map((h) => [h.anakId, h]));
  const baris = anak.map((u) => toBaris(u, false, byAnak.get(u.id)));
  const own = byAnak.get(null);
  if (loc.unit && own) baris.unshift(toBaris(loc.unit, true, own));
  const total = toBaris(null, false, {
    anakId: null,
    sangatBaik: sum(hitungan, 'sangatBaik'), baik: sum(hitungan, 'baik'), butuhPerbaikan: sum(hitungan, 'butuhPerbaikan'), kurang: sum(hitungan, 'kurang'), sangatKurang: sum(hitungan, 'sangatKurang'),
    belum: sum(hitungan, 'belum'), final: sum(hitungan, 'final'), n: sum(hitungan, 'n'),
  });
  return { siklusList, siklus, ...loc, baris, total, ekspor, predikatList: PREDIKAT };
}
const sum = (rows: readonly HitunganPredikat[], k: Exclude<keyof HitunganPredikat, 'anakId'>) => rows.reduce((s, r) => s + r[k], 0);

export type EksporSumber = {
  jenis: JenisEkspor;
  siklus: SiklusRekap;
  periode: Awaited<ReturnType<typeof periodeSiklus>>;
  path: string;
  unit: UnitRingkas | null;
  filename: string;
};

/**
 * What an export needs, after its checks (scope, cycle, unit: NotFound before anything is
 * written), with its audit entry written: who took which list of which cycle and unit, in which
 * format.
 */
export async function eksporSumber(db: Db, actor: Actor, q: RekapQuery, jenis: JenisEkspor, format: FormatEkspor): Promise<EksporSumber> {
  const scope = lingkupEkspor(actor, jenis);
  const { siklus } = await pilihSiklus(db, q.siklus);
  if (!siklus) throw new NotFound();
  const loc = await lokasi(db, scope, q.unit);
  const periode = await periodeSiklus(db.sql, siklus.id);
  const nama = { tahunan: 'rekap-tahunan', tpp: 'predikat-periode-tpp', angkaKredit: 'angka-kredit' }[jenis];
  const filename = `${nama}-${siklus.tahun}${loc.unit ? `-${loc.unit.kode.replace(/[^\w.-]+/g, '_')}` : ''}.${format}`;
  await audit(db.prisma, actor, {
    aksi: 'rekap.export',
    entitas: 'siklus',
    entitasId: siklus.id,
    after: { jenis, format, tahun: siklus.tahun, unitId: loc.unit?.id ?? null, unit: loc.unit?.nama ?? null },
  });
  return { jenis, siklus, periode, path: loc.path, unit: loc.unit, filename };
}

export type BarisAkTampil = BarisAk & { potongan: PotonganAkTampil[]; final: boolean };

/** The angka kredit list (HR): one page of employees whose year has functional pieces, by name, each piece with its months and AK. */
export async function akPage(db: Db, actor: Actor, q: RekapQuery) {
  const scope = lingkupHr(actor);
  const { siklusList, siklus } = await pilihSiklus(db, q.siklus);
  const loc = await lokasi(db, scope, q.unit);
  if (!siklus) return { siklusList, siklus: null, ...loc, rows: [] as BarisAkTampil[], berikut: null, setelah: null };
  const after = q.setelah ? await db.prisma.pegawai.findUnique({ where: { id: q.setelah }, select: { id: true, nama: true } }) : null;
  const rows = await akRows(db.sql, siklus.id, loc.path, AK_PER_HALAMAN + 1, after ? { nama: after.nama, pegawaiId: after.id } : null);
  const page = rows.slice(0, AK_PER_HALAMAN).map((r) => tampilAk(r));
  return { siklusList, siklus, ...loc, rows: page, berikut: rows.length > AK_PER_HALAMAN ? page[page.length - 1]!.pegawaiId : null, setelah: q.setelah ?? null };
}

export const tampilAk = (r: BarisAk): BarisAkTampil => {
  const final = r.evaluasiStatus === 'FINAL';
  return { ...r, final, potongan: potonganAk(r.ak, r.predikat, final) };
};
