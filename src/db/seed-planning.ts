// Demo planning data on top of the demo agency (seed.ts): last year's cycle finished with every
// SKP approved, and this year's carried out (PELAKSANAAN) on approved SKPs, with a few mid-year
// revisions at every other step (submitted and waiting, returned with a reason, still a draft). Everything is written
// through the services the routes call, as the people themselves would, so each rule, frozen
// version and audit entry is a real one. Deterministic: the same agency gives the same SKPs.

import type { Db } from './client.js';
import type { JobRunner } from '../jobs/runner.js';
import type { Actor } from '../domain/access.js';
import { loadActor } from '../modules/auth/authenticate.js';
import { createSiklus, moveFase } from '../modules/siklus/service.js';
import { submitSkp, saveIndikator, saveRhk } from '../modules/skp/planning/service.js';
import { approveSkp, returnSkp, saveEkspektasi } from '../modules/skp/review/service.js';
import { indikatorForm, rhkForm } from '../modules/skp/schemas.js';
import { usesJptForm } from '../domain/skp-document.js';
import { Refused } from '../errors.js';
import { actingAs, dinilaiOleh, PEGAWAI_PENILAI_INCLUDE } from '../domain/acting.js';
import { writePeriodePlans } from './seed-periode.js';
import { insertPeriodePlans } from './bulk-insert.js';

type Person = {
  id: number;
  nama: string;
  penilaiId: number | null;
  /** An appraiser outside the agency (the Kepala Dinas's: the Sekda), who decides with their own login. */
  penilaiLuarId: number | null;
  jabatan: string;
  jenis: string;
  unit: string;
  unitKode: string;
};

type IndikatorSpec = { aspek: 'KUANTITAS' | 'KUALITAS' | 'WAKTU'; teks: string; jenisTarget: 'ANGKA' | 'RENTANG'; target: string; max?: string; satuan: string; lebihBaik?: 'TINGGI' | 'RENDAH'; kumulatif?: boolean };
type RhkSpec = { teks: string; jenis?: 'UTAMA' | 'TAMBAHAN'; perspektif?: string; penugasanDari?: string; indikator: IndikatorSpec[] };

// ---- What each kind of position plans -------------------------------------------------------

/** The head of the agency's RHKs: one per perspective of the JPT form (docs/domain/skp.md). */
const JPT_RHK: readonly RhkSpec[] = [
  {
    teks: 'Meningkatnya keterbukaan informasi publik dan kualitas komunikasi pemerintah daerah',
    perspektif: 'PENERIMA_LAYANAN',
    indikator: [
      { aspek: 'KUALITAS', teks: 'Nilai indeks keterbukaan informasi publik daerah', jenisTarget: 'ANGKA', target: '85', satuan: 'nilai' },
      { aspek: 'KUANTITAS', teks: 'Persentase pengaduan masyarakat yang ditindaklanjuti', jenisTarget: 'ANGKA', target: '95', satuan: '%' },
    ],
  },
  {
    teks: 'Meningkatnya kematangan penerapan Sistem Pemerintahan Berbasis Elektronik (SPBE)',
    perspektif: 'PROSES_BISNIS',
    penugasanDari: 'Bupati Sukamaju',
    indikator: [{ aspek: 'KUALITAS', teks: 'Indeks SPBE Kabupaten Sukamaju', jenisTarget: 'RENTANG', target: '3,1', max: '3,5', satuan: 'indeks' }],
  },
  {
    teks: 'Terwujudnya tata kelola kinerja dan keuangan dinas yang akuntabel',
    perspektif: 'PENGUATAN_INTERNAL',
    indikator: [
      { aspek: 'KUALITAS', teks: 'Nilai evaluasi SAKIP perangkat daerah', jenisTarget: 'ANGKA', target: '75', satuan: 'nilai' },
      { aspek: 'KUANTITAS', teks: 'Persentase realisasi anggaran dinas', jenisTarget: 'RENTANG', target: '90', max: '100', satuan: '%' },
    ],
  },
];

