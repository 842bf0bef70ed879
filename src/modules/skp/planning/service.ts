import type { Db, Tx } from '../../../db/client.js';
import type { Actor } from '../../../domain/access.js';
import { submissionProblems, type SkpProblem } from '../../../domain/skp-check.js';
import { applySkpAction } from '../../../domain/skp-status.js';
import { Conflict, NotFound, Refused } from '../../../errors.js';
import { editSkp, LIVE, peranPada, skpSaya, type SkpFull } from '../service.js';
import { removeIndikator, removeRhk } from '../retire.js';
import { kabarSkp } from '../../notifikasi/peristiwa.js'; // ── bell ──
import { skpEditable, type Fase } from '../../../domain/siklus.js';
import type { IndikatorInput, RhkInput } from '../schemas.js';
import { Prisma } from '../../../../prisma/generated/client.js';
import { indikatorData, INDIKATOR_COLUMNS, parseIdentitas, RHK_COPY_COLUMNS, usesJptForm } from '../../../domain/skp-document.js';

// The employee's side of SKP planning: every change goes through editSkp (owner, phase,
// workflow, version, audit); this file holds what each change does inside that transaction.

/** The RHKs (drafts included) of the SKP's own appraiser's SKPs in the same cycle: what an RHK may intervene. */
export async function rhkAtasanOptions(db: Db | { prisma: Tx }, skp: { siklusId: number; penilaiId: number | null }) {
  if (skp.penilaiId === null) return [];
  return db.prisma.rhk.findMany({
    where: { skp: { pegawaiId: skp.penilaiId, siklusId: skp.siklusId }, ...LIVE },
    orderBy: [{ jenis: 'asc' }, { urutan: 'asc' }],
    select: { id: true, jenis: true, urutan: true, teks: true },
  });
}

/** The actor's own SKPs, newest cycle first and within a cycle by period (the picker: a move splits a year in pieces). */
export function skpSayaList(db: Db, actor: Actor) {
  if (actor.pegawaiId === null) return Promise.resolve([]);
  return db.prisma.skp.findMany({
    where: { pegawaiId: actor.pegawaiId },
    orderBy: [{ siklus: { tahun: 'desc' } }, { periodeAwal: 'asc' }],
    select: { id: true, status: true, revisi: true, periodeAwal: true, periodeAkhir: true, ditutupAt: true, siklus: { select: { id: true, tahun: true, fase: true } } },
  });
}

/** The employee's SKP of the latest earlier cycle, when it has RHKs to copy. */
export async function skpTahunLalu(db: Db | { prisma: Tx }, skp: { pegawaiId: number; siklus: { tahun: number } }) {
  const prev = await db.prisma.skp.findFirst({
    where: { pegawaiId: skp.pegawaiId, siklus: { tahun: { lt: skp.siklus.tahun } } },
    orderBy: [{ siklus: { tahun: 'desc' } }, { periodeAwal: 'desc' }], // a year split by a move: its last SKP
    select: { id: true, siklus: { select: { tahun: true } }, _count: { select: { rhk: { where: LIVE } } } },
  });
  return prev ? { id: prev.id, tahun: prev.siklus.tahun, rhkCount: prev._count.rhk } : null;
}

type Edit = { actor: Actor; skpId: number; version: number };

export async function setPendekatan(db: Db, e: Edit, pendekatan: 'KUANTITATIF' | 'KUALITATIF') {
  return editSkp(db, e.actor, e.skpId, e.version, { aksi: 'skp.pendekatan.update', after: { pendekatan } }, async (tx, s) => {
    if (pendekatan === 'KUANTITATIF') {
      // A quantitative SKP needs measurable targets: refuse while qualitative ones remain.
      const count = await tx.indikator.count({ where: { rhk: { skpId: s.id, ...LIVE }, jenisTarget: 'KUALITATIF', ...LIVE } });
      if (count > 0) throw new Refused('skp.pendekatan.hasQualitative', { count, field: 'pendekatan' });
    }
    await tx.skp.update({ where: { id: s.id }, data: { pendekatan } });
    return s;
  });
}

async function nextUrutan(tx: Tx, skpId: number, jenis: 'UTAMA' | 'TAMBAHAN') {
  const m = await tx.rhk.aggregate({ where: { skpId, jenis, ...LIVE }, _max: { urutan: true } });
  return (m._max.urutan ?? 0) + 1;
}

