import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { skpEditable, type Fase } from '../../domain/siklus.js';
import { NotFound, Refused } from '../../errors.js';
import { audit } from '../audit/service.js';
import { previewRows, skpSourceRows, templatRows } from './queries.js';
import { indikatorData, indikatorFromJson, INDIKATOR_COLUMNS, RHK_COPY_COLUMNS, rhkFromJson, rhkIsiDari, usesJptForm, type SkpDokumen } from '../../domain/skp-document.js';
import { sqlOn } from '../../db/sql.js';
import { getSkp, skpDocument } from '../skp/service.js';
import { jabatanUsesJptForm } from '../skp/draft-sql.js';
import { templatData, type SearchSkpQuery, type TemplatData, type TemplatInput } from './schemas.js';
import { LABELS } from '../../i18n/labels.js';

// SKP templates per position (HR only; the routes guard it): saved from an existing SKP and
// applied to every holder of the position whose SKP in a cycle is still an empty draft.

export const listTemplat = (db: Db) => templatRows(db.sql);

export async function getTemplat(db: Db, id: number) {
  const t = await db.prisma.skpTemplat.findUnique({ where: { id }, include: { jabatan: { include: { unit: true } } } });
  if (!t) throw new NotFound();
  const data = templatData.safeParse(t.data);
  if (!data.success) throw new Refused('templat.err.dataRusak');
  return { ...t, data: data.data };
}

/** For each cycle open for SKP work: how many holders of the position, and how many still empty. */
export const previewTemplat = (db: Db, jabatanId: number) => previewRows(db.sql, jabatanId);

/** SKPs to copy from: those with at least one RHK, by cycle and name/NIP. */
export const searchSkp = (db: Db, q: { siklusId?: number; q?: string }) => skpSourceRows(db.sql, q);

/** The SKP's content as template data: links to the appraiser's RHKs and everything personal dropped. */
export function toTemplatData(doc: SkpDokumen, sumber: TemplatData['sumber'], jenisJabatan: string | null): TemplatData {
  const urut = new Map<string, number>();
  const next = (k: string) => {
    const n = (urut.get(k) ?? 0) + 1;
    urut.set(k, n);
    return n;
  };
  return {
    sumber,
    pendekatan: doc.pendekatan,
    jenisJabatan,
    rhk: doc.rhk.map((r) => ({
      ...rhkIsiDari(r),
      urutan: next(`rhk:${r.jenis}`),
      indikator: r.indikator.map((i, n) => ({ ...indikatorData(i), urutan: n + 1 })),
    })),
    lampiran: doc.lampiran.map((l) => ({ jenis: l.jenis, urutan: next(`lampiran:${l.jenis}`), teks: l.teks })),
  };
}

export async function createTemplat(db: Db, actor: Actor, input: TemplatInput) {
  const skp = await getSkp(db, actor, input.skpId).catch((e: unknown) => {
    if (e instanceof NotFound) throw new Refused('templat.err.skpMissing', { field: 'skpId' });
    throw e;
  });
  // Read outside the transaction: Prisma runs an include's queries in parallel, which a
  // transaction's single connection does not allow.
  const doc = await skpDocument(db.prisma, skp);
  return db.prisma.$transaction(async (tx) => {
    const jabatanId = input.jabatanId ?? skp.pegawai.jabatanId;
    const jabatan = await tx.jabatan.findUnique({ where: { id: jabatanId } });
    if (!jabatan || !jabatan.aktif) throw new Refused('templat.err.jabatanMissing', { field: 'jabatanId' });
    if (!doc.rhk.length) throw new Refused('templat.err.skpKosong', { field: 'skpId' });
    const snap = (doc.snapshot ?? {}) as { pegawai?: { jenisJabatan?: string; nip?: string; nama?: string } };
    // the same form on both sides: the source SKP's own (its snapshot), the one the position's holders get
    const jptSumber = doc.snapshot ? usesJptForm(doc) : skp.pegawai.jabatan.jenis === 'JPT';
    if (jptSumber !== (await jabatanUsesJptForm(sqlOn(tx), jabatanId))) throw new Refused('templat.err.jenisBeda', { field: 'jabatanId' });
    if (await tx.skpTemplat.findFirst({ where: { jabatanId, nama: { equals: input.nama, mode: 'insensitive' } } })) {
      throw new Refused('templat.err.namaTaken', { field: 'nama', nama: input.nama });
    }
    const data = toTemplatData(doc, { skpId: skp.id, tahun: skp.siklus.tahun, nip: snap.pegawai?.nip ?? skp.pegawai.nip, nama: snap.pegawai?.nama ?? skp.pegawai.nama }, jabatan.jenis);
    const t = await tx.skpTemplat.create({ data: { jabatanId, nama: input.nama, data } });
    await audit(tx, actor, { aksi: 'templat.create', entitas: 'skp_templat', entitasId: t.id, after: { nama: t.nama, jabatanId, dariSkp: skp.id, rhk: data.rhk.length, lampiran: data.lampiran.length } });
    return t;
  });
}

