import type { Db, Tx } from '../../../db/client.js';
import { sqlOn, type Sql } from '../../../db/sql.js';
import type { Actor } from '../../../domain/access.js';
import { penetapPredikat, type Penetap } from '../../../domain/scoring/penetapan.js';
import type { PredikatOrganisasi } from '../../../domain/scoring/distribusi.js';
import type { Fase } from '../../../domain/siklus.js';
import { Conflict, Forbidden, NotFound, Refused } from '../../../errors.js';
import type { BerkasStore } from '../../../storage/berkas-store.js';
import { audit } from '../../audit/service.js';
import { BUKTI_DUKUNG, dropBerkasSekali, linkBerkas, putBerkasSekali, readBerkas, type BerkasSekali, type BerkasUpload } from '../../berkas/service.js';
import { finalDiAtas, jabatanOf, kunciPredikat, penetapanRows, siklusPilihan, unitById, unitDiBawah, unitNama, type UnitRow } from './queries.js';
import type { PredikatInput } from './schemas.js';

// A unit's Predikat Kinerja Organisasi (docs/domain/kalibrasi.md § Organisation predikat): who may
// set it (src/domain/scoring/penetapan.ts), the list of units a viewer sets, the form with its
// basis (capaian of the Perjanjian Kinerja, the written basis, attachments checked by content) and
// the write, version-checked and audited. Set from PENILAIAN until the cycle is SELESAI, and not
// for a unit whose calibration (or that of a unit above) is final. Anyone who may neither set nor
// read a unit's predikat finds nothing (404).

/** The phases in which a predikat may be set. */
export const FASE_PENETAPAN: readonly Fase[] = ['PENILAIAN', 'KALIBRASI'];
/** The largest attachment (as a report's evidence). */
export const LAMPIRAN_MAX_BYTES = 10 * 1024 * 1024;
/** At most this many attachments per predikat. */
export const LAMPIRAN_MAKS = 10;

/** The units whose predikat `actor` may set (as penetapPredikat decides), by name. */
async function unitDitetapkan(q: Sql, actor: Actor, jabatanId: number | null): Promise<UnitRow[]> {
  let rows: UnitRow[];
  if (actor.pejabatLuarId !== null || actor.isAdmin) rows = await unitDiBawah(q, null);
  else {
    const posts = [...(jabatanId !== null ? [jabatanId] : []), ...actor.delegasi.map((d) => d.jabatanId)];
    if (!posts.length) return [];
    rows = await unitDiBawah(q, posts);
  }
  return rows.filter((u) => penetapPredikat(actor, jabatanId, u) !== null);
}

/**
 * The list page: the cycle (asked for, else the newest from PENILAIAN on), the units the viewer
 * sets with what is set, and for HR every unit's predikat of the cycle (read). Someone who sets
 * nothing and is not HR finds no such page.
 */
export async function predikatListPage(db: Db, actor: Actor, q: { siklus?: number }) {
  const jabatanId = await jabatanOf(db.sql, actor);
  const units = await unitDitetapkan(db.sql, actor, jabatanId);
  if (!units.length && !actor.isAdmin) throw new NotFound();
  const { siklusList, siklus } = await siklusPilihan(db.sql, q.siklus ?? null);
  const set = siklus ? await penetapanRows(db.sql, siklus.id, actor.isAdmin ? null : units.map((u) => u.id)) : [];
  const byUnit = new Map(set.map((p) => [p.unitId, p]));
  const semua = actor.isAdmin && siklus
    ? await unitNama(db.sql, set.map((p) => p.unitId))
    : [];
  return {
    siklusList,
    siklus,
    terbuka: siklus !== null && FASE_PENETAPAN.includes(siklus.fase),
    ditetapkan: units.map((u) => ({ unit: u, penetapan: byUnit.get(u.id) ?? null, sebagai: penetapPredikat(actor, jabatanId, u)!.sebagai })),
    semua: semua.map((u) => ({ unit: u, penetapan: byUnit.get(u.id)! })),
  };
}

/** A unit as the rule reads it, or NotFound. */
async function unitPenetapan(q: Sql, unitId: number): Promise<UnitRow> {
  const u = await unitById(q, unitId);
  if (!u) throw new NotFound();
  return u;
}

