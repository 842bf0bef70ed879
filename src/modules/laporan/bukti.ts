import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { NotFound, Refused } from '../../errors.js';
import { sqlOn } from '../../db/sql.js';
import type { BerkasStore } from '../../storage/berkas-store.js';
import { audit } from '../audit/service.js';
import { BUKTI_DUKUNG, dropBerkasSekali, linkBerkas, putBerkasSekali, readBerkas, type BerkasSekali, type BerkasUpload } from '../berkas/service.js';
import { lockLaporan } from './queries.js';
import { rencanaLaporan, visibleLaporan } from './read.js';
import type { BuktiInput } from './schemas.js';
import { BUKTI_MAKS, guardTulis } from './service.js';

// Evidence (bukti dukung) of a periodic report (docs/domain/laporan.md § Evidence): a file,
// checked by its content and stored once per content, or an http(s) link; for the report or
// one of its indicators; at most 20 per report; added and removed by the owner while the
// report is open; served only to those who may see the report.

/** The largest file (issue 10: 10 MB each). */
export const BUKTI_MAX_BYTES = 10 * 1024 * 1024;

export async function addBukti(db: Db, store: BerkasStore, actor: Actor, laporanId: number, input: BuktiInput, file: BerkasUpload | null, now: Date): Promise<{ id: number }> {
  const l = await visibleLaporan(db, actor, laporanId);
  guardTulis(actor, l, now);
  if (!file && !input.url) throw new Refused('laporan.err.buktiKosong', { field: 'berkas' });
  if (file && input.url) throw new Refused('laporan.err.buktiDua', { field: 'url' });
  if (input.indikatorId !== null) {
    const plan = await rencanaLaporan(db.prisma, l);
    if (!plan.rhk.some((r) => r.indikator.some((i) => i.id === input.indikatorId))) throw new Refused('err.choice', { field: 'indikatorId' });
  }
  if ((await db.prisma.buktiDukung.count({ where: { laporanId } })) >= BUKTI_MAKS) throw new Refused('laporan.err.buktiPenuh', { max: BUKTI_MAKS, field: 'berkas' });
  // the bytes are checked and written before the transaction (no transaction waits on the disk)
  const berkas: BerkasSekali | null = file ? await putBerkasSekali(db.prisma, store, file, BUKTI_DUKUNG, 'berkas', 'laporan.err.jenisBerkas') : null;
  try {
    return await db.prisma.$transaction(async (tx) => {
      await lockLaporan(sqlOn(tx), laporanId);
      if ((await tx.buktiDukung.count({ where: { laporanId } })) >= BUKTI_MAKS) throw new Refused('laporan.err.buktiPenuh', { max: BUKTI_MAKS, field: 'berkas' });
      const berkasId = berkas ? await linkBerkas(tx, berkas, actor.userId) : null;
      const b = await tx.buktiDukung.create({ data: { laporanId, indikatorId: input.indikatorId, berkasId, url: berkas ? null : input.url, keterangan: input.keterangan ?? (file ? file.nama.slice(0, 300) : null), createdAt: now } });
      await audit(tx, actor, { aksi: 'laporan.bukti.create', entitas: 'laporan_periode', entitasId: laporanId, after: { bukti: b.id, indikatorId: input.indikatorId, berkasId, url: b.url, keterangan: b.keterangan, sama: berkas?.berkasId != null } });
      return { id: b.id };
    });
  } catch (e) {
    await dropBerkasSekali(store, berkas);
    throw e;
  }
}

/** The evidence row and its report, if the actor may see the report (NotFound otherwise). */
async function visibleBukti(db: Db, actor: Actor, buktiId: number) {
  const b = await db.prisma.buktiDukung.findUnique({ where: { id: buktiId }, include: { berkas: true } });
  if (!b) throw new NotFound();
  const laporan = await visibleLaporan(db, actor, b.laporanId);
  return { bukti: b, laporan };
}

export async function deleteBukti(db: Db, actor: Actor, buktiId: number, now: Date): Promise<{ laporanId: number }> {
  const { bukti, laporan } = await visibleBukti(db, actor, buktiId);
  guardTulis(actor, laporan, now);
  await db.prisma.$transaction(async (tx) => {
    const { count } = await tx.buktiDukung.deleteMany({ where: { id: buktiId } });
    if (count === 0) throw new NotFound();
    await audit(tx, actor, { aksi: 'laporan.bukti.delete', entitas: 'laporan_periode', entitasId: laporan.id, before: { bukti: bukti.id, berkasId: bukti.berkasId, url: bukti.url, keterangan: bukti.keterangan } });
  });
  return { laporanId: laporan.id };
}

/** The file of a piece of evidence, for whoever may see its report (a link has no file: NotFound). */
export async function buktiBerkas(db: Db, store: BerkasStore, actor: Actor, buktiId: number) {
  const { bukti } = await visibleBukti(db, actor, buktiId);
  if (!bukti.berkas) throw new NotFound();
  const file = await readBerkas(store, bukti.berkas);
  if (!file) throw new NotFound();
  return file;
}
