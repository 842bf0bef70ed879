import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';

// The organisation predikat (/predikat-organisasi, docs/domain/kalibrasi.md § Who sets what):
// a unit's by the head of its parent unit (or their Plh), never by its own head; the agency's by
// the official outside the agency who appraises its head, or HR on their behalf with the signed
// document; anyone else finds nothing (404). Only in PENILAIAN and KALIBRASI; version-checked;
// attachments checked by content and served only to those who may read the predikat; audited.

let t: TestApp;
let w: given.InstansiKalibrasi;
const a = {} as Record<'admin' | 'kadis' | 'kabid' | 'kasi' | 'staf' | 'luar' | 'plh', Agent>;
const PDF = Buffer.from('%PDF-1.4\n% dasar penetapan\n%%EOF\n');

beforeAll(async () => {
  t = await testApp();
  w = await given.instansiKalibrasi(t, { staffBidang: 1, staffSeksi: 1, staffLain: 1 });
  await given.faseSiklus(t, w.siklus.id, 'PENILAIAN');
  a.admin = await loginAs(t.app, 'admin');
  a.kadis = await loginAs(t.app, w.people.kadis.login);
  a.kabid = await loginAs(t.app, w.people.kabid.login);
  a.kasi = await loginAs(t.app, w.people.kasi.login);
  a.staf = await loginAs(t.app, w.staff.lain[0]!.login);
  a.luar = await loginAs(t.app, w.luar.login!);
});
afterAll(async () => { await t?.close(); });

/** POSTs the predikat form (multipart, like the page) with the agent's CSRF token. */
async function tetapkan(agent: Agent, unitId: number, body: Record<string, string>, file?: { bytes: Buffer; name: string }) {
  const token = await csrf(agent, '/');
  let req = agent.post(`/predikat-organisasi/${unitId}?siklus=${w.siklus.id}`).field('_csrf', token);
  for (const [k, v] of Object.entries(body)) req = req.field(k, v);
  if (file) req = req.attach('berkas', file.bytes, file.name);
  return req;
}
const row = (unitId: number) => t.db.prisma.penetapanPredikat.findUnique({ where: { siklusId_unitId: { siklusId: w.siklus.id, unitId } }, include: { berkas: true } });
const dasar = 'Evaluasi Perjanjian Kinerja triwulan IV oleh Inspektorat';

