import type { Db, Tx } from '../../db/client.js';
import { sqlOn } from '../../db/sql.js';
import type { Clock } from '../../clock.js';
import type { Actor } from '../../domain/access.js';
import { jendelaKeberatan, pemutusAs, tentukanPemutus, type KeberatanPihak, type PutusSebagai } from '../../domain/keberatan.js';
import { isZonaWaktu, type ZonaWaktu } from '../../domain/periode-laporan.js';
import { parsePolicy } from '../../domain/scoring/policy.js';
import { PREDIKAT_LABEL, predikat, type Predikat } from '../../domain/scoring/predikat.js';
import { Conflict, Forbidden, NotFound, Refused } from '../../errors.js';
import { LABELS } from '../../i18n/labels.js';
import type { BerkasStore } from '../../storage/berkas-store.js';
import { audit } from '../audit/service.js';
import { BUKTI_DUKUNG, linkBerkas, putBerkasSekali, readBerkas, type BerkasSekali, type BerkasUpload } from '../berkas/service.js';
import { pastikanDokumen, terbitkanUlang } from '../evaluasi/dokumen/terbit.js';
import { angkaKreditFinal } from '../evaluasi/finalisasi/service.js';
import { akSaran } from '../evaluasi/finalisasi/queries.js';
import { cekUnit } from '../evaluasi/kalibrasi/service.js';
import { notify, type Pemberitahuan } from '../notifikasi/notify.js';
import { cycleChoice } from '../skp/review/queries.js';
import { daftarKeberatan, lockEvaluasi, lockEvaluasiPegawai, lockKeberatan, unitCekPegawai } from './queries.js';
import { LAMPIRAN_MAKS, type PutusInput } from './schemas.js';

// Objections to the final annual evaluation (docs/domain/keberatan.md; PP 30/2019 Pasal 59): the
// employee files one within the window with reasons and attachments; the atasan pejabat penilai
// fixed at filing (or their Plt/Plh, the official outside the agency by login, or HR on their
// behalf) may ask the appraiser for a written response and decides, once: uphold, or change the
// ratings, which re-issues the Dokumen Evaluasi. Who sees one: the employee, the appraiser whose
// rating it is, the decider, HR. Anyone else finds nothing (404).

/** The day the window closed, as the refusal names it (id-ID: "3 Februari 2027"). */
const TANGGAL_ID = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const tanggalId = (iso: string) => TANGGAL_ID.format(new Date(`${iso}T00:00:00Z`));

const zonaOf = (z: string): ZonaWaktu => (isZonaWaktu(z) ? z : 'Asia/Jakarta');

/** An attachment checked and stored, waiting in the session until its form is sent. */
export type LampiranDitahan = { nama: string; ukuran: number; berkas: BerkasSekali };

/** Checks a file's content (the evidence kinds) and stores it; the form holds it until sent. */
export async function simpanLampiran(db: Db, store: BerkasStore, file: BerkasUpload, sudah: number): Promise<LampiranDitahan> {
  if (sudah >= LAMPIRAN_MAKS) throw new Refused('keberatan.err.lampiranPenuh', { field: 'berkas', max: LAMPIRAN_MAKS });
  const berkas = await putBerkasSekali(db.prisma, store, file, BUKTI_DUKUNG, 'berkas', 'laporan.err.jenisBerkas');
  return { nama: file.nama.replace(/[\u0000-\u001f\\/]/g, '').trim().slice(0, 255) || 'berkas', ukuran: file.bytes.length, berkas };
}

// ---- The employee's page -------------------------------------------------------------------

const PENILAI_SELECT = { select: { id: true, nama: true, nip: true, penilaiId: true, penilaiLuarId: true, penilai: { select: { id: true, nama: true } }, penilaiLuar: { select: { id: true, nama: true, jabatan: true, instansi: true } } } } as const;

