import { serialRating, serialSaran } from '../../src/modules/evaluasi/hitung/susun.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { DEFAULT_POLICY, reason, saranTahunan, suggestRatingHasilKerja, suggestRatingPerilaku, type IndikatorTahun } from '../../src/domain/scoring/index.js';
import { NILAI_BERAKHLAK } from '../../src/domain/berakhlak.js';

// The appraiser's confirmation of the year (issue 12 § 2, docs/domain/evaluasi-konfirmasi.md):
// the queue of the year's suggestions, the whole year per appraisee, confirm or override both
// ratings (a reason for an override, version-checked, a double submit taken once, audited), the
// phases that allow it, the mid-year mover, and the employee's own read-only year; through the
// real forms, with suggestions written directly (given.saranLangsung: the computation's own tests
// run the job).

let t: TestApp;
let siklusId: number;
let tahun: number;
let team: Awaited<ReturnType<typeof given.pegawaiWithPenilai>>;
let skp: given.GivenSkp;
let ditahan: given.GivenPegawai; // an appraisee whose Rating Hasil Kerja suggestion is withheld
let dobel: given.GivenPegawai; // for the double submit
let kalibrasi: given.GivenPegawai;
let penilai: Agent;
let pegawai: Agent;
let admin: Agent;
let stranger: Awaited<ReturnType<typeof given.pegawaiWithPenilai>>;
let penilaiA: given.GivenPegawai;
let penilaiB: given.GivenPegawai;
let mover: given.GivenPegawai;
let moverSkp: { first: number; second: number };
let luarPegawai: given.GivenPegawai;
let pejabat: given.GivenPejabatLuar; // an outside official with a login of their own
let luarPegawai2: given.GivenPegawai;
let plh: given.GivenPegawai; // holds a Plh for the penilai's post today
let didelegasi: given.GivenPegawai; // answered by both the penilai and the Plh
let kepala: given.GivenPegawai; // heads a unit (the unit-head rule)

const RHK_SESUAI = { kind: 'kelas' as const, kelas: 'SESUAI' as const, hitungan: { atas: 0, sesuai: 1, bawah: 0, total: 1 }, reason: reason('scoring.rhk.sesuai'), rincian: [], policyVersion: 1 };
/** What the computation stores (hitung/susun.ts serialRating) for a plain Sesuai × Sesuai year. */
const rincianSesuai = () => ({
  hasilKerja: serialRating(suggestRatingHasilKerja([{ id: 1, label: 'RHK 1', jenis: 'UTAMA', klasifikasi: RHK_SESUAI }], DEFAULT_POLICY)),
  perilaku: serialRating(suggestRatingPerilaku(Object.fromEntries(NILAI_BERAKHLAK.map((n) => [n, 'SESUAI'])), DEFAULT_POLICY)),
});
const rincianDitahan = () => ({
  hasilKerja: serialRating({ kind: 'withheld', hilang: ['RHK 2'], reason: reason('scoring.ratingHasil.withheld', { daftar: 'RHK 2' }), policyVersion: 1 }),
  perilaku: rincianSesuai().perilaku,
});

/** The computation's own result for a mover: January–June 30+30 of 50 (above), July–December 25+25 of 50 (as expected), both the second piece's days. */
const Q = ['Triwulan I', 'Triwulan II', 'Triwulan III', 'Triwulan IV'];
const ind = (id: number, quarters: [number, number][]): IndikatorTahun<number> => ({
  id, label: `IKI ${id}`, jenisTarget: 'ANGKA', lebihBaik: 'TINGGI', gabungPeriode: 'JUMLAH', target: { targetAngka: 50 },
  realisasi: quarters.map(([q, angka]) => ({ periode: Q[q]!, angka })),
});
const rincianMover = () => {
  const s = saranTahunan(
    [
      { id: 1, label: 'SKP 1 Januari – 30 Juni', hari: 181, rhk: [{ id: 1, label: 'RHK 1', jenis: 'UTAMA', indikator: [ind(1, [[0, 30], [1, 30]])] }] },
      { id: 2, label: 'SKP 1 Juli – 31 Desember', hari: 184, rhk: [{ id: 2, label: 'RHK 1', jenis: 'UTAMA', indikator: [ind(2, [[2, 25], [3, 25]])] }] },
    ],
    [Object.fromEntries(NILAI_BERAKHLAK.map((n) => [n, 'SESUAI']))],
    DEFAULT_POLICY,
  );
  // as the computation stores it in jsonb
  return JSON.parse(JSON.stringify(serialSaran(s))) as object;
};

