import type { Db, Tx } from '../../../db/client.js';
import { sqlOn } from '../../../db/sql.js';
import type { Clock } from '../../../clock.js';
import { asScoped, type Actor } from '../../../domain/access.js';
import { actingAs, dinilaiOleh, PEGAWAI_PENILAI_INCLUDE, type Acting } from '../../../domain/acting.js';
import { predikat, reason, type Ekspektasi, type Predikat, type Reason, type SaranRating } from '../../../domain/scoring/index.js';
import type { Fase } from '../../../domain/siklus.js';
import { Conflict, NotFound, Refused } from '../../../errors.js';
import { audit } from '../../audit/service.js';
import { cycleChoice } from '../../skp/review/queries.js';
import { ensureLaporan, laporanDokumen, type LaporanDokumen } from '../../laporan/read.js';
import { antrianEvaluasiRows, lockSaran, tahunPegawai, type AntrianEvaluasiRow, type StatusKonfirmasi } from './queries.js';
import { perluAlasan, type KonfirmasiInput } from './schemas.js';
import { EVALUASI_LABELS } from './labels.js';
import { perPotongan, potonganTersimpan, ratingTersimpan } from './rincian.js';

// The appraiser's confirmation of the year (docs/domain/evaluasi-konfirmasi.md): the queue of
// the year's suggestions, the whole year of one appraisee with the suggestion and why, and the
// confirmation or override of both ratings (evaluasi_tahunan). Who may: the one acting rule
// (src/domain/acting.ts) on the year's last SKP piece (saran_tahunan.skp_id), or HR recording the
// decision of an official outside the agency on their behalf; anyone else finds nothing (404).
// The employee reads their own year at /evaluasi/saya.

/** The phases in which appraisers confirm and adjust (KALIBRASI: the same form adjusts). */
export const FASE_KONFIRMASI: readonly Fase[] = ['PENILAIAN', 'KALIBRASI'];

/** What a shown suggestion says, in one word a form can carry back: its rating, or "withheld". */
export const kodeSaran = (s: Ekspektasi | null): Ekspektasi | 'TIDAK_ADA' => s ?? 'TIDAK_ADA';

// ---- The queue ----------------------------------------------------------------------------

export async function antrianPage(db: Db, actor: Actor, q: { siklusId?: number }) {
  const { list, chosenId } = await cycleChoice(db.sql, q.siklusId ?? null);
  const siklus = list.find((s) => s.id === chosenId) ?? null;
  const rows = siklus ? await antrianEvaluasiRows(db.sql, actor, siklus.id) : [];
  const count = (s: StatusKonfirmasi) => rows.filter((r) => r.status === s).length;
  return {
    siklusList: list,
    siklus,
    menunggu: rows.filter((r) => r.status === 'MENUNGGU'),
    dijawab: rows.filter((r) => r.status !== 'MENUNGGU'),
    counts: { menunggu: count('MENUNGGU'), dikonfirmasi: count('DIKONFIRMASI'), diubah: count('DIUBAH'), final: count('FINAL'), total: rows.length },
    bisaKonfirmasi: siklus !== null && FASE_KONFIRMASI.includes(siklus.fase),
    /** an employee with nobody to answer for: the page sends them to their own year */
    keSaya: rows.length === 0 && actor.pegawaiId !== null && !actor.isPenilai && !actor.isAdmin,
  };
}

/** Where an appraisee stands in the queue: the waiting ones before and after, and how many wait besides. */
function posisi(rows: readonly AntrianEvaluasiRow[], pegawaiId: number) {
  const waiting = rows.filter((r) => r.status === 'MENUNGGU');
  const i = waiting.findIndex((r) => r.pegawaiId === pegawaiId);
  const others = waiting.filter((r) => r.pegawaiId !== pegawaiId);
  if (i < 0) return { sebelumnya: null, berikutnya: others[0]?.pegawaiId ?? null, sisa: others.length };
  return { sebelumnya: waiting[i - 1]?.pegawaiId ?? null, berikutnya: waiting[i + 1]?.pegawaiId ?? waiting[0]?.pegawaiId ?? null, sisa: others.length };
}

// ---- One appraisee's year ----------------------------------------------------------------------

type Client = Db | { prisma: Tx };

const SARAN_INCLUDE = {
  // the suggestion's employee and cycle are its SKP's (one foreign key holds all three)
  skp: {
    include: {
      siklus: true,
      penilai: { select: { jabatanId: true } },
      pegawai: { select: { nama: true, nip: true, penilaiId: true, ...PEGAWAI_PENILAI_INCLUDE } },
    },
  },
} as const;

