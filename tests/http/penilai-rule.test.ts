import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';

// Who may appraise (docs/domain/penilai.md): positions carry what the rule needs (JF kategori and
// jenjang, the unit a position heads), the rule is enforced in the employee form and the import,
// and an empty appraiser field takes the default (the unit head; for a unit head, the head above).

let t: TestApp;
let admin: Agent;

const fieldError = (html: string, name: string) => [...html.matchAll(/<small class="error" id="f-([^"]+)-err">([^<]*)<\/small>/g)].find((m) => m[1] === name)?.[2];
const unescape = (s: string | undefined) => (s ?? '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&#34;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const versionIn = (html: string) => Number(/name="version" value="(\d+)"/.exec(html)?.[1]);
let serial = 0;
/** A valid NIP of nobody in the demo (appointed June 2015). */
const nip = () => { serial++; return `19910203201506${serial % 2 ? 1 : 2}${String(serial).padStart(3, '0')}`; };

/**
 *   dinas (kadis, JPT, heads it)
 *    ├─ bidang (kabid, ADMINISTRATOR, heads it)
 *    │   └─ seksi (kasi, PENGAWAS, heads it; staf PELAKSANA, jf FUNGSIONAL)
 *    └─ lain (kalain, PENGAWAS, heads it)
 */
let w: {
  dinas: given.GivenUnit; bidang: given.GivenUnit; seksi: given.GivenUnit; lain: given.GivenUnit;
  jab: { kadis: number; kabid: number; kasi: number; staf: number; jf: number; kalain: number };
  kadis: given.GivenPegawai; kabid: given.GivenPegawai; kasi: given.GivenPegawai; staf: given.GivenPegawai; jf: given.GivenPegawai; kalain: given.GivenPegawai;
};

beforeAll(async () => {
  t = await testApp();
  admin = await loginAs(t.app, 'admin');
  const dinas = await given.unit(t);
  const bidang = await given.unit(t, { parentId: dinas.id });
  const seksi = await given.unit(t, { parentId: bidang.id });
  const lain = await given.unit(t, { parentId: dinas.id });
  const jab = {
    kadis: (await given.jabatan(t, { unitId: dinas.id, jenis: 'JPT', kepalaUnit: true })).id,
    kabid: (await given.jabatan(t, { unitId: bidang.id, jenis: 'ADMINISTRATOR', kepalaUnit: true })).id,
    kasi: (await given.jabatan(t, { unitId: seksi.id, jenis: 'PENGAWAS', kepalaUnit: true })).id,
    staf: (await given.jabatan(t, { unitId: seksi.id, jenis: 'PELAKSANA' })).id,
    jf: (await given.jabatan(t, { unitId: seksi.id, jenis: 'FUNGSIONAL', kategoriJf: 'KETERAMPILAN', jenjangJf: 'MAHIR' })).id,
    kalain: (await given.jabatan(t, { unitId: lain.id, jenis: 'PENGAWAS', kepalaUnit: true })).id,
  };
  // Nobody names an appraiser: each one takes the default.
  const kadis = await given.pegawai(t, { jabatanId: jab.kadis });
  const kabid = await given.pegawai(t, { jabatanId: jab.kabid });
  const kasi = await given.pegawai(t, { jabatanId: jab.kasi });
  const staf = await given.pegawai(t, { jabatanId: jab.staf });
  const jf = await given.pegawai(t, { jabatanId: jab.jf });
  const kalain = await given.pegawai(t, { jabatanId: jab.kalain });
  w = { dinas, bidang, seksi, lain, jab, kadis, kabid, kasi, staf, jf, kalain };
});
afterAll(async () => { await t?.close(); });

const penilaiOf = async (id: number) => (await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id } })).penilaiId;

