import type { Db } from '../../db/client.js';
import { visibleSkp, type Actor } from '../../domain/access.js';
import { diffSkp, type SkpDoc } from '../../domain/skp-diff.js';
import { NotFound } from '../../errors.js';
import { skpDocument } from './service.js';

// Approved versions of an SKP (skp_versi: frozen documents) and the working copy, readable by
// anyone who may see the SKP, and the differences between any two of them.

export type VersiRef = number | 'kini';

/** The SKP's header within the actor's scope (404 outside it). */
export async function skpHeader(db: Db, actor: Actor, skpId: number) {
  const skp = await db.prisma.skp.findFirst({
    where: { id: skpId, ...visibleSkp(actor) },
    select: {
      id: true, status: true, revisi: true, updatedAt: true, disetujuiAt: true, pegawaiId: true,
      pegawai: { select: { nama: true, nip: true, penilaiId: true } },
      siklus: { select: { id: true, tahun: true, fase: true } },
    },
  });
  if (!skp) throw new NotFound();
  return skp;
}
export type SkpHeader = Awaited<ReturnType<typeof skpHeader>>;

/** The approved versions, newest first, with who approved each. */
export async function listVersi(db: Db, skpId: number) {
  const rows = await db.prisma.skpVersi.findMany({ where: { skpId }, orderBy: { revisi: 'desc' }, select: { revisi: true, disetujuiAt: true, olehUserId: true } });
  const ids = [...new Set(rows.map((r) => r.olehUserId).filter((id): id is number => id !== null))];
  const users = ids.length ? await db.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true, pegawai: { select: { nama: true } } } }) : [];
  const nama = new Map(users.map((u) => [u.id, u.pegawai?.nama ?? u.username ?? '']));
  return rows.map((r) => ({ ...r, oleh: r.olehUserId === null ? null : (nama.get(r.olehUserId) ?? null) }));
}

/** One version's document, or the working copy's ('kini'); 404 when that revision is unknown. */
export async function dokumen(db: Db, skpId: number, ref: VersiRef): Promise<{ doc: SkpDoc; disetujuiAt: Date | null }> {
  if (ref === 'kini') return { doc: (await skpDocument(db.prisma, skpId)) as SkpDoc, disetujuiAt: null };
  const v = await db.prisma.skpVersi.findUnique({ where: { skpId_revisi: { skpId, revisi: ref } } });
  if (!v) throw new NotFound();
  return { doc: v.data as unknown as SkpDoc, disetujuiAt: v.disetujuiAt };
}

export async function bandingkan(db: Db, skpId: number, dari: VersiRef, ke: VersiRef) {
  const [a, b] = await Promise.all([dokumen(db, skpId, dari), dokumen(db, skpId, ke)]);
  return { dari: a.doc, ke: b.doc, diff: diffSkp(a.doc, b.doc) };
}
