import type { Db, Tx } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import type { Clock } from '../../clock.js';
import { tanggalDi } from '../../domain/periode-laporan.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../errors.js';
import { audit } from '../audit/service.js';
import { pegawaiDinilai, pegawaiLinimasa } from './service.js';
import type { DialogInput } from './schemas.js';

// Dialog kinerja (docs/domain/linimasa.md): the appraiser records a meeting with the employee
// (its date, the topics, the actions agreed, an optional follow-up date) and may correct it later;
// both see it on the employee's timeline.

const asDate = (hari: string) => new Date(`${hari}T00:00:00Z`);
const hari = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A meeting is recorded after it took place: not after today in the agency's time zone. */
function checkTanggal(input: DialogInput, today: string) {
  if (input.tanggal > today) throw new Invalid('linimasa.err.tanggalFuture', { field: 'tanggal' });
}

/** The new-dialog form: for the employee's appraiser only. */
export async function dialogBaruPage(db: Db, actor: Actor, pegawaiId: number, clock: Clock) {
  const ctx = await pegawaiDinilai(db.prisma, actor, pegawaiId);
  return { pegawai: ctx.pegawai, dialog: null, hariIni: tanggalDi(clock.now(), ctx.zona) };
}

export async function createDialog(db: Db, actor: Actor, pegawaiId: number, input: DialogInput, clock: Clock) {
  const now = clock.now();
  return db.prisma.$transaction(async (tx) => {
    const ctx = await pegawaiDinilai(tx, actor, pegawaiId);
    checkTanggal(input, tanggalDi(now, ctx.zona));
    await tx.$queryRaw`SELECT 1 AS ok FROM pg_advisory_xact_lock(hashtext('dialog_kinerja'), ${ctx.pegawai.id}::int)`;
    // a double submit finds the meeting it already recorded
    const same = await tx.dialogKinerja.findFirst({ where: { pegawaiId: ctx.pegawai.id, olehUserId: actor.userId, tanggal: asDate(input.tanggal), topik: input.topik, tindakan: input.tindakan } });
    if (same) return same;
    const d = await tx.dialogKinerja.create({
      data: {
        pegawaiId: ctx.pegawai.id, penilaiId: actor.pegawaiId, skpId: ctx.skp?.id ?? null, tanggal: asDate(input.tanggal), topik: input.topik, tindakan: input.tindakan,
        tindakLanjut: input.tindakLanjut ? asDate(input.tindakLanjut) : null, olehUserId: actor.userId, createdAt: now,
      },
    });
    await audit(tx, actor, { aksi: 'dialogKinerja.create', entitas: 'dialog_kinerja', entitasId: d.id, after: { ...input, pegawaiId: d.pegawaiId, skpId: d.skpId } });
    return d;
  });
}

/**
 * A recorded meeting, for whoever may change it: the employee's appraiser now, or the one who
 * held it (and can still see the employee). Someone who may see the employee but not change it: 403.
 */
async function dialogUntukDiubah(prisma: Db['prisma'] | Tx, actor: Actor, id: number) {
  const d = await prisma.dialogKinerja.findUnique({ where: { id } });
  if (!d) throw new NotFound();
  const ctx = await pegawaiLinimasa(prisma, actor, d.pegawaiId);
  if (!ctx.acting && !(actor.pegawaiId !== null && d.penilaiId === actor.pegawaiId)) throw new Forbidden('linimasa.err.notPenilai');
  return { d, ctx };
}

export async function dialogUbahPage(db: Db, actor: Actor, id: number, clock: Clock) {
  const { d, ctx } = await dialogUntukDiubah(db.prisma, actor, id);
  return {
    pegawai: ctx.pegawai,
    dialog: d,
    hariIni: tanggalDi(clock.now(), ctx.zona),
    values: { version: d.version, tanggal: hari(d.tanggal), topik: d.topik, tindakan: d.tindakan, tindakLanjut: hari(d.tindakLanjut) ?? '' },
  };
}

/** What the edit form needs when it comes back with errors. */
export async function dialogUbahLocals(db: Db, actor: Actor, id: number, clock: Clock) {
  const { values: _values, ...rest } = await dialogUbahPage(db, actor, id, clock);
  return rest;
}

export async function updateDialog(db: Db, actor: Actor, id: number, version: number, input: DialogInput, clock: Clock) {
  const now = clock.now();
  return db.prisma.$transaction(async (tx) => {
    const { d: before, ctx } = await dialogUntukDiubah(tx, actor, id);
    checkTanggal(input, tanggalDi(now, ctx.zona));
    const data = { tanggal: asDate(input.tanggal), topik: input.topik, tindakan: input.tindakan, tindakLanjut: input.tindakLanjut ? asDate(input.tindakLanjut) : null };
    const { count } = await tx.dialogKinerja.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new Conflict();
    await audit(tx, actor, {
      aksi: 'dialogKinerja.update', entitas: 'dialog_kinerja', entitasId: id,
      before: { tanggal: hari(before.tanggal), topik: before.topik, tindakan: before.tindakan, tindakLanjut: hari(before.tindakLanjut), version: before.version },
      after: { ...input, version: before.version + 1 },
    });
    return { id, pegawaiId: before.pegawaiId };
  });
}
