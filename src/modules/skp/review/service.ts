import { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import type { Fase } from '../../../domain/siklus.js';
import { visibleSkp, type Actor } from '../../../domain/access.js';
import { actingAs, actingSkpWhere, dinilaiOleh, PEGAWAI_PENILAI_INCLUDE, type Acting } from '../../../domain/acting.js';
import { NILAI_BERAKHLAK, type NilaiBerakhlak } from '../../../domain/berakhlak.js';
import { submissionProblems, type SkpProblem } from '../../../domain/skp-check.js';
import { applySkpAction } from '../../../domain/skp-status.js';
import { Conflict, Forbidden, NotFound, Refused } from '../../../errors.js';
import { editSkp, editSkpIn, getSkp, LIVE, peranPada, skpDocument, type Scoped } from '../service.js';
import { keputusanList } from '../versions/service.js';
import { DOKUMEN_TANDA_TANGAN, dropBerkas, putBerkas, readBerkas, recordBerkas, type BerkasUpload, type StoredBerkas } from '../../berkas/service.js';
import type { BerkasStore } from '../../../storage/berkas-store.js';
import { skpEditable } from '../../../domain/siklus.js';
import { parseDokumen, usesJptForm, type SkpDokumen } from '../../../domain/skp-document.js';
import { diffSkp } from '../../../domain/skp-diff.js';
import { bawahanPageRows, cycleChoice, type BawahanRow } from './queries.js';
import { idFilter, optionalText, version } from '../../../schemas/primitives.js';
import { sqlOn } from '../../../db/sql.js';
import { refreshPenilaiSnapshot } from '../draft-sql.js';
import { kabarSkp } from '../../notifikasi/peristiwa.js'; // ── bell ──

// The appraiser's side of the SKP (docs/domain/skp.md § Workflow; e-Kinerja's "SKP Bawahan"): the list of
// appraisees' SKPs, the ekspektasi khusus pimpinan, and the decision to approve or return.
// Every change goes through editSkp (scope, role, open phase, version check, audit).

// ---- Forms --------------------------------------------------------------------------------


export const ekspektasiField = (n: NilaiBerakhlak) => `ekspektasi_${n}`;
export const catatanField = (rhkId: number) => `catatan_${rhkId}`;

/** Other appraisees' SKPs ticked to receive the same ekspektasi: "skpId:version" each. */
const juga = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().regex(/^\d{1,9}:\d{1,9}$/, 'err.invalid').transform((s) => { const [skpId, version] = s.split(':').map(Number); return { skpId: skpId!, version: version! }; })).max(200, 'err.invalid'),
);

export const ekspektasiForm = z.object({
  version,
  juga,
  ...Object.fromEntries(NILAI_BERAKHLAK.map((n) => [ekspektasiField(n), optionalText(1000)])),
}) as unknown as z.ZodType<{ version: number; juga: EkspektasiJuga[] } & Record<string, string | number | null | EkspektasiJuga[]>>;

export const approveForm = z.object({ version });

/** The return form: a reason, and a note per RHK of this SKP (unknown fields are dropped). */
export const returnForm = (rhkIds: number[]) =>
  z.object({
    version,
    alasan: z.string({ message: 'review.alasanMin' }).trim().min(10, 'review.alasanMin').max(2000, 'err.maxLength'),
    ...Object.fromEntries(rhkIds.map((id) => [catatanField(id), optionalText(2000)])),
  }) as z.ZodType<{ version: number; alasan: string } & Record<string, string | number | null>>;