/**
 * The suggestion of `pegawaiId` in the cycle that the actor answers for: the acting rule on the
 * year's last SKP piece, or HR on behalf of the official outside the agency that piece names.
 * Nobody answers for their own year. Anything else is not found.
 */
async function saranPenilai(db: Client, actor: Actor, siklusId: number, pegawaiId: number) {
  const saran = await db.prisma.saranTahunan.findUnique({ where: { siklusId_pegawaiId: { siklusId, pegawaiId } }, include: SARAN_INCLUDE });
  if (!saran) throw new NotFound();
  let acting: Acting | null = actingAs(actor, dinilaiOleh(saran.skp));
  if (!acting && actor.isAdmin && actor.pejabatLuarId === null && saran.skp.penilaiLuarId !== null && actor.pegawaiId !== pegawaiId) {
    acting = { sebagai: 'atasNama', penilaiId: null, penilaiLuarId: saran.skp.penilaiLuarId, delegasi: null };
  }
  if (!acting) throw new NotFound();
  const evaluasi = await db.prisma.evaluasiTahunan.findUnique({ where: { siklusId_pegawaiId: { siklusId, pegawaiId } } });
  return { saran, acting, evaluasi, siklus: saran.skp.siklus };
}

type SaranDb = { hasilKerja: Ekspektasi | null; perilaku: Ekspektasi | null; kepalaUnitId: number | null; policyVersion: number; rincian: unknown };

/**
 * The suggestion of one rating as the page explains it: the computation's own (rincian) when it
 * says what the column says; otherwise (the unit-head rule, or a row without its detail) the
 * column with a reason that says where it comes from.
 */
function saranRating(col: Ekspektasi | null, stored: SaranRating | null, s: SaranDb, field: 'hasilKerja' | 'perilaku'): SaranRating {
  if (stored && (stored.kind === 'saran' ? stored.rating === col : col === null)) return stored;
  const policyVersion = s.policyVersion;
  if (col === null) return { kind: 'withheld', hilang: [], reason: reason('evaluasi.saran.ditahanTanpaRincian'), policyVersion };
  const why: Reason = field === 'hasilKerja' && s.kepalaUnitId !== null ? reason('evaluasi.saran.kepalaUnit') : reason('evaluasi.saran.tanpaRincian');
  return { kind: 'saran', rating: col, hitungan: { atas: 0, sesuai: 0, bawah: 0, total: 0 }, reason: why, rincian: [], policyVersion };
}

/**
 * The suggestion in words: both ratings with their reasons (for a unit head, what the RHKs alone
 * would suggest as a detail), the predikat they give, the pieces as computed with each indicator
 * named by `labelOf` (from the year's reports), the ranking nilai.
 */
export function saranTampil(s: SaranDb & { predikat: Predikat | null; nilai: { toString(): string } | null }, labelOf: (indikatorId: number) => string | undefined = () => undefined) {
  const r = (typeof s.rincian === 'object' && s.rincian !== null ? s.rincian : {}) as { hasilKerja?: unknown; perilaku?: unknown; potongan?: unknown; hasilKerjaRhk?: unknown };
  const rhk = ratingTersimpan(r.hasilKerjaRhk, s.policyVersion);
  const potongan = potonganTersimpan(r.potongan, s.policyVersion, labelOf);
  // the details of the year's Rating Hasil Kerja: what the RHKs alone suggest (a unit head), each piece's rating (a mover)
  const rincian = [...(rhk ? [rhk.reason] : []), ...perPotongan(potongan)];
  return {
    hasilKerja: saranRating(s.hasilKerja, ratingTersimpan(r.hasilKerja, s.policyVersion, rincian), s, 'hasilKerja'),
    perilaku: saranRating(s.perilaku, ratingTersimpan(r.perilaku, s.policyVersion), s, 'perilaku'),
    kode: { hasilKerja: kodeSaran(s.hasilKerja), perilaku: kodeSaran(s.perilaku) },
    predikat: s.predikat,
    nilai: s.nilai === null ? null : Number(s.nilai.toString()),
    potongan,
    policyVersion: s.policyVersion,
  };
}

export type PotonganTahun = {
  skpId: number; periodeAwal: Date; periodeAkhir: Date; hari: number; penilai: string | null; terakhir: boolean;
  laporan: { laporanId: number; periodeNama: string; status: string; dok: LaporanDokumen | null }[];
};

