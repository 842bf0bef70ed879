import type { Db, Tx } from '../../db/client.js';
import type { Clock } from '../../clock.js';
import type { Actor } from '../../domain/access.js';
import { actingAs, dinilaiOleh, type Acting } from '../../domain/acting.js';
import { NILAI_BERAKHLAK, type NilaiBerakhlak } from '../../domain/berakhlak.js';
import { akhirHari, defaultDibukaSampai, FASE_LAPORAN, tanggalDi } from '../../domain/periode-laporan.js';
import { predikat, type Ekspektasi, type PenilaianKualitatif } from '../../domain/scoring/index.js';
import type { Fase } from '../../domain/siklus.js';
import { susunUmpanBalik, type SasaranFrasa } from '../../domain/frasa-umpan-balik.js';
import { Conflict, NotFound, Refused } from '../../errors.js';
import { audit } from '../audit/service.js';
import { kabarLaporan } from '../notifikasi/peristiwa.js'; // ── bell ──
import { cycleChoice } from '../skp/review/queries.js';
import { antrianRows, type AntrianRow } from './queries.js';
import { laporanDokumen, rencanaLaporan, visibleLaporan, zonaOf } from '../laporan/read.js';
import { parseIdentitas } from '../../domain/skp-document.js';
import { menyimpang, saranKode, saranPenilaian } from './saran.js';
import { F, type RatingInput } from './schemas.js';
import { PENILAIAN_LABELS } from './labels.js';

// The appraiser's answer to a period's report (docs/domain/penilaian.md): the queue of submitted
// reports, the rating (feedback, judgements, marks, both ratings against the system's suggestions,
// the predikat) and the return with a reason and an open-until date. Who may: the one acting rule
// (src/domain/acting.ts) on the report's SKP; anyone else finds nothing (404).


// ---- The queue ----------------------------------------------------------------------------

export type PeriodeAntrian = { id: number; nama: string; urutan: number; menunggu: number; dinilai: number; dikembalikan: number };

/**
 * The queue page: the cycle (asked for, else the newest past DRAFT), its periods that have
 * reports for this appraiser with the counts (waiting, rated, returned), and the rows of the
 * period asked for (all periods by default): waiting first, oldest submission first.
 */
export async function antrianPage(db: Db, actor: Actor, q: { siklusId?: number; periodeId?: number }) {
  const { list, chosenId } = await cycleChoice(db.sql, q.siklusId ?? null);
  const siklus = list.find((s) => s.id === chosenId) ?? null;
  const all = siklus ? await antrianRows(db.sql, actor, siklus.id) : [];
  const periode = new Map<number, PeriodeAntrian>();
  for (const r of all) {
    const p = periode.get(r.periodeId) ?? { id: r.periodeId, nama: r.periodeNama, urutan: r.periodeUrutan, menunggu: 0, dinilai: 0, dikembalikan: 0 };
    if (r.status === 'DIAJUKAN') p.menunggu++;
    else if (r.status === 'DINILAI') p.dinilai++;
    else p.dikembalikan++;
    periode.set(r.periodeId, p);
  }
  const periodeList = [...periode.values()].sort((a, b) => a.urutan - b.urutan);
  const periodeId = q.periodeId !== undefined && periode.has(q.periodeId) ? q.periodeId : null;
  const rows = periodeId === null ? all : all.filter((r) => r.periodeId === periodeId);
  const count = (s: AntrianRow['status']) => rows.filter((r) => r.status === s).length;
  return {
    siklusList: list,
    siklus,
    periodeList,
    periodeId,
    menunggu: rows.filter((r) => r.status === 'DIAJUKAN'),
    dikembalikan: rows.filter((r) => r.status === 'DIKEMBALIKAN'),
    dinilai: rows.filter((r) => r.status === 'DINILAI'),
    counts: { menunggu: count('DIAJUKAN'), dinilai: count('DINILAI'), dikembalikan: count('DIKEMBALIKAN') },
  };
}

/** Where a report stands in its appraiser's queue: the waiting ones before and after it, and how many wait besides it. */
async function posisi(db: Db, actor: Actor, siklusId: number, laporanId: number) {
  const waiting = (await antrianRows(db.sql, actor, siklusId)).filter((r) => r.status === 'DIAJUKAN');
  const i = waiting.findIndex((r) => r.laporanId === laporanId);
  const others = waiting.filter((r) => r.laporanId !== laporanId);
  if (i < 0) return { sebelumnya: null, berikutnya: others[0]?.laporanId ?? null, sisa: others.length };
  return { sebelumnya: waiting[i - 1]?.laporanId ?? null, berikutnya: waiting[i + 1]?.laporanId ?? waiting[0]?.laporanId ?? null, sisa: others.length };
}

