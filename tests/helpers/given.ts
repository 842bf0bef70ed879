import { Prisma } from '../../prisma/generated/client.js';
import type { Actor } from '../../src/domain/access.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { loadActor } from '../../src/modules/auth/authenticate.js';
// The services the routes call. Tests reach them only through this file, so when a service
// moves, one import list changes.
import { createUnit } from '../../src/modules/org/unit-service.js';
import { createJabatan } from '../../src/modules/org/jabatan-service.js';
import { createPegawai, updatePegawai } from '../../src/modules/org/pegawai-service.js';
import { pegawaiForm, pegawaiUpdate } from '../../src/modules/org/schemas.js';
import { createSiklus, moveFase } from '../../src/modules/siklus/service.js';
import { submitSkp, saveIndikator, saveRhk, createLampiran } from '../../src/modules/skp/planning/service.js';
import { approveSkp, returnSkp } from '../../src/modules/skp/review/service.js';
import { indikatorForm, rhkForm } from '../../src/modules/skp/schemas.js';
import { createTemplat } from '../../src/modules/templat/service.js';
import { createDelegasi } from '../../src/modules/delegasi/service.js';
import { delegasiForm } from '../../src/modules/delegasi/schemas.js';
import { hariIni } from '../../src/domain/delegasi.js';
import { createPejabatLuar, setAkunPejabatLuar } from '../../src/modules/pejabat-luar/service.js';
import { pejabatLuarForm } from '../../src/modules/pejabat-luar/schemas.js';
import { ensureLaporan, laporanDokumen, rencanaLaporan } from '../../src/modules/laporan/read.js';
import { asScoped } from '../../src/domain/access.js';
import { BUKTI_DUKUNG, linkBerkas, putBerkasSekali } from '../../src/modules/berkas/service.js';
import { localBerkasStore } from '../../src/storage/berkas-store.js';
import { catatPelanggaran, cekUnit } from '../../src/modules/evaluasi/kalibrasi/service.js';
import type { TestApp } from './app.js';

// Tests that build their own world: each factory creates what a test needs through the same
// service functions the routes call (with the HR admin as the actor, or the SKP's owner and
// appraiser where the workflow demands them), so every rule, audit entry and draft SKP the app
// writes is written here too. Names, codes and NIPs are unique per call, so a test's records
// never collide with another test's or with the demo agency in the same database; a test finds
// its records by the ids returned, never by a name it expects the seed to have.

type JenisJabatan = 'JPT' | 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
type Ctx = Pick<TestApp, 'db' | 'app'>;

let seq = 0;
/** A short tag unique within this test process (each test file has its own process and database). */
const next = () => `${process.pid % 1000}${String(++seq).padStart(3, '0')}`;

/** A valid NIP no one else has: a birth date from the sequence, appointed 2020, serial from it. */
let nipSeq = 0;
function uniqueNip(jenisAsn: 'PNS' | 'PPPK'): string {
  const n = ++nipSeq + (process.pid % 300) * 1000;
  const day = new Date(Date.UTC(1970, 0, 1) + (n % 9000) * 86_400_000); // 1970–1994
  const birth = day.toISOString().slice(0, 10).replace(/-/g, '');
  const appointment = jenisAsn === 'PPPK' ? '202221' : '202003';
  const serial = String((Math.floor(n / 9000) % 998) + 1).padStart(3, '0');
  return `${birth}${appointment}${n % 2 ? '1' : '2'}${serial}`;
}

/** The HR admin (the bootstrap account every installation has) as an Actor. */
export async function adminActor(t: Ctx): Promise<Actor> {
  const u = await t.db.prisma.user.findFirstOrThrow({ where: { peran: { has: 'ADMIN' }, aktif: true }, orderBy: { id: 'asc' } });
  return (await loadActor(t.db.pool, u.id))!;
}

/** The actor an employee logs in as (owner of their SKP, appraiser of their appraisees). */
export async function actorOf(t: Ctx, pegawaiId: number): Promise<Actor> {
  const u = await t.db.prisma.user.findUniqueOrThrow({ where: { pegawaiId } });
  return (await loadActor(t.db.pool, u.id))!;
}

export type GivenUnit = { id: number; kode: string; nama: string; path: string; version: number };
export type GivenJabatan = { id: number; kode: string; nama: string; unitId: number; jenis: JenisJabatan; version: number };
export type GivenPegawai = {
  id: number; nip: string; nama: string; version: number; unitId: number; jabatanId: number; penilaiId: number | null;
  /** What loginAs() takes: the NIP and the one-time password the admin was shown. */
  login: { login: string; password: string };
};

/** A unit kerja (under `parentId`, or a new root). */
export async function unit(t: Ctx, opts: { parentId?: number | null; nama?: string } = {}): Promise<GivenUnit> {
  const tag = next();
  const u = await createUnit(t.db, await adminActor(t), { kode: `T${tag}`, nama: opts.nama ?? `Unit Uji ${tag}`, parentId: opts.parentId ?? null });
  return { id: u.id, kode: u.kode, nama: u.nama, path: u.path, version: u.version };
}

/**
 * A position in a unit (a new unit when none is given). A JF is Ahli Pertama (keahlian) unless
 * told otherwise; `kepalaUnit` makes it the position that heads its unit.
 */
export async function jabatan(
  t: Ctx,
  opts: { unitId?: number; jenis?: JenisJabatan; nama?: string; kategoriJf?: 'KEAHLIAN' | 'KETERAMPILAN'; jenjangJf?: 'PERTAMA' | 'MUDA' | 'MADYA' | 'UTAMA' | 'PEMULA' | 'TERAMPIL' | 'MAHIR' | 'PENYELIA'; kepalaUnit?: boolean } = {},
): Promise<GivenJabatan> {
  const unitId = opts.unitId ?? (await unit(t)).id;
  const tag = next();
  const jenis = opts.jenis ?? 'PELAKSANA';
  const jf = jenis === 'FUNGSIONAL' ? { kategoriJf: opts.kategoriJf ?? 'KEAHLIAN', jenjangJf: opts.jenjangJf ?? (opts.kategoriJf === 'KETERAMPILAN' ? 'TERAMPIL' : 'PERTAMA') } : {};
  const j = await createJabatan(t.db, await adminActor(t), { kode: `J${tag}`, nama: opts.nama ?? `Jabatan Uji ${tag}`, jenis, unitId, ...jf, kepalaUnit: opts.kepalaUnit ?? false });
  return { id: j.id, kode: j.kode, nama: j.nama, unitId: j.unitId, jenis: j.jenis, version: j.version };
}

