// Issue 9 § 9 and its tests: the pages of planning — home, the SKP, SKP Bawahan, the SKP review,
// the cycle and its periods, the employee list — on a 390 px phone and on a desktop: no page or
// table wider than the screen (a table that would scroll sideways counts), and axe-core finds no
// WCAG A/AA violation on any of them. Screenshots: test-output/screenshots/phone-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { DEMO_PASSWORD, testApp, type TestApp } from '../helpers/app.js';
import { axeViolations, HAVE_CHROMIUM, needChromium, openBrowser, type BrowserSession, loginInBrowser, reachRight } from '../helpers/browser.js';

let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
type Login = { login: string; password: string };
let pages: { who: string; login: Login; path: string; name: string }[] = [];

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp();
  // a world of its own (tests/helpers/given.ts): the employee's SKP submitted, a colleague's approved
  const world = await given.organisasi(t);
  const siklus = await given.siklusTerbuka(t);
  const { penilai, self, rekan, pimpinan } = world.people;
  const atasan = await given.skpDisetujui(t, penilai, { rhk: 2 });
  const own = await given.skp(t, self, { rhk: 0 });
  for (const [i, teks] of ['Terselenggaranya layanan informasi publik yang cepat, tepat dan dapat dipertanggungjawabkan', 'Tersusunnya laporan kinerja seksi setiap triwulan'].entries()) {
    await given.rhk(t, own, { teks, rhkAtasanId: atasan.rhk[i]!.id, indikator: { teks: 'Persentase permohonan informasi publik yang dilayani dalam sepuluh hari kerja', targetAngka: '95', satuan: 'persen' } });
  }
  await given.submit(t, own);
  await given.skpDisetujui(t, rekan);
  void pimpinan;
  const admin = { login: 'admin', password: DEMO_PASSWORD };
  pages = [
    { who: 'pegawai', login: self.login, path: '/', name: 'home-pegawai' },
    { who: 'pegawai', login: self.login, path: `/skp/${own.id}`, name: 'skp' },
    { who: 'penilai', login: penilai.login, path: '/', name: 'home-penilai' },
    { who: 'penilai', login: penilai.login, path: '/skp/bawahan', name: 'bawahan' },
    { who: 'penilai', login: penilai.login, path: `/skp/${own.id}/tinjau`, name: 'tinjau' },
    { who: 'admin', login: admin, path: '/', name: 'home-admin' },
    { who: 'admin', login: admin, path: '/pegawai', name: 'pegawai' },
    { who: 'admin', login: admin, path: `/pegawai/${self.id}`, name: 'pegawai-detail' },
    { who: 'admin', login: admin, path: '/jabatan', name: 'jabatan' },
    { who: 'admin', login: admin, path: '/unit', name: 'unit' },
    { who: 'admin', login: admin, path: `/siklus/${siklus.id}`, name: 'siklus' },
  ];
  b = await openBrowser(t);
  page = b.page;
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

const reach = (): Promise<number> => reachRight(page, 'table, .card, form, nav');

async function loginAs(login: Login) {
  await b!.context.clearCookies();
  await loginInBrowser(page, login);
}

describe.each([
  { label: 'a 390 px phone', width: 390, height: 844 },
  { label: 'a desktop', width: 1280, height: 800 },
])('the planning pages on $label', ({ width, height }) => {
  it('fit the screen and have no accessibility violation', async () => {
    needChromium();
    await page.setViewportSize({ width, height });
    const found: string[] = [];
    let who: string | null = null;
    for (const p of pages) {
      if (p.who !== who) { await loginAs(p.login); who = p.who; }
      const res = await page.goto(p.path);
      expect(res?.status(), p.path).toBe(200);
      if (width < 700) expect(await reach(), `${p.name} at ${width} px`).toBeLessThanOrEqual(width);
      await b!.shot(`phone-${p.name}-${width}.png`);
      for (const v of await axeViolations(page)) found.push(`${p.name} (${p.path}): ${v.id} [${v.impact}] ${v.help} — ${v.nodes.join(', ')}`);
    }
    // the menu: on a phone folded behind its button (issue 9 § 9), on a desktop always shown
    const toggle = page.getByRole('button', { name: 'Menu' });
    const home = page.getByRole('navigation', { name: 'menu' }).getByRole('link', { name: 'Beranda', exact: true });
    if (width < 700) {
      expect(await home.isVisible()).toBe(false);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await home.isVisible()).toBe(true);
      expect(await reach()).toBeLessThanOrEqual(width);
      await b!.shot(`phone-menu-${width}.png`);
      for (const v of await axeViolations(page)) found.push(`menu open: ${v.id} [${v.impact}] ${v.help} — ${v.nodes.join(', ')}`);
      await toggle.click();
      expect(await home.isVisible()).toBe(false);
    } else {
      expect(await toggle.isVisible()).toBe(false);
      expect(await home.isVisible()).toBe(true);
    }
    expect(found).toEqual([]);
    expect(b!.problems).toEqual([]);
  });
});

it('the accessibility check sees a violation when there is one (an image without alt text)', async () => {
  needChromium();
  await page.goto('/login');
  await page.evaluate(`document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/static/favicon.svg' }))`);
  expect((await axeViolations(page)).map((v) => v.id)).toContain('image-alt');
});
