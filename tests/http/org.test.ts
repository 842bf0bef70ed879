import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';

// Organisation management as the admin, through the real forms: units, positions, employees.
// The records the tests read and change are their own (tests/helpers/given.ts, organisasi()):
// kadis → pimpinan → penilai → self and rekan, with their units; the demo agency is only there.

let t: TestApp;
let admin: Agent;
let world: given.Organisasi;
beforeAll(async () => {
  t = await testApp();
  admin = await loginAs(t.app, 'admin');
  world = await given.organisasi(t);
});
afterAll(async () => { await t.close(); });

const unitByKode = (kode: string) => t.db.prisma.unitKerja.findUniqueOrThrow({ where: { kode } });
const pegawaiByNip = (nip: string) => t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip } });
/** The version a form carries in its hidden field. */
const versionIn = (html: string) => Number(/name="version" value="(\d+)"/.exec(html)?.[1]);
/** The error message shown under one field of a re-rendered form. */
const fieldError = (html: string, name: string) => [...html.matchAll(/<small class="error" id="f-([^"]+)-err">([^<]*)<\/small>/g)].find((m) => m[1] === name)?.[2];
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&#34;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
/** The employees listed on a page of /pegawai. */
const listed = (html: string) => [...html.matchAll(/<td[^>]*><a href="\/pegawai\/(\d+)">([^<]+)<\/a>/g)].map((m) => ({ id: Number(m[1]), nama: unescape(m[2]!) }));
const found = (html: string) => Number(/<span class="found">([\d.]+) pegawai<\/span>/.exec(html)?.[1]?.replace(/\./g, ''));