/**
 * An employee with a login, through the admin's form schema and service. Without `jabatanId` a
 * new position is made (in `unitId`, or a new unit). `penilai` is the appraiser. When a cycle is
 * open for planning the service drafts their SKP, as it does for anyone who joins mid-year.
 */
export async function pegawai(
  t: Ctx,
  opts: { jabatanId?: number; unitId?: number; jenis?: JenisJabatan; penilai?: { nip: string } | null; penilaiLuar?: { id: number } | null; nama?: string; jenisAsn?: 'PNS' | 'PPPK' } = {},
): Promise<GivenPegawai> {
  const jabatanId = opts.jabatanId ?? (await jabatan(t, { unitId: opts.unitId, jenis: opts.jenis })).id;
  const jenisAsn = opts.jenisAsn ?? 'PNS';
  let nip = uniqueNip(jenisAsn);
  while (await t.db.prisma.pegawai.findUnique({ where: { nip } })) nip = uniqueNip(jenisAsn); // the demo's NIPs
  const input = pegawaiForm.parse({
    nip,
    nama: opts.nama ?? `Pegawai Coba ${next()}`,
    jenisAsn,
    pangkatGolongan: jenisAsn === 'PPPK' ? 'PPPK IX' : 'III/a',
    email: '',
    jabatanId: String(jabatanId),
    penilaiNip: opts.penilai?.nip ?? '',
    penilaiLuarId: opts.penilaiLuar ? String(opts.penilaiLuar.id) : '',
  });
  const { pegawai: p, password } = await createPegawai(t.db, await adminActor(t), input);
  return { id: p.id, nip: p.nip, nama: p.nama, version: p.version, unitId: p.unitId, jabatanId: p.jabatanId, penilaiId: p.penilaiId, login: { login: p.nip, password } };
}

/**
 * An appraiser and one appraisee in one new unit (the appraiser a PENGAWAS, the appraisee a
 * PELAKSANA), both with logins.
 */
export async function pegawaiWithPenilai(t: Ctx, opts: { unitId?: number } = {}) {
  const u = opts.unitId ?? (await unit(t)).id;
  const penilai = await pegawai(t, { unitId: u, jenis: 'PENGAWAS' });
  const p = await pegawai(t, { unitId: u, penilai });
  return { unitId: u, penilai, pegawai: p };
}

/** Makes an employee a pimpinan: they see everyone in their unit's subtree. No screen grants the role yet, so this is the one write outside a service. */
export async function makePimpinan(t: Ctx, pegawaiId: number): Promise<void> {
  await t.db.prisma.user.update({ where: { pegawaiId }, data: { peran: { set: ['PIMPINAN'] } } });
}

/**
 * A cycle open for planning (PERENCANAAN), with the drafts job run to its end: the one already
 * open (of `tahun`, when given), or a new one (in `tahun`, or the first free year from 2026). Employees created afterwards get their draft SKP
 * from createPegawai.
 */
export async function siklusTerbuka(t: Ctx, opts: { tahun?: number } = {}): Promise<{ id: number; tahun: number }> {
  const open = await t.db.prisma.siklus.findFirst({ where: { fase: 'PERENCANAAN', ...(opts.tahun ? { tahun: opts.tahun } : {}) }, orderBy: { tahun: 'desc' } });
  if (open) return { id: open.id, tahun: open.tahun };
  const taken = new Set((await t.db.prisma.siklus.findMany({ select: { tahun: true } })).map((s) => s.tahun));
  let tahun = opts.tahun ?? 2026;
  if (taken.has(tahun) && opts.tahun) throw new Error(`the cycle of ${tahun} exists and is not open for planning`);
  while (taken.has(tahun)) tahun++;
  const admin = await adminActor(t);
  const s = await createSiklus(t.db, admin, { tahun, jenisPeriode: 'TRIWULANAN' });
  const jobs = t.app.locals.jobs as JobRunner;
  await moveFase(t.db, jobs, admin, s.id, s.version, 'PERENCANAAN'); // a blocker is thrown as Refused
  await jobs.idle();
  return { id: s.id, tahun };
}

export type GivenSkp = { id: number; version: number; revisi: number; siklusId: number; pegawaiId: number; status: string; rhk: { id: number; indikator: number[] }[]; lampiran: number[] };

async function skpState(t: Ctx, skpId: number): Promise<GivenSkp> {
  const s = await t.db.prisma.skp.findUniqueOrThrow({
    where: { id: skpId },
    include: { rhk: { orderBy: [{ jenis: 'asc' }, { urutan: 'asc' }], include: { indikator: { orderBy: { urutan: 'asc' }, select: { id: true } } } }, lampiran: { orderBy: { id: 'asc' }, select: { id: true } } },
  });
  return { id: s.id, version: s.version, revisi: s.revisi, lampiran: s.lampiran.map((l) => l.id), siklusId: s.siklusId, pegawaiId: s.pegawaiId, status: s.status, rhk: s.rhk.map((r) => ({ id: r.id, indikator: r.indikator.map((i) => i.id) })) };
}

/**
 * The employee's SKP in the open cycle, with `rhk` RHK UTAMA of `indikator` indicators each,
 * written by the employee through the planning service. When they have an appraiser, each RHK
 * intervenes an RHK of the appraiser's SKP (written first by the appraiser when it has none).
 */
export type SkpOpts = { rhk?: number; indikator?: number; lampiran?: number; /** the RHKs of a JPT (the JPT form): with this perspektif, linked to nothing */ perspektif?: string };

