import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { download, pdfPages } from '../helpers/files.js';

// Officials outside the agency (docs/domain/penilai.md § Officials outside the agency): HR keeps
// them and their logins, an employee's appraiser may be one, such a login sees and decides only
// the SKPs addressed to it, and HR may record their decision on their behalf with the signed
// document. Either way the decision is theirs, and the cycle can move on.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const idFrom = (location: string | undefined, re: RegExp) => Number(re.exec(location ?? '')![1]);

describe('HR keeps the officials outside the agency', () => {
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await testApp();
    admin = await loginAs(t.app, 'admin');
  });
  afterAll(async () => { await t?.close(); });

  const form = (over: Record<string, string> = {}) => ({ nama: 'H. Ahmad Fauzi, S.H.', jabatan: 'Bupati', instansi: 'Pemerintah Kabupaten Uji', nip: '', pangkatGolongan: '', email: '', ...over });

  it('adds an elected official without NIP or rank, audited, and lists them', async () => {
    const res = await postForm(admin, '/pejabat-luar', form(), '/pejabat-luar/baru');
    expect(res.status).toBe(303);
    const id = idFrom(res.headers.location, /\/pejabat-luar\/(\d+)/);
    expect(await t.db.prisma.pejabatLuar.findUniqueOrThrow({ where: { id } })).toMatchObject({ nama: 'H. Ahmad Fauzi, S.H.', nip: null, pangkatGolongan: null, aktif: true, version: 1 });
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'pejabatLuar.create', entitasId: String(id) } })).toBe(1);
    const list = await admin.get('/pejabat-luar').expect(200);
    expect(list.text).toContain('H. Ahmad Fauzi, S.H.');
  });

  it('needs a name of at least 3 characters and keeps what was typed', async () => {
    const short = await postForm(admin, '/pejabat-luar', form({ nama: 'Ab', jabatan: 'Wakil Bupati Uji' }), '/pejabat-luar/baru');
    expect(short.status).toBe(422);
    expect(short.text).toContain('Minimal 3 karakter.');
    expect(short.text).toContain('value="Wakil Bupati Uji"');
    expect((await postForm(admin, '/pejabat-luar', form({ nama: 'Abi', jabatan: 'Wakil Bupati' }), '/pejabat-luar/baru')).status).toBe(303);
    const blank = await postForm(admin, '/pejabat-luar', form({ instansi: '' }), '/pejabat-luar/baru');
    expect(blank.status).toBe(422);
    expect(blank.text).toContain('Wajib diisi.');
  });

  it('checks a NIP when one is given with the employee rules, and keeps NIPs unique', async () => {
    const bad = await postForm(admin, '/pejabat-luar', form({ nip: '19680512199403100' }), '/pejabat-luar/baru'); // 17 digits
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('NIP harus 18 digit.');
    expect(bad.text).toContain('value="19680512199403100"');
    const ok = await postForm(admin, '/pejabat-luar', form({ nama: 'Drs. Sekda Uji, M.Si.', jabatan: 'Sekretaris Daerah', nip: '19700210 199503 1 002', pangkatGolongan: 'IV/d' }), '/pejabat-luar/baru');
    expect(ok.status).toBe(303);
    expect((await t.db.prisma.pejabatLuar.findFirstOrThrow({ where: { nama: 'Drs. Sekda Uji, M.Si.' } })).nip).toBe('197002101995031002');
    const twice = await postForm(admin, '/pejabat-luar', form({ nip: '197002101995031002' }), '/pejabat-luar/baru');
    expect(twice.status).toBe(409);
    expect(twice.text).toContain('NIP 197002101995031002 sudah dipakai pejabat luar lain.');
    const rank = await postForm(admin, '/pejabat-luar', form({ pangkatGolongan: 'V/a' }), '/pejabat-luar/baru');
    expect(rank.status).toBe(422);
  });

  it('edits with the version check: a stale form is refused and keeps what was typed', async () => {
    const p = await given.pejabatLuar(t);
    const ok = await postForm(admin, `/pejabat-luar/${p.id}`, form({ nama: p.nama, jabatan: 'Penjabat Sekretaris Daerah', instansi: p.instansi, version: String(p.version) }), `/pejabat-luar/${p.id}/ubah`);
    expect(ok.status).toBe(303);
    const stale = await postForm(admin, `/pejabat-luar/${p.id}`, form({ nama: p.nama, jabatan: 'Sekretaris Daerah Baru', instansi: p.instansi, version: String(p.version) }), `/pejabat-luar/${p.id}/ubah`);
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Data ini baru saja diubah oleh orang lain.');
    expect(stale.text).toContain('value="Sekretaris Daerah Baru"');
    expect((await t.db.prisma.pejabatLuar.findUniqueOrThrow({ where: { id: p.id } })).jabatan).toBe('Penjabat Sekretaris Daerah');
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'pejabatLuar.update', entitasId: String(p.id) } })).toBe(1);
  });

  it('gives a login with a username that can never read as a NIP; the login form accepts it; a reset replaces the password', async () => {
    const p = await given.pejabatLuar(t);
    const akun = (username: string, version: number) => postForm(admin, `/pejabat-luar/${p.id}/akun`, { version, username }, `/pejabat-luar/${p.id}`);
    expect((await akun('ab', p.version)).status).toBe(422); // below 3
    const digits = await akun('1sekda', p.version);
    expect(digits.status).toBe(422);
    expect(digits.text).toContain('Nama pengguna diawali huruf');
    const made = await akun('Sekda.Uji', p.version);
    expect(made.status).toBe(303);
    const page = await admin.get(`/pejabat-luar/${p.id}`).expect(200);
    const password = /kata sandi sementara: ([\w-]+)/.exec(page.text)![1]!;
    expect(page.text).toContain('Nama pengguna: sekda.uji');
    const agent = await loginAs(t.app, { login: ' SEKDA.UJI', password });
    const home = await agent.get('/').expect(200);
    expect(home.text).toContain('SKP yang Anda nilai');
    const login = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'sekda.uji' } });
    expect(login).toMatchObject({ pejabatLuarId: p.id, pegawaiId: null, peran: [] });
    // a reset: the old password stops working, the session that used it ends
    expect((await akun('ignored', p.version + 1)).status).toBe(303);
    await agent.get('/').expect(303);
    const fresh = request.agent(t.app);
    const token = await csrf(fresh, '/login');
    const bad = await fresh.post('/login').type('form').send({ _csrf: token, login: 'sekda.uji', password });
    expect(bad.status).toBe(401);
    expect(await t.db.prisma.auditLog.count({ where: { entitas: 'pejabat_luar', entitasId: String(p.id), aksi: { in: ['pejabatLuar.createLogin', 'pejabatLuar.resetPassword'] } } })).toBe(2);
  });

  it('refuses a username taken by another login', async () => {
    const p = await given.pejabatLuar(t);
    const res = await postForm(admin, `/pejabat-luar/${p.id}/akun`, { version: p.version, username: 'admin' }, `/pejabat-luar/${p.id}`);
    expect(res.status).toBe(409);
    expect(res.text).toContain('Nama pengguna admin sudah dipakai.');
  });

  it('deactivates only an official who appraises no active employee, and their login with them', async () => {
    const busy = await given.pejabatLuar(t);
    await given.pegawai(t, { jenis: 'JPT', penilaiLuar: busy });
    const refused = await postForm(admin, `/pejabat-luar/${busy.id}/nonaktifkan`, { version: busy.version }, `/pejabat-luar/${busy.id}`);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('Pejabat ini masih menilai 1 pegawai aktif.');
    const free = await given.pejabatLuar(t, { login: true });
    const agent = await loginAs(t.app, free.login!);
    expect((await postForm(admin, `/pejabat-luar/${free.id}/nonaktifkan`, { version: free.version }, `/pejabat-luar/${free.id}`)).status).toBe(303);
    await agent.get('/').expect(303); // the session ended
    const again = request.agent(t.app);
    const token = await csrf(again, '/login');
    expect((await again.post('/login').type('form').send({ _csrf: token, ...free.login })).status).toBe(401);
    expect((await postForm(admin, `/pejabat-luar/${free.id}/aktifkan`, { version: free.version + 1 }, `/pejabat-luar/${free.id}`)).status).toBe(303);
    expect((await loginAs(t.app, free.login!))).toBeTruthy();
  });

  it('speaks English too', async () => {
    const en = await loginAs(t.app, 'admin');
    await postForm(en, '/bahasa', { lang: 'en', back: '/' });
    const res = await postForm(en, '/pejabat-luar', form({ nip: '123' }), '/pejabat-luar/baru');
    expect(res.status).toBe(422);
    expect(res.text).toContain('A NIP has 18 digits.');
    expect((await en.get('/pejabat-luar').expect(200)).text).toContain('Officials outside the agency');
  });
});

