import type { Db, Tx } from '../../db/client.js';
import { asScoped, type Actor } from '../../domain/access.js';
import { awalHari, hariDicakup, laporanBuka, laporanTerlambat, tanggalDi, type LaporanBuka } from '../../domain/periode-laporan.js';
import { parsePolicy } from '../../domain/scoring/index.js';
import { parseIdentitas, type SkpDokumen } from '../../domain/skp-document.js';
import type { Fase } from '../../domain/siklus.js';
import { Conflict, Forbidden, Invalid, NotFound, Refused, type Problem } from '../../errors.js';
import { sqlOn } from '../../db/sql.js';
import { kabarLaporan } from '../notifikasi/peristiwa.js';
import { audit } from '../audit/service.js';
import { peranPada } from '../skp/service.js';
import { lockLaporan } from './queries.js';
import {
  capaianIndikator,
  ensureLaporan,
  laporanDokumen,
  laporanHalaman,
  rencanaLaporan,
  revisiDisetujui,
  rhkBerurut,
  STATUS_DAPAT_DIUBAH,
  visibleLaporan,
  zonaOf,
  type ScopedLaporan,
  type StatusLaporan,
} from './read.js';
import { FIELD, type LaporanInput } from './schemas.js';

// The employee's periodic report (docs/domain/laporan.md): the list of my reports, the report
// page, saving a draft, submitting, and starting the narrative from the progress notes. Every
// write checks, inside its transaction, that the actor owns the report, that its status lets
// them write, that the period is open for it now (the clock) and the version the form was shown.

/** Evidence per report (issue 10: up to 20 pieces). */
export const BUKTI_MAKS = 20;

type Client = Db['prisma'] | Tx;

export const peranLaporan = (actor: Actor, l: ScopedLaporan) =>
  peranPada(actor, { pegawaiId: l.skp.pegawaiId, penilaiId: l.skp.penilaiId, penilaiLuarId: l.skp.penilaiLuarId, penilai: l.skp.penilai, pegawai: l.skp.pegawai });

const bukaOf = (l: ScopedLaporan, now: Date): LaporanBuka =>
  laporanBuka({ fase: l.skp.siklus.fase as Fase, zona: zonaOf(l.skp.siklus), periode: l.periode, now, dibukaSampai: l.dibukaSampai });

/**
 * May the actor write this report now? The owner only (403 for anyone else who sees it), in
 * DRAFT or DIKEMBALIKAN (a submitted or rated report is refused with its own message), while the
 * period is open for it.
 */
export function guardTulis(actor: Actor, l: ScopedLaporan, now: Date): void {
  if (!peranLaporan(actor, l).pemilik) throw new Forbidden('laporan.err.notOwner');
  if (!STATUS_DAPAT_DIUBAH.includes(l.status as StatusLaporan)) throw new Refused(l.status === 'DINILAI' ? 'laporan.err.sudahDinilai' : 'laporan.err.sudahDiajukan');
  const b = bukaOf(l, now);
  if (!b.buka) throw new Refused(b.sebab === 'fase' ? 'laporan.err.tutupFase' : b.sebab === 'belumMulai' ? 'laporan.err.belumMulai' : 'laporan.err.lewatBatas');
}

// ---- My reports ---------------------------------------------------------------------------------

/** The cycle whose reports the employee works on: the newest one past DRAFT in which they have an SKP. */
async function siklusSaya(db: Db, pegawaiId: number) {
  return db.prisma.siklus.findFirst({
    where: { fase: { not: 'DRAFT' }, skp: { some: { pegawaiId } } },
    orderBy: { tahun: 'desc' },
    include: { periode: { orderBy: { urutan: 'asc' } } },
  });
}

export type BarisLaporanSaya = {
  periode: { id: number; nama: string; mulai: Date; selesai: Date; batasPegawai: Date };
  skp: { id: number; jabatan: string; periodeAwal: Date; periodeAkhir: Date; ditutup: boolean };
  /** The days of the period this SKP covers; `sebagian` when a move split the period. */
  hari: { mulai: string; selesai: string; hari: number; sebagian: boolean };
  laporan: { id: number; status: StatusLaporan; diajukanAt: Date | null } | null;
  buka: LaporanBuka;
  terlambat: boolean;
};

/**
 * /laporan: for each period of the cycle that has started (in the cycle's time zone), each of
 * my SKPs that covers part of it, with its report (created on first sight, when the SKP has an
 * approved revision), status, deadline and whether it is late.
 */
