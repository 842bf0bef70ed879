// Browser test of the e-mail pages (docs/domain/email.md): an employee switches e-mail off for one
// kind on their settings page; HR sees a failed e-mail on the outbox page and resends it. Both
// pages are checked for accessibility. Screenshots: test-output/screenshots/email-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/modules/notifikasi/notify.js';
import * as given from '../helpers/given.js';
import { DEMO_PASSWORD, testApp, type TestApp } from '../helpers/app.js';
import { axeViolations, HAVE_CHROMIUM, loginInBrowser, needChromium, openBrowser, type BrowserSession } from '../helpers/browser.js';

let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
let pegawai: given.GivenPegawai;
let address = '';

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp();
  pegawai = await given.pegawai(t, { nama: 'Rini Kusumawardani, S.E.' });
  address = `rini.${pegawai.id}@uji.go.id`;
  await t.db.prisma.pegawai.update({ where: { id: pegawai.id }, data: { email: address } });
  await notify(t.db.sql, [{ pegawaiId: pegawai.id, jenis: 'LAPORAN_DIKEMBALIKAN', params: { periode: 'Triwulan I', sampai: '2026-04-20' }, tautan: '/laporan' }]);
  const row = await t.db.prisma.emailKeluar.findFirstOrThrow({ where: { kepada: address } });
  await t.db.prisma.emailKeluar.update({ where: { id: row.id }, data: { status: 'GAGAL', percobaan: 5, galat: '550 5.1.1 Mailbox unavailable' } });
  b = await openBrowser(t);
  page = b.page;
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

describe('the e-mail pages in a browser', () => {
  it('an employee switches e-mail off for feedback and keeps the rest', async () => {
    needChromium();
    await loginInBrowser(page, pegawai.login);
    await page.getByRole('link', { name: 'Pengaturan pemberitahuan' }).click();
    await page.waitForURL('**/akun/notifikasi');
    expect(await page.getByText(address).count()).toBe(1);
    await page.getByLabel('Umpan balik untuk Anda').uncheck();
    await page.getByLabel('Bahasa e-mail').selectOption('en');
    await b!.shot('email-preferensi.png');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.waitForURL('**/akun/notifikasi');
    expect(await page.getByText('Pengaturan pemberitahuan disimpan.').count()).toBe(1);
    expect(await page.getByLabel('Umpan balik untuk Anda').isChecked()).toBe(false);
    expect(await page.getByLabel('SKP Anda disetujui').isChecked()).toBe(true);
    expect(b!.problems).toEqual([]);
  });

  it('HR sees the failed e-mail with its error and resends it', async () => {
    needChromium();
    await page.context().clearCookies();
    await loginInBrowser(page, { login: 'admin', password: DEMO_PASSWORD });
    await page.getByRole('link', { name: 'E-mail Keluar' }).click();
    await page.waitForURL('**/email-keluar');
    const row = page.locator('tr', { hasText: address });
    expect(await row.getByText('550 5.1.1 Mailbox unavailable').count()).toBe(1);
    expect(await row.getByText('Laporan Triwulan I Anda dikembalikan untuk diperbaiki sampai 20 April 2026').count()).toBe(1);
    await b!.shot('email-keluar.png');
    expect(await axeViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Kirim ulang' }).click();
    await page.waitForURL('**/email-keluar');
    expect(await page.getByText(`E-mail kepada ${address} masuk antrean lagi`).count()).toBe(1);
    await page.getByRole('link', { name: /^Menunggu/ }).click();
    expect(await page.locator('tr', { hasText: address }).count()).toBe(1);
    expect(b!.problems).toEqual([]);
  });
});