/**
 * Every SKP piece of the year with its days, and per period its report: for a report past its
 * draft, the document (realisasi and capaian per indicator, feedback, marks, the period's rating).
 * The actor's right to the year (the last piece's appraiser, or the employee) covers every piece
 * of it, so the reports are loaded for the pieces found here, never by an id from outside.
 * Also read inside a transaction: the Dokumen Evaluasi's issue (src/modules/evaluasi/dokumen/isi.ts).
 */
export async function potonganTahun(db: Db | { prisma: Tx }, siklusId: number, pegawaiId: number, lastSkpId: number): Promise<PotonganTahun[]> {
  const { potongan, laporan } = await tahunPegawai('sql' in db ? db.sql : sqlOn(db.prisma), siklusId, pegawaiId);
  const out: PotonganTahun[] = [];
  for (const p of potongan) {
    const rows = [];
    for (const l of laporan.filter((x) => x.skpId === p.skpId)) {
      // an existing report only (ensureLaporan finds it, and creates none: it exists)
      const found = l.status === 'DRAFT' ? null : await ensureLaporan(db, asScoped({ id: p.skpId, periodeAwal: p.periodeAwal, periodeAkhir: p.periodeAkhir }), { id: l.periodeId, mulai: l.mulai, selesai: l.selesai });
      rows.push({ laporanId: l.laporanId, periodeNama: l.periodeNama, status: l.status, dok: found ? await laporanDokumen(db, found) : null });
    }
    out.push({ skpId: p.skpId, periodeAwal: p.periodeAwal, periodeAkhir: p.periodeAkhir, hari: p.hari, penilai: p.penilaiNama ?? p.penilaiLuarNama, terakhir: p.skpId === lastSkpId, laporan: rows });
  }
  return out;
}

/** The answer as the page shows it: where it stands, both ratings and reasons, who answered. */
function jawaban(e: { status: string; ratingHasilKerja: Ekspektasi; ratingPerilaku: Ekspektasi; saranHasilKerja: Ekspektasi | null; saranPerilaku: Ekspektasi | null; [k: string]: unknown } | null): StatusKonfirmasi {
  if (!e) return 'MENUNGGU';
  if (e.status === 'FINAL') return 'FINAL';
  return e.ratingHasilKerja !== e.saranHasilKerja || e.ratingPerilaku !== e.saranPerilaku ? 'DIUBAH' : 'DIKONFIRMASI';
}

/** The cycle of a confirmation asked for (`?siklus=`, else the default choice), if the actor answers for this appraisee in it; else not found. */
export async function evaluasiTarget(db: Db, actor: Actor, pegawaiId: number, q: { siklusId?: number }): Promise<{ siklusId: number }> {
  const { chosenId } = await cycleChoice(db.sql, q.siklusId ?? null);
  if (chosenId === null) throw new NotFound();
  await saranPenilai(db, actor, chosenId, pegawaiId);
  return { siklusId: chosenId };
}

/** The year page of one appraisee for the one who answers for it. */
export async function evaluasiPage(db: Db, actor: Actor, pegawaiId: number, q: { siklusId?: number }) {
  const { list, chosenId } = await cycleChoice(db.sql, q.siklusId ?? null);
  if (chosenId === null) throw new NotFound();
  const { saran, acting, evaluasi, siklus } = await saranPenilai(db, actor, chosenId, pegawaiId);
  const rows = await antrianEvaluasiRows(db.sql, actor, siklus.id);
  const status = jawaban(evaluasi);
  const potongan = await potonganTahun(db, siklus.id, pegawaiId, saran.skpId);
  // each indicator of the computation's explanation by its label and text in the year's reports
  const label = new Map<number, string>();
  for (const p of potongan) for (const l of p.laporan) for (const r of l.dok?.rhk ?? []) for (const i of r.indikator) label.set(i.id, `${i.label}: ${i.teks}`);
  return {
    siklusList: list,
    siklus,
    pegawai: { id: pegawaiId, nama: saran.skp.pegawai.nama, nip: saran.skp.pegawai.nip },
    acting,
    saran: saranTampil(saran, (id) => label.get(id)),
    evaluasi,
    status,
    saranBerubah: evaluasi !== null && (evaluasi.saranHasilKerja !== saran.hasilKerja || evaluasi.saranPerilaku !== saran.perilaku),
    bisaKonfirmasi: FASE_KONFIRMASI.includes(siklus.fase as Fase) && status !== 'FINAL',
    potongan,
    posisi: posisi(rows, pegawaiId),
  };
}

