import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { HITUNG_JOB, hitungTahunan, mulaiHitung } from '../../src/modules/evaluasi/hitung/service.js';
import { barisTahunan, type IsiIndikator } from '../../src/modules/evaluasi/hitung/queries.js';
import { setPendekatan } from '../../src/modules/skp/planning/service.js';
import { NILAI_BERAKHLAK } from '../../src/domain/berakhlak.js';

// The year-end computation (docs/domain/evaluasi-hitung.md): every employee's suggestion from all
// periods and all SKP pieces of the year, as a job HR starts from the cycle page; the unit-head
// rule; re-running gives the same rows and never touches an appraiser's rating; a stopped run
// leaves nothing behind and the next one completes.

const clock = fixedClock('2026-01-01T00:00:00Z');
let t: TestApp;
let tahun: number;
let siklusId: number;
let admin: Agent;
let jobs: JobRunner;

type Ekspektasi = 'DI_BAWAH' | 'SESUAI' | 'DI_ATAS';
let penilaiA: given.GivenPegawai;
let penilaiB: given.GivenPegawai;
// Triwulan I–IV reported, both RHKs above expectation, every value marked as expected
let lengkap: given.GivenPegawai;
let skpLengkap: given.GivenSkp;
// Triwulan IV reported for RHK 1 only
let kurang: given.GivenPegawai;
// moved on 15 May from a JF Ahli Pertama post (appraiser A) to a JF Ahli Muda post (appraiser B)
let pindah: given.GivenPegawai;
let skp1: given.GivenSkp;
let skp2: given.GivenSkp;
// heads their unit
let kepala: given.GivenPegawai;
let unitKepala: given.GivenUnit;
// a qualitative SKP with one indicator of each other kind: a time where less is better, a range,
// and a statement holding what JSON must escape (appraiser C has no other appraisee)
let aneka: given.GivenPegawai;
let skpAneka: given.GivenSkp;
const PERNYATAAN = 'Dinilai "baik" oleh tim \\ sub-bagian;\nbaris kedua\tdengan tab, \u0007 dan \u00e9 \u2713';

const tandaSemua = (k: Ekspektasi) => Object.fromEntries(NILAI_BERAKHLAK.map((n) => [n, k])) as Record<(typeof NILAI_BERAKHLAK)[number], Ekspektasi>;

/** A submitted report on `skp` for period `urutan` with `angka` per indicator, and the appraiser's marks. */
async function lapor(s: given.GivenSkp, urutan: number, angka: Record<number, string>, tanda: Partial<Record<(typeof NILAI_BERAKHLAK)[number], Ekspektasi>> = {}) {
  const l = await given.laporanLangsung(t, s, urutan, { status: 'DIAJUKAN', realisasi: Object.fromEntries(Object.entries(angka).map(([id, a]) => [id, { angka: a }])) });
  const marks = Object.entries(tanda);
  if (marks.length) await t.db.prisma.tandaPerilaku.createMany({ data: marks.map(([nilai, k]) => ({ laporanId: l.id, nilai: nilai as (typeof NILAI_BERAKHLAK)[number], tanda: k })) });
  return l;
}
const semua = (s: given.GivenSkp, a: string) => Object.fromEntries(s.rhk.flatMap((r) => r.indikator).map((i) => [i, a]));

const saranOf = (pegawaiId: number) => t.db.prisma.saranTahunan.findUniqueOrThrow({ where: { siklusId_pegawaiId: { siklusId, pegawaiId } } });
const rincianOf = async (pegawaiId: number) => (await saranOf(pegawaiId)).rincian as Record<string, any>;
async function jalankan(): Promise<void> {
  await mulaiHitung(t.db, await given.adminActor(t), siklusId, jobs);
  await jobs.idle();
  const job = await t.db.prisma.job.findFirstOrThrow({ where: { siklusId, jenis: HITUNG_JOB }, orderBy: { id: 'desc' } });
  expect(job.status, job.pesan ?? '').toBe('SELESAI');
}

