import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { fixedClock } from '../../src/clock.js';
import * as given from '../helpers/given.js';
import { download, pdfPages } from '../helpers/files.js';
import { loginAs, testApp, type TestApp } from '../helpers/app.js';
import { evaluasiPdf } from '../../src/modules/laporan/print/pdf.js';

// The periodic evaluation form (PermenPANRB 6/2022 Anak Lampiran 4, "Evaluasi Kinerja Pegawai —
// Periode Triwulan …"; docs/domain/cetak.md), printed from the report's
// read model: read back from the PDF's text.

let t: TestApp;
let team: Awaited<ReturnType<typeof given.pegawaiWithPenilai>>;
let skp: given.GivenSkp;
let periode: Awaited<ReturnType<typeof given.periodeOf>>;
const flat = (pages: string[]) => pages.join(' ').replace(/\s+/g, ' ');
const printed = async (login: Parameters<typeof loginAs>[1], id: number) => {
  const res = await download(await loginAs(t.app, login), `/laporan/${id}/cetak.pdf`).expect(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return { res, pages: await pdfPages(res.body as Buffer) };
};

beforeAll(async () => {
  t = await testApp({}, { clock: fixedClock('2026-05-02T03:00:00Z') });
  team = await given.pegawaiWithPenilai(t);
  skp = await given.skpDisetujui(t, team.pegawai, { rhk: 2, indikator: 2 });
  periode = await given.periodeOf(t, skp.siklusId);
  mkdirSync('test-output', { recursive: true });
});
afterAll(async () => { await t?.close(); });

describe('the periodic evaluation form of a rated report', () => {
  let id: number;
  beforeAll(async () => {
    const [a, b, c] = skp.rhk.flatMap((r) => r.indikator);
    const l = await given.laporan(t, skp.id, periode[0]!.id, { status: 'DINILAI', realisasi: { [a!]: '10.5', [b!]: '1234', [c!]: '12' } });
    id = l.id;
    await t.db.prisma.realisasi.update({ where: { laporanId_indikatorId: { laporanId: id, indikatorId: a! } }, data: { umpanBalik: 'Pertahankan ketepatan waktu penyusunan dokumen' } });
    await t.db.prisma.tandaPerilaku.create({ data: { laporanId: id, nilai: 'BERORIENTASI_PELAYANAN', tanda: 'DI_ATAS', umpanBalik: 'Tanggap terhadap keluhan pengguna layanan' } });
    await t.db.prisma.penilaianPeriode.update({ where: { laporanId: id }, data: { ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK', at: new Date('2026-04-20T03:00:00Z') } });
  });

  it('prints the official labels, the people from the SKP snapshot, the realisasi in id-ID, feedback, ratings and predikat', async () => {
    const { res, pages } = await printed(team.pegawai.login, id);
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="Evaluasi-2026-1-\d+\.pdf"$/);
    writeFileSync('test-output/evaluasi-periodik.pdf', res.body as Buffer);
    const all = flat(pages);
    const snap = (await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id } })).snapshot as { pegawai: { nama: string; nip: string }; penilai: { nama: string; nip: string } };
    expect(pages[0]).toContain('EVALUASI KINERJA PEGAWAI');
    expect(pages[0]).toContain('PENDEKATAN HASIL KERJA KUANTITATIF');
    expect(pages[0]).toContain('PERIODE: TRIWULAN I');
    expect(pages[0]).toContain('PERIODE PENILAIAN: 1 JANUARI 2026 SD 31 MARET 2026');
    expect(pages[0]).toContain('PEGAWAI YANG DINILAI');
    expect(pages[0]).toContain('PEJABAT PENILAI KINERJA');
    expect(pages[0]).toContain(snap.pegawai.nama);
    expect(pages[0]).toContain(snap.pegawai.nip);
    expect(pages[0]).toContain(snap.penilai.nama);
    for (const label of ['HASIL KERJA', 'RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI', 'INDIKATOR KINERJA INDIVIDU', 'TARGET', 'REALISASI BERDASARKAN BUKTI DUKUNG', 'UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG', 'A. UTAMA', 'B. TAMBAHAN', 'PERILAKU KERJA', 'EKSPEKTASI KHUSUS PIMPINAN'])
      expect(all).toContain(label);
    expect(all).toContain('Jumlah keluaran uji 1.1');
    expect(all).toContain('12 dokumen');
    expect(all).toContain('10,5 dokumen');
    expect(all).toContain('Capaian: 87,5 %');
    expect(all).toContain('1.234 dokumen');
    expect(all).toContain('Pertahankan ketepatan waktu penyusunan dokumen');
    expect(all).toContain('Berorientasi Pelayanan');
    expect(all).toContain('Tanggap terhadap keluhan pengguna layanan');
    expect(all).toContain('Tanda: Di Atas Ekspektasi');
    expect(all).toContain('RATING HASIL KERJA DI ATAS EKSPEKTASI');
    expect(all).toContain('RATING PERILAKU KERJA DI ATAS EKSPEKTASI');
    expect(all).toContain('PREDIKAT KINERJA PEGAWAI SANGAT BAIK');
    // signed by the appraiser alone, on the day of the rating
    expect(all).toContain('20 April 2026 Pejabat Penilai Kinerja');
    expect(all).toContain(`${snap.penilai.nama} NIP. ${snap.penilai.nip}`);
    expect(all).not.toContain('Pegawai yang Dinilai');
    expect(all).not.toContain('BELUM DINILAI');
    for (const page of pages) expect(page).toMatch(/Halaman \d+ dari \d+$/);
    expect(pages[pages.length - 1]).toContain(`Halaman ${pages.length} dari ${pages.length}`);
  });

  it('is printed for the appraiser and HR, and not found for anyone else', async () => {
    await printed(team.penilai.login, id);
    await printed('admin', id);
    const stranger = await given.pegawai(t);
    await (await loginAs(t.app, stranger.login)).get(`/laporan/${id}/cetak.pdf`).expect(404);
    await (await loginAs(t.app, team.pegawai.login)).get('/laporan/999999/cetak.pdf').expect(404);
    await request(t.app).get(`/laporan/${id}/cetak.pdf`).expect(303).expect('location', '/login');
  });

  it('the report page offers the print to whoever reads it', async () => {
    for (const who of [team.pegawai.login, team.penilai.login, 'admin'] as const) {
      const page = await (await loginAs(t.app, who)).get(`/laporan/${id}`).expect(200);
      expect(page.text).toContain(`href="/laporan/${id}/cetak.pdf"`);
    }
  });
});