describe('an employee whose appraiser is outside the agency', () => {
  let t: TestApp;
  let admin: Agent;
  let sekda: given.GivenPejabatLuar;
  let kadis: given.GivenPegawai;
  beforeAll(async () => {
    t = await testApp();
    admin = await loginAs(t.app, 'admin');
    sekda = await given.pejabatLuar(t, { nama: 'Drs. Sekda Penilai, M.Si.' });
    kadis = await given.pegawai(t, { jenis: 'JPT' });
  });
  afterAll(async () => { await t?.close(); });

  const edit = async (over: Record<string, string>) => {
    const p = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: kadis.id } });
    const body = { version: String(p.version), nip: p.nip, nama: p.nama, jenisAsn: p.jenisAsn, pangkatGolongan: p.pangkatGolongan, email: '', jabatanId: String(p.jabatanId), penilaiNip: '', penilaiLuarId: '', ...over };
    return postForm(admin, `/pegawai/${kadis.id}`, body, `/pegawai/${kadis.id}/ubah`);
  };

  it('is set on the employee form, which offers the officials; never both kinds at once', async () => {
    const page = await admin.get(`/pegawai/${kadis.id}/ubah`).expect(200);
    expect(page.text).toContain(`<option value="${sekda.id}"`);
    const other = await given.pegawai(t, { jenis: 'JPT' });
    const both = await edit({ penilaiNip: other.nip, penilaiLuarId: String(sekda.id) });
    expect(both.status).toBe(409);
    expect(both.text).toContain('Pilih salah satu: pejabat penilai pegawai (NIP) atau pejabat luar, tidak keduanya.');
    expect(both.text).toContain(`value="${other.nip}"`); // what was typed stays
    const ok = await edit({ penilaiLuarId: String(sekda.id) });
    expect(ok.status).toBe(303);
    expect(await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: kadis.id } })).toMatchObject({ penilaiId: null, penilaiLuarId: sekda.id });
    const riwayat = await t.db.prisma.riwayatPegawai.findFirstOrThrow({ where: { pegawaiId: kadis.id }, orderBy: { id: 'desc' } });
    expect(riwayat.penilaiLuarId).toBe(sekda.id);
    const detail = await admin.get(`/pegawai/${kadis.id}`).expect(200);
    expect(detail.text).toContain('Drs. Sekda Penilai, M.Si., Sekretaris Daerah');
  });

  it('refuses an inactive official', async () => {
    const gone = await given.pejabatLuar(t);
    await postForm(admin, `/pejabat-luar/${gone.id}/nonaktifkan`, { version: gone.version }, `/pejabat-luar/${gone.id}`);
    const res = await edit({ penilaiLuarId: String(gone.id) });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Pejabat luar ini tidak ada atau nonaktif.');
  });

  it('makes the official the atasan pejabat penilai of the head\'s appraisees', async () => {
    const staf = await given.pegawai(t, { unitId: kadis.unitId, penilai: kadis });
    const detail = await admin.get(`/pegawai/${staf.id}`).expect(200);
    expect(/class="atasan-penilai">([^<]+)</.exec(detail.text)?.[1]).toContain('Drs. Sekda Penilai, M.Si., Sekretaris Daerah');
  });

  it('is copied into the draft SKP and snapshotted as its penilai; the PDF prints the official', async () => {
    const siklus = await given.siklusTerbuka(t);
    const skp = await t.db.prisma.skp.findFirstOrThrow({ where: { siklusId: siklus.id, pegawaiId: kadis.id, ditutupAt: null } });
    expect(skp.penilaiLuarId).toBe(sekda.id);
    expect(skp.penilaiId).toBeNull();
    expect((skp.snapshot as { penilai: unknown }).penilai).toEqual({ nama: 'Drs. Sekda Penilai, M.Si.', nip: '', pangkatGolongan: 'IV/c', jabatan: 'Sekretaris Daerah', unit: sekda.instansi, luar: true });
    const pdf = await download(admin, `/skp/${skp.id}/cetak.pdf`);
    const text = (await pdfPages(pdf.body as Buffer)).join('\n');
    expect(text).toContain('Drs. Sekda Penilai, M.Si.');
    expect(text).toContain(sekda.instansi);
  });

  it('is no longer "without appraiser" on the HR dashboard', async () => {
    const home = await admin.get('/').expect(200);
    expect(home.text).not.toContain(`/pegawai/${kadis.id}"`);
  });
});