describe('jabatan — kind, the unit it heads, JF kategori and jenjang', () => {
  it('records the unit each head position heads, one head position per unit', async () => {
    const units = await t.db.prisma.unitKerja.findMany({ where: { id: { in: [w.dinas.id, w.bidang.id, w.seksi.id] } } });
    expect(Object.fromEntries(units.map((u) => [u.id, u.kepalaJabatanId]))).toEqual({ [w.dinas.id]: w.jab.kadis, [w.bidang.id]: w.jab.kabid, [w.seksi.id]: w.jab.kasi });
    const list = await admin.get(`/jabatan?unitId=${w.seksi.id}`).expect(200);
    expect(list.text).toContain(`Kepala ${w.seksi.nama}`);
    expect(list.text).toContain('Fungsional · Keterampilan · Mahir');
  });

  it('requires kategori and a jenjang of that kategori for a JF, and refuses them for other kinds', async () => {
    const base = { kode: 'RULE.JF1', nama: 'Pranata Uji', jenis: 'FUNGSIONAL', unitId: String(w.seksi.id) };
    const none = await postForm(admin, '/jabatan', base, '/jabatan/baru');
    expect(none.status).toBe(422);
    expect(fieldError(none.text, 'kategoriJf')).toBe('Jabatan fungsional wajib memiliki kategori (keahlian atau keterampilan).');
    expect(fieldError(none.text, 'jenjangJf')).toBe('Jabatan fungsional wajib memiliki jenjang.');
    expect(none.text).toContain('value="RULE.JF1"'); // what was typed comes back
    const wrong = await postForm(admin, '/jabatan', { ...base, kategoriJf: 'KEAHLIAN', jenjangJf: 'MAHIR' }, '/jabatan/baru');
    expect(wrong.status).toBe(422);
    expect(fieldError(wrong.text, 'jenjangJf')).toBe('Jenjang JF keahlian adalah Ahli Pertama, Ahli Muda, Ahli Madya, atau Ahli Utama.');
    const other = await postForm(admin, '/jabatan', { ...base, jenis: 'PELAKSANA', kategoriJf: 'KEAHLIAN', jenjangJf: 'PERTAMA' }, '/jabatan/baru');
    expect(other.status).toBe(422);
    expect(fieldError(other.text, 'kategoriJf')).toBe('Kategori dan jenjang hanya diisi untuk jabatan fungsional.');
    const ok = await postForm(admin, '/jabatan', { ...base, kategoriJf: 'KETERAMPILAN', jenjangJf: 'PENYELIA' }, '/jabatan/baru');
    expect(ok.status).toBe(303);
    expect(await t.db.prisma.jabatan.findUniqueOrThrow({ where: { kode: 'RULE.JF1' } })).toMatchObject({ kategoriJf: 'KETERAMPILAN', jenjangJf: 'PENYELIA' });
  });

  it('says the same in English', async () => {
    const en = await loginAs(t.app, 'admin');
    await postForm(en, '/bahasa', { lang: 'en', back: '/' });
    const res = await postForm(en, '/jabatan', { kode: 'RULE.JF2', nama: 'Pranata Uji', jenis: 'FUNGSIONAL', unitId: String(w.seksi.id), kategoriJf: 'KETERAMPILAN', jenjangJf: 'UTAMA' }, '/jabatan/baru');
    expect(res.status).toBe(422);
    expect(fieldError(res.text, 'jenjangJf')).toBe('The levels of a keterampilan (skilled) position are Pemula, Terampil, Mahir and Penyelia.');
  });

  it('makes a position the head of its unit from the jabatan form (replacing the previous head) and the unit form, audited', async () => {
    const unit = await given.unit(t, { parentId: w.lain.id });
    const a = await given.jabatan(t, { unitId: unit.id, jenis: 'PENGAWAS' });
    const b = await given.jabatan(t, { unitId: unit.id, jenis: 'PENGAWAS' });
    const form = await admin.get(`/jabatan/${a.id}/ubah`).expect(200);
    const res = await postForm(admin, `/jabatan/${a.id}`, { kode: a.kode, nama: a.nama, jenis: 'PENGAWAS', unitId: String(unit.id), aktif: '1', kepalaUnit: '1', version: versionIn(form.text) });
    expect(res.status).toBe(303);
    expect((await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { id: unit.id } })).kepalaJabatanId).toBe(a.id);
    const unitForm = await admin.get(`/unit/${unit.id}/ubah`).expect(200);
    expect(unitForm.text).toMatch(new RegExp(`<option value="${a.id}" selected`));
    const u = await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { id: unit.id } });
    const set = await postForm(admin, `/unit/${unit.id}`, { kode: u.kode, nama: u.nama, parentId: String(u.parentId), aktif: '1', kepalaJabatanId: String(b.id), version: u.version });
    expect(set.status).toBe(303);
    expect((await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { id: unit.id } })).kepalaJabatanId).toBe(b.id);
    // another unit's position cannot head this one
    const u2 = await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { id: unit.id } });
    const bad = await postForm(admin, `/unit/${unit.id}`, { kode: u2.kode, nama: u2.nama, parentId: String(u2.parentId), aktif: '1', kepalaJabatanId: String(w.jab.kasi), version: u2.version });
    expect(bad.status).toBe(409);
    expect(fieldError(bad.text, 'kepalaJabatanId')).toBe('Jabatan kepala harus jabatan aktif di unit ini.');
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'unit.kepala.update', entitasId: String(unit.id) } })).toBe(1);
    // unchecking the box: the unit has no head position any more
    const b1 = await t.db.prisma.jabatan.findUniqueOrThrow({ where: { id: b.id } });
    await postForm(admin, `/jabatan/${b.id}`, { kode: b1.kode, nama: b1.nama, jenis: 'PENGAWAS', unitId: String(unit.id), aktif: '1', version: b1.version }).then((r) => expect(r.status).toBe(303));
    expect((await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { id: unit.id } })).kepalaJabatanId).toBeNull();
  });
});

