import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../db/client.js';
import { sqlOn } from '../../db/sql.js';
import { appraiserChainRows, pegawaiSearchRows, penilaiBawaanRows, riwayatRows, type PegawaiListRow } from './queries.js';
import { createDraftsForPegawai } from '../skp/draft-sql.js';
import { asScoped, visiblePegawai, type Actor, type Scoped } from '../../domain/access.js';
import { findAppraiserLoop } from '../../domain/appraiser-chain.js';
import { isValidGolongan } from '../../domain/golongan.js';
import { penilaiProblem, type DelegasiPosisi, type PenilaiProblem, type Posisi } from '../../domain/pejabat-penilai.js';
import { hariIni } from '../../domain/delegasi.js';
import { LABELS } from '../../i18n/labels.js';
import { Conflict, NotFound, Refused } from '../../errors.js';
import { hashPassword } from '../auth/password.js';
import { audit } from '../audit/service.js';
import { endSessions } from '../auth/service.js';
import type { PegawaiInput, PegawaiQuery } from './schemas.js';
import { pejabatLuarOptions } from '../pejabat-luar/service.js';

export const PAGE_SIZE = 50;
/** Past this many matches the list says "more than 1,000" instead of counting them all. */
export const COUNT_CAP = 1000;

export type { PegawaiListRow };

export type PegawaiPage = { rows: PegawaiListRow[]; total: number; capped: boolean; page: number; pages: number | null; hasNext: boolean; nextAfter: number | null };

/**
 * One page of the employees the actor may see, by name or NIP prefix, with the number found:
 * one statement, one round trip. The count stops at COUNT_CAP (a search that broad is narrowed,
 * not paged through), so its cost stays flat at agency scale. unit_kerja is joined only when a
 * condition needs its path; without a name filter the page's ids come from the (aktif, nama, id)
 * index alone. "Next" links carry the last row (`setelah`), so a deep page costs what page 1
 * costs instead of skipping every row before it (OFFSET stays for typed page numbers).
 */
/** The employee list page: one page of the search, and the unit it is filtered by (from the unit tree's links). */
export async function pegawaiListPage(db: Db, actor: Actor, q: PegawaiQuery) {
  const [result, unit] = await Promise.all([
    searchPegawai(db, actor, q),
    q.unitId ? db.prisma.unitKerja.findUnique({ where: { id: q.unitId }, select: { id: true, nama: true } }) : null,
  ]);
  return { result, unit };
}

export async function searchPegawai(db: Db, actor: Actor, q: PegawaiQuery): Promise<PegawaiPage> {
  const r = await pegawaiSearchRows(db.sql, actor, q, PAGE_SIZE, COUNT_CAP);
  const counted = r.total;
  const capped = counted > COUNT_CAP;
  const found = r.rows;
  const total = capped ? COUNT_CAP : counted;
  const rows = found.slice(0, PAGE_SIZE);
  return {
    rows,
    total,
    capped,
    page: q.page,
    pages: capped ? null : Math.max(1, Math.ceil(total / PAGE_SIZE)),
    hasNext: found.length > PAGE_SIZE,
    nextAfter: found.length > PAGE_SIZE ? rows[rows.length - 1]!.id : null,
  };
}

export async function getPegawai(db: Db, actor: Actor, id: number) {
  const p = await db.prisma.pegawai.findFirst({
    where: { id, ...visiblePegawai(actor) },
    include: {
      jabatan: true,
      unit: true,
      penilai: {
        select: {
          id: true, nip: true, nama: true, aktif: true,
          // the atasan pejabat penilai: the appraiser's own appraiser, in the agency or outside it
          penilai: { select: { id: true, nip: true, nama: true } },
          penilaiLuar: { select: { id: true, nama: true, jabatan: true, instansi: true } },
        },
      },
      penilaiLuar: { select: { id: true, nama: true, jabatan: true, instansi: true } },
      _count: { select: { dinilai: { where: { aktif: true } } } },
    },
  });
  if (!p) throw new NotFound();
  return asScoped(p);
}

export async function riwayatPegawai(db: Db, pegawai: Scoped<{ id: number }>) {
  return riwayatRows(db.sql, pegawai.id);
}