beforeAll(async () => {
  t = await testApp({}, { clock });
  jobs = t.app.locals.jobs as JobRunner;
  admin = await loginAs(t.app, 'admin');
  ({ id: siklusId, tahun } = await given.siklusTerbuka(t));
  const u = await given.unit(t);
  penilaiA = await given.pegawai(t, { unitId: u.id, jenis: 'PENGAWAS' });
  const unitB = await given.unit(t);
  penilaiB = await given.pegawai(t, { unitId: unitB.id, jenis: 'PENGAWAS' });
  await given.skp(t, penilaiA, { rhk: 1 });
  await given.skp(t, penilaiB, { rhk: 1 });

  lengkap = await given.pegawai(t, { unitId: u.id, penilai: penilaiA });
  skpLengkap = await given.skpDisetujui(t, lengkap, { rhk: 2, indikator: 1 });
  kurang = await given.pegawai(t, { unitId: u.id, penilai: penilaiA });
  const skpKurang = await given.skpDisetujui(t, kurang, { rhk: 2, indikator: 1 });

  // the mover: a JF Ahli Pertama in unit A, to a JF Ahli Muda in unit B on 15 May
  const jfPertama = await given.jabatan(t, { unitId: u.id, jenis: 'FUNGSIONAL', jenjangJf: 'PERTAMA' });
  pindah = await given.pegawai(t, { jabatanId: jfPertama.id, penilai: penilaiA });
  skp1 = await given.skpDisetujui(t, pindah, { rhk: 1, indikator: 1 });
  const jfMuda = await given.jabatan(t, { unitId: unitB.id, jenis: 'FUNGSIONAL', jenjangJf: 'MUDA' });
  const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: pindah.id } });
  const open = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp1.id } });
  const moved = await postForm(admin, `/pegawai/${pindah.id}/mutasi`, { version: pg.version, skpVersion: open.version, jenis: 'MUTASI', tmt: `${tahun}-05-15`, jabatanId: jfMuda.id, penilaiNip: penilaiB.nip, keterangan: 'SK 821/15', skpBaru: '1' }, `/pegawai/${pindah.id}/mutasi`);
  expect(moved.status).toBe(303);
  skp2 = await given.skpDisetujui(t, { id: pindah.id, penilaiId: penilaiB.id }, { rhk: 1, indikator: 1 });

  // the head of a unit of their own
  unitKepala = await given.unit(t, { parentId: u.id });
  const jKepala = await given.jabatan(t, { unitId: unitKepala.id, jenis: 'PENGAWAS', kepalaUnit: true });
  kepala = await given.pegawai(t, { jabatanId: jKepala.id, penilai: penilaiA });
  const skpKepala = await given.skpDisetujui(t, kepala, { rhk: 1, indikator: 1 });

  const unitC = await given.unit(t);
  const penilaiC = await given.pegawai(t, { unitId: unitC.id, jenis: 'PENGAWAS' });
  const skpC = await given.skp(t, penilaiC, { rhk: 1 });
  aneka = await given.pegawai(t, { unitId: unitC.id, penilai: penilaiC });
  const draft = await given.skp(t, aneka, { rhk: 0 });
  await setPendekatan(t.db, { actor: await given.actorOf(t, aneka.id), skpId: draft.id, version: draft.version }, 'KUALITATIF');
  const atasan = skpC.rhk[0]!.id;
  await given.rhk(t, draft, { rhkAtasanId: atasan, indikator: { aspek: 'WAKTU', jenisTarget: 'ANGKA', targetAngka: '12', satuan: 'hari', lebihBaik: 'RENDAH' } });
  await given.rhk(t, draft, { rhkAtasanId: atasan, indikator: { aspek: 'KUALITAS', jenisTarget: 'RENTANG', targetMin: '80', targetMax: '90', satuan: 'persen' } });
  await given.rhk(t, draft, { rhkAtasanId: atasan, indikator: { aspek: 'KUALITAS', jenisTarget: 'KUALITATIF', targetTeks: 'Laporan diterima tanpa revisi' } });
  await given.submit(t, draft);
  skpAneka = await given.approve(t, draft);
  await given.faseSiklus(t, siklusId, 'PELAKSANAAN');

  // the year, reported (target 12 per indicator; the year's value is the last period's)
  for (const [i, a] of ['3', '6', '9', '14'].entries()) await lapor(skpLengkap, i + 1, semua(skpLengkap, a), i === 3 ? tandaSemua('SESUAI') : { KOMPETEN: 'DI_BAWAH' });
  for (const u2 of [1, 2, 3]) await lapor(skpKurang, u2, semua(skpKurang, '12'));
  await lapor(skpKurang, 4, { [skpKurang.rhk[0]!.indikator[0]!]: '12' }, tandaSemua('SESUAI'));
  // first piece (Triwulan I, part of II): above; second (part of II, III, IV): as expected
  await lapor(skp1, 1, semua(skp1, '14'), tandaSemua('DI_ATAS'));
  await lapor(skp1, 2, semua(skp1, '14'));
  await lapor(skp2, 2, semua(skp2, '12'));
  await lapor(skp2, 3, semua(skp2, '12'));
  await lapor(skp2, 4, semua(skp2, '12'), { ...tandaSemua('SESUAI'), ADAPTIF: 'DI_ATAS' });
  for (const u2 of [1, 2, 3, 4]) await lapor(skpKepala, u2, semua(skpKepala, '12'), u2 === 4 ? tandaSemua('DI_ATAS') : {});
  const [waktu, rentang, mutu] = skpAneka.rhk.map((r) => r.indikator[0]!);
  for (const u2 of [1, 2, 3, 4]) {
    const l = await given.laporanLangsung(t, skpAneka, u2, { status: 'DIAJUKAN', realisasi: { [waktu!]: { angka: '10' }, [rentang!]: { angka: '85' }, [mutu!]: { teks: PERNYATAAN, penilaian: 'TERCAPAI' } } });
    if (u2 === 4) await t.db.prisma.tandaPerilaku.createMany({ data: NILAI_BERAKHLAK.map((nilai) => ({ laporanId: l.id, nilai, tanda: 'SESUAI' as const })) });
  }
  await given.faseSiklus(t, siklusId, 'PENILAIAN');
});
afterAll(async () => {
  await t?.close();
});