describe('the default appraiser — the unit head for its staff, the parent unit head for a unit head', () => {
  it('appraises staff by their unit head and a unit head by the head above; the head of the agency by nobody', async () => {
    expect(await penilaiOf(w.staf.id)).toBe(w.kasi.id);
    expect(await penilaiOf(w.jf.id)).toBe(w.kasi.id);
    expect(await penilaiOf(w.kasi.id)).toBe(w.kabid.id);
    expect(await penilaiOf(w.kabid.id)).toBe(w.kadis.id);
    expect(await penilaiOf(w.kalain.id)).toBe(w.kadis.id);
    expect(await penilaiOf(w.kadis.id)).toBeNull();
  });

  it('shows the default in the employee form for the chosen position, and for every other one to the page script', async () => {
    const form = await admin.get(`/pegawai/${w.staf.id}/ubah`).expect(200);
    const hint = unescape(/<p class="hint" id="penilai-bawaan"[^>]*>([^<]*)<\/p>/.exec(form.text)?.[1]);
    expect(hint).toBe(`Bawaan untuk jabatan ini: ${w.kasi.nama} (${w.kasi.nip}), ${(await t.db.prisma.jabatan.findUniqueOrThrow({ where: { id: w.jab.kasi } })).nama}.`);
    expect(form.text).toContain(`<li data-jabatan="${w.jab.kasi}">Bawaan untuk jabatan ini: ${w.kabid.nama}`);
    expect(form.text).toContain(`<li data-jabatan="${w.jab.kadis}">Bawaan untuk jabatan ini: tidak ada`);
  });
});