/** The per-RHK notes a return form carries (only this SKP's RHKs; a blank one is kept as blank). */
export function catatanOf(rhk: readonly { id: number }[], data: Record<string, unknown>): Map<number, string> {
  const catatan = new Map<number, string>();
  for (const x of rhk) {
    const v = data[catatanField(x.id)];
    if (typeof v === 'string') catatan.set(x.id, v);
  }
  return catatan;
}

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
    const acting = actingAs(actor, { pegawaiId: r.pegawaiId, penilaiId: r.penilaiId, penilaiLuarId: null, jabatanPenilaiId: r.jabatanPenilaiId });
    return acting ? [{ ...r, acting }] : [];
  });
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status ?? 'BELUM'] = (counts[row.status ?? 'BELUM'] ?? 0) + 1;
  const shown = q.status ? rows.filter((row) => (row.status ?? 'BELUM') === q.status) : rows;
  return { siklusList: list, siklus: list.find((s) => s.id === chosenId) ?? null, rows: shown, total: rows.length, counts, status: q.status ?? '' };
}

/** The next SKP waiting for this appraiser's decision (oldest submission first), other than `except`; null when none. */
export async function nextWaiting(db: Db, actor: Actor, except: number): Promise<number | null> {
  if (actor.pegawaiId === null) return null;
  const { rows } = await bawahanPage(db, actor, { status: 'DIAJUKAN' });
  return rows.find((r) => r.skpId !== null && r.skpId !== except)?.skpId ?? null;
}

// ---- Decisions ----------------------------------------------------------------------------

/**
 * Loads what a decision needs and refuses early: not visible → 404, not acting as its appraiser
 * → 403. Returns how the actor acts (src/domain/acting.ts) and the name the audit entry carries.
 * `atasNama`: HR recording the decision of the SKP's appraiser outside the agency (only for an
 * SKP that has one).
 */
async function decisionTarget(db: Db, actor: Actor, skpId: number, atasNama = false) {
  const skp = await db.prisma.skp.findFirst({
    where: { id: skpId, ...visibleSkp(actor) },
    // the SKP's own appraiser decides (docs/domain/mutasi.md), not the employee's current one
    select: {
      id: true, status: true, pegawaiId: true, penilaiId: true, penilaiLuarId: true, snapshot: true,
      penilai: { select: { jabatanId: true } }, penilaiLuar: { select: { id: true, nama: true } },
      pegawai: { select: { nama: true, penilaiId: true, ...PEGAWAI_PENILAI_INCLUDE } },
    },
  });
  if (!skp) throw new NotFound();
  if (atasNama) {
    if (!actor.isAdmin || !skp.penilaiLuar) throw new Forbidden('review.atasNama.notAllowed');
    const acting: Acting = { sebagai: 'atasNama', penilaiId: null, penilaiLuarId: skp.penilaiLuar.id, delegasi: null };
    return { ...skp, acting, auditLabel: `${skp.penilaiLuar.nama} (dicatat oleh ${actor.label})` as string | undefined };
  }
  const acting = actingAs(actor, dinilaiOleh(skp));
  if (!acting) throw new Forbidden('skp.err.notPenilai');
  return { ...skp, acting, auditLabel: undefined as string | undefined };
}
type DecisionTarget = Awaited<ReturnType<typeof decisionTarget>>;

/** Who decided, in whose name, under which delegation: for the audit entry and the keputusan_skp row. */
const actedBy = (actor: Actor, acting: Acting) => ({
  olehUserId: actor.userId,
  penilaiId: acting.penilaiId,
  ...(acting.penilaiLuarId !== null ? { penilaiLuarId: acting.penilaiLuarId } : {}),
  delegasiId: acting.delegasi?.id ?? null,
  ...(acting.delegasi ? { delegasi: { jenis: acting.delegasi.jenis, nomorSk: acting.delegasi.nomorSk } } : {}),
  ...(acting.sebagai === 'atasNama' ? { dicatatOleh: actor.label } : {}),
});

/**
 * Every approval and return is recorded (keputusan_skp), inside the caller's transaction: who
 * pressed the button, in whose name, under which delegation, and, when HR recorded an outside
 * official's decision, the signed document.
 */