/** Who will decide, as the filing page names them (null: nobody can; 'hr': HR records it for the official's superior). */
async function pemutusTampil(db: Db | { prisma: Tx }, e: { pegawaiId: number; penilaiId: number | null; penilaiLuarId: number | null }) {
  const penilai = e.penilaiId === null ? null : await db.prisma.pegawai.findUnique({ where: { id: e.penilaiId }, ...PENILAI_SELECT });
  const p = tentukanPemutus({ pegawaiId: e.pegawaiId, penilai, penilaiLuarId: e.penilaiLuarId });
  if (p === 'tanpaAtasan') return { pemutus: p, nama: null, penilaiNama: penilai?.nama ?? null };
  const nama = p.pemutusId !== null ? (penilai?.penilai?.nama ?? null) : p.pemutusLuarId !== null ? (penilai?.penilaiLuar?.nama ?? null) : null;
  return { pemutus: p, nama, penilaiNama: penilai?.nama ?? null };
}

/** The employee's objection page of a cycle: the final evaluation, the window, and the objection once filed. */
export async function sayaPage(db: Db, actor: Actor, q: { siklus?: number }, clock: Clock) {
  if (actor.pegawaiId === null) throw new NotFound();
  // without a choice: the latest year the employee has a final evaluation of (the one an objection is about)
  const terakhir = q.siklus === undefined ? await db.prisma.evaluasiTahunan.findFirst({ where: { pegawaiId: actor.pegawaiId, status: 'FINAL' }, orderBy: { siklus: { tahun: 'desc' } }, select: { siklusId: true } }) : null;
  const { list, chosenId } = await cycleChoice(db.sql, q.siklus ?? terakhir?.siklusId ?? null);
  const siklusOpt = list.find((s) => s.id === chosenId) ?? null;
  const base = { siklusList: list, siklus: siklusOpt, evaluasi: null, keberatan: null, jendela: null, pemutus: null };
  if (!siklusOpt) return base;
  const siklus = await db.prisma.siklus.findUniqueOrThrow({ where: { id: siklusOpt.id }, select: { id: true, tahun: true, fase: true, zonaWaktu: true, policy: true } });
  const e = await db.prisma.evaluasiTahunan.findUnique({ where: { siklusId_pegawaiId: { siklusId: siklus.id, pegawaiId: actor.pegawaiId } } });
  if (!e || e.status !== 'FINAL') return base;
  const k = await db.prisma.keberatan.findUnique({ where: { evaluasiId: e.id }, select: { id: true, status: true, keputusan: true, diajukanAt: true, diputusAt: true, predikatBaru: true } });
  const jendela = jendelaKeberatan({ diberitahuAt: e.diberitahuAt, zona: zonaOf(siklus.zonaWaktu), hari: parsePolicy(siklus.policy).keberatan.hari, now: clock.now() });
  return {
    ...base,
    evaluasi: { id: e.id, ratingHasilKerja: e.ratingHasilKerja, ratingPerilaku: e.ratingPerilaku, predikat: e.predikat, diberitahuAt: e.diberitahuAt },
    keberatan: k,
    jendela: { ...jendela, batasTeks: 'batasTanggal' in jendela ? tanggalId(jendela.batasTanggal) : null },
    pemutus: k ? null : await pemutusTampil(db, e),
  };
}

// ---- Filing --------------------------------------------------------------------------------

/** The recipients of a notification to the decider: the employee, the external official's login, or (none in the system) HR. */
async function penerimaPemutus(tx: Tx, k: { pemutusId: number | null; pemutusLuarId: number | null }): Promise<{ userId?: number; pegawaiId?: number }[]> {
  if (k.pemutusId !== null) return [{ pegawaiId: k.pemutusId }];
  const luar = k.pemutusLuarId === null ? null : await tx.user.findFirst({ where: { pejabatLuarId: k.pemutusLuarId, aktif: true }, select: { id: true } });
  if (luar) return [{ userId: luar.id }];
  const hr = await tx.user.findMany({ where: { peran: { has: 'ADMIN' }, aktif: true, pejabatLuarId: null }, select: { id: true } });
  return hr.map((u) => ({ userId: u.id }));
}