/** The appraiser chain upward from `startId` (one recursive query), as id → penilai id. */
export async function appraiserChain(tx: Tx, startId: number): Promise<Map<number, { penilaiId: number | null; nama: string }>> {
  const rows = await appraiserChainRows(sqlOn(tx), startId);
  return new Map(rows.map((r) => [r.id, { penilaiId: r.penilaiId, nama: r.nama }]));
}

type Resolved = { jabatanId: number; unitId: number; penilaiId: number | null; penilaiLuarId: number | null };

/** A refusal of the appraiser rule, on the form's appraiser field, with the kind of position as its label. */
export function penilaiRefusal(p: PenilaiProblem, field: string): Refused {
  const { jenis, ...rest } = p.params;
  return new Refused(p.key, { ...rest, ...(jenis ? { jenis: `@${LABELS.jenisJabatan[jenis]}` } : {}), field });
}

type JabatanWithHead = { nama: string; jenis: Posisi['jenis']; mengepalai: { nama: string; path: string } | null };
const posisiOf = (j: JabatanWithHead): Posisi => ({ jenis: j.jenis, nama: j.nama, mengepalai: j.mengepalai });
const HEAD = { mengepalai: { select: { id: true, nama: true, path: true } } } as const;
/** A calendar day for a Prisma `date` comparison. */
const asDate = (hari: string) => new Date(`${hari}T00:00:00Z`);

/** The delegations in force today that give `pegawaiId` a post (for the appraiser rule). */
async function delegasiPosisi(tx: Tx, pegawaiId: number): Promise<DelegasiPosisi[]> {
  const today = asDate(hariIni());
  const rows = await tx.delegasi.findMany({
    where: { penerimaId: pegawaiId, dibatalkanAt: null, mulai: { lte: today }, selesai: { gte: today } },
    include: { jabatan: { include: HEAD } },
  });
  return rows.map((d) => ({ jenis: d.jenis, nomorSk: d.nomorSk, posisi: posisiOf(d.jabatan) }));
}

/**
 * The default appraiser of a holder of `jabatan` (docs/domain/penilai.md): the holder of its unit's
 * head position, or for the unit's own head position the holder of the parent unit's; none when
 * that post is vacant or not set. Two holders of a head post leave HR to choose (refused).
 */
async function penilaiBawaan(tx: Tx, jabatan: { id: number; unit: { kepalaJabatanId: number | null; parentId: number | null } }, selfId: number | null) {
  let headPost = jabatan.unit.kepalaJabatanId;
  if (headPost === jabatan.id) {
    const parent = jabatan.unit.parentId === null ? null : await tx.unitKerja.findUnique({ where: { id: jabatan.unit.parentId }, select: { kepalaJabatanId: true } });
    headPost = parent?.kepalaJabatanId ?? null;
  }
  if (headPost === null) return null;
  const holders = await tx.pegawai.findMany({ where: { jabatanId: headPost, aktif: true, ...(selfId !== null ? { id: { not: selfId } } : {}) }, take: 2, orderBy: { id: 'asc' } });
  if (holders.length > 1) {
    const post = await tx.jabatan.findUniqueOrThrow({ where: { id: headPost }, select: { nama: true } });
    const count = await tx.pegawai.count({ where: { jabatanId: headPost, aktif: true } });
    throw new Refused('penilai.defaultAmbiguous', { field: 'penilaiNip', jabatan: post.nama, count });
  }
  return holders[0] ?? null;
}

/**
 * Checks the references a form row makes (position, appraiser) and returns their ids. Without an
 * appraiser's NIP the default appraiser is taken. The appraiser must be fit to appraise this
 * employee (src/domain/pejabat-penilai.ts), must not be them, and must not close a loop. Also
 * used for a recorded move (modules/mutasi).
 */
