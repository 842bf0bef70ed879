// Browser test of SKP planning end to end: playwright-core drives Debian's chromium
// (/usr/bin/chromium — never a browser download) against the real app on a real HTTP server.
// The admin opens this year's cycle for planning (over HTTP, set-up only). Then, in the browser:
// the appraiser (penilai) writes an RHK in their own SKP; the employee drafts an SKP with two RHKs
// linked to it, each with an indicator, and submits it; the appraiser finds it in SKP Bawahan,
// writes one ekspektasi khusus and approves it; the employee sees it approved and prints the PDF.
// Screenshots are saved under test-output/screenshots/skp-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, testApp, type TestApp, openPlanning } from '../helpers/app.js';
import { HAVE_CHROMIUM, needChromium, openBrowser, type BrowserSession, loginInBrowser, reachRight } from '../helpers/browser.js';

const TAHUN = new Date().getFullYear();

const RHK_ATASAN = 'Terkelolanya layanan administrasi kepegawaian secara digital';
const RHK1 = { teks: 'Tersusunnya dokumen analisis jabatan unit kerja', iki: 'Jumlah dokumen analisis jabatan yang disusun', target: '12 dokumen' };
const RHK2 = { teks: 'Meningkatnya kepuasan pengguna layanan kepegawaian', iki: 'Indeks kepuasan pengguna layanan', target: '80–90 %' };
const EKSPEKTASI = 'Laporan disampaikan tepat waktu dan dapat dipertanggungjawabkan';

let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
/** Console errors, uncaught page errors and CSP violations seen on any page. */
let problems: string[];
let shot: BrowserSession['shot'];
let skpId = 0;
const nama = { pegawai: '', penilai: '' };
const logins = {} as Record<'penilai' | 'pegawai', { login: string; password: string }>;


/** A menu link, the menu opened first where it is folded (a phone). */
async function menu(name: string) {
  const toggle = page.getByRole('button', { name: 'Menu' });
  if (await toggle.isVisible()) await toggle.click();
  return page.getByRole('navigation', { name: 'menu' }).getByRole('link', { name, exact: true });
}
/** On a phone: no page wider than the screen (tables that would scroll count). */
async function fits(): Promise<void> {
  const width = page.viewportSize()!.width;
  if (width >= 700) return;
  const wide = await page.evaluate(`[...document.querySelectorAll('main *')].filter((e) => Math.max(e.getBoundingClientRect().right, e.getBoundingClientRect().left + e.scrollWidth) > ${width}).slice(0, 3).map((e) => e.tagName + '.' + e.className + '#' + e.id)`);
  expect(await reachRight(page, 'table, .card, form, nav, main'), `${new URL(page.url()).pathname}: ${JSON.stringify(wide)}`).toBeLessThanOrEqual(width);
}
const flashes = async () => (await page.locator('.flash').allTextContents()).map((s) => s.trim().replace(/\s+/g, ' '));
const statusTag = () => page.getByRole('heading', { level: 1 }).locator('.tag[class*="status-"]');
const skpStatus = async () => (await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId } })).status;

async function login(role: 'penilai' | 'pegawai'): Promise<void> {
  await loginInBrowser(page, logins[role]);
  expect(await page.getByRole('button', { name: 'Keluar' }).count()).toBe(1);
}

async function logout(): Promise<void> {
  await Promise.all([page.waitForURL((u) => u.pathname === '/login'), page.getByRole('button', { name: 'Keluar' }).click()]);
}

/** On the SKP page: "Tambah RHK utama", fill the form, save, back on the SKP page. */
async function addRhk(teks: string, rhkAtasan: string | null): Promise<void> {
  await page.getByRole('link', { name: 'Tambah RHK utama', exact: true }).click();
  await page.waitForURL((u) => /^\/skp\/\d+\/rhk\/baru$/.test(u.pathname));
  expect(await page.getByLabel('Jenis RHK').inputValue()).toBe('UTAMA');
  if (rhkAtasan !== null) {
    const atasan = page.getByLabel('RHK pimpinan yang diintervensi');
    await atasan.selectOption({ label: `A.1 — ${rhkAtasan}` });
  }
  await page.getByLabel('Rencana hasil kerja (RHK)').fill(teks);
  await Promise.all([page.waitForURL((u) => /^\/skp\/\d+$/.test(u.pathname)), page.getByRole('button', { name: 'Simpan' }).click()]);
  expect(await flashes()).toContain('RHK ditambahkan.');
}

