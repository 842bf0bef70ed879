import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { Conflict, NotFound, Refused } from '../../errors.js';
import { audit } from '../audit/service.js';
import { hashPassword } from '../auth/password.js';
import { endSessions } from '../auth/service.js';
import type { PejabatLuarInput } from './schemas.js';

// Officials outside the agency (model PejabatLuar; docs/domain/penilai.md § Officials outside the
// agency): the kepala daerah, the Sekda, the pimpinan of another instansi, who appraise someone
// in the agency (usually the Kepala Dinas). HR keeps them here and may give them a login of
// their own, with only the rights of that appraiser.

export async function pejabatLuarListPage(db: Db, q: { status: 'aktif' | 'nonaktif' | 'semua'; q: string | null }) {
  const rows = await db.prisma.pejabatLuar.findMany({
    where: {
      ...(q.status === 'semua' ? {} : { aktif: q.status === 'aktif' }),
      ...(q.q ? { OR: [{ nama: { contains: q.q, mode: 'insensitive' as const } }, { jabatan: { contains: q.q, mode: 'insensitive' as const } }, { instansi: { contains: q.q, mode: 'insensitive' as const } }] } : {}),
    },
    orderBy: [{ nama: 'asc' }, { id: 'asc' }],
    include: { user: { select: { username: true, aktif: true } }, _count: { select: { dinilai: { where: { aktif: true } } } } },
  });
  return { rows, query: q };
}

export async function getPejabatLuar(db: Db, id: number) {
  const p = await db.prisma.pejabatLuar.findUnique({
    where: { id },
    include: {
      user: { select: { id: true, username: true, aktif: true } },
      dinilai: { where: { aktif: true }, orderBy: { nama: 'asc' }, select: { id: true, nip: true, nama: true, jabatan: { select: { nama: true } } } },
    },
  });
  if (!p) throw new NotFound();
  return p;
}

async function checkNip(tx: Tx, nip: string | null, selfId: number | null) {
  if (nip === null) return;
  const other = await tx.pejabatLuar.findUnique({ where: { nip }, select: { id: true } });
  if (other && other.id !== selfId) throw new Refused('pejabatLuar.nipTaken', { field: 'nip', nip });
}

export async function createPejabatLuar(db: Db, actor: Actor, input: PejabatLuarInput) {
  return db.prisma.$transaction(async (tx) => {
    await checkNip(tx, input.nip, null);
    const p = await tx.pejabatLuar.create({ data: input });
    await audit(tx, actor, { aksi: 'pejabatLuar.create', entitas: 'pejabat_luar', entitasId: p.id, after: p });
    return p;
  });
}

export async function updatePejabatLuar(db: Db, actor: Actor, id: number, input: PejabatLuarInput & { version: number }) {
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.pejabatLuar.findUnique({ where: { id } });
    if (!before) throw new NotFound();
    await checkNip(tx, input.nip, id);
    const { version, ...data } = input;
    const { count } = await tx.pejabatLuar.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 }, updatedAt: new Date() } });
    if (count === 0) throw new Conflict();
    const after = await tx.pejabatLuar.findUniqueOrThrow({ where: { id } });
    await audit(tx, actor, { aksi: 'pejabatLuar.update', entitas: 'pejabat_luar', entitasId: id, before, after });
    return after;
  });
}

/**
 * Deactivation keeps every record and disables the login with it; it is refused while the
 * official still appraises an active employee (HR moves those lines first), as for employees.
 */
export async function setPejabatLuarAktif(db: Db, actor: Actor, id: number, aktif: boolean, version: number) {
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.pejabatLuar.findUnique({ where: { id } });
    if (!before) throw new NotFound();
    if (!aktif) {
      const appraisees = await tx.pegawai.count({ where: { penilaiLuarId: id, aktif: true } });
      if (appraisees > 0) throw new Refused('pejabatLuar.stillPenilai', { count: appraisees });
    }
    const { count } = await tx.pejabatLuar.updateMany({ where: { id, version }, data: { aktif, version: { increment: 1 }, updatedAt: new Date() } });
    if (count === 0) throw new Conflict();
    const users = await tx.user.findMany({ where: { pejabatLuarId: id }, select: { id: true } });
    await tx.user.updateMany({ where: { pejabatLuarId: id }, data: { aktif, updatedAt: new Date() } });
    if (!aktif) await endSessions(tx, users.map((u) => u.id));
    await audit(tx, actor, { aksi: aktif ? 'pejabatLuar.reactivate' : 'pejabatLuar.deactivate', entitas: 'pejabat_luar', entitasId: id, before: { aktif: before.aktif }, after: { aktif } });
  });
}

const tempPassword = () => randomBytes(9).toString('base64url');

/**
 * Creates the official's login with `username`, or gives the existing one a new one-time
 * password (the username then stays). Returns the username and the password, shown once to HR.
 * Any session of that login ends. The official's record version guards against a stale form.
 */
export async function setAkunPejabatLuar(db: Db, actor: Actor, id: number, version: number, username: string): Promise<{ username: string; password: string }> {
  const password = tempPassword();
  const passwordHash = await hashPassword(password);
  return db.prisma.$transaction(async (tx) => {
    const p = await tx.pejabatLuar.findUnique({ where: { id }, include: { user: true } });
    if (!p) throw new NotFound();
    if (p.version !== version) throw new Conflict();
    if (!p.aktif) throw new Refused('pejabatLuar.inactive');
    let name = username;
    if (p.user) {
      name = p.user.username ?? username;
      await tx.user.update({ where: { id: p.user.id }, data: { passwordHash, aktif: true, updatedAt: new Date() } });
      await endSessions(tx, [p.user.id]);
    } else {
      const taken = await tx.user.findFirst({ where: { username: { equals: username, mode: 'insensitive' } }, select: { id: true } });
      if (taken) throw new Refused('pejabatLuar.usernameTaken', { field: 'username', username });
      await tx.user.create({ data: { username, pejabatLuarId: id, passwordHash } });
    }
    await tx.pejabatLuar.update({ where: { id }, data: { version: { increment: 1 }, updatedAt: new Date() } });
    await audit(tx, actor, { aksi: p.user ? 'pejabatLuar.resetPassword' : 'pejabatLuar.createLogin', entitas: 'pejabat_luar', entitasId: id, after: { username: name } });
    return { username: name, password };
  });
}

/** The active officials, for the employee form's appraiser choice. */
export const pejabatLuarOptions = (db: Db) =>
  db.prisma.pejabatLuar.findMany({ where: { aktif: true }, orderBy: [{ nama: 'asc' }, { id: 'asc' }], select: { id: true, nama: true, jabatan: true, instansi: true } });