export async function skp(t: Ctx, who: { id: number }, opts: SkpOpts = {}): Promise<GivenSkp> {
  const siklus = await siklusTerbuka(t);
  const row = await t.db.prisma.skp.findFirstOrThrow({ where: { siklusId: siklus.id, pegawaiId: who.id, ditutupAt: null } });
  const penilaiId = row.penilaiId; // the SKP's own appraiser
  let rhkAtasanId: number | null = null;
  if (penilaiId !== null && (opts.rhk ?? 1) > 0 && !opts.perspektif) {
    const atas = await t.db.prisma.skp.findFirst({ where: { siklusId: siklus.id, pegawaiId: penilaiId, ditutupAt: null }, include: { rhk: { orderBy: { urutan: 'asc' } } } });
    if (atas) rhkAtasanId = atas.rhk[0]?.id ?? (await addRhk(t, penilaiId, atas.id, null)).rhkId;
  }
  const actor = await actorOf(t, who.id);
  for (let i = 0; i < (opts.rhk ?? 1); i++) {
    const { rhkId } = await addRhk(t, who.id, row.id, opts.perspektif ? null : rhkAtasanId, actor, { perspektif: opts.perspektif });
    for (let k = 0; k < (opts.indikator ?? 1); k++) {
      const { version } = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: row.id }, select: { version: true } });
      const input = indikatorForm(row.pendekatan).parse({ version: String(version), aspek: 'KUANTITAS', teks: `Jumlah keluaran uji ${i + 1}.${k + 1}`, jenisTarget: 'ANGKA', targetAngka: '12', satuan: 'dokumen', lebihBaik: 'TINGGI' });
      await saveIndikator(t.db, { actor, skpId: row.id, version }, { rhkId }, input);
    }
  }
  for (let i = 0; i < (opts.lampiran ?? 0); i++) {
    const { version } = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: row.id }, select: { version: true } });
    await createLampiran(t.db, { actor, skpId: row.id, version }, 'DUKUNGAN_SUMBER_DAYA', `Dukungan uji ${i + 1}`);
  }
  return skpState(t, row.id);
}

async function addRhk(t: Ctx, pegawaiId: number, skpId: number, rhkAtasanId: number | null, actor?: Actor, opts: { teks?: string; jenis?: 'UTAMA' | 'TAMBAHAN'; perspektif?: string } = {}): Promise<{ rhkId: number }> {
  const a = actor ?? (await actorOf(t, pegawaiId));
  const { version } = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId }, select: { version: true } });
  // a perspektif makes it a JPT's RHK (the JPT form), which intervenes nothing
  const input = rhkForm({ isJpt: !!opts.perspektif, linkRequired: false }).parse({ version: String(version), jenis: opts.jenis ?? 'UTAMA', teks: opts.teks ?? `Tersusunnya hasil kerja uji ${next()}`, rhkAtasanId: rhkAtasanId === null ? '' : String(rhkAtasanId), perspektif: opts.perspektif ?? '' });
  await saveRhk(t.db, { actor: a, skpId, version }, null, input);
  const last = await t.db.prisma.rhk.findFirstOrThrow({ where: { skpId }, orderBy: { id: 'desc' } });
  return { rhkId: last.id };
}

/** Indicator fields as the form takes them (strings); what is left out is a target of 12 dokumen. */
export type IndikatorFields = { aspek?: string; teks?: string; jenisTarget?: string; targetAngka?: string; targetMin?: string; targetMax?: string; satuan?: string; targetTeks?: string; lebihBaik?: string };

/**
 * One RHK written by the SKP's owner (linked to `rhkAtasanId` when given), with one indicator
 * unless `indikator: false`. Returns the new ids.
 */
export async function rhk(
  t: Ctx,
  skp: { id: number; pegawaiId: number },
  opts: { teks?: string; jenis?: 'UTAMA' | 'TAMBAHAN'; rhkAtasanId?: number | null; perspektif?: string; indikator?: IndikatorFields | false } = {},
): Promise<{ id: number; indikator: number | null }> {
  const actor = await actorOf(t, skp.pegawaiId);
  const { rhkId } = await addRhk(t, skp.pegawaiId, skp.id, opts.rhkAtasanId ?? null, actor, opts);
  if (opts.indikator === false) return { id: rhkId, indikator: null };
  const s = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id }, select: { version: true, pendekatan: true } });
  const input = indikatorForm(s.pendekatan).parse({ version: String(s.version), aspek: 'KUANTITAS', teks: `Jumlah keluaran uji ${next()}`, jenisTarget: 'ANGKA', targetAngka: '12', satuan: 'dokumen', lebihBaik: 'TINGGI', ...opts.indikator });
  await saveIndikator(t.db, { actor, skpId: skp.id, version: s.version }, { rhkId }, input);
  const i = await t.db.prisma.indikator.findFirstOrThrow({ where: { rhkId }, orderBy: { id: 'desc' } });
  return { id: rhkId, indikator: i.id };
}

/** The owner submits the SKP as it stands (DIAJUKAN). */
export async function submit(t: Ctx, skp: { id: number; pegawaiId: number }): Promise<GivenSkp> {
  const { version } = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id }, select: { version: true } });
  await submitSkp(t.db, { actor: await actorOf(t, skp.pegawaiId), skpId: skp.id, version });
  return skpState(t, skp.id);
}

/** An SKP as `skp()` makes it, submitted by its owner (DIAJUKAN). */
export async function skpDiajukan(t: Ctx, who: { id: number }, opts: SkpOpts = {}): Promise<GivenSkp> {
  const s = await skp(t, who, opts);
  await submitSkp(t.db, { actor: await actorOf(t, who.id), skpId: s.id, version: s.version });
  return skpState(t, s.id);
}

/** The SKP's own appraiser (the one who decides it), whoever the employee's record names now. */
async function penilaiOfSkp(t: Ctx, skpId: number): Promise<number> {
  const { penilaiId } = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId }, select: { penilaiId: true } });
  if (penilaiId === null) throw new Error('this SKP names no appraiser (was the appraiser set after it was drafted? move it: mutasi service)');
  return penilaiId;
}

