import { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import type { Fase } from '../../../domain/siklus.js';
import { visibleSkp, type Actor } from '../../../domain/access.js';
import { actingAs, dinilaiOleh, PEGAWAI_PENILAI_INCLUDE, type Acting } from '../../../domain/acting.js';
import { NILAI_BERAKHLAK, type NilaiBerakhlak } from '../../../domain/berakhlak.js';
import { submissionProblems, type SkpProblem } from '../../../domain/skp-check.js';
import { applySkpAction } from '../../../domain/skp-status.js';
import { Conflict, Forbidden, NotFound, Refused } from '../../../errors.js';
import { editSkp, getSkp, LIVE, peranPada, skpDocument, type Scoped } from '../service.js';
import { skpEditable } from '../../../domain/siklus.js';
import { usesJptForm } from '../../../domain/skp-document.js';
import { bawahanPageRows, cycleChoice, type BawahanRow } from './queries.js';
import { idFilter, optionalText, version } from '../../../schemas/primitives.js';
import { sqlOn } from '../../../db/sql.js';
import { refreshPenilaiSnapshot } from '../draft-sql.js';

// The appraiser's side of the SKP (docs/domain/skp.md § Workflow; e-Kinerja's "SKP Bawahan"): the list of
// appraisees' SKPs, the ekspektasi khusus pimpinan, and the decision to approve or return.
// Every change goes through editSkp (scope, role, open phase, version check, audit).

// ---- Forms --------------------------------------------------------------------------------


export const ekspektasiField = (n: NilaiBerakhlak) => `ekspektasi_${n}`;
export const catatanField = (rhkId: number) => `catatan_${rhkId}`;

export const ekspektasiForm = z.object({
  version,
  ...Object.fromEntries(NILAI_BERAKHLAK.map((n) => [ekspektasiField(n), optionalText(1000)])),
}) as unknown as z.ZodType<{ version: number } & Record<string, string | number | null>>;

export const approveForm = z.object({ version });

/** The return form: a reason, and a note per RHK of this SKP (unknown fields are dropped). */
export const returnForm = (rhkIds: number[]) =>
  z.object({
    version,
    alasan: z.string({ message: 'review.alasanMin' }).trim().min(10, 'review.alasanMin').max(2000, 'err.maxLength'),
    ...Object.fromEntries(rhkIds.map((id) => [catatanField(id), optionalText(2000)])),
  }) as z.ZodType<{ version: number; alasan: string } & Record<string, string | number | null>>;

export const bawahanQuery = z.object({
  siklusId: idFilter,
  status: z.enum(['DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN', 'DISETUJUI', 'BELUM']).optional().catch(undefined),
});

// ---- Cycles and SKP Bawahan ----------------------------------------------------------------

/** The cycles to choose from, and the chosen one (default: the newest that is past DRAFT). */
export async function chooseSiklus(db: Db, siklusId?: number) {
  const { list, chosenId } = await cycleChoice(db.sql, siklusId ?? null);
  return { list, chosen: list.find((s) => s.id === chosenId) ?? null };
}

export type { BawahanRow };

/**
 * The SKP Bawahan page: the cycles, the chosen one, the actor's appraisees with their SKP in it
 * (one statement), the counts per status and the rows the status filter keeps.
 */
export async function bawahanPage(db: Db, actor: Actor, q: { siklusId?: number; status?: string }) {
  const found =
    actor.pegawaiId === null ? { ...(await cycleChoice(db.sql, q.siklusId ?? null)), rows: [] as BawahanRow[] } : await bawahanPageRows(db.sql, actor.pegawaiId, actor.delegasi.map((d) => d.jabatanId), q.siklusId ?? null);
  const { list, chosenId } = found;
  // The query finds the candidates; the one decision says who the actor may act for, and how.
  const rows = found.rows.flatMap((r) => {
    const acting = actingAs(actor, { pegawaiId: r.pegawaiId, penilaiId: r.penilaiId, jabatanPenilaiId: r.jabatanPenilaiId });
    return acting ? [{ ...r, acting }] : [];
  });
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status ?? 'BELUM'] = (counts[row.status ?? 'BELUM'] ?? 0) + 1;
  const shown = q.status ? rows.filter((row) => (row.status ?? 'BELUM') === q.status) : rows;
  return { siklusList: list, siklus: list.find((s) => s.id === chosenId) ?? null, rows: shown, total: rows.length, counts, status: q.status ?? '' };
}

// ---- Decisions ----------------------------------------------------------------------------

/**
 * Loads what a decision needs and refuses early: not visible → 404, not acting as its appraiser
 * → 403. Returns how the actor acts (src/domain/acting.ts).
 */
