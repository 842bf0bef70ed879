// Browser test of the appraiser's pages on a 390 px phone (issue 9 § 9): the review page of a
// resubmitted SKP (its document, the decisions so far, what changed since the return) and the
// versions page fit the screen without sideways scrolling. Screenshots: test-output/screenshots/review-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { postForm, loginAs, testApp, type TestApp } from '../helpers/app.js';
import { HAVE_CHROMIUM, needChromium, openBrowser, type BrowserSession, loginInBrowser, reachRight } from '../helpers/browser.js';

const WIDTH = 390;
let t: TestApp;
let b: BrowserSession | undefined;
let page: Page;
let skpId = 0;
let login = { login: '', password: '' };

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  t = await testApp();
  await given.siklusTerbuka(t);
  const { penilai, pegawai } = await given.pegawaiWithPenilai(t);
  const atasan = (await given.skp(t, penilai, { rhk: 1 })).rhk[0]!;
  const skp = await given.skp(t, pegawai, { rhk: 0 });
  await given.rhk(t, skp, { teks: 'Terselenggaranya layanan informasi publik yang cepat, tepat dan dapat dipertanggungjawabkan kepada masyarakat', rhkAtasanId: atasan.id, indikator: { teks: 'Persentase permohonan informasi publik yang dilayani dalam waktu paling lama sepuluh hari kerja', targetAngka: '95', satuan: 'persen' } });
  await given.submit(t, skp);
  skpId = skp.id;
  // returned once, then resubmitted: the page shows the decision history and the "changed since" part
  const agent = await loginAs(t.app, penilai.login);
  const v = (await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id } })).version;
  const r = await postForm(agent, `/skp/${skp.id}/kembalikan`, { version: v, alasan: 'Mohon tambahkan indikator ketepatan waktu layanan.', confirmed: '1' }, `/skp/${skp.id}/tinjau`);
  if (r.status !== 303) throw new Error(`return answered ${r.status}`);
  await given.submit(t, skp);
  login = penilai.login;
  b = await openBrowser(t);
  page = b.page;
  await page.setViewportSize({ width: WIDTH, height: 844 });
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

const reach = (selector: string): Promise<number> => reachRight(page, selector);

describe('the appraiser on a phone', () => {
  it('reads the review page and the versions page within 390 px', async () => {
    needChromium();
    await loginInBrowser(page, login);

    await page.goto(`/skp/${skpId}/tinjau`);
    await expect(page.locator('#sejak-dikembalikan').textContent()).resolves.toContain('Yang berubah sejak Anda kembalikan');
    expect(await reach('table, .card, form')).toBeLessThanOrEqual(WIDTH);
    await b!.shot('review-390.png');

    await page.goto(`/skp/${skpId}/versi`);
    expect(await reach('table, .card')).toBeLessThanOrEqual(WIDTH);
    await b!.shot('review-versi-390.png');
  });
});
