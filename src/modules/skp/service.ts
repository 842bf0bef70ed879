import type { Db, Tx } from '../../db/client.js';
import { asScoped, visibleSkp, type Actor, type Scoped } from '../../domain/access.js';
import { actingAs, dinilaiOleh, PEGAWAI_PENILAI_INCLUDE, type SkpPenilaiRefs } from '../../domain/acting.js';
export { asScoped, type Scoped };
import { skpEditable, type Fase } from '../../domain/siklus.js';
import { applySkpAction, type StatusSkp } from '../../domain/skp-status.js';
import { Conflict, Forbidden, NotFound, Refused } from '../../errors.js';
import type { AuditAksi } from '../audit/actions.js';
import { audit } from '../audit/service.js';
import { berakhlakKini, indikatorIsiDari, parseIdentitas, rhkIsiDari, type SkpDokumen } from '../../domain/skp-document.js';
import { LABELS } from '../../i18n/labels.js';

// The SKP core: reading an SKP within the actor's scope, and the one guarded way to change it.

/** Live rows only: a retired RHK, indicator or rencana aksi (dihapusRevisi set) stays for the versions that had it. */
export const LIVE = { dihapusRevisi: null };

export const SKP_INCLUDE = {
  // the SKP's own appraiser: who decides and signs (docs/domain/mutasi.md)
  penilai: { select: { id: true, nama: true, nip: true, jabatanId: true } },
  penilaiLuar: { select: { id: true, nama: true, jabatan: true, instansi: true } },
  siklus: { include: { periode: { orderBy: { urutan: 'asc' as const } } } },
  pegawai: {
    include: {
      jabatan: { include: PEGAWAI_PENILAI_INCLUDE.jabatan.select },
      unit: true,
      penilai: { select: { id: true, nama: true, nip: true, penilaiId: true, jabatanId: true } },
    },
  },
  rhk: {
    where: LIVE,
    orderBy: [{ jenis: 'asc' as const }, { urutan: 'asc' as const }],
    include: {
      indikator: { where: LIVE, orderBy: [{ urutan: 'asc' as const }], include: { targetPeriode: true } },
      rencanaAksi: { where: LIVE, orderBy: [{ periodeId: 'asc' as const }, { urutan: 'asc' as const }] },
      rhkAtasan: { select: { id: true, teks: true, skpId: true } },
    },
  },
  ekspektasi: true,
  lampiran: { orderBy: [{ jenis: 'asc' as const }, { urutan: 'asc' as const }] },
};

export async function getSkp(db: Db, actor: Actor, id: number) {
  const skp = await db.prisma.skp.findFirst({ where: { id, ...visibleSkp(actor) }, include: SKP_INCLUDE });
  if (!skp) throw new NotFound();
  return asScoped(skp);
}
export type SkpFull = Awaited<ReturnType<typeof getSkp>>;

/**
   * What the actor is to this SKP (several can hold: an admin may also be the appraiser). `penilai`
 * is how they may act as its appraiser (src/domain/acting.ts), or null: the SKP's own appraiser
 * (skp.penilai_id, the one who signs it, not whoever the employee's record names today:
 * docs/domain/mutasi.md), or a delegate in force for that appraiser's post.
 */
export function peranPada(actor: Actor, skp: SkpPenilaiRefs) {
  const acting = actingAs(actor, dinilaiOleh(skp));
  return {
    pemilik: actor.pegawaiId !== null && actor.pegawaiId === skp.pegawaiId,
    penilai: acting !== null,
    acting,
    admin: actor.isAdmin,
  };
}

/**
 * An official outside the agency, logged in as themselves, appraising this SKP (its own
 * appraiser, skp.penilai_luar_id: docs/domain/penilai.md § Officials outside the agency).
 */
export const penilaiLuarPada = (actor: Actor, skp: { penilaiLuarId: number | null }): boolean =>
  actor.pejabatLuarId !== null && actor.pejabatLuarId === skp.penilaiLuarId;

/**
 * The actor's own SKP in a cycle (default: the newest cycle that has one for them): the open one,
 * or when a move closed every one, the latest (the page lists the year's others).
 */
export async function skpSaya(db: Db, actor: Actor, siklusId?: number) {
  if (actor.pegawaiId === null) return null;
  const skp = await db.prisma.skp.findFirst({
    where: { pegawaiId: actor.pegawaiId, ...(siklusId ? { siklusId } : {}) },
    orderBy: [{ siklus: { tahun: 'desc' } }, { ditutupAt: { sort: 'desc', nulls: 'first' } }, { periodeAwal: 'desc' }],
    include: SKP_INCLUDE,
  });
  return skp ? asScoped(skp) : null;
}