/** Adds (rhkId null) or changes an RHK; the link must be an RHK of the appraiser's SKP this cycle. */
export async function saveRhk(db: Db, e: Edit, rhkId: number | null, input: RhkInput) {
  const after = { rhkId, jenis: input.jenis, teks: input.teks, rhkAtasanId: input.rhkAtasanId, perspektif: input.perspektif, penugasanDari: input.penugasanDari };
  return editSkp(db, e.actor, e.skpId, e.version, { aksi: rhkId ? 'skp.rhk.update' : 'skp.rhk.create', after }, async (tx, s) => {
    const info = await tx.skp.findUniqueOrThrow({ where: { id: s.id }, select: { snapshot: true, penilaiId: true } });
    const jpt = usesJptForm(info);
    const rhkAtasanId = jpt ? null : input.rhkAtasanId;
    if (rhkAtasanId !== null) {
      const ok = info.penilaiId !== null && (await tx.rhk.count({ where: { id: rhkAtasanId, skp: { pegawaiId: info.penilaiId, siklusId: s.siklusId }, ...LIVE } })) > 0;
      if (!ok) throw new Refused('skp.rhk.linkGone', { field: 'rhkAtasanId' });
    }
    const data = { jenis: input.jenis, teks: input.teks, rhkAtasanId, perspektif: jpt ? input.perspektif : null, penugasanDari: input.penugasanDari };
    if (rhkId === null) {
      const created = await tx.rhk.create({ data: { ...data, skpId: s.id, urutan: await nextUrutan(tx, s.id, input.jenis) } });
      return { ...s, rhkId: created.id };
    }
    const old = await tx.rhk.findFirst({ where: { id: rhkId, skpId: s.id, ...LIVE } });
    if (!old) throw new NotFound();
    if (old.jenis === input.jenis) {
      await tx.rhk.update({ where: { id: rhkId }, data });
    } else {
      // Moving between UTAMA and TAMBAHAN: last of the new group, close the gap in the old one.
      await tx.rhk.update({ where: { id: rhkId }, data: { ...data, urutan: await nextUrutan(tx, s.id, input.jenis) } });
      await tx.rhk.updateMany({ where: { skpId: s.id, jenis: old.jenis, urutan: { gt: old.urutan }, ...LIVE }, data: { urutan: { decrement: 1 } } });
    }
    return { ...s, rhkId };
  });
}

export async function deleteRhk(db: Db, e: Edit, rhkId: number) {
  return editSkp(db, e.actor, e.skpId, e.version, { aksi: 'skp.rhk.delete', after: { rhkId } }, async (tx, s) => {
    const old = await tx.rhk.findFirst({ where: { id: rhkId, skpId: s.id, ...LIVE }, include: { _count: { select: { intervensi: { where: LIVE } } } } });
    if (!old) throw new NotFound();
    if (old._count.intervensi > 0) throw new Refused('skp.rhk.hasIntervensi', { count: old._count.intervensi });
    // Retired (kept for the approved versions) or deleted: docs/domain/skp.md § Revisions.
    await removeRhk(tx, s.id, s.revisi, rhkId);
    await tx.rhk.updateMany({ where: { skpId: s.id, jenis: old.jenis, urutan: { gt: old.urutan }, ...LIVE }, data: { urutan: { decrement: 1 } } });
    return s;
  });
}

/** Adds an indicator to an RHK (`rhkId`) or changes one (`indikatorId`). */
export async function saveIndikator(db: Db, e: Edit, target: { rhkId: number } | { indikatorId: number }, input: IndikatorInput) {
  const data = indikatorData(input);
  return editSkp(db, e.actor, e.skpId, e.version, { aksi: 'rhkId' in target ? 'skp.indikator.create' : 'skp.indikator.update', after: { ...target, ...data } }, async (tx, s) => {
    if ('rhkId' in target) {
      const rhk = await tx.rhk.findFirst({ where: { id: target.rhkId, skpId: s.id, ...LIVE }, select: { id: true } });
      if (!rhk) throw new NotFound();
      const m = await tx.indikator.aggregate({ where: { rhkId: rhk.id, ...LIVE }, _max: { urutan: true } });
      await tx.indikator.create({ data: { ...data, rhkId: rhk.id, urutan: (m._max.urutan ?? 0) + 1 } });
    } else {
      const old = await tx.indikator.findFirst({ where: { id: target.indikatorId, rhk: { skpId: s.id, ...LIVE }, ...LIVE }, select: { jenisTarget: true } });
      if (!old) throw new NotFound();
      await tx.indikator.update({ where: { id: target.indikatorId }, data });
      // Period targets are of the year's kind: another kind of target leaves them meaningless.
      if (old.jenisTarget !== data.jenisTarget) await tx.targetPeriode.deleteMany({ where: { indikatorId: target.indikatorId } });
    }
    return s;
  });
}