describe('the rule in the employee form — PermenPANRB 6/2022 Pasal 1 angka 9', () => {
  const body = (p: given.GivenPegawai, jabatanId: number, penilaiNip: string, version: number) => ({
    nip: p.nip, nama: p.nama, jenisAsn: 'PNS', pangkatGolongan: 'III/a', email: '', jabatanId: String(jabatanId), penilaiNip, version,
  });
  const save = async (p: given.GivenPegawai, penilaiNip: string) => {
    const row = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: p.id } });
    return postForm(admin, `/pegawai/${p.id}`, body(p, row.jabatanId, penilaiNip, row.version));
  };

  it('refuses a pelaksana and a JF as appraiser, saying why, and keeps what was typed', async () => {
    const other = await given.pegawai(t, { jabatanId: w.jab.staf });
    const res = await save(other, w.staf.nip);
    expect(res.status).toBe(409);
    expect(unescape(fieldError(res.text, 'penilaiNip'))).toMatch(new RegExp(`^${w.staf.nama} memangku jabatan .+ \\(Pelaksana\\)\\. Pejabat penilai kinerja adalah atasan langsung yang paling rendah pejabat pengawas \\(PermenPANRB 6/2022 Pasal 1 angka 9\\)`));
    expect(res.text).toContain(`value="${w.staf.nip}"`);
    const jf = await save(other, w.jf.nip);
    expect(unescape(fieldError(jf.text, 'penilaiNip'))).toContain('(Fungsional)');
    expect(await penilaiOf(other.id)).toBe(w.kasi.id);
  });

  it('refuses a pengawas of another branch, and a unit head appraised by someone of their own unit level', async () => {
    const res = await save(w.staf, w.kalain.nip);
    expect(res.status).toBe(409);
    expect(unescape(fieldError(res.text, 'penilaiNip'))).toBe(`${w.kalain.nama} mengepalai ${w.lain.nama}, yang tidak membawahi ${w.seksi.nama}. Pejabat penilai kinerja adalah atasan langsung pegawai (PermenPANRB 6/2022 Pasal 1 angka 9).`);
    const up = await save(w.kabid, w.kasi.nip); // the seksi head cannot appraise the bidang head above
    expect(up.status).toBe(409);
  });

  it('accepts the head of a unit further up (a JF appraised by the administrator), and says so in English when refused', async () => {
    expect((await save(w.jf, w.kabid.nip)).status).toBe(303);
    expect(await penilaiOf(w.jf.id)).toBe(w.kabid.id);
    expect((await save(w.jf, '')).status).toBe(303); // back to the default
    expect(await penilaiOf(w.jf.id)).toBe(w.kasi.id);
    const en = await loginAs(t.app, 'admin');
    await postForm(en, '/bahasa', { lang: 'en', back: '/' });
    const row = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: w.staf.id } });
    const res = await postForm(en, `/pegawai/${w.staf.id}`, body(w.staf, row.jabatanId, w.jf.nip, row.version));
    expect(unescape(fieldError(res.text, 'penilaiNip'))).toMatch(/holds the position .+ \(Functional\)\. The appraiser \(pejabat penilai kinerja\) is the direct superior and at least a pejabat pengawas/);
  });

  it('lets a JF appraise while a delegation in force makes them Plh of the head post, and not once it has ended', async () => {
    const ended = await given.delegasi(t, { jabatanId: w.jab.kasi, pemberi: w.kasi, penerima: w.jf, mulai: -3, selesai: -1 });
    expect((await save(w.staf, w.jf.nip)).status).toBe(409); // ended yesterday
    await given.delegasi(t, { jabatanId: w.jab.kasi, pemberi: w.kasi, penerima: w.jf, mulai: 0, selesai: 0, nomorSk: '800/PLH/HARI-INI' });
    expect((await save(w.staf, w.jf.nip)).status).toBe(303); // in force today
    expect(await penilaiOf(w.staf.id)).toBe(w.jf.id);
    expect((await save(w.staf, '')).status).toBe(303);
    expect(ended.id).toBeGreaterThan(0);
  });
});