describe('the suggestion per employee', () => {
  it('computes ratings, predikat, ranking nilai and reasons from the four periods and the latest marks', async () => {
    await jalankan();
    const s = await saranOf(lengkap.id);
    expect(s).toMatchObject({ skpId: skpLengkap.id, penilaiId: penilaiA.id, unitId: lengkap.unitId, kepalaUnitId: null, hasilKerja: 'DI_ATAS', perilaku: 'SESUAI', predikat: 'BAIK', policyVersion: 1 });
    // 14 / 12 = 116,67% for both UTAMA indicators
    expect(s.nilai?.toString()).toBe('116.67');
    const r = await rincianOf(lengkap.id);
    expect(r.potongan).toHaveLength(1);
    expect(r.potongan[0].rhk.map((x: any) => [x.label, x.kelas])).toEqual([['RHK 1', 'DI_ATAS'], ['RHK 2', 'DI_ATAS']]);
    expect(r.potongan[0].rhk[0].indikator[0]).toEqual({ id: skpLengkap.rhk[0]!.indikator[0], persen: 116.67, kelas: 'DI_ATAS' });
    expect(r.hasilKerja.reason.key).toBe('scoring.ratingHasil.diAtas');
    // the Triwulan I–III mark on KOMPETEN (below) gave way to the latest (as expected)
    expect(r.tandaTahun.KOMPETEN).toBe('SESUAI');
    expect(r.perilaku).toMatchObject({ rating: 'SESUAI', reason: { key: 'scoring.ratingPerilaku.sesuai' } });
    // not a functional position: no angka kredit pieces, in their column or in the explanation
    expect(s.ak).toBeNull();
    expect(r.ak).toBeUndefined();
  });

  it('withholds the year when a period has no realisasi, naming the RHK and the period', async () => {
    const s = await saranOf(kurang.id);
    expect(s).toMatchObject({ hasilKerja: null, perilaku: 'SESUAI', predikat: null });
    const r = await rincianOf(kurang.id);
    expect(r.hasilKerja).toMatchObject({ rating: null, hilang: ['RHK 2'], reason: { key: 'scoring.ratingHasil.withheld' } });
    const rhk2 = r.potongan[0].rhk[1];
    expect(rhk2).toMatchObject({ label: 'RHK 2', kelas: null, reason: { key: 'scoring.rhk.withheld' } });
    expect(rhk2.indikator[0]).toMatchObject({ kelas: null, reason: { key: 'scoring.tahun.periodeHilang', params: { hilang: 'Triwulan IV' } } });
    // never read as zero: the first RHK is as expected
    expect(r.potongan[0].rhk[0].kelas).toBe('SESUAI');
  });

  it("weighs a mid-year mover's pieces by their days, with the last piece's appraiser and unit, and AK months per piece", async () => {
    const s = await saranOf(pindah.id);
    expect(s).toMatchObject({ skpId: skp2.id, penilaiId: penilaiB.id, hasilKerja: 'SESUAI', perilaku: 'SESUAI', predikat: 'BAIK' });
    const r = await rincianOf(pindah.id);
    expect(r.potongan.map((p: any) => [p.id, p.hari, p.hasilKerja.rating])).toEqual([[skp1.id, 134, 'DI_ATAS'], [skp2.id, 231, 'SESUAI']]);
    expect(r.potongan[0].label).toBe(`SKP 1 Januari ${tahun} – 14 Mei ${tahun}`);
    expect(r.hasilKerja.reason).toMatchObject({ key: 'scoring.tahun.hariTerbanyak', params: { hari: 231, total: 365 } });
    // each piece counts its months at its own level (a month for the piece holding its first day)
    expect(s.ak).toEqual([{ skpId: skp1.id, jenjang: 'PERTAMA', bulan: 5 }, { skpId: skp2.id, jenjang: 'MUDA', bulan: 7 }]);
    expect(r.ak).toBeUndefined();
    // each piece measured on its own periods: 14 of 12 before the move, 12 of 12 after
    expect(r.potongan.map((p: any) => p.rhk[0].indikator[0])).toMatchObject([{ persen: 116.67, kelas: 'DI_ATAS' }, { persen: 100, kelas: 'SESUAI' }]);
  });
});

