import { createHash, randomBytes } from 'node:crypto';
import { sqlOf, type Db, type Tx } from '../../db/client.js';
import { createDraftsForPegawai } from '../skp/draft-sql.js';
import { visiblePegawai, visiblePegawaiSql, type Actor } from '../../domain/access.js';
import { findAppraiserLoop } from '../../domain/appraiser-chain.js';
import { isValidGolongan } from '../../domain/golongan.js';
import { Conflict, NotFound } from '../../web/errors.js';
import { hashPassword } from '../../web/password.js';
import { audit } from '../audit/service.js';
import { endSessions } from '../auth/service.js';
import type { PegawaiInput, PegawaiQuery } from './schemas.js';

export const PAGE_SIZE = 50;
/** Past this many matches the list says "more than 1,000" instead of counting them all. */
export const COUNT_CAP = 1000;

export type PegawaiListRow = { id: number; nip: string; nama: string; jenisAsn: string; pangkatGolongan: string; aktif: boolean; jabatan: string; unit: string; penilai: string | null };

export type PegawaiPage = { rows: PegawaiListRow[]; total: number; capped: boolean; page: number; pages: number | null; hasNext: boolean; nextAfter: number | null };

/**
 * One page of the employees the actor may see, by name or NIP prefix, with the number found:
 * one statement, one round trip. The count stops at COUNT_CAP (a search that broad is narrowed,
 * not paged through), so its cost stays flat at agency scale. unit_kerja is joined only when a
 * condition needs its path; without a name filter the page's ids come from the (aktif, nama, id)
 * index alone. "Next" links carry the last row (`setelah`), so a deep page costs what page 1
 * costs instead of skipping every row before it (OFFSET stays for typed page numbers).
 */
