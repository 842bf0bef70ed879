// Browser test of the period plan on a 390 px phone (docs/domain/skp.md § Rencana aksi and period
// targets): the employee opens the plan of an RHK, types rencana aksi and a period target with a
// comma, saves, and reads the per-period grid on the SKP page, without the page or the grid
// running wider than the screen. Screenshots: test-output/screenshots/periode-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { HAVE_CHROMIUM, needChromium, openBrowser, type BrowserSession, loginInBrowser, reachRight } from '../helpers/browser.js';

const WIDTH = 390;
let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
let ids = { skp: 0, rhk: 0 };
let login = { login: '', password: '' };

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp();
  await given.siklusTerbuka(t);
  const { penilai, pegawai } = await given.pegawaiWithPenilai(t);
  const atasan = (await given.skp(t, penilai, { rhk: 1 })).rhk[0]!;
  const skp = await given.skp(t, pegawai, { rhk: 0 });
  const rhk = await given.rhk(t, skp, { teks: 'Terselenggaranya layanan informasi publik yang cepat', rhkAtasanId: atasan.id, indikator: { teks: 'Jumlah permohonan informasi yang dilayani', targetAngka: '100', satuan: 'permohonan' } });
  ids = { skp: skp.id, rhk: rhk.id };
  login = pegawai.login;
  b = await openBrowser(t);
  page = b.page;
  await page.setViewportSize({ width: WIDTH, height: 844 });
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

const reach = (selector: string): Promise<number> => reachRight(page, selector);

describe('the period plan on a phone', () => {
  it('types and saves the plan, then reads the grid, all within 390 px', async () => {
    needChromium();
    await loginInBrowser(page, login);

    await page.goto(`/skp/${ids.skp}/rhk/${ids.rhk}/periode`);
    expect(await reach('.periode-form input, .periode-form textarea, .periode-form fieldset')).toBeLessThanOrEqual(WIDTH);
    const first = page.locator('fieldset').first();
    await first.getByLabel('Rencana aksi').fill('Menyusun jadwal layanan\nMenyiapkan formulir permohonan');
    await first.getByLabel(/^Target/).fill('25,5');
    await b!.shot('periode-form-390.png');
    await Promise.all([page.waitForURL((u) => /\/periode$/.test(u.pathname)), page.getByRole('button', { name: 'Simpan' }).click()]);
    // 25,5 in one period only: saved, with the JUMLAH-style warning only for JUMLAH indicators (this one is not)
    await page.goto(`/skp/${ids.skp}`);
    await expect(page.locator('.periode-grid').first().textContent()).resolves.toContain('Menyiapkan formulir permohonan');
    expect(await page.locator('.periode-grid').first().textContent()).toContain('25,5');
    expect(await reach('.periode-grid')).toBeLessThanOrEqual(WIDTH);
    await b!.shot('periode-grid-390.png');
    expect(b!.problems).toEqual([]);
  });
});
