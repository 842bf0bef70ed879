// Browser test: playwright-core drives Debian's chromium (/usr/bin/chromium, installed by
// tests/setup/ensure-chromium.mjs — never a browser download) against the real app on a real
// HTTP server. The admin logs in, adds a unit and an employee (first with a malformed NIP, to see
// the form keep what was typed), finds the employee by search, and screenshots are saved under
// test-output/screenshots/.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { DEMO_PASSWORD, LOGINS, testApp, type TestApp } from '../helpers/app.js';
import { HAVE_CHROMIUM, needChromium, openBrowser, SHOTS, type BrowserSession, loginInBrowser } from '../helpers/browser.js';

// A valid PNS NIP: born 1995-03-14, appointed 2020-03 (25 years later, in the past), female, serial 007.
const NIP = '199503142020032007';
const NAMA = 'Ratna Pranadipta Wulandari, S.Kom.';
const UNIT = { kode: 'E2E-UJI', nama: 'Bidang Uji Peramban' };
// A browser follows a 303 as soon as it has the headers. express-session sends the headers of a
// response before its store has saved the session, so a flash set just before res.redirect() is
// only seen on the next page if the app saves the session before redirecting. To make that race
// deterministic instead of occasional, session writes are held back this long (a slow database).
const SESSION_WRITE_DELAY_MS = 150;
const FLASH_LOST =
  'the flash message set before the redirect was not on the page the browser was redirected to: ' +
  'the session was still being saved when the browser followed the 303 (save the session, then redirect)';

let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
/** Console errors, uncaught page errors and CSP violations seen on any page. */
let problems: string[];
let shot: BrowserSession['shot'];
/** The appraiser the admin types in: an employee of the test's own. */
let penilaiNip: string;

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp();
  penilaiNip = (await given.pegawai(t, { jenis: 'PENGAWAS' })).nip;
  const query = t.db.pool.query.bind(t.db.pool) as (...a: unknown[]) => Promise<unknown>;
  t.db.pool.query = ((...a: unknown[]) =>
    typeof a[0] === 'string' && /^INSERT INTO "?session"? /.test(a[0])
      ? new Promise((r) => setTimeout(r, SESSION_WRITE_DELAY_MS)).then(() => query(...a))
      : query(...a)) as typeof t.db.pool.query;
  // Expected: the re-rendered form after a malformed NIP is answered 422 on purpose.
  b = await openBrowser(t, { expectedErrors: [{ status: 422, path: '/pegawai' }] });
  ({ page, problems, shot } = b);
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

