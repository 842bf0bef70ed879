import type { Db, Tx } from '../../db/client.js';
import { sqlOn } from '../../db/sql.js';
import type { Actor } from '../../domain/access.js';
import { skpEditable, type Fase } from '../../domain/siklus.js';
import { Conflict, NotFound, Refused } from '../../errors.js';
import { formatters } from '../../i18n/index.js';
import { audit } from '../audit/service.js';
import { formOptions, getPegawai, resolveRefs } from '../org/pegawai-service.js';
import { createSuccessorSkp, refreshPenilaiSnapshot } from '../skp/draft-sql.js';
import { penilaiBerbedaRows, type PenilaiBerbedaRow } from './queries.js';
import type { MutasiInput, PindahPenilaiInput } from './schemas.js';

// A recorded move (mutasi / promosi) and what it does to the employee's SKPs
// (docs/domain/mutasi.md): the new position, unit and appraiser from the TMT date; optionally a
// new SKP from that date, the previous one closing the day before; and, when the appraiser
// changed, the explicit step that moves open SKPs to the new appraiser.

const DAY = 86_400_000;
/** A calendar date (YYYY-MM-DD) as the Date Prisma stores in a DATE column. */
const tanggalUtc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const tanggalId = (d: Date) => formatters('id').date(new Date(d.getTime() + 12 * 3_600_000)); // noon UTC: the same day in every Indonesian zone

/** The employee's open SKP a move can follow on: not closed, in a cycle where SKPs are still worked on; newest first. */
async function openSkpOf(tx: Tx | Db['prisma'], pegawaiId: number) {
  const list = await tx.skp.findMany({
    where: { pegawaiId, ditutupAt: null },
    orderBy: [{ siklus: { tahun: 'desc' } }, { periodeAwal: 'desc' }],
    select: { id: true, version: true, status: true, siklusId: true, periodeAwal: true, periodeAkhir: true, penilaiId: true, siklus: { select: { tahun: true, fase: true } } },
  });
  return list.find((s) => skpEditable(s.siklus.fase as Fase)) ?? null;
}

/** The move form: the employee (HR sees everyone), the positions to choose from, and the open SKP a new one would follow. */
export async function mutasiPage(db: Db, actor: Actor, pegawaiId: number) {
  const pegawai = await getPegawai(db, actor, pegawaiId);
  const [options, skpTerbuka] = await Promise.all([formOptions(db), openSkpOf(db.prisma, pegawai.id)]);
  return { pegawai, ...options, skpTerbuka };
}

/**
 * Records a move: the employee's new position (its unit follows) and appraiser, a history row
 * with the TMT, and with `skpBaru` a new SKP from the TMT to 31 December with its own appraiser
 * and snapshot, the previous one ending the day before and closed. One transaction, audited,
 * checked against the versions the form was loaded with. Refused: a TMT outside the open SKP's
 * cycle year, or not after the previous SKP's first day.
 */
