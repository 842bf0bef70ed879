import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { jabatanJfProblems } from '../../domain/jabatan.js';
import { Conflict, NotFound, Refused } from '../../errors.js';
import { audit } from '../audit/service.js';
import { setKepalaUnit } from './unit-service.js';
import type { JabatanInput as JabatanForm } from './schemas.js';

/** What the form sends; a JF's kategori and jenjang and the unit-head box may be left out (none, not the head). */
type JabatanInput = Omit<JabatanForm, 'kategoriJf' | 'jenjangJf' | 'kepalaUnit'> & Partial<Pick<JabatanForm, 'kategoriJf' | 'jenjangJf' | 'kepalaUnit'>>;

export async function listJabatan(db: Db, opts: { unitId?: number; aktifOnly?: boolean } = {}) {
  return db.prisma.jabatan.findMany({
    where: { ...(opts.unitId ? { unitId: opts.unitId } : {}), ...(opts.aktifOnly ? { aktif: true } : {}) },
    include: { unit: { select: { nama: true, path: true } }, mengepalai: { select: { id: true, nama: true } }, _count: { select: { pegawai: { where: { aktif: true } } } } },
    orderBy: [{ unit: { path: 'asc' } }, { nama: 'asc' }],
  });
}

export async function getJabatan(db: Db, id: number) {
  const j = await db.prisma.jabatan.findUnique({ where: { id }, include: { mengepalai: { select: { id: true } } } });
  if (!j) throw new NotFound();
  return j;
}

async function checkUnit(db: Pick<Db['prisma'], 'unitKerja'>, unitId: number) {
  const unit = await db.unitKerja.findUnique({ where: { id: unitId } });
  if (!unit || !unit.aktif) throw new Refused('org.unitMissing');
}

/** The JF fields as stored: checked again here (src/domain/jabatan.ts), whoever calls. */
function jfFields(input: JabatanInput) {
  const kategoriJf = input.kategoriJf ?? null;
  const jenjangJf = input.jenjangJf ?? null;
  const problem = jabatanJfProblems(input.jenis, kategoriJf, jenjangJf)[0];
  if (problem) throw new Refused(problem.key, { field: problem.field });
  return { kategoriJf, jenjangJf };
}

export async function createJabatan(db: Db, actor: Actor, input: JabatanInput) {
  const jf = jfFields(input);
  return db.prisma.$transaction(async (tx) => {
    await checkUnit(tx, input.unitId);
    if (await tx.jabatan.findUnique({ where: { kode: input.kode } })) throw new Refused('org.kodeTaken', { field: 'kode', kode: input.kode });
    const j = await tx.jabatan.create({ data: { kode: input.kode, nama: input.nama, jenis: input.jenis, unitId: input.unitId, ...jf } });
    await audit(tx, actor, { aksi: 'jabatan.create', entitas: 'jabatan', entitasId: j.id, after: { ...j, kepalaUnit: input.kepalaUnit === true } });
    if (input.kepalaUnit) await setKepalaUnit(tx, actor, input.unitId, j.id);
    return j;
  });
}

export async function updateJabatan(db: Db, actor: Actor, id: number, input: JabatanInput & { aktif: boolean; version: number }) {
  const jf = jfFields(input);
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.jabatan.findUnique({ where: { id }, include: { mengepalai: { select: { id: true } } } });
    if (!before) throw new NotFound();
    if (input.unitId !== before.unitId) await checkUnit(tx, input.unitId);
    if (input.kode !== before.kode && (await tx.jabatan.findUnique({ where: { kode: input.kode } }))) throw new Refused('org.kodeTaken', { field: 'kode', kode: input.kode });
    const holders = await tx.pegawai.count({ where: { jabatanId: id, aktif: true } });
    if (!input.aktif && holders > 0) throw new Refused('org.jabatanHasPegawai', { count: holders });
    if (input.unitId !== before.unitId && holders > 0) throw new Refused('org.jabatanMoveHasPegawai', { count: holders });
    if (!input.aktif && input.kepalaUnit) throw new Refused('org.kepalaInactive', { field: 'kepalaUnit' });
    const { count } = await tx.jabatan.updateMany({
      where: { id, version: input.version },
      data: { kode: input.kode, nama: input.nama, jenis: input.jenis, unitId: input.unitId, aktif: input.aktif, ...jf, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (count === 0) throw new Conflict();
    // The head of its unit: heads the unit it is in now, or no unit.
    const headed = before.mengepalai?.id ?? null;
    if (headed !== null && (!input.kepalaUnit || headed !== input.unitId)) await setKepalaUnit(tx, actor, headed, null);
    if (input.kepalaUnit && headed !== input.unitId) await setKepalaUnit(tx, actor, input.unitId, id);
    const after = await tx.jabatan.findUniqueOrThrow({ where: { id } });
    await audit(tx, actor, { aksi: 'jabatan.update', entitas: 'jabatan', entitasId: id, before: { ...before, mengepalai: undefined, kepalaUnit: headed !== null }, after: { ...after, kepalaUnit: input.kepalaUnit === true } });
    return after;
  });
}