/** Which of the head's RHKs a unit's work serves, by the unit's code. */
function jptRhkFor(unitKode: string): number {
  if (unitKode.includes('IKP')) return 0;
  if (unitKode.includes('APTIKA') || unitKode.includes('UPT')) return 1;
  return 2;
}

/** RHKs of a unit head (administrator or pengawas), from the unit's name. */
function kepalaRhk(p: Person): RhkSpec[] {
  const unit = p.unit.replace(/^(Bidang|Seksi|Sub Bagian|Sekretariat)\s*/i, '').trim() || p.unit;
  const level = p.jenis === 'ADMINISTRATOR';
  return [
    {
      teks: level ? `Meningkatnya kinerja penyelenggaraan urusan ${unit.toLowerCase()}` : `Terlaksananya program kerja ${p.unit} sesuai rencana`,
      indikator: [
        { aspek: 'KUANTITAS', teks: level ? 'Persentase program bidang yang mencapai target' : 'Persentase kegiatan seksi yang terlaksana sesuai jadwal', jenisTarget: 'ANGKA', target: level ? '90' : '95', satuan: '%' },
        { aspek: 'WAKTU', teks: 'Ketepatan waktu penyampaian laporan kinerja triwulanan', jenisTarget: 'ANGKA', target: '4', satuan: 'laporan', kumulatif: true },
      ],
    },
    {
      teks: `Terbinanya kinerja pegawai di lingkungan ${p.unit}`,
      indikator: [{ aspek: 'KUALITAS', teks: 'Persentase pegawai yang menyampaikan SKP dan laporan periodik tepat waktu', jenisTarget: 'ANGKA', target: '100', satuan: '%' }],
    },
  ];
}

/** Work of staff positions, by words in the position's name. */
const STAFF: readonly (readonly [RegExp, RhkSpec])[] = [
  [/Pengadministrasi|Operator/, { teks: 'Terkelolanya administrasi persuratan dan kearsipan unit', indikator: [
    { aspek: 'KUANTITAS', teks: 'Jumlah surat masuk dan keluar yang teragenda', jenisTarget: 'ANGKA', target: '1200', satuan: 'surat', kumulatif: true },
    { aspek: 'WAKTU', teks: 'Waktu penyelesaian agenda surat', jenisTarget: 'ANGKA', target: '1', satuan: 'hari', lebihBaik: 'RENDAH' },
  ] }],
  [/Kepegawaian|SDM/, { teks: 'Tersedianya data dan layanan administrasi kepegawaian yang mutakhir', indikator: [
    { aspek: 'KUANTITAS', teks: 'Jumlah usulan layanan kepegawaian yang diproses', jenisTarget: 'ANGKA', target: '60', satuan: 'usulan', kumulatif: true },
    { aspek: 'KUALITAS', teks: 'Persentase data pegawai yang valid pada SIASN', jenisTarget: 'ANGKA', target: '98', satuan: '%' },
  ] }],
  [/Arsiparis/, { teks: 'Tertatanya arsip dinamis dinas sesuai klasifikasi', indikator: [
    { aspek: 'KUANTITAS', teks: 'Jumlah berkas arsip yang ditata dan didaftar', jenisTarget: 'ANGKA', target: '800', satuan: 'berkas', kumulatif: true },
  ] }],
  [/Bendahara|Keuangan|Anggaran/, { teks: 'Tertatausahakannya keuangan dinas secara tertib dan tepat waktu', indikator: [
    { aspek: 'KUANTITAS', teks: 'Jumlah dokumen pertanggungjawaban belanja yang diverifikasi', jenisTarget: 'ANGKA', target: '480', satuan: 'dokumen', kumulatif: true },
    { aspek: 'WAKTU', teks: 'Ketepatan waktu laporan pertanggungjawaban bulanan', jenisTarget: 'ANGKA', target: '12', satuan: 'laporan', kumulatif: true },
  ] }],
  [/Perencana|Program/, { teks: 'Tersusunnya dokumen perencanaan dan pelaporan kinerja dinas', indikator: [
    { aspek: 'KUANTITAS', teks: 'Jumlah dokumen perencanaan dan pelaporan yang tersusun (Renja, LKjIP, laporan triwulan)', jenisTarget: 'ANGKA', target: '6', satuan: 'dokumen', kumulatif: true },
    { aspek: 'KUALITAS', teks: 'Persentase dokumen yang diterima tanpa revisi substansi', jenisTarget: 'ANGKA', target: '90', satuan: '%' },
  ] }],
  [/Analis Kebijakan/, { teks: 'Tersusunnya rekomendasi kebijakan bidang komunikasi dan informatika', indikator: [
    { aspek: 'KUANTITAS', teks: 'Jumlah kajian dan rekomendasi kebijakan', jenisTarget: 'ANGKA', target: '4', satuan: 'kajian', kumulatif: true },
  ] }],
  [/Hubungan Masyarakat|Informasi Publik|Media/, { teks: 'Tersebarluasnya informasi program pemerintah daerah kepada masyarakat', indikator: [
    { aspek: 'KUANTITAS', teks: 'Jumlah konten informasi publik yang dipublikasikan', jenisTarget: 'ANGKA', target: '240', satuan: 'konten', kumulatif: true },
    { aspek: 'WAKTU', teks: 'Waktu tanggapan permohonan informasi publik', jenisTarget: 'ANGKA', target: '10', satuan: 'hari kerja', lebihBaik: 'RENDAH' },
  ] }],
  [/Pranata Komputer|Sistem Informasi|Jaringan|Persandian|Sandi|Statistisi|Statistik|Data/, { teks: 'Terpeliharanya layanan aplikasi, jaringan dan data pemerintah daerah', indikator: [
    { aspek: 'KUALITAS', teks: 'Persentase ketersediaan layanan (uptime) aplikasi dan jaringan', jenisTarget: 'RENTANG', target: '98', max: '100', satuan: '%' },
    { aspek: 'KUANTITAS', teks: 'Jumlah permintaan dukungan teknis yang diselesaikan', jenisTarget: 'ANGKA', target: '150', satuan: 'permintaan', kumulatif: true },
  ] }],
];

