import type { Db } from '../../../db/client.js';
import { visibleSkp, type Actor } from '../../../domain/access.js';
import { diffSkp } from '../../../domain/skp-diff.js';
import { parseDokumen, type SkpDokumen } from '../../../domain/skp-document.js';
import { NotFound } from '../../../errors.js';
import { asScoped, skpDocument, type Scoped } from '../service.js';

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
  return asScoped(skp);
}
export type SkpHeader = Awaited<ReturnType<typeof skpHeader>>;

/** The approved versions, newest first, with who approved each. */
export async function listVersi(db: Db, skp: Scoped<{ id: number }>) {
  const rows = await db.prisma.skpVersi.findMany({ where: { skpId: skp.id }, orderBy: { revisi: 'desc' }, select: { revisi: true, disetujuiAt: true, olehUserId: true } });
  const ids = [...new Set(rows.map((r) => r.olehUserId).filter((id): id is number => id !== null))];
  const users = ids.length ? await db.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true, pegawai: { select: { nama: true } } } }) : [];
  const nama = new Map(users.map((u) => [u.id, u.pegawai?.nama ?? u.username ?? '']));
  return rows.map((r) => ({ ...r, oleh: r.olehUserId === null ? null : (nama.get(r.olehUserId) ?? null) }));
}

/**
 * One version's document, or the working copy's ('kini'); 404 when that revision is unknown.
 * A stored version is read through the document model, which fills what older ones lack.
 */
export async function dokumen(db: Db, skp: Scoped<{ id: number }>, ref: VersiRef): Promise<{ doc: SkpDokumen; disetujuiAt: Date | null }> {
  if (ref === 'kini') return { doc: await skpDocument(db.prisma, skp), disetujuiAt: null };
  const v = await db.prisma.skpVersi.findUnique({ where: { skpId_revisi: { skpId: skp.id, revisi: ref } } });
  if (!v) throw new NotFound();
  return { doc: parseDokumen(v.data), disetujuiAt: v.disetujuiAt };
}

export async function compareVersi(db: Db, skp: Scoped<{ id: number }>, dari: VersiRef, ke: VersiRef) {
  const [a, b] = await Promise.all([dokumen(db, skp, dari), dokumen(db, skp, ke)]);
  return { dari: a.doc, ke: b.doc, diff: diffSkp(a.doc, b.doc) };
}

/**
 * Every decision on the SKP (approve, return), newest first, for the review and the versions
 * pages: who pressed it, in whose name (an employee or an official outside the agency), under
 * which delegation, whether HR recorded it, and its signed document (keputusan_skp).
 */
export async function keputusanList(db: Db, skp: Scoped<{ id: number }>) {
  const rows = await db.prisma.keputusanSkp.findMany({
    where: { skpId: skp.id },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    include: {
      penilai: { select: { nama: true } },
      penilaiLuar: { select: { nama: true, jabatan: true } },
      delegasi: { select: { jenis: true, nomorSk: true } },
      berkas: { select: { id: true, nama: true } },
    },
  });
  const ids = [...new Set(rows.map((r) => r.olehUserId).filter((x): x is number => x !== null))];
  const users = ids.length
    ? await db.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true, pegawai: { select: { nama: true } }, pejabatLuar: { select: { nama: true } } } })
    : [];
  const oleh = new Map(users.map((u) => [u.id, u.pegawai?.nama ?? u.pejabatLuar?.nama ?? u.username ?? '']));
  return rows.map((r) => ({
    id: r.id,
    jenis: r.jenis,
    revisi: r.revisi,
    at: r.at,
    alasan: r.alasan,
    atasNama: r.penilaiLuar ? `${r.penilaiLuar.nama} (${r.penilaiLuar.jabatan})` : (r.penilai?.nama ?? null),
    delegasi: r.delegasi,
    dicatatHr: r.dicatatHr,
    oleh: r.olehUserId === null ? null : (oleh.get(r.olehUserId) ?? null),
    berkas: r.berkas,
  }));
}

/** The versions page: the scoped header, its approved versions and the decisions taken on it. */
export async function versiListPage(db: Db, actor: Actor, skpId: number) {
  const skp = await skpHeader(db, actor, skpId);
  const [versi, keputusan] = await Promise.all([listVersi(db, skp), keputusanList(db, skp)]);
  return { skp, versi, keputusan };
}

/** One approved version's page (404 outside the actor's scope or for an unknown revision). */
export async function versiPage(db: Db, actor: Actor, skpId: number, revisi: number) {
  const skp = await skpHeader(db, actor, skpId);
  return { skp, ...(await dokumen(db, skp, revisi)) };
}