describe('a report not rated yet', () => {
  it('a draft says so across every page, and prints no rating', async () => {
    const l = await given.laporan(t, skp.id, periode[1]!.id);
    const { pages } = await printed(team.pegawai.login, l.id);
    // the mark is drawn over each page, after its footer
    for (const page of pages) expect(page).toMatch(/Halaman \d+ dari \d+ DRAF — BELUM DINILAI$/);
    const all = flat(pages);
    expect(all).toContain('Belum diisi'); // a missing realisasi is missing, never 0
    expect(all).toContain('RATING HASIL KERJA BELUM DINILAI');
    expect(all).toContain('PREDIKAT KINERJA PEGAWAI BELUM DINILAI');
  });

  it('a submitted one waits for its rating: BELUM DINILAI on every page', async () => {
    const l = await given.laporan(t, skp.id, periode[2]!.id, { status: 'DIAJUKAN' });
    const { pages } = await printed(team.penilai.login, l.id);
    for (const page of pages) {
      expect(page).toMatch(/Halaman \d+ dari \d+ BELUM DINILAI$/);
      expect(page).not.toContain('DRAF');
    }
  });
});

describe('a long report', () => {
  it('runs over pages with the header row repeated, and splits a row taller than a page', async () => {
    const p = await given.pegawai(t, { penilai: team.penilai });
    const big = await given.skpDisetujui(t, p, { rhk: 30, indikator: 3 });
    const ind = big.rhk.flatMap((r) => r.indikator);
    const l = await given.laporan(t, big.id, periode[0]!.id, { status: 'DINILAI' });
    const panjang = `${'Umpan balik yang sangat panjang tentang bukti dukung. '.repeat(400)}AKHIR-UMPAN-BALIK`;
    await t.db.prisma.realisasi.update({ where: { laporanId_indikatorId: { laporanId: l.id, indikatorId: ind[4]! } }, data: { umpanBalik: panjang } });
    const t0 = performance.now();
    const { res, pages } = await printed(team.penilai.login, l.id);
    const ms = performance.now() - t0;
    writeFileSync('test-output/evaluasi-panjang.pdf', res.body as Buffer);
    const hasil = pages.filter((x) => x.includes('REALISASI BERDASARKAN BUKTI DUKUNG'));
    expect(hasil.length).toBeGreaterThan(3);
    // every page the table runs over starts with its header rows
    for (const page of hasil) expect(page).toMatch(/HASIL KERJA NO RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI RENCANA HASIL KERJA ASPEK INDIKATOR KINERJA INDIVIDU TARGET REALISASI BERDASARKAN BUKTI DUKUNG UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG \(1\) \(2\) \(3\) \(4\) \(5\) \(6\) \(7\) \(8\)/);
    const all = flat(pages);
    expect(all).toContain('AKHIR-UMPAN-BALIK');
    expect(all).toContain('Jumlah keluaran uji 30.3');
    expect(all).toContain('PREDIKAT KINERJA PEGAWAI BAIK');
    expect(ms).toBeLessThan(5000);
  });
});

