import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';

// Two people editing the same record: optimistic locking through the form's hidden version.

const CONFLICT = 'Data ini baru saja diubah oleh orang lain';

let t: TestApp;
let first: Agent;
let second: Agent;
/** The records the tests edit: their own, made through the services. */
let w: Awaited<ReturnType<typeof given.pegawaiWithPenilai>>;
beforeAll(async () => {
  t = await testApp();
  w = await given.pegawaiWithPenilai(t);
  first = await loginAs(t.app, 'admin');
  second = await loginAs(t.app, 'admin');
});
afterAll(async () => { await t.close(); });

/** Opens an edit form: its CSRF token and the version in its hidden field. */
async function openForm(agent: Agent, path: string) {
  const res = await agent.get(path).expect(200);
  const version = /name="version" value="(\d+)"/.exec(res.text)?.[1];
  const token = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1];
  if (!version || !token) throw new Error(`no version/token on ${path}`);
  return { version, token };
}

describe('optimistic locking', () => {
  it('keeps the first save of an employee and refuses the second with 409', async () => {
    const p = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: w.pegawai.id }, include: { penilai: true } });
    const a = await openForm(first, `/pegawai/${p.id}/ubah`);
    const b = await openForm(second, `/pegawai/${p.id}/ubah`);
    expect(a.version).toBe(String(p.version));
    expect(b.version).toBe(a.version);
    const base = { nip: p.nip, jenisAsn: p.jenisAsn, pangkatGolongan: p.pangkatGolongan, email: p.email ?? '', jabatanId: String(p.jabatanId), penilaiNip: p.penilai!.nip };

    const saved = await first.post(`/pegawai/${p.id}`).type('form').send({ _csrf: a.token, ...base, nama: `${p.nama}, M.T.`, version: a.version });
    expect(saved.status).toBe(303);
    const refused = await second.post(`/pegawai/${p.id}`).type('form').send({ _csrf: b.token, ...base, nama: `${p.nama}, S.Kom.`, pangkatGolongan: 'III/b', version: b.version });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(CONFLICT);
    // the second person's typing is not lost from the form
    expect(refused.text).toContain(`value="${p.nama}, S.Kom."`);

    const after = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: p.id } });
    expect(after.nama).toBe(`${p.nama}, M.T.`);
    expect(after.pangkatGolongan).toBe(p.pangkatGolongan);
    expect(after.version).toBe(p.version + 1);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'pegawai.update', entitasId: String(p.id) } })).toBe(1);

    // after reloading, the second person can save on top of the new version
    const again = await openForm(second, `/pegawai/${p.id}/ubah`);
    expect(again.version).toBe(String(p.version + 1));
    const ok = await second.post(`/pegawai/${p.id}`).type('form').send({ _csrf: again.token, ...base, nama: `${p.nama}, M.T.`, pangkatGolongan: 'III/b', version: again.version });
    expect(ok.status).toBe(303);
    expect((await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: p.id } })).pangkatGolongan).toBe('III/b');
  });

  it('keeps the first save of a unit and refuses the second with 409', async () => {
    const u = await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { id: (await given.unit(t, { parentId: w.unitId })).id } });
    const a = await openForm(first, `/unit/${u.id}/ubah`);
    const b = await openForm(second, `/unit/${u.id}/ubah`);
    expect(b.version).toBe(a.version);
    const base = { kode: u.kode, parentId: String(u.parentId), aktif: '1' };
    const saved = await first.post(`/unit/${u.id}`).type('form').send({ _csrf: a.token, ...base, nama: 'Seksi Komunikasi Publik', version: a.version });
    expect(saved.status).toBe(303);
    const refused = await second.post(`/unit/${u.id}`).type('form').send({ _csrf: b.token, ...base, nama: 'Seksi Kemitraan Media', version: b.version });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(CONFLICT);
    const after = await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.nama).toBe('Seksi Komunikasi Publik');
    expect(after.version).toBe(u.version + 1);
  });

  it('keeps the first save of a jabatan and refuses the second with 409', async () => {
    const j = await t.db.prisma.jabatan.findUniqueOrThrow({ where: { id: (await given.jabatan(t, { jenis: 'FUNGSIONAL' })).id } });
    const a = await openForm(first, `/jabatan/${j.id}/ubah`);
    const b = await openForm(second, `/jabatan/${j.id}/ubah`);
    const base = { kode: j.kode, jenis: j.jenis, unitId: String(j.unitId), aktif: '1', kategoriJf: j.kategoriJf ?? '', jenjangJf: j.jenjangJf ?? '' };
    expect((await first.post(`/jabatan/${j.id}`).type('form').send({ _csrf: a.token, ...base, nama: `${j.nama} (A)`, version: a.version })).status).toBe(303);
    const refused = await second.post(`/jabatan/${j.id}`).type('form').send({ _csrf: b.token, ...base, nama: `${j.nama} (B)`, version: b.version });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(CONFLICT);
    expect((await t.db.prisma.jabatan.findUniqueOrThrow({ where: { id: j.id } })).nama).toBe(`${j.nama} (A)`);
  });

  it('refuses a deactivation sent from a page opened before someone else changed the employee', async () => {
    const p = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: (await given.pegawai(t, { penilai: w.penilai })).id }, include: { penilai: true } });
    const stale = await openForm(second, `/pegawai/${p.id}`);
    const edit = await openForm(first, `/pegawai/${p.id}/ubah`);
    const saved = await first.post(`/pegawai/${p.id}`).type('form').send({
      _csrf: edit.token, nip: p.nip, nama: `${p.nama} Jr.`, jenisAsn: p.jenisAsn, pangkatGolongan: p.pangkatGolongan, email: p.email ?? '', jabatanId: String(p.jabatanId), penilaiNip: p.penilai!.nip, version: edit.version,
    });
    expect(saved.status).toBe(303);
    const refused = await second.post(`/pegawai/${p.id}/nonaktifkan`).type('form').send({ _csrf: stale.token, version: stale.version, alasan: 'Pensiun dini' });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(CONFLICT);
    const after = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: p.id } });
    expect(after.aktif).toBe(true);
    expect(await t.db.prisma.riwayatPegawai.count({ where: { pegawaiId: p.id, aktif: false } })).toBe(0);
  });
});