export async function recordMutasi(db: Db, actor: Actor, pegawaiId: number, input: MutasiInput) {
  const tmt = tanggalUtc(input.tmt);
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.pegawai.findUnique({ where: { id: pegawaiId } });
    if (!before) throw new NotFound();
    const refs = await resolveRefs(
      tx,
      { nip: before.nip, nama: before.nama, jenisAsn: before.jenisAsn, pangkatGolongan: before.pangkatGolongan, email: before.email, jabatanId: input.jabatanId, penilaiNip: input.penilaiNip, penilaiLuarId: null },
      before.id,
      before.nama,
    );
    const penilaiBerubah = refs.penilaiId !== before.penilaiId && !(refs.penilaiId === null && before.penilaiLuarId !== null);
    if (refs.jabatanId === before.jabatanId && !penilaiBerubah) throw new Refused('mutasi.nothingChanged', { field: 'jabatanId' });

    // Check the SKP side before writing anything, so a refusal leaves the employee as they were.
    const prev = input.skpBaru ? await openSkpOf(tx, before.id) : null;
    if (input.skpBaru) {
      if (!prev) throw new Refused('mutasi.noOpenSkp', { field: 'skpBaru' });
      if (tmt.getUTCFullYear() !== prev.siklus.tahun) throw new Refused('mutasi.tmtOutsideYear', { field: 'tmt', tahun: prev.siklus.tahun });
      if (tmt.getTime() <= prev.periodeAwal.getTime()) throw new Refused('mutasi.tmtNotAfter', { field: 'tmt', tanggal: tanggalId(prev.periodeAwal) });
      if (input.skpVersion !== prev.version) throw new Conflict();
    }

    const penilaiLuar = refs.penilaiId !== null ? { penilaiLuarId: null } : {};
    const { count } = await tx.pegawai.updateMany({
      where: { id: before.id, version: input.version },
      data: { ...refs, ...penilaiLuar, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (count === 0) throw new Conflict();
    const keterangan = `${input.jenis === 'PROMOSI' ? 'Promosi' : 'Mutasi'}${input.keterangan ? `: ${input.keterangan}` : ''}`;
    await tx.riwayatPegawai.create({ data: { pegawaiId: before.id, ...refs, aktif: before.aktif, tmt, keterangan, olehUserId: actor.userId } });

    let skp: { ditutup: number; baru: number } | null = null;
    if (prev) {
      const akhir = new Date(tmt.getTime() - DAY);
      const closed = await tx.skp.updateMany({
        where: { id: prev.id, version: prev.version, ditutupAt: null },
        data: { periodeAkhir: akhir, ditutupAt: new Date(), version: { increment: 1 }, updatedAt: new Date() },
      });
      if (closed.count === 0) throw new Conflict();
      const baru = await createSuccessorSkp(sqlOn(tx), { id: prev.id, siklusId: prev.siklusId, pegawaiId: before.id }, input.tmt);
      skp = { ditutup: prev.id, baru };
      await audit(tx, actor, { aksi: 'skp.close', entitas: 'skp', entitasId: prev.id, before: { periodeAkhir: isoOf(prev.periodeAkhir) }, after: { periodeAkhir: isoOf(akhir), penerus: baru } });
      await audit(tx, actor, { aksi: 'skp.startSuccessor', entitas: 'skp', entitasId: baru, after: { sebelumnya: prev.id, periodeAwal: input.tmt, penilaiId: refs.penilaiId } });
    }
    const after = await tx.pegawai.findUniqueOrThrow({ where: { id: before.id } });
    await audit(tx, actor, {
      aksi: 'pegawai.move',
      entitas: 'pegawai',
      entitasId: before.id,
      before: { jabatanId: before.jabatanId, unitId: before.unitId, penilaiId: before.penilaiId },
      after: { jenis: input.jenis, tmt: input.tmt, jabatanId: after.jabatanId, unitId: after.unitId, penilaiId: after.penilaiId, skp },
    });
    return { pegawai: after, skp };
  });
}

/** The open SKPs whose appraiser is not the employee's current one (all of them, or one employee's). */
export async function penilaiBerbeda(db: Db, pegawaiId: number | null = null): Promise<PenilaiBerbedaRow[]> {
  return penilaiBerbedaRows(db.sql, pegawaiId);
}

/** HR's list page "SKP yang penilainya berbeda". */
export async function penilaiBerbedaPage(db: Db) {
  return { rows: await penilaiBerbeda(db) };
}

/**
 * Moves the listed open SKPs to their employee's current appraiser (one, or all at once): in one
 * transaction, each checked against the version it was listed at and still open and still
 * different, its snapshot's appraiser taken afresh; one audit entry per SKP. Approved versions are
 * not touched: they keep who signed them. Returns how many moved.
 */
export async function moveSkpToPenilai(db: Db, actor: Actor, input: PindahPenilaiInput): Promise<number> {
  return db.prisma.$transaction(async (tx) => {
    for (const item of input.daftar) {
      const s = await tx.skp.findUnique({
        where: { id: item.id },
        select: { id: true, version: true, ditutupAt: true, penilaiId: true, penilaiLuarId: true, siklus: { select: { fase: true } }, pegawai: { select: { penilaiId: true, penilaiLuarId: true } } },
      });
      if (!s) throw new NotFound();
      if (s.version !== item.version) throw new Conflict();
      if (s.ditutupAt !== null || s.siklus.fase === 'SELESAI' || s.siklus.fase === 'ARSIP') throw new Refused('mutasi.pindah.closed');
      const target = { penilaiId: s.pegawai.penilaiId, penilaiLuarId: s.pegawai.penilaiLuarId };
      if (target.penilaiId === s.penilaiId && target.penilaiLuarId === s.penilaiLuarId) throw new Conflict();
      const { count } = await tx.skp.updateMany({ where: { id: s.id, version: item.version }, data: { ...target, version: { increment: 1 }, updatedAt: new Date() } });
      if (count === 0) throw new Conflict();
      await refreshPenilaiSnapshot(sqlOn(tx), s.id);
      await audit(tx, actor, { aksi: 'skp.penilai.move', entitas: 'skp', entitasId: s.id, before: { penilaiId: s.penilaiId, penilaiLuarId: s.penilaiLuarId }, after: target });
    }
    return input.daftar.length;
  });
}
