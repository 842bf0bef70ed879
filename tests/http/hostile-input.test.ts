import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { csrf, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';

// Classes of hostile input, each closed in one place: numbers no integer column can hold
// (src/schemas/fields.ts, src/web/params.ts) and characters no text column can store
// (src/web/request-guard.ts). Each class is tried on several routes and forms; the answer is a
// 404 or the form again with a field error, never a 500.

const INT4_MAX = 2_147_483_647;
const tooBig = [String(INT4_MAX + 1), '99999999999', '9'.repeat(30)];

let t: TestApp;
let admin: Agent;
let pegawaiId: number;
let unit: { id: number; version: number; kode: string; nama: string };
beforeAll(async () => {
  t = await testApp();
  admin = await loginAs(t.app, 'admin');
  pegawaiId = (await t.db.prisma.pegawai.findFirstOrThrow({ where: { aktif: true }, orderBy: { id: 'desc' } })).id;
  unit = await t.db.prisma.unitKerja.findFirstOrThrow({ where: { parentId: { not: null } }, select: { id: true, version: true, kode: true, nama: true } });
});
afterAll(async () => { await t.close(); });

const post = async (path: string, body: Record<string, string>, from = '/') =>
  admin.post(path).type('form').send({ _csrf: await csrf(admin, from), ...body });

describe('numbers beyond an integer column', () => {
  it.each(['/pegawai/{n}', '/unit/{n}/ubah', '/jabatan/{n}/ubah', '/audit/{n}', '/skp/{n}', '/skp/{n}/tinjau', '/skp/{n}/cetak.pdf', '/siklus/{n}', '/templat/{n}', `/skp/{n}/versi/{n}`])(
    'an id in the path %s: 404 at, and beyond, the column’s largest value',
    async (route) => {
      for (const n of [String(INT4_MAX), ...tooBig]) {
        const res = await admin.get(route.replaceAll('{n}', n));
        expect(res.status, `${route} with ${n}`).toBe(404);
      }
    },
  );

  it.each([
    ['/pegawai?unitId={n}', 'Pegawai'],
    ['/pegawai?penilai={n}', 'Pegawai'],
    ['/pegawai?setelah={n}', 'Pegawai'],
    ['/pegawai?page={n}', 'Pegawai'],
    ['/jabatan?unitId={n}', 'Jabatan'],
    ['/audit?before={n}', 'Log Audit'],
    ['/skp?siklus={n}', 'SKP'],
    ['/skp/bawahan?siklusId={n}', 'SKP'],
    ['/skp/matriks?siklusId={n}', 'SKP'],
    ['/templat/baru?siklusId={n}&skpId=', 'Templat'],
  ])('a filter or cursor in the query %s is left out, the page still answers', async (route, title) => {
    for (const n of tooBig) {
      const res = await admin.get(route.replace('{n}', n));
      expect(res.status, `${route} with ${n}`).toBe(200);
      expect(res.text).toContain(title);
    }
  });

  it('an id in a form (a select, a hidden field) gets a field error', async () => {
    for (const n of tooBig) {
      const u = await post('/unit', { kode: 'HOST1', nama: 'Unit uji', parentId: n }, '/unit/baru');
      expect(u.status).toBe(422);
      expect(u.text).toContain('Isian tidak valid.');
      expect(u.text).toContain('value="Unit uji"'); // what was typed comes back
      const j = await post('/jabatan', { kode: 'HOSTJ', nama: 'Jabatan uji', jenis: 'PELAKSANA', unitId: n }, '/jabatan/baru');
      expect(j.status).toBe(422);
      expect(j.text).toContain('Isian tidak valid.');
      const tp = await post('/templat', { skpId: n, nama: 'Templat uji' }, '/templat/baru');
      expect(tp.status).toBe(422);
    }
  });

  it('a version beyond the column is a form this app did not write: the form again, the message at the top', async () => {
    for (const n of tooBig) {
      const u = await post(`/unit/${unit.id}`, { kode: unit.kode, nama: unit.nama, parentId: '', version: n, aktif: '1' }, `/unit/${unit.id}/ubah`);
      expect(u.status).toBe(422);
      expect(u.text).toContain('Formulir ini tidak sah atau sudah kedaluwarsa.');
      const d = await post(`/pegawai/${pegawaiId}/nonaktifkan`, { version: n, alasan: 'Pindah tugas ke instansi lain' }, `/pegawai/${pegawaiId}`);
      expect(d.status).toBe(422);
      expect(d.text).toContain('Formulir ini tidak sah atau sudah kedaluwarsa.');
    }
    // at the largest value the version is valid, only stale: the usual conflict
    const atMax = await post(`/unit/${unit.id}`, { kode: unit.kode, nama: unit.nama, parentId: '', version: String(INT4_MAX), aktif: '1' }, `/unit/${unit.id}/ubah`);
    expect(atMax.status).toBe(409);
  });
});

describe('a query parameter given twice', () => {
  it('the first counts; the page answers', async () => {
    for (const route of ['/pegawai?q=a&q=b', '/pegawai?unitId=1&unitId=2', '/audit?actor=a&actor=b', '/audit?before=1&before=2', '/skp/bawahan?q=a&q=b', '/templat/baru?q=a&q=b', '/skp?siklus=1&siklus=2']) {
      const res = await admin.get(route);
      expect(res.status, route).toBe(200);
    }
  });
});

describe('NUL bytes and text that is not UTF-8', () => {
  const bad = [['NUL', '%00'], ['invalid UTF-8', '%FF%FE'], ['overlong UTF-8', '%C0%80']] as const;

  it.each(bad)('%s in the path: 404', async (_name, esc) => {
    for (const route of [`/pegawai/${esc}`, `/pegawai/1${esc}`, `/skp/${esc}/tinjau`, `/tidak${esc}ada`, `/templat/${esc}`]) {
      const res = await admin.get(route);
      expect(res.status, route).toBe(404);
    }
    expect((await request(t.app).get(`/login${esc}`)).status).toBe(404); // before login too
  });

  it.each(bad)('%s in the query: the field is left out and marked, the page answers', async (_name, esc) => {
    for (const route of [`/pegawai?q=a${esc}b`, `/audit?actor=a${esc}b`, `/audit?entitasId=${esc}`, `/templat/baru?q=${esc}`, `/skp/bawahan?q=${esc}`, `/jabatan?unitId=1${esc}`]) {
      const res = await admin.get(route);
      expect(res.status, route).toBe(200);
    }
    for (const route of [`/pegawai?q=a${esc}b`, `/audit?actor=a${esc}b`]) {
      const res = await admin.get(route);
      expect(res.text).toContain('Sebagian isian pada alamat halaman mengandung karakter yang tidak dapat disimpan');
    }
  });

  it('a NUL in a form field: the form again with a field error on that field and the rest of the input', async () => {
    const cases: [string, Record<string, string>, string, string][] = [
      ['/unit', { kode: 'HOST2', nama: 'Unit\u0000 uji' }, '/unit/baru', 'value="Unit uji"'],
      ['/jabatan', { kode: 'HOSTJ2', nama: 'Jabatan\u0000 uji', jenis: 'PELAKSANA', unitId: String(unit.id) }, '/jabatan/baru', 'value="HOSTJ2"'],
      [`/pegawai/${pegawaiId}/nonaktifkan`, { version: '1', alasan: 'Pindah\u0000 tugas' }, `/pegawai/${pegawaiId}`, 'Pindah tugas'],
      ['/siklus', { tahun: '2031\u0000', jenisPeriode: 'TRIWULANAN' }, '/siklus/baru', 'Isian mengandung'],
    ];
    for (const [path, body, from, kept] of cases) {
      const res = await post(path, body, from);
      expect(res.status, path).toBe(422);
      expect(res.text).toContain('Isian mengandung karakter yang tidak dapat disimpan');
      expect(res.text).toContain(kept);
    }
    // raw bytes that are not UTF-8 in a urlencoded body
    const token = await csrf(admin, '/unit/baru');
    const raw = await admin.post('/unit').set('Content-Type', 'application/x-www-form-urlencoded').send(`_csrf=${encodeURIComponent(token)}&kode=HOST3&nama=Unit%FF%FEuji`);
    expect(raw.status).toBe(422);
    expect(raw.text).toContain('Isian mengandung karakter yang tidak dapat disimpan');
  });

  it('on the login form, before login: a field error, not a 500, in both languages', async () => {
    const anon = request.agent(t.app);
    const token = await csrf(anon, '/login');
    for (const body of [`login=adm%00in&password=x`, `login=admin&password=a%00b`, `login=%FF%FE&password=x`]) {
      const res = await anon.post('/login').set('Content-Type', 'application/x-www-form-urlencoded').send(`_csrf=${encodeURIComponent(token)}&${body}`);
      expect(res.status, body).toBe(422);
      expect(res.text).toContain('Isian mengandung karakter yang tidak dapat disimpan');
    }
    await anon.post('/bahasa').type('form').send({ _csrf: token, lang: 'en', back: '/login' }).expect(303);
    const en = await anon.post('/login').set('Content-Type', 'application/x-www-form-urlencoded').send(`_csrf=${encodeURIComponent(token)}&login=a%00&password=x`);
    expect(en.status).toBe(422);
    expect(en.text).toContain('This field contains a character that cannot be stored');
  });

  it('in multipart field names, values and the file name: the upload form again with the message', async () => {
    const csv = Buffer.from('nip;nama\n');
    const cases = [
      (a: ReturnType<Agent['post']>, tok: string) => a.field('_csrf', tok).field('catatan', 'a\u0000b').attach('berkas', csv, 'a.csv'),
      (a: ReturnType<Agent['post']>, tok: string) => a.field('_csrf', tok).field('x\u0000y', 'z').attach('berkas', csv, 'a.csv'),
      (a: ReturnType<Agent['post']>, tok: string) => a.field('_csrf', tok).field('catatan', 'a\uFFFDb').attach('berkas', csv, 'a.csv'),
    ];
    for (const [i, build] of cases.entries()) {
      const res = await build(admin.post('/impor'), await csrf(admin, '/impor'));
      // a NUL inside a part's header (the field name) is a malformed body: refused as such
      if (i === 1) expect([400, 422]).toContain(res.status);
      else {
        expect(res.status).toBe(422);
        expect(res.text).toContain('Isian mengandung karakter yang tidak dapat disimpan');
      }
    }
    // a NUL in the file name alone is dropped from the name; the file is read as usual
    const named = await admin.post('/impor').field('_csrf', await csrf(admin, '/impor')).attach('berkas', csv, 'data\u0000.csv');
    expect(named.status).not.toBe(500);
    expect(named.text).not.toContain('\u0000');
  });

  it('a client address that is not an IP (X-Forwarded-For behind the proxy) reaches neither the throttle nor the audit log', async () => {
    const proxied = await testApp({ trustProxy: true });
    try {
      const anon = request.agent(proxied.app);
      const token = await csrf(anon, '/login');
      const res = await anon.post('/login').set('X-Forwarded-For', 'x'.repeat(300)).type('form').send({ _csrf: token, login: 'admin', password: (await import('../../src/db/seed.js')).DEMO_PASSWORD });
      expect(res.status).toBe(303);
    } finally {
      await proxied.close();
    }
  });
});