describe('double submit', () => {
  it('refuses the second submit of the same create-unit form harmlessly (409, kode taken); one unit exists', async () => {
    const parent = await given.unit(t);
    const token = await csrf(first, '/unit/baru');
    const body = { _csrf: token, kode: 'UJI.HUKUM', nama: 'Sub Bagian Hukum', parentId: String(parent.id) };
    const one = await first.post('/unit').type('form').send(body);
    const two = await first.post('/unit').type('form').send(body);
    expect(one.status).toBe(303);
    expect(two.status).toBe(409);
    expect(two.text).toContain('Kode UJI.HUKUM sudah dipakai.');
    expect(await t.db.prisma.unitKerja.count({ where: { kode: 'UJI.HUKUM' } })).toBe(1);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'unit.create', after: { path: ['kode'], equals: 'UJI.HUKUM' } } })).toBe(1);
  });

  it('handles two simultaneous submits of the same form the same way (never a 500)', async () => {
    const parent = await given.unit(t);
    const token = await csrf(first, '/unit/baru');
    const body = { _csrf: token, kode: 'UJI.ARSIP', nama: 'Sub Bagian Arsip', parentId: String(parent.id) };
    const results = await Promise.all([first.post('/unit').type('form').send(body), first.post('/unit').type('form').send(body)]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    // whichever check catches it (the service's "kode taken", or the unique index when both
    // passed that check at once), the refusal is a 409 with a message, never a 500
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.text).toMatch(/Kode UJI\.ARSIP sudah dipakai\.|Data ini baru saja diubah oleh orang lain/);
    expect(await t.db.prisma.unitKerja.count({ where: { kode: 'UJI.ARSIP' } })).toBe(1);
  });

  it('refuses the second submit of the same create-pegawai form (NIP taken); one employee exists', async () => {
    const jabatan = { id: w.pegawai.jabatanId };
    const token = await csrf(first, '/pegawai/baru');
    const body = { _csrf: token, nip: '199202022019032001', nama: 'Putri Maharani, S.E.', jenisAsn: 'PNS', pangkatGolongan: 'III/a', email: '', jabatanId: String(jabatan.id), penilaiNip: w.penilai.nip };
    const results = await Promise.all([first.post('/pegawai').type('form').send(body), first.post('/pegawai').type('form').send(body)]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    expect(results.find((r) => r.status === 409)!.text).toMatch(/NIP 199202022019032001 sudah terdaftar\.|Data ini baru saja diubah oleh orang lain/);
    expect(await t.db.prisma.pegawai.count({ where: { nip: '199202022019032001' } })).toBe(1);
    expect(await t.db.prisma.user.count({ where: { pegawai: { nip: '199202022019032001' } } })).toBe(1);
  });
});
