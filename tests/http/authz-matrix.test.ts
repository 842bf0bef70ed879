import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { csrf, LOGINS, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';

// The authorization matrix: every route the app has × every kind of actor → the expected status.
//
//   EVERY NEW ROUTE MUST BE ADDED HERE (one line in ROUTES). A route missing from this table is a
//   route whose access rules nobody has checked.
//
// Conventions:
// - anon      = no session; a POST carries no CSRF token (so it is refused with 403 before any route).
// - anonToken = no login but a valid CSRF token from the login page (POST rows only): protected
//               POSTs then redirect to /login like protected GETs do.
// - logged-in actors always send their session's valid CSRF token, so what is checked is access.
// - Admin-only POSTs are sent with an empty body: the admin gets past the guard and is stopped by
//   validation (422), so the matrix changes no data (except the one reset-password row).
// - Ids in paths are placeholders resolved from the demo data (see PEOPLE / resolve()):
//     {self} the demo pegawai (a pelaksana)        {appraisee} another appraisee of the demo penilai
//     {penilai} the demo penilai (Kepala Seksi)   {pimpinan} the demo pimpinan (Kepala Bidang)
//     {subtree} someone in the pimpinan's subtree who is not appraised by the demo penilai
//     {kadis} the Kepala Dinas (above the pimpinan)  {outside} someone in another bidang
//     {other} an employee behind no demo login (used for reset-password)
//     {unit} a unit id   {jabatan} a jabatan id   {audit} an audit_log id

const WHO = ['anon', 'pegawai', 'penilai', 'pimpinan', 'admin'] as const;
type Who = (typeof WHO)[number];
type Expect = Partial<Record<Who | 'anonToken', number>>;
type Row = { route: string; body?: Record<string, string>; multipart?: boolean; fresh?: boolean; expect: Expect };

const e = (anon: number, pegawai: number, penilai: number, pimpinan: number, admin: number | undefined, anonToken?: number): Expect => ({ anon, pegawai, penilai, pimpinan, admin, anonToken });
/** Any logged-in user. */
const LOGGED_IN = e(303, 200, 200, 200, 200);
/** Admin only; everyone else logged in gets 403 (not a hidden link: a refusal on the server). */
const ADMIN_GET = (admin = 200) => e(303, 403, 403, 403, admin);
/** Admin-only POST: anonymous without token 403 (CSRF), with token 303 to /login; non-admin 403. */
const ADMIN_POST = (admin: number) => e(403, 403, 403, 403, admin, 303);

const ROUTES: Row[] = [
  // ---- auth ---------------------------------------------------------------------------------
  { route: 'GET /login', expect: e(200, 303, 303, 303, 303) },
  { route: 'POST /login', body: {}, expect: e(403, 422, 422, 422, 422, 422) },
  { route: 'POST /logout', fresh: true, expect: e(403, 303, 303, 303, 303, 303) },
  { route: 'POST /bahasa', body: { lang: 'id', back: '/' }, expect: e(403, 303, 303, 303, 303, 303) },
  { route: 'GET /akun/password', expect: LOGGED_IN },
  { route: 'POST /akun/password', body: {}, expect: e(403, 422, 422, 422, 422, 303) },
  // ---- dashboard ----------------------------------------------------------------------------
  { route: 'GET /', expect: LOGGED_IN },
  { route: 'GET /ping', expect: LOGGED_IN },
  // ---- unit kerja (admin only) --------------------------------------------------------------
  { route: 'GET /unit', expect: ADMIN_GET() },
  { route: 'GET /unit/baru', expect: ADMIN_GET() },
  { route: 'GET /unit/{unit}/ubah', expect: ADMIN_GET() },
  { route: 'GET /unit/999999/ubah', expect: ADMIN_GET(404) },
  { route: 'POST /unit', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /unit/{unit}', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /unit/999999', body: {}, expect: ADMIN_POST(404) },
  // ---- jabatan (admin only) -----------------------------------------------------------------
  { route: 'GET /jabatan', expect: ADMIN_GET() },
  { route: 'GET /jabatan?unitId={unit}', expect: ADMIN_GET() },
  { route: 'GET /jabatan/baru', expect: ADMIN_GET() },
  { route: 'GET /jabatan/{jabatan}/ubah', expect: ADMIN_GET() },
  { route: 'GET /jabatan/999999/ubah', expect: ADMIN_GET(404) },
  { route: 'POST /jabatan', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /jabatan/{jabatan}', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /jabatan/999999', body: {}, expect: ADMIN_POST(404) },
  // ---- pegawai: list and detail by data scope (forbidden and missing are both 404) -----------
  { route: 'GET /pegawai', expect: LOGGED_IN },
  { route: 'GET /pegawai/{self}', expect: e(303, 200, 200, 200, 200) },
  { route: 'GET /pegawai/{appraisee}', expect: e(303, 404, 200, 200, 200) },
  { route: 'GET /pegawai/{penilai}', expect: e(303, 404, 200, 200, 200) },
  { route: 'GET /pegawai/{subtree}', expect: e(303, 404, 404, 200, 200) },
  { route: 'GET /pegawai/{pimpinan}', expect: e(303, 404, 404, 200, 200) },
  { route: 'GET /pegawai/{kadis}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /pegawai/{outside}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /pegawai/999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /pegawai/abc', expect: e(303, 404, 404, 404, 404) },
  // ---- pegawai: management (admin only, even on one's own record) ---------------------------
  { route: 'GET /pegawai/baru', expect: ADMIN_GET() },
  { route: 'GET /pegawai/{self}/ubah', expect: ADMIN_GET() },
  { route: 'GET /pegawai/{kadis}/ubah', expect: ADMIN_GET() },
  { route: 'GET /pegawai/999999/ubah', expect: ADMIN_GET(404) },
  { route: 'POST /pegawai', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pegawai/{self}', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pegawai/999999', body: {}, expect: ADMIN_POST(404) },
  { route: 'POST /pegawai/{self}/nonaktifkan', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pegawai/{self}/aktifkan', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pegawai/{other}/reset-password', body: {}, expect: ADMIN_POST(303) },
  { route: 'POST /pegawai/999999/reset-password', body: {}, expect: ADMIN_POST(404) },
  // ---- import (admin only) ------------------------------------------------------------------
  { route: 'GET /impor', expect: ADMIN_GET() },
  { route: 'GET /impor/templat.csv', expect: ADMIN_GET() },
  { route: 'GET /impor/templat.xlsx', expect: ADMIN_GET() },
  // url-encoded without a file: the admin gets the form back with "choose a file"
  { route: 'POST /impor', body: {}, expect: ADMIN_POST(422) },
  // a real upload: refused for everyone but the admin before anything is read or imported
  // (what the admin's upload does is tested with the import feature)
  { route: 'POST /impor', multipart: true, expect: e(303, 403, 403, 403, undefined) },
  // ---- siklus (admin only; what the admin's actions do is tested in siklus.test.ts) -----------
  { route: 'GET /siklus', expect: ADMIN_GET() },
  { route: 'GET /siklus/baru', expect: ADMIN_GET() },
  { route: 'POST /siklus', body: {}, expect: ADMIN_POST(422) },
  { route: 'GET /siklus/999999', expect: ADMIN_GET(404) },
  { route: 'GET /siklus/999999/job.json', expect: e(303, 403, 403, 403, undefined) },
  { route: 'POST /siklus/999999/periode', body: {}, expect: e(403, 403, 403, 403, undefined, 303) },
  { route: 'POST /siklus/999999/fase', body: {}, expect: e(403, 403, 403, 403, undefined, 303) },
  { route: 'POST /siklus/999999/buat-skp', body: {}, expect: e(403, 403, 403, 403, undefined, 303) },
  // SKP: the employee's own (skp routes) and the appraiser's (review routes); scoped by getSkp → 404
  { route: 'GET /skp', expect: LOGGED_IN },
  { route: 'GET /skp/999999/cetak.pdf', expect: e(303, 404, 404, 404, 404) },
  // SKP templates per position: HR only
  { route: 'GET /templat', expect: ADMIN_GET() },
  { route: 'GET /templat/baru', expect: ADMIN_GET() },
  { route: 'POST /templat', body: {}, expect: ADMIN_POST(422) },
  { route: 'GET /templat/999999', expect: ADMIN_GET(404) },
  { route: 'POST /templat/999999', body: {}, expect: ADMIN_POST(404) },
  { route: 'POST /templat/999999/terapkan', body: {}, expect: ADMIN_POST(404) },
  { route: 'POST /templat/999999/hapus', body: {}, expect: ADMIN_POST(404) },
  { route: 'GET /skp/bawahan', expect: LOGGED_IN },
  { route: 'GET /skp/bawahan?status=DIAJUKAN', expect: LOGGED_IN },
  { route: 'GET /skp/matriks', expect: LOGGED_IN },
  { route: 'GET /skp/999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/rhk/baru', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/rhk/999999/ubah', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/rhk/999999/indikator/baru', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/indikator/999999/ubah', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/tinjau', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/versi', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/versi/diff', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/versi/999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'POST /skp/999999/pendekatan', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/rhk', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/rhk/999999', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/rhk/999999/hapus', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/rhk/999999/indikator', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/indikator/999999', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/indikator/999999/hapus', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/lampiran', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/lampiran/999999/hapus', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/ajukan', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/salin-tahun-lalu', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/ekspektasi', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/setujui', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/kembalikan', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  // ---- audit log (admin only) ---------------------------------------------------------------
  { route: 'GET /audit', expect: ADMIN_GET() },
  { route: 'GET /audit?aksi=auth', expect: ADMIN_GET() },
  { route: 'GET /audit/{audit}', expect: ADMIN_GET() },
  { route: 'GET /audit/999999', expect: ADMIN_GET(404) },
  { route: 'GET /audit/abc', expect: ADMIN_GET(404) },
  // ---- everything else ----------------------------------------------------------------------
  { route: 'GET /tidak-ada', expect: e(404, 404, 404, 404, 404) },
  { route: 'POST /tidak-ada', body: {}, expect: e(403, 404, 404, 404, 404, 404) },
  { route: 'GET /static/css/app.css', expect: e(200, 200, 200, 200, 200) },
  { route: 'GET /static/js/app.js', expect: e(200, 200, 200, 200, 200) },
];

// A CSV that would create an employee if it were ever imported by someone who may not.
const UPLOAD = Buffer.from('nip,nama\n199001012020011001,Penyusup Tidak Sah\n');

const MSG = {
  csrf: 'Formulir kedaluwarsa atau tidak sah.',
  forbidden: 'Anda tidak memiliki akses ke halaman ini.',
  notFound: 'Halaman atau data yang Anda cari tidak ditemukan.',
};

let t: TestApp;
const agents = {} as Record<Exclude<Who, 'anon'>, Agent>;
const tokens = {} as Record<Exclude<Who, 'anon'>, string>;
const ids: Record<string, number> = {};

async function pegawaiId(nip: string): Promise<number> {
  const p = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip } });
  return p.id;
}