/**
 * Who may read a unit's predikat page: whoever may set it, HR, whoever heads the unit (or acts for
 * its head post), and a pimpinan whose subtree holds it.
 */
function bolehBaca(actor: Actor, jabatanId: number | null, u: UnitRow, penetap: Penetap | null): boolean {
  if (penetap || actor.isAdmin) return true;
  if (actor.pejabatLuarId !== null) return false;
  if (u.kepalaJabatanId !== null && (jabatanId === u.kepalaJabatanId || actor.delegasi.some((d) => d.jabatanId === u.kepalaJabatanId))) return true;
  return actor.isPimpinan && actor.pimpinanPath !== null && u.path.startsWith(actor.pimpinanPath);
}

async function siklusOf(q: Sql, siklusId: number | undefined) {
  const { siklusList, siklus } = await siklusPilihan(q, siklusId ?? null);
  if (!siklus || (siklusId !== undefined && siklus.id !== siklusId)) throw new NotFound();
  return { siklusList, siklus };
}

/** The form (or the read-only view) of one unit's predikat in a cycle. */
export async function predikatUnitPage(db: Db, actor: Actor, unitId: number, q: { siklus?: number }) {
  const jabatanId = await jabatanOf(db.sql, actor);
  const u = await unitPenetapan(db.sql, unitId);
  const penetap = penetapPredikat(actor, jabatanId, u);
  if (!bolehBaca(actor, jabatanId, u, penetap)) throw new NotFound();
  const { siklusList, siklus } = await siklusOf(db.sql, q.siklus);
  const penetapan = (await penetapanRows(db.sql, siklus.id, [u.id]))[0] ?? null;
  const lampiran = penetapan
    ? await db.prisma.penetapanPredikatBerkas.findMany({ where: { penetapanPredikatId: penetapan.id }, orderBy: { id: 'asc' }, select: { berkas: { select: { id: true, nama: true, ukuran: true } } } })
    : [];
  const terbuka = FASE_PENETAPAN.includes(siklus.fase);
  const final = await finalDiAtas(db.sql, siklus.id, u.path);
  const pejabat = penetap?.penetapLuarId ? await db.prisma.pejabatLuar.findUnique({ where: { id: penetap.penetapLuarId }, select: { nama: true, jabatan: true } }) : null;
  return {
    siklusList, siklus, unit: u, penetap, pejabat, penetapan, lampiran: lampiran.map((l) => l.berkas),
    terbuka, final, bolehUbah: penetap !== null && terbuka && !final,
    lampiranMaks: LAMPIRAN_MAKS,
  };
}

/**
 * Sets (or changes) a unit's organisation predikat in a cycle, with its basis and any new
 * attachments (each checked by its content and stored once per content): only by the one the
 * rule names, in PENILAIAN or KALIBRASI, not once the calibration covering it is final; against
 * the version the form was shown (null: none was set yet). HR recording for the agency on behalf
 * of its head's appraiser outside the agency must attach that official's signed document. In one
 * transaction with the attachments' rows and the audit entry.
 */