/** pemilik: the employee; penilai: the appraiser; atasNama: HR recording an outside official's decision. */
type EditMode = 'pemilik' | 'penilai' | 'atasNama';

type EditOpts = { aksi: AuditAksi; mode?: EditMode; changesStatus?: boolean; after?: unknown; /** whose name the audit entry carries, when not the actor's */ auditLabel?: string };

/**
 * The one guarded way to change an SKP: inside one transaction it checks who may edit (the
 * employee owns the content; the appraiser writes expectations and decides), that the cycle is
 * open for SKP work, the workflow (an edit after approval opens a new revision), and the version
 * the form was loaded with (someone else's change in between → Conflict). Then it runs `fn` and
 * writes the audit entry.
 */
export async function editSkp<T>(
  db: Db,
  actor: Actor,
  skpId: number,
  version: number,
  opts: EditOpts,
  fn: (tx: Tx, skp: Scoped<{ id: number; status: StatusSkp; revisi: number; pegawaiId: number; siklusId: number; pendekatan: 'KUANTITATIF' | 'KUALITATIF' }>) => Promise<T>,
): Promise<T> {
  return db.prisma.$transaction((tx) => editSkpIn(tx, actor, skpId, version, opts, fn));
}

/**
 * `editSkp` inside the caller's transaction, so that one decision written to several SKPs (an
 * ekspektasi applied to several appraisees) is all or nothing.
 */
export async function editSkpIn<T>(
  tx: Tx,
  actor: Actor,
  skpId: number,
  version: number,
  opts: EditOpts,
  fn: (tx: Tx, skp: Scoped<{ id: number; status: StatusSkp; revisi: number; pegawaiId: number; siklusId: number; pendekatan: 'KUANTITATIF' | 'KUALITATIF' }>) => Promise<T>,
): Promise<T> {
  const mode = opts.mode ?? 'pemilik';
  const skp = await tx.skp.findFirst({ where: { id: skpId, ...visibleSkp(actor) }, include: { siklus: true } });
  if (!skp) throw new NotFound();
  // Read one relation at a time: inside a transaction Prisma would run sibling relations at once on one connection.
  const pegawai = await tx.pegawai.findUniqueOrThrow({ where: { id: skp.pegawaiId }, select: { penilaiId: true, penilai: PEGAWAI_PENILAI_INCLUDE.penilai } });
  const unit = await tx.pegawai.findUniqueOrThrow({ where: { id: skp.pegawaiId }, select: { unit: PEGAWAI_PENILAI_INCLUDE.unit } });
  const jabatan = await tx.pegawai.findUniqueOrThrow({ where: { id: skp.pegawaiId }, select: { jabatan: PEGAWAI_PENILAI_INCLUDE.jabatan } });
  const skpPenilai = skp.penilaiId === null ? null : await tx.pegawai.findUnique({ where: { id: skp.penilaiId }, select: { jabatanId: true } });
  const peran = peranPada(actor, { pegawaiId: skp.pegawaiId, penilaiId: skp.penilaiId, penilaiLuarId: skp.penilaiLuarId, penilai: skpPenilai, pegawai: { ...pegawai, ...unit, ...jabatan } });
  // atasNama: HR recording the decision of the SKP's appraiser outside the agency
  const allowed = mode === 'pemilik' ? peran.pemilik : mode === 'penilai' ? peran.penilai : peran.admin && skp.penilaiLuarId !== null;
  if (!allowed) throw new Forbidden(mode === 'pemilik' ? 'skp.err.notOwner' : 'skp.err.notPenilai');
  if (!skpEditable(skp.siklus.fase as Fase)) throw new Refused('skp.err.phaseClosed', { fase: `@${LABELS.fase[skp.siklus.fase]}` });
  let status = skp.status as StatusSkp;
  let revisi = skp.revisi;
  if (mode === 'pemilik' && !opts.changesStatus) {
    const tr = applySkpAction(status, 'edit');
    if ('error' in tr) throw new Conflict(tr.error);
    status = tr.status;
    if (tr.newRevision) revisi += 1;
  }
  const { count } = await tx.skp.updateMany({ where: { id: skpId, version }, data: { version: { increment: 1 }, status, revisi, updatedAt: new Date() } });
  if (count === 0) throw new Conflict();
  const result = await fn(tx, asScoped({ id: skp.id, status, revisi, pegawaiId: skp.pegawaiId, siklusId: skp.siklusId, pendekatan: skp.pendekatan }));
  await audit(tx, opts.auditLabel ? { ...actor, label: opts.auditLabel } : actor, { aksi: opts.aksi, entitas: 'skp', entitasId: skpId, before: { status: skp.status, revisi: skp.revisi }, after: opts.after ?? { status, revisi } });
  return result;
}