/** An SKP submitted and approved by the owner's appraiser (DISETUJUI, version 1 frozen). */
export async function skpDisetujui(t: Ctx, who: { id: number; penilaiId: number | null }, opts: SkpOpts = {}): Promise<GivenSkp> {
  if (who.penilaiId === null) throw new Error('an SKP is approved by the appraiser: this employee has none');
  const s = await skpDiajukan(t, who, opts);
  await approveSkp(t.db, await actorOf(t, await penilaiOfSkp(t, s.id)), s.id, s.version); // throws Refused with the problems when blocked
  return skpState(t, s.id);
}

/** An SKP submitted and returned by the appraiser with `alasan` (DIKEMBALIKAN). */
export async function skpDikembalikan(t: Ctx, who: { id: number; penilaiId: number | null }, alasan = 'Target perlu dirinci per triwulan'): Promise<GivenSkp> {
  if (who.penilaiId === null) throw new Error('an SKP is returned by the appraiser: this employee has none');
  const s = await skpDiajukan(t, who);
  await returnSkp(t.db, await actorOf(t, await penilaiOfSkp(t, s.id)), s.id, s.version, alasan, new Map());
  return skpState(t, s.id);
}

/** The SKP as it stands now (ids and version), e.g. after a request changed it. */
export const skpNow = skpState;

/**
 * A small agency of its own, for tests of who sees what:
 *
 *   unit root ── kadis (JPT, no appraiser)
 *    ├─ bidang ── pimpinan (ADMINISTRATOR, role PIMPINAN, appraised by kadis)
 *    │   ├─ seksi ── penilai (PENGAWAS, appraised by pimpinan), self and rekan (appraised by penilai)
 *    │   └─ seksi2 ── subtree (in the pimpinan's subtree, appraised by kadis, not by penilai)
 *    └─ lain ── outside (another bidang, appraised by kadis)
 */
export async function organisasi(t: Ctx) {
  const root = await unit(t, { nama: `Dinas Uji ${next()}` });
  const bidang = await unit(t, { parentId: root.id, nama: `Bidang Uji ${next()}` });
  const seksi = await unit(t, { parentId: bidang.id, nama: `Seksi Uji ${next()}` });
  const seksi2 = await unit(t, { parentId: bidang.id, nama: `Seksi Uji ${next()}` });
  const lain = await unit(t, { parentId: root.id, nama: `Bidang Lain ${next()}` });
  const kadis = await pegawai(t, { unitId: root.id, jenis: 'JPT' });
  const pimpinan = await pegawai(t, { unitId: bidang.id, jenis: 'ADMINISTRATOR', penilai: kadis });
  await makePimpinan(t, pimpinan.id);
  const penilai = await pegawai(t, { unitId: seksi.id, jenis: 'PENGAWAS', penilai: pimpinan });
  const self = await pegawai(t, { unitId: seksi.id, penilai });
  const rekan = await pegawai(t, { unitId: seksi.id, penilai });
  const subtree = await pegawai(t, { unitId: seksi2.id, penilai: kadis });
  const outside = await pegawai(t, { unitId: lain.id, penilai: kadis });
  return { units: { root, bidang, seksi, seksi2, lain }, people: { kadis, pimpinan, penilai, self, rekan, subtree, outside } };
}
export type Organisasi = Awaited<ReturnType<typeof organisasi>>;

/** An SKP template for the position of `skp`'s owner, made by HR from that SKP (it needs an RHK). */
export async function templat(t: Ctx, skp: { id: number }, opts: { nama?: string } = {}): Promise<{ id: number; nama: string; jabatanId: number }> {
  const tpl = await createTemplat(t.db, await adminActor(t), { skpId: skp.id, nama: opts.nama ?? `Templat Uji ${next()}`, jabatanId: null });
  return { id: tpl.id, nama: tpl.nama, jabatanId: tpl.jabatanId };
}