describe('the rule in the import — one error per row, on its nip_penilai cell', () => {
  const HEADER = ['nip', 'nama', 'jenis_asn', 'pangkat_golongan', 'kode_jabatan', 'kode_unit', 'nip_penilai'];
  const csv = (rows: string[][]) => Buffer.from([HEADER.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n');
  const upload = async (buf: Buffer) => {
    const page = await admin.get('/impor');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    return admin.post('/impor').field('_csrf', token).attach('berkas', buf, 'pegawai.csv');
  };

  it('refuses rows whose appraiser is below pengawas or not above them, and imports nothing', async () => {
    const kode = async (id: number) => (await t.db.prisma.jabatan.findUniqueOrThrow({ where: { id } })).kode;
    const staf = await kode(w.jab.staf);
    const a = nip(), b = nip(), c = nip();
    const res = await upload(csv([
      [a, 'Ani Impor', 'PNS', 'III/a', staf, w.seksi.kode, w.staf.nip], // a pelaksana
      [b, 'Budi Impor', 'PNS', 'III/a', staf, w.seksi.kode, w.kalain.nip], // another branch
      [c, 'Cici Impor', 'PNS', 'III/a', staf, w.seksi.kode, a], // a row of the file that is a pelaksana
    ]));
    expect(res.status).toBe(422);
    const text = unescape(res.text);
    expect(text).toContain(`Ani Impor`);
    expect(text).toMatch(/<td[^>]*>2<\/td>[\s\S]*?nip_penilai[\s\S]*?memangku jabatan .+ \(Pelaksana\)/);
    expect(text).toContain(`${w.kalain.nama} mengepalai ${w.lain.nama}, yang tidak membawahi ${w.seksi.nama}.`);
    expect(text).toContain('Ani Impor memangku jabatan');
    expect(await t.db.prisma.pegawai.count({ where: { nip: { in: [a, b, c] } } })).toBe(0);
  });

  it('takes the default appraiser for an empty cell, including a head the same file appoints', async () => {
    const unit = await given.unit(t, { parentId: w.seksi.id });
    const kepala = await given.jabatan(t, { unitId: unit.id, jenis: 'PENGAWAS', kepalaUnit: true });
    const staf = await given.jabatan(t, { unitId: unit.id, jenis: 'PELAKSANA' });
    const h = nip(), s = nip();
    const res = await upload(csv([
      [s, 'Sari Bawaan', 'PNS', 'III/a', staf.kode, unit.kode, ''],
      [h, 'Hadi Kepala', 'PNS', 'III/c', kepala.kode, unit.kode, ''],
    ]));
    expect(res.status).toBe(303);
    const [hadi, sari] = await Promise.all([t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: h } }), t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: s } })]);
    expect(sari.penilaiId).toBe(hadi.id); // the head the file appoints
    expect(hadi.penilaiId).toBe(w.kasi.id); // the head of the unit above
  });
});

describe('the demo agency (src/db/seed.ts) has what the rules need', () => {
  it('records a head position for every unit, a kategori and jenjang for every JF, and appraisers of pengawas level or above', async () => {
    const demo = { kode: { startsWith: 'DISKOMINFO' } };
    expect(await t.db.prisma.unitKerja.count({ where: { ...demo, kepalaJabatanId: null } })).toBe(0);
    expect(await t.db.prisma.jabatan.count({ where: { ...demo, jenis: 'FUNGSIONAL', OR: [{ kategoriJf: null }, { jenjangJf: null }] } })).toBe(0);
    expect(await t.db.prisma.jabatan.count({ where: { ...demo, jenis: 'FUNGSIONAL', jenjangJf: 'MUDA' } })).toBeGreaterThan(0);
    expect(await t.db.prisma.pegawai.count({ where: { unit: demo, penilai: { jabatan: { jenis: { in: ['PELAKSANA', 'FUNGSIONAL'] } } } } })).toBe(0);
  });

  it('holds one Plt of a vacant post, in force today, whose staff have no appraiser but the Plt', async () => {
    const plt = await t.db.prisma.delegasi.findFirstOrThrow({ where: { jenis: 'PLT', nomorSk: '800.1.3/045/DISKOMINFO/2026' }, include: { jabatan: { include: { pegawai: true, mengepalai: { include: { pegawai: true } } } } } });
    expect(plt.jabatan.pegawai).toEqual([]); // vacant
    expect(plt.mulai.toISOString().slice(0, 10) <= given.hari(0) && given.hari(0) <= plt.selesai.toISOString().slice(0, 10)).toBe(true);
    const staff = plt.jabatan.mengepalai!.pegawai;
    expect(staff.length).toBe(1);
    expect(staff[0]!.penilaiId).toBeNull();
    const delegate = await t.db.prisma.user.findUniqueOrThrow({ where: { pegawaiId: plt.penerimaId }, include: { pegawai: true } });
    const agent = await loginAs(t.app, { login: delegate.pegawai!.nip, password: (await import('../helpers/app.js')).DEMO_PASSWORD });
    const home = await agent.get('/skp/bawahan').expect(200);
    expect(home.status).toBe(200);
  });
});