const STAFF_DEFAULT = (p: Person): RhkSpec => ({
  teks: `Terlaksananya tugas ${p.jabatan.toLowerCase()} pada ${p.unit}`,
  indikator: [{ aspek: 'KUANTITAS', teks: 'Jumlah laporan hasil pelaksanaan tugas', jenisTarget: 'ANGKA', target: '12', satuan: 'laporan', kumulatif: true }],
});

/** A result assigned from outside the position's own plan: printed "(penugasan dari …)" on the form. */
const TAMBAHAN_PRAKOM: RhkSpec = {
  jenis: 'TAMBAHAN',
  teks: 'Terlaksananya pendampingan literasi digital bagi aparatur desa',
  penugasanDari: 'Kepala Dinas',
  indikator: [{ aspek: 'KUANTITAS', teks: 'Jumlah desa yang didampingi', jenisTarget: 'ANGKA', target: '10', satuan: 'desa', kumulatif: true }],
};

function staffRhk(p: Person): RhkSpec[] {
  const hit = STAFF.find(([re]) => re.test(p.jabatan));
  const utama = hit ? hit[1] : STAFF_DEFAULT(p);
  return /Pranata Komputer/.test(p.jabatan) ? [utama, TAMBAHAN_PRAKOM] : [utama];
}

/** The leader's ekspektasi khusus for three of the values (the rest left to the general wording). */
const EKSPEKTASI = {
  BERORIENTASI_PELAYANAN: 'Menanggapi setiap permintaan layanan dari unit lain paling lambat satu hari kerja.',
  AKUNTABEL: 'Melaporkan kemajuan pekerjaan setiap bulan disertai bukti dukung yang dapat ditelusuri.',
  KOLABORATIF: 'Aktif berbagi data dan bahan kerja dengan rekan lintas seksi melalui folder bersama.',
} as const;

// ---- Writing --------------------------------------------------------------------------------

type Counts = { approved: number; submitted: number; returned: number; draft: number };

