// Browser test of Monitoring Pengisian (docs/domain/monitoring.md): a pimpinan opens the page of
// their subtree the day after a deadline, Chart.js draws the reports per unit from the page's data
// attribute under the strict CSP, the numbers agree with the table beside it, drilling into a unit
// works, the reminder button sends one reminder, and axe finds no WCAG A/AA problem.
// Screenshots: test-output/screenshots/monitoring-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { axeViolations, HAVE_CHROMIUM, needChromium, openBrowser, type BrowserSession, loginInBrowser } from '../helpers/browser.js';
import { fixedClock } from '../../src/clock.js';
import { akhirHari } from '../../src/domain/periode-laporan.js';

const clock = fixedClock('2000-01-01T00:00:00Z');
let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
let world: given.Organisasi;

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp({}, { clock });
  world = await given.organisasi(t);
  const siklus = await given.siklusTerbuka(t);
  const q1 = (await given.periodeOf(t, siklus.id))[0]!;
  const skp: Record<string, number> = {};
  for (const p of ['pimpinan', 'penilai', 'self', 'rekan', 'subtree'] as const) skp[p] = (await given.skpDisetujui(t, world.people[p])).id;
  await given.faseSiklus(t, siklus.id, 'PELAKSANAAN');
  await given.laporan(t, skp.pimpinan!, q1.id, { status: 'DINILAI' });
  await given.laporan(t, skp.penilai!, q1.id, { status: 'DIAJUKAN' });
  await given.laporan(t, skp.self!, q1.id);
  clock.set(new Date(akhirHari(q1.batasPegawai, 'Asia/Jakarta').getTime() + 3 * 3_600_000));
  b = await openBrowser(t);
  page = b.page;
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

describe('Monitoring Pengisian in the browser', () => {
  it('draws the chart beside its table, drills down, sends a reminder, passes axe', async () => {
    needChromium();
    await loginInBrowser(page, world.people.pimpinan.login);
    await page.getByRole('link', { name: 'Monitoring' }).click();
    await page.waitForURL((u) => u.pathname === '/monitoring');
    await page.waitForFunction('window.Chart && window.Chart.getChart(document.querySelector("canvas#monitoring-chart"))');
    const drawn = (await page.evaluate(`(() => {
      const chart = window.Chart.getChart(document.querySelector('canvas#monitoring-chart'));
      return { type: chart.config.type, axis: chart.options.indexAxis, labels: chart.data.labels, data: chart.data.datasets.map((d) => d.data), width: chart.width, height: chart.height };
    })()`)) as { type: string; axis: string; labels: string[]; data: number[][]; width: number; height: number };
    expect(drawn.type).toBe('bar');
    expect(drawn.axis).toBe('y');
    const { bidang, seksi, seksi2 } = world.units;
    // the pimpinan's own unit (its own staff: the pimpinan) and its two sections
    expect(drawn.labels).toEqual([`${bidang.nama} (langsung)`, ...[seksi, seksi2].map((u) => u.nama).sort()]);
    const table = (await page.evaluate(`[...document.querySelectorAll('#monitoring-table tbody tr:not(.total)')].map((tr) => ['lapBelum', 'lapDraft', 'lapDiajukan', 'lapDinilai'].map((k) => Number(tr.querySelector('[data-k=' + k + ']').textContent)))`)) as number[][];
    expect(drawn.data).toEqual([0, 1, 2, 3].map((i) => table.map((r) => r[i])));
    // seksi: penilai submitted, self draft, rekan not started; seksi2: subtree not started; bidang: pimpinan rated
    const seksiRow = drawn.labels.indexOf(seksi.nama);
    expect(drawn.data.map((d) => d[seksiRow])).toEqual([1, 1, 1, 0]);
    expect(drawn.width).toBeGreaterThan(200);
    expect(drawn.height).toBeGreaterThan(200);
    expect(await page.locator('#terlambat tr[data-pegawai]').count()).toBe(3);
    await b!.shot('monitoring-pimpinan.png');
    expect(await axeViolations(page)).toEqual([]);

    // into the section, then the reminder for the late draft
    await page.getByRole('link', { name: seksi.nama, exact: true }).first().click();
    await page.waitForURL((u) => u.searchParams.get('unit') === String(seksi.id));
    const row = page.locator(`#terlambat tr[data-pegawai="${world.people.self.id}"]`);
    await Promise.all([page.waitForURL((u) => u.pathname === '/monitoring' && u.searchParams.get('unit') === String(seksi.id)), row.getByRole('button').click()]);
    await expect(page.locator('.flash-success').textContent()).resolves.toContain(`Pengingat dikirim kepada ${world.people.self.nama}.`);
    await expect(row.textContent()).resolves.toContain('Sudah diingatkan hari ini');
    await b!.shot('monitoring-seksi.png');
    expect(await t.db.prisma.pengingat.count({ where: { pegawaiId: world.people.self.id, jenis: 'MANUAL' } })).toBe(1);
    expect(b!.problems).toEqual([]);
  });
});
