import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { bertumpuk, hariIni, tanggalDari } from '../../domain/delegasi.js';
import { PENILAI_MINIMAL } from '../../domain/pejabat-penilai.js';
import { Conflict, NotFound, Refused } from '../../errors.js';
import { audit } from '../audit/service.js';
import type { DelegasiInput } from './schemas.js';

// Delegations (docs/domain/penilai.md § Delegations): HR records a Plt for a vacant post or a Plh
// for a holder who is away, with the decision's number and its days; cancelling keeps the record.
// While one is in force the delegate acts as appraiser for that post (src/domain/acting.ts).

export type StatusDelegasi = 'BERLAKU' | 'AKAN' | 'BERAKHIR' | 'DIBATALKAN';

const asDate = (hari: string) => new Date(`${hari}T00:00:00Z`);

export function statusDelegasi(d: { mulai: Date; selesai: Date; dibatalkanAt: Date | null }, hari = hariIni()): StatusDelegasi {
  if (d.dibatalkanAt) return 'DIBATALKAN';
  if (tanggalDari(d.mulai) > hari) return 'AKAN';
  if (tanggalDari(d.selesai) < hari) return 'BERAKHIR';
  return 'BERLAKU';
}

/** The list page: every delegation, newest start first, with where it stands today. */
export async function delegasiListPage(db: Db) {
  const rows = await db.prisma.delegasi.findMany({
    orderBy: [{ mulai: 'desc' }, { id: 'desc' }],
    include: {
      jabatan: { select: { nama: true, unit: { select: { nama: true } } } },
      pemberi: { select: { id: true, nama: true, nip: true } },
      penerima: { select: { id: true, nama: true, nip: true } },
    },
  });
  const hari = hariIni();
  return { rows: rows.map((d) => ({ ...d, status: statusDelegasi(d, hari), mulaiHari: tanggalDari(d.mulai), selesaiHari: tanggalDari(d.selesai) })), hari };
}

/** The form's choices: the active posts that can be delegated (JPT, administrator, pengawas), with their holders. */
export async function delegasiFormPage(db: Db) {
  const jabatan = await db.prisma.jabatan.findMany({
    where: { aktif: true, jenis: { in: [...PENILAI_MINIMAL] } },
    orderBy: [{ unit: { path: 'asc' } }, { nama: 'asc' }],
    select: { id: true, nama: true, jenis: true, unit: { select: { nama: true } }, pegawai: { where: { aktif: true }, select: { nama: true, nip: true } } },
  });
  return { jabatan };
}

export async function createDelegasi(db: Db, actor: Actor, input: DelegasiInput) {
  return db.prisma.$transaction(async (tx) => {
    const jabatan = await tx.jabatan.findUnique({ where: { id: input.jabatanId }, include: { pegawai: { where: { aktif: true }, select: { id: true, nama: true } } } });
    if (!jabatan || !jabatan.aktif) throw new Refused('delegasi.jabatanMissing', { field: 'jabatanId' });
    if (!PENILAI_MINIMAL.has(jabatan.jenis)) throw new Refused('delegasi.jabatanNotStruktural', { field: 'jabatanId' });
    let pemberiId: number | null = null;
    if (input.jenis === 'PLT') {
      if (input.pemberiNip) throw new Refused('delegasi.pltNoPemberi', { field: 'pemberiNip' });
      const holder = jabatan.pegawai[0];
      if (holder) throw new Refused('delegasi.pltNotVacant', { field: 'jabatanId', jabatan: jabatan.nama, nama: holder.nama });
    } else {
      if (!input.pemberiNip) throw new Refused('delegasi.plhPemberiRequired', { field: 'pemberiNip' });
      const pemberi = await tx.pegawai.findUnique({ where: { nip: input.pemberiNip } });
      if (!pemberi || !pemberi.aktif) throw new Refused('delegasi.pegawaiMissing', { field: 'pemberiNip', nip: input.pemberiNip });
      if (pemberi.jabatanId !== jabatan.id) throw new Refused('delegasi.pemberiNotHolder', { field: 'pemberiNip', nama: pemberi.nama, jabatan: jabatan.nama });
      pemberiId = pemberi.id;
    }
    const penerima = await tx.pegawai.findUnique({ where: { nip: input.penerimaNip } });
    if (!penerima || !penerima.aktif) throw new Refused('delegasi.pegawaiMissing', { field: 'penerimaNip', nip: input.penerimaNip });
    if (penerima.id === pemberiId) throw new Refused('delegasi.penerimaIsPemberi', { field: 'penerimaNip' });
    // One delegate per post and day: whoever acts for the post must be clear.
    const others = await tx.delegasi.findMany({ where: { jabatanId: jabatan.id, dibatalkanAt: null }, select: { nomorSk: true, mulai: true, selesai: true } });
    const clash = others.find((o) => bertumpuk({ mulai: tanggalDari(o.mulai), selesai: tanggalDari(o.selesai) }, input));
    if (clash) throw new Refused('delegasi.overlaps', { field: 'mulai', nomorSk: clash.nomorSk, mulai: tanggalDari(clash.mulai), selesai: tanggalDari(clash.selesai) });
    const d = await tx.delegasi.create({
      data: {
        jenis: input.jenis, nomorSk: input.nomorSk, tanggalSk: input.tanggalSk ? asDate(input.tanggalSk) : null, mulai: asDate(input.mulai), selesai: asDate(input.selesai),
        jabatanId: jabatan.id, pemberiId, penerimaId: penerima.id, keterangan: input.keterangan, olehUserId: actor.userId,
      },
    });
    await audit(tx, actor, { aksi: 'delegasi.create', entitas: 'delegasi', entitasId: d.id, after: d });
    return d;
  });
}

/** Cancels a delegation (kept, marked cancelled): from now on the delegate no longer acts. */
export async function cancelDelegasi(db: Db, actor: Actor, id: number, version: number) {
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.delegasi.findUnique({ where: { id } });
    if (!before) throw new NotFound();
    if (before.dibatalkanAt) throw new Refused('delegasi.alreadyCancelled');
    const { count } = await tx.delegasi.updateMany({ where: { id, version, dibatalkanAt: null }, data: { dibatalkanAt: new Date(), version: { increment: 1 }, updatedAt: new Date() } });
    if (count === 0) throw new Conflict();
    const after = await tx.delegasi.findUniqueOrThrow({ where: { id } });
    await audit(tx, actor, { aksi: 'delegasi.cancel', entitas: 'delegasi', entitasId: id, before: { dibatalkanAt: null, version: before.version }, after: { dibatalkanAt: after.dibatalkanAt, version: after.version } });
    return after;
  });
}
