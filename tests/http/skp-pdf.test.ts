import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { skpPdf, tempatDari } from '../../src/modules/skp/print/pdf.js';
import type { SkpDocument } from '../../src/modules/skp/service.js';
import * as given from '../helpers/given.js';
import { download, pdfPages } from '../helpers/files.js';
import { loginAs, testApp, type Agent, type TestApp, openPlanning } from '../helpers/app.js';

let t: TestApp;
let admin: Agent;
let pegawai: Agent;
let skpId: number;
let penilaiSkpId: number;

const pdfText = pdfPages;

const LONG = 'Terlaksananya pengelolaan layanan e-government yang terintegrasi, aman, dan andal bagi seluruh perangkat daerah sesuai standar SPBE';

let people: { kadis: given.GivenPegawai; penilai: given.GivenPegawai; pegawai: given.GivenPegawai };

beforeAll(async () => {
  t = await testApp();
  admin = await loginAs(t.app, 'admin');
  // An agency of its own: its root unit names the agency and the place on the signature line.
  const root = await given.unit(t, { nama: 'Dinas Arsip dan Perpustakaan Kabupaten Sukamaju' });
  const bidang = await given.unit(t, { parentId: root.id });
  const kadis = await given.pegawai(t, { unitId: root.id, jenis: 'JPT' });
  const penilai = await given.pegawai(t, { unitId: bidang.id, jenis: 'PENGAWAS', penilai: kadis });
  const p = await given.pegawai(t, { unitId: bidang.id, penilai });
  people = { kadis, penilai, pegawai: p };
  pegawai = await loginAs(t.app, p.login);
  const siklusId = await openPlanning(t, admin, 2026);

  const skp = await t.db.prisma.skp.findUniqueOrThrow({ where: { siklusId_pegawaiId: { siklusId, pegawaiId: p.id } } });
  const skpPenilai = await t.db.prisma.skp.findUniqueOrThrow({ where: { siklusId_pegawaiId: { siklusId, pegawaiId: penilai.id } } });
  skpId = skp.id;
  penilaiSkpId = skpPenilai.id;

  const atasan = await t.db.prisma.rhk.create({ data: { skpId: skpPenilai.id, jenis: 'UTAMA', urutan: 1, teks: 'Meningkatnya kualitas layanan e-government Kabupaten Sukamaju' } });
  await t.db.prisma.rhk.create({
    data: {
      skpId, jenis: 'UTAMA', urutan: 1, rhkAtasanId: atasan.id,
      teks: 'Tersusunnya dokumen rencana pengembangan aplikasi layanan publik',
      indikator: {
        create: [
          { aspek: 'KUANTITAS', urutan: 1, teks: 'Jumlah dokumen rencana pengembangan aplikasi yang disusun', jenisTarget: 'ANGKA', targetAngka: 12, satuan: 'dokumen' },
          { aspek: 'KUALITAS', urutan: 2, teks: 'Persentase dokumen yang disetujui tanpa revisi mayor', jenisTarget: 'RENTANG', targetMin: 80, targetMax: 90, satuan: '%' },
          { aspek: 'WAKTU', urutan: 3, teks: 'Waktu penyelesaian dokumen', jenisTarget: 'ANGKA', targetAngka: 12, satuan: 'bulan', lebihBaik: 'RENDAH' },
        ],
      },
    },
  });
  // Enough rows to run the hasil kerja table over several pages, one with very long text.
  for (let i = 2; i <= 9; i++) {
    await t.db.prisma.rhk.create({
      data: {
        skpId, jenis: 'UTAMA', urutan: i, rhkAtasanId: atasan.id,
        teks: i === 5 ? Array.from({ length: 14 }, () => LONG).join('; ') : `${LONG} (tahap ${i})`,
        indikator: {
          create: [
            { aspek: 'KUANTITAS', urutan: 1, teks: `Jumlah perangkat daerah yang terlayani tahap ${i}`, jenisTarget: 'ANGKA', targetAngka: 10 + i, satuan: 'perangkat daerah' },
            { aspek: 'KUALITAS', urutan: 2, teks: 'Tingkat kepuasan pengguna layanan', jenisTarget: 'ANGKA', targetAngka: 85.5, satuan: '%' },
          ],
        },
      },
    });
  }
  await t.db.prisma.rhk.create({
    data: {
      skpId, jenis: 'TAMBAHAN', urutan: 1, penugasanDari: 'Kepala Dinas',
      teks: 'Terlaksananya tugas sebagai anggota tim penyusun laporan SPBE',
      indikator: { create: [{ aspek: 'KUALITAS', urutan: 1, teks: 'Laporan diterima tanpa catatan', jenisTarget: 'KUALITATIF', targetTeks: 'Laporan diterima pimpinan tanpa catatan' }] },
    },
  });
  await t.db.prisma.ekspektasiPerilaku.create({ data: { skpId, nilai: 'BERORIENTASI_PELAYANAN', ekspektasiKhusus: 'Menindaklanjuti setiap keluhan pengguna aplikasi paling lambat satu hari kerja' } });
  await t.db.prisma.lampiran.createMany({
    data: [
      { skpId, jenis: 'DUKUNGAN_SUMBER_DAYA', urutan: 1, teks: 'Server aplikasi dan akses jaringan intra pemerintah' },
      { skpId, jenis: 'SKEMA_PERTANGGUNGJAWABAN', urutan: 1, teks: 'Laporan bulanan kepada Kepala Seksi Layanan E-Government' },
      { skpId, jenis: 'KONSEKUENSI', urutan: 1, teks: 'Realisasi di bawah target menjadi bahan bimbingan kinerja' },
    ],
  });
});
afterAll(async () => { await t?.close(); });