export async function renameTemplat(db: Db, actor: Actor, id: number, nama: string) {
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.skpTemplat.findUnique({ where: { id } });
    if (!before) throw new NotFound();
    if (await tx.skpTemplat.findFirst({ where: { jabatanId: before.jabatanId, id: { not: id }, nama: { equals: nama, mode: 'insensitive' } } })) {
      throw new Refused('templat.err.namaTaken', { field: 'nama', nama });
    }
    const t = await tx.skpTemplat.update({ where: { id }, data: { nama } });
    await audit(tx, actor, { aksi: 'templat.update', entitas: 'skp_templat', entitasId: id, before: { nama: before.nama }, after: { nama } });
    return t;
  });
}

export async function deleteTemplat(db: Db, actor: Actor, id: number): Promise<string> {
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.skpTemplat.findUnique({ where: { id } });
    if (!before) throw new NotFound();
    await tx.skpTemplat.delete({ where: { id } });
    await audit(tx, actor, { aksi: 'templat.delete', entitas: 'skp_templat', entitasId: id, before: { nama: before.nama, jabatanId: before.jabatanId, data: before.data } });
    return before.nama;
  });
}

/**
 * Applies a template to every active holder of its position whose SKP in the cycle is a DRAFT
 * with no RHK yet: a handful of set-based statements in one transaction, whatever the number
 * of employees. Each touched SKP gets a new version (open forms on it become stale) and an
 * audit entry. Returns how many SKPs were filled and how many holders were skipped.
 */