export async function searchPegawai(db: Db, actor: Actor, q: PegawaiQuery): Promise<PegawaiPage> {
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const scope = visiblePegawaiSql(actor, param);
  const where = [scope];
  let needsUnit = scope.includes('u.path');
  let byName = false;
  if (q.status !== 'semua') where.push(`p.aktif = ${q.status === 'aktif' ? 'TRUE' : 'FALSE'}`);
  if (q.penilai) where.push(`p.penilai_id = ${param(q.penilai)}`);
  if (q.unitId) {
    where.push(`u.path LIKE (SELECT path FROM unit_kerja WHERE id = ${param(q.unitId)}) || '%'`);
    needsUnit = true;
  }
  if (q.q) {
    const digits = q.q.replace(/[\s.]/g, '');
    if (/^\d+$/.test(digits)) where.push(`p.nip >= ${param(digits)} AND p.nip <= ${param(digits.padEnd(18, '9'))}`);
    else {
      where.push(`p.nama ILIKE ${param('%' + q.q.replace(/[%_\\]/g, '\\$&') + '%')}`);
      byName = true;
    }
  }
  const from = `FROM pegawai p${needsUnit ? ' JOIN unit_kerja u ON u.id = p.unit_id' : ''} WHERE ${where.join(' AND ')}`;
  const limit = param(PAGE_SIZE + 1);
  const after = q.setelah ? ` AND (p.nama, p.id) > (SELECT a.nama, a.id FROM pegawai a WHERE a.id = ${param(q.setelah)})` : '';
  const offset = param(q.setelah ? 0 : (q.page - 1) * PAGE_SIZE);
  // A name filter lets the trigram index find the matches row-wise; otherwise the ids come first.
  const page = byName
    ? `SELECT p.* ${from}${after} ORDER BY p.nama, p.id LIMIT ${limit} OFFSET ${offset}`
    : `SELECT p.* FROM pegawai p WHERE p.id IN (SELECT p.id ${from}${after} ORDER BY p.nama, p.id LIMIT ${limit} OFFSET ${offset})`;
  // A named (prepared) statement per query shape: PostgreSQL plans each shape once per connection.
  const text = `WITH total AS (SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${COUNT_CAP + 1}) c)
     SELECT total.n AS total, x.* FROM total LEFT JOIN LATERAL (
       SELECT p.id, p.nip, p.nama, p.jenis_asn AS "jenisAsn", p.pangkat_golongan AS "pangkatGolongan", p.aktif,
              j.nama AS jabatan, u.nama AS unit, pn.nama AS penilai
         FROM (${page}) p
         JOIN jabatan j ON j.id = p.jabatan_id JOIN unit_kerja u ON u.id = p.unit_id
         LEFT JOIN pegawai pn ON pn.id = p.penilai_id
     ) x ON TRUE
     ORDER BY x.nama, x.id`;
  const name = `pegawai-list-${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  const r = await db.pool.query<PegawaiListRow & { total: number }>({ name, text, values: params });
  const counted = r.rows[0]?.total ?? 0;
  const capped = counted > COUNT_CAP;
  const found = r.rows.filter((x) => x.id !== null).map(({ total: _t, ...row }) => row);
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
      penilai: { select: { id: true, nip: true, nama: true, aktif: true } },
      _count: { select: { dinilai: { where: { aktif: true } } } },
    },
  });
  if (!p) throw new NotFound();
  return p;
}

export async function riwayatPegawai(db: Db, pegawaiId: number) {
  const rows = await db.pool.query(
    `SELECT r.berlaku_mulai AS "berlakuMulai", r.aktif, r.keterangan, j.nama AS jabatan, u.nama AS unit, pn.nama AS penilai
       FROM riwayat_pegawai r JOIN jabatan j ON j.id = r.jabatan_id JOIN unit_kerja u ON u.id = r.unit_id
       LEFT JOIN pegawai pn ON pn.id = r.penilai_id
      WHERE r.pegawai_id = $1 ORDER BY r.berlaku_mulai DESC, r.id DESC`,
    [pegawaiId],
  );
  return rows.rows as { berlakuMulai: Date; aktif: boolean; keterangan: string | null; jabatan: string; unit: string; penilai: string | null }[];
}

/** The appraiser chain upward from `startId` (one recursive query), as id → penilai id. */
export async function appraiserChain(tx: Tx, startId: number): Promise<Map<number, { penilaiId: number | null; nama: string }>> {
  const rows = await tx.$queryRaw<{ id: number; penilai_id: number | null; nama: string }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, penilai_id, nama, 1 AS depth FROM pegawai WHERE id = ${startId}
      UNION ALL
      SELECT p.id, p.penilai_id, p.nama, c.depth + 1 FROM pegawai p JOIN chain c ON p.id = c.penilai_id WHERE c.depth < 100
    ) CYCLE id SET is_cycle USING route
    SELECT id, penilai_id, nama FROM chain WHERE NOT is_cycle`;
  return new Map(rows.map((r) => [r.id, { penilaiId: r.penilai_id, nama: r.nama }]));
}

type Resolved = { jabatanId: number; unitId: number; penilaiId: number | null };

/** Checks the references a form row makes (position, appraiser) and returns their ids. */
async function resolveRefs(tx: Tx, input: PegawaiInput, selfId: number | null, selfNama: string): Promise<Resolved> {
  if (!isValidGolongan(input.jenisAsn, input.pangkatGolongan)) throw new Conflict('pegawai.golonganInvalid', { field: 'pangkatGolongan' });
  const jabatan = await tx.jabatan.findUnique({ where: { id: input.jabatanId }, include: { unit: true } });
  if (!jabatan || !jabatan.aktif || !jabatan.unit.aktif) throw new Conflict('pegawai.jabatanMissing', { field: 'jabatanId' });
  let penilaiId: number | null = null;
  if (input.penilaiNip) {
    const penilai = await tx.pegawai.findUnique({ where: { nip: input.penilaiNip } });
    if (!penilai || !penilai.aktif) throw new Conflict('pegawai.penilaiMissing', { field: 'penilaiNip', nip: input.penilaiNip });
    if (selfId !== null && penilai.id === selfId) throw new Conflict('pegawai.penilaiSelf', { field: 'penilaiNip' });
    penilaiId = penilai.id;
    if (selfId !== null) {
      const chain = await appraiserChain(tx, penilai.id);
      const loop = findAppraiserLoop(selfId, penilai.id, (id) => chain.get(id)?.penilaiId ?? null);
      if (loop) {
        const names = loop.map((id) => (id === selfId ? selfNama : (chain.get(id)?.nama ?? String(id))));
        throw new Conflict('pegawai.penilaiLoop', { field: 'penilaiNip', loop: names.join(' → ') });
      }
    }
  }
  return { jabatanId: jabatan.id, unitId: jabatan.unitId, penilaiId };
}