export async function deleteIndikator(db: Db, e: Edit, indikatorId: number) {
  return editSkp(db, e.actor, e.skpId, e.version, { aksi: 'skp.indikator.delete', after: { indikatorId } }, async (tx, s) => {
    const old = await tx.indikator.findFirst({ where: { id: indikatorId, rhk: { skpId: s.id, ...LIVE }, ...LIVE } });
    if (!old) throw new NotFound();
    // Retired (kept for the approved versions) or deleted: docs/domain/skp.md § Revisions.
    await removeIndikator(tx, s.id, s.revisi, old);
    await tx.indikator.updateMany({ where: { rhkId: old.rhkId, urutan: { gt: old.urutan }, ...LIVE }, data: { urutan: { decrement: 1 } } });
    return s;
  });
}

type JenisLampiran = 'DUKUNGAN_SUMBER_DAYA' | 'SKEMA_PERTANGGUNGJAWABAN' | 'KONSEKUENSI';

export async function createLampiran(db: Db, e: Edit, jenis: JenisLampiran, teks: string) {
  return editSkp(db, e.actor, e.skpId, e.version, { aksi: 'skp.lampiran.create', after: { jenis, teks } }, async (tx, s) => {
    const m = await tx.lampiran.aggregate({ where: { skpId: s.id, jenis }, _max: { urutan: true } });
    await tx.lampiran.create({ data: { skpId: s.id, jenis, teks, urutan: (m._max.urutan ?? 0) + 1 } });
    return s;
  });
}

export async function deleteLampiran(db: Db, e: Edit, lampiranId: number) {
  return editSkp(db, e.actor, e.skpId, e.version, { aksi: 'skp.lampiran.delete', after: { lampiranId } }, async (tx, s) => {
    const old = await tx.lampiran.findFirst({ where: { id: lampiranId, skpId: s.id } });
    if (!old) throw new NotFound();
    await tx.lampiran.delete({ where: { id: lampiranId } });
    await tx.lampiran.updateMany({ where: { skpId: s.id, jenis: old.jenis, urutan: { gt: old.urutan } }, data: { urutan: { decrement: 1 } } });
    return s;
  });
}

/** What stops this SKP from being submitted, read inside the caller's transaction. */
export async function problemsOf(tx: Tx, skpId: number, siklusId: number): Promise<SkpProblem[]> {
  const info = await tx.skp.findUniqueOrThrow({ where: { id: skpId }, select: { snapshot: true, penilaiId: true } });
  const rhk = await tx.rhk.findMany({
    where: { skpId, ...LIVE },
    orderBy: [{ jenis: 'asc' }, { urutan: 'asc' }],
    select: { id: true, urutan: true, jenis: true, teks: true, rhkAtasanId: true, perspektif: true, _count: { select: { indikator: { where: LIVE } } } },
  });
  const atasan = await rhkAtasanOptions({ prisma: tx }, { siklusId, penilaiId: info.penilaiId });
  return submissionProblems({
    isJpt: usesJptForm(info),
    hasPenilai: info.penilaiId !== null,
    rhk: rhk.map((r) => ({ ...r, indikatorCount: r._count.indikator })),
    atasanRhkIds: new Set(atasan.map((a) => a.id)),
  });
}

/**
 * Whether submitting now would go through (asked before the employee confirms): the owner, a
 * draft or returned SKP of this version, and nothing missing. Anything else goes straight to
 * submitSkp, which says what is wrong.
 */
export async function canSubmit(db: Db, actor: Actor, skp: SkpFull, version: number): Promise<boolean> {
  if (!peranPada(actor, skp).pemilik || skp.version !== version || (skp.status !== 'DRAFT' && skp.status !== 'DIKEMBALIKAN')) return false;
  if (!skpEditable(skp.siklus.fase as Fase)) return false;
  return (await problemsOf(db.prisma, skp.id, skp.siklusId)).length === 0;
}

/** Submits the SKP to the appraiser; a second submit of the same page gets a clear message. */
export async function submitSkp(db: Db, e: Edit) {
  try {
    return await editSkp(db, e.actor, e.skpId, e.version, { aksi: 'skp.submit', changesStatus: true, after: { status: 'DIAJUKAN' } }, async (tx, s) => {
      const tr = applySkpAction(s.status, 'submit');
      if ('error' in tr) throw new Conflict(tr.error);
      const problems = await problemsOf(tx, s.id, s.siklusId);
      if (problems.length) throw new Refused('skp.ajukan.blocked', { count: problems.length }, problems);
      await tx.skp.update({ where: { id: s.id }, data: { status: tr.status, diajukanAt: new Date() } });
      await kabarSkp(tx, s.id, 'SKP_DIAJUKAN'); // ── bell ── the appraiser is told (docs/domain/notifikasi.md)
      return { ...s, status: tr.status };
    });
  } catch (err) {
    // The same form sent twice: the first submitted it, so say that rather than "someone else".
    if (err instanceof Conflict && err.key === 'conflict.changedBySomeoneElse') {
      const now = await db.prisma.skp.findUnique({ where: { id: e.skpId }, select: { status: true } });
      if (now?.status === 'DIAJUKAN') throw new Refused('skp.err.alreadySubmitted');
    }
    throw err;
  }
}

