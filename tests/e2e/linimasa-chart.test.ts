// Browser test of the timeline's capaian chart (docs/domain/linimasa.md § The capaian chart): the
// appraiser opens an appraisee's timeline, Chart.js (served from node_modules under /static) draws
// the series from the page's data attribute under the strict CSP (no inline script), a missing
// period stays a gap, and the feedback form works. Screenshot: test-output/screenshots/linimasa-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { HAVE_CHROMIUM, needChromium, openBrowser, type BrowserSession, loginInBrowser } from '../helpers/browser.js';

let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
let pegawaiId = 0;
let login = { login: '', password: '' };

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp();
  await given.siklusTerbuka(t);
  const { pimpinan, penilai, self: pegawai } = (await given.organisasi(t)).people;
  await given.skpDisetujui(t, pimpinan);
  await given.skpDisetujui(t, penilai);
  const skp = await given.skpDisetujui(t, pegawai, { rhk: 1, indikator: 2 });
  const [a, c] = skp.rhk[0]!.indikator as [number, number];
  await given.laporanLangsung(t, skp, 1, { status: 'DINILAI', realisasi: { [a]: { angka: '10' }, [c]: { angka: '12' } } });
  await given.laporanLangsung(t, skp, 2, { status: 'DIAJUKAN', realisasi: { [a]: { angka: '13' } } });
  await given.laporanLangsung(t, skp, 4, { status: 'DIAJUKAN', realisasi: { [a]: { angka: '9' }, [c]: { angka: '14' } } });
  pegawaiId = pegawai.id;
  login = penilai.login;
  b = await openBrowser(t);
  page = b.page;
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

describe('the capaian chart', () => {
  it('draws each indicator over the periods with Chart.js, gaps left open, no CSP problem', async () => {
    needChromium();
    await loginInBrowser(page, login);

    await page.goto(`/linimasa/${pegawaiId}`);
    await page.waitForFunction('window.Chart && window.Chart.getChart(document.querySelector("canvas[data-capaian]"))');
    const drawn = (await page.evaluate(`(() => {
      const chart = window.Chart.getChart(document.querySelector('canvas[data-capaian]'));
      return { type: chart.config.type, labels: chart.data.labels, data: chart.data.datasets.map((d) => d.data), width: chart.width, height: chart.height };
    })()`)) as { type: string; labels: string[]; data: (number | null)[][]; width: number; height: number };
    expect(drawn.type).toBe('line');
    expect(drawn.labels).toHaveLength(4);
    // 10/12, 13/12 → 108,33, TW III not reported (a gap), 9/12; the second indicator: 12/12, no realisasi, a gap, 14/12
    expect(drawn.data).toEqual([[83.33, 108.33, null, 75], [100, null, null, 116.67]]);
    expect(drawn.width).toBeGreaterThan(200);
    expect(drawn.height).toBeGreaterThan(200);
    await b!.shot('linimasa-penilai.png');

    // feedback through the form on the same page
    await page.locator('#f-teks').fill('Capaian triwulan II bagus, pertahankan.');
    await Promise.all([page.waitForURL((u) => u.pathname === `/linimasa/${pegawaiId}`), page.getByRole('button', { name: 'Kirim umpan balik' }).click()]);
    await expect(page.locator('li.entri-umpanBalik').first().textContent()).resolves.toContain('Capaian triwulan II bagus');
    expect(b!.problems).toEqual([]);
  });
});
