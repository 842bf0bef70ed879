// Browser test of a periodic report and the appraiser's answer: playwright-core drives Debian's
// chromium (/usr/bin/chromium — never a browser download) against the real app. Set-up through
// the factories: an appraiser with two employees, the cycle carrying out the year, the clock on the
// first period's deadline day; one employee's report submitted already, the other's a draft. In
// the browser that employee fills in the realisasi, uploads a PDF as evidence and submits the
// report (after the confirmation); the appraiser opens the queue from the menu, sees the evidence, rates the first report with a phrase, free text and an
// override with its reason (the form first refuses it without one), lands on the next report and
// returns it with a reason after the confirmation. Screenshots: test-output/screenshots/penilaian-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { axeViolations, HAVE_CHROMIUM, needChromium, openBrowser, type BrowserSession, loginInBrowser } from '../helpers/browser.js';
import { fixedClock } from '../../src/clock.js';

let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
let problems: string[];
let shot: BrowserSession['shot'];
let penilai: given.GivenPegawai;
const reports: given.GivenLaporan[] = [];
const names: string[] = [];
const clock = fixedClock('2026-01-01T03:00:00Z');
const pegawaiLogin = {} as { login: string; password: string };

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp({}, { clock });
  const unit = await given.unit(t, { nama: 'Seksi Pelayanan Publik' });
  penilai = await given.pegawai(t, { unitId: unit.id, jenis: 'PENGAWAS', nama: 'Sekar Ayuningtyas, S.Kom.' });
  for (const [i, nama] of ['Bagas Wicaksono, S.T.', 'Rina Maharani, S.E.'].entries()) {
    const p = await given.pegawai(t, { unitId: unit.id, penilai, nama });
    const s = await given.skpDisetujui(t, p, { rhk: 1, indikator: 1 });
    const periode = await given.periodeOf(t, s.siklusId);
    // the first writes theirs in the browser; the second submitted theirs already
    reports.push(await given.laporan(t, s.id, periode[0]!.id, i === 0 ? {} : { status: 'DIAJUKAN', prestasi: `Capaian triwulan ${nama}` }));
    names.push(p.nama);
    if (i === 0) Object.assign(pegawaiLogin, p.login);
    clock.set(`${periode[0]!.batasPegawai.toISOString().slice(0, 10)}T03:00:00Z`);
  }
  // the cycle carries out the year (the guarded move is blocked by the demo's other SKPs)
  const { siklusId } = await t.db.prisma.skp.findFirstOrThrow({ where: { id: reports[0]!.skpId } });
  await t.db.prisma.siklus.update({ where: { id: siklusId }, data: { fase: 'PELAKSANAAN' } });
  // the override without a reason is refused with 409 (the form again): expected
  b = await openBrowser(t, { expectedErrors: [{ status: 409, path: `/penilaian/${reports[0]!.id}/nilai` }] });
  ({ page, problems, shot } = b);
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

const flashes = async () => (await page.locator('.flash').allTextContents()).map((s) => s.trim().replace(/\s+/g, ' '));

async function login(who: { login: string; password: string }): Promise<void> {
  await loginInBrowser(page, who);
}