async function recordKeputusan(tx: Tx, actor: Actor, target: DecisionTarget, k: { revisi: number; jenis: 'SETUJUI' | 'KEMBALIKAN'; alasan: string | null; dicatat: StoredBerkas | null; dokumen?: SkpDokumen }) {
  const berkas = k.dicatat ? await recordBerkas(tx, k.dicatat, actor.userId) : null;
  const { acting } = target;
  await tx.keputusanSkp.create({
    data: {
      skpId: target.id,
      revisi: k.revisi,
      jenis: k.jenis,
      alasan: k.alasan,
      olehUserId: actor.userId,
      penilaiId: acting.penilaiId,
      penilaiLuarId: acting.penilaiLuarId,
      delegasiId: acting.delegasi?.id ?? null,
      dicatatHr: acting.sebagai === 'atasNama',
      berkasId: berkas?.id ?? null,
      ...(k.dokumen ? { dokumen: k.dokumen as object } : {}),
    },
  });
}

/** What stops approval (submission rules again: the appraiser's RHKs may have changed since). */
export async function approvalProblems(tx: Tx | Db['prisma'], skp: { id: number; siklusId: number; isJpt: boolean; penilaiId: number | null }): Promise<SkpProblem[]> {
  // one after the other: inside a transaction both would go to its one connection at once, which
  // pg only queues (and pg 9 will refuse)
  const rhk = await tx.rhk.findMany({ where: { skpId: skp.id, ...LIVE }, select: { id: true, urutan: true, jenis: true, teks: true, rhkAtasanId: true, perspektif: true, _count: { select: { indikator: { where: LIVE } } } } });
  const atasan = skp.penilaiId === null ? [] : await tx.rhk.findMany({ where: { skp: { siklusId: skp.siklusId, pegawaiId: skp.penilaiId }, ...LIVE }, select: { id: true } });
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
export const approveSkp = (db: Db, actor: Actor, skpId: number, ver: number): Promise<{ nama: string; revisi: number }> => approve(db, actor, skpId, ver, null);

async function approve(db: Db, actor: Actor, skpId: number, ver: number, dicatat: StoredBerkas | null): Promise<{ nama: string; revisi: number }> {
  const target = await decisionTarget(db, actor, skpId, dicatat !== null);
  // A double submit finds the SKP already decided: say so instead of "changed by someone else".
  if (target.status !== 'DIAJUKAN') throw new Refused('skp.err.notSubmitted');
  const isJpt = usesJptForm(target);
  const { acting } = target;
  const after = { status: 'DISETUJUI', ...actedBy(actor, acting) };
  const revisi = await editSkp(db, actor, skpId, ver, { aksi: 'skp.approve', mode: dicatat ? 'atasNama' : 'penilai', changesStatus: true, after, auditLabel: target.auditLabel }, async (tx, skp) => {
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
    await recordKeputusan(tx, actor, target, { revisi, jenis: 'SETUJUI', alasan: null, dicatat });
    await kabarSkp(tx, skp.id, 'SKP_DISETUJUI'); // ── bell ── the employee is told (docs/domain/notifikasi.md)
    return revisi;
  });
  return { nama: target.pegawai.nama, revisi };
}

/** DIAJUKAN → DIKEMBALIKAN with the reason, and a note on each RHK (blank: none). */
export const returnSkp = (db: Db, actor: Actor, skpId: number, ver: number, alasan: string, catatan: Map<number, string>): Promise<void> => giveBack(db, actor, skpId, ver, alasan, catatan, null);

async function giveBack(db: Db, actor: Actor, skpId: number, ver: number, alasan: string, catatan: Map<number, string>, dicatat: StoredBerkas | null): Promise<void> {
  const target = await decisionTarget(db, actor, skpId, dicatat !== null);
  if (target.status !== 'DIAJUKAN') throw new Refused('skp.err.notSubmitted');
  const { acting } = target;
  const after = { status: 'DIKEMBALIKAN', alasan, catatan: Object.fromEntries(catatan), ...actedBy(actor, acting) };
  await editSkp(db, actor, skpId, ver, { aksi: 'skp.return', mode: dicatat ? 'atasNama' : 'penilai', changesStatus: true, after, auditLabel: target.auditLabel }, async (tx, skp) => {
    const tr = applySkpAction(skp.status, 'return');
    if ('error' in tr) throw new Conflict(tr.error);
    await tx.skp.update({ where: { id: skp.id }, data: { status: tr.status, alasanKembali: alasan } });
    await tx.rhk.updateMany({ where: { skpId: skp.id, id: { notIn: [...catatan.keys()] } }, data: { catatanPenilai: null } });
    for (const [rhkId, teks] of catatan) await tx.rhk.updateMany({ where: { id: rhkId, skpId: skp.id, ...LIVE }, data: { catatanPenilai: teks } });
    // what the appraiser saw, for the resubmission's "changed since you returned it"
    const dokumen = await skpDocument(tx, skp);
    await recordKeputusan(tx, actor, target, { revisi: skp.revisi, jenis: 'KEMBALIKAN', alasan, dicatat, dokumen });
    await kabarSkp(tx, skp.id, 'SKP_DIKEMBALIKAN'); // ── bell ──
  });
}

// ---- HR recording an outside official's decision ("atas nama") ----------------------------

/** HR's form: approve or return in the name of the employee's outside appraiser; the signed document is the file field `berkas`. */
export const atasNamaForm = (rhkIds: number[]) =>
  z
    .object({
      version,
      jenis: z.enum(['SETUJUI', 'KEMBALIKAN'], { message: 'err.choice' }),
      alasan: z.string().trim().max(2000, 'err.maxLength').optional().transform((v) => v ?? ''),
      ...Object.fromEntries(rhkIds.map((id) => [catatanField(id), optionalText(2000)])),
    })
    .superRefine((v, ctx) => {
      if (v.jenis === 'KEMBALIKAN' && v.alasan.length < 10) ctx.addIssue({ code: 'custom', path: ['alasan'], message: 'review.alasanMin' });
    }) as unknown as z.ZodType<{ version: number; jenis: 'SETUJUI' | 'KEMBALIKAN'; alasan: string } & Record<string, string | number | null>>;

/**
 * HR records the decision the employee's appraiser outside the agency signed on paper: the
 * signed document (PDF or image, checked by its content) is stored and linked to the decision,
 * which is written and audited in the official's name, "dicatat oleh" HR. Refused before anything
 * is stored when HR may not record it here; the stored file is removed when the decision fails.
 */
export async function recordDecisionAtasNama(
  db: Db,
  store: BerkasStore,
  actor: Actor,
  skpId: number,
  input: { version: number; jenis: 'SETUJUI' | 'KEMBALIKAN'; alasan: string; catatan: Map<number, string> },
  /** the uploaded file, or the one `stageAtasNama` stored when HR was asked to confirm (null: none, or it expired) */
  file: BerkasUpload | { stored: StoredBerkas | null },
): Promise<{ nama: string; pejabat: string }> {
  const target = await decisionTarget(db, actor, skpId, true);
  if (target.status !== 'DIAJUKAN') throw new Refused('skp.err.notSubmitted');
  const stored = 'stored' in file ? file.stored : await putBerkas(store, file, DOKUMEN_TANDA_TANGAN, 'berkas');
  if (!stored) throw new Refused('berkas.required', { field: 'berkas' });
  try {
    if (input.jenis === 'SETUJUI') await approve(db, actor, skpId, input.version, stored);
    else await giveBack(db, actor, skpId, input.version, input.alasan, input.catatan, stored);
  } catch (e) {
    await dropBerkas(store, stored);
    throw e;
  }
  return { nama: target.pegawai.nama, pejabat: target.penilaiLuar!.nama };
}

/**
 * Before HR confirms a decision "atas nama": the same refusals the decision would give (not
 * waiting, a stale form, not an outside official's SKP, no file or not a PDF/image by content),
 * then the file is stored so that the confirmation need not carry it. Returns what the question
 * names and the stored file.
 */
export async function stageAtasNama(db: Db, store: BerkasStore, actor: Actor, skpId: number, version: number, file: BerkasUpload | null) {
  const target = await decisionTarget(db, actor, skpId, true);
  if (target.status !== 'DIAJUKAN') throw new Refused('skp.err.notSubmitted');
  const { version: current } = await db.prisma.skp.findUniqueOrThrow({ where: { id: skpId }, select: { version: true } });
  if (current !== version) throw new Conflict();
  const stored = await putBerkas(store, file, DOKUMEN_TANDA_TANGAN, 'berkas');
  return { nama: target.pegawai.nama, pejabat: target.penilaiLuar!.nama, stored };
}


/** The signed document of a decision on an SKP the actor may see (others: 404). */
export async function keputusanBerkas(db: Db, store: BerkasStore, actor: Actor, skpId: number, keputusanId: number) {
  const skp = await getSkp(db, actor, skpId);
  const k = await db.prisma.keputusanSkp.findFirst({ where: { id: keputusanId, skpId: skp.id }, select: { berkas: true } });
  if (!k?.berkas) throw new NotFound();
  const file = await readBerkas(store, k.berkas);
  if (!file) throw new NotFound();
  return file;
}

/** Another appraisee's SKP to apply an ekspektasi to, with the version the form was shown. */
export type EkspektasiJuga = { skpId: number; version: number };

/**
 * Writes the ekspektasi khusus pimpinan (blank deletes). The status stays; on an approved SKP
 * the appraiser's change is approved by its author, so it is frozen as the next revision.
 *
 * `juga`: other appraisees' SKPs the same text is applied to (docs/domain/skp.md § Ekspektasi
 * for several appraisees): each gets the values filled in here, and keeps its own where this form
 * leaves a value blank. All or nothing: one SKP changed by someone else in between, or not the
 * actor's to write, and none is written.
 */
export async function saveEkspektasi(
  db: Db,
  actor: Actor,
  skpId: number,
  ver: number,
  teks: Partial<Record<NilaiBerakhlak, string | null>>,
  juga: readonly EkspektasiJuga[] = [],
): Promise<{ berubah: number; revisiBaru: number | null; diterapkan: number }> {
  const lain = juga.filter((j) => j.skpId !== skpId);
  for (const id of [skpId, ...lain.map((j) => j.skpId)]) await decisionTarget(db, actor, id);
  const terisi = Object.fromEntries(NILAI_BERAKHLAK.filter((n) => teks[n]).map((n) => [n, teks[n]!])) as Partial<Record<NilaiBerakhlak, string>>;
  return db.prisma.$transaction(async (tx) => {
    const out = await writeEkspektasi(tx, actor, skpId, ver, teks, true);
    for (const j of lain) await writeEkspektasi(tx, actor, j.skpId, j.version, terisi, false);
    return { ...out, diterapkan: lain.length };
  });
}

/** One SKP's ekspektasi; `semua`: the values not given are deleted (the SKP's own form), else left as they are. */
async function writeEkspektasi(tx: Tx, actor: Actor, skpId: number, ver: number, teks: Partial<Record<NilaiBerakhlak, string | null>>, semua: boolean) {
  return editSkpIn(tx, actor, skpId, ver, { aksi: 'skp.ekspektasi.update', mode: 'penilai', after: { ekspektasi: teks } }, async (tx, skp) => {
    const lama = new Map((await tx.ekspektasiPerilaku.findMany({ where: { skpId } })).map((e) => [e.nilai as NilaiBerakhlak, e.ekspektasiKhusus]));
    let berubah = 0;
    for (const nilai of NILAI_BERAKHLAK) {
      if (!semua && !(nilai in teks)) continue;
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

/**
 * The actor's other appraisees in the same cycle whose SKP is open (not closed by a move), to
 * apply one ekspektasi to several at once: name, status, version. Bounded (an appraiser has
 * tens, not thousands); a delegate sees those of the post they act for.
 */
async function ekspektasiLainnya(db: Db, actor: Actor, skp: { id: number; siklusId: number }) {
  const where = actingSkpWhere(actor);
  if (where.length === 0) return [];
  return db.prisma.skp.findMany({
    where: { siklusId: skp.siklusId, ditutupAt: null, id: { not: skp.id }, OR: where },
    select: { id: true, version: true, status: true, pegawai: { select: { nama: true, nip: true } } },
    orderBy: [{ pegawai: { nama: 'asc' } }, { id: 'asc' }],
    take: 200,
  });
}

/**
 * Whether approving now would go through, asked before the appraiser confirms: submitted, this
 * version, the phase open, acting as its appraiser, nothing blocking. Returns what the question
 * names, or null (the decision itself then says what is wrong). No document is built.
 */
export async function approvalReady(db: Db, actor: Actor, id: number, ver: number): Promise<{ nama: string; tahun: number } | null> {
  const skp = await getSkp(db, actor, id);
  if (skp.status !== 'DIAJUKAN' || skp.version !== ver || !skpEditable(skp.siklus.fase as Fase) || !peranPada(actor, skp).acting) return null;
  const problems = await approvalProblems(db.prisma, { id: skp.id, siklusId: skp.siklusId, isJpt: usesJptForm(skp), penilaiId: skp.penilaiId });
  return problems.length ? null : { nama: skp.pegawai.nama, tahun: skp.siklus.tahun };
}

/**
 * Everything the review page shows, from one scoped load: 404 outside the actor's scope, 403 if
 * not the appraiser. HR may open it for an employee whose appraiser is outside the agency, to
 * record that official's decision (`atasNama`).
 */
export async function reviewPage(db: Db, actor: Actor, id: number) {
  const skp = await getSkp(db, actor, id);
  const { acting } = peranPada(actor, skp);
  const atasNama = !acting && actor.isAdmin && skp.penilaiLuar ? skp.penilaiLuar : null;
  if (!acting && !atasNama) throw new Forbidden('skp.err.notPenilai');
  const problems =
    skp.status === 'DIAJUKAN'
      ? await approvalProblems(db.prisma, { id: skp.id, siklusId: skp.siklusId, isJpt: usesJptForm(skp), penilaiId: skp.penilaiId })
      : [];
  const editable = skpEditable(skp.siklus.fase as Fase);
  const lainnya = acting && editable ? await ekspektasiLainnya(db, actor, skp) : [];
  const doc = await skpDocument(db.prisma, skp);
  return { skp, acting, doc, editable, problems, atasNama, keputusan: await keputusanList(db, skp), lainnya, sejakDikembalikan: await sinceReturned(db, skp, doc) };
}

/**
 * A resubmitted SKP: what changed since the appraiser returned it (the document they saw then,
 * kept with the return), or null when the SKP waits for a first decision or was never returned.
 * Returns stored before the document was kept have none: the page then offers the version diff.
 */
async function sinceReturned(db: Db, skp: Scoped<{ id: number; status: string }>, doc: SkpDokumen) {
  if (skp.status !== 'DIAJUKAN') return null;
  const last = await db.prisma.keputusanSkp.findFirst({ where: { skpId: skp.id }, orderBy: [{ at: 'desc' }, { id: 'desc' }], select: { jenis: true, at: true, dokumen: true } });
  if (!last || last.jenis !== 'KEMBALIKAN' || last.dokumen === null) return null;
  const dari = parseDokumen(last.dokumen);
  return { at: last.at, hasil: { dari, ke: doc, diff: diffSkp(dari, doc) } };
}