const page = (a: Agent, pegawaiId: number) => a.get(`/evaluasi/${pegawaiId}?siklus=${siklusId}`);
const konfirmasi = (a: Agent, pegawaiId: number, body: Record<string, string>) =>
  postForm(a, `/evaluasi/${pegawaiId}?siklus=${siklusId}`, { version: '', saranHasilKerja: 'SESUAI', saranPerilaku: 'SESUAI', ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', ...body });
const evaluasiOf = (pegawaiId: number) => t.db.prisma.evaluasiTahunan.findUnique({ where: { siklusId_pegawaiId: { siklusId, pegawaiId } } });
const auditCount = (aksi: string, id: number) => t.db.prisma.auditLog.count({ where: { aksi, entitas: 'evaluasi_tahunan', entitasId: String(id) } });

beforeAll(async () => {
  t = await testApp();
  ({ id: siklusId, tahun } = await given.siklusTerbuka(t));
  team = await given.pegawaiWithPenilai(t);
  skp = await given.skpDisetujui(t, team.pegawai, { rhk: 1, indikator: 1 });
  ditahan = await given.pegawai(t, { unitId: team.unitId, penilai: team.penilai });
  dobel = await given.pegawai(t, { unitId: team.unitId, penilai: team.penilai });
  kalibrasi = await given.pegawai(t, { unitId: team.unitId, penilai: team.penilai });
  stranger = await given.pegawaiWithPenilai(t);
  // the appraiser's own year, appraised by someone else
  const penilaiSkp = await given.skp(t, team.penilai);
  await given.saranLangsung(t, penilaiSkp);

  // a mid-year mover: appraised by A until June, by B from July (a new SKP from the TMT)
  penilaiA = await given.pegawai(t, { unitId: team.unitId, jenis: 'PENGAWAS' });
  const unitB = (await given.unit(t)).id;
  penilaiB = await given.pegawai(t, { unitId: unitB, jenis: 'PENGAWAS' });
  await given.skp(t, penilaiA, { rhk: 1 });
  await given.skp(t, penilaiB, { rhk: 1 });
  mover = await given.pegawai(t, { unitId: team.unitId, penilai: penilaiA });
  const first = await given.skpDisetujui(t, mover, { rhk: 1, indikator: 1 });
  const periode = await given.periodeOf(t, siklusId);
  await given.laporan(t, first.id, periode[0]!.id, { status: 'DINILAI' });
  admin = await loginAs(t.app, 'admin');
  const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: mover.id } });
  const jabatanBaru = await given.jabatan(t, { unitId: unitB, nama: `Analis Kebijakan ${mover.id}` });
  const moved = await postForm(admin, `/pegawai/${mover.id}/mutasi`, {
    version: pg.version, skpVersion: first.version, jenis: 'MUTASI', tmt: `${tahun}-07-01`, jabatanId: jabatanBaru.id, penilaiNip: penilaiB.nip, keterangan: 'SK 821/12', skpBaru: '1',
  }, `/pegawai/${mover.id}/mutasi`);
  expect(moved.status).toBe(303);
  const second = await t.db.prisma.skp.findFirstOrThrow({ where: { pegawaiId: mover.id, siklusId, ditutupAt: null } });
  moverSkp = { first: first.id, second: second.id };

  // an employee appraised by an official outside the agency (HR records on their behalf)
  const luar = await given.pejabatLuar(t);
  luarPegawai = await given.pegawai(t, { unitId: team.unitId, penilaiLuar: luar });
  pejabat = await given.pejabatLuar(t, { login: true });
  luarPegawai2 = await given.pegawai(t, { unitId: team.unitId, penilaiLuar: pejabat });

  // a Plh for the penilai's post, in force today; and an employee heading a unit
  plh = await given.pegawai(t, { unitId: team.unitId, jenis: 'PENGAWAS' });
  await given.delegasi(t, { jabatanId: team.penilai.jabatanId, pemberi: team.penilai, penerima: plh });
  didelegasi = await given.pegawai(t, { unitId: team.unitId, penilai: team.penilai });
  kepala = await given.pegawai(t, { unitId: team.unitId, penilai: team.penilai });

  // the year's suggestions, as the computation would write them
  await given.saranLangsung(t, skp, { nilai: '104.25', rincian: rincianSesuai() });
  await given.saranLangsung(t, await given.skp(t, ditahan), { hasilKerja: null, rincian: rincianDitahan() });
  await given.saranLangsung(t, await given.skp(t, dobel), { rincian: rincianSesuai() });
  await given.saranLangsung(t, await given.skp(t, kalibrasi), { rincian: rincianSesuai() });
  await given.saranLangsung(t, { id: moverSkp.second }, { rincian: rincianMover() });
  await given.saranLangsung(t, await given.skp(t, luarPegawai), { rincian: rincianSesuai() });
  await given.saranLangsung(t, await given.skp(t, stranger.pegawai), { rincian: rincianSesuai() });
  await given.saranLangsung(t, await given.skp(t, didelegasi), { rincian: rincianSesuai() });
  await given.saranLangsung(t, await given.skp(t, luarPegawai2), { rincian: rincianSesuai() });
  await given.saranLangsung(t, await given.skp(t, kepala), { hasilKerja: 'DI_ATAS', predikat: 'BAIK', kepalaUnitId: team.unitId, rincian: rincianSesuai() });

  await given.faseSiklus(t, siklusId, 'PENILAIAN');
  penilai = await loginAs(t.app, team.penilai.login);
  pegawai = await loginAs(t.app, team.pegawai.login);
});
afterAll(async () => { await t?.close(); });