/** People by their depth in the appraiser chain: appraisers come in an earlier level. */
function appraiserLevels(people: Person[]): Person[][] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const depth = (p: Person): number => {
    let d = 0;
    for (let cur = p; cur.penilaiId !== null && byId.has(cur.penilaiId) && d < 50; cur = byId.get(cur.penilaiId)!) d++;
    return d;
  };
  const levels: Person[][] = [];
  for (const p of [...people].sort((a, b) => a.id - b.id)) (levels[depth(p)] ??= []).push(p);
  return levels.filter(Boolean);
}

/** Runs `fn` over `xs` with at most `n` at a time (the people of one level are independent). */
async function eachLimited<T>(xs: readonly T[], n: number, fn: (x: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: Math.min(n, xs.length) }, async () => {
    while (i < xs.length) await fn(xs[i++]!);
  }));
}

async function versionOf(db: Db, skpId: number): Promise<number> {
  return (await db.prisma.skp.findUniqueOrThrow({ where: { id: skpId }, select: { version: true } })).version;
}

/** Writes the person's RHKs and indicators as the person, each RHK linked to the appraiser's. */
async function writeSkp(db: Db, actor: Actor, p: Person, skpId: number, atasanRhk: number[] | undefined): Promise<number[]> {
  const skp = await db.prisma.skp.findUniqueOrThrow({ where: { id: skpId }, select: { snapshot: true, pendekatan: true } });
  const isJpt = usesJptForm(skp);
  const specs = isJpt ? [...JPT_RHK] : p.jenis === 'ADMINISTRATOR' || p.jenis === 'PENGAWAS' ? kepalaRhk(p) : staffRhk(p);
  const ids: number[] = [];
  for (const [i, spec] of specs.entries()) {
    const link = atasanRhk?.length ? atasanRhk[atasanRhk.length === JPT_RHK.length ? jptRhkFor(p.unitKode) : Math.min(i, atasanRhk.length - 1)]! : null;
    const input = rhkForm({ isJpt, linkRequired: !isJpt && link !== null }).parse({
      version: String(await versionOf(db, skpId)), jenis: spec.jenis ?? 'UTAMA', teks: spec.teks, rhkAtasanId: link === null ? '' : String(link), perspektif: spec.perspektif ?? '',
      penugasanDari: spec.penugasanDari ?? '',
    });
    await saveRhk(db, { actor, skpId, version: input.version }, null, input);
    const rhkId = (await db.prisma.rhk.findFirstOrThrow({ where: { skpId }, orderBy: { id: 'desc' }, select: { id: true } })).id;
    ids.push(rhkId);
    for (const ind of spec.indikator) {
      const v = indikatorForm(skp.pendekatan).parse({
        version: String(await versionOf(db, skpId)), aspek: ind.aspek, teks: ind.teks, jenisTarget: ind.jenisTarget,
        ...(ind.jenisTarget === 'RENTANG' ? { targetMin: ind.target, targetMax: ind.max } : { targetAngka: ind.target }),
        satuan: ind.satuan, lebihBaik: ind.lebihBaik ?? 'TINGGI', ...(ind.kumulatif ? { gabungPeriode: 'JUMLAH' } : {}),
      });
      await saveIndikator(db, { actor, skpId, version: v.version }, { rhkId }, v);
    }
  }
  return ids;
}

/**
 * One cycle's SKPs for everyone: written, submitted and approved, except the people `hold`
 * names, who stop at the step given. First everyone's RHKs (appraisers before their
 * appraisees: an RHK intervenes the appraiser's), with the period plans written through the
 * period plan form ('service') or set-based by the bulk writer ('bulk'); then the decisions.
 */