export async function applyTemplat(db: Db, actor: Actor, id: number, siklusId: number): Promise<{ diterapkan: number; dilewati: number; tahun: number }> {
  const t = await getTemplat(db, id);
  return db.prisma.$transaction(async (tx) => {
    // The cycle cannot change phase under us (FOR SHARE), and must be open for SKP work.
    const [siklus] = await tx.$queryRawUnsafe<{ tahun: number; fase: Fase }[]>(`SELECT tahun, fase::text AS fase FROM siklus WHERE id = $1 FOR SHARE`, siklusId);
    if (!siklus) throw new Refused('templat.err.siklusMissing', { field: 'siklusId' });
    if (!skpEditable(siklus.fase)) throw new Refused('templat.err.siklusTutup', { field: 'siklusId', tahun: siklus.tahun, fase: `@${LABELS.fase[siklus.fase]}` });

    // 1. Lock the SKPs of every holder, so nobody adds an RHK between our check and our insert.
    const holders = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT k.id FROM skp k JOIN pegawai p ON p.id = k.pegawai_id
        WHERE k.siklus_id = $1 AND k.ditutup_at IS NULL AND p.jabatan_id = $2 AND p.aktif ORDER BY k.id FOR UPDATE OF k`, // the open SKP: one a move closed belongs to the old position
      siklusId,
      t.jabatanId,
    );
    const ids = holders.map((h) => h.id);
    // 2. The empty drafts among them (a fresh statement: it sees everything committed before the locks).
    const targets = (
      await tx.$queryRawUnsafe<{ id: number }[]>(
        `UPDATE skp k SET version = k.version + 1, updated_at = now(), pendekatan = $2::"Pendekatan"
          WHERE k.id = ANY($1::int[]) AND k.status = 'DRAFT' AND NOT EXISTS (SELECT 1 FROM rhk r WHERE r.skp_id = k.id AND r.dihapus_revisi IS NULL)
          RETURNING k.id`,
        ids,
        t.data.pendekatan,
      )
    ).map((r) => r.id);

    if (targets.length) {
      const rhk = JSON.stringify(t.data.rhk);
      // 3. RHKs (no link to an appraiser's RHK: each employee picks the one they intervene).
      await tx.$executeRawUnsafe(
        `INSERT INTO rhk (skp_id, urutan, ${RHK_COPY_COLUMNS.join(', ')})
         SELECT k.id, (r->>'urutan')::int, ${rhkFromJson('r').join(', ')}
           FROM unnest($1::int[]) AS k(id) CROSS JOIN jsonb_array_elements($2::jsonb) AS r`,
        targets,
        rhk,
      );
      // 4. Their indicators (the template was read through its schema: fields it lacked have their
      //    defaults), matched to the new RHKs by (jenis, urutan): these SKPs had no RHK before.
      await tx.$executeRawUnsafe(
        `INSERT INTO indikator (rhk_id, urutan, ${INDIKATOR_COLUMNS.join(', ')})
         SELECT h.id, (i->>'urutan')::int, ${indikatorFromJson('i').join(', ')}
           FROM rhk h
           JOIN jsonb_array_elements($2::jsonb) AS r ON h.jenis = (r->>'jenis')::"JenisRhk" AND h.urutan = (r->>'urutan')::int
           CROSS JOIN jsonb_array_elements(r->'indikator') AS i
          WHERE h.skp_id = ANY($1::int[]) AND h.dihapus_revisi IS NULL`,
        targets,
        rhk,
      );
      // 5. Lampiran, for each kind the employee has not written yet.
      await tx.$executeRawUnsafe(
        `INSERT INTO lampiran (skp_id, jenis, urutan, teks)
         SELECT k.id, (l->>'jenis')::"JenisLampiran", (l->>'urutan')::int, l->>'teks'
           FROM unnest($1::int[]) AS k(id) CROSS JOIN jsonb_array_elements($2::jsonb) AS l
          WHERE NOT EXISTS (SELECT 1 FROM lampiran x WHERE x.skp_id = k.id AND x.jenis = (l->>'jenis')::"JenisLampiran")`,
        targets,
        JSON.stringify(t.data.lampiran),
      );
      // 6. Each SKP's own history shows where its content came from.
      await tx.auditLog.createMany({
        data: targets.map((skpId) => ({
          userId: actor.userId,
          actor: actor.label,
          aksi: 'skp.applyTemplat',
          entitas: 'skp',
          entitasId: String(skpId),
          after: { templatId: t.id, templat: t.nama, rhk: t.data.rhk.length, lampiran: t.data.lampiran.length },
        })),
      });
    }
    const dilewati = ids.length - targets.length;
    await audit(tx, actor, { aksi: 'templat.apply', entitas: 'skp_templat', entitasId: t.id, after: { siklusId, tahun: siklus.tahun, diterapkan: targets.length, dilewati, skp: targets } });
    return { diterapkan: targets.length, dilewati, tahun: siklus.tahun };
  });
}

const jabatanOptions = (db: Db) =>
  db.prisma.jabatan.findMany({ where: { aktif: true }, orderBy: [{ unit: { path: 'asc' } }, { nama: 'asc' }], select: { id: true, nama: true, jenis: true, unit: { select: { nama: true } } } });

/** The create form's data: the chosen SKP (if the actor may see it), and the positions. */
export async function templatFormLocals(db: Db, actor: Actor, skpId: number | undefined) {
  const skp = skpId ? await getSkp(db, actor, skpId).catch((e: unknown) => (e instanceof NotFound ? null : Promise.reject(e))) : null;
  return { skp, jabatan: await jabatanOptions(db) };
}

/** The "new template" page: the chosen SKP (404 when it is not visible) or the search for one. */
export async function templatNewPage(db: Db, actor: Actor, q: SearchSkpQuery) {
  const locals = await templatFormLocals(db, actor, q.skpId);
  if (q.skpId && !locals.skp) throw new NotFound();
  const siklus = await db.prisma.siklus.findMany({ orderBy: { tahun: 'desc' }, select: { id: true, tahun: true } });
  const hasil = locals.skp ? [] : await searchSkp(db, q);
  return { ...locals, query: q, siklus, hasil, values: { skpId: q.skpId ?? '', nama: locals.skp ? `${locals.skp.pegawai.jabatan.nama} ${locals.skp.siklus.tahun}` : '' } };
}