/**
 * A world where only the head's SKP blocks the cycle: everyone else is out of it (the demo agency
 * of the template database deactivated), the head appraised by an official outside the agency,
 * one employee appraised by the head with an approved SKP, and the head's SKP submitted.
 */
async function headOnlyWorld(t: TestApp) {
  // The template database carries the demo agency: take it out of the cycle, so the head's SKP is
  // the one thing that blocks it (a direct write: no screen deactivates an agency at once).
  await t.db.prisma.pegawai.updateMany({ data: { aktif: false } });
  const sekda = await given.pejabatLuar(t, { nama: 'Drs. Sekda Kabupaten, M.Si.', login: true });
  const kadis = await given.pegawai(t, { jenis: 'JPT', penilaiLuar: sekda });
  const staf = await given.pegawai(t, { unitId: kadis.unitId, jenis: 'PENGAWAS', penilai: kadis });
  const siklus = await given.siklusTerbuka(t);
  const kadisSkp = await t.db.prisma.skp.findFirstOrThrow({ where: { siklusId: siklus.id, pegawaiId: kadis.id, ditutupAt: null } });
  await given.rhk(t, kadisSkp, { perspektif: 'PENERIMA_LAYANAN', teks: 'Meningkatnya kepuasan layanan informasi publik' });
  await given.skpDisetujui(t, staf, { rhk: 1 });
  const skp = await given.submit(t, kadisSkp);
  return { sekda, kadis, staf, siklus, skp };
}

