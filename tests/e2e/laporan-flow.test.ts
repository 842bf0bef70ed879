// Browser test of the employee's periodic report (docs/domain/laporan.md): the employee opens
// Triwulan II from "Laporan Periodik", types a realisasi and sees its capaian computed by the
// server as they type (public/js/laporan.js, no inline script), uploads a PDF as evidence, saves
// the draft and submits through the confirmation step. Screenshots: test-output/screenshots/laporan-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { axeViolations, HAVE_CHROMIUM, needChromium, openBrowser, type BrowserSession, loginInBrowser } from '../helpers/browser.js';
import { fixedClock } from '../../src/clock.js';

const clock = fixedClock('2026-05-02T03:00:00Z');
let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
let login: { login: string; password: string };
let indikator: number;

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp({}, { clock });
  const team = await given.pegawaiWithPenilai(t);
  const skp = await given.skpDisetujui(t, team.pegawai, { rhk: 1, indikator: 1 });
  indikator = skp.rhk[0]!.indikator[0]!;
  const { id, tahun } = await given.siklusTerbuka(t);
  await given.faseSiklus(t, id, 'PELAKSANAAN');
  clock.set(`${tahun}-05-02T03:00:00Z`);
  login = team.pegawai.login;
  b = await openBrowser(t);
  page = b.page;
}, 120_000);
afterAll(async () => {
  await b?.close();
  await t?.close();
});

describe('the employee writes the period report in a browser', () => {
  it('fills realisasi with live capaian, uploads evidence, saves and submits', async () => {
    needChromium();
    await loginInBrowser(page, login);
    await page.getByRole('link', { name: 'Laporan Periodik', exact: true }).first().click();
    await page.waitForURL((u) => u.pathname === '/laporan');
    await b!.shot('laporan-list.png');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('tr', { hasText: 'Triwulan II' }).getByRole('link', { name: 'Isi laporan' }).click();
    await page.waitForURL(/\/laporan\/\d+$/);
    const url = page.url();

    // the capaian follows what is typed, before anything is saved
    const capaian = page.locator(`[data-capaian-for="${indikator}"]`);
    await expect.poll(() => capaian.locator('.capaian-rule').textContent()).toContain('Realisasi belum diisi');
    await page.locator(`#f-ra_${indikator}`).fill('12,5');
    await expect.poll(() => capaian.locator('.capaian-persen').textContent(), { timeout: 5000 }).toBe('104,17 %');
    expect(await capaian.locator('.capaian-rule').textContent()).toContain('12,5 dari 12');
    expect(await capaian.locator('meter').evaluate((m) => (m as unknown as { value: number }).value)).toBeCloseTo(104.17, 1);
    await page.locator(`#f-ra_${indikator}`).fill('6');
    await expect.poll(() => capaian.locator('.capaian-kelas').textContent(), { timeout: 5000 }).toBe('Di Bawah Ekspektasi');
    await page.locator(`#f-ra_${indikator}`).fill('12,5');
    await page.locator('#f-prestasi').fill('Menyusun 12,5 dokumen layanan dalam triwulan ini');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await page.waitForURL(url);
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('Draf laporan disimpan');
    expect(await page.locator(`#f-ra_${indikator}`).inputValue()).toBe('12,5');

    // evidence: a PDF
    await page.locator('#f-berkas').setInputFiles({ name: 'notulen-rapat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% notulen\n%%EOF\n') });
    await page.locator('#f-keterangan').fill('Notulen rapat layanan');
    await page.getByRole('button', { name: 'Tambah bukti dukung' }).click();
    await page.waitForURL((u) => u.pathname === new URL(url).pathname);
    expect(await page.getByRole('link', { name: 'Notulen rapat layanan' }).count()).toBe(1);
    await b!.shot('laporan-draft.png');
    expect(await axeViolations(page)).toEqual([]); // WCAG 2.1 A/AA on the report with its form

    // submit, confirmed
    await page.getByRole('button', { name: 'Ajukan laporan' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Ajukan laporan Triwulan II');
    await b!.shot('laporan-confirm.png');
    await page.getByRole('button', { name: 'Ajukan laporan' }).click();
    await page.waitForURL(url);
    expect(await page.locator('#laporan-status').textContent()).toBe('Diajukan');
    expect(await page.locator('#laporan-form').count()).toBe(0);
    await b!.shot('laporan-submitted.png');
    expect(b!.problems).toEqual([]);
  }, 60_000);
});
