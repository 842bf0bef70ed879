import type { Clock } from '../../../clock.js';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../domain/access.js';
import { actingAs, dinilaiOleh, PEGAWAI_PENILAI_INCLUDE } from '../../../domain/acting.js';
import { NotFound } from '../../../errors.js';
import { cycleChoice } from '../../skp/review/queries.js';
import { instansiOf } from '../../skp/print/service.js';
import { tempatDari } from '../../skp/print/pdf.js';
import { cekUnit } from '../kalibrasi/service.js';
import { predikatUnitPage } from '../kalibrasi/predikat-service.js';
import { distribusiDari, parseIsiDokumen, type IsiDokumen, type OrangDokumen } from './isi.js';
import { dokumenEvaluasiPdf, penetapanPdf, type StatusDokumen } from './pdf.js';
import { dokumenEvaluasiRows, scopeTahun, type DokumenBaris, type ScopeTahun } from './queries.js';
import { pastikanDokumen } from './terbit.js';

// The use cases of the Dokumen Evaluasi Kinerja and the Penetapan Predikat print
// (docs/domain/dokumen-evaluasi.md): an employee's documents of a year (the current one and those
// it superseded), one document as PDF, and a unit's Penetapan Predikat Kinerja record as PDF. A
// FINAL evaluation's first document is issued the first time someone who may see it looks.

/**
 * Whether the actor may see this employee's year: the employee; HR; whoever acts as appraiser of
 * the year's last SKP piece (the evaluation pages' rule), or confirmed the rating; the atasan
 * pejabat penilai (the appraiser's own appraiser, or the one an objection named to decide, or a
 * Plt/Plh of the latter's post); a
 * pimpinan whose subtree holds the employee's unit of the year or of now.
 */
async function bolehLihat(db: Db, actor: Actor, pegawaiId: number, s: ScopeTahun): Promise<boolean> {
  const luar = actor.pejabatLuarId;
  const me = actor.pegawaiId;
  if (luar === null) {
    if (me === pegawaiId || actor.isAdmin) return true;
    if (me !== null && [s.evPenilaiId, s.atasanId, s.pemutusId].includes(me)) return true;
    const sub = actor.isPimpinan ? actor.pimpinanPath : null;
    if (sub !== null && ((s.unitPath?.startsWith(sub) ?? false) || s.unitPathKini.startsWith(sub))) return true;
  } else if ([s.evPenilaiLuarId, s.atasanLuarId, s.pemutusLuarId].includes(luar)) return true;
  // a Plt/Plh of the post of whoever decides the year's objection (they decide it in that post's name)
  if (s.pemutusId !== null && actor.delegasi.length > 0 && s.pemutusId !== me && me !== pegawaiId) {
    const pemutus = await db.prisma.pegawai.findUnique({ where: { id: s.pemutusId }, select: { jabatanId: true } });
    if (pemutus && actor.delegasi.some((d) => d.jabatanId === pemutus.jabatanId)) return true;
  }
  if (s.skpId === null) return false;
  const skp = await db.prisma.skp.findUnique({ where: { id: s.skpId }, include: { penilai: { select: { jabatanId: true } }, pegawai: { select: { penilaiId: true, ...PEGAWAI_PENILAI_INCLUDE } } } });
  return skp !== null && actingAs(actor, dinilaiOleh(skp)) !== null;
}

/** The cycle asked for (else the default choice) and the employee's year in it, if the actor may see it; else not found. */
async function tahunTerlihat(db: Db, actor: Actor, pegawaiId: number, q: { siklusId?: number }) {
  const { list, chosenId } = await cycleChoice(db.sql, q.siklusId ?? null);
  if (chosenId === null || (q.siklusId !== undefined && chosenId !== q.siklusId)) throw new NotFound();
  const s = await scopeTahun(db.sql, chosenId, pegawaiId);
  if (!s || !(await bolehLihat(db, actor, pegawaiId, s))) throw new NotFound();
  return { siklusList: list, siklus: list.find((x) => x.id === chosenId)!, scope: s };
}

/** Issues the first document of a FINAL evaluation when there is none (one transaction; the scaffold locks the row). */
const terbitkanBilaPerlu = (db: Db, actor: Actor, evaluasiId: number) =>
  db.prisma.$transaction((tx) => pastikanDokumen(tx, evaluasiId, actor.userId));

/** Where each document stands: superseded by which number and after which decision, or replacing which. */
async function statusOf(db: Db, rows: DokumenBaris[]): Promise<Map<number, StatusDokumen>> {
  const kIds = rows.map((r) => r.keberatanId).filter((x): x is number => x !== null);
  const kb = kIds.length ? await db.prisma.keberatan.findMany({ where: { id: { in: kIds } }, select: { id: true, diputusAt: true, alasanKeputusan: true } }) : [];
  const putus = new Map(kb.map((k) => [k.id, k.diputusAt]));
  const alasan = new Map(kb.map((k) => [k.id, k.alasanKeputusan]));
  const byNomor = new Map(rows.map((r) => [r.nomor, r]));
  return new Map(rows.map((r) => {
    const next = r.digantikanAt ? byNomor.get(r.nomor + 1) : undefined;
    const st: StatusDokumen = {
      nomor: r.nomor,
      diterbitkanAt: r.diterbitkanAt,
      digantikan: r.digantikanAt ? { nomor: next?.nomor ?? r.nomor + 1, keputusanAt: next?.keberatanId ? (putus.get(next.keberatanId) ?? next.diterbitkanAt) : null } : null,
      menggantikan: r.keberatanId !== null && byNomor.has(r.nomor - 1) ? r.nomor - 1 : null,
      alasanKeputusan: r.keberatanId !== null ? (alasan.get(r.keberatanId) ?? null) : null,
    };
    return [r.id, st];
  }));
}