const moveTo = async (t: TestApp, admin: Agent, siklusId: number) => {
  const { version } = await t.db.prisma.siklus.findUniqueOrThrow({ where: { id: siklusId } });
  return postForm(admin, `/siklus/${siklusId}/fase`, { version, ke: 'PELAKSANAAN', confirmed: '1' }, `/siklus/${siklusId}`);
};

describe('the official decides with their own login, and the cycle moves on', () => {
  let t: TestApp;
  let admin: Agent;
  let w: Awaited<ReturnType<typeof headOnlyWorld>>;
  let luar: Agent;
  beforeAll(async () => {
    t = await testApp();
    admin = await loginAs(t.app, 'admin');
    w = await headOnlyWorld(t);
    luar = await loginAs(t.app, w.sekda.login!);
  });
  afterAll(async () => { await t?.close(); });

  it('blocks the cycle while the head\'s SKP waits', async () => {
    const res = await moveTo(t, admin, w.siklus.id);
    expect(res.status).toBe(409);
    expect(res.text).toContain('1 SKP belum disetujui pejabat penilai.');
  });

  it('shows the official a home page of the SKPs addressed to them and what waits', async () => {
    const home = await luar.get('/').expect(200);
    expect(home.text).toContain('1 SKP menunggu keputusan Anda.');
    expect(home.text).toContain(`href="/skp/${w.skp.id}/tinjau"`);
    expect(home.text).toContain(w.kadis.nama);
    expect(home.text).not.toContain(w.staf.nama); // appraised by the head, not by the official
    // the menu offers nothing else
    expect(home.text).not.toContain('href="/pegawai"');
    expect(home.text).not.toContain('href="/skp"');
  });

  it('closes every other page to the official', async () => {
    for (const path of ['/pegawai', `/pegawai/${w.kadis.id}`, '/skp', `/skp/${w.skp.id}`, `/skp/${w.skp.id}/cetak.pdf`, `/skp/${w.skp.id}/versi`, '/skp/bawahan', '/skp/matriks', '/siklus', '/unit', '/pejabat-luar', '/audit', '/ping']) {
      const res = await luar.get(path);
      expect(res.status, path).toBe(403);
    }
    const stafSkp = await t.db.prisma.skp.findFirstOrThrow({ where: { pegawaiId: w.staf.id } });
    expect((await luar.get(`/skp/${stafSkp.id}/tinjau`)).status).toBe(404); // not addressed to them
  });

  it('approves on the review page: the decision is recorded and audited in the official\'s name', async () => {
    const page = await luar.get(`/skp/${w.skp.id}/tinjau`).expect(200);
    expect(page.text).toContain(`action="/skp/${w.skp.id}/setujui"`);
    expect(page.text).not.toContain(`href="/skp/${w.skp.id}/versi"`);
    const res = await postForm(luar, `/skp/${w.skp.id}/setujui`, { confirmed: '1', version: w.skp.version }, `/skp/${w.skp.id}/tinjau`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const skp = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: w.skp.id } });
    expect(skp.status).toBe('DISETUJUI');
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { pejabatLuarId: w.sekda.id } });
    const k = await t.db.prisma.keputusanSkp.findMany({ where: { skpId: w.skp.id } });
    expect(k).toMatchObject([{ jenis: 'SETUJUI', penilaiLuarId: w.sekda.id, penilaiId: null, olehUserId: user.id, dicatatHr: false, berkasId: null }]);
    const entry = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'skp.approve', entitasId: String(w.skp.id) } });
    expect(entry).toMatchObject({ actor: w.sekda.nama, userId: user.id });
    expect((await luar.get('/').expect(200)).text).toContain('Tidak ada SKP yang menunggu keputusan Anda.');
  });

  it('lets the cycle leave PERENCANAAN', async () => {
    const res = await moveTo(t, admin, w.siklus.id);
    expect(res.status).toBe(303);
    expect((await t.db.prisma.siklus.findUniqueOrThrow({ where: { id: w.siklus.id } })).fase).toBe('PELAKSANAAN');
  });
});