/** The employee's own year, read-only: the suggestion's state and, once FINAL, the ratings and predikat. */
export async function evaluasiSayaPage(db: Db, actor: Actor, q: { siklusId?: number }) {
  if (actor.pegawaiId === null) throw new NotFound();
  const pegawaiId = actor.pegawaiId;
  const { list, chosenId } = await cycleChoice(db.sql, q.siklusId ?? null);
  const siklus = list.find((s) => s.id === chosenId) ?? null;
  if (!siklus) return { siklusList: list, siklus: null, saran: null, evaluasi: null, status: null, potongan: [] };
  const saran = await db.prisma.saranTahunan.findUnique({ where: { siklusId_pegawaiId: { siklusId: siklus.id, pegawaiId } } });
  const e = await db.prisma.evaluasiTahunan.findUnique({ where: { siklusId_pegawaiId: { siklusId: siklus.id, pegawaiId } } });
  const final = e?.status === 'FINAL' ? e : null;
  return {
    siklusList: list,
    siklus,
    saran: saran ? { ditahan: saran.hasilKerja === null || saran.perilaku === null, dihitungAt: saran.dihitungAt } : null,
    status: e ? (e.status === 'FINAL' ? 'FINAL' : 'DIKONFIRMASI') : saran ? 'MENUNGGU' : null,
    evaluasi: final && { ratingHasilKerja: final.ratingHasilKerja, ratingPerilaku: final.ratingPerilaku, predikat: final.predikat, alasanHasilKerja: final.alasanHasilKerja, alasanPerilaku: final.alasanPerilaku, finalAt: final.finalAt },
    potongan: saran ? await potonganTahun(db, siklus.id, pegawaiId, saran.skpId) : [],
  };
}

// ---- Confirming ----------------------------------------------------------------------------

const actedBy = (actor: Actor, acting: Acting) => ({
  penilaiId: acting.penilaiId,
  penilaiLuarId: acting.penilaiLuarId,
  delegasiId: acting.delegasi?.id ?? null,
  dicatatHr: acting.sebagai === 'atasNama',
  ...(acting.delegasi ? { delegasi: { jenis: acting.delegasi.jenis, nomorSk: acting.delegasi.nomorSk } } : {}),
  ...(acting.sebagai === 'atasNama' ? { dicatatOleh: actor.label } : {}),
  olehUserId: actor.userId,
});

/**
 * Confirms or overrides both ratings of `pegawaiId`'s year, in one transaction holding the
 * suggestion's row: allowed in PENILAIAN and KALIBRASI, never once FINAL; the suggestion must be
 * the one the form showed (the computation may have run again: the form comes back with the new
 * one, nothing lost); a rating that differs from its suggestion, or one without a suggestion,
 * needs a reason; the version is the answer's as the form showed it (null: none yet), so two
 * appraisers or two tabs get "changed by someone else", while the same answer sent twice (a
 * double click) is taken once. Writes evaluasi_tahunan (DIKONFIRMASI, the suggestion as shown,
 * the policy version, who acted) and the audit entry (evaluasi.confirm, or evaluasi.override).
 */
