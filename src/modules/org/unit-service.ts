import type { Db, Tx } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { Conflict, NotFound, Refused } from '../../errors.js';
import { audit } from '../audit/service.js';
import { unitRows, type UnitListRow } from './queries.js';

export type UnitRow = UnitListRow;

/** All units in tree order (by path), with depth and active headcount. */
export async function listUnits(db: Db): Promise<UnitRow[]> {
  const rows = await unitRows(db.sql);
  // Order siblings by name under their parent: build the tree order in memory.
  const children = new Map<number | null, UnitRow[]>();
  for (const u of rows) (children.get(u.parentId) ?? children.set(u.parentId, []).get(u.parentId)!).push(u);
  const out: UnitRow[] = [];
  const walk = (parent: number | null) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => a.nama.localeCompare(b.nama, 'id'))) {
      out.push(u);
      walk(u.id);
    }
  };
  walk(null);
  return out;
}

export async function getUnit(db: Db, id: number) {
  const unit = await db.prisma.unitKerja.findUnique({ where: { id } });
  if (!unit) throw new NotFound();
  return unit;
}

export async function createUnit(db: Db, actor: Actor, input: { kode: string; nama: string; parentId: number | null; mandiri?: boolean }) {
  return db.prisma.$transaction(async (tx) => {
    const parent = input.parentId ? await tx.unitKerja.findUnique({ where: { id: input.parentId } }) : null;
    if (input.parentId && !parent) throw new Refused('org.parentMissing');
    if (parent && !parent.aktif) throw new Refused('org.parentInactive', { field: 'parentId' });
    if (await tx.unitKerja.findUnique({ where: { kode: input.kode } })) throw new Refused('org.kodeTaken', { field: 'kode', kode: input.kode });
    const created = await tx.unitKerja.create({ data: { kode: input.kode, nama: input.nama, parentId: input.parentId, mandiri: input.mandiri ?? false, path: '/' } });
    const unit = await tx.unitKerja.update({ where: { id: created.id }, data: { path: `${parent?.path ?? '/'}${created.id}/` } });
    await audit(tx, actor, { aksi: 'unit.create', entitas: 'unit_kerja', entitasId: unit.id, after: unit });
    return unit;
  });
}

/**
 * Records `jabatanId` (or none) as the position that heads the unit (its holder is the default
 * appraiser of the unit's staff: docs/domain/penilai.md). The unit's version moves on, so a unit
 * form opened before cannot put the old head back. Audited.
 */
export async function setKepalaUnit(tx: Tx, actor: Actor, unitId: number, jabatanId: number | null): Promise<void> {
  const unit = await tx.unitKerja.findUniqueOrThrow({ where: { id: unitId }, select: { kepalaJabatanId: true } });
  if (unit.kepalaJabatanId === jabatanId) return;
  await tx.unitKerja.update({ where: { id: unitId }, data: { kepalaJabatanId: jabatanId, version: { increment: 1 }, updatedAt: new Date() } });
  await audit(tx, actor, { aksi: 'unit.kepala.update', entitas: 'unit_kerja', entitasId: unitId, before: { kepalaJabatanId: unit.kepalaJabatanId }, after: { kepalaJabatanId: jabatanId } });
}

/** The unit form's head position: an active position of the unit itself, or none. */
async function checkKepala(tx: Tx, unitId: number, jabatanId: number | null) {
  if (jabatanId === null) return;
  const j = await tx.jabatan.findUnique({ where: { id: jabatanId }, select: { unitId: true, aktif: true } });
  if (!j || j.unitId !== unitId || !j.aktif) throw new Refused('org.kepalaJabatanInvalid', { field: 'kepalaJabatanId' });
}

export async function updateUnit(db: Db, actor: Actor, id: number, input: { kode: string; nama: string; parentId: number | null; aktif: boolean; mandiri?: boolean; version: number; kepalaJabatanId?: number | null }) {
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.unitKerja.findUnique({ where: { id } });
    if (!before) throw new NotFound();
    let path = before.path;
    if (input.parentId !== before.parentId) {
      const parent = input.parentId ? await tx.unitKerja.findUnique({ where: { id: input.parentId } }) : null;
      if (input.parentId && !parent) throw new Refused('org.parentMissing');
      if (parent && !parent.aktif) throw new Refused('org.parentInactive', { field: 'parentId' });
      if (parent && parent.path.startsWith(before.path)) throw new Refused('org.unitCycle');
      path = `${parent?.path ?? '/'}${id}/`;
    }
    if (input.kode !== before.kode && (await tx.unitKerja.findUnique({ where: { kode: input.kode } }))) throw new Refused('org.kodeTaken', { field: 'kode', kode: input.kode });
    if (!input.aktif && before.aktif) {
      const busy = await tx.pegawai.count({ where: { aktif: true, unit: { path: { startsWith: before.path } } } });
      if (busy > 0) throw new Refused('org.unitHasPegawai', { count: busy });
    }
    const kepalaJabatanId = input.kepalaJabatanId === undefined ? before.kepalaJabatanId : input.kepalaJabatanId;
    if (kepalaJabatanId !== before.kepalaJabatanId) await checkKepala(tx, id, kepalaJabatanId);
    const { count } = await tx.unitKerja.updateMany({
      where: { id, version: input.version },
      data: { kode: input.kode, nama: input.nama, parentId: input.parentId, aktif: input.aktif, mandiri: input.mandiri ?? before.mandiri, path, kepalaJabatanId, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (count === 0) throw new Conflict();
    if (path !== before.path) {
      await tx.$executeRaw`UPDATE unit_kerja SET path = ${path} || substr(path, ${before.path.length + 1}) WHERE path LIKE ${before.path + '%'} AND id <> ${id}`;
    }
    const after = await tx.unitKerja.findUniqueOrThrow({ where: { id } });
    await audit(tx, actor, { aksi: 'unit.update', entitas: 'unit_kerja', entitasId: id, before, after });
    return after;
  });
}