export async function laporanSayaPage(db: Db, actor: Actor, now: Date) {
  if (actor.pegawaiId === null) return { siklus: null, rows: [] as BarisLaporanSaya[], zona: null };
  const siklus = await siklusSaya(db, actor.pegawaiId);
  if (!siklus) return { siklus: null, rows: [] as BarisLaporanSaya[], zona: null };
  const zona = zonaOf(siklus);
  const skps = await db.prisma.skp.findMany({ where: { siklusId: siklus.id, pegawaiId: actor.pegawaiId }, orderBy: { periodeAwal: 'asc' } });
  const rows: BarisLaporanSaya[] = [];
  for (const p of siklus.periode) {
    if (awalHari(p.mulai, zona) > now) continue;
    const semua = hariDicakup(p, { periodeAwal: p.mulai, periodeAkhir: p.selesai })!.hari;
    for (const s of skps) {
      const hari = hariDicakup(p, s);
      if (!hari) continue;
      const l = await ensureLaporan(db, asScoped(s), p);
      rows.push({
        periode: { id: p.id, nama: p.nama, mulai: p.mulai, selesai: p.selesai, batasPegawai: p.batasPegawai },
        skp: { id: s.id, jabatan: parseIdentitas(s.snapshot).pegawai.jabatan, periodeAwal: s.periodeAwal, periodeAkhir: s.periodeAkhir, ditutup: s.ditutupAt !== null },
        hari: { ...hari, sebagian: hari.hari < semua },
        laporan: l && { id: l.id, status: l.status as StatusLaporan, diajukanAt: l.diajukanAt },
        buka: laporanBuka({ fase: siklus.fase as Fase, zona, periode: p, now, dibukaSampai: l?.dibukaSampai ?? null }),
        terlambat: laporanTerlambat({ zona, periode: p, now, diajukan: l?.diajukanAt != null }),
      });
    }
  }
  return { siklus: { id: siklus.id, tahun: siklus.tahun, fase: siklus.fase as Fase }, rows, zona };
}

// ---- The report page ------------------------------------------------------------------------------

/** The notes of the report's SKP on the days it covers of the period, oldest first. */
async function catatanPeriode(db: Client, l: ScopedLaporan) {
  const hari = hariDicakup(l.periode, l.skp);
  if (!hari) return [];
  return db.catatanProgres.findMany({
    where: { skpId: l.skpId, tanggal: { gte: new Date(`${hari.mulai}T00:00:00Z`), lte: new Date(`${hari.selesai}T00:00:00Z`) } },
    orderBy: [{ tanggal: 'asc' }, { id: 'asc' }],
    include: { berkas: { select: { id: true, nama: true } } },
  });
}

/** A stored decimal as the form shows it: the Indonesian comma, no grouping ("12,5"). */
const angkaForm = (v: string | null | undefined) => (v === null || v === undefined ? '' : v.replace('.', ','));

/** What the report form shows when nothing was typed yet: the stored values. */
function nilaiForm(doc: Awaited<ReturnType<typeof laporanDokumen>>): Record<string, string> {
  const v: Record<string, string> = {
    version: String(doc.laporan.version),
    prestasi: doc.laporan.prestasi ?? '',
    kendala: doc.laporan.kendala ?? '',
    rencanaPerbaikan: doc.laporan.rencanaPerbaikan ?? '',
  };
  for (const r of doc.rhk) {
    for (const i of r.indikator) {
      if (i.jenisTarget === 'KUALITATIF') v[FIELD.teks(i.id)] = i.realisasi?.teks ?? '';
      else v[FIELD.angka(i.id)] = angkaForm(i.realisasi?.angka);
      v[FIELD.sumber(i.id)] = i.realisasi?.sumberData ?? '';
    }
    for (const a of r.rencanaAksi) {
      v[FIELD.persen(a.id)] = a.persen === null ? '' : String(a.persen);
      v[FIELD.keterangan(a.id)] = a.keterangan ?? '';
    }
  }
  return v;
}

/**
 * /laporan/:id: the report for whoever may see it (the owner writes it while it is open; the
 * appraiser and HR read it). The owner sees the appraiser's feedback and rating once rated.
 */