describe('the form from a plain object', () => {
  it('the JPT variant: the perspective instead of the leader\'s RHK, INSTANSI, names as typed', async () => {
    const orang = (nama: string) => ({ nama, nip: '197001012000031001', pangkatGolongan: 'IV/c', jabatan: 'Kepala Dinas', unit: 'Dinas Uji', jenisJabatan: 'JPT' });
    const buf = await evaluasiPdf({
      tahun: 2026, periode: { nama: 'Semester I', awal: new Date('2026-01-01'), akhir: new Date('2026-06-30') },
      instansi: 'Pemerintah Kabupaten Sukamaju', tempat: 'Sukamaju', pendekatan: 'KUALITATIF', jpt: true,
      pegawai: orang('Đặng Thị Hồng'), penilai: { ...orang('Łukasz Ørsted'), luar: true, unit: 'Pemerintah Provinsi Uji' }, status: 'DINILAI',
      rhk: [{ jenis: 'UTAMA', teks: 'Meningkatnya kualitas layanan publik', rhkAtasan: null, perspektif: 'PENERIMA_LAYANAN', indikator: [{ aspek: 'KUALITAS', teks: 'Indeks kepuasan masyarakat', target: 'Kepuasan masyarakat meningkat', targetPeriode: true, realisasi: 'Survei menunjukkan kenaikan', capaian: 'melampaui target', kumulatif: null, umpanBalik: null }] }],
      perilaku: [{ nama: 'Loyal', perilaku: ['Menjaga rahasia jabatan dan negara'], ekspektasiKhusus: 'Menjaga kerahasiaan data ≥ 100%', tanda: null, umpanBalik: null }],
      rating: { hasilKerja: 'DI_BAWAH', perilaku: 'SESUAI', predikat: 'BUTUH_PERBAIKAN', at: new Date('2026-07-10T03:00:00Z') },
      dicetak: new Date('2026-07-11T03:00:00Z'),
    });
    const all = flat(await pdfPages(buf));
    expect(all).toContain('PENDEKATAN HASIL KERJA KUALITATIF');
    expect(all).toContain('PERIODE: SEMESTER I');
    expect(all).toContain('5 INSTANSI Pemerintah Kabupaten Sukamaju 5 INSTANSI Pemerintah Provinsi Uji');
    expect(all).toContain('PERSPEKTIF');
    expect(all).not.toContain('RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI');
    expect(all).toContain('Perspektif Penerima Layanan');
    expect(all).toContain('Kepuasan masyarakat meningkat (target periode)');
    expect(all).toContain('Capaian: melampaui target');
    expect(all).toContain('Đặng Thị Hồng');
    expect(all).toContain('Łukasz Ørsted');
    expect(all).toContain('Menjaga kerahasiaan data ≥ 100%');
    expect(all).toContain('RATING HASIL KERJA DI BAWAH EKSPEKTASI');
    expect(all).toContain('PREDIKAT KINERJA PEGAWAI BUTUH PERBAIKAN');
    expect(all).toContain('Sukamaju, 10 Juli 2026');
    expect(all).not.toContain('\uFFFD');
  });
});