/** The appraiser as a recipient: the employee appraiser, or the external official's login (none: nobody). */
async function penerimaPenilai(tx: Tx, e: { penilaiId: number | null; penilaiLuarId: number | null }): Promise<{ userId?: number; pegawaiId?: number }[]> {
  if (e.penilaiId !== null) return [{ pegawaiId: e.penilaiId }];
  const luar = e.penilaiLuarId === null ? null : await tx.user.findFirst({ where: { pejabatLuarId: e.penilaiLuarId, aktif: true }, select: { id: true } });
  return luar ? [{ userId: luar.id }] : [];
}

/**
 * Files the actor's objection to their FINAL evaluation of the cycle, with its held attachments:
 * inside the window (refused after it, naming the day it closed), one per evaluation (the same
 * objection sent twice returns the first: `baru` false), the decider fixed now (refused when the
 * appraiser has no superior in the system). Notifies the decider (KEBERATAN_DIAJUKAN); audited.
 */
export async function ajukanKeberatan(db: Db, actor: Actor, siklusId: number, alasan: string, lampiran: readonly LampiranDitahan[], clock: Clock): Promise<{ id: number; baru: boolean }> {
  if (actor.pegawaiId === null) throw new NotFound();
  const pegawaiId = actor.pegawaiId;
  if (lampiran.length > LAMPIRAN_MAKS) throw new Refused('keberatan.err.lampiranPenuh', { field: 'berkas', max: LAMPIRAN_MAKS });
  return db.prisma.$transaction(async (tx) => {
    const q = sqlOn(tx);
    const locked = await lockEvaluasiPegawai(q, siklusId, pegawaiId);
    if (!locked) throw new NotFound();
    const e = await tx.evaluasiTahunan.findUniqueOrThrow({ where: { id: locked.id }, include: { siklus: { select: { tahun: true, zonaWaktu: true, policy: true } }, pegawai: { select: { nama: true } } } });
    if (e.status !== 'FINAL') throw new Refused('keberatan.err.belumFinal');
    const sudah = await tx.keberatan.findUnique({ where: { evaluasiId: e.id }, select: { id: true } });
    if (sudah) return { id: sudah.id, baru: false }; // one per evaluation: a second send finds the first
    const now = clock.now();
    const jendela = jendelaKeberatan({ diberitahuAt: e.diberitahuAt, zona: zonaOf(e.siklus.zonaWaktu), hari: parsePolicy(e.siklus.policy).keberatan.hari, now });
    if (!jendela.buka) {
      if (jendela.sebab === 'belumDiberitahu') throw new Refused('keberatan.err.belumDiberitahu');
      throw new Refused('keberatan.err.lewatBatas', { tanggal: tanggalId(jendela.batasTanggal) });
    }
    const siapa = await pemutusTampil({ prisma: tx }, e);
    if (siapa.pemutus === 'tanpaAtasan') throw new Refused('keberatan.err.tanpaAtasan', { penilai: siapa.penilaiNama ?? '—' });
    const { pemutusId, pemutusLuarId } = siapa.pemutus;
    const k = await tx.keberatan.create({
      data: {
        siklusId, pegawaiId, evaluasiId: e.id, alasan, batasTanggal: new Date(`${jendela.batasTanggal}T00:00:00Z`), diajukanAt: now, diajukanOlehUserId: actor.userId,
        semulaHasilKerja: e.ratingHasilKerja, semulaPerilaku: e.ratingPerilaku, semulaPredikat: e.predikat, pemutusId, pemutusLuarId, createdAt: now, updatedAt: now,
      },
    });
    const berkasIds: number[] = [];
    for (const l of lampiran) {
      const berkasId = await linkBerkas(tx, l.berkas, actor.userId);
      berkasIds.push(berkasId);
      await tx.keberatanBerkas.create({ data: { keberatanId: k.id, berkasId, dariPenilai: false, createdAt: now } });
    }
    await audit(tx, actor, {
      aksi: 'keberatan.create', entitas: 'keberatan', entitasId: k.id,
      after: { siklusId, pegawaiId, evaluasiId: e.id, alasan, batasTanggal: jendela.batasTanggal, semula: { ratingHasilKerja: e.ratingHasilKerja, ratingPerilaku: e.ratingPerilaku, predikat: e.predikat }, pemutusId, pemutusLuarId, berkas: berkasIds },
    });
    await notify(q, (await penerimaPemutus(tx, k)).map((r) => ({ ...r, jenis: 'KEBERATAN_DIAJUKAN' as const, params: { nama: e.pegawai.nama, tahun: e.siklus.tahun }, tautan: `/keberatan/${k.id}`, kunci: `keberatan-diajukan:${k.id}:${r.userId ?? `p${r.pegawaiId}`}` })));
    return { id: k.id, baru: true };
  });
}

