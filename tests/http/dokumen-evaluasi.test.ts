import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { download, pdfPages, pdfVektor } from '../helpers/files.js';
import { loginAs, testApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { terbitkanUlang } from '../../src/modules/evaluasi/dokumen/terbit.js';

// The Dokumen Evaluasi Kinerja Pegawai (PermenPANRB 6/2022, the annual "DOK. EV." of the print set;
// docs/domain/dokumen-evaluasi.md): issued the first time a FINAL year is looked at, frozen, read
// back from the PDF's text; re-issued after an objection's decision, the first one marked
// superseded; seen by the employee, the appraiser, the atasan pejabat penilai, HR and a pimpinan
// over the unit, by nobody else.
//
//   root "Pemerintah Kabupaten Sukamaju …" ── kadis (JPT, heads root)
//    └─ bidang (organisation predikat BAIK, capaian PK 97,5) ── kabid (heads it, appraised by kadis)
//         staff: ana (the document's employee: 2 RHK × 2 indicators, Triwulan I and IV rated),
//                budi (Sangat Baik), citra (Butuh Perbaikan), dedi (confirmed, not FINAL)
//   lain ── kalain (an unrelated appraiser) with their own appraisee

const clock = fixedClock('2027-01-20T02:30:00Z');
let t: TestApp;
let siklus: { id: number; tahun: number };
let root: given.GivenUnit;
let bidang: given.GivenUnit;
const p = {} as Record<'kadis' | 'kabid' | 'ana' | 'budi' | 'citra' | 'dedi' | 'kalain' | 'lainStaf' | 'pimpinan', given.GivenPegawai>;
let skpAna: given.GivenSkp;
let evAna: { id: number };
const flat = (pages: string[]) => pages.join(' ').replace(/\s+/g, ' ');
const dokumenUrl = (pegawaiId: number) => `/evaluasi/${pegawaiId}/dokumen?siklus=${siklus.id}`;
const pdfUrl = (pegawaiId: number, nomor: number) => `/evaluasi/${pegawaiId}/dokumen/${nomor}/cetak.pdf?siklus=${siklus.id}`;
const printed = async (login: Parameters<typeof loginAs>[1], pegawaiId: number, nomor: number) => {
  const res = await download(await loginAs(t.app, login), pdfUrl(pegawaiId, nomor)).expect(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return { res, pages: await pdfPages(res.body as Buffer) };
};
const dokumenOf = (pegawaiId: number) => t.db.prisma.dokumenEvaluasi.findMany({ where: { pegawaiId, siklusId: siklus.id }, orderBy: { nomor: 'asc' } });

beforeAll(async () => {
  t = await testApp({}, { clock });
  siklus = await given.siklusTerbuka(t);
  root = await given.unit(t, { nama: `Pemerintah Kabupaten Sukamaju ${Date.now() % 100000}` });
  bidang = await given.unit(t, { parentId: root.id, nama: 'Bidang Pelayanan Uji Dokumen' });
  const lain = await given.unit(t, { parentId: root.id, nama: 'Bidang Lain Uji Dokumen' });
  const kepala = async (unitId: number, jenis: 'JPT' | 'ADMINISTRATOR', penilai: { nip: string } | null, nama: string) =>
    given.pegawai(t, { jabatanId: (await given.jabatan(t, { unitId, jenis, kepalaUnit: true })).id, penilai, nama });
  p.kadis = await kepala(root.id, 'JPT', null, 'Drs. Kadis Uji Dokumen');
  p.kabid = await kepala(bidang.id, 'ADMINISTRATOR', p.kadis, 'Kabid Penilai Uji');
  p.kalain = await kepala(lain.id, 'ADMINISTRATOR', p.kadis, 'Kalain Penilai Lain');
  p.ana = await given.pegawai(t, { unitId: bidang.id, penilai: p.kabid, nama: 'Ana Dinilai Uji' });
  p.budi = await given.pegawai(t, { unitId: bidang.id, penilai: p.kabid, nama: 'Budi Rekan Uji' });
  p.citra = await given.pegawai(t, { unitId: bidang.id, penilai: p.kabid, nama: 'Citra Rekan Uji' });
  p.dedi = await given.pegawai(t, { unitId: bidang.id, penilai: p.kabid, nama: 'Dedi Belum Final' });
  p.lainStaf = await given.pegawai(t, { unitId: lain.id, penilai: p.kalain, nama: 'Staf Lain Uji' });
  p.pimpinan = await given.pegawai(t, { unitId: root.id, nama: 'Pimpinan Atas Uji' });
  await given.makePimpinan(t, p.pimpinan.id);

  // ana's year: an approved SKP, Triwulan I and IV rated with feedback
  skpAna = await given.skpDisetujui(t, p.ana, { rhk: 2, indikator: 2 });
  const periode = await given.periodeOf(t, siklus.id);
  const [a, b, c, d] = skpAna.rhk.flatMap((r) => r.indikator);
  const l1 = await given.laporan(t, skpAna.id, periode[0]!.id, { status: 'DINILAI', realisasi: { [a!]: '3', [b!]: '3', [c!]: '3', [d!]: '3' } });
  const l4 = await given.laporan(t, skpAna.id, periode[3]!.id, { status: 'DINILAI', realisasi: { [a!]: '12.5', [b!]: '1234', [c!]: '12', [d!]: '9' } });
  await t.db.prisma.realisasi.update({ where: { laporanId_indikatorId: { laporanId: l1.id, indikatorId: a! } }, data: { umpanBalik: 'Awal tahun berjalan sesuai rencana' } });
  await t.db.prisma.realisasi.update({ where: { laporanId_indikatorId: { laporanId: l4.id, indikatorId: a! } }, data: { umpanBalik: 'Pertahankan ketepatan waktu penyusunan dokumen' } });
  await t.db.prisma.tandaPerilaku.create({ data: { laporanId: l4.id, nilai: 'BERORIENTASI_PELAYANAN', tanda: 'DI_ATAS', umpanBalik: 'Tanggap terhadap keluhan pengguna layanan' } });
  const [r1, r2] = skpAna.rhk;
  // the year-end computation's explanation, as it stores it (the job's own tests compute it)
  await given.saranLangsung(t, { id: skpAna.id }, {
    hasilKerja: 'DI_ATAS', perilaku: 'SESUAI', predikat: 'BAIK', nilai: '104.1667',
    rincian: {
      potongan: [{ id: skpAna.id, label: 'SKP uji', hari: 365, rhk: [
        { id: r1!.id, label: 'RHK 1', jenis: 'UTAMA', kelas: 'DI_ATAS', indikator: [{ id: a, persen: 104.17, kelas: 'DI_ATAS' }, { id: b, persen: 10283.33, kelas: 'DI_ATAS' }] },
        { id: r2!.id, label: 'RHK 2', jenis: 'UTAMA', kelas: 'SESUAI', indikator: [{ id: c, persen: 100, kelas: 'SESUAI' }, { id: d, persen: 75, kelas: 'DI_BAWAH' }] },
      ] }],
      tandaTahun: { BERORIENTASI_PELAYANAN: 'DI_ATAS' },
    },
  });
  evAna = await given.evaluasiLangsung(t, { id: skpAna.id }, { ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'SESUAI', predikat: 'BAIK', status: 'FINAL' });
  await t.db.prisma.evaluasiTahunan.update({ where: { id: evAna.id }, data: { finalAt: new Date('2027-01-15T03:00:00Z'), diberitahuAt: new Date('2027-01-15T03:00:00Z'), angkaKredit: '12.500', alasanHasilKerja: 'Target utama terlampaui dengan bukti lengkap' } });
  for (const [who, predikat, hk, pr] of [['budi', 'SANGAT_BAIK', 'DI_ATAS', 'DI_ATAS'], ['citra', 'BUTUH_PERBAIKAN', 'DI_BAWAH', 'SESUAI']] as const) {
    const s = await given.skpDi(t, siklus.id, p[who].id);
    await given.saranLangsung(t, s, { hasilKerja: hk, perilaku: pr, predikat });
    await given.evaluasiLangsung(t, s, { ratingHasilKerja: hk, ratingPerilaku: pr, predikat, status: 'FINAL' });
  }
  const sd = await given.skpDi(t, siklus.id, p.dedi.id);
  await given.saranLangsung(t, sd);
  await given.evaluasiLangsung(t, sd, { status: 'DIKONFIRMASI' });
  const sl = await given.skpDi(t, siklus.id, p.lainStaf.id);
  await given.saranLangsung(t, sl);
  await given.evaluasiLangsung(t, sl, { status: 'FINAL' });
  await given.predikatOrganisasiLangsung(t, siklus.id, bidang.id, 'BAIK');
  await t.db.prisma.penetapanPredikat.update({ where: { siklusId_unitId: { siklusId: siklus.id, unitId: bidang.id } }, data: { capaianPk: '97.50' } });
  await given.faseSiklus(t, siklus.id, 'SELESAI');
  mkdirSync('test-output', { recursive: true });
});
afterAll(async () => { await t?.close(); });

describe('the document issued on first view of a FINAL year', () => {
  it('is reachable from /evaluasi/saya, issues number 1 once, audited', async () => {
    const ana = await loginAs(t.app, p.ana.login);
    const saya = await ana.get(`/evaluasi/saya?siklus=${siklus.id}`).expect(200);
    expect(saya.text).toContain(`href="/evaluasi/${p.ana.id}/dokumen?siklus=${siklus.id}"`);
    expect(await dokumenOf(p.ana.id)).toHaveLength(0);
    const page = await ana.get(dokumenUrl(p.ana.id)).expect(200);
    expect(page.text).toContain(`/evaluasi/${p.ana.id}/dokumen/1/cetak.pdf?siklus=${siklus.id}`);
    await ana.get(dokumenUrl(p.ana.id)).expect(200);
    const docs = await dokumenOf(p.ana.id);
    expect(docs.map((d) => [d.nomor, d.digantikanAt])).toEqual([[1, null]]);
    const audits = await t.db.prisma.auditLog.findMany({ where: { aksi: 'dokumenEvaluasi.issue', entitasId: String(docs[0]!.id) } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ evaluasiId: evAna.id, nomor: 1, predikat: 'BAIK' });
  });

  it('two requests at once issue one document (the evaluation row is locked)', async () => {
    const budi = await loginAs(t.app, p.budi.login);
    const [x, y] = await Promise.all([download(budi, pdfUrl(p.budi.id, 1)), download(budi, pdfUrl(p.budi.id, 1))]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect((await dokumenOf(p.budi.id)).map((d) => d.nomor)).toEqual([1]);
  });

  it('prints the official layout: names, NIP, signers, ratings, predikat, organisation predikat, distribution, capaian in id-ID, feedback, angka kredit', async () => {
    const { res, pages } = await printed(p.ana.login, p.ana.id, 1);
    writeFileSync('test-output/dokumen-evaluasi.pdf', res.body as Buffer);
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^inline; filename="Dokumen-Evaluasi-${siklus.tahun}-\\d+-1\\.pdf"$`));
    const all = flat(pages);
    expect(pages[0]).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI');
    expect(pages[0]).toContain(`PERIODE: 01 JANUARI S.D. 31 DESEMBER ${siklus.tahun}`);
    expect(all).toContain(`PERIODE PENILAIAN 01 Januari s.d. 31 Desember ${siklus.tahun}`);
    expect(all).toContain(`UNIT KERJA ${bidang.nama}`);
    for (const label of ['1 PEGAWAI YANG DINILAI', '2 PEJABAT PENILAI KINERJA', '3 ATASAN PEJABAT PENILAI KINERJA', '4 EVALUASI KINERJA', '5 CATATAN/REKOMENDASI'])
      expect(all).toContain(label);
    // (1) the employee, (2) the appraiser, (3) the appraiser's appraiser
    const i1 = all.indexOf('1 PEGAWAI YANG DINILAI'), i2 = all.indexOf('2 PEJABAT PENILAI'), i3 = all.indexOf('3 ATASAN'), i4 = all.indexOf('4 EVALUASI');
    expect(all.slice(i1, i2)).toContain(`NAMA ${p.ana.nama} NIP ${p.ana.nip}`);
    expect(all.slice(i2, i3)).toContain(`NAMA ${p.kabid.nama} NIP ${p.kabid.nip}`);
    expect(all.slice(i3, i4)).toContain(`NAMA ${p.kadis.nama} NIP ${p.kadis.nip}`);
    expect(all).toContain('PANGKAT/GOL. RUANG');
    expect(all).toContain(`CAPAIAN KINERJA ORGANISASI BAIK (${bidang.nama}) · capaian Perjanjian Kinerja 97,5 %`);
    expect(all).toContain('POLA DISTRIBUSI: KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK');
    // the unit's check as calibration computes it: 4 people (dedi is confirmed, not FINAL, and counts too); Baik at most 70% of 4 → 2
    expect(all).toContain('JUMLAH PEGAWAI: 4');
    expect(all).toMatch(/Sangat Baik 1 0 4 dalam rentang/);
    expect(all).toMatch(/Baik 2 0 2 dalam rentang/);
    expect(all).toMatch(/Butuh Perbaikan 1 0 4 dalam rentang/);
    expect(all).toContain('Butuh Perbaikan dan/atau Kurang/Misconduct: 1 pegawai (rentang 1–4)');
    expect(all).toContain('Hasil pemeriksaan: Sesuai pola distribusi');
    expect(all).toContain('RATING HASIL KERJA DI ATAS EKSPEKTASI');
    expect(all).toContain('RATING PERILAKU KERJA SESUAI EKSPEKTASI');
    expect(all).toContain('PREDIKAT KINERJA PEGAWAI BAIK');
    expect(all).toContain('ANGKA KREDIT 12,5');
    expect(all).toContain('Rating Hasil Kerja: Target utama terlampaui dengan bukti lengkap');
    // signed left by the employee, right by the appraiser on the day it became final
    expect(all).toContain('Pegawai yang Dinilai');
    expect(all).toContain(`Sukamaju`);
    expect(all).toContain('15 Januari 2027 Pejabat Penilai Kinerja');
    expect(all).toContain(`${p.kabid.nama} NIP. ${p.kabid.nip}`);
    // the capaian of the year per indicator, in id-ID
    expect(all).toContain('LAMPIRAN: CAPAIAN KINERJA PEGAWAI');
    expect(all).toContain('Jumlah keluaran uji 1.1');
    expect(all).toContain('12 dokumen');
    expect(all).toContain('12,5 dokumen');
    expect(all).toContain('1.234 dokumen');
    expect(all).toContain('104,17 %');
    expect(all).toContain('10.283,33 %');
    expect(all).toContain('Triwulan I: Awal tahun berjalan sesuai rencana');
    expect(all).toContain('Triwulan IV: Pertahankan ketepatan waktu penyusunan dokumen');
    expect(all).toContain('Berorientasi Pelayanan Di Atas Ekspektasi Triwulan IV: Tanggap terhadap keluhan pengguna layanan');
    expect(all).not.toContain('DIGANTIKAN');
    for (const page of pages) expect(page).toMatch(/Halaman \d+ dari \d+$/);
  });

  it('draws the distribution curve as vector shapes, not an image', async () => {
    const { res } = await printed(p.ana.login, p.ana.id, 1);
    const v = await pdfVektor(res.body as Buffer);
    // the curve's five points (one per predikat) are the only curved paths: tables draw straight lines
    expect(v.kurva).toBe(5);
    expect(v.gambar).toBe(0);
    expect((res.body as Buffer).includes('/Subtype /Image')).toBe(false);
  });
});

describe('an issued document stays as it was issued', () => {
  it('after a changed rating: number 1 still reads the old predikat, marked superseded on every page; number 2 the new, re-issued after the decision', async () => {
    const before = await printed(p.ana.login, p.ana.id, 1);
    // an objection's decision (the objection part writes it so): the evaluation changed, then re-issued in one transaction
    const diputusAt = new Date('2027-01-20T02:00:00Z');
    const k = await t.db.prisma.keberatan.create({
      data: {
        siklusId: siklus.id, pegawaiId: p.ana.id, evaluasiId: evAna.id, alasan: 'Perilaku layak di atas ekspektasi', batasTanggal: new Date('2027-01-29T00:00:00Z'),
        semulaHasilKerja: 'DI_ATAS', semulaPerilaku: 'SESUAI', semulaPredikat: 'BAIK', pemutusId: p.kadis.id,
      },
    });
    const kadisUser = await t.db.prisma.user.findUniqueOrThrow({ where: { pegawaiId: p.kadis.id } });
    // the contract's order: the evaluation changed (at the decision's moment), re-issued, then the decision's own row
    await t.db.prisma.$transaction(async (tx) => {
      await tx.evaluasiTahunan.update({ where: { id: evAna.id }, data: { ratingPerilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK', version: { increment: 1 }, updatedAt: diputusAt } });
      await terbitkanUlang(tx, evAna.id, k.id, kadisUser.id);
      await tx.keberatan.update({
        where: { id: k.id },
        data: { status: 'DIPUTUS', keputusan: 'UBAH', hasilKerjaBaru: 'DI_ATAS', perilakuBaru: 'DI_ATAS', predikatBaru: 'SANGAT_BAIK', alasanKeputusan: 'Bukti perilaku pelayanan diterima', diputusAt, version: { increment: 1 } },
      });
    });
    const docs = await dokumenOf(p.ana.id);
    expect(docs.map((d) => [d.nomor, d.digantikanAt !== null, d.keberatanId])).toEqual([[1, true, null], [2, false, k.id]]);

    const old = await printed(p.ana.login, p.ana.id, 1);
    writeFileSync('test-output/dokumen-evaluasi-digantikan.pdf', old.res.body as Buffer);
    const oldAll = flat(old.pages);
    expect(oldAll).toContain('PREDIKAT KINERJA PEGAWAI BAIK');
    expect(oldAll).toContain('RATING PERILAKU KERJA SESUAI EKSPEKTASI');
    expect(oldAll).toMatch(/Sangat Baik 1 0 4 dalam rentang/);
    expect(oldAll).toMatch(/Baik 2 0 2 dalam rentang/);
    for (const page of old.pages) expect(page).toContain('DIGANTIKAN — lihat dokumen nomor 2');
    expect(oldAll).toContain('DOKUMEN INI TELAH DIGANTIKAN oleh dokumen nomor 2, yang diterbitkan setelah keputusan atas keberatan tanggal 20 Januari 2027.');
    // apart from the mark, what it says is what it said
    // (every page's footer and mark left out: the notice moves the page breaks)
    const strip = (s: string) => s.replace(/DIGANTIKAN — lihat dokumen nomor 2/g, '').replace(/DOKUMEN INI TELAH DIGANTIKAN.*?20 Januari 2027\./, '').replace(/Dokumen Evaluasi Kinerja \d+ · .*?Halaman \d+ dari \d+/g, '').replace(/\s+/g, ' ').trim();
    expect(strip(oldAll)).toBe(strip(flat(before.pages)));

    const neu = flat((await printed(p.ana.login, p.ana.id, 2)).pages);
    expect(neu).toContain('PREDIKAT KINERJA PEGAWAI SANGAT BAIK');
    expect(neu).toContain('RATING PERILAKU KERJA DI ATAS EKSPEKTASI');
    expect(neu).toContain('Diterbitkan ulang setelah keputusan atas keberatan tanggal 20 Januari 2027, menggantikan dokumen nomor 1.');
    expect(neu).toContain('Keputusan atas keberatan: Bukti perilaku pelayanan diterima');
    expect(neu).toContain('20 Januari 2027 Pejabat Penilai Kinerja');
    expect(neu).toMatch(/Sangat Baik 2 0 4 dalam rentang/);
    expect(neu).toMatch(/ Baik 1 0 2 dalam rentang/);
    expect(neu).not.toContain('DIGANTIKAN —');

    const page = await (await loginAs(t.app, p.ana.login)).get(dokumenUrl(p.ana.id)).expect(200);
    expect(page.text).toContain('Digantikan oleh nomor 2');
    expect(page.text).toContain('menggantikan nomor 1');
    expect((await t.db.prisma.auditLog.findMany({ where: { aksi: 'dokumenEvaluasi.issue', entitasId: String(docs[1]!.id) } }))[0]!.after).toMatchObject({ nomor: 2, keberatanId: k.id, menggantikan: 1, predikat: 'SANGAT_BAIK' });
  });
});

describe('who may see an employee’s documents (the evaluation pages’ scope; anyone else: 404)', () => {
  it('the employee, the appraiser, the atasan pejabat penilai, HR and a pimpinan over the unit', async () => {
    for (const login of [p.ana.login, p.kabid.login, p.kadis.login, 'admin' as const, p.pimpinan.login]) {
      const a = await loginAs(t.app, login);
      await a.get(dokumenUrl(p.ana.id)).expect(200);
      await download(a, pdfUrl(p.ana.id, 1)).expect(200);
    }
    const kabid = await loginAs(t.app, p.kabid.login);
    expect((await kabid.get(`/evaluasi/${p.ana.id}?siklus=${siklus.id}`).expect(200)).text).toContain(`href="/evaluasi/${p.ana.id}/dokumen?siklus=${siklus.id}"`);
  });

  it('another employee (a colleague of the same appraiser) and an unrelated appraiser find nothing', async () => {
    for (const login of [p.budi.login, p.kalain.login, p.lainStaf.login]) {
      const a = await loginAs(t.app, login);
      await a.get(dokumenUrl(p.ana.id)).expect(404);
      await download(a, pdfUrl(p.ana.id, 1)).expect(404);
    }
    const budi = await loginAs(t.app, p.budi.login);
    await budi.get(dokumenUrl(p.budi.id)).expect(200);
    await download(budi, pdfUrl(p.budi.id, 9)).expect(404);
    await budi.get(`/evaluasi/999999/dokumen?siklus=${siklus.id}`).expect(404);
  });

  it('a year not FINAL yet: the page says so, there is no PDF and nothing is issued', async () => {
    const dedi = await loginAs(t.app, p.dedi.login);
    const page = await dedi.get(dokumenUrl(p.dedi.id)).expect(200);
    expect(page.text).toContain('id="dokumen-belum-final"');
    expect(page.text).toContain('Dokumen evaluasi hanya tersedia setelah evaluasi tahunan final.');
    await download(dedi, pdfUrl(p.dedi.id, 1)).expect(404);
    expect(await dokumenOf(p.dedi.id)).toHaveLength(0);
    expect((await dedi.get(`/evaluasi/saya?siklus=${siklus.id}`).expect(200)).text).not.toContain('/dokumen?siklus=');
  });

});

describe('an atasan pejabat penilai outside the agency (an elected head: no NIP)', () => {
  it('prints the official with their instansi and "-" for the NIP, and may see the document by their own login', async () => {
    const bupati = await given.pejabatLuar(t, { nama: 'H. Bupati Uji Dokumen', jabatan: 'Bupati', login: true });
    await given.setPenilaiLuar(t, p.kadis, bupati);
    // kabid's year (appraised by kadis, whom the official appraises), counted in the root: no organisation predikat there
    const s = await given.skpDi(t, siklus.id, p.kabid.id);
    await given.saranLangsung(t, s, { unitId: root.id });
    await given.evaluasiLangsung(t, s, { status: 'FINAL' });
    const all = flat((await printed(bupati.login!, p.kabid.id, 1)).pages);
    const i3 = all.indexOf('3 ATASAN'), i4 = all.indexOf('4 EVALUASI');
    expect(all.slice(i3, i4)).toContain(`NAMA ${bupati.nama} NIP - PANGKAT/GOL. RUANG`);
    expect(all.slice(i3, i4)).toContain(`JABATAN Bupati INSTANSI ${bupati.instansi}`);
    expect(all).toContain('CAPAIAN KINERJA ORGANISASI Belum ditetapkan');
    expect(all).not.toContain('POLA DISTRIBUSI:');
    // the official sees only the years they are atasan or appraiser of
    await download(await loginAs(t.app, bupati.login!), pdfUrl(p.ana.id, 1)).expect(404);
  });
});