async function decisionTarget(db: Db, actor: Actor, skpId: number) {
  const skp = await db.prisma.skp.findFirst({
    where: { id: skpId, ...visibleSkp(actor) },
    // the SKP's own appraiser decides (docs/domain/mutasi.md), not the employee's current one
    select: { id: true, status: true, pegawaiId: true, penilaiId: true, penilai: { select: { jabatanId: true } }, snapshot: true, pegawai: { select: { nama: true, penilaiId: true, ...PEGAWAI_PENILAI_INCLUDE } } },
  });
  if (!skp) throw new NotFound();
  const acting = actingAs(actor, dinilaiOleh(skp));
  if (!acting) throw new Forbidden('skp.err.notPenilai');
  return { ...skp, acting };
}

/** Who decided, in whose name, under which delegation: for the audit entry and the keputusan_skp row. */
const actedBy = (actor: Actor, acting: Acting) => ({ olehUserId: actor.userId, penilaiId: acting.penilaiId, delegasiId: acting.delegasi?.id ?? null, ...(acting.delegasi ? { delegasi: { jenis: acting.delegasi.jenis, nomorSk: acting.delegasi.nomorSk } } : {}) });

/** Records a decision (inside the caller's transaction): who pressed it, in whose name, under which delegation. */
async function recordKeputusan(tx: Tx, actor: Actor, acting: Acting, skp: { id: number; revisi: number }, jenis: 'SETUJUI' | 'KEMBALIKAN', alasan: string | null) {
  await tx.keputusanSkp.create({
    data: { skpId: skp.id, revisi: skp.revisi, jenis, alasan, olehUserId: actor.userId, penilaiId: acting.penilaiId, delegasiId: acting.delegasi?.id ?? null },
  });
}

/** What stops approval (submission rules again: the appraiser's RHKs may have changed since). */
export async function approvalProblems(tx: Tx | Db['prisma'], skp: { id: number; siklusId: number; isJpt: boolean; penilaiId: number | null }): Promise<SkpProblem[]> {
  const [rhk, atasan] = await Promise.all([
    tx.rhk.findMany({ where: { skpId: skp.id, ...LIVE }, select: { id: true, urutan: true, jenis: true, teks: true, rhkAtasanId: true, perspektif: true, _count: { select: { indikator: { where: LIVE } } } } }),
    skp.penilaiId === null ? [] : tx.rhk.findMany({ where: { skp: { siklusId: skp.siklusId, pegawaiId: skp.penilaiId }, ...LIVE }, select: { id: true } }),
  ]);
  return submissionProblems({
    isJpt: skp.isJpt,
    hasPenilai: skp.penilaiId !== null,
    rhk: rhk.map((r) => ({ ...r, indikatorCount: r._count.indikator })),
    atasanRhkIds: new Set(atasan.map((a) => a.id)),
  });
}

/**
 * Freezes the SKP as it now stands into skp_versi (inside the caller's transaction), with its
 * own appraiser's name, rank, position and unit as they are at this moment: the version names
 * who signed it, whatever changes later.
 */
async function freezeVersion(tx: Tx, actor: Actor, skp: Scoped<{ id: number }>, revisi: number) {
  await refreshPenilaiSnapshot(sqlOn(tx), skp.id);
  const data = await skpDocument(tx, skp);
  await tx.skpVersi.create({ data: { skpId: skp.id, revisi, data: JSON.parse(JSON.stringify(data)), olehUserId: actor.userId } });
}

/**
 * DIAJUKAN → DISETUJUI: clears the return reason and the per-RHK notes and freezes the
 * approved document as version `revisi`. Refused, with the list of problems, when the rules
 * block approval (the transaction then rolls back). Returns what the confirmation names.
 */
export async function approveSkp(db: Db, actor: Actor, skpId: number, ver: number): Promise<{ nama: string; revisi: number }> {
  const target = await decisionTarget(db, actor, skpId);
  // A double submit finds the SKP already decided: say so instead of "changed by someone else".
  if (target.status !== 'DIAJUKAN') throw new Refused('skp.err.notSubmitted');
  const isJpt = usesJptForm(target);
  const { acting } = target;
  const revisi = await editSkp(db, actor, skpId, ver, { aksi: 'skp.approve', mode: 'penilai', changesStatus: true, after: { status: 'DISETUJUI', ...actedBy(actor, acting) } }, async (tx, skp) => {
    const tr = applySkpAction(skp.status, 'approve');
    if ('error' in tr) throw new Conflict(tr.error);
    const problems = await approvalProblems(tx, { id: skp.id, siklusId: skp.siklusId, isJpt, penilaiId: acting.penilaiId });
    if (problems.length) throw new Refused('review.blocked', { count: problems.length }, problems);
    // A frozen version is never overwritten: should this revision number be taken already
    // (data changed outside the workflow), the approval becomes the next one.
    const last = await tx.skpVersi.findFirst({ where: { skpId: skp.id }, orderBy: { revisi: 'desc' }, select: { revisi: true } });
    const revisi = last && last.revisi >= skp.revisi ? last.revisi + 1 : skp.revisi;
    await tx.skp.update({ where: { id: skp.id }, data: { status: tr.status, revisi, disetujuiAt: new Date(), alasanKembali: null } });
    await tx.rhk.updateMany({ where: { skpId: skp.id, catatanPenilai: { not: null } }, data: { catatanPenilai: null } });
    await freezeVersion(tx, actor, skp, revisi);
    await recordKeputusan(tx, actor, acting, { id: skp.id, revisi }, 'SETUJUI', null);
    return revisi;
  });
  return { nama: target.pegawai.nama, revisi };
}

