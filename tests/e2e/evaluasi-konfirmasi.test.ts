// Browser test of the appraiser's confirmation of the year: playwright-core drives Debian's
// chromium (/usr/bin/chromium — never a browser download) against the real app. Set-up through
// the factories: an appraiser with two employees, each with an approved SKP, the first with a
// rated report of Triwulan I; the year's suggestions written directly (the computation is tested
// on its own); the cycle in PENILAIAN. In the browser the appraiser opens the queue from the menu,
// opens the first employee's year (the pieces, the suggestion and why), overrides the Rating Hasil
// Kerja (the form first refuses it without a reason, keeping what was typed), gives the reason,
// lands on the second employee, confirms as suggested and is back at the queue with both done.
// Screenshots: test-output/screenshots/evaluasi-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { axeViolations, HAVE_CHROMIUM, needChromium, openBrowser, type BrowserSession, loginInBrowser } from '../helpers/browser.js';
import { DEFAULT_POLICY, reason, suggestRatingHasilKerja, suggestRatingPerilaku } from '../../src/domain/scoring/index.js';
import { NILAI_BERAKHLAK } from '../../src/domain/berakhlak.js';

let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
let problems: string[];
let shot: BrowserSession['shot'];
let penilai: given.GivenPegawai;
let siklusId: number;
const people: given.GivenPegawai[] = [];

const rincian = () => ({
  hasilKerja: suggestRatingHasilKerja(
    [{ id: 1, label: 'RHK 1', jenis: 'UTAMA', klasifikasi: { kind: 'kelas', kelas: 'SESUAI', hitungan: { atas: 0, sesuai: 1, bawah: 0, total: 1 }, reason: reason('scoring.rhk.sesuai'), rincian: [], policyVersion: 1 } }],
    DEFAULT_POLICY,
  ),
  perilaku: suggestRatingPerilaku(Object.fromEntries(NILAI_BERAKHLAK.map((n) => [n, 'SESUAI'])), DEFAULT_POLICY),
});

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp();
  const unit = await given.unit(t, { nama: 'Seksi Pelayanan Publik' });
  penilai = await given.pegawai(t, { unitId: unit.id, jenis: 'PENGAWAS', nama: 'Sekar Ayuningtyas, S.Kom.' });
  for (const nama of ['Bagas Wicaksono, S.T.', 'Rina Maharani, S.E.']) {
    const p = await given.pegawai(t, { unitId: unit.id, penilai, nama });
    const s = await given.skpDisetujui(t, p, { rhk: 1, indikator: 1 });
    siklusId = s.siklusId;
    if (people.length === 0) await given.laporan(t, s.id, (await given.periodeOf(t, s.siklusId))[0]!.id, { status: 'DINILAI' });
    await given.saranLangsung(t, s, { nilai: '100', rincian: rincian() });
    people.push(p);
  }
  await given.faseSiklus(t, siklusId, 'PENILAIAN');
  // the override without a reason is refused with 422 (the form again): expected
  b = await openBrowser(t, { expectedErrors: [{ status: 422, path: `/evaluasi/${people[0]!.id}?siklus=${siklusId}` }] });
  ({ page, problems, shot } = b);
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

const flashes = async () => (await page.locator('.flash').allTextContents()).map((s) => s.trim().replace(/\s+/g, ' '));

describe('the appraiser confirms the year in a real browser', () => {
  it('opens the queue from the menu, overrides one rating with its reason, confirms the next as suggested', async () => {
    needChromium();
    await loginInBrowser(page, penilai.login);
    await page.getByRole('navigation', { name: 'menu' }).getByRole('link', { name: 'Evaluasi Tahunan', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/evaluasi');
    expect(await page.locator('#menunggu tbody tr').count(), await page.locator('main').innerText()).toBe(2);
    await shot('evaluasi-antrian.png');
    expect(await axeViolations(page)).toEqual([]); // WCAG 2.1 A/AA

    const [first, second] = people as [given.GivenPegawai, given.GivenPegawai];
    await page.locator(`#baris-${first.id}`).getByRole('link', { name: 'Konfirmasi', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/evaluasi/${first.id}`);
    const main = page.locator('main');
    expect(await main.textContent()).toContain('1 sesuai, 0 di bawah ekspektasi dari 1');
    expect(await main.textContent()).toContain('Triwulan I');
    expect(await main.textContent()).toContain('1 pegawai lain menunggu');
    expect(await page.locator('#saran-hasil').count()).toBe(1);
    expect(await page.locator('#predikat-pilihan output').textContent()).toBe('Baik');
    await page.locator('#rating').getByRole('group', { name: /Rating Hasil Kerja/ }).getByLabel('Di Atas Ekspektasi').check();
    await page.locator('#rating').getByRole('group', { name: /Rating Perilaku/ }).getByLabel('Di Atas Ekspektasi').check();
    // the predikat of the chosen ratings, read from the matrix as they are chosen
    expect(await page.locator('#predikat-pilihan output').textContent()).toBe('Sangat Baik');
    expect(await page.locator('#matriks-predikat td.terpilih').textContent()).toBe('Sangat Baik');
    await page.locator('#rating').getByRole('group', { name: /Rating Perilaku/ }).getByLabel('Sesuai Ekspektasi').check();
    expect(await page.locator('#predikat-pilihan output').textContent()).toBe('Baik');
    await page.locator('#f-alasanPerilaku').fill('Catatan yang tidak boleh hilang');
    await shot('evaluasi-form.png');
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL((u) => u.pathname === `/evaluasi/${first.id}`), page.getByRole('button', { name: 'Simpan rating tahunan' }).click()]);
    // refused: an override needs a reason; what was typed is still there
    expect(await page.locator('#f-alasanHasilKerja-err').textContent()).toContain('memerlukan alasan');
    expect(await page.locator('#f-alasanPerilaku').inputValue()).toBe('Catatan yang tidak boleh hilang');
    expect(await page.locator('#rating').getByRole('group', { name: /Rating Hasil Kerja/ }).getByLabel('Di Atas Ekspektasi').isChecked()).toBe(true);
    await shot('evaluasi-alasan-wajib.png');
    await page.locator('#f-alasanHasilKerja').fill('Menyelesaikan dua layanan daring baru di luar rencana');
    await Promise.all([page.waitForURL((u) => u.pathname === `/evaluasi/${second.id}`), page.getByRole('button', { name: 'Simpan rating tahunan' }).click()]);
    expect((await flashes()).some((f) => f.includes(`Rating tahunan ${first.nama} disimpan dengan alasan perubahan: Baik.`))).toBe(true);

    // the next one, as suggested
    await Promise.all([page.waitForURL((u) => u.pathname === '/evaluasi'), page.getByRole('button', { name: 'Simpan rating tahunan' }).click()]);
    expect((await flashes()).some((f) => f.includes(`Rating tahunan ${second.nama} dikonfirmasi sesuai saran: Baik.`))).toBe(true);
    expect(await page.locator('#dijawab tbody tr').count()).toBe(2);
    await shot('evaluasi-antrian-selesai.png');
    const rows = await t.db.prisma.evaluasiTahunan.findMany({ where: { siklusId }, orderBy: { pegawaiId: 'asc' } });
    expect(rows.map((r) => [r.pegawaiId, r.ratingHasilKerja, r.ratingPerilaku, r.predikat, r.alasanHasilKerja])).toEqual([
      [first.id, 'DI_ATAS', 'SESUAI', 'BAIK', 'Menyelesaikan dua layanan daring baru di luar rencana'],
      [second.id, 'SESUAI', 'SESUAI', 'BAIK', null],
    ]);
    expect(problems).toEqual([]);
  });
});