/** On the SKP page: "Tambah indikator" in the RHK's row, fill the form, save. */
async function addIndikator(rhkTeks: string, fill: () => Promise<void>): Promise<void> {
  const row = page.locator('table.skp-table tbody tr', { hasText: rhkTeks });
  await row.getByRole('link', { name: 'Tambah indikator', exact: true }).click();
  await page.waitForURL((u) => /^\/skp\/\d+\/rhk\/\d+\/indikator\/baru$/.test(u.pathname));
  expect(await page.locator('main').textContent()).toContain(rhkTeks);
  await fill();
  await Promise.all([page.waitForURL((u) => /^\/skp\/\d+$/.test(u.pathname)), page.getByRole('button', { name: 'Simpan' }).click()]);
  expect(await flashes()).toContain('Indikator ditambahkan.');
  // the page comes back at the saved row, not at the top (issue 9 § 2)
  const hash = new URL(page.url()).hash;
  expect(hash).toMatch(/^#rhk-\d+$/);
  expect(await page.locator(hash).textContent()).toContain(rhkTeks);
}

// The same walk on a desktop and on a 390 px phone (issue 9), each in an app of its own: on the phone
// the menu is behind its button, and no page of the walk is wider than the screen.
describe.each([
  { label: 'a desktop', width: 1280, height: 800 },
  { label: 'a 390 px phone', width: 390, height: 844 },
])('an SKP drafted, submitted and approved in a real browser, on $label', ({ width, height }) => {
  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return;
    t = await testApp();

    // Set-up by the admin over HTTP: a cycle for this year, moved to planning; the job that drafts
    // an SKP for every active employee runs to the end.
    // The people of the story are the test's own: an appraiser (a Kepala Seksi, appraised in turn
    // by a Kepala Bidang) and an employee.
    const admin = await loginAs(t.app, 'admin');
    const bidang = await given.unit(t, { nama: 'Bidang Aplikasi' });
    const unit = await given.unit(t, { parentId: bidang.id, nama: 'Seksi Layanan Aplikasi' });
    const kabid = await given.pegawai(t, { unitId: bidang.id, jenis: 'ADMINISTRATOR', nama: 'Hendrawan Saputra, S.T., M.Kom.' });
    const pn = await given.pegawai(t, { unitId: unit.id, jenis: 'PENGAWAS', penilai: kabid, nama: 'Sekar Ayuningtyas, S.Kom.' });
    const pg = await given.pegawai(t, { unitId: unit.id, penilai: pn, nama: 'Bagas Wicaksono, S.T.' });
    logins.penilai = pn.login;
    logins.pegawai = pg.login;
    const siklusId = await openPlanning(t, admin, TAHUN);
    Object.assign(nama, { pegawai: pg.nama, penilai: pn.nama });
    skpId = (await t.db.prisma.skp.findFirstOrThrow({ where: { siklusId, pegawaiId: pg.id, ditutupAt: null } })).id;

    b = await openBrowser(t);
    ({ page, problems } = b);
    await page.setViewportSize({ width, height });
    // the desktop run keeps the screenshots' names; the phone run's carry its width
    shot = (name) => b!.shot(width < 700 ? name.replace(/\.png$/, `-${width}.png`) : name);
  });

  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('the appraiser writes an RHK in their own SKP for the employee to link to', async () => {
    needChromium();
    await login('penilai');
    await (await menu('SKP Saya')).click();
    await page.waitForURL((u) => u.pathname === '/skp');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(`SKP Tahun ${TAHUN}`);
    // The appraiser's own appraiser has no RHK yet: the form says so and saves it unlinked.
    await page.getByRole('link', { name: 'Tambah RHK utama', exact: true }).click();
    await page.waitForURL((u) => /^\/skp\/\d+\/rhk\/baru$/.test(u.pathname));
    expect(await page.locator('main').textContent()).toContain('belum menuliskan RHK di SKP tahun ini');
    await page.getByLabel('Rencana hasil kerja (RHK)').fill(RHK_ATASAN);
    await Promise.all([page.waitForURL((u) => /^\/skp\/\d+$/.test(u.pathname)), page.getByRole('button', { name: 'Simpan' }).click()]);
    expect(await flashes()).toContain('RHK ditambahkan.');
    expect(await page.locator('table.skp-table tbody tr', { hasText: RHK_ATASAN }).count()).toBe(1);
    await logout();
  });

  it('the employee drafts two RHKs linked to it, each with an indicator', async () => {
    needChromium();
    await login('pegawai');
    // the home page says where they stand and offers the one next step as a button (issue 9 § 1)
    expect(await page.locator('main').textContent()).toContain('Langkah berikutnya: susun rencana hasil kerja (RHK) Anda');
    expect(await page.getByRole('link', { name: 'Mulai menyusun SKP', exact: true }).isVisible()).toBe(true);
    await shot('skp-beranda-pegawai.png');
    await fits();
    await (await menu('SKP Saya')).click();
    await page.waitForURL((u) => u.pathname === '/skp');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(`SKP Tahun ${TAHUN}`);
    expect(await statusTag().textContent()).toBe('Draf');
    expect(await page.locator('#identitas').textContent()).toContain(nama.penilai);

    await addRhk(RHK1.teks, RHK_ATASAN);
    expect(new URL(page.url()).pathname).toBe(`/skp/${skpId}`);
    await addIndikator(RHK1.teks, async () => {
      await page.getByLabel('Aspek').selectOption('KUANTITAS');
      await page.getByLabel('Indikator kinerja individu (IKI)').fill(RHK1.iki);
      await page.getByLabel('Bentuk target').selectOption('ANGKA');
      await page.locator('#f-targetAngka').fill('12');
      await page.getByLabel('Satuan').fill('dokumen');
    });

    await addRhk(RHK2.teks, RHK_ATASAN);
    await addIndikator(RHK2.teks, async () => {
      await page.getByLabel('Aspek').selectOption('KUALITAS');
      await page.getByLabel('Indikator kinerja individu (IKI)').fill(RHK2.iki);
      // The page's script shows only the fields of the chosen kind of target.
      expect(await page.getByLabel('Batas bawah').isVisible()).toBe(false);
      await page.getByLabel('Bentuk target').selectOption('RENTANG');
      expect(await page.locator('#f-targetAngka').isVisible()).toBe(false);
      await page.getByLabel('Batas bawah').fill('80');
      await page.getByLabel('Batas atas').fill('90');
      await page.getByLabel('Satuan').fill('%');
    });

    const table = page.locator('table.skp-table');
    const row1 = table.locator('tbody tr', { hasText: RHK1.teks });
    const row2 = table.locator('tbody tr', { hasText: RHK2.teks });
    const cells = async (row: typeof row1) => (await row.locator('td').allTextContents()).map((s) => s.trim().replace(/\s+/g, ' '));
    const c1 = await cells(row1);
    const c2 = await cells(row2);
    expect(c1[0]).toBe('A.1');
    expect(c1[1]).toBe(RHK_ATASAN);
    expect(c1.slice(3, 6)).toEqual(['Kuantitas', RHK1.iki, RHK1.target]);
    expect(c2[0]).toBe('A.2');
    expect(c2[1]).toBe(RHK_ATASAN);
    expect(c2.slice(3, 6)).toEqual(['Kualitas', RHK2.iki, RHK2.target]);
    await shot('skp-draft.png');
    await fits();
  });

  it('the employee submits it and sees it waiting, no longer editable', async () => {
    needChromium();
    // a deliberate step asks first: a page that says what follows, with the same button again
    await Promise.all([page.waitForURL((u) => u.pathname === `/skp/${skpId}/ajukan`), page.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).click()]);
    expect(await page.locator('h1').textContent()).toContain(`kepada ${nama.penilai}?`);
    await shot('skp-ajukan-konfirmasi.png');
    await fits();
    await Promise.all([page.waitForURL((u) => u.pathname === `/skp/${skpId}`), page.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).click()]);
    expect((await flashes()).some((f) => f.startsWith(`SKP diajukan; pejabat penilai ${nama.penilai}`))).toBe(true);
    expect(await statusTag().textContent()).toBe('Diajukan');
    expect((await flashes()).some((f) => f.includes('sedang menunggu persetujuan pejabat penilai'))).toBe(true);
    expect(await page.getByRole('link', { name: 'Tambah RHK utama' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).count()).toBe(0);
    expect(await page.locator(`form[action^="/skp/${skpId}/"]`).count()).toBe(0);
    expect(await skpStatus()).toBe('DIAJUKAN');
    await shot('skp-diajukan.png');
    await fits();
    await logout();
  });

  it('the appraiser finds it waiting in SKP Bawahan, writes an ekspektasi khusus and approves it', async () => {
    needChromium();
    await login('penilai');
    await (await menu('SKP Bawahan')).click();
    await page.waitForURL((u) => u.pathname === '/skp/bawahan');
    expect(await flashes()).toContain('1 SKP menunggu persetujuan Anda.');
    const row = page.locator('table tbody tr', { hasText: nama.pegawai });
    expect(await row.locator('.tag').textContent()).toBe('Diajukan');
    expect(await page.locator('table tbody tr').first().textContent()).toContain(nama.pegawai); // waiting first
    await shot('skp-bawahan-menunggu.png');
    await fits();

    await row.getByRole('link', { name: 'Tinjau', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/skp/${skpId}/tinjau`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(`Tinjau SKP ${nama.pegawai}`);
    const doc = (await page.locator('table.skp-doc').textContent()) ?? '';
    for (const s of [RHK1.teks, RHK2.teks, RHK_ATASAN, RHK1.target, RHK2.target]) expect(doc).toContain(s);

    await page.getByLabel('Akuntabel', { exact: true }).fill(EKSPEKTASI);
    await Promise.all([page.waitForURL((u) => u.pathname === `/skp/${skpId}/tinjau`), page.getByRole('button', { name: 'Simpan ekspektasi' }).click()]);
    await page.waitForLoadState('load');
    expect(await flashes()).toContain('Ekspektasi khusus pimpinan disimpan.');
    expect(await page.getByLabel('Akuntabel', { exact: true }).inputValue()).toBe(EKSPEKTASI);
    expect(await skpStatus()).toBe('DIAJUKAN');
    await shot('skp-tinjau.png');
    await fits();

    // asked first: the confirmation page carries the same button
    await Promise.all([page.waitForURL((u) => u.pathname === `/skp/${skpId}/setujui`), page.getByRole('button', { name: 'Setujui SKP' }).click()]);
    await Promise.all([page.waitForURL((u) => u.pathname === '/skp/bawahan'), page.getByRole('button', { name: 'Setujui SKP' }).click()]);
    expect(await flashes()).toContain(`SKP ${nama.pegawai} disetujui (revisi 1).`);
    expect(await page.locator('table tbody tr', { hasText: nama.pegawai }).locator('.tag').textContent()).toBe('Disetujui');
    expect(await skpStatus()).toBe('DISETUJUI');
    await shot('skp-bawahan-disetujui.png');
    await fits();

    await page.goto(`/skp/${skpId}/tinjau`);
    expect(await page.getByRole('heading', { level: 1 }).locator('.tag').textContent()).toBe('Disetujui');
    expect(await page.locator('#keputusan').textContent()).toContain('SKP telah disetujui.');
    expect(await page.getByRole('button', { name: 'Setujui SKP' }).count()).toBe(0);
    await shot('skp-tinjau-disetujui.png');
    await fits();
    await logout();
  });

  it('the employee sees it approved, with the ekspektasi khusus, and prints it as a PDF', async () => {
    needChromium();
    await login('pegawai');
    await (await menu('SKP Saya')).click();
    await page.waitForURL((u) => u.pathname === '/skp');
    expect(await statusTag().textContent()).toBe('Disetujui');
    expect((await flashes()).some((f) => f.startsWith('SKP ini disetujui pada '))).toBe(true);
    const akuntabel = page.locator('#perilaku tbody tr', { hasText: 'Akuntabel' });
    expect(await akuntabel.locator('td').last().textContent()).toContain(EKSPEKTASI);
    await shot('skp-disetujui.png');
    await fits();

    // The page's "Cetak (PDF)" link, fetched with the browser's own session cookie.
    const href = await page.getByRole('link', { name: 'Cetak (PDF)', exact: true }).getAttribute('href');
    expect(href).toBe(`/skp/${skpId}/cetak.pdf`);
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const body = await pdf.body();
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.length).toBeGreaterThan(1000);
  });

  it('saw no console errors, page errors or CSP violations', async () => {
    needChromium();
    expect(problems).toEqual([]);
  });
});