/** The next report waiting for this appraiser after `laporanId` was answered (in the same cycle), or null. */
export async function nextWaiting(db: Db, actor: Actor, laporanId: number): Promise<number | null> {
  const l = await db.prisma.laporanPeriode.findUnique({ where: { id: laporanId }, select: { skp: { select: { siklusId: true } } } });
  if (!l) return null;
  const waiting = (await antrianRows(db.sql, actor, l.skp.siklusId)).filter((r) => r.status === 'DIAJUKAN' && r.laporanId !== laporanId);
  return waiting[0]?.laporanId ?? null;
}

// ---- One report -----------------------------------------------------------------------------

/**
 * A report the actor answers as its appraiser: in their scope (visibleLaporan), submitted at
 * least once (a draft is never the appraiser's), and on an SKP they act on
 * (src/domain/acting.ts). Anything else is not found.
 */
async function laporanPenilai(db: Db | { prisma: Tx }, actor: Actor, id: number) {
  const l = await visibleLaporan(db, actor, id);
  if (l.status === 'DRAFT') throw new NotFound();
  const acting = actingAs(actor, dinilaiOleh(l.skp));
  if (!acting) throw new NotFound();
  return Object.assign(l, { acting, zona: zonaOf(l.skp.siklus), nama: parseIdentitas(l.skp.snapshot).pegawai.nama });
}
type LaporanPenilai = Awaited<ReturnType<typeof laporanPenilai>>;

export type Typed = { penilaian: Map<number, PenilaianKualitatif | null>; tanda: Partial<Record<NilaiBerakhlak, Ekspektasi | null>> };

/**
 * The rating page: the report as the read model gives it (plan, realisasi, capaian, evidence,
 * marks, rating, history), the suggestions (from what was typed, when the form is shown again),
 * the queue position and the return form's default date.
 */
export async function penilaianPage(db: Db, clock: Clock, actor: Actor, id: number, typed?: Typed) {
  const l = await laporanPenilai(db, actor, id);
  const now = clock.now();
  const dok = await laporanDokumen(db, l, { now });
  const penilaian = typed?.penilaian ?? new Map(dok.rhk.flatMap((r) => r.indikator.map((i) => [i.id, i.realisasi?.penilaian ?? null] as const)));
  const marks = typed?.tanda ?? Object.fromEntries(dok.perilaku.map((p) => [p.nilai, p.tanda]));
  const saran = saranPenilaian(dok.rhk, penilaian, marks, dok.policy);
  return {
    dok,
    laporan: l,
    acting: l.acting,
    saran,
    saranKode: { hasilKerja: saranKode(saran.hasilKerja), perilaku: saranKode(saran.perilaku) },
    bisaDinilai: l.status === 'DIAJUKAN' && FASE_LAPORAN.includes(l.skp.siklus.fase as Fase),
    defaultSampai: defaultDibukaSampai(now, l.zona),
    hariIni: tanggalDi(now, l.zona),
    posisi: await posisi(db, actor, l.skp.siklusId, l.id),
  };
}

/** The indicators a report's rating form takes (ids, and which are qualitative). */
export async function ratingFields(db: Db, actor: Actor, id: number) {
  const l = await laporanPenilai(db, actor, id);
  const plan = await rencanaLaporan(db.prisma, l);
  const indikator = plan.rhk.flatMap((r) => r.indikator).filter((i): i is typeof i & { id: number } => i.id !== undefined);
  return { ids: indikator.map((i) => i.id), kualitatif: new Set(indikator.filter((i) => i.jenisTarget === 'KUALITATIF').map((i) => i.id)) };
}

/** Refuses unless the report waits for an answer and its cycle is open for reports. */
function mustWait(l: LaporanPenilai) {
  // a double submit finds it answered already: say so, rather than "changed by someone else"
  if (l.status !== 'DIAJUKAN') throw new Refused(l.status === 'DINILAI' ? 'penilaian.err.sudahDinilai' : 'penilaian.err.bukanDiajukan');
  if (!FASE_LAPORAN.includes(l.skp.siklus.fase as Fase)) throw new Refused('penilaian.err.fase');
}

/** Bumps the report's version from the one the form was shown (0 rows: someone else came first). */
async function bump(tx: Tx, l: { id: number }, ver: number, data: object) {
  const { count } = await tx.laporanPeriode.updateMany({ where: { id: l.id, version: ver }, data: { ...data, version: { increment: 1 }, updatedAt: new Date() } });
  if (count === 0) throw new Conflict();
}