export async function laporanPage(db: Db, actor: Actor, id: number, now: Date) {
  // one statement: the scoped row, its document and (for the owner) the period's notes
  const { laporan: l, doc, catatan: dariCatatan } = await laporanHalaman(db, actor, id, { now, catatanUntuk: actor.pegawaiId });
  const peran = peranLaporan(actor, l);
  const pemilik = peran.pemilik;
  const catatan = pemilik ? dariCatatan : [];
  const terbaru = pemilik && doc.laporan.status === 'DRAFT' ? doc.revisiTerbaru : null;
  const dapatDiubah = pemilik && doc.dapatDiubah;
  return {
    doc,
    peran,
    dapatDiubah,
    /** The appraiser's answer: the owner sees it once rated; the appraiser and HR always. */
    tampilkanPenilaian: !pemilik || doc.laporan.status === 'DINILAI',
    catatan,
    revisiBaru: terbaru !== null && terbaru > doc.laporan.skpRevisi ? terbaru : null,
    /** The form's values (only a page the owner may still write shows the form). */
    values: dapatDiubah ? nilaiForm(doc) : {},
    errors: {} as Record<string, string>,
    FIELD,
    BUKTI_MAKS,
  };
}

// ---- Saving and submitting -------------------------------------------------------------------------

/** What submitting needs (issue 10): a realisasi for every indicator of the plan, and the achievements. */
export function masalahAjukan(plan: SkpDokumen, realisasi: Map<number, { angka: unknown; teks: string | null }>, prestasi: string | null): Problem[] {
  const out: Problem[] = [];
  rhkBerurut(plan).forEach((r, ri) =>
    r.indikator.forEach((i, ii) => {
      if (i.id === undefined) return;
      const v = realisasi.get(i.id);
      const ada = i.jenisTarget === 'KUALITATIF' ? !!v?.teks?.trim() : v?.angka !== null && v?.angka !== undefined;
      if (!ada) out.push({ key: 'laporan.err.realisasiKosong', params: { label: `IKI ${ri + 1}.${ii + 1}`, indikator: i.teks } });
    }),
  );
  if (!prestasi?.trim()) out.push({ key: 'laporan.err.prestasiKosong' });
  return out;
}

/**
 * Writes the form into the report (inside the caller's transaction, after guardTulis): the
 * narrative, the realisasi and source of each indicator of its plan, the progress of each
 * rencana aksi of the period. The version the form was shown must still be the report's; a
 * DRAFT moves to its SKP's newest approved revision. Returns the plan written against.
 */
async function tulisDraft(tx: Tx, l: ScopedLaporan, input: LaporanInput, now: Date): Promise<{ plan: SkpDokumen; version: number; skpRevisi: number }> {
  const terbaru = l.status === 'DRAFT' ? await revisiDisetujui(tx, l.skpId) : null;
  const skpRevisi = terbaru !== null && terbaru > l.skpRevisi ? terbaru : l.skpRevisi;
  const { count } = await tx.laporanPeriode.updateMany({
    where: { id: l.id, version: input.version, status: { in: [...STATUS_DAPAT_DIUBAH] } },
    data: { prestasi: input.prestasi, kendala: input.kendala, rencanaPerbaikan: input.rencanaPerbaikan, skpRevisi, version: { increment: 1 }, updatedAt: now },
  });
  if (count === 0) {
    const kini = await tx.laporanPeriode.findUnique({ where: { id: l.id }, select: { status: true } });
    if (kini && !STATUS_DAPAT_DIUBAH.includes(kini.status)) throw new Refused(kini.status === 'DINILAI' ? 'laporan.err.sudahDinilai' : 'laporan.err.sudahDiajukan');
    throw new Conflict();
  }
  const plan = await rencanaLaporan(tx, asScoped({ id: l.id, skpId: l.skpId, skpRevisi }));
  for (const r of plan.rhk) {
    for (const i of r.indikator) {
      if (i.id === undefined) continue;
      const v = input.realisasi.get(i.id);
      if (!v) continue; // a row the form did not carry keeps what it has
      const kualitatif = i.jenisTarget === 'KUALITATIF';
      const angka = kualitatif ? null : (v.angka ?? null);
      const teks = kualitatif ? (v.teks ?? null) : null;
      const sumberData = v.sumber ?? null;
      const key = { laporanId_indikatorId: { laporanId: l.id, indikatorId: i.id } };
      await tx.realisasi.upsert({ where: key, create: { laporanId: l.id, indikatorId: i.id, angka: angka === null ? null : String(angka), teks, sumberData }, update: { angka: angka === null ? null : String(angka), teks, sumberData } });
      // an emptied row is gone (missing, never 0), unless the appraiser's answer is on it
      if (angka === null && teks === null && sumberData === null) await tx.realisasi.deleteMany({ where: { laporanId: l.id, indikatorId: i.id, penilaian: null, umpanBalik: null } });
    }
    for (const a of r.rencanaAksi) {
      if (a.id === undefined || a.periodeId !== l.periodeId) continue;
      const v = input.aksi.get(a.id);
      if (!v) continue;
      const persen = v.persen ?? null;
      const keterangan = v.keterangan ?? null;
      const key = { laporanId_rencanaAksiId: { laporanId: l.id, rencanaAksiId: a.id } };
      if (persen === null && keterangan === null) await tx.progresAksi.deleteMany({ where: { laporanId: l.id, rencanaAksiId: a.id } });
      else await tx.progresAksi.upsert({ where: key, create: { laporanId: l.id, rencanaAksiId: a.id, persen, keterangan }, update: { persen, keterangan } });
    }
  }
  return { plan, version: input.version + 1, skpRevisi };
}