describe('admin in a real browser', () => {
  it('logs in as admin through the login form', async () => {
    needChromium();
    await page.goto('/login');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Masuk');
    await shot('login.png');
    await loginInBrowser(page, { login: LOGINS.admin, password: DEMO_PASSWORD });
    expect(await page.getByRole('button', { name: 'Keluar' }).count()).toBe(1);
  });

  it('adds a unit kerja and sees it in the list', async () => {
    needChromium();
    await page.getByRole('navigation', { name: 'menu' }).getByRole('link', { name: 'Unit Kerja', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/unit');
    await page.getByRole('link', { name: 'Tambah unit kerja', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/unit/baru');
    await page.getByLabel('Kode').fill(UNIT.kode);
    await page.getByLabel('Nama').fill(UNIT.nama);
    const parent = page.getByLabel('Unit induk');
    const parentLabel = ((await parent.locator('option').nth(1).textContent()) ?? '').trim();
    await parent.selectOption({ index: 1 });
    await Promise.all([page.waitForURL((u) => u.pathname === '/unit'), page.getByRole('button', { name: 'Simpan' }).click()]);
    await shot('admin-unit-list.png');
    const row = page.locator('table tbody tr', { hasText: UNIT.nama });
    expect(await row.count()).toBe(1);
    expect(await row.locator('code').textContent()).toBe(UNIT.kode);
    expect(parentLabel.length).toBeGreaterThan(0);
    expect(await page.getByRole('status').allTextContents(), FLASH_LOST).toContain(`Unit kerja ${UNIT.nama} ditambahkan.`);
  });

  it('keeps what was typed when the NIP is malformed, then adds the employee', async () => {
    needChromium();
    await page.goto('/pegawai');
    await page.getByRole('link', { name: 'Tambah pegawai', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/pegawai/baru');

    const nip = page.locator('#f-nip');
    const nama = page.getByLabel('Nama lengkap (dengan gelar)');
    const jenisAsn = page.getByLabel('Jenis ASN');
    const golongan = page.getByLabel('Pangkat/golongan');
    const jabatan = page.getByLabel('Jabatan');
    const penilai = page.getByLabel('NIP pejabat penilai');
    const email = page.getByLabel('Email (opsional)');

    await nip.fill('1995031420200');
    await nama.fill(NAMA);
    await jenisAsn.selectOption('PNS');
    await golongan.selectOption('III/a');
    await jabatan.selectOption({ index: 1 }); // the first real position (seeded, in an active unit)
    const jabatanId = await jabatan.inputValue();
    expect(jabatanId).not.toBe('');
    await penilai.fill(penilaiNip);
    await email.fill('ratna.pranadipta@example.go.id');
    await Promise.all([page.waitForURL((u) => u.pathname === '/pegawai'), page.getByRole('button', { name: 'Simpan' }).click()]);
    await page.waitForLoadState('load');

    // The error is on the NIP field, in Indonesian, and everything else is still there.
    expect(await page.getByRole('alert').first().textContent()).toContain('Periksa kembali isian yang ditandai.');
    const nipErr = page.locator('#f-nip-err');
    expect(await nipErr.textContent()).toBe('NIP harus 18 digit.');
    expect(await nip.getAttribute('aria-invalid')).toBe('true');
    expect(await nip.inputValue()).toBe('1995031420200');
    expect(await nama.inputValue()).toBe(NAMA);
    expect(await jenisAsn.inputValue()).toBe('PNS');
    expect(await golongan.inputValue()).toBe('III/a');
    expect(await jabatan.inputValue()).toBe(jabatanId);
    expect(await penilai.inputValue()).toBe(penilaiNip);
    expect(await email.inputValue()).toBe('ratna.pranadipta@example.go.id');
    await shot('admin-pegawai-form-error.png');

    // Correct the NIP and save.
    await nip.fill(NIP);
    await Promise.all([page.waitForURL((u) => /^\/pegawai\/\d+$/.test(u.pathname)), page.getByRole('button', { name: 'Simpan' }).click()]);
    await shot('admin-pegawai-created.png');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(NAMA);
    const flash = (await page.getByRole('status').allTextContents()).join('\n');
    expect(flash, `${FLASH_LOST} — here that loses the one-time initial password`).toContain(`Pegawai ${NAMA} ditambahkan.`);
    expect(flash).toContain(`Login: ${NIP}`);
    expect(flash).toMatch(/kata sandi awal: [A-Za-z0-9_-]{12} /);
  });

  it('finds the new employee by searching part of the name', async () => {
    needChromium();
    await page.getByRole('navigation', { name: 'menu' }).getByRole('link', { name: 'Pegawai', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/pegawai');
    await page.getByRole('searchbox').fill('pranadipta');
    await Promise.all([page.waitForURL((u) => u.pathname === '/pegawai' && u.searchParams.get('q') === 'pranadipta'), page.getByRole('button', { name: 'Cari' }).click()]);
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(1);
    const cells = (await rows.first().locator('td').allTextContents()).map((s) => s.trim());
    expect(cells[0]).toBe(NAMA);
    expect(cells[1]).toBe(NIP);
    expect(await page.getByText('1 pegawai', { exact: true }).count()).toBe(1);
    await shot('admin-pegawai-search.png');
    expect(existsSync(resolve(SHOTS, 'admin-pegawai-search.png'))).toBe(true);
  });

  it('saw no console errors, page errors or CSP violations', async () => {
    needChromium();
    const seen = [...problems];
    // The listeners do work: an inline script is refused by the CSP and reported.
    await page.evaluate(`{ const s = document.createElement('script'); s.textContent = 'void 0'; document.head.append(s); }`);
    await expect.poll(() => problems.slice(seen.length).join('\n')).toMatch(/CSP violation: script-src/);
    expect(seen).toEqual([]);
  });
});