async function planCycle(db: Db, siklusId: number, people: Person[], actors: Map<number, Actor>, hold: Map<number, 'DRAFT' | 'DIAJUKAN' | 'DIKEMBALIKAN'>, opts: { periodePlans?: 'service' | 'bulk' | false; luarActors?: Map<number, Actor> } = {}): Promise<Counts> {
  const periodePlans = opts.periodePlans ?? false;
  const luarActors = opts.luarActors ?? new Map<number, Actor>();
  const counts: Counts = { approved: 0, submitted: 0, returned: 0, draft: 0 };
  const rhkOf = new Map<number, number[]>();
  const skpOf = new Map<number, number>();
  const levels = appraiserLevels(people);
  for (const level of levels) await eachLimited(level, 6, async (p) => {
    const row = await db.prisma.skp.findFirst({ where: { siklusId, pegawaiId: p.id }, select: { id: true } });
    if (!row) return;
    skpOf.set(p.id, row.id);
    const actor = actors.get(p.id)!;
    rhkOf.set(p.id, await writeSkp(db, actor, p, row.id, p.penilaiId === null ? undefined : rhkOf.get(p.penilaiId)));
    if (periodePlans === 'service') await writePeriodePlans(db, actor, row.id);
  });
  if (periodePlans === 'bulk') await insertPeriodePlans(db.pool, { siklusId, rencanaAksi: true, targetEvery: 2, jumlah: true });
  for (const level of levels) await eachLimited(level, 6, async (p) => {
    const skpId = skpOf.get(p.id);
    if (skpId === undefined) return;
    const actor = actors.get(p.id)!;
    const stop = hold.get(p.id);
    if (stop === 'DRAFT') { counts.draft++; return; }
    await submitSkp(db, { actor, skpId, version: await versionOf(db, skpId) });
    const appraiser = await appraiserOf(db, p, skpId, actors, luarActors);
    if (stop === 'DIAJUKAN' || !appraiser) { counts.submitted++; return; }
    if (stop === 'DIKEMBALIKAN') {
      await returnSkp(db, appraiser, skpId, await versionOf(db, skpId), 'Target kuantitas belum dirinci per triwulan dan satuan indikator kedua perlu diperjelas.', new Map());
      counts.returned++;
      return;
    }
    await saveEkspektasi(db, appraiser, skpId, await versionOf(db, skpId), EKSPEKTASI);
    await approveSkp(db, appraiser, skpId, await versionOf(db, skpId));
    counts.approved++;
  });
  return counts;
}

/** Who decides on the person's SKP: their appraiser, the official outside the agency, or the Plt of a vacant post. */
async function appraiserOf(db: Db, p: Person, skpId: number, actors: Map<number, Actor>, luarActors: Map<number, Actor>): Promise<Actor | undefined> {
  return p.penilaiId !== null ? actors.get(p.penilaiId) : p.penilaiLuarId !== null ? luarActors.get(p.penilaiLuarId) : delegateFor(db, skpId, actors);
}

/**
 * Mid-year revisions of approved SKPs (the cycle in PELAKSANAAN): each person `hold` names
 * changes the year's target of their first numeric indicator, which opens revision 2 as a
 * draft, and stops at the step given (draft, submitted and waiting, returned with a reason).
 * The approved revision 1 stays what the periodic reports are written against.
 */
async function reviseSkp(db: Db, siklusId: number, people: Person[], actors: Map<number, Actor>, hold: Map<number, 'DRAFT' | 'DIAJUKAN' | 'DIKEMBALIKAN'>, luarActors: Map<number, Actor>): Promise<Omit<Counts, 'approved'>> {
  const counts = { submitted: 0, returned: 0, draft: 0 };
  await eachLimited(people.filter((p) => hold.has(p.id)), 6, async (p) => {
    const skp = await db.prisma.skp.findFirst({ where: { siklusId, pegawaiId: p.id, status: 'DISETUJUI', ditutupAt: null }, select: { id: true, pendekatan: true } });
    if (!skp) return;
    const ind = await db.prisma.indikator.findFirst({ where: { rhk: { skpId: skp.id, dihapusRevisi: null }, dihapusRevisi: null, jenisTarget: 'ANGKA' }, orderBy: [{ rhk: { urutan: 'asc' } }, { urutan: 'asc' }] });
    if (!ind) return;
    const actor = actors.get(p.id)!;
    const naik = Number(ind.targetAngka) * (ind.lebihBaik === 'RENDAH' ? 0.8 : 1.1);
    const target = String(ind.satuan === '%' ? Math.min(100, Math.round(naik * 10) / 10) : Math.max(1, Math.round(naik))).replace('.', ',');
    const v = indikatorForm(skp.pendekatan).parse({
      version: String(await versionOf(db, skp.id)), aspek: ind.aspek, teks: ind.teks, jenisTarget: 'ANGKA', targetAngka: target,
      satuan: ind.satuan ?? '', lebihBaik: ind.lebihBaik, gabungPeriode: ind.gabungPeriode,
    });
    await saveIndikator(db, { actor, skpId: skp.id, version: v.version }, { indikatorId: ind.id }, v);
    const stop = hold.get(p.id)!;
    if (stop === 'DRAFT') { counts.draft++; return; }
    await submitSkp(db, { actor, skpId: skp.id, version: await versionOf(db, skp.id) });
    const appraiser = stop === 'DIKEMBALIKAN' ? await appraiserOf(db, p, skp.id, actors, luarActors) : undefined;
    if (!appraiser) { counts.submitted++; return; }
    await returnSkp(db, appraiser, skp.id, await versionOf(db, skp.id), 'Perubahan target di tengah tahun perlu disertai penyesuaian rencana aksi dan target triwulan III–IV.', new Map());
    counts.returned++;
  });
  return counts;
}

