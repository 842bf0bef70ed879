import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import * as given from '../helpers/given.js';
import { csrf, DEMO_PASSWORD, LOGINS, loginAs, postForm, testApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

describe('login, logout, password', () => {
  it('logs in by NIP through the form and shows the home page', async () => {
    const me = await given.pegawai(t);
    const agent = await loginAs(t.app, me.login);
    const home = await agent.get('/').expect(200);
    expect(home.text).toContain(me.nama);
  });

  it('lets in every demo login the start-up output prints (the seeded agency)', async () => {
    for (const role of Object.keys(LOGINS) as (keyof typeof LOGINS)[]) {
      const home = await (await loginAs(t.app, role)).get('/').expect(200);
      const who = role === 'admin' ? 'admin' : (await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: LOGINS[role] } })).nama;
      expect(home.text, role).toContain(who);
    }
  });

  it('gives one generic message for a wrong password and for an unknown login, keeping what was typed', async () => {
    const me = await given.pegawai(t);
    const agent = request.agent(t.app);
    const token = await csrf(agent, '/login');
    const wrong = await agent.post('/login').type('form').send({ _csrf: token, login: me.nip, password: 'salah-sekali' }).expect(401);
    const unknown = await agent.post('/login').type('form').send({ _csrf: token, login: '199001012020011001', password: 'salah-sekali' }).expect(401);
    expect(wrong.text).toContain('NIP/nama pengguna atau kata sandi salah.');
    expect(unknown.text).toContain('NIP/nama pengguna atau kata sandi salah.');
    expect(wrong.text).toContain(`value="${me.nip}"`);
  });

  it('regenerates the session at login (no fixation)', async () => {
    const agent = request.agent(t.app);
    const first = await agent.get('/login');
    const before = /sikap\.sid=([^;]+)/.exec(String(first.headers['set-cookie']))?.[1];
    const token = /name="_csrf" value="([^"]+)"/.exec(first.text)![1];
    const res = await agent.post('/login').type('form').send({ _csrf: token, login: 'admin', password: DEMO_PASSWORD }).expect(303);
    const after = /sikap\.sid=([^;]+)/.exec(String(res.headers['set-cookie']))?.[1];
    expect(before).toBeTruthy();
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
  });

  it('refuses a POST without the CSRF token', async () => {
    const agent = await loginAs(t.app, 'admin');
    const res = await agent.post('/unit').type('form').send({ kode: 'X1', nama: 'Unit Tanpa Token' }).expect(403);
    expect(res.text).toContain('Formulir kedaluwarsa');
    expect(await t.db.prisma.unitKerja.count({ where: { kode: 'X1' } })).toBe(0);
  });

  it('logs out and then requires login again', async () => {
    const agent = await loginAs(t.app, (await given.pegawai(t)).login);
    expect((await postForm(agent, '/logout', {})).status).toBe(303);
    const res = await agent.get('/').expect(303);
    expect(res.headers.location).toBe('/login');
  });

  it('changes one\'s own password; the old one stops working', async () => {
    const me = await given.pegawai(t);
    const agent = await loginAs(t.app, me.login);
    const bad = await postForm(agent, '/akun/password', { current: me.login.password, next: 'pendek', confirm: 'pendek' }, '/akun/password');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Kata sandi baru minimal 10 karakter.');
    expect((await postForm(agent, '/akun/password', { current: me.login.password, next: 'kata-sandi-baru-2026', confirm: 'kata-sandi-baru-2026' }, '/akun/password')).status).toBe(303);
    await expect(loginAs(t.app, me.login)).rejects.toThrow(/401/);
    await loginAs(t.app, { login: me.nip, password: 'kata-sandi-baru-2026' });
  });

  it('locks an account after repeated failures with a clear message', async () => {
    const me = await given.pegawai(t);
    const agent = request.agent(t.app);
    const token = await csrf(agent, '/login');
    for (let i = 0; i < t.config.loginMaxFailures; i++) {
      await agent.post('/login').type('form').send({ _csrf: token, login: me.nip, password: 'tebak-tebakan' }).expect(401);
    }
    const locked = await agent.post('/login').type('form').send({ _csrf: token, login: me.nip, password: me.login.password }).expect(429);
    expect(locked.text).toMatch(/Terlalu banyak percobaan masuk yang gagal\. Coba lagi dalam \d+ menit\./);
  });

  it('switches the language for the session', async () => {
    const agent = request.agent(t.app);
    const token = await csrf(agent, '/login');
    await agent.post('/bahasa').type('form').send({ _csrf: token, lang: 'en', back: '/login' }).expect(303);
    const page = await agent.get('/login').expect(200);
    expect(page.text).toContain('NIP or username');
    expect(page.text).toContain('<html lang="en">');
  });
});
