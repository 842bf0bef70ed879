import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { csrf, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';

// Nothing typed is lost (src/web/unsent-form.ts): a form sent after the session expired is kept,
// offered back after logging in again — only to the person it was shown to — and resent on a
// deliberate click with a fresh token.

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

/** The unit form as the admin saw it: its token and the _who field. */
async function openedForm(agent: Agent) {
  const page = await agent.get('/unit/baru').expect(200);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
  const who = /name="_who" value="(\d+)"/.exec(page.text)![1]!;
  return { token, who };
}
const expireAllSessions = () => t.db.pool.query('DELETE FROM session');

/** The hidden fields of the resend form on /lanjutkan. */
function resendFields(html: string): Record<string, string> {
  const form = /<form method="post" action="([^"]+)" class="inline" id="resend">([\s\S]*?)<\/form>/.exec(html)!;
  const out: Record<string, string> = {};
  for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) out[m[1]!] = m[2]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&amp;/g, '&');
  return { action: form[1]!, ...out };
}

describe('a form sent after the session expired', () => {
  it('goes to the login page, and after logging in again shows what was typed and resends it', async () => {
    const admin = await loginAs(t.app, 'admin');
    const { token, who } = await openedForm(admin);
    await expireAllSessions();
    const nama = 'Bidang <Statistik> & Persandian "Baru"';
    const sent = await admin.post('/unit').type('form').send({ _csrf: token, _who: who, kode: 'UNSENT.1', nama, parentId: '' });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe('/login');
    const loginPage = await admin.get('/login');
    expect(loginPage.text).toContain('Yang Anda ketik tidak hilang');

    const relogin = await admin.post('/login').type('form').send({ _csrf: await csrf(admin, '/login'), login: 'admin', password: 'sikap-demo-2026' });
    expect(relogin.headers.location).toBe('/lanjutkan');
    const kept = await admin.get('/lanjutkan').expect(200);
    expect(kept.text).toContain('Bidang &lt;Statistik&gt; &amp; Persandian &#34;Baru&#34;');
    expect(kept.text).not.toContain('<Statistik>');
    const { action, ...fields } = resendFields(kept.text);
    expect(action).toBe('/unit');
    expect(fields.nama).toBe(nama);
    expect(fields._csrf).not.toBe(token);

    const resent = await admin.post(action).type('form').send(fields);
    expect(resent.status).toBe(303);
    expect(await t.db.prisma.unitKerja.findUnique({ where: { kode: 'UNSENT.1' } })).toMatchObject({ nama });
    // done: nothing is offered again
    expect((await admin.get('/lanjutkan')).headers.location).toBe('/');
  });

  it('is never offered to someone else who logs in on the same browser', async () => {
    const admin = await loginAs(t.app, 'admin');
    const { token, who } = await openedForm(admin);
    await expireAllSessions();
    await admin.post('/unit').type('form').send({ _csrf: token, _who: who, kode: 'UNSENT.2', nama: 'Rahasia orang lain' }).expect(303);
    const other = await admin.post('/login').type('form').send({ _csrf: await csrf(admin, '/login'), login: '199406072018031284', password: 'sikap-demo-2026' });
    expect(other.headers.location).toBe('/lanjutkan');
    const page = await admin.get('/lanjutkan');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/');
    expect((await admin.get('/')).text).not.toContain('Rahasia orang lain');
  });

  it('with the session still alive but a stale token, goes straight to the page that resends it', async () => {
    const admin = await loginAs(t.app, 'admin');
    const { who } = await openedForm(admin);
    const res = await admin.post('/unit').type('form').send({ _csrf: 'stale-token', _who: who, kode: 'UNSENT.3', nama: 'Unit dari tab lama' });
    expect(res.headers.location).toBe('/lanjutkan');
    expect((await admin.get('/lanjutkan')).text).toContain('Unit dari tab lama');
    const discard = await admin.post('/lanjutkan/buang').type('form').send({ _csrf: await csrf(admin, '/lanjutkan') });
    expect(discard.headers.location).toBe('/');
    expect((await admin.get('/lanjutkan')).headers.location).toBe('/');
    expect(await t.db.prisma.unitKerja.findUnique({ where: { kode: 'UNSENT.3' } })).toBeNull();
  });

  it('keeps nothing from password forms, script requests or forms without typed text: those are refused as before', async () => {
    const admin = await loginAs(t.app, 'admin');
    const { who } = await openedForm(admin);
    await admin.post('/akun/password').type('form').send({ _csrf: 'x', _who: who, current: 'sikap-demo-2026', next: 'baru-sekali-123', confirm: 'baru-sekali-123' }).expect(403);
    await admin.post('/unit').set('x-csrf-token', 'x').type('form').send({ _who: who, kode: 'UNSENT.4', nama: 'Dari skrip' }).expect(403);
    await admin.post('/unit').type('form').send({ _csrf: 'x', _who: who, kode: '', nama: ' ' }).expect(403);
    await admin.post('/unit').type('form').send({ _csrf: 'x', kode: 'UNSENT.5', nama: 'Tanpa penanda pengguna' }).expect(403);
    expect((await admin.get('/lanjutkan')).headers.location).toBe('/');
    // a visitor without any session is refused too
    await request(t.app).post('/unit').type('form').send({ kode: 'UNSENT.6', nama: 'Tamu' }).expect(403);
  });
});
