// Browser test of an objection (docs/domain/keberatan.md): playwright-core drives Debian's
// chromium against the real app. Set-up through the factories: a unit with its head (the atasan
// pejabat penilai), an appraiser and an employee whose year is FINAL and notified today, rated
// below expectation on results. In the browser the employee opens their year, follows the link to
// the objection, sends too short a reason with a file (refused: the text and the file stay),
// completes the reason and files it; the head opens it from the menu, sees both statements,
// changes the Rating Hasil Kerja (the predikat follows the matrix as it is chosen) with reasons,
// and the decision is final. Screenshots: test-output/screenshots/keberatan-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { axeViolations, HAVE_CHROMIUM, needChromium, openBrowser, type BrowserSession, loginInBrowser } from '../helpers/browser.js';

let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
let problems: string[];
let shot: BrowserSession['shot'];
let kepala: given.GivenPegawai;
let pegawai: given.GivenPegawai;
let siklusId: number;
const PDF = Buffer.from('%PDF-1.4\n% berita acara serah terima\n1 0 obj << >> endobj\n%%EOF\n');

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp();
  const unit = await given.unit(t, { nama: 'Bidang Layanan Digital' });
  kepala = await given.pegawai(t, { jabatanId: (await given.jabatan(t, { unitId: unit.id, jenis: 'ADMINISTRATOR', kepalaUnit: true })).id, nama: 'Dr. Hendra Kusuma, M.T.' });
  const penilai = await given.pegawai(t, { unitId: unit.id, jenis: 'PENGAWAS', penilai: kepala, nama: 'Sekar Ayuningtyas, S.Kom.' });
  pegawai = await given.pegawai(t, { unitId: unit.id, penilai, nama: 'Bagas Wicaksono, S.T.' });
  siklusId = (await given.siklusTerbuka(t)).id;
  await given.evaluasiFinalLangsung(t, siklusId, pegawai.id, { hasilKerja: 'DI_BAWAH', perilaku: 'SESUAI', predikat: 'BUTUH_PERBAIKAN', diberitahuAt: new Date() });
  await given.faseSiklus(t, siklusId, 'SELESAI');
  // the reason too short is refused with 422 (the form again): expected
  b = await openBrowser(t, { expectedErrors: [{ status: 422, path: `/keberatan/saya?siklus=${siklusId}` }] });
  ({ page, problems, shot } = b);
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

const flashes = async () => (await page.locator('.flash').allTextContents()).map((s) => s.trim().replace(/\s+/g, ' '));
const ALASAN = 'Dua RHK utama selesai pada Triwulan IV (berita acara terlampir), sehingga rating hasil kerja semestinya sesuai ekspektasi.';

describe('an objection filed and decided in a real browser', () => {
  it('the employee files it with a file; a refusal keeps the text and the file', async () => {
    needChromium();
    await loginInBrowser(page, pegawai.login);
    await page.goto(`/evaluasi/saya?siklus=${siklusId}`);
    await Promise.all([page.waitForURL((u) => u.pathname === '/keberatan/saya'), page.locator('#link-keberatan').click()]);
    expect(await page.locator('#batas').textContent()).toContain('sampai dengan');
    await page.locator('#f-alasan').fill('Tidak adil');
    await page.locator('#f-berkas').setInputFiles({ name: 'berita-acara.pdf', mimeType: 'application/pdf', buffer: PDF });
    await shot('keberatan-form.png');
    expect(await axeViolations(page)).toEqual([]); // WCAG 2.1 A/AA
    await Promise.all([page.waitForURL((u) => u.pathname === '/keberatan/saya'), page.getByRole('button', { name: 'Ajukan keberatan' }).click()]);
    expect(await page.locator('#f-alasan-err').textContent()).toBeTruthy();
    expect(await page.locator('#f-alasan').inputValue()).toBe('Tidak adil');
    expect(await page.locator('.lampiran-ditahan').textContent()).toContain('berita-acara.pdf');
    await shot('keberatan-ditolak.png');
    await page.locator('#f-alasan').fill(ALASAN);
    await Promise.all([page.waitForURL((u) => /^\/keberatan\/\d+$/.test(u.pathname)), page.getByRole('button', { name: 'Ajukan keberatan' }).click()]);
    expect((await flashes()).some((f) => f.includes('Keberatan sudah diajukan'))).toBe(true);
    expect(await page.locator('#pernyataan-pegawai').textContent()).toContain('berita-acara.pdf');
    await shot('keberatan-diajukan.png');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the head (atasan pejabat penilai) decides it: UBAH, the predikat from the matrix, final', async () => {
    needChromium();
    await page.context().clearCookies();
    await loginInBrowser(page, kepala.login);
    await page.getByRole('navigation', { name: 'menu' }).getByRole('link', { name: 'Keberatan', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/keberatan');
    await Promise.all([page.waitForURL((u) => /^\/keberatan\/\d+$/.test(u.pathname)), page.getByRole('link', { name: pegawai.nama }).click()]);
    expect(await page.locator('#pernyataan-pegawai').textContent()).toContain(ALASAN);
    const form = page.locator('#form-evaluasi');
    await form.getByRole('group', { name: /Keputusan atas keberatan/ }).getByLabel('Diubah').check();
    await form.getByRole('group', { name: /Rating Hasil Kerja/ }).getByLabel('Sesuai Ekspektasi').check();
    expect(await page.locator('#predikat-pilihan output').textContent()).toBe('Baik');
    expect(await page.locator('#matriks-predikat td.terpilih').textContent()).toBe('Baik');
    await page.locator('#f-alasanKeputusan').fill('Berita acara serah terima membuktikan kedua RHK utama selesai pada Triwulan IV.');
    await shot('keberatan-putus.png');
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL((u) => /^\/keberatan\/\d+$/.test(u.pathname)), page.getByRole('button', { name: 'Putuskan' }).click()]);
    expect((await flashes()).some((f) => f.includes('rating diubah, predikat menjadi Baik'))).toBe(true);
    expect(await page.locator('#hasil-keputusan').textContent()).toContain('Baik');
    expect(await page.locator('#form-evaluasi').count()).toBe(0);
    expect(await page.locator('#dokumen li').count()).toBe(2);
    await shot('keberatan-diputus.png');
    const e = await t.db.prisma.evaluasiTahunan.findFirstOrThrow({ where: { siklusId, pegawaiId: pegawai.id } });
    expect([e.ratingHasilKerja, e.predikat]).toEqual(['SESUAI', 'BAIK']);
    expect(problems).toEqual([]);
  });
});