describe('the queue', () => {
  it('lists the appraisees with the suggestion (or "ditahan" and why), waiting first; an employee who appraises nobody goes to their own year', async () => {
    const q = await penilai.get(`/evaluasi?siklusId=${siklusId}`).expect(200);
    expect(q.text).toContain(`href="/evaluasi/${team.pegawai.id}?siklus=${siklusId}"`);
    expect(q.text).toContain(`href="/evaluasi/${ditahan.id}?siklus=${siklusId}"`);
    expect(q.text).toContain('ditahan — Saran Rating Hasil Kerja menunggu klasifikasi RHK: RHK 2.');
    expect(q.text).toMatch(/<strong>6<\/strong> menunggu konfirmasi/); // the penilai's six
    expect(q.text).not.toContain(`/evaluasi/${stranger.pegawai.id}?`);
    expect(q.text).not.toContain(`/evaluasi/${mover.id}?`); // B's now, not the penilai's
    const own = await pegawai.get(`/evaluasi?siklusId=${siklusId}`);
    expect(own.status).toBe(303);
    expect(own.headers.location).toBe(`/evaluasi/saya?siklus=${siklusId}`);
  });
});

describe('one appraisee\'s year', () => {
  it('shows the pieces, the suggestion with its reason in words, the ranking nilai and the matrix, the form preselected with the suggestion', async () => {
    const res = await page(penilai, team.pegawai.id).expect(200);
    expect(res.text).toContain(`id="skp-${skp.id}"`);
    expect(res.text).toContain('1 sesuai, 0 di bawah ekspektasi dari 1');
    expect(res.text).toContain('104,25%');
    expect(res.text).toContain('name="saranHasilKerja" value="SESUAI"');
    expect(res.text).toMatch(/name="ratingHasilKerja" value="SESUAI" checked/);
    expect(res.text).toMatch(/name="ratingPerilaku" value="SESUAI" checked/);
    expect(res.text).toContain('kuadran PermenPANRB 6/2022');
    expect(res.text).toMatch(/id="predikat-pilihan"[^]*?<output>Baik<\/output>/);
    expect(res.text).toContain('data-hasil="SESUAI" data-perilaku="SESUAI" class="terpilih"');
    // a withheld suggestion: nothing preselected, the reason says why
    const w = await page(penilai, ditahan.id).expect(200);
    expect(w.text).toContain('name="saranHasilKerja" value="TIDAK_ADA"');
    expect(w.text).not.toMatch(/name="ratingHasilKerja" value="\w+" checked/);
    expect(w.text).toContain('Saran Rating Hasil Kerja menunggu klasifikasi RHK: RHK 2.');
  });

  it('is nobody else\'s: the employee, a colleague\'s appraiser, HR (for an employee appraised inside) and a missing id find nothing', async () => {
    await pegawai.get(`/evaluasi/${ditahan.id}?siklus=${siklusId}`).expect(404);
    await page(pegawai, team.pegawai.id).expect(404); // nobody rates themselves
    await page(penilai, team.penilai.id).expect(404); // nor the appraiser their own year
    expect((await konfirmasi(penilai, team.penilai.id, {})).status).toBe(404);
    expect((await konfirmasi(pegawai, team.pegawai.id, {})).status).toBe(404);
    const other = await loginAs(t.app, stranger.penilai.login);
    await page(other, team.pegawai.id).expect(404);
    expect((await konfirmasi(other, team.pegawai.id, {})).status).toBe(404);
    await page(admin, team.pegawai.id).expect(404);
    await penilai.get(`/evaluasi/999999?siklus=${siklusId}`).expect(404);
    expect(await evaluasiOf(team.pegawai.id)).toBeNull();
  });
});