/**
 * The SKP as a frozen document (for skp_versi, the diff view and the PDF). Plain sequential
 * queries: inside a transaction Prisma would run an include's queries in parallel on the one
 * connection, which node-postgres only tolerates with a deprecation warning.
 */
export async function skpDocument(tx: Tx | Db['prisma'], skp: Scoped<{ id: number }>): Promise<SkpDokumen> {
  const skpId = skp.id;
  const s = await tx.skp.findUniqueOrThrow({ where: { id: skpId } });
  const rhk = await tx.rhk.findMany({ where: { skpId, ...LIVE }, orderBy: [{ jenis: 'asc' }, { urutan: 'asc' }] });
  const rhkIds = rhk.map((r) => r.id);
  const atasanIds = rhk.map((r) => r.rhkAtasanId).filter((x): x is number => x !== null);
  const indikator = await tx.indikator.findMany({ where: { rhkId: { in: rhkIds }, ...LIVE }, orderBy: [{ rhkId: 'asc' }, { urutan: 'asc' }] });
  const atasan = atasanIds.length ? await tx.rhk.findMany({ where: { id: { in: atasanIds } }, select: { id: true, teks: true } }) : [];
  const ekspektasi = await tx.ekspektasiPerilaku.findMany({ where: { skpId } });
  const lampiran = await tx.lampiran.findMany({ where: { skpId }, orderBy: [{ jenis: 'asc' }, { urutan: 'asc' }] });
  const periode = await tx.periode.findMany({ where: { siklusId: s.siklusId }, orderBy: { urutan: 'asc' }, select: { id: true, urutan: true, nama: true } });
  const rencana = rhkIds.length ? await tx.rencanaAksi.findMany({ where: { rhkId: { in: rhkIds }, ...LIVE }, orderBy: [{ urutan: 'asc' }, { id: 'asc' }] }) : [];
  const targets = indikator.length ? await tx.targetPeriode.findMany({ where: { indikatorId: { in: indikator.map((i) => i.id) } } }) : [];
  const atasanTeks = new Map(atasan.map((a) => [a.id, a.teks]));
  const periodeUrutan = new Map(periode.map((p) => [p.id, p.urutan]));
  const byPeriode = <T extends { periodeId: number }>(a: T, b: T) => (periodeUrutan.get(a.periodeId) ?? 0) - (periodeUrutan.get(b.periodeId) ?? 0);
  const desimal = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    revisi: s.revisi,
    pendekatan: s.pendekatan,
    snapshot: s.snapshot === null ? null : parseIdentitas(s.snapshot),
    rhk: rhk.map((r) => ({
      id: r.id,
      urutan: r.urutan,
      ...rhkIsiDari(r),
      rhkAtasan: r.rhkAtasanId === null ? null : (atasanTeks.get(r.rhkAtasanId) ?? null),
      indikator: indikator.filter((i) => i.rhkId === r.id).map((i) => ({
        id: i.id,
        ...indikatorIsiDari(i),
        targetPeriode: targets
          .filter((t) => t.indikatorId === i.id)
          .sort(byPeriode)
          .map((t) => ({ periodeId: t.periodeId, targetAngka: desimal(t.targetAngka), targetMin: desimal(t.targetMin), targetMax: desimal(t.targetMax), targetTeks: t.targetTeks })),
      })),
      rencanaAksi: rencana.filter((a) => a.rhkId === r.id).sort(byPeriode).map((a) => ({ id: a.id, periodeId: a.periodeId, teks: a.teks })),
    })),
    ekspektasi: Object.fromEntries(ekspektasi.map((e) => [e.nilai, e.ekspektasiKhusus])),
    lampiran: lampiran.map((l) => ({ jenis: l.jenis, teks: l.teks })),
    // the statements in force now: an approval freezes them with the rest (docs/domain/skp.md)
    berakhlak: berakhlakKini(),
    periode,
  };
}
export type SkpDocument = SkpDokumen;

/** A target as people read it: "12 laporan", "80–90 %", or the statement. */
export function formatTarget(i: { jenisTarget: string; targetAngka: unknown; targetMin: unknown; targetMax: unknown; satuan: string | null; targetTeks: string | null }, num: (n: number) => string): string {
  const n = (v: unknown) => num(Number(String(v)));
  if (i.jenisTarget === 'ANGKA') return `${n(i.targetAngka)} ${i.satuan ?? ''}`.trim();
  if (i.jenisTarget === 'RENTANG') return `${n(i.targetMin)}–${n(i.targetMax)} ${i.satuan ?? ''}`.trim();
  return i.targetTeks ?? '';
}
