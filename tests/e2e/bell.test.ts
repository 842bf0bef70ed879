// Browser test of the notification bell (docs/domain/notifikasi.md § The bell and the list): an
// employee whose SKP was approved and who got feedback sees the unread count in the top bar on
// every page, opens the list, opens a notification (it is marked read and leads to its page), marks
// the rest read; no CSP or console problem, no accessibility violation on the list, the bell
// within a phone's width. Screenshots: test-output/screenshots/bell-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { HAVE_CHROMIUM, axeViolations, loginInBrowser, needChromium, openBrowser, reachRight, type BrowserSession } from '../helpers/browser.js';
import { giveUmpanBalik } from '../../src/modules/linimasa/umpan-balik.js';

let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
let login = { login: '', password: '' };
let penilaiNama = '';

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp();
  await given.siklusTerbuka(t);
  const { pimpinan, penilai, self } = (await given.organisasi(t)).people;
  await given.skpDisetujui(t, pimpinan);
  await given.skpDisetujui(t, penilai);
  await given.skpDisetujui(t, self); // SKP_DISETUJUI → self
  await giveUmpanBalik(t.db, await given.actorOf(t, penilai.id), { pegawaiId: self.id, teks: 'Pertahankan ketepatan waktu laporan.', kaitkanSkp: false }, new Date()); // UMPAN_BALIK → self
  login = self.login;
  penilaiNama = penilai.nama;
  b = await openBrowser(t);
  page = b.page;
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

const count = async () => ((await page.locator('#bell .bell-count').count()) ? await page.locator('#bell .bell-count').textContent() : null);

describe('the bell', () => {
  it('shows the unread count on every page, lists them, opens one (read, to its page) and marks the rest read', async () => {
    needChromium();
    await loginInBrowser(page, login);
    expect(await count()).toBe('2');
    await b!.shot('bell-home.png');
    await page.goto('/skp');
    expect(await count()).toBe('2');

    await Promise.all([page.waitForURL((u) => u.pathname === '/notifikasi'), page.locator('#bell').click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Notifikasi');
    const items = page.locator('.notif-list .notif');
    expect(await items.count()).toBe(2);
    expect(await page.locator('.notif-baru').count()).toBe(2);
    await expect(items.first().textContent()).resolves.toContain(`${penilaiNama} memberi Anda umpan balik`);
    expect(await axeViolations(page)).toEqual([]);
    await b!.shot('bell-list.png');

    // opening the newest (the feedback) marks it read and goes to the timeline
    await Promise.all([page.waitForURL((u) => u.pathname === '/linimasa'), items.first().locator('.notif-open button').click()]);
    expect(await count()).toBe('1');

    await page.goto('/notifikasi');
    expect(await page.locator('.notif-baru').count()).toBe(1);
    await Promise.all([page.waitForURL((u) => u.pathname === '/notifikasi'), page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click()]);
    await page.waitForLoadState('load');
    expect(await count()).toBeNull();
    expect(await page.locator('.notif-baru').count()).toBe(0);
    await expect(page.locator('.flash-success').textContent()).resolves.toContain('1 notifikasi ditandai sudah dibaca.');
    await b!.shot('bell-read.png');
    expect(b!.problems).toEqual([]);
  });

  it('fits a 390 px phone: the bell in the top bar, the list within the screen', async () => {
    needChromium();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/notifikasi');
    expect(await page.locator('#bell').isVisible()).toBe(true);
    expect(await reachRight(page, '.notif-list, .topbar, .tools, form, nav')).toBeLessThanOrEqual(390);
    await b!.shot('bell-phone.png');
    expect(b!.problems).toEqual([]);
  });
});