/** For an SKP whose appraiser's post is vacant: the delegate (Plt) in force who may act for it, by the one rule (src/domain/acting.ts). */
async function delegateFor(db: Db, skpId: number, actors: Map<number, Actor>): Promise<Actor | undefined> {
  const skp = await db.prisma.skp.findUniqueOrThrow({
    where: { id: skpId },
    select: { pegawaiId: true, penilaiId: true, penilaiLuarId: true, penilai: { select: { jabatanId: true } }, pegawai: { select: { penilaiId: true, ...PEGAWAI_PENILAI_INCLUDE } } },
  });
  return [...actors.values()].find((a) => a.delegasi.length > 0 && actingAs(a, dinilaiOleh(skp)) !== null);
}

/** Moves a cycle forward phase by phase up to `ke`; stops (and says why) at the first blocker. */
async function moveTo(db: Db, jobs: JobRunner, admin: Actor, siklusId: number, ke: string, log: (m: string) => void): Promise<void> {
  const order = ['DRAFT', 'PERENCANAAN', 'PELAKSANAAN', 'PENILAIAN', 'KALIBRASI', 'SELESAI'];
  for (;;) {
    const s = await db.prisma.siklus.findUniqueOrThrow({ where: { id: siklusId } });
    if (order.indexOf(s.fase) >= order.indexOf(ke)) return;
    const next = order[order.indexOf(s.fase) + 1]!;
    try {
      await moveFase(db, jobs, admin, s.id, s.version, next as 'PERENCANAAN');
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      log(`seed: cycle ${s.tahun} stays in ${s.fase}: ${e.problems.map((p) => p.key).join(', ')}`);
      return;
    }
    await jobs.idle();
  }
}

/**
 * Adds the demo cycles when the database has none: last year (its SKPs approved, the cycle left in
 * PENILAIAN for seed-evaluasi.ts) and this year (in planning). `tahun` is this year. Returns false when a cycle already exists.
 */