describe('HR records the official\'s decision on their behalf, with the signed document', () => {
  let t: TestApp;
  let admin: Agent;
  let w: Awaited<ReturnType<typeof headOnlyWorld>>;
  beforeAll(async () => {
    t = await testApp();
    admin = await loginAs(t.app, 'admin');
    w = await headOnlyWorld(t);
  });
  afterAll(async () => { await t?.close(); });

  const send = async (agent: Agent, fields: Record<string, string | number>, file?: { bytes: Buffer; name: string }) => {
    const token = await csrf(agent, `/skp/${w.skp.id}/tinjau`);
    let req = agent.post(`/skp/${w.skp.id}/atas-nama`).field('_csrf', token);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, String(v));
    if (file) req = req.attach('berkas', file.bytes, file.name);
    return req;
  };
  const version = async () => (await t.db.prisma.skp.findUniqueOrThrow({ where: { id: w.skp.id } })).version;

  it('offers HR the form "atas nama" the official on the review page (and no approve button of an appraiser)', async () => {
    const page = await admin.get(`/skp/${w.skp.id}/tinjau`).expect(200);
    expect(page.text).toContain(`action="/skp/${w.skp.id}/atas-nama"`);
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).not.toContain(`action="/skp/${w.skp.id}/setujui"`);
    // an SKP whose appraiser is in the agency: HR is not its appraiser
    const stafSkp = await t.db.prisma.skp.findFirstOrThrow({ where: { pegawaiId: w.staf.id } });
    expect((await admin.get(`/skp/${stafSkp.id}/tinjau`)).status).toBe(403);
  });

  it('refuses without the document, or with one that is not a PDF or image by its content, keeping what was typed', async () => {
    const none = await send(admin, { version: await version(), jenis: 'KEMBALIKAN', alasan: 'Target kinerja perlu diselaraskan dengan RPJMD' });
    expect(none.status).toBe(409);
    expect(none.text).toContain('Lampirkan dokumen bertanda tangan.');
    expect(none.text).toContain('Target kinerja perlu diselaraskan dengan RPJMD');
    const fake = await send(admin, { version: await version(), jenis: 'SETUJUI' }, { bytes: Buffer.from('bukan pdf sungguhan'), name: 'palsu.pdf' });
    expect(fake.status).toBe(409);
    expect(fake.text).toContain('Berkas palsu.pdf bukan PDF, PNG atau JPEG');
    const zip = await send(admin, { version: await version(), jenis: 'SETUJUI' }, { bytes: Buffer.from('PK\u0003\u0004' + 'x'.repeat(40)), name: 'arsip.pdf' });
    expect(zip.status).toBe(409);
    const short = await send(admin, { version: await version(), jenis: 'KEMBALIKAN', alasan: 'Kurang' }, { bytes: PDF, name: 'ttd.pdf' });
    expect(short.status).toBe(422);
    expect(await t.db.prisma.berkas.count()).toBe(0);
    expect((await t.db.prisma.skp.findUniqueOrThrow({ where: { id: w.skp.id } })).status).toBe('DIAJUKAN');
  });

  it('is for HR only: the employee and the official themselves cannot post it', async () => {
    const owner = await loginAs(t.app, w.kadis.login);
    expect((await send(owner, { version: await version(), jenis: 'SETUJUI' }, { bytes: PDF, name: 'ttd.pdf' })).status).toBe(403);
    const luar = await loginAs(t.app, w.sekda.login!);
    expect((await send(luar, { version: await version(), jenis: 'SETUJUI' }, { bytes: PDF, name: 'ttd.pdf' })).status).toBe(403);
  });

  it('returns on behalf with an image of the signed document: recorded as the official\'s, "dicatat oleh" HR', async () => {
    // a deliberate step asks first (issue 9): the document is checked and kept, nothing is decided yet
    const ask = await send(admin, { version: await version(), jenis: 'KEMBALIKAN', alasan: 'Indikator kinerja belum terukur' }, { bytes: PNG, name: 'disposisi.png' });
    expect(ask.status).toBe(200);
    expect(ask.text).toContain('dikembalikan atas nama');
    expect(ask.text).toContain('disposisi.png');
    expect((await t.db.prisma.skp.findUniqueOrThrow({ where: { id: w.skp.id } })).status).toBe('DIAJUKAN');
    expect(await t.db.prisma.berkas.count()).toBe(0);
    const token = /name="berkasToken" value="([^"]+)"/.exec(ask.text)![1]!;
    // a token that is not the one held gives nothing: the document is asked for again
    const forged = await postForm(admin, `/skp/${w.skp.id}/atas-nama`, { version: await version(), jenis: 'KEMBALIKAN', alasan: 'Indikator kinerja belum terukur', berkasToken: 'bukan-token', confirmed: '1' }, `/skp/${w.skp.id}/tinjau`);
    expect(forged.status).toBe(409);
    expect(forged.text).toContain('Lampirkan dokumen bertanda tangan.');
    // the confirmation form carries the token, not the file
    const res = await postForm(admin, `/skp/${w.skp.id}/atas-nama`, { version: await version(), jenis: 'KEMBALIKAN', alasan: 'Indikator kinerja belum terukur', berkasToken: token, confirmed: '1' }, `/skp/${w.skp.id}/tinjau`);
    expect(res.status).toBe(303);
    const skp = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: w.skp.id } });
    expect(skp).toMatchObject({ status: 'DIKEMBALIKAN', alasanKembali: 'Indikator kinerja belum terukur' });
    const k = await t.db.prisma.keputusanSkp.findFirstOrThrow({ where: { skpId: w.skp.id }, include: { berkas: true } });
    expect(k).toMatchObject({ jenis: 'KEMBALIKAN', penilaiLuarId: w.sekda.id, penilaiId: null, dicatatHr: true, berkas: { nama: 'disposisi.png', mime: 'image/png', ukuran: PNG.length } });
    const adminUser = await t.db.prisma.user.findFirstOrThrow({ where: { username: 'admin' } });
    expect(k.olehUserId).toBe(adminUser.id);
    const entry = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'skp.return', entitasId: String(w.skp.id) } });
    expect(entry.actor).toBe(`${w.sekda.nama} (dicatat oleh admin)`);
    expect(entry.userId).toBe(adminUser.id);
  });

  it('approves on behalf after the head resubmits; the cycle then leaves PERENCANAAN', async () => {
    await given.submit(t, w.skp);
    expect((await moveTo(t, admin, w.siklus.id)).status).toBe(409);
    const res = await send(admin, { version: await version(), jenis: 'SETUJUI', confirmed: '1' }, { bytes: PDF, name: 'SKP bertanda tangan.pdf' });
    expect(res.status).toBe(303);
    expect((await t.db.prisma.skp.findUniqueOrThrow({ where: { id: w.skp.id } })).status).toBe('DISETUJUI');
    const k = await t.db.prisma.keputusanSkp.findMany({ where: { skpId: w.skp.id }, orderBy: { id: 'asc' } });
    expect(k.map((x) => [x.jenis, x.dicatatHr, x.penilaiLuarId])).toEqual([['KEMBALIKAN', true, w.sekda.id], ['SETUJUI', true, w.sekda.id]]);
    expect((await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'skp.approve', entitasId: String(w.skp.id) } })).actor).toBe(`${w.sekda.nama} (dicatat oleh admin)`);
    expect((await moveTo(t, admin, w.siklus.id)).status).toBe(303);
    expect((await t.db.prisma.siklus.findUniqueOrThrow({ where: { id: w.siklus.id } })).fase).toBe('PELAKSANAAN');
  });

  it('serves the signed document only to those who may see the SKP', async () => {
    const k = await t.db.prisma.keputusanSkp.findFirstOrThrow({ where: { skpId: w.skp.id, jenis: 'SETUJUI' } });
    const path = `/skp/${w.skp.id}/keputusan/${k.id}/berkas`;
    const page = await admin.get(`/skp/${w.skp.id}/tinjau`).expect(200);
    expect(page.text).toContain(`href="${path}"`);
    expect(page.text).toContain('dicatat oleh');
    const got = await download(admin, path);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);
    const owner = await loginAs(t.app, w.kadis.login);
    expect((await download(owner, path)).status).toBe(200);
    const luar = await loginAs(t.app, w.sekda.login!);
    expect((await download(luar, path)).status).toBe(200);
    const staf = await loginAs(t.app, w.staf.login); // appraised by the head: may not see the head's SKP
    expect((await staf.get(path)).status).toBe(404);
    expect((await request(t.app).get(path)).status).toBe(303);
    const other = await t.db.prisma.skp.findFirstOrThrow({ where: { pegawaiId: w.staf.id } });
    expect((await admin.get(`/skp/${other.id}/keputusan/${k.id}/berkas`)).status).toBe(404); // a decision of another SKP
  });
});