export async function resolveRefs(tx: Tx, input: PegawaiInput, selfId: number | null, selfNama: string): Promise<Resolved> {
  if (!isValidGolongan(input.jenisAsn, input.pangkatGolongan)) throw new Refused('pegawai.golonganInvalid', { field: 'pangkatGolongan' });
  // (One relation per read: inside a transaction Prisma would run sibling relations at once on one connection.)
  const jabatan = await tx.jabatan.findUnique({ where: { id: input.jabatanId }, include: { unit: true } });
  if (!jabatan || !jabatan.aktif || !jabatan.unit.aktif) throw new Refused('pegawai.jabatanMissing', { field: 'jabatanId' });
  const mengepalai = await tx.unitKerja.findFirst({ where: { kepalaJabatanId: jabatan.id }, select: { id: true } });
  let penilai: { id: number; aktif: boolean; nama: string; jabatanId: number } | null = null;
  // An appraiser outside the agency has no appraiser in the app, so no loop can pass through them.
  if (input.penilaiNip && input.penilaiLuarId) throw new Refused('pegawai.penilaiBoth', { field: 'penilaiLuarId' });
  if (input.penilaiLuarId) {
    const luar = await tx.pejabatLuar.findUnique({ where: { id: input.penilaiLuarId }, select: { aktif: true } });
    if (!luar || !luar.aktif) throw new Refused('pegawai.penilaiLuarMissing', { field: 'penilaiLuarId' });
    return { jabatanId: jabatan.id, unitId: jabatan.unitId, penilaiId: null, penilaiLuarId: input.penilaiLuarId };
  }
  if (input.penilaiNip) {
    penilai = await tx.pegawai.findUnique({ where: { nip: input.penilaiNip } });
    if (!penilai || !penilai.aktif) throw new Refused('pegawai.penilaiMissing', { field: 'penilaiNip', nip: input.penilaiNip });
    if (selfId !== null && penilai.id === selfId) throw new Refused('pegawai.penilaiSelf', { field: 'penilaiNip' });
  } else {
    penilai = await penilaiBawaan(tx, jabatan, selfId);
  }
  if (penilai === null) return { jabatanId: jabatan.id, unitId: jabatan.unitId, penilaiId: null, penilaiLuarId: null };

  if (selfId !== null) {
    const chain = await appraiserChain(tx, penilai.id);
    const loop = findAppraiserLoop(selfId, penilai.id, (id) => chain.get(id)?.penilaiId ?? null);
    if (loop) {
      const names = loop.map((id) => (id === selfId ? selfNama : (chain.get(id)?.nama ?? String(id))));
      throw new Refused('pegawai.penilaiLoop', { field: 'penilaiNip', loop: names.join(' → ') });
    }
  }
  const posisi = await tx.jabatan.findUniqueOrThrow({ where: { id: penilai.jabatanId }, include: HEAD });
  const problem = penilaiProblem(
    { unit: { nama: jabatan.unit.nama, path: jabatan.unit.path }, kepalaUnit: mengepalai?.id === jabatan.unitId },
    { nama: penilai.nama, posisi: posisiOf(posisi) },
    await delegasiPosisi(tx, penilai.id),
  );
  if (problem) throw penilaiRefusal(problem, 'penilaiNip');
  return { jabatanId: jabatan.id, unitId: jabatan.unitId, penilaiId: penilai.id, penilaiLuarId: null };
}

const tempPassword = () => randomBytes(9).toString('base64url');

/** Creates an employee with a login (NIP) and returns the one-time initial password. */
export async function createPegawai(db: Db, actor: Actor, input: PegawaiInput) {
  const password = tempPassword();
  const passwordHash = await hashPassword(password);
  const p = await db.prisma.$transaction(async (tx) => {
    if (await tx.pegawai.findUnique({ where: { nip: input.nip } })) throw new Refused('pegawai.nipTaken', { field: 'nip', nip: input.nip });
    const refs = await resolveRefs(tx, input, null, input.nama);
    const p = await tx.pegawai.create({
      data: { nip: input.nip, nama: input.nama, jenisAsn: input.jenisAsn, pangkatGolongan: input.pangkatGolongan, email: input.email, ...refs },
    });
    await tx.riwayatPegawai.create({ data: { pegawaiId: p.id, ...refs, aktif: true, keterangan: 'Pegawai baru', olehUserId: actor.userId } });
    await tx.user.create({ data: { pegawaiId: p.id, passwordHash } });
    await createDraftsForPegawai(sqlOn(tx), [p.id]); // joins mid-year: a draft SKP in every open cycle
    await audit(tx, actor, { aksi: 'pegawai.create', entitas: 'pegawai', entitasId: p.id, after: p });
    return p;
  });
  return { pegawai: p, password };
}