describe('every kind of indicator, through the read', () => {
  it('reads a time where less is better, a range and a statement with quotes, a backslash and control characters as they were written', async () => {
    // the read writes each indicator out as JSON text (queries.ts barisTahunan): a statement that
    // were not escaped would make the run fail, and the way of a time would read as "more is better"
    const r = await rincianOf(aneka.id);
    const [waktu, rentang, mutu] = skpAneka.rhk.map((x) => x.indikator[0]!);
    expect(r.potongan[0].rhk.map((x: any) => x.indikator[0])).toEqual([
      { id: waktu, persen: 116.67, kelas: 'DI_ATAS' },
      { id: rentang, persen: 100, kelas: 'SESUAI' },
      { id: mutu, penilaian: 'TERCAPAI', kelas: 'SESUAI' },
    ]);
    const row = await t.db.prisma.realisasi.findFirstOrThrow({ where: { indikatorId: mutu! } });
    expect(row.teks).toBe(PERNYATAAN);
    // the statement itself comes back from the read's JSON exactly as stored
    const q = barisTahunan(siklusId, aneka.id - 1, aneka.id);
    const piece = (await t.db.pool.query<{ isi: string | null }>(q.text, q.values as unknown[])).rows.find((x) => x.isi !== null)!;
    const entries = JSON.parse(piece.isi!) as IsiIndikator[];
    expect(entries.map((e) => [e[2], e[4], e[10], e[11]])).toEqual([
      [waktu, 'RENDAH', null, null],
      [rentang, 'TINGGI', null, null],
      [mutu, 'TINGGI', PERNYATAAN, 'TERCAPAI'],
    ]);
  });
});