describe('search and paging', () => {
  // 52 employees in a unit of their own: one full page of 50 and a second page of 2.
  let crowd: { unitId: number; ids: number[] };
  let named: given.GivenPegawai;
  beforeAll(async () => {
    const j = await given.jabatan(t);
    const ids: number[] = [];
    for (let i = 0; i < 52; i++) ids.push((await given.pegawai(t, { jabatanId: j.id, nama: `Anggota Kerumunan ${String(i).padStart(2, '0')}` })).id);
    crowd = { unitId: j.unitId, ids };
    named = await given.pegawai(t, { nama: 'Raden Qorintaningrum, S.T.' });
  });

  it('finds an employee by part of the name, in any case', async () => {
    const res = await admin.get('/pegawai?q=qorintaN').expect(200);
    expect(listed(res.text).map((r) => r.nama)).toEqual([named.nama]);
  });

  it('finds employees by a NIP prefix (spaces allowed) and only those', async () => {
    const prefix = named.nip.slice(0, 8);
    const res = await admin.get(`/pegawai?q=${encodeURIComponent(prefix.slice(0, 4) + ' ' + prefix.slice(4))}`).expect(200);
    const rows = listed(res.text);
    expect(rows.map((r) => r.nama)).toContain(named.nama);
    const expected = await t.db.prisma.pegawai.count({ where: { nip: { startsWith: prefix }, aktif: true } });
    expect(rows).toHaveLength(expected);
    expect(res.text).toContain(named.nip);
    const full = await admin.get(`/pegawai?q=${world.people.kadis.nip}`).expect(200);
    expect(listed(full.text).map((r) => r.nama)).toEqual([world.people.kadis.nama]);
  });

  it('pages 50 rows at a time: page 2 has the remaining 2', async () => {
    const p1 = await admin.get(`/pegawai?unitId=${crowd.unitId}`).expect(200);
    const p2 = await admin.get(`/pegawai?unitId=${crowd.unitId}&page=2`).expect(200);
    expect(found(p1.text)).toBe(52);
    const a = listed(p1.text);
    const b = listed(p2.text);
    expect(a).toHaveLength(50);
    expect(b).toHaveLength(2);
    const all = new Set([...a, ...b].map((r) => r.id));
    expect([...all].sort((x, y) => x - y)).toEqual([...crowd.ids].sort((x, y) => x - y));
    expect(p1.text).toContain('Halaman 1 dari 2');
    expect(p1.text).toMatch(/href="\/pegawai\?[^"]*page=2&amp;setelah=\d+" rel="next"/);
    expect(p2.text).toContain('Halaman 2 dari 2');
    expect(p2.text).toContain('rel="prev"');
    expect(p2.text).not.toContain('rel="next"');
    // sorted by name across the page boundary
    const names = [...a, ...b].map((r) => r.nama);
    expect(names.slice(49, 51)).toEqual([...names.slice(49, 51)].sort((x, y) => (x < y ? -1 : 1)));
  });

  it('lists the appraisees of one appraiser (the link on their page)', async () => {
    const penilai = world.people.penilai;
    const detail = await admin.get(`/pegawai/${penilai.id}`).expect(200);
    expect(detail.text).toContain(`/pegawai?penilai=${penilai.id}`);
    const res = await admin.get(`/pegawai?penilai=${penilai.id}`).expect(200);
    const expected = await t.db.prisma.pegawai.findMany({ where: { penilaiId: penilai.id, aktif: true }, select: { id: true } });
    expect(listed(res.text).map((r) => r.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(expected.map((e) => e.id).sort()).toEqual([world.people.self.id, world.people.rekan.id].sort());
  });

  it('returns an empty last page past the end instead of failing', async () => {
    const res = await admin.get('/pegawai?page=99').expect(200);
    expect(listed(res.text)).toHaveLength(0);
    expect(res.text).toContain('Tidak ada pegawai yang cocok.');
  });
});

describe('unit kerja', () => {
  it('creates a child unit with the right path, an audit entry and a success message', async () => {
    const aptika = await unitByKode(world.units.bidang.kode);
    const res = await postForm(admin, '/unit', { kode: 'UJI.AI', nama: 'Seksi Kecerdasan Artifisial', parentId: aptika.id }, '/unit/baru');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/unit');
    const unit = await unitByKode('UJI.AI');
    expect(unit.parentId).toBe(aptika.id);
    expect(unit.path).toBe(`${aptika.path}${unit.id}/`);
    expect(unit.aktif).toBe(true);
    const list = await admin.get('/unit').expect(200);
    expect(list.text).toContain('Unit kerja Seksi Kecerdasan Artifisial ditambahkan.');
    expect(list.text).toContain('UJI.AI');
    const log = await t.db.prisma.auditLog.findFirst({ where: { aksi: 'unit.create', entitasId: String(unit.id) } });
    expect(log?.actor).toBe('admin');
  });

  it('edits a unit (name) and bumps its version', async () => {
    const unit = await unitByKode('UJI.AI');
    const form = await admin.get(`/unit/${unit.id}/ubah`).expect(200);
    expect(versionIn(form.text)).toBe(unit.version);
    const res = await postForm(admin, `/unit/${unit.id}`, { kode: unit.kode, nama: 'Seksi Kecerdasan Buatan', parentId: unit.parentId!, aktif: '1', version: unit.version });
    expect(res.status).toBe(303);
    const after = await unitByKode('UJI.AI');
    expect(after.nama).toBe('Seksi Kecerdasan Buatan');
    expect(after.version).toBe(unit.version + 1);
  });

  it('moves a unit with its sub-units: every path below follows', async () => {
    const ai = await unitByKode('UJI.AI');
    expect((await postForm(admin, '/unit', { kode: 'UJI.AI.LAB', nama: 'Laboratorium Data', parentId: ai.id })).status).toBe(303);
    const sek = await unitByKode(world.units.lain.kode);
    const res = await postForm(admin, `/unit/${ai.id}`, { kode: ai.kode, nama: ai.nama, parentId: sek.id, aktif: '1', version: ai.version });
    expect(res.status).toBe(303);
    const moved = await unitByKode('UJI.AI');
    const lab = await unitByKode('UJI.AI.LAB');
    expect(moved.path).toBe(`${sek.path}${ai.id}/`);
    expect(lab.path).toBe(`${sek.path}${ai.id}/${lab.id}/`);
  });

  it('refuses to move a unit under its own child', async () => {
    const aptika = await unitByKode(world.units.bidang.kode);
    const leg = await unitByKode(world.units.seksi.kode);
    const res = await postForm(admin, `/unit/${aptika.id}`, { kode: aptika.kode, nama: aptika.nama, parentId: leg.id, aktif: '1', version: aptika.version });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Unit tidak dapat dipindahkan ke bawah unitnya sendiri.');
    const after = await unitByKode(world.units.bidang.kode);
    expect(after.path).toBe(aptika.path);
    expect(after.parentId).toBe(aptika.parentId);
    expect(after.version).toBe(aptika.version);
  });

  it('refuses a duplicate kode with a message on the kode field, keeping what was typed', async () => {
    const taken = world.units.lain.kode;
    const res = await postForm(admin, '/unit', { kode: taken, nama: 'Unit Kembar', parentId: '' });
    expect(res.status).toBe(409);
    expect(fieldError(res.text, 'kode')).toBe(`Kode ${taken} sudah dipakai.`);
    expect(res.text).toContain('value="Unit Kembar"');
    expect(await t.db.prisma.unitKerja.count({ where: { nama: 'Unit Kembar' } })).toBe(0);
    // the same on edit
    const ai = await unitByKode('UJI.AI');
    const edit = await postForm(admin, `/unit/${ai.id}`, { kode: world.units.root.kode, nama: ai.nama, parentId: ai.parentId!, aktif: '1', version: ai.version });
    expect(edit.status).toBe(409);
    expect(fieldError(edit.text, 'kode')).toBe(`Kode ${world.units.root.kode} sudah dipakai.`);
  });

  it('shows field messages for an invalid unit form', async () => {
    const res = await postForm(admin, '/unit', { kode: 'ada spasi', nama: 'AB', parentId: '' });
    expect(res.status).toBe(422);
    expect(fieldError(res.text, 'kode')).toBe('Kode hanya boleh huruf, angka, titik, garis bawah, dan tanda hubung.');
    expect(fieldError(res.text, 'nama')).toBe('Minimal 3 karakter.');
  });

  it('refuses to deactivate a unit that still has active employees (its subtree counted)', async () => {
    const aptika = await unitByKode(world.units.bidang.kode);
    const busy = await t.db.prisma.pegawai.count({ where: { aktif: true, unit: { path: { startsWith: aptika.path } } } });
    const res = await postForm(admin, `/unit/${aptika.id}`, { kode: aptika.kode, nama: aptika.nama, parentId: aptika.parentId!, aktif: '0', version: aptika.version });
    expect(res.status).toBe(409);
    expect(res.text).toContain(`Unit ini (beserta sub-unitnya) masih memiliki ${busy} pegawai aktif. Pindahkan mereka lebih dahulu.`);
    expect((await unitByKode(world.units.bidang.kode)).aktif).toBe(true);
  });

  it('deactivates an empty unit', async () => {
    const lab = await unitByKode('UJI.AI.LAB');
    const res = await postForm(admin, `/unit/${lab.id}`, { kode: lab.kode, nama: lab.nama, parentId: lab.parentId!, aktif: '0', version: lab.version });
    expect(res.status).toBe(303);
    expect((await unitByKode('UJI.AI.LAB')).aktif).toBe(false);
  });

  it('refuses an inactive unit as the parent of a new unit, keeping what was typed', async () => {
    const lab = await unitByKode('UJI.AI.LAB');
    const res = await postForm(admin, '/unit', { kode: 'LAB.X', nama: 'Sub Lab Baru', parentId: lab.id }, '/unit/baru');
    expect(res.status).toBe(409);
    expect(fieldError(res.text, 'parentId')).toBe('Unit induk nonaktif; pilih unit yang aktif.');
    expect(res.text).toContain('value="Sub Lab Baru"');
    expect(await t.db.prisma.unitKerja.count({ where: { kode: 'LAB.X' } })).toBe(0);
  });
});

describe('jabatan', () => {
  it('creates a position in a unit', async () => {
    const ai = await unitByKode('UJI.AI');
    const res = await postForm(admin, '/jabatan', { kode: 'AI.J01', nama: 'Analis Kecerdasan Buatan', jenis: 'FUNGSIONAL', unitId: ai.id, kategoriJf: 'KEAHLIAN', jenjangJf: 'MUDA' }, '/jabatan/baru');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/jabatan?unitId=${ai.id}`);
    const j = await t.db.prisma.jabatan.findUniqueOrThrow({ where: { kode: 'AI.J01' } });
    expect(j).toMatchObject({ nama: 'Analis Kecerdasan Buatan', jenis: 'FUNGSIONAL', kategoriJf: 'KEAHLIAN', jenjangJf: 'MUDA', unitId: ai.id, aktif: true });
    const list = await admin.get(res.headers.location!).expect(200);
    expect(list.text).toContain('Jabatan Analis Kecerdasan Buatan ditambahkan.');
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'jabatan.create', entitasId: String(j.id) } })).toBe(1);
  });

  it('edits a position', async () => {
    const j = await t.db.prisma.jabatan.findUniqueOrThrow({ where: { kode: 'AI.J01' } });
    const form = await admin.get(`/jabatan/${j.id}/ubah`).expect(200);
    const res = await postForm(admin, `/jabatan/${j.id}`, { kode: j.kode, nama: 'Pranata Kecerdasan Buatan', jenis: 'PELAKSANA', unitId: j.unitId, aktif: '1', version: versionIn(form.text) });
    expect(res.status).toBe(303);
    const after = await t.db.prisma.jabatan.findUniqueOrThrow({ where: { id: j.id } });
    expect(after).toMatchObject({ nama: 'Pranata Kecerdasan Buatan', jenis: 'PELAKSANA', kategoriJf: null, jenjangJf: null, version: j.version + 1 });
  });

  it('refuses a duplicate kode and an unknown jenis with field messages', async () => {
    const ai = await unitByKode('UJI.AI');
    const dup = await postForm(admin, '/jabatan', { kode: 'AI.J01', nama: 'Jabatan Kembar', jenis: 'PELAKSANA', unitId: ai.id });
    expect(dup.status).toBe(409);
    expect(fieldError(dup.text, 'kode')).toBe('Kode AI.J01 sudah dipakai.');
    const bad = await postForm(admin, '/jabatan', { kode: 'AI.J02', nama: 'Jabatan Aneh', jenis: 'RAJA', unitId: ai.id });
    expect(bad.status).toBe(422);
    expect(fieldError(bad.text, 'jenis')).toBe('Pilih salah satu pilihan yang tersedia.');
  });
});

describe('pegawai', () => {
  const NEW_NIP = '199001012020011001';
  const newPegawai = async () => {
    const jabatan = await t.db.prisma.jabatan.findUniqueOrThrow({ where: { id: world.people.self.jabatanId } });
    expect(jabatan.jenis).toBe('PELAKSANA');
    return { nip: NEW_NIP, nama: 'Galih Pratama, S.Kom.', jenisAsn: 'PNS', pangkatGolongan: 'III/a', email: 'galih.pratama@sukamajukab.go.id', jabatanId: jabatan.id, penilaiNip: world.people.penilai.nip };
  };

  it('creates an employee: one-time password in the flash, riwayat and audit rows, and a working login', async () => {
    const body = await newPegawai();
    const res = await postForm(admin, '/pegawai', body, '/pegawai/baru');
    expect(res.status).toBe(303);
    const p = await pegawaiByNip(NEW_NIP);
    expect(res.headers.location).toBe(`/pegawai/${p.id}`);
    expect(p).toMatchObject({ nama: body.nama, jenisAsn: 'PNS', pangkatGolongan: 'III/a', aktif: true, penilaiId: world.people.penilai.id });
    const page = await admin.get(res.headers.location!).expect(200);
    const m = /Login: (\d{18}), kata sandi awal: ([A-Za-z0-9_-]+) \(sampaikan/.exec(page.text);
    expect(m?.[1]).toBe(NEW_NIP);
    // shown once only
    expect((await admin.get(res.headers.location!)).text).not.toContain('kata sandi awal');
    const riwayat = await t.db.prisma.riwayatPegawai.findMany({ where: { pegawaiId: p.id } });
    expect(riwayat).toHaveLength(1);
    expect(riwayat[0]).toMatchObject({ aktif: true, keterangan: 'Pegawai baru', jabatanId: body.jabatanId });
    const log = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'pegawai.create', entitasId: String(p.id) } });
    expect(log.actor).toBe('admin');
    expect((log.after as { nip: string }).nip).toBe(NEW_NIP);
    const me = await loginAs(t.app, { login: NEW_NIP, password: m![2]! });
    expect((await me.get('/').expect(200)).text).toContain('Galih Pratama');
  });

  it('refuses a NIP that is already registered', async () => {
    const res = await postForm(admin, '/pegawai', await newPegawai());
    expect(res.status).toBe(409);
    expect(fieldError(res.text, 'nip')).toBe(`NIP ${NEW_NIP} sudah terdaftar.`);
  });

  it.each([
    ['199001012020013001', 'Digit 15 NIP (jenis kelamin) harus 1 atau 2.'],
    ['199001012020011000', 'Digit 16–18 NIP (nomor urut) tidak boleh 000.'],
    ['19900101202001100', 'NIP harus 18 digit.'],
    ['19900101202001100X', 'NIP hanya boleh berisi angka.'],
    ['199013012020011001', 'Digit 1–8 NIP (tanggal lahir TTTTBBHH) bukan tanggal yang valid.'],
    ['199001012020131001', 'Digit 9–14 NIP (TMT pengangkatan TTTTBB) harus berisi bulan 01–12 (atau 21 untuk PPPK).'],
  ])('refuses NIP %s with 422 and the specific message, keeping the other values', async (nip, message) => {
    const body = { ...(await newPegawai()), nip, nama: 'Citra Lestari, S.E.', email: 'citra@sukamajukab.go.id' };
    const res = await postForm(admin, '/pegawai', body);
    expect(res.status).toBe(422);
    expect(fieldError(res.text, 'nip')).toBe(message);
    expect(res.text).toContain(`value="${nip}"`);
    expect(res.text).toContain('value="Citra Lestari, S.E."');
    expect(res.text).toContain('value="citra@sukamajukab.go.id"');
    expect(res.text).toContain(`value="${world.people.penilai.nip}"`);
    expect(res.text).toContain(`<option value="${body.jabatanId}" selected>`);
    expect(res.text).toMatch(/<option value="III\/a" selected/);
    expect(await t.db.prisma.pegawai.count({ where: { nama: 'Citra Lestari, S.E.' } })).toBe(0);
  });

  it('refuses an appraiser loop and names it', async () => {
    const kadis = await pegawaiByNip(world.people.kadis.nip);
    const { self: pegawai, penilai, pimpinan } = world.people;
    const form = await admin.get(`/pegawai/${kadis.id}/ubah`).expect(200);
    const res = await postForm(admin, `/pegawai/${kadis.id}`, {
      nip: kadis.nip, nama: kadis.nama, jenisAsn: kadis.jenisAsn, pangkatGolongan: kadis.pangkatGolongan, email: kadis.email ?? '',
      jabatanId: kadis.jabatanId, penilaiNip: pegawai.nip, version: versionIn(form.text),
    });
    expect(res.status).toBe(409);
    const msg = unescape(fieldError(res.text, 'penilaiNip') ?? '');
    expect(msg).toMatch(/^Rantai pejabat penilai akan berputar: /);
    expect(msg).toContain('→');
    expect(msg).toContain(kadis.nama);
    expect(msg).toContain(pegawai.nama);
    // the full chain, from the Kepala Dinas back to the Kepala Dinas
    expect(msg).toBe(`Rantai pejabat penilai akan berputar: ${kadis.nama} → ${pegawai.nama} → ${penilai.nama} → ${pimpinan.nama} → ${kadis.nama}.`);
    const after = await pegawaiByNip(kadis.nip);
    expect(after.penilaiId).toBeNull();
    expect(after.version).toBe(kadis.version);
  });

  it('refuses to make someone their own appraiser', async () => {
    const p = await pegawaiByNip(world.people.penilai.nip);
    const res = await postForm(admin, `/pegawai/${p.id}`, {
      nip: p.nip, nama: p.nama, jenisAsn: p.jenisAsn, pangkatGolongan: p.pangkatGolongan, email: p.email ?? '', jabatanId: p.jabatanId, penilaiNip: p.nip, version: p.version,
    });
    expect(res.status).toBe(409);
    expect(fieldError(res.text, 'penilaiNip')).toBe('Pegawai tidak dapat menjadi pejabat penilai dirinya sendiri.');
  });

  it('refuses to deactivate someone who still appraises active employees', async () => {
    const penilai = await pegawaiByNip(world.people.penilai.nip);
    const appraisees = await t.db.prisma.pegawai.count({ where: { penilaiId: penilai.id, aktif: true } });
    const res = await postForm(admin, `/pegawai/${penilai.id}/nonaktifkan`, { version: penilai.version, alasan: 'Mutasi ke luar daerah' });
    expect(res.status).toBe(409);
    expect(res.text).toContain(`Pegawai ini masih menjadi pejabat penilai ${appraisees} pegawai aktif.`);
    expect((await pegawaiByNip(world.people.penilai.nip)).aktif).toBe(true);
  });

  it('requires a reason to deactivate', async () => {
    const p = await pegawaiByNip(world.people.self.nip);
    const res = await postForm(admin, `/pegawai/${p.id}/nonaktifkan`, { version: p.version, alasan: '' });
    expect(res.status).toBe(422);
    expect(fieldError(res.text, 'alasan')).toBe('Wajib diisi.');
    const short = await postForm(admin, `/pegawai/${p.id}/nonaktifkan`, { version: p.version, alasan: 'ok' });
    expect(fieldError(short.text, 'alasan')).toBe('Minimal 5 karakter.');
    expect((await pegawaiByNip(world.people.self.nip)).aktif).toBe(true);
  });

  it('deactivates an employee with a reason: history kept, login refused, open session ended', async () => {
    const session = await loginAs(t.app, world.people.self.login);
    const p = await pegawaiByNip(world.people.self.nip);
    const detail = await admin.get(`/pegawai/${p.id}`).expect(200);
    const res = await postForm(admin, `/pegawai/${p.id}/nonaktifkan`, { version: versionIn(detail.text), alasan: 'Mutasi ke Pemerintah Provinsi' });
    expect(res.status).toBe(303);
    const after = await t.db.prisma.pegawai.findUnique({ where: { id: p.id } });
    expect(after).toMatchObject({ aktif: false, alasanNonaktif: 'Mutasi ke Pemerintah Provinsi', nip: p.nip, nama: p.nama, jabatanId: p.jabatanId, penilaiId: p.penilaiId });
    const last = await t.db.prisma.riwayatPegawai.findFirstOrThrow({ where: { pegawaiId: p.id }, orderBy: { id: 'desc' } });
    expect(last).toMatchObject({ aktif: false, keterangan: 'Mutasi ke Pemerintah Provinsi' });
    expect(await t.db.prisma.riwayatPegawai.count({ where: { pegawaiId: p.id } })).toBe(2);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'pegawai.deactivate', entitasId: String(p.id) } })).toBe(1);
    const page = await admin.get(`/pegawai/${p.id}`).expect(200);
    expect(page.text).toContain('Pegawai dinonaktifkan. Riwayat dan datanya tetap tersimpan.');
    expect(page.text).toContain('Mutasi ke Pemerintah Provinsi');
    await expect(loginAs(t.app, world.people.self.login)).rejects.toThrow(/401/);
    const cut = await session.get('/').expect(303);
    expect(cut.headers.location).toBe('/login');
    // off the default list, on the "nonaktif" one
    const q = encodeURIComponent(p.nama);
    expect(listed((await admin.get(`/pegawai?q=${q}`)).text)).toHaveLength(0);
    expect(listed((await admin.get(`/pegawai?q=${q}&status=nonaktif`)).text).map((r) => r.id)).toEqual([p.id]);
  });

  it('reactivates the employee; they can log in again', async () => {
    const p = await pegawaiByNip(world.people.self.nip);
    const detail = await admin.get(`/pegawai/${p.id}`).expect(200);
    expect(detail.text).toContain(`action="/pegawai/${p.id}/aktifkan"`);
    const res = await postForm(admin, `/pegawai/${p.id}/aktifkan`, { version: versionIn(detail.text) });
    expect(res.status).toBe(303);
    const after = await pegawaiByNip(world.people.self.nip);
    expect(after.aktif).toBe(true);
    expect(after.alasanNonaktif).toBeNull();
    const last = await t.db.prisma.riwayatPegawai.findFirstOrThrow({ where: { pegawaiId: p.id }, orderBy: { id: 'desc' } });
    expect(last).toMatchObject({ aktif: true, keterangan: 'Diaktifkan kembali' });
    await loginAs(t.app, world.people.self.login);
  });

  it('records a riwayat row when the position or appraiser changes, and not otherwise', async () => {
    const p = await pegawaiByNip(NEW_NIP);
    const base = { nip: p.nip, nama: p.nama, jenisAsn: p.jenisAsn, pangkatGolongan: p.pangkatGolongan, email: p.email ?? '', jabatanId: p.jabatanId };
    expect((await postForm(admin, `/pegawai/${p.id}`, { ...base, nama: 'Galih Pratama, S.Kom., M.T.', penilaiNip: world.people.penilai.nip, version: p.version })).status).toBe(303);
    expect(await t.db.prisma.riwayatPegawai.count({ where: { pegawaiId: p.id } })).toBe(1);
    expect((await postForm(admin, `/pegawai/${p.id}`, { ...base, penilaiNip: world.people.pimpinan.nip, version: p.version + 1 })).status).toBe(303);
    const rows = await t.db.prisma.riwayatPegawai.findMany({ where: { pegawaiId: p.id }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(2);
    expect(rows[1]!.penilaiId).toBe((await pegawaiByNip(world.people.pimpinan.nip)).id);
  });
});
