// Browser test of the year's distribution (docs/domain/rekap.md § The distribution): a pimpinan
// opens /rekap from the menu, Chart.js draws the predikat per unit of their subtree from the
// page's data attribute under the strict CSP, the numbers agree with the table beside it, a unit's
// name drills into its sub-units, and axe finds no WCAG A/AA problem.
// Screenshots: test-output/screenshots/rekap-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { axeViolations, HAVE_CHROMIUM, needChromium, openBrowser, type BrowserSession, loginInBrowser } from '../helpers/browser.js';

let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
let world: given.Organisasi;
let siklus: { id: number; tahun: number };

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp();
  world = await given.organisasi(t);
  siklus = await given.siklusTerbuka(t);
  // seksi: penilai Baik (final), self Sangat Baik (final), rekan not yet rated; seksi2: subtree Kurang
  const rated = { penilai: 'BAIK', self: 'SANGAT_BAIK', subtree: 'KURANG' } as const;
  for (const p of ['penilai', 'self', 'rekan', 'subtree'] as const) {
    const s = await given.skpDi(t, siklus.id, world.people[p].id);
    await given.saranLangsung(t, s);
    if (p !== 'rekan') await given.evaluasiLangsung(t, s, { predikat: rated[p], status: p === 'subtree' ? 'DIKONFIRMASI' : 'FINAL' });
  }
  b = await openBrowser(t);
  page = b.page;
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

describe('the distribution chart in the browser', () => {
  it('draws the predikat per unit beside its table, drills down, passes axe', async () => {
    needChromium();
    await loginInBrowser(page, world.people.pimpinan.login);
    await page.getByRole('link', { name: 'Rekap', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/rekap');
    await page.waitForFunction('window.Chart && window.Chart.getChart(document.querySelector("canvas#rekap-chart"))');
    const drawn = (await page.evaluate(`(() => {
      const chart = window.Chart.getChart(document.querySelector('canvas#rekap-chart'));
      return { type: chart.config.type, axis: chart.options.indexAxis, stacked: chart.options.scales.x.stacked, labels: chart.data.labels, data: chart.data.datasets.map((d) => d.data), colors: chart.data.datasets.map((d) => d.backgroundColor), width: chart.width, height: chart.height };
    })()`)) as { type: string; axis: string; stacked: boolean; labels: string[]; data: number[][]; colors: string[]; width: number; height: number };
    expect([drawn.type, drawn.axis, drawn.stacked]).toEqual(['bar', 'y', true]);
    // each predikat in its own colour, from best (green) to worst (red), none left grey
    expect(drawn.colors).toEqual(['#15803d', '#4ade80', '#facc15', '#f97316', '#dc2626']);
    const { seksi, seksi2 } = world.units;
    expect(drawn.labels).toEqual([seksi, seksi2].map((u) => u.nama).sort());
    const keys = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];
    const table = (await page.evaluate(`[...document.querySelectorAll('#rekap-table tbody tr:not(.total)')].map((tr) => ${JSON.stringify(keys)}.map((k) => Number(tr.querySelector('[data-k=' + k + ']').textContent)))`)) as number[][];
    expect(drawn.data).toEqual(keys.map((_, i) => table.map((r) => r[i])));
    const row = drawn.labels.indexOf(seksi.nama);
    expect(drawn.data.map((d) => d[row])).toEqual([1, 1, 0, 0, 0]);
    expect(drawn.width).toBeGreaterThan(200);
    expect(drawn.height).toBeGreaterThan(200);
    await b!.shot('rekap-pimpinan.png');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: seksi2.nama, exact: true }).first().click();
    await page.waitForURL((u) => u.searchParams.get('unit') === String(seksi2.id));
    await expect(page.locator('#rekap-table tr.total [data-k="KURANG"]').textContent()).resolves.toBe('1');
    await b!.shot('rekap-seksi2.png');
    expect(b!.problems).toEqual([]);
  });
});