const auditDraft = (input: LaporanInput, skpRevisi: number) => ({
  skpRevisi,
  prestasi: input.prestasi,
  kendala: input.kendala,
  rencanaPerbaikan: input.rencanaPerbaikan,
  realisasi: Object.fromEntries(input.realisasi),
  aksi: Object.fromEntries(input.aksi),
});

/** Saves the draft (any time while the report is open for its owner). */
export async function saveLaporan(db: Db, actor: Actor, id: number, input: LaporanInput, now: Date): Promise<{ id: number }> {
  return db.prisma.$transaction(async (tx) => {
    const l = await visibleLaporan({ prisma: tx }, actor, id);
    guardTulis(actor, l, now);
    const { skpRevisi } = await tulisDraft(tx, l, input, now);
    await audit(tx, actor, { aksi: 'laporan.save', entitas: 'laporan_periode', entitasId: id, before: { version: l.version, skpRevisi: l.skpRevisi }, after: auditDraft(input, skpRevisi) });
    return { id };
  });
}

/**
 * Whether submitting what was typed would go through (asked before the confirmation page, so a
 * refusal comes straight back with the list of what is missing). Writes nothing.
 */
export async function submitReady(db: Db, actor: Actor, id: number, input: LaporanInput, now: Date): Promise<{ periode: string; penilai: string | null }> {
  const l = await visibleLaporan(db, actor, id);
  guardTulis(actor, l, now);
  if (l.version !== input.version) throw new Conflict();
  const plan = await rencanaLaporan(db.prisma, l);
  const stored = await db.prisma.realisasi.findMany({ where: { laporanId: l.id } });
  const merged = new Map(stored.map((r) => [r.indikatorId, { angka: r.angka as unknown, teks: r.teks }]));
  for (const [k, v] of input.realisasi) merged.set(k, { angka: v.angka ?? null, teks: v.teks ?? null });
  const problems = masalahAjukan(plan, merged, input.prestasi);
  if (problems.length) throw new Refused('laporan.err.belumLengkap', {}, problems);
  return { periode: l.periode.nama, penilai: parseIdentitas(l.skp.snapshot).penilai?.nama || null };
}

/**
 * Submits the report: saves what the form carries and, when the report is complete, moves it
 * to DIAJUKAN with its history row and audit entry, in one transaction. A second submit (a
 * double click, another tab) finds it submitted and is refused: one submission.
 */
export async function submitLaporan(db: Db, actor: Actor, id: number, input: LaporanInput, now: Date): Promise<{ periode: string }> {
  return db.prisma.$transaction(async (tx) => {
    const l = await visibleLaporan({ prisma: tx }, actor, id);
    guardTulis(actor, l, now);
    const { plan, version, skpRevisi } = await tulisDraft(tx, l, input, now);
    const saved = await tx.realisasi.findMany({ where: { laporanId: l.id } });
    const problems = masalahAjukan(plan, new Map(saved.map((r) => [r.indikatorId, { angka: r.angka as unknown, teks: r.teks }])), input.prestasi);
    if (problems.length) throw new Refused('laporan.err.belumLengkap', {}, problems); // nothing is kept: the form comes back as typed
    const { count } = await tx.laporanPeriode.updateMany({ where: { id: l.id, version }, data: { status: 'DIAJUKAN', diajukanAt: now, version: { increment: 1 }, updatedAt: now } });
    if (count === 0) throw new Conflict();
    await tx.riwayatLaporan.create({ data: { laporanId: l.id, jenis: 'DIAJUKAN', at: now, olehUserId: actor.userId } });
    await audit(tx, actor, { aksi: 'laporan.submit', entitas: 'laporan_periode', entitasId: id, before: { status: l.status, version: l.version }, after: { status: 'DIAJUKAN', ...auditDraft(input, skpRevisi) } });
    await kabarLaporan(tx, l.id, 'LAPORAN_DIAJUKAN'); // ── bell ── the appraiser is told (docs/domain/notifikasi.md)
    return { periode: l.periode.nama };
  });
}