// ---- One objection -------------------------------------------------------------------------

const KEBERATAN_INCLUDE = {
  siklus: { select: { id: true, tahun: true, fase: true } },
  pegawai: { select: { id: true, nama: true, nip: true, unit: { select: { nama: true } } } },
  evaluasi: {
    include: {
      penilai: { select: { id: true, nama: true, nip: true } },
      penilaiLuar: { select: { id: true, nama: true, jabatan: true, instansi: true } },
      dokumen: { select: { id: true, nomor: true, diterbitkanAt: true, digantikanAt: true, keberatanId: true }, orderBy: { nomor: 'asc' as const } },
    },
  },
  pemutus: { select: { id: true, nama: true, nip: true, jabatanId: true } },
  pemutusLuar: { select: { id: true, nama: true, jabatan: true, instansi: true } },
  delegasi: { select: { jenis: true, nomorSk: true } },
  berkas: { include: { berkas: { select: { id: true, nama: true, mime: true, ukuran: true } } }, orderBy: { id: 'asc' as const } },
} as const;

type Client = Db | { prisma: Tx };

/** A unit's distribution check as a decision records it (null: no check, the unit has no organisation predikat). */
type RingkasCek = { hasil: 'OK' | 'PERINGATAN' | 'PELANGGARAN'; pelanggaran: number; justifikasiSesuai: boolean | null } | null;
type CekCatatan = { unitId: number; sebelum: RingkasCek; sesudah: RingkasCek };

const pihakOf = (k: { pegawaiId: number; pemutusId: number | null; pemutusLuarId: number | null; pemutus: { jabatanId: number } | null; evaluasi: { penilaiId: number | null; penilaiLuarId: number | null } }): KeberatanPihak => ({
  pegawaiId: k.pegawaiId, penilaiId: k.evaluasi.penilaiId, penilaiLuarId: k.evaluasi.penilaiLuarId,
  pemutusId: k.pemutusId, pemutusLuarId: k.pemutusLuarId, pemutusJabatanId: k.pemutus?.jabatanId ?? null,
});

/** The objection and the actor's part in it; NotFound for anyone who has none. */
async function muatKeberatan(db: Client, actor: Actor, id: number) {
  const k = await db.prisma.keberatan.findUnique({ where: { id }, include: KEBERATAN_INCLUDE });
  if (!k) throw new NotFound();
  const pihak = pihakOf(k);
  const putus = pemutusAs(actor, pihak);
  const peran = {
    pegawai: actor.pegawaiId !== null && actor.pegawaiId === k.pegawaiId,
    penilai: (actor.pegawaiId !== null && actor.pegawaiId === k.evaluasi.penilaiId) || (actor.pejabatLuarId !== null && actor.pejabatLuarId === k.evaluasi.penilaiLuarId),
    hr: actor.isAdmin && actor.pejabatLuarId === null,
    /** how the actor decides it (null: they do not; 'pihak': a party, who never decides) */
    putus,
  };
  if (!peran.pegawai && !peran.penilai && !peran.hr && (putus === null || putus === 'pihak')) throw new NotFound();
  return { k, peran };
}