export async function updatePegawai(db: Db, actor: Actor, id: number, input: PegawaiInput & { version: number }) {
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.pegawai.findUnique({ where: { id } });
    if (!before) throw new NotFound();
    if (input.nip !== before.nip && (await tx.pegawai.findUnique({ where: { nip: input.nip } }))) throw new Refused('pegawai.nipTaken', { field: 'nip', nip: input.nip });
    const refs = await resolveRefs(tx, input, id, input.nama);
    const { count } = await tx.pegawai.updateMany({
      where: { id, version: input.version },
      data: { nip: input.nip, nama: input.nama, jenisAsn: input.jenisAsn, pangkatGolongan: input.pangkatGolongan, email: input.email, ...refs, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (count === 0) throw new Conflict();
    if (refs.jabatanId !== before.jabatanId || refs.unitId !== before.unitId || refs.penilaiId !== before.penilaiId || refs.penilaiLuarId !== before.penilaiLuarId) {
      await tx.riwayatPegawai.create({ data: { pegawaiId: id, ...refs, aktif: before.aktif, keterangan: 'Perubahan data', olehUserId: actor.userId } });
    }
    const after = await tx.pegawai.findUniqueOrThrow({ where: { id } });
    await audit(tx, actor, { aksi: 'pegawai.update', entitas: 'pegawai', entitasId: id, before, after });
    return after;
  });
}

/** Deactivation keeps every record; it is refused while the person still appraises someone. */
export async function setPegawaiAktif(db: Db, actor: Actor, id: number, aktif: boolean, version: number, alasan: string | null) {
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.pegawai.findUnique({ where: { id } });
    if (!before) throw new NotFound();
    if (!aktif) {
      const appraisees = await tx.pegawai.count({ where: { penilaiId: id, aktif: true } });
      if (appraisees > 0) throw new Refused('pegawai.stillPenilai', { count: appraisees });
    }
    const { count } = await tx.pegawai.updateMany({
      where: { id, version },
      data: { aktif, alasanNonaktif: aktif ? null : alasan, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (count === 0) throw new Conflict();
    await tx.riwayatPegawai.create({
      data: { pegawaiId: id, jabatanId: before.jabatanId, unitId: before.unitId, penilaiId: before.penilaiId, penilaiLuarId: before.penilaiLuarId, aktif, keterangan: aktif ? 'Diaktifkan kembali' : alasan, olehUserId: actor.userId },
    });
    await tx.user.updateMany({ where: { pegawaiId: id }, data: { aktif } });
    await audit(tx, actor, { aksi: aktif ? 'pegawai.reactivate' : 'pegawai.deactivate', entitas: 'pegawai', entitasId: id, before: { aktif: before.aktif }, after: { aktif, alasan } });
  });
}

/** Gives the employee a new one-time password (shown once to the admin). */
export async function resetPassword(db: Db, actor: Actor, id: number): Promise<string> {
  const password = tempPassword();
  const passwordHash = await hashPassword(password);
  await db.prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { pegawaiId: id }, data: { passwordHash, updatedAt: new Date() } });
    if (count === 0) {
      if (!(await tx.pegawai.findUnique({ where: { id } }))) throw new NotFound();
      await tx.user.create({ data: { pegawaiId: id, passwordHash } });
    }
    // whoever is logged in as this employee now is logged out
    await endSessions(tx, (await tx.user.findMany({ where: { pegawaiId: id }, select: { id: true } })).map((u) => u.id));
    await audit(tx, actor, { aksi: 'pegawai.resetPassword', entitas: 'pegawai', entitasId: id });
  });
  return password;
}

/** Data for the employee form's selects, and each position's default appraiser (shown beside the appraiser field). */
export async function formOptions(db: Db) {
  const [units, jabatan, bawaan, pejabatLuar] = await Promise.all([
    db.prisma.unitKerja.findMany({ where: { aktif: true }, orderBy: { path: 'asc' }, select: { id: true, nama: true, path: true } }),
    db.prisma.jabatan.findMany({ where: { aktif: true }, orderBy: [{ unitId: 'asc' }, { nama: 'asc' }], select: { id: true, nama: true, jenis: true, unitId: true } }),
    penilaiBawaanRows(db.sql),
    pejabatLuarOptions(db),
  ]);
  return { units, jabatan, penilaiBawaan: Object.fromEntries(bawaan.map((b) => [b.jabatanId, b])), pejabatLuar };
}
