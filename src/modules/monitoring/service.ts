import type { Db } from '../../db/client.js';
import type { Clock } from '../../clock.js';
import { sqlOn } from '../../db/sql.js';
import type { Actor } from '../../domain/access.js';
import { akhirHari, tanggalDi } from '../../domain/periode-laporan.js';
import { bolehMonitoring, pilihPeriode, ringkas, type Hitungan, type Ringkasan } from '../../domain/monitoring.js';
import { NotFound } from '../../errors.js';
import { audit } from '../audit/service.js';
import { zonaOf } from '../laporan/read.js';
import { notify } from '../notifikasi/notify.js';
import { halamanRows, periodeRows, satuTerlambat, unitDanLeluhur, type TerlambatRow, type UnitRingkas } from './queries.js';
import type { MonitoringQuery, PengingatInput } from './schemas.js';

// Monitoring Pengisian (docs/domain/monitoring.md): for HR the whole agency, for a pimpinan the
// subtree of the unit they head; anyone else finds no such page (404). The counts come from the
// summary kept in step by the writes; the late list from the rows.

/** How many late people one page lists (the rest by "next", all of them in the export): a screenful to work through; the page stays light for the whole agency. */
export const TERLAMBAT_PER_HALAMAN = 25;

/** The path of the subtree the actor may watch ('/' = every unit), or NotFound. */
export const cekMonitoring = (actor: Actor): string => lingkup(actor);
function lingkup(actor: Actor): string {
  const scope = bolehMonitoring(actor);
  if (scope === null) throw new NotFound();
  return scope;
}

async function periodeList(db: Db) {
  return (await periodeRows(db.sql)).map((p) => ({ ...p, zona: zonaOf(p.siklus) }));
}
const iso = (d: Date) => d.toISOString().slice(0, 10);
/** The period as the late list's statement takes it. */
export const periodeKunci = (p: { id: number; siklus: { id: number }; mulai: Date; selesai: Date }) => ({ id: p.id, siklusId: p.siklus.id, mulai: iso(p.mulai), selesai: iso(p.selesai) });

export type PeriodePilihan = Awaited<ReturnType<typeof periodeList>>[number];

export type Lokasi = { path: string; unit: UnitRingkas | null; jejak: UnitRingkas[] };

/** The unit being looked at (inside the actor's scope; another → NotFound) and its breadcrumb within the scope (Monitoring and the recaps). */
export async function lokasi(db: Db, scope: string, unitId: number | undefined): Promise<Lokasi> {
  if (unitId === undefined) {
    if (scope === '/') return { path: '/', unit: null, jejak: [] };
    const top = await db.prisma.unitKerja.findFirst({ where: { path: scope }, select: { id: true } });
    if (!top) throw new NotFound();
    unitId = top.id;
  }
  const chain = await unitDanLeluhur(db.sql, unitId);
  const unit = chain[chain.length - 1];
  if (!unit || !unit.path.startsWith(scope)) throw new NotFound();
  return { path: unit.path, unit, jejak: chain.filter((u) => u.path.startsWith(scope)) };
}

export type BarisUnit = { unit: UnitRingkas | null; sendiri: boolean; ringkasan: Ringkasan };