/** DIAJUKAN → DIKEMBALIKAN with the reason, and a note on each RHK (blank: none). */
export async function returnSkp(db: Db, actor: Actor, skpId: number, ver: number, alasan: string, catatan: Map<number, string>): Promise<void> {
  const target = await decisionTarget(db, actor, skpId);
  if (target.status !== 'DIAJUKAN') throw new Refused('skp.err.notSubmitted');
  const { acting } = target;
  await editSkp(db, actor, skpId, ver, { aksi: 'skp.return', mode: 'penilai', changesStatus: true, after: { status: 'DIKEMBALIKAN', alasan, catatan: Object.fromEntries(catatan), ...actedBy(actor, acting) } }, async (tx, skp) => {
    const tr = applySkpAction(skp.status, 'return');
    if ('error' in tr) throw new Conflict(tr.error);
    await recordKeputusan(tx, actor, acting, skp, 'KEMBALIKAN', alasan);
    await tx.skp.update({ where: { id: skp.id }, data: { status: tr.status, alasanKembali: alasan } });
    await tx.rhk.updateMany({ where: { skpId: skp.id, id: { notIn: [...catatan.keys()] } }, data: { catatanPenilai: null } });
    for (const [rhkId, teks] of catatan) await tx.rhk.updateMany({ where: { id: rhkId, skpId: skp.id, ...LIVE }, data: { catatanPenilai: teks } });
  });
}

/**
 * Writes the ekspektasi khusus pimpinan (blank deletes). The status stays; on an approved SKP
 * the appraiser's change is approved by its author, so it is frozen as the next revision.
 */
export async function saveEkspektasi(db: Db, actor: Actor, skpId: number, ver: number, teks: Partial<Record<NilaiBerakhlak, string | null>>): Promise<{ berubah: number; revisiBaru: number | null }> {
  await decisionTarget(db, actor, skpId);
  return editSkp(db, actor, skpId, ver, { aksi: 'skp.ekspektasi.update', mode: 'penilai', after: { ekspektasi: teks } }, async (tx, skp) => {
    const lama = new Map((await tx.ekspektasiPerilaku.findMany({ where: { skpId } })).map((e) => [e.nilai as NilaiBerakhlak, e.ekspektasiKhusus]));
    let berubah = 0;
    for (const nilai of NILAI_BERAKHLAK) {
      const baru = teks[nilai] ?? null;
      if ((lama.get(nilai) ?? null) === baru) continue;
      berubah++;
      if (baru === null) await tx.ekspektasiPerilaku.delete({ where: { skpId_nilai: { skpId, nilai } } });
      else await tx.ekspektasiPerilaku.upsert({ where: { skpId_nilai: { skpId, nilai } }, create: { skpId, nilai, ekspektasiKhusus: baru }, update: { ekspektasiKhusus: baru } });
    }
    if (berubah === 0 || skp.status !== 'DISETUJUI') return { berubah, revisiBaru: null };
    const revisi = skp.revisi + 1;
    await tx.skp.update({ where: { id: skpId }, data: { revisi, disetujuiAt: new Date() } });
    await freezeVersion(tx, actor, skp, revisi);
    return { berubah, revisiBaru: revisi };
  });
}

/** Everything the review page shows, from one scoped load: 404 outside the actor's scope, 403 if not the appraiser. */
export async function reviewPage(db: Db, actor: Actor, id: number) {
  const skp = await getSkp(db, actor, id);
  const { acting } = peranPada(actor, skp);
  if (!acting) throw new Forbidden('skp.err.notPenilai');
  const problems =
    skp.status === 'DIAJUKAN'
      ? await approvalProblems(db.prisma, { id: skp.id, siklusId: skp.siklusId, isJpt: usesJptForm(skp), penilaiId: skp.penilaiId })
      : [];
  return { skp, acting, doc: await skpDocument(db.prisma, skp), editable: skpEditable(skp.siklus.fase as Fase), problems };
}