describe('the unit-head rule', () => {
  it('withholds a unit head\'s Hasil Kerja while the organisation predikat is not set, saying so', async () => {
    const s = await saranOf(kepala.id);
    expect(s).toMatchObject({ kepalaUnitId: unitKepala.id, hasilKerja: null, perilaku: 'DI_ATAS', predikat: null });
    const r = await rincianOf(kepala.id);
    expect(r.hasilKerja.reason).toMatchObject({ key: 'evaluasiHitung.kepalaUnit.belumDitetapkan', params: { unit: unitKepala.nama } });
    // what the RHKs alone would suggest is kept beside it
    expect(r.hasilKerjaRhk).toMatchObject({ rating: 'SESUAI' });
    const page = await admin.get('/siklus/' + siklusId).expect(200);
    expect(page.text).toContain('Hasil terakhir');
  });

  it("takes the unit's organisation predikat as the head's Rating Hasil Kerja once it is set", async () => {
    await t.db.prisma.penetapanPredikat.create({ data: { siklusId, unitId: unitKepala.id, predikat: 'ISTIMEWA', dasar: 'Evaluasi Perjanjian Kinerja' } });
    await jalankan();
    const s = await saranOf(kepala.id);
    expect(s).toMatchObject({ kepalaUnitId: unitKepala.id, hasilKerja: 'DI_ATAS', perilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK' });
    const r = await rincianOf(kepala.id);
    expect(r.hasilKerja.reason.key).toBe('scoring.kepalaUnit');
    expect(r.kepalaUnit).toEqual({ unitId: unitKepala.id, predikatOrganisasi: 'ISTIMEWA' });
  });
});

describe('the appraiser reads what the computation wrote', () => {
  it("the year page explains the suggestion in words: each RHK's class, each indicator's capaian by its label, the ratings' reasons", async () => {
    // (the rows of the runs above)
    const a = await loginAs(t.app, penilaiA.login);
    const page = (await a.get(`/evaluasi/${lengkap.id}?siklus=${siklusId}`).expect(200)).text;
    expect(page).not.toContain('rincian tidak tersedia');
    expect(page).toMatch(/id="capaian-tahun"[^]*RHK 1<\/strong>: Di Atas Ekspektasi[^]*IKI 1\.1: [^<]*: 116,67% — Di Atas Ekspektasi/);
    expect(page).toMatch(/id="saran-hasil"[^]*Di Atas Ekspektasi/);
  });

  it("a unit head's year says the rating follows the unit's organisation predikat, with what the RHKs alone suggest", async () => {
    const a = await loginAs(t.app, penilaiA.login);
    const page = (await a.get(`/evaluasi/${kepala.id}?siklus=${siklusId}`).expect(200)).text;
    expect(page).not.toContain('rincian tidak tersedia');
    expect(page).toMatch(/id="saran-hasil"[^]*Istimewa/);
  });

  it("a mover's year names each piece's rating and the days that decided", async () => {
    const b = await loginAs(t.app, penilaiB.login);
    const page = (await b.get(`/evaluasi/${pindah.id}?siklus=${siklusId}`).expect(200)).text;
    expect(page).toMatch(/id="saran-hasil"[^]*hari/);
    expect(page).not.toContain('rincian tidak tersedia');
  });
});

describe('what the database holds a suggestion to', () => {
  // one foreign key (skp_id, pegawai_id, siklus_id) → skp: migration 20261210010000. Each write
  // is tried in a transaction rolled back after, in place of the employee's row of that cycle.
  async function tulis(skpId: number, pegawaiId: number, siklus: number): Promise<void> {
    const c = await t.db.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('DELETE FROM saran_tahunan WHERE siklus_id = $1 AND pegawai_id = $2', [siklus, pegawaiId]);
      await c.query(`INSERT INTO saran_tahunan (siklus_id, pegawai_id, skp_id, unit_id, rincian, policy_version) VALUES ($1, $2, $3, $4, '{}', 1)`, [siklus, pegawaiId, skpId, lengkap.unitId]);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  }
  it("refuses a suggestion whose employee or cycle is not its SKP's, and takes one whose are", async () => {
    const fk = { code: '23503', constraint: 'saran_tahunan_skp_id_pegawai_id_siklus_id_fkey' };
    await expect(tulis(skpLengkap.id, kurang.id, siklusId)).rejects.toMatchObject(fk);
    const lain = await given.siklusTerbuka(t, { tahun: tahun + 1 });
    await expect(tulis(skpLengkap.id, lengkap.id, lain.id)).rejects.toMatchObject(fk);
    await expect(tulis(skpLengkap.id, lengkap.id, siklusId)).resolves.toBeUndefined();
  });
});

describe('running again', () => {
  it('gives the same rows and leaves an appraiser\'s rating untouched', async () => {
    const e = await t.db.prisma.evaluasiTahunan.create({
      data: { siklusId, pegawaiId: lengkap.id, skpId: skpLengkap.id, ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', predikat: 'BAIK', saranHasilKerja: 'DI_ATAS', saranPerilaku: 'SESUAI', policyVersion: 1, alasanHasilKerja: 'Capaian triwulan IV belum diverifikasi', penilaiId: penilaiA.id },
    });
    const strip = (rows: { dihitungAt: Date; jobId: number | null }[]) => rows.map(({ dihitungAt: _d, jobId: _j, ...rest }) => rest);
    const before = strip(await t.db.prisma.saranTahunan.findMany({ where: { siklusId }, orderBy: { pegawaiId: 'asc' } }));
    await jalankan();
    const after = strip(await t.db.prisma.saranTahunan.findMany({ where: { siklusId }, orderBy: { pegawaiId: 'asc' } }));
    expect(after).toEqual(before);
    expect(await t.db.prisma.evaluasiTahunan.findUniqueOrThrow({ where: { id: e.id } })).toEqual(e);
  });

  it('tells each appraiser with unconfirmed appraisees once per run, and nobody whose appraisees are all confirmed', async () => {
    const last = await t.db.prisma.job.findFirstOrThrow({ where: { siklusId, jenis: HITUNG_JOB }, orderBy: { id: 'desc' } });
    const of = async (pegawaiId: number) => {
      const u = await t.db.prisma.user.findUniqueOrThrow({ where: { pegawaiId } });
      return t.db.prisma.notifikasi.findMany({ where: { userId: u.id, jenis: 'EVALUASI_SIAP' }, orderBy: { id: 'asc' } });
    };
    const a = await of(penilaiA.id);
    // three runs so far, one notice each; A's unconfirmed: kurang, kepala, the mover's first appraiser is no longer theirs
    expect(a.length).toBe(3);
    expect(a[2]!.params).toEqual({ tahun, jumlah: 2 });
    expect(a[2]!.kunci).toBe(`evaluasi-siap:${last.id}:p${penilaiA.id}`);
    expect((await of(penilaiB.id))[2]!.params).toEqual({ tahun, jumlah: 1 });
    // B's one appraisee confirmed: the next run tells A, not B
    await t.db.prisma.evaluasiTahunan.create({ data: { siklusId, pegawaiId: pindah.id, skpId: skp2.id, ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', predikat: 'BAIK', saranHasilKerja: 'SESUAI', saranPerilaku: 'SESUAI', policyVersion: 1, penilaiId: penilaiB.id } });
    await jalankan();
    expect((await of(penilaiA.id)).length).toBe(4);
    expect((await of(penilaiB.id)).length).toBe(3);
  });

  it('shows the previous result while a run is under way and after it stopped half-way; the next run completes', async () => {
    const before = await t.db.prisma.saranTahunan.findMany({ where: { siklusId }, orderBy: { pegawaiId: 'asc' } });
    expect(before.length).toBeGreaterThan(2);
    const job = await t.db.prisma.job.create({ data: { jenis: HITUNG_JOB, siklusId, status: 'BERJALAN' } });
    let calls = 0;
    let during: typeof before = [];
    const stop = async () => {
      // by the third report two batches of this run are written, in its transaction: not seen outside it
      if (++calls === 3) {
        during = await t.db.prisma.saranTahunan.findMany({ where: { siklusId }, orderBy: { pegawaiId: 'asc' } });
        throw new Error('shutting down');
      }
    };
    await expect(hitungTahunan(t.db, siklusId, { jobId: job.id, progress: stop, batch: 1 })).rejects.toThrow('shutting down');
    expect(calls).toBe(3);
    expect(during).toEqual(before);
    // nothing of the stopped run reached the suggestions
    expect(await t.db.prisma.saranTahunan.findMany({ where: { siklusId }, orderBy: { pegawaiId: 'asc' } })).toEqual(before);
    const r = await hitungTahunan(t.db, siklusId, { jobId: job.id, batch: 1 });
    const after = await t.db.prisma.saranTahunan.findMany({ where: { siklusId }, orderBy: { pegawaiId: 'asc' } });
    expect(r.total).toBe(after.length);
    expect(r.ditahan).toBe(after.filter((s) => s.predikat === null).length);
    const strip = (rows: typeof after) => rows.map(({ dihitungAt: _d, jobId: _j, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    expect(after.every((s) => s.jobId === job.id)).toBe(true);
    await t.db.prisma.job.update({ where: { id: job.id }, data: { status: 'SELESAI' } });
  });
});

describe('when the database cannot give it a connection', () => {
  it('fails without keeping the connections it had already taken', async () => {
    const pool = t.db.pool;
    const connect = pool.connect.bind(pool);
    let calls = 0;
    const inUse = () => pool.totalCount - pool.idleCount;
    const before = inUse();
    // the third connection asked for as a promise (pool.query asks with a callback: left alone)
    (pool as { connect: unknown }).connect = (...args: unknown[]) => {
      if (args.length) return (connect as (...a: unknown[]) => unknown)(...args);
      return ++calls === 3 ? Promise.reject(new Error('no connection left')) : connect();
    };
    const job = await t.db.prisma.job.create({ data: { jenis: HITUNG_JOB, siklusId, status: 'BERJALAN' } });
    try {
      await expect(hitungTahunan(t.db, siklusId, { jobId: job.id })).rejects.toThrow('no connection left');
    } finally {
      delete (pool as { connect?: unknown }).connect; // the prototype's again
    }
    expect(calls).toBe(3);
    expect(inUse()).toBe(before);
    await t.db.prisma.job.update({ where: { id: job.id }, data: { status: 'GAGAL' } });
  });
});

describe('who may run it, and when', () => {
  it('is HR only: anyone else is refused', async () => {
    for (const who of [lengkap, penilaiA]) {
      const a = await loginAs(t.app, who.login);
      expect((await postForm(a, `/siklus/${siklusId}/saran-tahunan`, {})).status).toBe(403);
      expect((await a.get(`/siklus/${siklusId}/saran-tahunan/job.json`)).status).toBe(403);
    }
  });

  it('is refused outside PENILAIAN and KALIBRASI with the reason in Indonesian', async () => {
    await given.faseSiklus(t, siklusId, 'SELESAI');
    const res = await postForm(admin, `/siklus/${siklusId}/saran-tahunan`, {}, `/siklus/${siklusId}`);
    expect(res.status).toBe(303);
    const page = await admin.get(`/siklus/${siklusId}`).expect(200);
    expect(page.text).toContain(`Saran evaluasi tahunan ${tahun} hanya dapat dihitung pada fase Penilaian atau Kalibrasi`);
    expect(page.text).not.toContain('action="/siklus/' + siklusId + '/saran-tahunan"');
    await given.faseSiklus(t, siklusId, 'KALIBRASI');
  });

  it('runs from the cycle page through the real form, with its progress and last result', async () => {
    const page = await admin.get(`/siklus/${siklusId}`).expect(200);
    expect(page.text).toContain('Hitung saran evaluasi tahunan');
    const n = await t.db.prisma.job.count({ where: { siklusId, jenis: HITUNG_JOB } });
    const res = await postForm(admin, `/siklus/${siklusId}/saran-tahunan`, {}, `/siklus/${siklusId}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/siklus/${siklusId}#saran-tahunan`);
    await jobs.idle();
    expect(await t.db.prisma.job.count({ where: { siklusId, jenis: HITUNG_JOB } })).toBe(n + 1);
    const json = (await admin.get(`/siklus/${siklusId}/saran-tahunan/job.json`).expect(200)).body;
    const total = await t.db.prisma.saranTahunan.count({ where: { siklusId } });
    const ditahan = await t.db.prisma.saranTahunan.count({ where: { siklusId, predikat: null } });
    expect(json).toMatchObject({ status: 'SELESAI', total, selesai: total, hasil: { total, ditahan } });
    const after = await admin.get(`/siklus/${siklusId}`).expect(200);
    expect(after.text).toContain(`Hasil terakhir: ${total.toLocaleString('id-ID')} pegawai dihitung, ${ditahan.toLocaleString('id-ID')} di antaranya saran ditahan`);
    expect(after.text).toContain('data-job-url="/siklus/' + siklusId + '/saran-tahunan/job.json"');
    // audited
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'siklus.startHitungTahunan', entitasId: String(siklusId) } })).toBeGreaterThan(0);
  });
});
