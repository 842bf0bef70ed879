import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { audit } from '../audit/service.js';
import { kabarUmpanBalik } from '../notifikasi/peristiwa.js';
import { pegawaiDinilai } from './service.js';
import type { UmpanBalikInput } from './schemas.js';

// Continuous feedback (umpan balik berkelanjutan, docs/domain/linimasa.md): the appraiser writes
// it at any time, outside the period flow; the employee reads it on their timeline.

/** The same text to the same person from the same giver within this time is a double submit. */
const DOUBLE_SUBMIT_MS = 2 * 60_000;

export async function giveUmpanBalik(db: Db, actor: Actor, input: UmpanBalikInput, now: Date) {
  return db.prisma.$transaction(async (tx) => {
    const ctx = await pegawaiDinilai(tx, actor, input.pegawaiId);
    // one giver's feedbacks to one employee, one at a time: a double click waits and finds the first
    await tx.$queryRaw`SELECT 1 AS ok FROM pg_advisory_xact_lock(hashtext('umpan_balik'), ${ctx.pegawai.id}::int)`;
    const same = await tx.umpanBalik.findFirst({ where: { pegawaiId: ctx.pegawai.id, olehUserId: actor.userId, teks: input.teks, at: { gte: new Date(now.getTime() - DOUBLE_SUBMIT_MS) } } });
    if (same) return { umpanBalik: same, pegawai: ctx.pegawai };
    const umpanBalik = await tx.umpanBalik.create({
      data: { pegawaiId: ctx.pegawai.id, skpId: input.kaitkanSkp && ctx.skp ? ctx.skp.id : null, dariPegawaiId: actor.pegawaiId, olehUserId: actor.userId, teks: input.teks, at: now },
    });
    await audit(tx, actor, { aksi: 'umpanBalik.create', entitas: 'umpan_balik', entitasId: umpanBalik.id, after: { pegawaiId: umpanBalik.pegawaiId, skpId: umpanBalik.skpId, teks: umpanBalik.teks } });
    await kabarUmpanBalik(tx, actor, umpanBalik.pegawaiId); // ── bell ── (docs/domain/notifikasi.md)
    return { umpanBalik, pegawai: ctx.pegawai };
  });
}