beforeAll(async () => {
  t = await testApp();
  for (const who of ['pegawai', 'penilai', 'pimpinan', 'admin'] as const) {
    agents[who] = await loginAs(t.app, who);
    tokens[who] = await csrf(agents[who], '/');
  }
  const self = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: LOGINS.pegawai }, include: { unit: true } });
  const penilai = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: LOGINS.penilai } });
  const pimpinan = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: LOGINS.pimpinan }, include: { unit: true } });
  const kadis = await pegawaiId(LOGINS.kepalaDinas);
  const demo = [self.id, penilai.id, pimpinan.id, kadis];
  const appraisee = await t.db.prisma.pegawai.findFirstOrThrow({ where: { penilaiId: penilai.id, id: { not: self.id } }, orderBy: { id: 'asc' } });
  const subtree = await t.db.prisma.pegawai.findFirstOrThrow({
    where: { unit: { path: { startsWith: pimpinan.unit.path } }, penilaiId: { notIn: [penilai.id] }, id: { notIn: demo } },
    orderBy: { id: 'asc' },
  });
  const outside = await t.db.prisma.pegawai.findFirstOrThrow({ where: { NOT: { unit: { path: { startsWith: pimpinan.unit.path } } }, id: { notIn: demo } }, orderBy: { id: 'asc' } });
  const audit = await t.db.prisma.auditLog.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const jabatan = await t.db.prisma.jabatan.findFirstOrThrow({ orderBy: { id: 'asc' } });
  Object.assign(ids, {
    self: self.id, penilai: penilai.id, pimpinan: pimpinan.id, kadis, appraisee: appraisee.id, subtree: subtree.id,
    outside: outside.id, other: outside.id, unit: self.unitId, jabatan: jabatan.id, audit: Number(audit.id),
  });
});
afterAll(async () => { await t.close(); });