describe('who sets a unit\'s predikat', () => {
  it('lists for the head of the parent unit the units below it, and the form', async () => {
    const list = await a.kabid.get(`/predikat-organisasi?siklus=${w.siklus.id}`);
    expect(list.status).toBe(200);
    expect(list.text).toContain(w.units.seksi.nama);
    expect(list.text).not.toContain(`data-unit="${w.units.bidang.id}"`); // never their own unit
    const form = await a.kabid.get(`/predikat-organisasi/${w.units.seksi.id}?siklus=${w.siklus.id}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('id="form-predikat"');
  });

  it('lets the head of the parent unit set it, audited', async () => {
    const res = await tetapkan(a.kabid, w.units.seksi.id, { version: '', predikat: 'BAIK', capaianPk: '97,5', dasar });
    expect(res.status).toBe(303);
    const r = (await row(w.units.seksi.id))!;
    expect(r).toMatchObject({ predikat: 'BAIK', dasar, penetapPegawaiId: w.people.kabid.id, penetapLuarId: null, dicatatHr: false, version: 1 });
    expect(r.capaianPk!.toString()).toBe('97.5');
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'predikatOrganisasi.set', entitasId: String(r.id) } });
    expect(audit.after).toMatchObject({ predikat: 'BAIK', capaianPk: '97.50', sebagai: 'pimpinan', penetapPegawaiId: w.people.kabid.id });
    const page = await a.kabid.get(res.headers.location!);
    expect(page.text).toContain('Predikat organisasi');
    expect(page.text).toContain('97,5 %');
  });

  it('refuses the unit\'s own head (403) and shows them no form; their list is not found', async () => {
    const res = await tetapkan(a.kasi, w.units.seksi.id, { version: '1', predikat: 'ISTIMEWA', capaianPk: '120', dasar });
    expect(res.status).toBe(403);
    expect(res.text).toContain('ditetapkan oleh pimpinan unit di atasnya');
    const page = await a.kasi.get(`/predikat-organisasi/${w.units.seksi.id}?siklus=${w.siklus.id}`);
    expect(page.status).toBe(200); // they may read their unit's predikat
    expect(page.text).not.toContain('id="form-predikat"');
    expect((await a.kasi.get('/predikat-organisasi')).status).toBe(404); // no unit below theirs
    expect((await row(w.units.seksi.id))!.predikat).toBe('BAIK');
  });

  it('finds nothing for an unrelated employee (404), and no list', async () => {
    expect((await a.staf.get(`/predikat-organisasi/${w.units.seksi.id}?siklus=${w.siklus.id}`)).status).toBe(404);
    expect((await tetapkan(a.staf, w.units.seksi.id, { version: '1', predikat: 'KURANG', capaianPk: '50', dasar })).status).toBe(404);
    expect((await a.staf.get('/predikat-organisasi')).status).toBe(404);
    expect((await a.staf.get(`/predikat-organisasi/999999?siklus=${w.siklus.id}`)).status).toBe(404);
  });

  it('lets a Plh of the parent\'s head post set it', async () => {
    await given.delegasi(t, { jabatanId: w.people.kadis.jabatanId, pemberi: w.people.kadis, penerima: w.people.kalain });
    a.plh = await loginAs(t.app, w.people.kalain.login);
    const form = await a.plh.get(`/predikat-organisasi/${w.units.bidang.id}?siklus=${w.siklus.id}`);
    expect(form.text).toContain('id="form-predikat"');
    expect(form.text).toContain('PLH');
    // but not their own unit, although the post they stand in for is its parent's head
    const own = await tetapkan(a.plh, w.units.lain.id, { version: '', predikat: 'BAIK', capaianPk: '90', dasar });
    expect(own.status).toBe(403);
    const res = await tetapkan(a.plh, w.units.bidang.id, { version: '', predikat: 'BAIK', capaianPk: '88,25', dasar });
    expect(res.status).toBe(303);
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'predikatOrganisasi.set', entitasId: String((await row(w.units.bidang.id))!.id) } });
    expect(audit.after).toMatchObject({ delegasi: { jenis: 'PLH' } });
  });
});

describe('the agency\'s own predikat', () => {
  it('is set by the official outside the agency who appraises its head', async () => {
    const list = await a.luar.get('/predikat-organisasi');
    expect(list.status).toBe(200);
    expect(list.text).toContain(w.units.root.nama);
    expect((await tetapkan(a.kadis, w.units.root.id, { version: '', predikat: 'ISTIMEWA', capaianPk: '110', dasar })).status).toBe(403); // its own head
    const res = await tetapkan(a.luar, w.units.root.id, { version: '', predikat: 'ISTIMEWA', capaianPk: '110', dasar });
    expect(res.status).toBe(303);
    expect(await row(w.units.root.id)).toMatchObject({ predikat: 'ISTIMEWA', penetapLuarId: w.luar.id, dicatatHr: false });
    expect((await tetapkan(a.luar, w.units.bidang.id, { version: '1', predikat: 'BAIK', capaianPk: '1', dasar })).status).toBe(404); // only the agency's
  });

  it('is recorded by HR on the official\'s behalf only with the signed document', async () => {
    const v = String((await row(w.units.root.id))!.version);
    const without = await tetapkan(a.admin, w.units.root.id, { version: v, predikat: 'BAIK', capaianPk: '95', dasar });
    expect(without.status).toBe(409);
    expect(without.text).toContain('Lampirkan dokumen penetapan');
    expect(without.text).toContain(dasar); // what was typed stays
    const res = await tetapkan(a.admin, w.units.root.id, { version: v, predikat: 'BAIK', capaianPk: '95', dasar }, { bytes: PDF, name: 'sk-predikat.pdf' });
    expect(res.status).toBe(303);
    const r = (await row(w.units.root.id))!;
    expect(r).toMatchObject({ predikat: 'BAIK', penetapLuarId: w.luar.id, dicatatHr: true, version: 2 });
    expect(r.berkas).toHaveLength(1);
    // HR sees every predikat of the cycle
    const list = await a.admin.get(`/predikat-organisasi?siklus=${w.siklus.id}`);
    for (const u of [w.units.root, w.units.bidang, w.units.seksi]) expect(list.text).toContain(u.nama);
  });

  it('serves an attachment only to those who may read the predikat', async () => {
    const r = (await row(w.units.root.id))!;
    const path = `/predikat-organisasi/${w.units.root.id}/berkas/${r.berkas[0]!.berkasId}?siklus=${w.siklus.id}`;
    const got = await a.luar.get(path);
    expect(got.status).toBe(200);
    expect(Buffer.from(got.body as Buffer).toString()).toContain('%PDF-1.4');
    expect((await a.admin.get(path)).status).toBe(200);
    expect((await a.kadis.get(path)).status).toBe(200); // the agency's head reads it
    expect((await a.staf.get(path)).status).toBe(404);
    expect((await a.kabid.get(path)).status).toBe(404);
    expect((await a.admin.get(`/predikat-organisasi/${w.units.seksi.id}/berkas/${r.berkas[0]!.berkasId}?siklus=${w.siklus.id}`)).status).toBe(404); // not that unit's file
  });
});

describe('the form', () => {
  it('says "changed by someone else" for a stale version, keeping what was typed', async () => {
    const res = await tetapkan(a.kabid, w.units.seksi.id, { version: '', predikat: 'KURANG', capaianPk: '60', dasar: 'Dasar yang diketik ulang panjang' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('diubah oleh orang lain');
    expect(res.text).toContain('Dasar yang diketik ulang panjang');
    expect((await row(w.units.seksi.id))!.predikat).toBe('BAIK');
  });

  it('takes the same form sent twice as one save (a double click)', async () => {
    const r = (await row(w.units.seksi.id))!;
    const again = await tetapkan(a.kabid, w.units.seksi.id, { version: String(r.version - 1 || ''), predikat: r.predikat, capaianPk: '97,5', dasar: r.dasar });
    expect(again.status).toBe(303);
    expect((await row(w.units.seksi.id))!.version).toBe(r.version);
  });

  it('refuses bad input field by field, keeping what was typed', async () => {
    const res = await tetapkan(a.kabid, w.units.seksi.id, { version: '1', predikat: 'LUAR_BIASA', capaianPk: 'sembilan puluh', dasar: 'pendek' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Pilih salah satu predikat organisasi.');
    expect(res.text).toContain('value="sembilan puluh"');
    expect(res.text).toContain('>pendek</textarea>');
    const dec = await tetapkan(a.kabid, w.units.seksi.id, { version: '1', predikat: 'BAIK', capaianPk: '97,555', dasar });
    expect(dec.status).toBe(422);
    expect(dec.text).toContain('dua angka di belakang koma');
    const big = await tetapkan(a.kabid, w.units.seksi.id, { version: '1', predikat: 'BAIK', capaianPk: '100.000', dasar });
    expect(big.status).toBe(422);
    expect(big.text).toContain('antara 0 dan 99.999,99');
    const none = await tetapkan(a.kabid, w.units.seksi.id, { version: '1', predikat: 'BAIK', capaianPk: '', dasar });
    expect(none.status).toBe(422);
  });

  it('checks an attachment by its content', async () => {
    const res = await tetapkan(a.kabid, w.units.seksi.id, { version: '1', predikat: 'BAIK', capaianPk: '97,5', dasar }, { bytes: Buffer.from('<script>alert(1)</script>'), name: 'laporan.pdf' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('bukan PDF, gambar, atau dokumen kantor');
    expect((await row(w.units.seksi.id))!.version).toBe(1);
    const ok = await tetapkan(a.kabid, w.units.seksi.id, { version: '1', predikat: 'BAIK', capaianPk: '97,5', dasar }, { bytes: PDF, name: 'evaluasi.pdf' });
    expect(ok.status).toBe(303);
    expect((await row(w.units.seksi.id))!.berkas).toHaveLength(1);
  });

  it('is closed outside PENILAIAN and KALIBRASI', async () => {
    await given.faseSiklus(t, w.siklus.id, 'SELESAI');
    const page = await a.kabid.get(`/predikat-organisasi/${w.units.seksi.id}?siklus=${w.siklus.id}`);
    expect(page.text).not.toContain('id="form-predikat"');
    expect(page.text).toContain('id="predikat-tutup"');
    const res = await tetapkan(a.kabid, w.units.seksi.id, { version: '2', predikat: 'KURANG', capaianPk: '50', dasar });
    expect(res.status).toBe(409);
    expect(res.text).toContain('hanya ditetapkan pada fase Penilaian dan Kalibrasi');
    await given.faseSiklus(t, w.siklus.id, 'PENILAIAN');
  });
});