/**
 * The page of an employee's Dokumen Evaluasi Kinerja of a year: once the year is FINAL, every
 * document issued (the current first, each superseded one with the decision that replaced it),
 * the first issued now when there is none; before that, what it waits for.
 */
export async function dokumenPage(db: Db, actor: Actor, pegawaiId: number, q: { siklusId?: number }) {
  const { siklusList, siklus, scope } = await tahunTerlihat(db, actor, pegawaiId, q);
  const base = { siklusList, siklus, pegawai: { id: pegawaiId, nama: scope.nama, nip: scope.nip }, sendiri: actor.pegawaiId === pegawaiId };
  if (scope.evaluasiId === null || scope.status !== 'FINAL') return { ...base, final: false, dokumen: [] };
  await terbitkanBilaPerlu(db, actor, scope.evaluasiId);
  const rows = await dokumenEvaluasiRows(db.sql, scope.evaluasiId);
  const status = await statusOf(db, rows);
  return {
    ...base,
    final: true,
    dokumen: rows.map((r) => {
      const isi = parseIsiDokumen(r.isi);
      return { id: r.id, nomor: r.nomor, diterbitkanAt: r.diterbitkanAt, digantikanAt: r.digantikanAt, diterbitkanOleh: r.diterbitkanOleh, predikat: isi.predikat, ratingHasilKerja: isi.ratingHasilKerja, ratingPerilaku: isi.ratingPerilaku, status: status.get(r.id)! };
    }),
  };
}

/** One document of the employee's year as PDF (the first issued now when the year is FINAL and has none); others: not found. */
export async function dokumenPdfFor(db: Db, clock: Clock, actor: Actor, pegawaiId: number, nomor: number, q: { siklusId?: number }): Promise<{ pdf: Buffer; filename: string }> {
  const { siklus, scope } = await tahunTerlihat(db, actor, pegawaiId, q);
  if (scope.evaluasiId === null || scope.status !== 'FINAL') throw new NotFound();
  await terbitkanBilaPerlu(db, actor, scope.evaluasiId);
  const rows = await dokumenEvaluasiRows(db.sql, scope.evaluasiId);
  const row = rows.find((r) => r.nomor === nomor);
  if (!row) throw new NotFound();
  const isi: IsiDokumen = parseIsiDokumen(row.isi);
  const pdf = await dokumenEvaluasiPdf(isi, (await statusOf(db, rows)).get(row.id)!, clock.now());
  const nip = (isi.pegawai.nip || String(pegawaiId)).replace(/\D/g, '');
  return { pdf, filename: `Dokumen-Evaluasi-${siklus.tahun}-${nip}-${row.nomor}.pdf` };
}

/**
 * A unit's Penetapan Predikat Kinerja record as PDF, built from current data: for whoever may
 * read the unit's predikat (HR, the one who sets it, the unit's head, a pimpinan over it; the
 * organisation predikat page's rule); a unit without a predikat in the cycle has none (404).
 */
export async function penetapanPdfFor(db: Db, clock: Clock, actor: Actor, unitId: number, q: { siklus?: number }): Promise<{ pdf: Buffer; filename: string }> {
  const page = await predikatUnitPage(db, actor, unitId, q);
  const pp = page.penetapan;
  if (!pp) throw new NotFound();
  const row = await db.prisma.penetapanPredikat.findUniqueOrThrow({
    where: { id: pp.id },
    select: {
      penetapPegawai: { select: { nama: true, nip: true, pangkatGolongan: true, jabatan: { select: { nama: true } }, unit: { select: { nama: true } } } },
      penetapLuar: { select: { nama: true, nip: true, pangkatGolongan: true, jabatan: true, instansi: true } },
    },
  });
  const penetap: OrangDokumen | null = row.penetapPegawai
    ? { nama: row.penetapPegawai.nama, nip: row.penetapPegawai.nip, pangkatGolongan: row.penetapPegawai.pangkatGolongan, jabatan: row.penetapPegawai.jabatan.nama, unit: row.penetapPegawai.unit.nama, luar: false }
    : row.penetapLuar
      ? { nama: row.penetapLuar.nama, nip: row.penetapLuar.nip, pangkatGolongan: row.penetapLuar.pangkatGolongan, jabatan: row.penetapLuar.jabatan, unit: row.penetapLuar.instansi, luar: true }
      : null;
  const c = await cekUnit(db, page.siklus.id, unitId);
  const unit = await db.prisma.unitKerja.findUniqueOrThrow({ where: { id: unitId }, select: { id: true, path: true, nama: true } });
  const instansi = await instansiOf(db, unit);
  const now = clock.now();
  const pdf = await penetapanPdf({
    tahun: page.siklus.tahun,
    instansi,
    tempat: tempatDari(instansi),
    unit: unit.nama,
    predikat: pp.predikat,
    capaianPk: pp.capaianPk === null ? null : `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(Number(pp.capaianPk))} %`,
    dasar: pp.dasar,
    at: new Date(pp.at),
    penetap,
    dicatatHr: pp.dicatatHr,
    distribusi: distribusiDari(c),
    justifikasiOleh: c.justifikasi?.oleh ?? null,
    justifikasiAt: c.justifikasi?.at ? new Date(c.justifikasi.at) : null,
    finalAt: c.finalAt ? new Date(c.finalAt) : null,
    dicetak: now,
  });
  return { pdf, filename: `Penetapan-Predikat-${page.siklus.tahun}-${unit.id}.pdf` };
}