const resolve = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_m, k: string) => {
    if (ids[k] === undefined) throw new Error(`unknown placeholder {${k}}`);
    return String(ids[k]);
  });

async function send(row: Row, who: Who | 'anonToken') {
  const [method, rawPath] = row.route.split(' ') as ['GET' | 'POST', string];
  const path = resolve(rawPath);
  if (who === 'anon') {
    const r = request(t.app);
    if (method === 'GET') return r.get(path);
    return row.multipart ? r.post(path).attach('berkas', UPLOAD, 'pegawai.csv') : r.post(path).type('form').send(row.body ?? {});
  }
  let agent: Agent;
  let token: string;
  if (who === 'anonToken') {
    agent = request.agent(t.app);
    token = await csrf(agent, '/login');
  } else if (row.fresh) {
    agent = await loginAs(t.app, who);
    token = await csrf(agent, '/');
  } else {
    agent = agents[who];
    token = tokens[who];
  }
  if (method === 'GET') return agent.get(path);
  if (row.multipart) return agent.post(path).field('_csrf', token).attach('berkas', UPLOAD, 'pegawai.csv');
  return agent.post(path).type('form').send({ _csrf: token, ...(row.body ?? {}) });
}

const cases = ROUTES.flatMap((row) =>
  [...WHO, 'anonToken' as const]
    .filter((who) => row.expect[who] !== undefined)
    .map((who) => ({ name: `${row.route}${row.multipart ? ' (multipart)' : ''} as ${who} → ${row.expect[who]}`, row, who, status: row.expect[who]! })),
);