/** The page of one objection: both parties' statements, the evaluation as it stands, the documents, and what the actor may do. */
export async function keberatanPage(db: Db, actor: Actor, id: number) {
  const { k, peran } = await muatKeberatan(db, actor, id);
  const putus = peran.putus !== null && peran.putus !== 'pihak' ? peran.putus : null;
  const terbuka = k.status !== 'DIPUTUS';
  // a changed rating: the unit's distribution check before and after, as the decision recorded it
  const dicatat = k.keputusan === 'UBAH' ? await db.prisma.auditLog.findFirst({ where: { aksi: 'evaluasi.reviseByKeberatan', entitas: 'evaluasi_tahunan', entitasId: String(k.evaluasiId) }, orderBy: { id: 'desc' }, select: { after: true } }) : null;
  const cek = (dicatat?.after as { kalibrasi?: CekCatatan | null } | null)?.kalibrasi ?? null;
  const kalibrasi = cek ? { ...cek, unit: (await db.prisma.unitKerja.findUnique({ where: { id: cek.unitId }, select: { nama: true } }))?.nama ?? '—' } : null;
  return {
    keberatan: k,
    evaluasi: k.evaluasi,
    lampiranPegawai: k.berkas.filter((b) => !b.dariPenilai),
    lampiranPenilai: k.berkas.filter((b) => b.dariPenilai),
    dokumen: k.evaluasi.dokumen,
    peran: { pegawai: peran.pegawai, penilai: peran.penilai, hr: peran.hr, putus },
    bisaMinta: putus !== null && k.status === 'DIAJUKAN',
    bisaTanggapi: k.status === 'TANGGAPAN_DIMINTA' && (peran.penilai || (peran.hr && k.evaluasi.penilaiLuarId !== null && actor.pejabatLuarId === null && !peran.pegawai)),
    bisaPutus: putus !== null && terbuka,
    /** HR recording for someone outside the system names them in the reasons */
    pemutusDiLuarSistem: k.pemutusId === null && k.pemutusLuarId === null,
    kalibrasi,
  };
}

/** A file of the objection (the employee's or the appraiser's), for whoever may see the objection. */
export async function lampiranBerkas(db: Db, store: BerkasStore, actor: Actor, id: number, berkasId: number) {
  const { k } = await muatKeberatan(db, actor, id);
  const link = k.berkas.find((b) => b.berkasId === berkasId);
  if (!link) throw new NotFound();
  const row = await db.prisma.berkas.findUniqueOrThrow({ where: { id: berkasId } });
  const file = await readBerkas(store, row);
  if (!file) throw new NotFound();
  return file;
}

// ---- The response ----------------------------------------------------------------------------

/** Asks the appraiser for a written response (the decider, while the objection is newly filed). Version-checked; notifies the appraiser; audited. */
export async function mintaTanggapan(db: Db, actor: Actor, id: number, input: { version: number; permintaan: string }, clock: Clock): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await lockKeberatan(sqlOn(tx), id);
    const { k, peran } = await muatKeberatan({ prisma: tx }, actor, id);
    if (peran.putus === 'pihak') throw new Forbidden('keberatan.err.pihak');
    if (peran.putus === null) throw new Forbidden();
    // the same request sent twice (a double click): taken once
    if (k.status === 'TANGGAPAN_DIMINTA' && k.permintaanTanggapan === input.permintaan && k.version === input.version + 1) return;
    if (k.version !== input.version) throw new Conflict();
    if (k.status !== 'DIAJUKAN') throw new Refused('keberatan.err.status');
    const now = clock.now();
    await tx.keberatan.update({ where: { id }, data: { status: 'TANGGAPAN_DIMINTA', permintaanTanggapan: input.permintaan, tanggapanDimintaAt: now, version: { increment: 1 }, updatedAt: now } });
    await audit(tx, actor, { aksi: 'keberatan.tanggapan.request', entitas: 'keberatan', entitasId: id, before: { status: k.status, version: k.version }, after: { status: 'TANGGAPAN_DIMINTA', permintaan: input.permintaan, ...sebagai(actor, peran.putus) } });
    await notify(sqlOn(tx), (await penerimaPenilai(tx, k.evaluasi)).map((r) => ({ ...r, jenis: 'KEBERATAN_TANGGAPAN_DIMINTA' as const, params: { nama: k.pegawai.nama, tahun: k.siklus.tahun }, tautan: `/keberatan/${id}`, kunci: `keberatan-minta:${id}` })));
  });
}