describe('the SKP as a PDF in the official layout', () => {
  it('is downloaded by its owner with the title, identity, hasil kerja, perilaku and lampiran', async () => {
    const res = await download(pegawai, `/skp/${skpId}/cetak.pdf`).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="SKP-2026-${people.pegawai.nip}.pdf"`);
    const buf = res.body as Buffer;
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/skp-contoh.pdf', buf);

    const pages = await pdfText(buf);
    const all = pages.join('\n');
    const p = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: people.pegawai.id }, include: { penilai: true } });
    expect(pages[0]).toContain('SASARAN KINERJA PEGAWAI');
    expect(pages[0]).toContain('PENDEKATAN HASIL KERJA KUANTITATIF');
    expect(pages[0]).toContain('BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL');
    expect(pages[0]).toContain('PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026');
    expect(pages[0]).toContain('PEGAWAI YANG DINILAI');
    expect(pages[0]).toContain('PEJABAT PENILAI KINERJA');
    expect(pages[0]).toContain(p.nama);
    expect(pages[0]).toContain(people.pegawai.nip);
    expect(pages[0]).toContain(p.penilai!.nama);
    expect(all).toContain('Tersusunnya dokumen rencana pengembangan aplikasi layanan publik');
    expect(all).toContain('Meningkatnya kualitas layanan e-government Kabupaten Sukamaju');
    expect(all).toContain('12 dokumen');
    expect(all).toContain('80–90 %');
    expect(all).toContain('85,5 %');
    expect(all).toContain('(penugasan dari Kepala Dinas)');
    expect(all).toContain('A. UTAMA');
    expect(all).toContain('B. TAMBAHAN');
    expect(all).toContain('Berorientasi Pelayanan');
    expect(all).toContain('Kolaboratif');
    expect(all).toContain('Menindaklanjuti setiap keluhan pengguna aplikasi paling lambat satu hari kerja');
    expect(all).toContain('Pegawai yang Dinilai');
    expect(all).toMatch(/Sukamaju, \d{1,2} \w+ 20\d\d/);
    // The long table ran over several pages and repeated its header on each.
    const hasilPages = pages.filter((x) => x.includes('INDIKATOR KINERJA INDIVIDU'));
    expect(hasilPages.length).toBeGreaterThan(1);
    const last = pages[pages.length - 1]!;
    expect(last).toContain('LAMPIRAN SASARAN KINERJA PEGAWAI');
    expect(last).toContain('DUKUNGAN SUMBER DAYA');
    expect(last).toContain('Server aplikasi dan akses jaringan intra pemerintah');
    expect(last).toContain('Realisasi di bawah target menjadi bahan bimbingan kinerja');
    expect(last).toContain(`Halaman ${pages.length} dari ${pages.length}`);
  });

  it('is available to the appraiser and HR, and not found for anyone else', async () => {
    const penilai = await loginAs(t.app, people.penilai.login);
    await download(penilai, `/skp/${skpId}/cetak.pdf`).expect(200);
    await download(admin, `/skp/${skpId}/cetak.pdf`).expect(200);
    await pegawai.get(`/skp/${penilaiSkpId}/cetak.pdf`).expect(404);
    await pegawai.get('/skp/999999/cetak.pdf').expect(404);
    await pegawai.get('/skp/abc/cetak.pdf').expect(404);
    await request(t.app).get(`/skp/${skpId}/cetak.pdf`).expect(303).expect('location', '/login');
  });

  it('prints the JPT variant for a head of agency without an appraiser', async () => {
    const kepala = people.kadis;
    const skp = await t.db.prisma.skp.findFirstOrThrow({ where: { pegawaiId: kepala.id } });
    await t.db.prisma.rhk.create({
      data: {
        skpId: skp.id, jenis: 'UTAMA', urutan: 1, perspektif: 'PENERIMA_LAYANAN', teks: 'Meningkatnya kualitas layanan publik berbasis elektronik',
        indikator: { create: [{ aspek: 'KUANTITAS', urutan: 1, teks: 'Indeks SPBE Kabupaten Sukamaju', jenisTarget: 'ANGKA', targetAngka: 3.5, satuan: 'indeks' }] },
      },
    });
    const res = await download(admin, `/skp/${skp.id}/cetak.pdf`).expect(200);
    writeFileSync('test-output/skp-contoh-jpt.pdf', res.body as Buffer);
    const all = (await pdfText(res.body as Buffer)).join('\n');
    expect(skp.snapshot).toMatchObject({ pegawai: { jenisJabatan: 'JPT' }, penilai: null });
    expect(all).toContain('BAGI PEJABAT PIMPINAN TINGGI');
    expect(all).toContain('PERSPEKTIF');
    expect(all).toContain('Perspektif Penerima Layanan');
    expect(all).toContain('INSTANSI');
    expect(all).toContain('3,5 indeks');
  });
});

describe('the PDF layout on awkward content', () => {
  it('splits rows taller than a page, and prints characters the standard fonts lack', async () => {
    const ind = (n: number) => ({ id: n, aspek: 'KUANTITAS', teks: `Indikator nomor ${n} ${'dengan uraian panjang '.repeat(n % 7)}`, jenisTarget: 'ANGKA', targetAngka: String(n), targetMin: null, targetMax: null, satuan: 'laporan', targetTeks: null, lebihBaik: 'TINGGI', kumulatif: false });
    const doc = {
      revisi: 2,
      pendekatan: 'KUANTITATIF',
      snapshot: { pegawai: { nama: 'Ñoman Ayu ✓', nip: '199406072018031284', pangkatGolongan: 'IX', jabatan: 'Pranata Komputer', jenisJabatan: 'FUNGSIONAL', unit: 'Seksi 🚀 Data' }, penilai: null },
      rhk: [
        { id: 1, jenis: 'UTAMA', urutan: 1, teks: `${'kata '.repeat(2500)}AKHIR-RHK ${'x'.repeat(400)}`, rhkAtasan: null, perspektif: null, penugasanDari: null, indikator: Array.from({ length: 45 }, (_, i) => ind(i + 1)) },
      ],
      ekspektasi: { LOYAL: 'Menjaga rahasia ≥ 100% → selalu' },
      lampiran: [],
    } as unknown as SkpDocument;
    const buf = await skpPdf(doc, { tahun: 2027, instansi: 'Badan Kepegawaian Kota Sukamaju', tempat: tempatDari('Badan Kepegawaian Kota Sukamaju'), tanggal: new Date('2027-01-05T03:00:00Z'), status: 'DISETUJUI', dicetak: new Date() });
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/skp-panjang.pdf', buf);
    const pages = await pdfText(buf);
    const all = pages.join(' ');
    expect(pages.length).toBeGreaterThan(4);
    expect(all).toContain('AKHIR-RHK');
    expect(all).toContain('Indikator nomor 45');
    expect(all).toContain('45 laporan');
    expect(all).toContain('Golongan IX');
    expect(all).toContain('Ñoman Ayu ✓'); // the embedded font draws it (tests/http/pdf-fonts.test.ts)
    expect(all).toContain('Seksi \uFFFD Data'); // an emoji it cannot draw: the replacement mark
    expect(all).toContain('Menjaga rahasia ≥ 100% → selalu');
    expect(all).toContain('Sukamaju, 5 Januari 2027');
    expect(pages.filter((p) => p.includes('RENCANA HASIL KERJA PIMPINAN')).length).toBeGreaterThan(2);
  });
});

describe('a PDF of an SKP that is not approved', () => {
  const small = {
    revisi: 1,
    pendekatan: 'KUANTITATIF',
    snapshot: { pegawai: { nama: 'Sri Wahyuni', nip: '199406072018032284', pangkatGolongan: 'III/a', jabatan: 'Pengelola Keuangan', jenisJabatan: 'PELAKSANA', unit: 'Sub Bagian Keuangan' }, penilai: null },
    rhk: [{ id: 1, jenis: 'UTAMA', urutan: 1, teks: 'Tertatausahakannya keuangan', rhkAtasan: null, perspektif: null, penugasanDari: null, indikator: [] }],
    ekspektasi: {},
    lampiran: [],
  } as unknown as SkpDocument;
  const print = (status: string) => skpPdf(small, { tahun: 2027, instansi: 'Dinas Uji', tempat: 'Sukamaju', tanggal: new Date('2027-01-05T03:00:00Z'), status, dicetak: new Date() });

  it('says it is a draft across every page, not only in the footer (issue 9: a draft PDF says so)', async () => {
    for (const status of ['DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN']) {
      const pages = await pdfText(await print(status));
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) expect(page, status).toContain('DRAF — BELUM DISETUJUI');
    }
  });

  it('an approved SKP carries no draft mark', async () => {
    for (const page of await pdfText(await print('DISETUJUI'))) expect(page).not.toContain('BELUM DISETUJUI');
  });
});