describe('authorization matrix', () => {
  it.each(cases)('$name', async ({ row, who, status }) => {
    const res = await send(row, who);
    expect(res.status, `${row.route} as ${who}`).toBe(status);
    const anonymous = who === 'anon' || who === 'anonToken';
    if (status === 303 && anonymous && !['POST /bahasa', 'POST /login'].includes(row.route)) expect(res.headers.location).toBe('/login');
    if (status === 403) expect(res.text).toContain(who === 'anon' && row.route.startsWith('POST') ? MSG.csrf : MSG.forbidden);
    if (status === 404) expect(res.text).toContain(MSG.notFound);
  });

  it('covers every route the routers define', () => {
    // Not exhaustive by itself (it cannot see routers yet to be written), but it catches a route
    // added to a mounted router and forgotten here.
    const app = t.app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
    const covered = new Set(ROUTES.map((r) => r.route.replace(/\?.*$/, '').replace(/\{\w+\}|\b\d{6}\b|\babc\b/g, ':id')));
    const missing: string[] = [];
    let seen = 0;
    const walk = (stack: { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[]) => {
      for (const layer of stack) {
        if (layer.route) {
          for (const m of Object.keys(layer.route.methods)) {
            const key = `${m.toUpperCase()} ${layer.route.path.replace(/:\w+/g, ':id')}`;
            seen++;
            if (!covered.has(key)) missing.push(key);
          }
        } else if (layer.handle?.stack) walk(layer.handle.stack as never);
      }
    };
    walk(app.router.stack as never);
    expect(seen).toBeGreaterThanOrEqual(29); // the walk really saw the routers (29 before the import routes)
    expect(missing).toEqual([]);
  });
});

describe('data scope details', () => {
  it('makes a forbidden employee look exactly like a missing one', async () => {
    const forbidden = await agents.pegawai.get(resolve('/pegawai/{kadis}')).expect(404);
    const missing = await agents.pegawai.get('/pegawai/999999').expect(404);
    // identical but for the URL itself (the language switch's "back" field)
    expect(forbidden.text.replace(`/pegawai/${ids.kadis}"`, '/pegawai/X"')).toBe(missing.text.replace('/pegawai/999999"', '/pegawai/X"'));
    expect(forbidden.text).not.toContain('Yulia Rahmi Putri');
  });

  it('shows the employee the page is about', async () => {
    const me = await agents.pegawai.get(resolve('/pegawai/{self}')).expect(200);
    expect(me.text).toContain('Fajar Ramadhan');
    expect(me.text).toContain(LOGINS.pegawai);
    // the management forms are admin-only, and not offered to others
    expect(me.text).not.toContain('/nonaktifkan');
    const seenByAdmin = await agents.admin.get(resolve('/pegawai/{self}')).expect(200);
    expect(seenByAdmin.text).toContain('/nonaktifkan');
  });

  it('sends an anonymous visitor to the login page and back to where they were going', async () => {
    const agent = request.agent(t.app);
    const first = await agent.get('/audit?aksi=auth').expect(303);
    expect(first.headers.location).toBe('/login');
    const token = await csrf(agent, '/login');
    const { DEMO_PASSWORD } = await import('../helpers/app.js');
    const login = await agent.post('/login').type('form').send({ _csrf: token, login: 'admin', password: DEMO_PASSWORD }).expect(303);
    expect(login.headers.location).toBe('/audit?aksi=auth');
  });

  it('does not create anything when a non-admin posts a valid-looking form', async () => {
    const before = await t.db.prisma.unitKerja.count();
    const res = await agents.pimpinan.post('/unit').type('form').send({ _csrf: tokens.pimpinan, kode: 'BOCOR', nama: 'Unit Bocor', parentId: '' });
    expect(res.status).toBe(403);
    expect(await t.db.prisma.unitKerja.count()).toBe(before);
    const p = await agents.penilai.post(resolve('/pegawai/{self}/nonaktifkan')).type('form').send({ _csrf: tokens.penilai, version: '1', alasan: 'Coba-coba saja' });
    expect(p.status).toBe(403);
    expect((await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: ids.self } })).aktif).toBe(true);
  });
});