export async function seedPlanning(
  db: Db,
  jobs: JobRunner,
  opts: { tahun: number; log?: (m: string) => void; /** NIPs of the demo logins, so their pages show each step */ demo?: { penilai?: string; pegawai?: string } },
): Promise<boolean> {
  const log = opts.log ?? (() => undefined);
  if ((await db.prisma.siklus.count()) > 0) return false;
  const adminUser = await db.prisma.user.findUnique({ where: { username: 'admin' } });
  if (!adminUser) return false;
  const admin = (await loadActor(db.pool, adminUser.id))!;

  const rows = await db.prisma.pegawai.findMany({
    where: { aktif: true },
    select: { id: true, nip: true, nama: true, penilaiId: true, penilaiLuarId: true, jabatan: { select: { nama: true, jenis: true } }, unit: { select: { nama: true, kode: true } }, user: { select: { id: true } } },
    orderBy: { id: 'asc' },
  });
  const people: Person[] = rows.map((r) => ({ id: r.id, nama: r.nama, penilaiId: r.penilaiId, penilaiLuarId: r.penilaiLuarId, jabatan: r.jabatan.nama, jenis: r.jabatan.jenis, unit: r.unit.nama, unitKode: r.unit.kode }));
  const actors = new Map<number, Actor>();
  for (const r of rows) if (r.user) actors.set(r.id, (await loadActor(db.pool, r.user.id))!);
  // Officials outside the agency decide with their own logins (the Sekda for the Kepala Dinas).
  const luarActors = new Map<number, Actor>();
  for (const u of await db.prisma.user.findMany({ where: { pejabatLuarId: { not: null }, aktif: true }, select: { id: true, pejabatLuarId: true } })) {
    const a = await loadActor(db.pool, u.id);
    if (a) luarActors.set(u.pejabatLuarId!, a);
  }

  // Last year: everyone's SKP approved, the cycle closed.
  const lalu = await createSiklus(db, admin, { tahun: opts.tahun - 1, jenisPeriode: 'TRIWULANAN' });
  await moveTo(db, jobs, admin, lalu.id, 'PERENCANAAN', log);
  const c1 = await planCycle(db, lalu.id, people, actors, new Map(), { periodePlans: 'bulk', luarActors });
  // Left in PENILAIAN: the annual evaluation's seed (seed-evaluasi.ts) takes it through the year's
  // end once its periodic reports exist (computation, confirmation, calibration, finalisation).
  await moveTo(db, jobs, admin, lalu.id, 'PENILAIAN', log);

  // This year: every SKP approved (the Sekda approves the Kepala Dinas's), the cycle moved on to
  // PELAKSANAAN through the cycle service, as HR would once the plans are agreed. The planning
  // steps then show again as mid-year revisions: a few people at each step, spread over the units.
  const ini = await createSiklus(db, admin, { tahun: opts.tahun, jenisPeriode: 'TRIWULANAN' });
  await moveTo(db, jobs, admin, ini.id, 'PERENCANAAN', log);
  const c2 = await planCycle(db, ini.id, people, actors, new Map(), { periodePlans: 'service', luarActors });
  await moveTo(db, jobs, admin, ini.id, 'PELAKSANAAN', log);

  const staff = people.filter((p) => p.jenis === 'PELAKSANA' || p.jenis === 'FUNGSIONAL');
  const hold = new Map<number, 'DRAFT' | 'DIAJUKAN' | 'DIKEMBALIKAN'>();
  staff.forEach((p, i) => {
    if (i % 13 === 2) hold.set(p.id, 'DIAJUKAN');
    else if (i % 13 === 5) hold.set(p.id, 'DRAFT');
    else if (i % 17 === 7) hold.set(p.id, 'DIKEMBALIKAN');
  });
  // The demo appraiser finds two revisions waiting; the demo employee's came back with a reason.
  const nipOf = new Map(rows.map((r) => [r.id, r.nip]));
  const penilai = rows.find((r) => r.nip === opts.demo?.penilai);
  if (penilai) {
    const theirs = people.filter((p) => p.penilaiId === penilai.id && nipOf.get(p.id) !== opts.demo?.pegawai);
    theirs.forEach((p, i) => (i < 2 ? hold.set(p.id, 'DIAJUKAN') : hold.delete(p.id)));
  }
  const pegawai = rows.find((r) => r.nip === opts.demo?.pegawai);
  if (pegawai) hold.set(pegawai.id, 'DIKEMBALIKAN');
  // The Sekda's demo login finds the Kepala Dinas's revision waiting for their decision.
  for (const p of people) if (p.penilaiLuarId !== null) hold.set(p.id, 'DIAJUKAN');
  const c3 = await reviseSkp(db, ini.id, people, actors, hold, luarActors);
  const fase = (await db.prisma.siklus.findUniqueOrThrow({ where: { id: ini.id }, select: { fase: true } })).fase;
  log(`seed: cycle ${opts.tahun - 1}: ${c1.approved} SKP approved; cycle ${opts.tahun} (${fase}): ${c2.approved} approved, then revisions: ${c3.submitted} submitted, ${c3.returned} returned, ${c3.draft} draft.`);
  return true;
}
