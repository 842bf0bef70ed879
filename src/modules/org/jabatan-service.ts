import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import type { JenisJabatan } from '../../../prisma/generated/client.js';
import { Conflict, NotFound, Refused } from '../../errors.js';
import { audit } from '../audit/service.js';

type JabatanInput = { kode: string; nama: string; jenis: JenisJabatan; unitId: number };

export async function listJabatan(db: Db, opts: { unitId?: number; aktifOnly?: boolean } = {}) {
  return db.prisma.jabatan.findMany({
    where: { ...(opts.unitId ? { unitId: opts.unitId } : {}), ...(opts.aktifOnly ? { aktif: true } : {}) },
    include: { unit: { select: { nama: true, path: true } }, _count: { select: { pegawai: { where: { aktif: true } } } } },
    orderBy: [{ unit: { path: 'asc' } }, { nama: 'asc' }],
  });
}

export async function getJabatan(db: Db, id: number) {
  const j = await db.prisma.jabatan.findUnique({ where: { id } });
  if (!j) throw new NotFound();
  return j;
}

async function checkUnit(db: Pick<Db['prisma'], 'unitKerja'>, unitId: number) {
  const unit = await db.unitKerja.findUnique({ where: { id: unitId } });
  if (!unit || !unit.aktif) throw new Refused('org.unitMissing');
}

export async function createJabatan(db: Db, actor: Actor, input: JabatanInput) {
  return db.prisma.$transaction(async (tx) => {
    await checkUnit(tx, input.unitId);
    if (await tx.jabatan.findUnique({ where: { kode: input.kode } })) throw new Refused('org.kodeTaken', { field: 'kode', kode: input.kode });
    const j = await tx.jabatan.create({ data: input });
    await audit(tx, actor, { aksi: 'jabatan.create', entitas: 'jabatan', entitasId: j.id, after: j });
    return j;
  });
}

export async function updateJabatan(db: Db, actor: Actor, id: number, input: JabatanInput & { aktif: boolean; version: number }) {
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.jabatan.findUnique({ where: { id } });
    if (!before) throw new NotFound();
    if (input.unitId !== before.unitId) await checkUnit(tx, input.unitId);
    if (input.kode !== before.kode && (await tx.jabatan.findUnique({ where: { kode: input.kode } }))) throw new Refused('org.kodeTaken', { field: 'kode', kode: input.kode });
    const holders = await tx.pegawai.count({ where: { jabatanId: id, aktif: true } });
    if (!input.aktif && holders > 0) throw new Refused('org.jabatanHasPegawai', { count: holders });
    if (input.unitId !== before.unitId && holders > 0) throw new Refused('org.jabatanMoveHasPegawai', { count: holders });
    const { version, ...data } = input;
    const { count } = await tx.jabatan.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 }, updatedAt: new Date() } });
    if (count === 0) throw new Conflict();
    const after = await tx.jabatan.findUniqueOrThrow({ where: { id } });
    await audit(tx, actor, { aksi: 'jabatan.update', entitas: 'jabatan', entitasId: id, before, after });
    return after;
  });
}
