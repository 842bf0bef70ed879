// Demo: one mid-year move on top of the demo planning data (seed-planning.ts). An employee whose
// SKP this year is approved is moved by HR on 1 July to a position in another unit with another
// appraiser, starting a new SKP from that date (docs/domain/mutasi.md): the first SKP (1 January
// to 30 June) stays approved and is closed, the second (1 July to 31 December) is in progress with
// a first RHK. Written through the services the routes call, as HR and the employee would.

import type { Db } from './client.js';
import { loadActor } from '../modules/auth/authenticate.js';
import { recordMutasi } from '../modules/mutasi/service.js';
import { saveIndikator, saveRhk, submitSkp } from '../modules/skp/planning/service.js';
import { approveSkp } from '../modules/skp/review/service.js';
import { indikatorForm, rhkForm } from '../modules/skp/schemas.js';

const version = async (db: Db, skpId: number) => (await db.prisma.skp.findUniqueOrThrow({ where: { id: skpId }, select: { version: true } })).version;

/**
 * Moves one employee in this year's cycle (`tahun`, open for SKP work). Skips (returns null) when
 * there is no such cycle, a move was already seeded, or nobody fits. `skip` lists NIPs to leave
 * alone (the demo logins, whose pages show other steps). `setujui`: the second SKP is then
 * submitted and approved by the new appraiser too (the demo, once 1 July has passed, so the
 * employee reports on it). Returns who moved.
 */
export async function seedMutasi(db: Db, opts: { tahun: number; skip?: (string | undefined)[]; setujui?: boolean; log?: (m: string) => void }): Promise<{ nip: string; nama: string } | null> {
  const log = opts.log ?? (() => undefined);
  const siklus = await db.prisma.siklus.findFirst({ where: { tahun: opts.tahun, fase: { in: ['PERENCANAAN', 'PELAKSANAAN'] } } });
  if (!siklus) return null;
  if ((await db.prisma.skp.count({ where: { siklusId: siklus.id, sebelumnyaId: { not: null } } })) > 0) return null;
  const adminUser = await db.prisma.user.findUnique({ where: { username: 'admin' } });
  if (!adminUser) return null;
  const admin = (await loadActor(db.pool, adminUser.id))!;
  const skip = new Set(opts.skip?.filter((x): x is string => !!x));

  // Who moves: a pelaksana whose SKP this year is approved by their appraiser, to another pelaksana position.
  const candidates = await db.prisma.skp.findMany({
    where: { siklusId: siklus.id, status: 'DISETUJUI', ditutupAt: null, penilaiId: { not: null }, pegawai: { aktif: true, jabatan: { jenis: 'PELAKSANA' } } },
    orderBy: { pegawaiId: 'asc' },
    select: { id: true, version: true, penilaiId: true, pegawai: { select: { id: true, nip: true, nama: true, version: true, unitId: true, user: { select: { id: true } } } } },
  });
  // Where to: a staff position in another unit whose holders have another appraiser with an SKP to intervene.
  const positions = await db.prisma.jabatan.findMany({
    where: { aktif: true, jenis: 'PELAKSANA', unit: { aktif: true }, pegawai: { some: { aktif: true, penilaiId: { not: null } } } },
    orderBy: { id: 'asc' },
    select: { id: true, unitId: true, pegawai: { where: { aktif: true, penilaiId: { not: null } }, take: 1, select: { penilai: { select: { id: true, nip: true } } } } },
  });
  for (const c of candidates) {
    if (skip.has(c.pegawai.nip) || !c.pegawai.user) continue;
    let to: (typeof positions)[number] | undefined;
    let atasan: { id: number } | null = null;
    for (const j of positions) {
      const pn = j.pegawai[0]!.penilai!;
      if (j.unitId === c.pegawai.unitId || pn.id === c.penilaiId || pn.id === c.pegawai.id) continue;
      atasan = await db.prisma.rhk.findFirst({ where: { skp: { siklusId: siklus.id, pegawaiId: pn.id, ditutupAt: null } }, orderBy: [{ jenis: 'asc' }, { urutan: 'asc' }], select: { id: true } });
      if (!atasan) continue; // the new RHK intervenes one of the new appraiser's
      to = j;
      break;
    }
    if (!to) continue;
    const penilai = to.pegawai[0]!.penilai!;

    const moved = await recordMutasi(db, admin, c.pegawai.id, {
      version: c.pegawai.version, skpVersion: c.version, jenis: 'MUTASI', tmt: `${opts.tahun}-07-01`, jabatanId: to.id, penilaiNip: penilai.nip,
      keterangan: `SK Kepala Dinas Nomor 800/214/DISKOMINFO/${opts.tahun}`, skpBaru: true,
    });
    // The second SKP in progress: the employee's first RHK for the new position, with one indicator.
    const skpId = moved.skp!.baru;
    const actor = (await loadActor(db.pool, c.pegawai.user.id))!;
    const r = rhkForm({ isJpt: false, linkRequired: false }).parse({ version: String(await version(db, skpId)), jenis: 'UTAMA', teks: 'Terkelolanya data sektoral pada pusat data daerah', rhkAtasanId: String(atasan!.id) });
    await saveRhk(db, { actor, skpId, version: r.version }, null, r);
    const rhk = await db.prisma.rhk.findFirstOrThrow({ where: { skpId }, orderBy: { id: 'desc' }, select: { id: true } });
    const i = indikatorForm('KUANTITATIF').parse({ version: String(await version(db, skpId)), aspek: 'KUANTITAS', teks: 'Jumlah dataset sektoral yang dimutakhirkan', jenisTarget: 'ANGKA', targetAngka: '12', satuan: 'dataset', lebihBaik: 'TINGGI' });
    await saveIndikator(db, { actor, skpId, version: i.version }, { rhkId: rhk.id }, i);
    const penilaiUser = opts.setujui ? await db.prisma.user.findUnique({ where: { pegawaiId: penilai.id }, select: { id: true } }) : null;
    if (penilaiUser) {
      await submitSkp(db, { actor, skpId, version: await version(db, skpId) });
      await approveSkp(db, (await loadActor(db.pool, penilaiUser.id))!, skpId, await version(db, skpId));
    }
    log(`seed: ${c.pegawai.nama} moved on 1 July ${opts.tahun}: two SKPs this year (the first approved and closed, the second ${penilaiUser ? 'approved' : 'in progress'}).`);
    return { nip: c.pegawai.nip, nama: c.pegawai.nama };
  }
  return null;
}