const actedBy = (actor: Actor, acting: Acting) => ({
  penilaiId: acting.penilaiId,
  penilaiLuarId: acting.penilaiLuarId,
  delegasiId: acting.delegasi?.id ?? null,
  ...(acting.delegasi ? { delegasi: { jenis: acting.delegasi.jenis, nomorSk: acting.delegasi.nomorSk } } : {}),
  olehUserId: actor.userId,
});

function feedback(sasaran: SasaranFrasa, field: string, v: { frasa: string | null; bebas: string | null }): string | null {
  const r = susunUmpanBalik(sasaran, v.frasa, v.bebas);
  if ('ditolak' in r) throw new Refused(r.ditolak === 'frasa' ? 'penilaian.err.frasa' : 'penilaian.err.umpanBalikPanjang', { field });
  return r.teks;
}

/**
 * DIAJUKAN → DINILAI, in one transaction with the report's version: the feedback on each
 * indicator (a phrase and/or free text) and the judgement of each qualitative one, the mark and
 * feedback on each value, both ratings with the suggestions as computed from those entries (the
 * same the form showed: if they differ, the form comes back with the new ones), a reason for a
 * rating that differs from its suggestion, the predikat from the 6/2022 matrix, the history and
 * the audit entry. Answering it twice is refused (it is rated already), so a double click makes
 * one rating.
 */
export async function rateLaporan(db: Db, actor: Actor, id: number, input: RatingInput): Promise<{ nama: string; predikat: string; berikutnya: number | null }> {
  const done = await db.prisma.$transaction(async (tx) => {
    const l = await laporanPenilai({ prisma: tx }, actor, id);
    mustWait(l);
    if (l.version !== input.version) throw new Conflict();
    const dok = await laporanDokumen({ prisma: tx }, l);
    const policy = dok.policy;
    const penilaian = new Map([...input.indikator].map(([i, v]) => [i, v.penilaian]));
    const tanda = Object.fromEntries([...input.nilai].map(([n, v]) => [n, v.tanda])) as Partial<Record<NilaiBerakhlak, Ekspektasi | null>>;
    const saran = saranPenilaian(dok.rhk, penilaian, tanda, policy);
    // what is stored is what was shown: a suggestion moved by the entries asks for a second look
    if ((input.saranHasilKerja && input.saranHasilKerja !== saranKode(saran.hasilKerja)) || (input.saranPerilaku && input.saranPerilaku !== saranKode(saran.perilaku))) {
      throw new Refused('penilaian.err.saranBerubah');
    }
    const tanpaAlasan = [
      menyimpang(saran.hasilKerja, input.ratingHasilKerja) && !input.alasanHasilKerja ? 'alasanHasilKerja' : null,
      menyimpang(saran.perilaku, input.ratingPerilaku) && !input.alasanPerilaku ? 'alasanPerilaku' : null,
    ].filter((f): f is 'alasanHasilKerja' | 'alasanPerilaku' => f !== null);
    if (tanpaAlasan.length) throw new Refused('penilaian.err.alasanOverride', { field: tanpaAlasan[0]! }, tanpaAlasan.map((f) => ({ key: PENILAIAN_LABELS.alasanOverride[f] })));
    const hasil = predikat(input.ratingHasilKerja, input.ratingPerilaku);

    await bump(tx, l, input.version, { status: 'DINILAI' });
    const qualitative = new Set(dok.rhk.flatMap((r) => r.indikator.filter((i) => i.jenisTarget === 'KUALITATIF').map((i) => i.id)));
    for (const r of dok.rhk) {
      for (const i of r.indikator) {
        const v = input.indikator.get(i.id) ?? { frasa: null, bebas: null, penilaian: null };
        const umpanBalik = feedback('HASIL_KERJA', F.umpanIndikator(i.id), v);
        const data = { umpanBalik, penilaian: qualitative.has(i.id) ? v.penilaian : null };
        await tx.realisasi.upsert({ where: { laporanId_indikatorId: { laporanId: l.id, indikatorId: i.id } }, create: { laporanId: l.id, indikatorId: i.id, ...data }, update: data });
      }
    }
    for (const n of NILAI_BERAKHLAK) {
      const v = input.nilai.get(n) ?? { frasa: null, bebas: null, tanda: null };
      const data = { tanda: v.tanda, umpanBalik: feedback(n, F.umpanNilai(n), v) };
      await tx.tandaPerilaku.upsert({ where: { laporanId_nilai: { laporanId: l.id, nilai: n } }, create: { laporanId: l.id, nilai: n, ...data }, update: data });
    }
    const who = actedBy(actor, l.acting);
    const rating = {
      ratingHasilKerja: input.ratingHasilKerja,
      ratingPerilaku: input.ratingPerilaku,
      predikat: hasil,
      saranHasilKerja: JSON.parse(JSON.stringify(saran.hasilKerja)) as object,
      saranPerilaku: JSON.parse(JSON.stringify(saran.perilaku)) as object,
      policyVersion: policy.version,
      alasanHasilKerja: menyimpang(saran.hasilKerja, input.ratingHasilKerja) ? input.alasanHasilKerja : null,
      alasanPerilaku: menyimpang(saran.perilaku, input.ratingPerilaku) ? input.alasanPerilaku : null,
      at: new Date(),
      olehUserId: actor.userId,
      penilaiId: who.penilaiId,
      penilaiLuarId: who.penilaiLuarId,
      delegasiId: who.delegasiId,
    };
    await tx.penilaianPeriode.upsert({ where: { laporanId: l.id }, create: { laporanId: l.id, ...rating }, update: { ...rating, version: { increment: 1 } } });
    await tx.riwayatLaporan.create({ data: { laporanId: l.id, jenis: 'DINILAI', olehUserId: actor.userId } });
    await audit(tx, actor, {
      aksi: 'laporan.rate',
      entitas: 'laporan_periode',
      entitasId: l.id,
      before: { status: l.status },
      after: {
        status: 'DINILAI', ratingHasilKerja: rating.ratingHasilKerja, ratingPerilaku: rating.ratingPerilaku, predikat: hasil,
        saranHasilKerja: saranKode(saran.hasilKerja), saranPerilaku: saranKode(saran.perilaku), policyVersion: policy.version,
        alasanHasilKerja: rating.alasanHasilKerja, alasanPerilaku: rating.alasanPerilaku, ...who,
      },
    });
    await kabarLaporan(tx, l.id, 'LAPORAN_DINILAI'); // ── bell ── the employee is told (docs/domain/notifikasi.md)
    return { nama: l.nama, predikat: hasil };
  });
  return { ...done, berikutnya: await nextWaiting(db, actor, id) };
}