/** The appraiser's written response, with its held attachments (while asked). Version-checked; notifies the decider; audited. */
export async function kirimTanggapan(db: Db, actor: Actor, id: number, input: { version: number; tanggapan: string }, lampiran: readonly LampiranDitahan[], clock: Clock): Promise<void> {
  if (lampiran.length > LAMPIRAN_MAKS) throw new Refused('keberatan.err.lampiranPenuh', { field: 'berkas', max: LAMPIRAN_MAKS });
  await db.prisma.$transaction(async (tx) => {
    await lockKeberatan(sqlOn(tx), id);
    const { k, peran } = await muatKeberatan({ prisma: tx }, actor, id);
    const hrAtasNama = peran.hr && k.evaluasi.penilaiLuarId !== null && !peran.pegawai;
    if (!peran.penilai && !hrAtasNama) throw new Forbidden();
    if (k.status === 'DITANGGAPI' && k.tanggapan === input.tanggapan && k.ditanggapiOlehUserId === actor.userId && k.version === input.version + 1) return;
    if (k.version !== input.version) throw new Conflict();
    if (k.status !== 'TANGGAPAN_DIMINTA') throw new Refused('keberatan.err.status');
    const now = clock.now();
    await tx.keberatan.update({ where: { id }, data: { status: 'DITANGGAPI', tanggapan: input.tanggapan, ditanggapiAt: now, ditanggapiOlehUserId: actor.userId, version: { increment: 1 }, updatedAt: now } });
    const berkasIds: number[] = [];
    for (const l of lampiran) {
      const berkasId = await linkBerkas(tx, l.berkas, actor.userId);
      berkasIds.push(berkasId);
      await tx.keberatanBerkas.create({ data: { keberatanId: id, berkasId, dariPenilai: true, createdAt: now } });
    }
    await audit(tx, actor, { aksi: 'keberatan.tanggapan.create', entitas: 'keberatan', entitasId: id, before: { status: k.status, version: k.version }, after: { status: 'DITANGGAPI', tanggapan: input.tanggapan, berkas: berkasIds, dicatatHr: !peran.penilai } });
    await notify(sqlOn(tx), (await penerimaPemutus(tx, k)).map((r) => ({ ...r, jenis: 'KEBERATAN_DITANGGAPI' as const, params: { nama: k.pegawai.nama, tahun: k.siklus.tahun }, tautan: `/keberatan/${id}`, kunci: `keberatan-tanggapan:${id}:${r.userId ?? `p${r.pegawaiId}`}` })));
  });
}

// ---- The decision ----------------------------------------------------------------------------

const sebagai = (actor: Actor, p: PutusSebagai) => ({
  sebagai: p.sebagai,
  ...(p.delegasi ? { delegasi: { id: p.delegasi.id, jenis: p.delegasi.jenis, nomorSk: p.delegasi.nomorSk } } : {}),
  ...(p.sebagai === 'atasNama' || p.sebagai === 'hr' ? { dicatatOleh: actor.label } : {}),
});

