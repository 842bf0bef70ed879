import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, testApp, type TestApp } from '../helpers/app.js';

// Error pages (friendly, translated, no internals in production) and the security headers.

let dev: TestApp; // env 'test': like development, the 500 page shows the stack
let prod: TestApp; // env 'production'
beforeAll(async () => {
  [dev, prod] = await Promise.all([testApp(), testApp({ env: 'production' })]);
});
afterAll(async () => { await Promise.all([dev.close(), prod.close()]); });

/** A response that gives nothing away: no stack frames, no file paths, no SQL. */
function expectNoInternals(html: string) {
  expect(html).not.toMatch(/^\s*at\s/m);
  expect(html).not.toMatch(/\bat\s+\S+\s+\(/);
  expect(html).not.toMatch(/\bat\s+(file:\/\/)?\/\S+:\d+:\d+/);
  expect(html).not.toMatch(/(\/work\/|node_modules|\/src\/|\.ts:\d+|\.js:\d+|\.ejs)/);
  expect(html).not.toMatch(/relation "|ReferenceError|TypeError|Prisma|pg-pool|<pre class="stack">/);
}

describe('404', () => {
  it('is a friendly page in Indonesian, for visitors and users alike', async () => {
    const anon = await request(dev.app).get('/tidak-ada').expect(404);
    expect(anon.headers['content-type']).toMatch(/text\/html/);
    expect(anon.text).toContain('<html lang="id">');
    expect(anon.text).toContain('Tidak ditemukan');
    expect(anon.text).toContain('Halaman atau data yang Anda cari tidak ditemukan.');
    expect(anon.text).toContain('Kembali ke beranda');
    const me = await given.pegawai(dev);
    const user = await (await loginAs(dev.app, me.login)).get('/pegawai/999999').expect(404);
    expect(user.text).toContain('Halaman atau data yang Anda cari tidak ditemukan.');
    expect(user.text).toContain(me.nama); // still the user's own page frame
  });

  it('is in English after switching the language', async () => {
    const agent = request.agent(dev.app);
    const token = await csrf(agent, '/login');
    await agent.post('/bahasa').type('form').send({ _csrf: token, lang: 'en', back: '/tidak-ada' }).expect(303);
    const res = await agent.get('/tidak-ada').expect(404);
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('Not found');
    expect(res.text).toContain('The page or record you are looking for was not found.');
    expect(res.text).toContain('Back to home');
    expect(res.text).not.toContain('tidak ditemukan');
  });

  it('is the same friendly page in production', async () => {
    const res = await request(prod.app).get('/tidak-ada/lagi').expect(404);
    expect(res.text).toContain('Halaman atau data yang Anda cari tidak ditemukan.');
    expectNoInternals(res.text);
  });
});

describe('500 in production', () => {
  it('shows a friendly page without stack or paths when a query fails', async () => {
    const admin = await loginAs(prod.app, 'admin');
    await prod.db.pool.query('ALTER TABLE jabatan RENAME TO jabatan_hilang');
    try {
      const res = await admin.get('/jabatan');
      expect(res.status).toBe(500);
      expect(res.text).toContain('Kesalahan server');
      expect(res.text).toContain('Terjadi kesalahan pada server. Coba lagi sebentar lagi; jika berulang, hubungi admin.');
      expectNoInternals(res.text);
    } finally {
      await prod.db.pool.query('ALTER TABLE jabatan_hilang RENAME TO jabatan');
    }
    await admin.get('/jabatan').expect(200);
  });

  it('shows the friendly page when the database is gone altogether (session store down)', async () => {
    const down = await testApp({ env: 'production' });
    try {
      const admin = await loginAs(down.app, 'admin');
      await down.db.pool.end();
      const res = await admin.get('/unit');
      expect(res.status).toBe(500);
      expect(res.text).toContain('Terjadi kesalahan pada server.');
      expectNoInternals(res.text);
    } finally {
      await down.close();
    }
  });

  it('answers an oversized form body with a friendly 413, not a crash', async () => {
    const res = await request(prod.app).post('/login').type('form').send({ login: 'x', password: 'a'.repeat(300_000) });
    expect(res.status).toBe(413);
    expect(res.text).toContain('Berkas atau isian terlalu besar.');
    expectNoInternals(res.text);
  });

  it('(outside production the stack is shown, so the checks above are not vacuous)', async () => {
    const admin = await loginAs(dev.app, 'admin');
    await dev.db.pool.query('ALTER TABLE jabatan RENAME TO jabatan_hilang');
    try {
      const res = await admin.get('/jabatan');
      expect(res.status).toBe(500);
      expect(res.text).toContain('<pre class="stack">');
      expect(() => expectNoInternals(res.text)).toThrow();
    } finally {
      await dev.db.pool.query('ALTER TABLE jabatan_hilang RENAME TO jabatan');
    }
  });
});

describe('security headers', () => {
  const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

  it.each(['/login', '/tidak-ada'])('sets a strict CSP and nosniff on %s', async (path) => {
    for (const app of [dev.app, prod.app]) {
      const res = await request(app).get(path);
      const csp = res.headers['content-security-policy'];
      expect(csp).toBeTruthy();
      const d = directives(csp!);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(d.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('form-action')).toEqual(["'self'"]);
      expect(d.get('frame-ancestors')).toEqual(["'self'"]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('sends HSTS only in production and keeps the session cookie HttpOnly and SameSite', async () => {
    const p = await request(prod.app).get('/login');
    expect(p.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const d = await request(dev.app).get('/login');
    expect(d.headers['strict-transport-security']).toBeUndefined();
    const cookie = String(d.headers['set-cookie']);
    expect(cookie).toMatch(/sikap\.sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('renders pages without inline scripts or inline event handlers (the CSP would block them)', async () => {
    const admin = await loginAs(dev.app, 'admin');
    const pegawai = await dev.db.prisma.pegawai.findFirstOrThrow();
    for (const path of ['/', '/pegawai', '/pegawai/baru', `/pegawai/${pegawai.id}`, `/pegawai/${pegawai.id}/ubah`, '/unit', '/unit/baru', '/jabatan', '/jabatan/baru', '/audit', '/akun/password']) {
      const res = await admin.get(path).expect(200);
      const scripts = [...res.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      for (const [, attrs, body] of scripts) {
        expect(attrs, `${path}: <script> without src`).toMatch(/\bsrc="\/static\//);
        expect(body!.trim(), `${path}: inline script body`).toBe('');
      }
      expect(res.text, `${path}: inline event handler`).not.toMatch(/\son[a-z]+\s*=/i);
      expect(res.text, `${path}: javascript: URL`).not.toMatch(/javascript:/i);
    }
  });
});