/** The employees listed on one page of /pegawai: [id, name]. */
function listed(html: string): { id: number; nama: string }[] {
  return [...html.matchAll(/<td><a href="\/pegawai\/(\d+)">([^<]+)<\/a>/g)].map((m) => ({ id: Number(m[1]), nama: m[2]! }));
}
const found = (html: string) => Number(/<span class="found">([\d.]+) pegawai<\/span>/.exec(html)?.[1]?.replace(/\./g, ''));

describe('the employee list is scoped to the actor', () => {
  it('shows a pegawai only themselves', async () => {
    const res = await agents.pegawai.get('/pegawai').expect(200);
    expect(found(res.text)).toBe(1);
    expect(listed(res.text)).toEqual([{ id: ids.self, nama: 'Fajar Ramadhan, S.T.' }]);
  });

  it('shows a penilai themselves and their four appraisees', async () => {
    const res = await agents.penilai.get('/pegawai').expect(200);
    const rows = listed(res.text);
    const expected = await t.db.prisma.pegawai.findMany({ where: { OR: [{ id: ids.penilai }, { penilaiId: ids.penilai }], aktif: true }, orderBy: { nama: 'asc' } });
    expect(expected).toHaveLength(5);
    expect(found(res.text)).toBe(5);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.map((p) => p.id).sort((a, b) => a - b));
    expect(rows.map((r) => r.nama)).toContain('Zulkifli Datuk Rajo Mudo, S.T., M.Kom.');
    expect(rows.map((r) => r.nama)).toContain('Fajar Ramadhan, S.T.');
    expect(rows.map((r) => r.id)).not.toContain(ids.subtree);
  });

  it('shows a pimpinan everyone in their unit subtree and no one else', async () => {
    const res = await agents.pimpinan.get('/pegawai').expect(200);
    const rows = listed(res.text);
    const pimpinan = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: ids.pimpinan }, include: { unit: true } });
    const expected = await t.db.prisma.pegawai.findMany({ where: { unit: { path: { startsWith: pimpinan.unit.path } }, aktif: true } });
    expect(expected.length).toBe(16);
    expect(found(res.text)).toBe(expected.length);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(expected.map((p) => p.id)));
    expect(rows.map((r) => r.id)).not.toContain(ids.kadis);
    expect(rows.map((r) => r.id)).not.toContain(ids.outside);
  });

  it('shows the admin everyone (60, 50 on the first page)', async () => {
    const res = await agents.admin.get('/pegawai').expect(200);
    expect(found(res.text)).toBe(60);
    expect(listed(res.text)).toHaveLength(50);
  });

  it('does not widen the scope through search or filters', async () => {
    const byName = await agents.pegawai.get('/pegawai?q=Yulia').expect(200);
    expect(found(byName.text)).toBe(0);
    const byNip = await agents.penilai.get(`/pegawai?q=${LOGINS.kepalaDinas}`).expect(200);
    expect(found(byNip.text)).toBe(0);
    const all = await agents.pegawai.get('/pegawai?status=semua&page=1').expect(200);
    expect(listed(all.text).map((r) => r.id)).toEqual([ids.self]);
    const root = await t.db.prisma.unitKerja.findFirstOrThrow({ where: { parentId: null } });
    const otherUnit = await agents.penilai.get(`/pegawai?unitId=${root.id}&status=semua`).expect(200);
    const mine = await t.db.prisma.pegawai.findMany({ where: { OR: [{ id: ids.penilai }, { penilaiId: ids.penilai }] } });
    expect(found(otherUnit.text)).toBe(mine.length);
    expect(listed(otherUnit.text).map((r) => r.id).sort((a, b) => a - b)).toEqual(mine.map((p) => p.id).sort((a, b) => a - b));
  });
});