describe('a periodic report written, submitted and rated in a real browser', () => {
  it('the employee fills in the realisasi, uploads evidence and submits the report', async () => {
    needChromium();
    await login(pegawaiLogin);
    const id = reports[0]!.id;
    const ind = reports[0]!.indikator[0]!;
    await page.goto(`/laporan/${id}`);
    await page.locator('#f-berkas').setInputFiles({ name: 'bukti-kegiatan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n') });
    await page.locator('#bukti').getByLabel('Keterangan').fill('Daftar hadir kegiatan');
    await Promise.all([page.waitForURL((u) => u.pathname === `/laporan/${id}`), page.getByRole('button', { name: 'Tambah bukti dukung' }).click()]);
    expect(await page.locator('#bukti').getByRole('link', { name: 'Daftar hadir kegiatan' }).getAttribute('href')).toMatch(/^\/bukti\/\d+$/);
    await page.locator(`#f-ra_${ind}`).fill('12');
    await page.locator('#f-prestasi').fill('Dua belas dokumen analisis jabatan selesai disusun.');
    await shot('penilaian-laporan-pegawai.png');
    await Promise.all([page.waitForURL((u) => u.pathname === `/laporan/${id}/ajukan`), page.getByRole('button', { name: 'Ajukan laporan' }).click()]);
    await Promise.all([page.waitForURL((u) => u.pathname === `/laporan/${id}`), page.getByRole('button', { name: 'Ajukan laporan' }).click()]);
    expect((await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { id } })).status).toBe('DIAJUKAN');
    await shot('penilaian-laporan-diajukan.png');
    await Promise.all([page.waitForURL((u) => u.pathname === '/login'), page.getByRole('button', { name: 'Keluar' }).click()]);
  });

  it('the appraiser opens the queue from the menu and rates that report, giving a reason for the override', async () => {
    needChromium();
    await login(penilai.login);
    await page.getByRole('navigation', { name: 'menu' }).getByRole('link', { name: 'Penilaian', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/penilaian');
    expect(await page.locator('#menunggu tbody tr').count(), await page.locator('main').innerText()).toBe(2);
    await shot('penilaian-antrian.png');
    expect(await axeViolations(page)).toEqual([]); // WCAG 2.1 A/AA

    await page.locator('#menunggu tbody tr').first().getByRole('link', { name: 'Nilai', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/penilaian/${reports[0]!.id}`);
    const main = page.locator('main');
    expect(await main.textContent()).toContain('Lebih tinggi lebih baik: 12 dari 12 = 100%');
    expect(await main.textContent()).toContain('1 laporan lain menunggu');
    // the employee's evidence, to download
    expect(await page.getByRole('link', { name: /bukti-kegiatan\.pdf/ }).getAttribute('href')).toMatch(/^\/bukti\/\d+$/);
    const ind = reports[0]!.indikator[0]!;
    await page.locator(`#f-frasa_i_${ind}`).selectOption('HASIL_KERJA.sesuai.1');
    await page.locator(`#f-umpan_i_${ind}`).fill('Dokumen disusun rapi dan tepat waktu.');
    await page.locator('#f-frasa_p_KOLABORATIF').selectOption('KOLABORATIF.atas.1');
    await page.locator('#saran-hasil').getByLabel('Di Atas Ekspektasi').check();
    // no marks, so no Rating Perilaku suggestion: the appraiser chooses it
    await page.locator('#saran-perilaku').getByLabel('Sesuai Ekspektasi').check();
    await shot('penilaian-form.png');
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL((u) => u.pathname === `/penilaian/${reports[0]!.id}/nilai`), page.getByRole('button', { name: 'Simpan penilaian' }).click()]);
    // refused: an override needs a reason; what was typed is still there
    expect(await page.locator('#f-alasanHasilKerja-err').textContent()).toContain('memerlukan alasan');
    expect(await page.locator(`#f-umpan_i_${ind}`).inputValue()).toBe('Dokumen disusun rapi dan tepat waktu.');
    await shot('penilaian-alasan-wajib.png');
    await page.locator('#f-alasanHasilKerja').fill('Mutu dokumen jauh melampaui standar unit');
    await Promise.all([page.waitForURL((u) => u.pathname === `/penilaian/${reports[1]!.id}`), page.getByRole('button', { name: 'Simpan penilaian' }).click()]);
    expect((await flashes()).some((f) => f.includes(`Laporan ${names[0]} dinilai: predikat Baik.`))).toBe(true);
    const rated = await t.db.prisma.penilaianPeriode.findUniqueOrThrow({ where: { laporanId: reports[0]!.id } });
    expect(rated).toMatchObject({ ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'SESUAI', predikat: 'BAIK', alasanHasilKerja: 'Mutu dokumen jauh melampaui standar unit' });
  });

  it('the appraiser returns the next report after the confirmation; then the queue is empty', async () => {
    needChromium();
    await page.locator('#f-alasan').fill('Lengkapi bukti dukung indikator pertama');
    await Promise.all([page.waitForURL((u) => u.pathname === `/penilaian/${reports[1]!.id}/kembalikan`), page.getByRole('button', { name: 'Kembalikan laporan' }).click()]);
    expect(await page.locator('main').textContent()).toContain('Lengkapi bukti dukung indikator pertama');
    await shot('penilaian-konfirmasi-kembalikan.png');
    await Promise.all([page.waitForURL((u) => u.pathname === '/penilaian'), page.getByRole('button', { name: 'Kembalikan laporan' }).click()]);
    expect((await flashes()).some((f) => f.includes(`Laporan ${names[1]} dikembalikan`))).toBe(true);
    expect(await page.locator('#dikembalikan tbody tr').count()).toBe(1);
    expect(await page.locator('#dinilai tbody tr').count()).toBe(1);
    await shot('penilaian-antrian-selesai.png');
    expect((await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { id: reports[1]!.id } })).status).toBe('DIKEMBALIKAN');
    expect(problems).toEqual([]);
  });
});