/** A day `days` from today in the agency's time zone (yyyy-mm-dd): negative is in the past. */
export function hari(days: number): string {
  const d = new Date(`${hariIni()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A delegation recorded by HR through its form schema and service: a Plh for the holder `pemberi`
 * of `jabatanId` (a Plt of a vacant post without one), to `penerima`, from `mulai` to `selesai`
 * (days from today; default: today only).
 */
export async function delegasi(
  t: Ctx,
  opts: { jabatanId: number; penerima: { nip: string }; pemberi?: { nip: string } | null; mulai?: number; selesai?: number; nomorSk?: string },
): Promise<{ id: number; version: number; nomorSk: string }> {
  const input = delegasiForm.parse({
    jenis: opts.pemberi ? 'PLH' : 'PLT',
    nomorSk: opts.nomorSk ?? `800/${next()}/2026`,
    mulai: hari(opts.mulai ?? 0),
    selesai: hari(opts.selesai ?? opts.mulai ?? 0),
    jabatanId: String(opts.jabatanId),
    pemberiNip: opts.pemberi?.nip ?? '',
    penerimaNip: opts.penerima.nip,
  });
  const d = await createDelegasi(t.db, await adminActor(t), input);
  return { id: d.id, version: d.version, nomorSk: d.nomorSk };
}

export type GivenPejabatLuar = { id: number; nama: string; jabatan: string; instansi: string; version: number; login: { login: string; password: string } | null };

/**
 * An official outside the agency (the Sekda by default, no NIP unless given), made by HR through
 * the form's schema and service; with `login`, HR also gives them a login (username + password).
 */
export async function pejabatLuar(t: Ctx, opts: { nama?: string; jabatan?: string; nip?: string; login?: boolean } = {}): Promise<GivenPejabatLuar> {
  const tag = next();
  const admin = await adminActor(t);
  const input = pejabatLuarForm.parse({ nama: opts.nama ?? `Pejabat Luar ${tag}`, jabatan: opts.jabatan ?? 'Sekretaris Daerah', instansi: `Pemerintah Kabupaten Uji ${tag}`, nip: opts.nip ?? '', pangkatGolongan: 'IV/c', email: '' });
  const p = await createPejabatLuar(t.db, admin, input);
  let login: GivenPejabatLuar['login'] = null;
  let version = p.version;
  if (opts.login) {
    const akun = await setAkunPejabatLuar(t.db, admin, p.id, p.version, `luar${tag}`);
    login = { login: akun.username, password: akun.password };
    version += 1;
  }
  return { id: p.id, nama: p.nama, jabatan: p.jabatan, instansi: p.instansi, version, login };
}

/** HR makes `pejabat` (an official outside the agency) the appraiser of `who`, through the employee form's schema and service. */
export async function setPenilaiLuar(t: Ctx, who: { id: number }, pejabat: { id: number }): Promise<void> {
  const p = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: who.id } });
  const input = pegawaiUpdate.parse({ version: String(p.version), nip: p.nip, nama: p.nama, jenisAsn: p.jenisAsn, pangkatGolongan: p.pangkatGolongan, email: p.email ?? '', jabatanId: String(p.jabatanId), penilaiNip: '', penilaiLuarId: String(pejabat.id) });
  await updatePegawai(t.db, await adminActor(t), p.id, input);
}

// ── linimasa: reports written straight into the tables ─────────────────────────────────────────
// The report service (the employee's report, the appraiser's rating) belongs to another part of
// the work; until the timeline's tests can go through it, these write the rows the way the
// contract of issue 10 describes them (one report per SKP and period, on the SKP's approved
// revision; riwayat rows; the rating with its predikat). Named "…Langsung" (written directly) so
// nobody mistakes them for the services.

export type LaporanLangsungOpts = {
  status?: 'DRAFT' | 'DIAJUKAN' | 'DIKEMBALIKAN' | 'DINILAI';
  /** realisasi per indicator id: a number (angka), a text (KUALITATIF, with `penilaian`) or null for a row without a value; an indicator left out has no row */
  realisasi?: Record<number, { angka?: string | null; teks?: string | null; penilaian?: 'TIDAK_TERCAPAI' | 'TERCAPAI' | 'MELAMPAUI' | null }>;
  /** the history, in order: what happened and when */
  riwayat?: { jenis: 'DIAJUKAN' | 'DIKEMBALIKAN' | 'DINILAI' | 'DIBUKA_HR'; at: Date; alasan?: string; sampai?: Date; olehPegawaiId?: number }[];
  /** the rating (a DINILAI report) */
  penilaian?: { at: Date; hasil: 'DI_BAWAH' | 'SESUAI' | 'DI_ATAS'; perilaku: 'DI_BAWAH' | 'SESUAI' | 'DI_ATAS'; predikat: 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG'; penilaiId?: number };
};

/** A period's report on an SKP (the `urutan`-th period of its cycle), written directly. */
export async function laporanLangsung(t: Ctx, skp: { id: number }, urutan: number, opts: LaporanLangsungOpts = {}): Promise<{ id: number; periodeId: number }> {
  const s = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id }, select: { revisi: true, siklusId: true } });
  const periode = await t.db.prisma.periode.findFirstOrThrow({ where: { siklusId: s.siklusId, urutan } });
  const versi = await t.db.prisma.skpVersi.findFirstOrThrow({ where: { skpId: skp.id }, orderBy: { revisi: 'desc' } });
  const userOf = async (pegawaiId?: number) => (pegawaiId ? (await t.db.prisma.user.findUniqueOrThrow({ where: { pegawaiId } })).id : null);
  return t.db.prisma.$transaction(async (tx) => {
    const l = await tx.laporanPeriode.create({ data: { skpId: skp.id, periodeId: periode.id, skpRevisi: versi.revisi, status: opts.status ?? 'DIAJUKAN', prestasi: 'Capaian uji' } });
    for (const [indikatorId, r] of Object.entries(opts.realisasi ?? {})) {
      await tx.realisasi.create({ data: { laporanId: l.id, indikatorId: Number(indikatorId), angka: r.angka ?? null, teks: r.teks ?? null, penilaian: r.penilaian ?? null } });
    }
    for (const r of opts.riwayat ?? []) {
      await tx.riwayatLaporan.create({ data: { laporanId: l.id, jenis: r.jenis, at: r.at, alasan: r.alasan ?? null, sampai: r.sampai ?? null, olehUserId: await userOf(r.olehPegawaiId) } });
    }
    if (opts.penilaian) {
      const p = opts.penilaian;
      await tx.penilaianPeriode.create({
        data: { laporanId: l.id, ratingHasilKerja: p.hasil, ratingPerilaku: p.perilaku, predikat: p.predikat, saranHasilKerja: {}, saranPerilaku: {}, policyVersion: 1, at: p.at, penilaiId: p.penilaiId ?? null },
      });
    }
    return { id: l.id, periodeId: periode.id };
  });
}

/** A progress note on an SKP, written directly. */
export async function catatanProgresLangsung(t: Ctx, skp: { id: number }, tanggal: string, teks: string): Promise<{ id: number }> {
  const c = await t.db.prisma.catatanProgres.create({ data: { skpId: skp.id, tanggal: new Date(`${tanggal}T00:00:00Z`), teks } });
  return { id: c.id };
}

// ── laporan (periodic reports) ──────────────────────────────────────────────────────────────

export type GivenLaporan = { id: number; version: number; skpId: number; periodeId: number; skpRevisi: number; status: string; indikator: number[] };

/**
 * The report of SKP `skpId` for period `periodeId` (created as the app creates it, by
 * ensureLaporan: the SKP must cover part of the period and have an approved revision). With a
 * `status` past DRAFT it is given, as direct rows in one transaction, what that status needs:
 * a realisasi for every indicator of its plan (`realisasi` by indicator id, else the year's
 * number target, or a sentence for a qualitative one), the achievements, the submission in its
 * history; DIKEMBALIKAN adds the return (reason, open for seven more days); DINILAI a rating of
 * Sesuai/Sesuai with the suggestions of the moment. Direct rows, because the cycle need not be in
 * the phase and day the employee's submission needs (that path is tested with HTTP).
 */
export async function laporan(
  t: Ctx,
  skpId: number,
  periodeId: number,
  opts: { status?: 'DRAFT' | 'DIAJUKAN' | 'DIKEMBALIKAN' | 'DINILAI'; realisasi?: Record<number, string>; prestasi?: string; at?: Date } = {},
): Promise<GivenLaporan> {
  const skp = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId } });
  const periode = await t.db.prisma.periode.findUniqueOrThrow({ where: { id: periodeId } });
  const made = await ensureLaporan(t.db, asScoped(skp), periode);
  if (!made) throw new Error(`SKP ${skpId} gets no report for period ${periodeId}: it does not cover the period, or has no approved revision`);
  const plan = await rencanaLaporan(t.db.prisma, made);
  const indikator = plan.rhk.flatMap((r) => r.indikator);
  const status = opts.status ?? 'DRAFT';
  const at = opts.at ?? new Date();
  if (status !== 'DRAFT') {
    const admin = await adminActor(t);
    await t.db.prisma.$transaction(async (tx) => {
      for (const i of indikator) {
        if (i.id === undefined) continue;
        const given = opts.realisasi?.[i.id];
        const kualitatif = i.jenisTarget === 'KUALITATIF';
        const angka = kualitatif ? null : (given ?? i.targetAngka ?? i.targetMax ?? '1');
        await tx.realisasi.upsert({
          where: { laporanId_indikatorId: { laporanId: made.id, indikatorId: i.id } },
          create: { laporanId: made.id, indikatorId: i.id, angka, teks: kualitatif ? (given ?? 'Terlaksana sesuai rencana') : null, penilaian: kualitatif && status === 'DINILAI' ? 'TERCAPAI' : null },
          update: {},
        });
      }
      await tx.laporanPeriode.update({ where: { id: made.id }, data: { status: 'DIAJUKAN', prestasi: opts.prestasi ?? 'Capaian periode ini sesuai rencana aksi.', diajukanAt: at, version: { increment: 1 }, updatedAt: at } });
      await tx.riwayatLaporan.create({ data: { laporanId: made.id, jenis: 'DIAJUKAN', at, olehUserId: null } });
      if (status === 'DIKEMBALIKAN') {
        const sampai = new Date(at.getTime() + 7 * 86_400_000);
        await tx.laporanPeriode.update({ where: { id: made.id }, data: { status: 'DIKEMBALIKAN', alasanKembali: 'Lengkapi bukti dukung', dibukaSampai: sampai, version: { increment: 1 } } });
        await tx.riwayatLaporan.create({ data: { laporanId: made.id, jenis: 'DIKEMBALIKAN', alasan: 'Lengkapi bukti dukung', sampai, at, olehUserId: admin.userId } });
      }
    });
    if (status === 'DINILAI') {
      const doc = await laporanDokumen(t.db, (await ensureLaporan(t.db, asScoped(skp), periode))!);
      await t.db.prisma.$transaction(async (tx) => {
        await tx.penilaianPeriode.create({
          data: {
            laporanId: made.id, ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', predikat: 'BAIK',
            saranHasilKerja: doc.saran.hasilKerja as object, saranPerilaku: doc.saran.perilaku as object, policyVersion: doc.saran.policyVersion,
            penilaiId: skp.penilaiId, penilaiLuarId: skp.penilaiLuarId, at,
          },
        });
        await tx.laporanPeriode.update({ where: { id: made.id }, data: { status: 'DINILAI', version: { increment: 1 } } });
        await tx.riwayatLaporan.create({ data: { laporanId: made.id, jenis: 'DINILAI', at, olehUserId: null } });
      });
    }
  }
  const l = await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { id: made.id } });
  return { id: l.id, version: l.version, skpId: l.skpId, periodeId: l.periodeId, skpRevisi: l.skpRevisi, status: l.status, indikator: indikator.map((i) => i.id!).filter((x) => x !== undefined) };
}

/** The cycle's periods in order (id, name, dates). */
export const periodeOf = (t: Ctx, siklusId: number) => t.db.prisma.periode.findMany({ where: { siklusId }, orderBy: { urutan: 'asc' } });

/**
 * The cycle in `fase`, written directly: the guards of a phase move (every SKP approved, the
 * last period started) are siklus.test.ts's; a report test needs only the phase.
 */
export async function faseSiklus(t: Ctx, siklusId: number, fase: 'PERENCANAAN' | 'PELAKSANAAN' | 'PENILAIAN' | 'KALIBRASI' | 'SELESAI' | 'ARSIP'): Promise<void> {
  await t.db.prisma.siklus.update({ where: { id: siklusId }, data: { fase, version: { increment: 1 } } });
}

/** The SKP's own appraiser approves it as it stands (it must be DIAJUKAN). */
export async function approve(t: Ctx, skp: { id: number }): Promise<GivenSkp> {
  const { version } = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id }, select: { version: true } });
  await approveSkp(t.db, await actorOf(t, await penilaiOfSkp(t, skp.id)), skp.id, version);
  return skpState(t, skp.id);
}

/**
 * A piece of evidence on report `laporanId`: a file (PDF unless `bytes` is given) stored the way
 * the app stores it (content check, once per content), as a direct row, whatever the period's
 * state (the employee's upload is tested through HTTP).
 */
export async function bukti(t: Ctx & { config: { berkasDir: string } }, laporanId: number, opts: { nama?: string; bytes?: Buffer; indikatorId?: number | null } = {}): Promise<{ id: number; berkasId: number }> {
  const store = localBerkasStore(t.config.berkasDir);
  const bytes = opts.bytes ?? Buffer.from(`%PDF-1.4\n% bukti ${laporanId} ${next()}\n%%EOF\n`);
  const b = await putBerkasSekali(t.db.prisma, store, { nama: opts.nama ?? 'bukti.pdf', bytes }, BUKTI_DUKUNG, 'berkas');
  const admin = await adminActor(t);
  return t.db.prisma.$transaction(async (tx) => {
    const berkasId = await linkBerkas(tx, b, admin.userId);
    const row = await tx.buktiDukung.create({ data: { laporanId, berkasId, indikatorId: opts.indikatorId ?? null, keterangan: opts.nama ?? 'Bukti uji' } });
    return { id: row.id, berkasId };
  });
}

/** A progress note on `skpId` (direct row), optionally with a stored file. */
export async function catatan(t: Ctx & { config: { berkasDir: string } }, skpId: number, opts: { tanggal: string; teks?: string; berkas?: boolean }): Promise<{ id: number }> {
  let berkasId: number | null = null;
  if (opts.berkas) {
    const b = await putBerkasSekali(t.db.prisma, localBerkasStore(t.config.berkasDir), { nama: 'catatan.pdf', bytes: Buffer.from(`%PDF-1.4\n% catatan ${next()}\n%%EOF\n`) }, BUKTI_DUKUNG, 'berkas');
    const admin = await adminActor(t);
    berkasId = await t.db.prisma.$transaction((tx) => linkBerkas(tx, b, admin.userId));
  }
  const c = await t.db.prisma.catatanProgres.create({ data: { skpId, tanggal: new Date(`${opts.tanggal}T00:00:00Z`), teks: opts.teks ?? `Catatan uji ${next()}`, berkasId } });
  return { id: c.id };
}

// ── evaluasi tahunan ──
export type SaranLangsungOpts = {
  /** null = withheld */
  hasilKerja?: 'DI_BAWAH' | 'SESUAI' | 'DI_ATAS' | null;
  perilaku?: 'DI_BAWAH' | 'SESUAI' | 'DI_ATAS' | null;
  predikat?: 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG' | null;
  /** the unit the employee counts in (default: the employee's unit) */
  unitId?: number;
  /** the unit this employee heads (the unit-head rule) */
  kepalaUnitId?: number | null;
  /** the ranking nilai, "104.25" */
  nilai?: string | null;
  rincian?: object;
  /** a functional position's pieces for angka kredit, [{jenjang, bulan}] */
  ak?: object[] | null;
};

/**
 * What the year-end computation writes for one SKP's employee (saran_tahunan), written directly,
 * so that tests of confirmation, calibration and finalisation need not run the job (the job's
 * own tests do). The appraiser is the SKP's.
 */
export async function saranLangsung(t: Ctx, skp: { id: number }, opts: SaranLangsungOpts = {}): Promise<void> {
  const s = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id }, select: { siklusId: true, pegawaiId: true, penilaiId: true, penilaiLuarId: true, pegawai: { select: { unitId: true } } } });
  const hasilKerja = opts.hasilKerja === undefined ? 'SESUAI' : opts.hasilKerja;
  const perilaku = opts.perilaku === undefined ? 'SESUAI' : opts.perilaku;
  const predikat = opts.predikat === undefined ? (hasilKerja && perilaku ? 'BAIK' : null) : opts.predikat;
  const data = {
    skpId: skp.id, penilaiId: s.penilaiId, penilaiLuarId: s.penilaiLuarId, unitId: opts.unitId ?? s.pegawai.unitId, kepalaUnitId: opts.kepalaUnitId ?? null,
    hasilKerja, perilaku, predikat, nilai: opts.nilai ?? null, rincian: opts.rincian ?? {}, ak: opts.ak ?? Prisma.DbNull, policyVersion: 1,
  };
  await t.db.prisma.saranTahunan.upsert({ where: { siklusId_pegawaiId: { siklusId: s.siklusId, pegawaiId: s.pegawaiId } }, create: { siklusId: s.siklusId, pegawaiId: s.pegawaiId, ...data }, update: data });
}

// ── evaluasi: finalisasi ──
export type EvaluasiLangsungOpts = {
  ratingHasilKerja?: 'DI_BAWAH' | 'SESUAI' | 'DI_ATAS';
  ratingPerilaku?: 'DI_BAWAH' | 'SESUAI' | 'DI_ATAS';
  /** default: the suggestion's predikat (BAIK when it was withheld) */
  predikat?: 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';
  status?: 'DIKONFIRMASI' | 'FINAL';
};

/**
 * The appraiser's confirmed rating of the year (evaluasi_tahunan) for an employee who has a
 * suggestion (given.saranLangsung first), written directly: the suggestion as shown, the ratings
 * the suggestion's unless told otherwise (the confirmation's own tests go through its route).
 */
export async function evaluasiLangsung(t: Ctx, skp: { id: number }, opts: EvaluasiLangsungOpts = {}): Promise<{ id: number; version: number }> {
  const s = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id }, select: { siklusId: true, pegawaiId: true } });
  const saran = await t.db.prisma.saranTahunan.findUniqueOrThrow({ where: { siklusId_pegawaiId: { siklusId: s.siklusId, pegawaiId: s.pegawaiId } } });
  const e = await t.db.prisma.evaluasiTahunan.create({
    data: {
      siklusId: s.siklusId, pegawaiId: s.pegawaiId, skpId: skp.id, status: opts.status ?? 'DIKONFIRMASI',
      ratingHasilKerja: opts.ratingHasilKerja ?? saran.hasilKerja ?? 'SESUAI', ratingPerilaku: opts.ratingPerilaku ?? saran.perilaku ?? 'SESUAI',
      predikat: opts.predikat ?? saran.predikat ?? 'BAIK', saranHasilKerja: saran.hasilKerja, saranPerilaku: saran.perilaku, policyVersion: saran.policyVersion,
      penilaiId: saran.penilaiId, penilaiLuarId: saran.penilaiLuarId,
    },
  });
  return { id: e.id, version: e.version };
}

/** A unit's Predikat Kinerja Organisasi in a cycle, written directly (the calibration part's route sets it for real). */
export async function predikatOrganisasiLangsung(t: Ctx, siklusId: number, unitId: number, predikat: 'ISTIMEWA' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG'): Promise<void> {
  await t.db.prisma.penetapanPredikat.upsert({
    where: { siklusId_unitId: { siklusId, unitId } },
    create: { siklusId, unitId, predikat, dasar: 'Evaluasi Perjanjian Kinerja (uji)', dicatatHr: true },
    update: { predikat, version: { increment: 1 } },
  });
}

/** A unit's written justification of the distribution violations it has now (recorded with it, as the calibration page does), written directly. */
export async function justifikasiLangsung(t: Ctx, siklusId: number, unitId: number, justifikasi: string | null): Promise<void> {
  const cek = justifikasi === null ? null : (await cekUnit(t.db, siklusId, unitId)).cek;
  const pelanggaran = cek ? cek.pelanggaran.map(catatPelanggaran) : undefined;
  await t.db.prisma.kalibrasiUnit.upsert({
    where: { siklusId_unitId: { siklusId, unitId } },
    create: { siklusId, unitId, justifikasi, justifikasiAt: new Date(), ...(pelanggaran ? { pelanggaran } : {}) },
    update: { justifikasi, justifikasiAt: new Date(), version: { increment: 1 }, ...(pelanggaran ? { pelanggaran } : {}) },
  });
}

/** The employee's (open) SKP in a cycle: what saranLangsung needs, whatever its state. */
export const skpDi = (t: Ctx, siklusId: number, pegawaiId: number) =>
  t.db.prisma.skp.findFirstOrThrow({ where: { siklusId, pegawaiId, ditutupAt: null }, select: { id: true } });
// ── evaluasi: kalibrasi ──
/**
 * An agency of its own for the organisation predikat and calibration (docs/domain/kalibrasi.md),
 * on the cycle open for planning (each employee gets their draft SKP), every unit with a head post:
 *
 *   root ── kadis (JPT, head; appraised by `luar`, an official outside the agency with a login)
 *    ├─ bidang ── kabid (head, appraised by kadis), staff.bidang (appraised by kabid)
 *    │   └─ seksi ── kasi (head, appraised by kabid), staff.seksi (appraised by kasi)
 *    └─ lain ── kalain (head, appraised by kadis), staff.lain (appraised by kalain)
 */
export async function instansiKalibrasi(t: Ctx, opts: { staffBidang?: number; staffSeksi?: number; staffLain?: number } = {}) {
  const siklus = await siklusTerbuka(t);
  const root = await unit(t, { nama: `Dinas Kalibrasi ${next()}` });
  const bidang = await unit(t, { parentId: root.id, nama: `Bidang Kalibrasi ${next()}` });
  const seksi = await unit(t, { parentId: bidang.id, nama: `Seksi Kalibrasi ${next()}` });
  const lain = await unit(t, { parentId: root.id, nama: `Bidang Lain Kalibrasi ${next()}` });
  const kepala = async (unitId: number, jenis: JenisJabatan, penilai: { nip: string } | null, nama: string) =>
    pegawai(t, { jabatanId: (await jabatan(t, { unitId, jenis, kepalaUnit: true })).id, penilai, nama });
  const kadis = await kepala(root.id, 'JPT', null, `Kadis ${next()}`);
  const luar = await pejabatLuar(t, { login: true });
  await setPenilaiLuar(t, kadis, luar);
  const kabid = await kepala(bidang.id, 'ADMINISTRATOR', kadis, `Kabid ${next()}`);
  const kasi = await kepala(seksi.id, 'PENGAWAS', kabid, `Kasi ${next()}`);
  const kalain = await kepala(lain.id, 'ADMINISTRATOR', kadis, `Kalain ${next()}`);
  const staff = { bidang: [] as GivenPegawai[], seksi: [] as GivenPegawai[], lain: [] as GivenPegawai[] };
  for (let i = 0; i < (opts.staffBidang ?? 5); i++) staff.bidang.push(await pegawai(t, { unitId: bidang.id, penilai: kabid, nama: `Staf Bidang ${String.fromCharCode(65 + i)} ${next()}` }));
  for (let i = 0; i < (opts.staffSeksi ?? 4); i++) staff.seksi.push(await pegawai(t, { unitId: seksi.id, penilai: kasi, nama: `Staf Seksi ${String.fromCharCode(65 + i)} ${next()}` }));
  for (let i = 0; i < (opts.staffLain ?? 2); i++) staff.lain.push(await pegawai(t, { unitId: lain.id, penilai: kalain, nama: `Staf Lain ${String.fromCharCode(65 + i)} ${next()}` }));
  return { siklus, units: { root, bidang, seksi, lain }, people: { kadis, kabid, kasi, kalain }, staff, luar };
}
export type InstansiKalibrasi = Awaited<ReturnType<typeof instansiKalibrasi>>;


// ── keberatan ──
/**
 * A FINAL annual evaluation of `pegawaiId` in the cycle (the suggestion and the rating written
 * directly, as saranLangsung and evaluasiLangsung do), finalised and notified at `diberitahuAt`:
 * the day the objection window counts from (docs/domain/keberatan.md).
 */
export async function evaluasiFinalLangsung(t: Ctx, siklusId: number, pegawaiId: number, opts: SaranLangsungOpts & EvaluasiLangsungOpts & { diberitahuAt: Date }): Promise<{ id: number; skpId: number }> {
  const skp = await skpDi(t, siklusId, pegawaiId);
  await saranLangsung(t, skp, opts);
  const e = await evaluasiLangsung(t, skp, { ...opts, status: 'FINAL' });
  await t.db.prisma.evaluasiTahunan.update({ where: { id: e.id }, data: { finalAt: opts.diberitahuAt, diberitahuAt: opts.diberitahuAt } });
  return { id: e.id, skpId: skp.id };
}

/** The employee's objection to their FINAL evaluation of the cycle, filed through the service (inside the window by `clock`). */
export async function keberatan(t: Ctx, siklusId: number, pegawai: { id: number }, opts: { alasan?: string; clock?: import('../../src/clock.js').Clock } = {}): Promise<{ id: number }> {
  const { ajukanKeberatan } = await import('../../src/modules/keberatan/service.js');
  const { systemClock } = await import('../../src/clock.js');
  return ajukanKeberatan(t.db, await actorOf(t, pegawai.id), siklusId, opts.alasan ?? `Keberatan uji ${next()}: capaian RHK utama tidak diperhitungkan.`, [], opts.clock ?? systemClock);
}