export async function tetapkanPredikatOrganisasi(
  db: Db,
  store: BerkasStore,
  actor: Actor,
  siklusId: number,
  unitId: number,
  input: PredikatInput,
  files: readonly BerkasUpload[],
): Promise<{ unit: string; predikat: PredikatOrganisasi; id: number }> {
  const jabatanId = await jabatanOf(db.sql, actor);
  const u = await unitPenetapan(db.sql, unitId);
  const penetap = penetapPredikat(actor, jabatanId, u);
  if (!penetap) {
    if (bolehBaca(actor, jabatanId, u, null)) throw new Forbidden('kalibrasi.predikat.err.bukanPenetap');
    throw new NotFound();
  }
  const siklus = await db.prisma.siklus.findUnique({ where: { id: siklusId }, select: { id: true, fase: true } });
  if (!siklus) throw new NotFound();
  if (!FASE_PENETAPAN.includes(siklus.fase as Fase)) throw new Refused('kalibrasi.predikat.err.fase');
  const stored: BerkasSekali[] = [];
  try {
    for (const f of files) stored.push(await putBerkasSekali(db.prisma, store, f, BUKTI_DUKUNG, 'berkas', 'kalibrasi.predikat.err.jenisBerkas'));
    return await db.prisma.$transaction(async (tx) => {
      const q = sqlOn(tx);
      await kunciPredikat(q, unitId);
      if (await finalDiAtas(q, siklusId, u.path)) throw new Refused('kalibrasi.predikat.err.final');
      const before = await tx.penetapanPredikat.findUnique({ where: { siklusId_unitId: { siklusId, unitId } }, include: { berkas: { select: { berkasId: true } } } });
      if ((before?.version ?? null) !== input.version) {
        // the same form sent twice (a double click): the first one saved exactly this, so there is nothing to do
        const same = before && before.olehUserId === actor.userId && before.version === (input.version ?? 0) + 1 && before.predikat === input.predikat
          && before.dasar === input.dasar && before.capaianPk?.toFixed(2) === input.capaianPk.toFixed(2) && files.length === 0;
        if (same) return { unit: u.nama, predikat: before.predikat as PredikatOrganisasi, id: before.id };
        throw new Conflict();
      }
      const already = before?.berkas.length ?? 0;
      if (already + files.length > LAMPIRAN_MAKS) throw new Refused('kalibrasi.predikat.err.lampiranPenuh', { field: 'berkas', max: LAMPIRAN_MAKS });
      if (penetap.sebagai === 'atasNama' && already + files.length === 0) throw new Refused('kalibrasi.predikat.err.atasNamaBerkas', { field: 'berkas' });
      const data = {
        predikat: input.predikat,
        capaianPk: input.capaianPk.toFixed(2),
        dasar: input.dasar,
        penetapPegawaiId: penetap.penetapPegawaiId,
        penetapLuarId: penetap.penetapLuarId,
        dicatatHr: penetap.sebagai === 'atasNama',
        olehUserId: actor.userId,
        at: new Date(),
      };
      const row = before
        ? await tx.penetapanPredikat.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } })
        : await tx.penetapanPredikat.create({ data: { siklusId, unitId, ...data } });
      const berkasIds: number[] = [];
      for (const b of stored) {
        const id = await linkBerkas(tx as Tx, b, actor.userId);
        if (before?.berkas.some((x) => x.berkasId === id) || berkasIds.includes(id)) continue; // the same content twice is one attachment
        berkasIds.push(id);
        await tx.penetapanPredikatBerkas.create({ data: { penetapanPredikatId: row.id, berkasId: id } });
      }
      await audit(tx, actor, {
        aksi: 'predikatOrganisasi.set',
        entitas: 'penetapan_predikat',
        entitasId: row.id,
        before: before ? { predikat: before.predikat, capaianPk: before.capaianPk?.toString() ?? null, dasar: before.dasar, version: before.version } : undefined,
        after: {
          siklusId, unitId, predikat: row.predikat, capaianPk: data.capaianPk, dasar: row.dasar, version: row.version, berkas: berkasIds,
          sebagai: penetap.sebagai, penetapPegawaiId: penetap.penetapPegawaiId, penetapLuarId: penetap.penetapLuarId,
          ...(penetap.delegasi ? { delegasi: { id: penetap.delegasi.id, jenis: penetap.delegasi.jenis, nomorSk: penetap.delegasi.nomorSk } } : {}),
          ...(penetap.sebagai === 'atasNama' ? { dicatatOleh: actor.label } : {}),
        },
      });
      return { unit: u.nama, predikat: row.predikat as PredikatOrganisasi, id: row.id };
    });
  } catch (e) {
    for (const b of stored) await dropBerkasSekali(store, b);
    throw e;
  }
}

/** An attachment of a unit's predikat, for whoever may read that predikat (others: 404). */
export async function predikatBerkas(db: Db, store: BerkasStore, actor: Actor, unitId: number, berkasId: number, q: { siklus?: number }) {
  const jabatanId = await jabatanOf(db.sql, actor);
  const u = await unitPenetapan(db.sql, unitId);
  if (!bolehBaca(actor, jabatanId, u, penetapPredikat(actor, jabatanId, u))) throw new NotFound();
  const { siklus } = await siklusOf(db.sql, q.siklus);
  const link = await db.prisma.penetapanPredikatBerkas.findFirst({ where: { berkasId, penetapanPredikat: { siklusId: siklus.id, unitId: u.id } }, select: { berkas: true } });
  if (!link) throw new NotFound();
  const file = await readBerkas(store, link.berkas);
  if (!file) throw new NotFound();
  return file;
}