const tempPassword = () => randomBytes(9).toString('base64url');

/** Creates an employee with a login (NIP) and returns the one-time initial password. */
export async function createPegawai(db: Db, actor: Actor, input: PegawaiInput) {
  const password = tempPassword();
  const passwordHash = await hashPassword(password);
  const p = await db.prisma.$transaction(async (tx) => {
    if (await tx.pegawai.findUnique({ where: { nip: input.nip } })) throw new Conflict('pegawai.nipTaken', { field: 'nip', nip: input.nip });
    const refs = await resolveRefs(tx, input, null, input.nama);
    const p = await tx.pegawai.create({
      data: { nip: input.nip, nama: input.nama, jenisAsn: input.jenisAsn, pangkatGolongan: input.pangkatGolongan, email: input.email, ...refs },
    });
    await tx.riwayatPegawai.create({ data: { pegawaiId: p.id, ...refs, aktif: true, keterangan: 'Pegawai baru', olehUserId: actor.userId } });
    await tx.user.create({ data: { pegawaiId: p.id, passwordHash } });
    await createDraftsForPegawai(sqlOf(tx), [p.id]); // joins mid-year: a draft SKP in every open cycle
    await audit(tx, actor, { aksi: 'pegawai.create', entitas: 'pegawai', entitasId: p.id, after: p });
    return p;
  });
  return { pegawai: p, password };
}

export async function updatePegawai(db: Db, actor: Actor, id: number, input: PegawaiInput & { version: number }) {
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.pegawai.findUnique({ where: { id } });
    if (!before) throw new NotFound();
    if (input.nip !== before.nip && (await tx.pegawai.findUnique({ where: { nip: input.nip } }))) throw new Conflict('pegawai.nipTaken', { field: 'nip', nip: input.nip });
    const refs = await resolveRefs(tx, input, id, input.nama);
    const { count } = await tx.pegawai.updateMany({
      where: { id, version: input.version },
      data: { nip: input.nip, nama: input.nama, jenisAsn: input.jenisAsn, pangkatGolongan: input.pangkatGolongan, email: input.email, ...refs, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (count === 0) throw new Conflict('conflict.changedBySomeoneElse');
    if (refs.jabatanId !== before.jabatanId || refs.unitId !== before.unitId || refs.penilaiId !== before.penilaiId) {
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
      if (appraisees > 0) throw new Conflict('pegawai.stillPenilai', { count: appraisees });
    }
    const { count } = await tx.pegawai.updateMany({
      where: { id, version },
      data: { aktif, alasanNonaktif: aktif ? null : alasan, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (count === 0) throw new Conflict('conflict.changedBySomeoneElse');
    await tx.riwayatPegawai.create({
      data: { pegawaiId: id, jabatanId: before.jabatanId, unitId: before.unitId, penilaiId: before.penilaiId, aktif, keterangan: aktif ? 'Diaktifkan kembali' : alasan, olehUserId: actor.userId },
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

/** Data for the employee form's selects. */
export async function formOptions(db: Db) {
  const [units, jabatan] = await Promise.all([
    db.prisma.unitKerja.findMany({ where: { aktif: true }, orderBy: { path: 'asc' }, select: { id: true, nama: true, path: true } }),
    db.prisma.jabatan.findMany({ where: { aktif: true }, orderBy: [{ unitId: 'asc' }, { nama: 'asc' }], select: { id: true, nama: true, jenis: true, unitId: true } }),
  ]);
  return { units, jabatan };
}