// The columns a copy carries, from the document model (the RHK's link is not among them).
const RHK_COLS = Prisma.raw(RHK_COPY_COLUMNS.join(', '));
const INDIKATOR_COLS = Prisma.raw(INDIKATOR_COLUMNS.join(', '));
const INDIKATOR_COLS_I = Prisma.raw(INDIKATOR_COLUMNS.map((c) => `i.${c}`).join(', '));

/**
 * Copies last year's RHKs (without the intervened link: that points at another cycle's RHK),
 * their indicators and the lampiran into an SKP that has no RHK yet; set-based, one transaction.
 */
export async function copyLastYear(db: Db, e: Edit) {
  return editSkp(db, e.actor, e.skpId, e.version, { aksi: 'skp.copyLastYear' }, async (tx, s) => {
    const cur = await tx.skp.findUniqueOrThrow({ where: { id: s.id }, select: { pegawaiId: true, siklus: { select: { tahun: true } }, _count: { select: { rhk: { where: LIVE } } } } });
    if (cur._count.rhk > 0) throw new Refused('skp.salin.notEmpty');
    const prev = await skpTahunLalu({ prisma: tx }, cur);
    if (!prev || prev.rhkCount === 0) throw new Refused('skp.salin.none');
    const rhk = await tx.$executeRaw`
      INSERT INTO rhk (skp_id, urutan, ${RHK_COLS})
      SELECT ${s.id}::int, row_number() OVER (PARTITION BY jenis ORDER BY urutan, id), ${RHK_COLS}
        FROM rhk WHERE skp_id = ${prev.id}::int AND dihapus_revisi IS NULL`;
    // New RHKs are numbered 1..n per jenis in the old order, so (jenis, number) pairs them up.
    const indikator = await tx.$executeRaw`
      INSERT INTO indikator (rhk_id, urutan, ${INDIKATOR_COLS})
      SELECT n.id, i.urutan, ${INDIKATOR_COLS_I}
        FROM (SELECT id, jenis, row_number() OVER (PARTITION BY jenis ORDER BY urutan, id) AS rn FROM rhk WHERE skp_id = ${prev.id}::int AND dihapus_revisi IS NULL) o
        JOIN rhk n ON n.skp_id = ${s.id}::int AND n.jenis = o.jenis AND n.urutan = o.rn
        JOIN indikator i ON i.rhk_id = o.id AND i.dihapus_revisi IS NULL`;
    const lampiran = await tx.$executeRaw`
      INSERT INTO lampiran (skp_id, jenis, urutan, teks)
      SELECT ${s.id}::int, l.jenis,
             COALESCE((SELECT max(x.urutan) FROM lampiran x WHERE x.skp_id = ${s.id}::int AND x.jenis = l.jenis), 0) + row_number() OVER (PARTITION BY l.jenis ORDER BY l.urutan, l.id),
             l.teks
        FROM lampiran l
       WHERE l.skp_id = ${prev.id}::int
         AND NOT EXISTS (SELECT 1 FROM lampiran x WHERE x.skp_id = ${s.id}::int AND x.jenis = l.jenis AND x.teks = l.teks)`;
    return { ...s, tahun: prev.tahun, rhk, indikator, lampiran };
  });
}

/**
 * What the SKP page shows of an SKP the actor may see: who they are to it, whether they may edit
 * it now, the owner's other SKPs, and last year's SKP to copy from while this one is empty.
 */
export async function skpPageData(db: Db, actor: Actor, skp: SkpFull) {
  const peran = peranPada(actor, skp);
  const editable = peran.pemilik && skpEditable(skp.siklus.fase as Fase) && skp.status !== 'DIAJUKAN';
  const [daftar, tahunLalu] = await Promise.all([peran.pemilik ? skpSayaList(db, actor) : [], editable && skp.rhk.length === 0 ? skpTahunLalu(db, skp) : null]);
  return {
    skp,
    snap: parseIdentitas(skp.snapshot),
    peran,
    editable,
    isJpt: usesJptForm(skp),
    daftar,
    tahunLalu,
    ekspektasi: Object.fromEntries(skp.ekspektasi.map((e) => [e.nilai, e.ekspektasiKhusus])),
  };
}

/** "My SKP" (/skp): the actor's SKP in the chosen cycle (default: the newest), or what to show without one. */
export async function mySkpPage(db: Db, actor: Actor, siklusId?: number) {
  const skp = await skpSaya(db, actor, siklusId);
  return skp ? { skp } : { skp: null, daftar: await skpSayaList(db, actor), noPegawai: actor.pegawaiId === null };
}