export type HasilPutus = { keputusan: 'TETAP' | 'UBAH'; nama: string; predikat: Predikat; dokumenNomor: number | null; sudah: boolean };

/**
 * Decides the objection, once and for good: TETAP (the evaluation stands) or UBAH (new ratings,
 * the predikat by the 6/2022 matrix, the angka kredit recomputed), with reasons. Only the decider
 * (or their Plt/Plh, the official by login, HR on their behalf); never the employee or the
 * appraiser (Forbidden, even when they act for the decider's post). Version-checked; the same
 * decision sent twice is taken once; a second, different decision is refused. On UBAH, in this one
 * transaction and in this order: the evaluation's row held, its document as it was ensured
 * (pastikanDokumen), the evaluation changed, the next document issued (terbitkanUlang), the unit's
 * distribution check run before and after and recorded in the audit entry. Notifies the employee
 * and the appraiser (KEBERATAN_DIPUTUS).
 */
export async function putusKeberatan(db: Db, actor: Actor, id: number, input: PutusInput, clock: Clock): Promise<HasilPutus> {
  return db.prisma.$transaction(async (tx) => {
    const q = sqlOn(tx);
    await lockKeberatan(q, id);
    const { k, peran } = await muatKeberatan({ prisma: tx }, actor, id);
    if (peran.putus === 'pihak') throw new Forbidden('keberatan.err.pihak');
    if (peran.putus === null) throw new Forbidden();
    const putus = peran.putus;
    const baru = input.keputusan === 'UBAH' ? { h: input.ratingHasilKerja!, p: input.ratingPerilaku! } : null;
    if (k.status === 'DIPUTUS') {
      // the same decision sent twice (a double click): taken once; anything else: the decision is final
      const same = k.keputusan === input.keputusan && k.alasanKeputusan === input.alasanKeputusan && k.diputusOlehUserId === actor.userId &&
        (baru === null || (k.hasilKerjaBaru === baru.h && k.perilakuBaru === baru.p));
      if (same) return { keputusan: input.keputusan, nama: k.pegawai.nama, predikat: k.evaluasi.predikat as Predikat, dokumenNomor: null, sudah: true };
      throw new Refused('keberatan.err.sudahDiputus');
    }
    if (k.version !== input.version) throw new Conflict();
    const e = k.evaluasi;
    if (baru && baru.h === e.ratingHasilKerja && baru.p === e.ratingPerilaku) throw new Refused('keberatan.err.tidakBerubah', { field: 'ratingHasilKerja' });
    const now = clock.now();
    const who = { diputusOlehUserId: actor.userId, delegasiId: putus.delegasi?.id ?? null, dicatatHr: putus.sebagai === 'atasNama' || putus.sebagai === 'hr' };
    let hasil: Predikat = e.predikat as Predikat;
    let dokumenNomor: number | null = null;
    let cek: CekCatatan | null = null;
    if (baru) {
      // the contract's order: hold the row, freeze the document as it was, change, re-issue
      await lockEvaluasi(q, e.id);
      await pastikanDokumen(tx, e.id, actor.userId);
      const unitId = await unitCekPegawai(q, k.siklusId, k.pegawaiId);
      const ringkas = async (): Promise<RingkasCek> => {
        if (unitId === null) return null;
        const c = await cekUnit({ sql: q }, k.siklusId, unitId);
        return c.cek ? { hasil: c.cek.hasil, pelanggaran: c.cek.pelanggaran.length, justifikasiSesuai: c.justifikasi?.sesuai ?? null } : null;
      };
      const sebelum = await ringkas();
      hasil = predikat(baru.h, baru.p);
      const ak = (await akSaran(q, k.siklusId, [k.pegawaiId]))[0]?.ak;
      const { count } = await tx.evaluasiTahunan.updateMany({
        where: { id: e.id, version: e.version, status: 'FINAL' },
        data: { ratingHasilKerja: baru.h, ratingPerilaku: baru.p, predikat: hasil, angkaKredit: angkaKreditFinal(ak, hasil), version: { increment: 1 }, updatedAt: now },
      });
      if (count === 0) throw new Conflict();
      const dok = await terbitkanUlang(tx, e.id, k.id, actor.userId);
      dokumenNomor = dok.nomor;
      if (unitId !== null) cek = { unitId, sebelum, sesudah: await ringkas() };
      await audit(tx, actor, {
        aksi: 'evaluasi.reviseByKeberatan', entitas: 'evaluasi_tahunan', entitasId: e.id,
        before: { ratingHasilKerja: e.ratingHasilKerja, ratingPerilaku: e.ratingPerilaku, predikat: e.predikat, angkaKredit: e.angkaKredit?.toString() ?? null, version: e.version },
        after: { ratingHasilKerja: baru.h, ratingPerilaku: baru.p, predikat: hasil, angkaKredit: angkaKreditFinal(ak, hasil), keberatanId: k.id, dokumenNomor, kalibrasi: cek },
      });
    }
    const { count } = await tx.keberatan.updateMany({
      where: { id, version: k.version, status: { not: 'DIPUTUS' } },
      data: {
        status: 'DIPUTUS', keputusan: input.keputusan, hasilKerjaBaru: baru?.h ?? null, perilakuBaru: baru?.p ?? null, predikatBaru: baru ? hasil : null,
        alasanKeputusan: input.alasanKeputusan, diputusAt: now, ...who, version: { increment: 1 }, updatedAt: now,
      },
    });
    if (count === 0) throw new Conflict();
    await audit(tx, actor, {
      aksi: 'keberatan.decide', entitas: 'keberatan', entitasId: id,
      before: { status: k.status, ratingHasilKerja: e.ratingHasilKerja, ratingPerilaku: e.ratingPerilaku, predikat: e.predikat, version: k.version },
      after: { status: 'DIPUTUS', keputusan: input.keputusan, ratingHasilKerja: baru?.h ?? e.ratingHasilKerja, ratingPerilaku: baru?.p ?? e.ratingPerilaku, predikat: hasil, alasan: input.alasanKeputusan, dokumenNomor, kalibrasi: cek, ...sebagai(actor, putus) },
    });
    const kepada: Pemberitahuan[] = [{ pegawaiId: k.pegawaiId }, ...(await penerimaPenilai(tx, e))].map((r) => ({
      ...r, jenis: 'KEBERATAN_DIPUTUS' as const, params: { tahun: k.siklus.tahun, keputusan: `@${LABELS.keberatan.keputusan[input.keputusan]}` }, tautan: `/keberatan/${id}`, kunci: `keberatan-diputus:${id}:${r.userId ?? `p${r.pegawaiId}`}`,
    }));
    await notify(q, kepada);
    return { keputusan: input.keputusan, nama: k.pegawai.nama, predikat: hasil, dokumenNomor, sudah: false };
  });
}

// ---- The list ----------------------------------------------------------------------------------

/** The objections in the actor's view, filtered by cycle and status, with the counts per status. */
export async function daftarPage(db: Db, actor: Actor, q: { siklus?: number; status?: string }) {
  const rows = await daftarKeberatan(db.sql, actor, { siklusId: q.siklus, status: q.status });
  const siklusList = await db.prisma.siklus.findMany({ where: { keberatan: { some: {} } }, select: { id: true, tahun: true }, orderBy: { tahun: 'desc' } });
  const menungguSaya = rows.filter((r) => r.pemutusSaya && r.status !== 'DIPUTUS').length;
  const tanggapanSaya = rows.filter((r) => r.penilaiSaya && r.status === 'TANGGAPAN_DIMINTA').length;
  return { rows, siklusList, filter: { siklus: q.siklus ?? null, status: q.status ?? null }, hr: actor.isAdmin && actor.pejabatLuarId === null, menungguSaya, tanggapanSaya, PREDIKAT_LABEL };
}
