import type { Db } from '../../db/client.js';
import { visibleSkp, type Actor } from '../../domain/access.js';
import { FASE_LAPORAN, tanggalDi } from '../../domain/periode-laporan.js';
import { parseIdentitas } from '../../domain/skp-document.js';
import type { Fase } from '../../domain/siklus.js';
import { NotFound, Refused } from '../../errors.js';
import type { BerkasStore } from '../../storage/berkas-store.js';
import { audit } from '../audit/service.js';
import { BUKTI_DUKUNG, dropBerkasSekali, linkBerkas, putBerkasSekali, readBerkas, type BerkasSekali, type BerkasUpload } from '../berkas/service.js';
import { zonaOf } from './read.js';
import type { CatatanInput } from './schemas.js';

// Progress notes (catatan progres, docs/domain/laporan.md § Progress notes): a short note of
// what was done on a day, on one of my SKPs, with optional evidence; the period's report offers
// them as the start of its narrative, so nobody writes the quarter from memory.

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** /catatan-progres: my SKPs of the newest cycle past DRAFT, and their notes (newest first). */
export async function catatanPage(db: Db, actor: Actor, now: Date) {
  if (actor.pegawaiId === null) return { siklus: null, skp: [], catatan: [], hariIni: null, bisaMencatat: false };
  const siklus = await db.prisma.siklus.findFirst({ where: { fase: { not: 'DRAFT' }, skp: { some: { pegawaiId: actor.pegawaiId } } }, orderBy: { tahun: 'desc' } });
  if (!siklus) return { siklus: null, skp: [], catatan: [], hariIni: null, bisaMencatat: false };
  const hariIni = tanggalDi(now, zonaOf(siklus));
  const skps = await db.prisma.skp.findMany({ where: { siklusId: siklus.id, pegawaiId: actor.pegawaiId }, orderBy: { periodeAwal: 'asc' } });
  const catatan = await db.prisma.catatanProgres.findMany({
    where: { skpId: { in: skps.map((s) => s.id) } },
    orderBy: [{ tanggal: 'desc' }, { id: 'desc' }],
    take: 200,
    include: { berkas: { select: { id: true, nama: true } } },
  });
  const skp = skps.map((s) => ({ id: s.id, jabatan: parseIdentitas(s.snapshot).pegawai.jabatan, periodeAwal: s.periodeAwal, periodeAkhir: s.periodeAkhir, hariIni: iso(s.periodeAwal) <= hariIni && hariIni <= iso(s.periodeAkhir) }));
  return { siklus: { id: siklus.id, tahun: siklus.tahun, fase: siklus.fase as Fase }, skp, catatan, hariIni, bisaMencatat: FASE_LAPORAN.includes(siklus.fase as Fase) };
}

/**
 * Logs a note on one of my SKPs: on a day that is not in the future (in the cycle's time zone)
 * and inside the SKP's own days, while the cycle is carried out or appraised.
 */
export async function createCatatan(db: Db, store: BerkasStore, actor: Actor, input: CatatanInput, file: BerkasUpload | null, now: Date): Promise<{ id: number }> {
  if (actor.pegawaiId === null) throw new NotFound();
  const skp = await db.prisma.skp.findFirst({ where: { id: input.skpId, pegawaiId: actor.pegawaiId }, include: { siklus: true } });
  if (!skp) throw new NotFound();
  if (!FASE_LAPORAN.includes(skp.siklus.fase as Fase)) throw new Refused('laporan.err.catatanFase');
  const hariIni = tanggalDi(now, zonaOf(skp.siklus));
  if (input.tanggal > hariIni) throw new Refused('laporan.err.tanggalNanti', { field: 'tanggal' });
  if (input.tanggal < iso(skp.periodeAwal) || input.tanggal > iso(skp.periodeAkhir)) throw new Refused('laporan.err.tanggalLuarSkp', { field: 'tanggal', awal: iso(skp.periodeAwal), akhir: iso(skp.periodeAkhir) });
  const berkas: BerkasSekali | null = file ? await putBerkasSekali(db.prisma, store, file, BUKTI_DUKUNG, 'berkas', 'laporan.err.jenisBerkas') : null;
  try {
    return await db.prisma.$transaction(async (tx) => {
      const berkasId = berkas ? await linkBerkas(tx, berkas, actor.userId) : null;
      const c = await tx.catatanProgres.create({ data: { skpId: skp.id, tanggal: new Date(`${input.tanggal}T00:00:00Z`), teks: input.teks, berkasId, url: input.url, olehUserId: actor.userId, createdAt: now } });
      await audit(tx, actor, { aksi: 'catatanProgres.create', entitas: 'catatan_progres', entitasId: c.id, after: { skpId: skp.id, tanggal: input.tanggal, teks: input.teks, berkasId, url: input.url } });
      return { id: c.id };
    });
  } catch (e) {
    await dropBerkasSekali(store, berkas);
    throw e;
  }
}

/** A note's file, for whoever may see its SKP. */
export async function catatanBerkas(db: Db, store: BerkasStore, actor: Actor, id: number) {
  const c = await db.prisma.catatanProgres.findFirst({ where: { id, skp: visibleSkp(actor) }, include: { berkas: true } });
  if (!c?.berkas) throw new NotFound();
  const file = await readBerkas(store, c.berkas);
  if (!file) throw new NotFound();
  return file;
}
