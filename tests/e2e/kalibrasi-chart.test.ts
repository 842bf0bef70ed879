// Browser test of the calibration page (docs/domain/kalibrasi.md): the head of a unit opens its
// calibration in KALIBRASI, Chart.js draws the count per predikat beside the allowed band from the
// page's data attribute under the strict CSP, the numbers agree with the table beside it, the
// violations name the people, the justification is written, and axe finds no WCAG A/AA problem.
// Screenshots: test-output/screenshots/kalibrasi-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, testApp, type TestApp } from '../helpers/app.js';
import { axeViolations, HAVE_CHROMIUM, needChromium, openBrowser, type BrowserSession, loginInBrowser } from '../helpers/browser.js';

let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
let w: given.InstansiKalibrasi;

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp();
  w = await given.instansiKalibrasi(t);
  // bidang's check: 11 people; 2 Sangat Baik, 9 Baik → Baik above its 70% maximum, nobody Butuh Perbaikan/Kurang
  const people = [w.people.kabid, ...w.staff.bidang, w.people.kasi, ...w.staff.seksi];
  for (const [i, p] of people.entries()) await given.saranLangsung(t, await given.skpDi(t, w.siklus.id, p.id), { predikat: i < 2 ? 'SANGAT_BAIK' : 'BAIK', nilai: String(90 + i) });
  await given.faseSiklus(t, w.siklus.id, 'PENILAIAN');
  const kadis = await loginAs(t.app, w.people.kadis.login);
  const res = await kadis.post(`/predikat-organisasi/${w.units.bidang.id}?siklus=${w.siklus.id}`).field('_csrf', await csrf(kadis, '/')).field('version', '').field('predikat', 'BAIK').field('capaianPk', '96,4').field('dasar', 'Evaluasi Perjanjian Kinerja tahunan');
  if (res.status !== 303) throw new Error(`setting the predikat answered ${res.status}`);
  await given.faseSiklus(t, w.siklus.id, 'KALIBRASI');
  b = await openBrowser(t);
  page = b.page;
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

describe('the calibration chart in the browser', () => {
  it('draws the distribution against the band beside its table, and takes a justification', async () => {
    needChromium();
    await loginInBrowser(page, w.people.kabid.login);
    await page.getByRole('link', { name: 'Kalibrasi' }).first().click();
    await page.waitForURL((u) => u.pathname === '/kalibrasi');
    await page.getByRole('link', { name: w.units.bidang.nama, exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/kalibrasi/${w.units.bidang.id}`);
    await page.waitForFunction('window.Chart && window.Chart.getChart(document.querySelector("canvas[data-kalibrasi]"))');
    const drawn = (await page.evaluate(`(() => {
      const chart = window.Chart.getChart(document.querySelector('canvas[data-kalibrasi]'));
      return { type: chart.config.type, labels: chart.data.labels, data: chart.data.datasets.map((d) => d.data), width: chart.width, height: chart.height };
    })()`)) as { type: string; labels: string[]; data: [number[][], number[]]; width: number; height: number };
    expect(drawn.type).toBe('bar');
    expect(drawn.labels).toEqual(['Sangat Baik', 'Baik', 'Butuh Perbaikan', 'Kurang/Misconduct', 'Sangat Kurang']);
    const table = (await page.evaluate(`[...document.querySelectorAll('#kalibrasi-table tbody tr')].map((tr) => ['jumlah', 'min', 'max'].map((k) => Number(tr.querySelector('[data-k=' + k + ']').textContent)))`)) as number[][];
    expect(drawn.data[1]).toEqual(table.map((r) => r[0]));
    expect(drawn.data[0]).toEqual(table.map((r) => [r[1], r[2]]));
    expect(drawn.data[1]).toEqual([2, 9, 0, 0, 0]);
    expect(drawn.data[0][1]).toEqual([0, 7]); // Baik: at most floor(70% × 11) = 7
    expect(drawn.width).toBeGreaterThan(200);
    expect(drawn.height).toBeGreaterThan(200);
    await expect(page.locator('#pelanggaran').textContent()).resolves.toContain('Baik 9 dari 11 = 81,82% melebihi maksimum 70% (paling banyak 7 orang)');
    await expect(page.locator('#pelanggaran').textContent()).resolves.toContain(w.staff.seksi[0]!.nama);
    await b!.shot('kalibrasi-unit.png');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Justifikasi penyimpangan').fill('Program prioritas daerah selesai lebih awal sehingga sebagian besar pegawai melampaui target.');
    await Promise.all([page.waitForURL((u) => u.pathname === `/kalibrasi/${w.units.bidang.id}`), page.getByRole('button', { name: 'Simpan justifikasi' }).click()]);
    await expect(page.locator('.flash-success').textContent()).resolves.toContain('Justifikasi kalibrasi');
    await expect(page.locator('#justifikasi-teks').textContent()).resolves.toContain('Program prioritas daerah');
    await b!.shot('kalibrasi-justifikasi.png');
    expect(b!.problems).toEqual([]);
  });
});