export async function konfirmasiEvaluasi(db: Db, actor: Actor, siklusId: number, pegawaiId: number, input: KonfirmasiInput, clock: Clock) {
  const done = await db.prisma.$transaction(async (tx) => {
    await lockSaran(sqlOn(tx), siklusId, pegawaiId);
    const { saran, acting, evaluasi: before, siklus } = await saranPenilai({ prisma: tx }, actor, siklusId, pegawaiId);
    if (!FASE_KONFIRMASI.includes(siklus.fase as Fase)) throw new Refused('evaluasi.err.fase');
    if (before?.status === 'FINAL') throw new Refused('evaluasi.err.final');
    const kode = { hasilKerja: kodeSaran(saran.hasilKerja), perilaku: kodeSaran(saran.perilaku) };
    const alasan = {
      hasilKerja: perluAlasan(kode.hasilKerja, input.ratingHasilKerja) ? (input.alasanHasilKerja ?? null) : null,
      perilaku: perluAlasan(kode.perilaku, input.ratingPerilaku) ? (input.alasanPerilaku ?? null) : null,
    };
    const sama =
      before !== null && before.ratingHasilKerja === input.ratingHasilKerja && before.ratingPerilaku === input.ratingPerilaku &&
      before.saranHasilKerja === saran.hasilKerja && before.saranPerilaku === saran.perilaku &&
      before.alasanHasilKerja === alasan.hasilKerja && before.alasanPerilaku === alasan.perilaku;
    // the same answer again (a double click, or the form sent once more): taken once, nothing written
    if (sama) return { nama: saran.skp.pegawai.nama, predikat: before.predikat as Predikat, diubah: false };
    if ((before?.version ?? null) !== input.version) throw new Conflict();
    // what is stored is what was shown: a suggestion computed again since asks for a second look
    if ((input.saranHasilKerja && input.saranHasilKerja !== kode.hasilKerja) || (input.saranPerilaku && input.saranPerilaku !== kode.perilaku)) {
      throw new Refused('evaluasi.err.saranBerubah');
    }
    const tanpaAlasan = [
      perluAlasan(kode.hasilKerja, input.ratingHasilKerja) && !alasan.hasilKerja ? 'alasanHasilKerja' : null,
      perluAlasan(kode.perilaku, input.ratingPerilaku) && !alasan.perilaku ? 'alasanPerilaku' : null,
    ].filter((f): f is 'alasanHasilKerja' | 'alasanPerilaku' => f !== null);
    if (tanpaAlasan.length) throw new Refused('evaluasi.err.alasanOverride', { field: tanpaAlasan[0]! }, tanpaAlasan.map((f) => ({ key: EVALUASI_LABELS.alasanOverride[f] })));

    const hasil = predikat(input.ratingHasilKerja, input.ratingPerilaku);
    const who = actedBy(actor, acting);
    const now = clock.now();
    const data = {
      skpId: saran.skpId,
      status: 'DIKONFIRMASI' as const,
      ratingHasilKerja: input.ratingHasilKerja,
      ratingPerilaku: input.ratingPerilaku,
      predikat: hasil,
      saranHasilKerja: saran.hasilKerja,
      saranPerilaku: saran.perilaku,
      policyVersion: saran.policyVersion,
      alasanHasilKerja: alasan.hasilKerja,
      alasanPerilaku: alasan.perilaku,
      olehUserId: actor.userId,
      penilaiId: who.penilaiId,
      penilaiLuarId: who.penilaiLuarId,
      delegasiId: who.delegasiId,
      dicatatHr: who.dicatatHr,
      dikonfirmasiAt: now,
      updatedAt: now,
    };
    let id: number;
    if (before) {
      const { count } = await tx.evaluasiTahunan.updateMany({ where: { id: before.id, version: before.version, status: 'DIKONFIRMASI' }, data: { ...data, version: { increment: 1 } } });
      if (count === 0) throw new Conflict();
      id = before.id;
    } else {
      id = (await tx.evaluasiTahunan.create({ data: { siklusId, pegawaiId, ...data, createdAt: now } })).id;
    }
    const diubah = input.ratingHasilKerja !== saran.hasilKerja || input.ratingPerilaku !== saran.perilaku;
    await audit(tx, actor, {
      aksi: diubah ? 'evaluasi.override' : 'evaluasi.confirm',
      entitas: 'evaluasi_tahunan',
      entitasId: id,
      before: before ? { status: before.status, ratingHasilKerja: before.ratingHasilKerja, ratingPerilaku: before.ratingPerilaku, predikat: before.predikat, alasanHasilKerja: before.alasanHasilKerja, alasanPerilaku: before.alasanPerilaku, version: before.version } : null,
      after: {
        siklusId, pegawaiId, skpId: saran.skpId, status: 'DIKONFIRMASI', fase: siklus.fase,
        ratingHasilKerja: input.ratingHasilKerja, ratingPerilaku: input.ratingPerilaku, predikat: hasil,
        saranHasilKerja: kode.hasilKerja, saranPerilaku: kode.perilaku, policyVersion: saran.policyVersion,
        alasanHasilKerja: alasan.hasilKerja, alasanPerilaku: alasan.perilaku, ...who,
      },
    });
    return { nama: saran.skp.pegawai.nama, predikat: hasil, diubah };
  });
  const waiting = (await antrianEvaluasiRows(db.sql, actor, siklusId)).filter((r) => r.status === 'MENUNGGU' && r.pegawaiId !== pegawaiId);
  return { ...done, berikutnya: waiting[0]?.pegawaiId ?? null };
}

export { EVALUASI_LABELS };