const TANGGAL_CATATAN = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Starts the narrative from the period's progress notes: when the achievements are still empty,
 * they become the notes, one line each with its day, and the notes' evidence joins the
 * report's (up to the limit, each once). Refused when the achievements were written already.
 */
export async function isiDariCatatan(db: Db, actor: Actor, id: number, ver: number, now: Date): Promise<{ catatan: number; bukti: number }> {
  return db.prisma.$transaction(async (tx) => {
    const l = await visibleLaporan({ prisma: tx }, actor, id);
    guardTulis(actor, l, now);
    if (l.prestasi?.trim()) throw new Refused('laporan.err.prestasiTerisi');
    const catatan = await catatanPeriode(tx, l);
    if (!catatan.length) throw new Refused('laporan.err.tanpaCatatan');
    const prestasi = catatan.map((c) => `${TANGGAL_CATATAN.format(c.tanggal)}: ${c.teks}`).join('\n').slice(0, 5000);
    const { count } = await tx.laporanPeriode.updateMany({ where: { id: l.id, version: ver }, data: { prestasi, version: { increment: 1 }, updatedAt: now } });
    if (count === 0) throw new Conflict();
    await lockLaporan(sqlOn(tx), l.id);
    const ada = await tx.buktiDukung.findMany({ where: { laporanId: l.id }, select: { berkasId: true, url: true } });
    let bukti = 0;
    for (const c of catatan) {
      if (c.berkasId === null && c.url === null) continue;
      if (ada.length + bukti >= BUKTI_MAKS) break;
      if (ada.some((b) => (c.berkasId !== null && b.berkasId === c.berkasId) || (c.url !== null && b.url === c.url))) continue;
      await tx.buktiDukung.create({ data: { laporanId: l.id, berkasId: c.berkasId, url: c.berkasId === null ? c.url : null, keterangan: c.teks.slice(0, 300) } });
      bukti++;
    }
    await audit(tx, actor, { aksi: 'laporan.fillFromNotes', entitas: 'laporan_periode', entitasId: id, before: { version: l.version }, after: { prestasi, catatan: catatan.map((c) => c.id), bukti } });
    return { catatan: catatan.length, bukti };
  });
}

// ---- The live capaian ---------------------------------------------------------------------------------

/**
 * The capaian of one indicator of a report for a realisasi as typed (public/js/laporan.js posts
 * the row as the employee types): the scoring module's, through the same function as the page
 * (capaianIndikator), never a copy of the rule. For whoever may see the report.
 */
export async function capaianLive(db: Db, actor: Actor, id: number, input: { indikatorId: number; angka: number | null; teks: string | null } | null) {
  const l = await visibleLaporan(db, actor, id);
  if (!input) throw new Invalid('err.invalid');
  const plan = await rencanaLaporan(db.prisma, l);
  const ind = plan.rhk.flatMap((r) => r.indikator).find((i) => i.id === input.indikatorId);
  if (!ind) throw new NotFound();
  const stored = await db.prisma.realisasi.findUnique({ where: { laporanId_indikatorId: { laporanId: l.id, indikatorId: input.indikatorId } }, select: { penilaian: true } });
  const policy = parsePolicy(l.skp.siklus.policy);
  const c = capaianIndikator(ind, l.periodeId, { angka: input.angka, teks: input.teks, penilaian: stored?.penilaian ?? null }, policy);
  return { ind: { jenisTarget: ind.jenisTarget, satuan: ind.satuan, target: c.target, targetTeks: c.targetTeks, targetSumber: c.sumber }, capaian: c.capaian, maks: policy.capaian.maksimum };
}

/** Today in the cycle's zone (for the notes form's default day). */
export const hariIniDi = (siklus: { zonaWaktu: string }, now: Date) => tanggalDi(now, zonaOf(siklus));