/**
 * Whether a return would go through now (asked before the confirmation page): waiting, this
 * version, the cycle open, a date not in the past. Returns what the question names, or null.
 */
export async function returnReady(db: Db, clock: Clock, actor: Actor, id: number, input: { version: number; dibukaSampai: string }) {
  const l = await laporanPenilai(db, actor, id);
  if (l.status !== 'DIAJUKAN' || l.version !== input.version || !FASE_LAPORAN.includes(l.skp.siklus.fase as Fase)) return null;
  if (input.dibukaSampai < tanggalDi(clock.now(), l.zona)) return null;
  return { nama: l.nama, periode: l.periode.nama, sampai: akhirHari(input.dibukaSampai, l.zona) };
}

/**
 * DIAJUKAN → DIKEMBALIKAN with the reason: the employee may edit and submit it again until the
 * end of `dibukaSampai` (a calendar day in the cycle's zone, today or later; the form offers seven
 * days from today: defaultDibukaSampai). History and audit in the same transaction.
 */
export async function returnLaporan(db: Db, clock: Clock, actor: Actor, id: number, input: { version: number; alasan: string; dibukaSampai: string }): Promise<{ nama: string; sampai: Date; berikutnya: number | null }> {
  const done = await db.prisma.$transaction(async (tx) => {
    const l = await laporanPenilai({ prisma: tx }, actor, id);
    mustWait(l);
    if (l.version !== input.version) throw new Conflict();
    const today = tanggalDi(clock.now(), l.zona);
    if (input.dibukaSampai < today) throw new Refused('penilaian.err.sampaiLewat', { field: 'dibukaSampai' });
    const sampai = akhirHari(input.dibukaSampai, l.zona);
    await bump(tx, l, input.version, { status: 'DIKEMBALIKAN', alasanKembali: input.alasan, dibukaSampai: sampai });
    await tx.riwayatLaporan.create({ data: { laporanId: l.id, jenis: 'DIKEMBALIKAN', alasan: input.alasan, sampai, olehUserId: actor.userId } });
    await audit(tx, actor, {
      aksi: 'laporan.return',
      entitas: 'laporan_periode',
      entitasId: l.id,
      before: { status: l.status, dibukaSampai: l.dibukaSampai },
      after: { status: 'DIKEMBALIKAN', alasan: input.alasan, dibukaSampai: sampai, ...actedBy(actor, l.acting) },
    });
    await kabarLaporan(tx, l.id, 'LAPORAN_DIKEMBALIKAN', sampai); // ── bell ──
    return { nama: l.nama, sampai };
  });
  return { ...done, berikutnya: await nextWaiting(db, actor, id) };
}