describe('confirming', () => {
  it('asks a reason for an override, with the message beside the field, keeping everything typed (422)', async () => {
    const res = await konfirmasi(penilai, team.pegawai.id, { ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'DI_BAWAH', alasanPerilaku: 'Sering tidak hadir pada rapat koordinasi' });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/id="f-alasanHasilKerja-err">Rating yang berbeda dari saran sistem memerlukan alasan \(minimal 10 karakter\)\./);
    expect(res.text).toContain('Sering tidak hadir pada rapat koordinasi');
    expect(res.text).toMatch(/name="ratingHasilKerja" value="DI_ATAS" checked/);
    expect(res.text).toMatch(/name="ratingPerilaku" value="DI_BAWAH" checked/);
    expect(await evaluasiOf(team.pegawai.id)).toBeNull();
    // a form without the hidden suggestion fields: the service checks against the suggestion itself (409, the message beside the field)
    const bare = await postForm(penilai, `/evaluasi/${team.pegawai.id}?siklus=${siklusId}`, { version: '', ratingHasilKerja: 'DI_BAWAH', ratingPerilaku: 'SESUAI' });
    expect(bare.status).toBe(409);
    expect(bare.text).toMatch(/id="f-alasanHasilKerja-err">Rating yang berbeda dari saran sistem memerlukan alasan/);
    expect(bare.text).toContain('Rating Hasil Kerja berbeda dari saran: tuliskan alasannya.');
    // a withheld suggestion needs a reason for any rating
    const w = await konfirmasi(penilai, ditahan.id, { saranHasilKerja: 'TIDAK_ADA' });
    expect(w.status).toBe(422);
    expect(w.text).toContain('Saran sistem ditahan: tuliskan alasan rating Anda');
  });

  it('confirms as suggested: stored with the suggestion as shown and the policy version, audited, on to the next waiting', async () => {
    const res = await konfirmasi(penilai, team.pegawai.id, {});
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^/evaluasi/\\d+\\?siklus=${siklusId}$`));
    const e = (await evaluasiOf(team.pegawai.id))!;
    expect(e).toMatchObject({ status: 'DIKONFIRMASI', ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', predikat: 'BAIK', saranHasilKerja: 'SESUAI', saranPerilaku: 'SESUAI', policyVersion: 1, alasanHasilKerja: null, penilaiId: team.penilai.id, skpId: skp.id, dicatatHr: false, version: 1 });
    expect(await auditCount('evaluasi.confirm', e.id)).toBe(1);
    const q = await penilai.get(`/evaluasi?siklusId=${siklusId}`).expect(200);
    expect(q.text).toMatch(/<strong>1<\/strong> dikonfirmasi sesuai saran/);
  });

  it('overrides with a reason: saved, the predikat from the matrix, audited as an override', async () => {
    const e0 = (await evaluasiOf(team.pegawai.id))!;
    const res = await konfirmasi(penilai, team.pegawai.id, { version: String(e0.version), ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'DI_ATAS', alasanHasilKerja: 'Menyelesaikan dua proyek tambahan lintas bidang', alasanPerilaku: 'Menjadi teladan kolaborasi tim' });
    expect(res.status).toBe(303);
    const e = (await evaluasiOf(team.pegawai.id))!;
    expect(e).toMatchObject({ ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK', alasanHasilKerja: 'Menyelesaikan dua proyek tambahan lintas bidang', alasanPerilaku: 'Menjadi teladan kolaborasi tim', version: 2 });
    const entry = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'evaluasi.override', entitasId: String(e.id) } });
    expect(entry.before).toMatchObject({ ratingHasilKerja: 'SESUAI' });
    expect(entry.after).toMatchObject({ ratingHasilKerja: 'DI_ATAS', saranHasilKerja: 'SESUAI', alasanHasilKerja: 'Menyelesaikan dua proyek tambahan lintas bidang', penilaiId: team.penilai.id });
    // a withheld suggestion, rated with a reason
    const w = await konfirmasi(penilai, ditahan.id, { saranHasilKerja: 'TIDAK_ADA', alasanHasilKerja: 'RHK 2 dibatalkan oleh pimpinan pada Mei' });
    expect(w.status).toBe(303);
    expect(await evaluasiOf(ditahan.id)).toMatchObject({ ratingHasilKerja: 'SESUAI', saranHasilKerja: null, alasanHasilKerja: 'RHK 2 dibatalkan oleh pimpinan pada Mei' });
  });

  it('refuses a stale form (another tab, another appraiser): "changed by someone else", what was typed kept', async () => {
    const res = await konfirmasi(penilai, team.pegawai.id, { version: '1', ratingHasilKerja: 'DI_BAWAH', alasanHasilKerja: 'Tab lama yang masih terbuka' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Data ini baru saja diubah oleh orang lain.');
    expect(res.text).toContain('Tab lama yang masih terbuka');
    expect((await evaluasiOf(team.pegawai.id))!.ratingHasilKerja).toBe('DI_ATAS');
  });

  it('takes a double submit once: both answered as saved, one row, one audit entry', async () => {
    const body = { ratingPerilaku: 'DI_ATAS', alasanPerilaku: 'Inisiatif tinggi sepanjang tahun' };
    const [a, b] = await Promise.all([konfirmasi(penilai, dobel.id, body), konfirmasi(penilai, dobel.id, body)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    const e = (await evaluasiOf(dobel.id))!;
    expect(e).toMatchObject({ version: 1, ratingPerilaku: 'DI_ATAS', predikat: 'BAIK' });
    expect(await auditCount('evaluasi.override', e.id)).toBe(1);
  });

  it('asks for a second look when the suggestion was computed again after the page was shown, nothing lost', async () => {
    await given.saranLangsung(t, { id: (await t.db.prisma.skp.findFirstOrThrow({ where: { pegawaiId: kalibrasi.id, siklusId } })).id }, { perilaku: 'DI_ATAS', predikat: 'BAIK', rincian: {} });
    const res = await konfirmasi(penilai, kalibrasi.id, { alasanPerilaku: 'Catatan yang tetap ada' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Saran sistem berubah sejak halaman ini dibuka');
    expect(res.text).toContain('name="saranPerilaku" value="DI_ATAS"');
    expect(res.text).toContain('Catatan yang tetap ada');
    expect(await evaluasiOf(kalibrasi.id)).toBeNull();
    expect((await konfirmasi(penilai, kalibrasi.id, { saranPerilaku: 'DI_ATAS', ratingPerilaku: 'DI_ATAS' })).status).toBe(303);
  });

  it('HR records the decision of an official outside the agency on their behalf (dicatat_hr)', async () => {
    const res = await page(admin, luarPegawai.id).expect(200);
    expect(res.text).toContain('atas namanya');
    expect((await konfirmasi(admin, luarPegawai.id, {})).status).toBe(303);
    expect(await evaluasiOf(luarPegawai.id)).toMatchObject({ dicatatHr: true, penilaiId: null, penilaiLuarId: expect.any(Number) });
    const entry = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'evaluasi.confirm', entitasId: String((await evaluasiOf(luarPegawai.id))!.id) } });
    expect(entry.after).toMatchObject({ dicatatHr: true, dicatatOleh: expect.any(String) });
  });

  it('the outside official confirms by their own login, only for the employees who name them', async () => {
    const official = await loginAs(t.app, pejabat.login!);
    const q = await official.get(`/evaluasi?siklusId=${siklusId}`).expect(200);
    expect(q.text).toContain(`href="/evaluasi/${luarPegawai2.id}?siklus=${siklusId}"`);
    expect(q.text).not.toContain(`/evaluasi/${luarPegawai.id}?`);
    await page(official, luarPegawai.id).expect(404);
    expect((await konfirmasi(official, luarPegawai2.id, {})).status).toBe(303);
    expect(await evaluasiOf(luarPegawai2.id)).toMatchObject({ dicatatHr: false, penilaiId: null, penilaiLuarId: pejabat.id });
    await official.get(`/evaluasi/saya?siklus=${siklusId}`).expect(403); // no year of their own in the agency
  });
});

describe('acting for the appraiser', () => {
  it('a Plh in force confirms in the post holder\'s name (delegasi recorded); two appraisers at once: the later is "changed by someone else"', async () => {
    const delegate = await loginAs(t.app, plh.login);
    expect((await delegate.get(`/evaluasi?siklusId=${siklusId}`).expect(200)).text).toContain(`href="/evaluasi/${didelegasi.id}?siklus=${siklusId}"`);
    const shown = await page(delegate, didelegasi.id).expect(200);
    expect(shown.text).toContain('Anda menilai sebagai');
    await page(penilai, didelegasi.id).expect(200);
    // both opened the page with no answer yet; the Plh saves first
    expect((await konfirmasi(delegate, didelegasi.id, {})).status).toBe(303);
    const late = await konfirmasi(penilai, didelegasi.id, { ratingHasilKerja: 'DI_BAWAH', alasanHasilKerja: 'Target utama tidak tercapai' });
    expect(late.status).toBe(409);
    expect(late.text).toContain('Data ini baru saja diubah oleh orang lain.');
    expect(late.text).toContain('Target utama tidak tercapai');
    const d = await t.db.prisma.delegasi.findFirstOrThrow({ where: { penerimaId: plh.id } });
    expect(await evaluasiOf(didelegasi.id)).toMatchObject({ ratingHasilKerja: 'SESUAI', penilaiId: team.penilai.id, delegasiId: d.id });
  });

  it('explains the unit-head rule when the Rating Hasil Kerja comes from the unit\'s organisation predikat', async () => {
    const res = await page(penilai, kepala.id).expect(200);
    expect(res.text).toContain('Pegawai ini kepala unit: Rating Hasil Kerja mengikuti Predikat Kinerja Organisasi unitnya (SE MenPANRB 3/2023).');
    expect(res.text).toContain('name="saranHasilKerja" value="DI_ATAS"');
  });
});

describe('a mid-year mover', () => {
  it('is confirmed by the appraiser of the year\'s last SKP, who sees every piece; the earlier appraiser cannot', async () => {
    const b = await loginAs(t.app, penilaiB.login);
    const a = await loginAs(t.app, penilaiA.login);
    const res = await page(b, mover.id).expect(200);
    expect(res.text).toContain(`id="skp-${moverSkp.first}"`);
    expect(res.text).toContain(`id="skp-${moverSkp.second}"`);
    expect(res.text).toMatch(/SKP 1 Januari \d{4} – 30 Juni \d{4} \(181 hari\)/);
    expect(res.text).toContain('Triwulan I'); // the first piece's rated report
    // the computation's detail: each piece's capaian, and the rating of the piece covering the most days
    expect(res.text).toContain('Saran Sesuai Ekspektasi: rating SKP yang mencakup hari terbanyak (184 dari 365 hari).');
    expect(res.text).toContain('SKP 1 Januari – 30 Juni (181 hari): Di Atas Ekspektasi');
    expect(res.text).toMatch(/id="capaian-tahun"[^]*SKP 1 Juli – 31 Desember · 184 hari[^]*: 100% — Sesuai Ekspektasi/);
    await page(a, mover.id).expect(404);
    expect((await konfirmasi(a, mover.id, {})).status).toBe(404);
    expect((await a.get(`/evaluasi?siklusId=${siklusId}`)).text).not.toContain(`/evaluasi/${mover.id}?`);
    expect((await konfirmasi(b, mover.id, {})).status).toBe(303);
    expect(await evaluasiOf(mover.id)).toMatchObject({ skpId: moverSkp.second, penilaiId: penilaiB.id });
  });
});

describe('the employee\'s own year', () => {
  it('shows where the suggestion stands, the ratings only once FINAL, and never another\'s', async () => {
    const before = await pegawai.get(`/evaluasi/saya?siklus=${siklusId}`).expect(200);
    expect(before.text).toContain('Pejabat penilai sudah mengonfirmasi rating tahunan Anda.');
    expect(before.text).not.toContain('Sangat Baik');
    expect(before.text).toContain(`id="skp-${skp.id}"`);
    expect(before.text).not.toContain(`id="skp-${moverSkp.first}"`);
    await t.db.prisma.evaluasiTahunan.update({ where: { siklusId_pegawaiId: { siklusId, pegawaiId: team.pegawai.id } }, data: { status: 'FINAL', finalAt: new Date() } });
    const after = await pegawai.get(`/evaluasi/saya?siklus=${siklusId}`).expect(200);
    expect(after.text).toMatch(/id="predikat"><strong>Sangat Baik<\/strong>/);
    expect(after.text).toContain('Menyelesaikan dua proyek tambahan lintas bidang');
  });
});

describe('phases and finalisation', () => {
  it('refuses a FINAL row (the page read-only)', async () => {
    const e = (await evaluasiOf(team.pegawai.id))!;
    const res = await page(penilai, team.pegawai.id).expect(200);
    expect(res.text).toContain('Evaluasi ini sudah final');
    expect(res.text).not.toContain('id="form-evaluasi"><input');
    expect(res.text).not.toMatch(/name="ratingHasilKerja"/);
    const post = await konfirmasi(penilai, team.pegawai.id, { version: String(e.version) });
    expect(post.status).toBe(409);
    expect(post.text).toContain('Rating tidak disimpan: evaluasi ini sudah ditetapkan final.');
    expect((await evaluasiOf(team.pegawai.id))!.version).toBe(e.version);
  });

  it('lets the appraiser adjust in KALIBRASI', async () => {
    await given.faseSiklus(t, siklusId, 'KALIBRASI');
    const e = (await evaluasiOf(kalibrasi.id))!;
    const res = await konfirmasi(penilai, kalibrasi.id, { version: String(e.version), saranPerilaku: 'DI_ATAS', ratingPerilaku: 'SESUAI', alasanPerilaku: 'Disesuaikan pada kalibrasi unit' });
    expect(res.status).toBe(303);
    expect(await evaluasiOf(kalibrasi.id)).toMatchObject({ ratingPerilaku: 'SESUAI', version: e.version + 1 });
  });

  it('refuses once the cycle is SELESAI, the page read-only', async () => {
    await given.faseSiklus(t, siklusId, 'SELESAI');
    const e = (await evaluasiOf(kalibrasi.id))!;
    const res = await page(penilai, kalibrasi.id).expect(200);
    expect(res.text).toContain('Halaman ini hanya untuk dibaca.');
    expect(res.text).not.toMatch(/name="ratingHasilKerja"/);
    const post = await konfirmasi(penilai, kalibrasi.id, { version: String(e.version), saranPerilaku: 'DI_ATAS', ratingPerilaku: 'DI_ATAS' });
    expect(post.status).toBe(409);
    expect(post.text).toContain('Rating tahunan hanya dapat dikonfirmasi pada fase Penilaian dan Kalibrasi.');
    expect((await evaluasiOf(kalibrasi.id))!.version).toBe(e.version);
    // and in ARSIP, a first answer too
    await given.faseSiklus(t, siklusId, 'ARSIP');
    expect((await konfirmasi(penilai, kepala.id, { saranHasilKerja: 'DI_ATAS', ratingHasilKerja: 'DI_ATAS' })).status).toBe(409);
    expect(await evaluasiOf(kepala.id)).toBeNull();
    expect((await page(penilai, kepala.id).expect(200)).text).not.toMatch(/name="ratingHasilKerja"/);
  });
});