/** The page: periods to choose from, the unit's counts (its total, each child's subtree, its own staff), the chart's data and one page of the late list. */
export async function monitoringPage(db: Db, clock: Clock, actor: Actor, q: MonitoringQuery) {
  const scope = lingkup(actor);
  const now = clock.now();
  const periodeAll = await periodeList(db);
  const periode = q.periode !== undefined ? periodeAll.find((p) => p.id === q.periode) : pilihPeriode(periodeAll, now);
  if (q.periode !== undefined && !periode) throw new NotFound();
  const loc = await lokasi(db, scope, q.unit);
  if (!periode) return { periodeAll, periode: null, ...loc, total: null, baris: [], terlambat: null };

  const batas = akhirHari(periode.batasPegawai, periode.zona);
  const lewat = now >= batas;
  const hariIni = tanggalDi(now, periode.zona);
  const after = lewat && q.setelah ? await db.prisma.skp.findUnique({ where: { id: q.setelah }, select: { id: true, pegawai: { select: { id: true, nama: true } } } }) : null;
  const h = await halamanRows(db.sql, {
    periode: periodeKunci(periode), path: loc.path, unitId: loc.unit?.id ?? null, lewat, hariIni, limit: TERLAMBAT_PER_HALAMAN,
    setelah: after ? { nama: after.pegawai.nama, pegawaiId: after.pegawai.id, skpId: after.id } : null,
  });
  const byAnak = new Map(h.hitungan.map((r) => [r.anakId, r]));
  const nol: Hitungan = { skpDraft: 0, skpDiajukan: 0, skpDikembalikan: 0, skpDisetujui: 0, lapDraft: 0, lapDiajukan: 0, lapDikembalikan: 0, lapDinilai: 0 };
  const total = ringkas(h.hitungan.reduce<Hitungan>((a, r) => ({
    skpDraft: a.skpDraft + r.skpDraft, skpDiajukan: a.skpDiajukan + r.skpDiajukan, skpDikembalikan: a.skpDikembalikan + r.skpDikembalikan, skpDisetujui: a.skpDisetujui + r.skpDisetujui,
    lapDraft: a.lapDraft + r.lapDraft, lapDiajukan: a.lapDiajukan + r.lapDiajukan, lapDikembalikan: a.lapDikembalikan + r.lapDikembalikan, lapDinilai: a.lapDinilai + r.lapDinilai,
  }), nol));
  const baris: BarisUnit[] = h.anak.map((u) => ({ unit: u, sendiri: false, ringkasan: ringkas(byAnak.get(u.id) ?? nol) }));
  if (loc.unit && byAnak.has(null)) baris.unshift({ unit: loc.unit, sendiri: true, ringkasan: ringkas(byAnak.get(null)!) });

  let terlambat: { rows: TerlambatRow[]; berikut: number | null; jumlah: number } | null = null;
  if (h.terlambat) {
    const more = h.terlambat.length > TERLAMBAT_PER_HALAMAN;
    const page = h.terlambat.slice(0, TERLAMBAT_PER_HALAMAN);
    terlambat = { rows: page, berikut: more ? page[page.length - 1]!.skpId : null, jumlah: total.terlambatJika };
  }
  return { periodeAll, periode, ...loc, total, baris, batas, lewat, hariIni, terlambat, setelah: q.setelah ?? null };
}

/** What the export needs: the same scope checks, the counts' rows and the period. */
export async function monitoringExportSource(db: Db, clock: Clock, actor: Actor, q: MonitoringQuery) {
  const page = await monitoringPage(db, clock, actor, { ...q, setelah: undefined });
  if (!page.periode) throw new NotFound();
  return page;
}

/**
 * The manual reminder ("kirim pengingat"): once per person, period and day in the agency's zone
 * (a `pengingat` row MANUAL; a second one that day is refused by its unique key and said so), the
 * notification PENGINGAT to the employee, and the audit entry, in one transaction. Only for a
 * report that is late now, of someone in the actor's scope (anything else: NotFound).
 */
export async function kirimPengingat(db: Db, clock: Clock, actor: Actor, input: PengingatInput): Promise<{ terkirim: boolean; nama: string }> {
  const scope = lingkup(actor);
  const now = clock.now();
  const periode = await db.prisma.periode.findUnique({ where: { id: input.periodeId }, select: { id: true, nama: true, batasPegawai: true, siklus: { select: { zonaWaktu: true } } } });
  if (!periode) throw new NotFound();
  const zona = zonaOf(periode.siklus);
  if (now < akhirHari(periode.batasPegawai, zona)) throw new NotFound(); // not late (yet): nothing to remind of here
  const pegawai = await db.prisma.pegawai.findUnique({ where: { id: input.pegawaiId }, select: { id: true, nama: true } });
  if (!pegawai) throw new NotFound();
  const tanggal = tanggalDi(now, zona);
  return db.prisma.$transaction(async (tx) => {
    const q = sqlOn(tx);
    const late = await satuTerlambat(q, periode.id, pegawai.id);
    if (!late || !late.unitPath.startsWith(scope)) throw new NotFound();
    const made = await tx.pengingat.createManyAndReturn({
      data: [{ jenis: 'MANUAL', periodeId: periode.id, pegawaiId: pegawai.id, tanggal: new Date(`${tanggal}T00:00:00Z`), olehUserId: actor.userId }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (made.length === 0) return { terkirim: false, nama: pegawai.nama };
    await notify(q, [{
      pegawaiId: pegawai.id,
      jenis: 'PENGINGAT',
      params: { oleh: actor.label, periode: periode.nama, tanggal: periode.batasPegawai.toISOString().slice(0, 10) },
      tautan: late.laporanId !== null ? `/laporan/${late.laporanId}` : '/laporan',
      kunci: `pengingat:MANUAL:${periode.id}:${pegawai.id}:${tanggal}`,
    }]);
    await audit(tx, actor, { aksi: 'pengingat.send', entitas: 'pengingat', entitasId: made[0]!.id, after: { pegawaiId: pegawai.id, periodeId: periode.id, tanggal } });
    return { terkirim: true, nama: pegawai.nama };
  });
}
