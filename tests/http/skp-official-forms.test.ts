import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BERAKHLAK, NILAI_BERAKHLAK } from '../../src/domain/berakhlak.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { download, pdfPages } from '../helpers/files.js';
import * as given from '../helpers/given.js';

// The official forms (PermenPANRB 6/2022; docs/domain/skp.md): the JPT form also serves the head
// of a unit kerja mandiri, decided from the SKP's own snapshot; "penugasan dari" after the RHK on
// both forms, wherever the document is shown; the BerAKHLAK statements frozen into each approved
// version, so that it prints what was signed.

let t: TestApp;
let admin: Agent;

const ver = async (skpId: number) => (await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId } })).version;
const skpOf = async (pegawaiId: number) => t.db.prisma.skp.findFirstOrThrow({ where: { pegawaiId, siklus: { fase: 'PERENCANAAN' } } });
const flat = (s: string) => s.replace(/\s+/g, ' ');
/** The printed SKP's text, all pages, white space folded. */
async function printed(agent: Agent, path: string): Promise<string> {
  const res = await download(agent, path).expect(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return flat((await pdfPages(res.body as Buffer)).join(' '));
}
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

beforeAll(async () => {
  t = await testApp();
  admin = await loginAs(t.app, 'admin');
  await given.siklusTerbuka(t);
});
afterAll(async () => { await t?.close(); });

describe('a unit kerja mandiri, set in the unit form and shown in the list', () => {
  let unitId: number;

  it('is created with the box ticked, shown in the list and ticked on the edit form', async () => {
    const res = await postForm(admin, '/unit', { kode: 'UJI.UPTLAB', nama: 'UPT Laboratorium Lingkungan', parentId: '', mandiri: '1' }, '/unit/baru');
    expect(res.status).toBe(303);
    const u = await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { kode: 'UJI.UPTLAB' } });
    unitId = u.id;
    expect(u.mandiri).toBe(true);
    const list = await admin.get('/unit').expect(200);
    expect(list.text).toMatch(/UPT Laboratorium Lingkungan<\/a> <span class="tag" title="Unit kerja mandiri">mandiri<\/span>/);
    const form = await admin.get(`/unit/${unitId}/ubah`).expect(200);
    expect(form.text).toContain('name="mandiri" value="1" checked');
  });

  it('is not mandiri when the box is left empty (the default), and the list says nothing', async () => {
    expect((await postForm(admin, '/unit', { kode: 'UJI.BIASA', nama: 'Seksi Biasa', parentId: '' })).status).toBe(303);
    expect((await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { kode: 'UJI.BIASA' } })).mandiri).toBe(false);
    const list = await admin.get('/unit').expect(200);
    expect(list.text).toMatch(/Seksi Biasa<\/a><\/td>/);
    expect((await admin.get('/unit/baru').expect(200)).text).toMatch(/name="mandiri" value="1">/);
  });

  it('keeps the ticked box when the form comes back with an error', async () => {
    const res = await postForm(admin, '/unit', { kode: 'UJI.UPTLAB', nama: 'UPT Kembar', parentId: '', mandiri: '1' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('name="mandiri" value="1" checked');
    expect(res.text).toContain('value="UPT Kembar"');
  });

  it('is cleared by untying the box on the edit form, and audited', async () => {
    const u = await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { id: unitId } });
    expect((await postForm(admin, `/unit/${unitId}`, { version: u.version, kode: u.kode, nama: u.nama, parentId: '', aktif: '1' })).status).toBe(303);
    expect((await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { id: unitId } })).mandiri).toBe(false);
    const entry = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'unit.update', entitasId: String(unitId) }, orderBy: { id: 'desc' } });
    expect(entry.before).toMatchObject({ mandiri: true });
    expect(entry.after).toMatchObject({ mandiri: false });
    const again = await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { id: unitId } });
    expect((await postForm(admin, `/unit/${unitId}`, { version: again.version, kode: again.kode, nama: again.nama, parentId: '', aktif: '1', mandiri: '1' })).status).toBe(303);
    expect((await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { id: unitId } })).mandiri).toBe(true);
  });
});

describe('the head of a unit kerja mandiri plans on the JPT form', () => {
  let mandiri: given.GivenUnit;
  let kepala: given.GivenPegawai;
  let kasubbag: given.GivenPegawai;
  let staf: given.GivenPegawai;
  let kepala2Jabatan: number;

  const setMandiri = async (id: number, on: boolean) => {
    const u = await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { id } });
    const body: Record<string, string | number> = { version: u.version, kode: u.kode, nama: u.nama, parentId: u.parentId ?? '', aktif: '1' };
    if (on) body.mandiri = '1';
    expect((await postForm(admin, `/unit/${id}`, body)).status).toBe(303);
  };
  const rhkForm = async (who: given.GivenPegawai) => {
    const s = await skpOf(who.id);
    return (await (await loginAs(t.app, who.login)).get(`/skp/${s.id}/rhk/baru`).expect(200)).text;
  };

  beforeAll(async () => {
    mandiri = await given.unit(t, { nama: 'UPT Puskesmas Uji' });
    await setMandiri(mandiri.id, true);
    const jKepala = await given.jabatan(t, { unitId: mandiri.id, jenis: 'ADMINISTRATOR', nama: 'Kepala UPT Puskesmas' });
    kepala2Jabatan = jKepala.id;
    kepala = await given.pegawai(t, { jabatanId: jKepala.id });
    kasubbag = await given.pegawai(t, { unitId: mandiri.id, jenis: 'PENGAWAS', penilai: kepala });
    staf = await given.pegawai(t, { unitId: mandiri.id, penilai: kasubbag });
  });

  it('snapshots it when the draft is made: the unit\'s highest structural position heads it', async () => {
    expect((await skpOf(kepala.id)).snapshot).toMatchObject({ pegawai: { jenisJabatan: 'ADMINISTRATOR', pimpinanUnitMandiri: true } });
    expect((await skpOf(kasubbag.id)).snapshot).toMatchObject({ pegawai: { jenisJabatan: 'PENGAWAS', pimpinanUnitMandiri: false }, penilai: { pimpinanUnitMandiri: true } });
    expect((await skpOf(staf.id)).snapshot).toMatchObject({ pegawai: { pimpinanUnitMandiri: false } });
  });

  it('gives the head the perspectives, and everyone else in the unit the standard form', async () => {
    const head = await rhkForm(kepala);
    expect(head).toContain('name="perspektif"');
    expect(head).not.toContain('name="rhkAtasanId"');
    for (const who of [kasubbag, staf]) expect(await rhkForm(who)).not.toContain('name="perspektif"');
  });

  it('is edited and printed on the JPT form, with penugasan dari after the RHK', async () => {
    const s = await skpOf(kepala.id);
    const agent = await loginAs(t.app, kepala.login);
    const bad = await postForm(agent, `/skp/${s.id}/rhk`, { version: await ver(s.id), jenis: 'UTAMA', teks: 'Meningkatnya cakupan layanan kesehatan dasar' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Pilih perspektif RHK ini.');
    expect((await postForm(agent, `/skp/${s.id}/rhk`, { version: await ver(s.id), jenis: 'UTAMA', teks: 'Meningkatnya cakupan layanan kesehatan dasar', perspektif: 'PENERIMA_LAYANAN', penugasanDari: 'Kepala Dinas Kesehatan' })).status).toBe(303);
    const rhk = await t.db.prisma.rhk.findFirstOrThrow({ where: { skpId: s.id } });
    expect(rhk).toMatchObject({ perspektif: 'PENERIMA_LAYANAN', penugasanDari: 'Kepala Dinas Kesehatan', rhkAtasanId: null });
    expect((await postForm(agent, `/skp/${s.id}/rhk/${rhk.id}/indikator`, { version: await ver(s.id), aspek: 'KUANTITAS', teks: 'Persentase desa dengan posyandu aktif', jenisTarget: 'ANGKA', targetAngka: '90', satuan: '%', lebihBaik: 'TINGGI' })).status).toBe(303);
    const page = main((await agent.get(`/skp/${s.id}`).expect(200)).text);
    expect(page).toContain('>Perspektif</th>');
    expect(page).toContain('Meningkatnya cakupan layanan kesehatan dasar <span class="penugasan">(penugasan dari Kepala Dinas Kesehatan)</span>');
    const text = await printed(agent, `/skp/${s.id}/cetak.pdf`);
    expect(text).toContain('BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI');
    expect(text).toContain('PERSPEKTIF');
    expect(text).toContain('Perspektif Penerima Layanan');
    expect(text).toContain('Meningkatnya cakupan layanan kesehatan dasar (penugasan dari Kepala Dinas Kesehatan)');
    expect(text).not.toContain('RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI');
    // submission asks for a perspective, not for a leader's RHK
    expect((await postForm(agent, `/skp/${s.id}/ajukan`, { version: await ver(s.id), confirmed: '1' })).status).toBe(303);
    expect((await t.db.prisma.skp.findUniqueOrThrow({ where: { id: s.id } })).status).toBe('DIAJUKAN');
  });

  it('an SKP keeps its form when the unit stops being mandiri; a draft made afterwards gets the standard form', async () => {
    await setMandiri(mandiri.id, false);
    const kepalaSkp = await skpOf(kepala.id);
    expect(kepalaSkp.snapshot).toMatchObject({ pegawai: { pimpinanUnitMandiri: true } });
    expect(await printed(admin, `/skp/${kepalaSkp.id}/cetak.pdf`)).toContain('BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI');
    // a second holder of the same post, drafted now
    const baru = await given.pegawai(t, { jabatanId: kepala2Jabatan });
    expect((await skpOf(baru.id)).snapshot).toMatchObject({ pegawai: { pimpinanUnitMandiri: false } });
    expect(await rhkForm(baru)).not.toContain('name="perspektif"');
    await setMandiri(mandiri.id, true);
  });

  it('the head position the unit records wins over the highest structural one', async () => {
    const u = await given.unit(t, { nama: 'UPT Balai Latihan Uji' });
    await setMandiri(u.id, true);
    const admin2 = await given.jabatan(t, { unitId: u.id, jenis: 'ADMINISTRATOR', nama: 'Koordinator Uji' });
    const kepalaPos = await given.jabatan(t, { unitId: u.id, jenis: 'PENGAWAS', nama: 'Kepala Balai Uji' });
    await t.db.prisma.unitKerja.update({ where: { id: u.id }, data: { kepalaJabatanId: kepalaPos.id } });
    const head = await given.pegawai(t, { jabatanId: kepalaPos.id });
    const other = await given.pegawai(t, { jabatanId: admin2.id });
    expect((await skpOf(head.id)).snapshot).toMatchObject({ pegawai: { pimpinanUnitMandiri: true } });
    expect((await skpOf(other.id)).snapshot).toMatchObject({ pegawai: { pimpinanUnitMandiri: false } });
  });

  it('two structural posts of the same kind: neither is taken for the head until HR records one', async () => {
    const u = await given.unit(t, { nama: 'UPT Kembar Uji' });
    await setMandiri(u.id, true);
    const ja = await given.jabatan(t, { unitId: u.id, jenis: 'PENGAWAS' });
    const jb = await given.jabatan(t, { unitId: u.id, jenis: 'PENGAWAS' });
    const a = await given.pegawai(t, { jabatanId: ja.id });
    const b = await given.pegawai(t, { jabatanId: jb.id });
    for (const p of [a, b]) expect((await skpOf(p.id)).snapshot).toMatchObject({ pegawai: { pimpinanUnitMandiri: false } });
  });

  it('the head of a unit that is not mandiri keeps the standard form', async () => {
    const u = await given.unit(t, { nama: 'Bidang Biasa Uji' });
    const head = await given.pegawai(t, { unitId: u.id, jenis: 'ADMINISTRATOR' });
    expect((await skpOf(head.id)).snapshot).toMatchObject({ pegawai: { pimpinanUnitMandiri: false } });
    expect(await rhkForm(head)).not.toContain('name="perspektif"');
  });
});

describe('penugasan dari on the standard form, and the BerAKHLAK statements as signed', () => {
  let pair: Awaited<ReturnType<typeof given.pegawaiWithPenilai>>;
  let skpId: number;
  let pegawai: Agent;
  let penilai: Agent;
  const RHK = 'Terlaksananya pendampingan aplikasi desa';

  beforeAll(async () => {
    pair = await given.pegawaiWithPenilai(t);
    const atasan = await skpOf(pair.penilai.id);
    const rhkAtasan = await given.rhk(t, atasan, { teks: 'Meningkatnya layanan digital desa' });
    skpId = (await skpOf(pair.pegawai.id)).id;
    pegawai = await loginAs(t.app, pair.pegawai.login);
    penilai = await loginAs(t.app, pair.penilai.login);
    const form = await pegawai.get(`/skp/${skpId}/rhk/baru`).expect(200);
    expect(form.text).toContain('name="rhkAtasanId"');
    expect(form.text).toContain('name="penugasanDari"');
    expect((await postForm(pegawai, `/skp/${skpId}/rhk`, { version: await ver(skpId), jenis: 'TAMBAHAN', teks: RHK, rhkAtasanId: rhkAtasan.id, penugasanDari: 'Kepala Dinas' })).status).toBe(303);
    const rhk = await t.db.prisma.rhk.findFirstOrThrow({ where: { skpId } });
    expect((await postForm(pegawai, `/skp/${skpId}/rhk/${rhk.id}/indikator`, { version: await ver(skpId), aspek: 'KUANTITAS', teks: 'Jumlah desa didampingi', jenisTarget: 'ANGKA', targetAngka: '12', satuan: 'desa', lebihBaik: 'TINGGI' })).status).toBe(303);
    const utama = await given.rhk(t, { id: skpId, pegawaiId: pair.pegawai.id }, { rhkAtasanId: rhkAtasan.id });
    expect(utama.indikator).not.toBeNull();
  });

  it('is kept with the link to the leader\'s RHK, and shown after the RHK on the SKP page and in the edit form', async () => {
    const rhk = await t.db.prisma.rhk.findFirstOrThrow({ where: { skpId, jenis: 'TAMBAHAN' } });
    expect(rhk).toMatchObject({ penugasanDari: 'Kepala Dinas', perspektif: null });
    expect(rhk.rhkAtasanId).not.toBeNull();
    const page = main((await pegawai.get(`/skp/${skpId}`).expect(200)).text);
    expect(page).toContain(`${RHK} <span class="penugasan">(penugasan dari Kepala Dinas)</span>`);
    expect((await pegawai.get(`/skp/${skpId}/rhk/${rhk.id}/ubah`).expect(200)).text).toContain('value="Kepala Dinas"');
    // too long: the form comes back with what was typed
    const long = 'x'.repeat(201);
    const res = await postForm(pegawai, `/skp/${skpId}/rhk/${rhk.id}`, { version: await ver(skpId), jenis: 'TAMBAHAN', teks: RHK, rhkAtasanId: rhk.rhkAtasanId!, penugasanDari: long });
    expect(res.status).toBe(422);
    expect(res.text).toContain(`value="${long}"`);
    expect((await postForm(pegawai, `/skp/${skpId}/rhk/${rhk.id}`, { version: await ver(skpId), jenis: 'TAMBAHAN', teks: RHK, rhkAtasanId: rhk.rhkAtasanId!, penugasanDari: 'y'.repeat(200) })).status).toBe(303);
    expect((await postForm(pegawai, `/skp/${skpId}/rhk/${rhk.id}`, { version: await ver(skpId), jenis: 'TAMBAHAN', teks: RHK, rhkAtasanId: rhk.rhkAtasanId!, penugasanDari: 'Kepala Dinas' })).status).toBe(303);
  });

  it('shows on the review page, and the approval freezes today\'s BerAKHLAK statements into the version', async () => {
    await given.submit(t, { id: skpId, pegawaiId: pair.pegawai.id });
    const review = main((await penilai.get(`/skp/${skpId}/tinjau`).expect(200)).text);
    expect(review).toContain(`${RHK} <span class="penugasan">(penugasan dari Kepala Dinas)</span>`);
    expect((await postForm(penilai, `/skp/${skpId}/setujui`, { confirmed: '1', version: await ver(skpId) }, `/skp/${skpId}/tinjau`)).status).toBe(303);
    const v = await t.db.prisma.skpVersi.findUniqueOrThrow({ where: { skpId_revisi: { skpId, revisi: 1 } } });
    const data = v.data as { berakhlak: Record<string, { nama: string; perilaku: string[] }>; rhk: { penugasanDari: string | null }[] };
    expect(Object.keys(data.berakhlak).sort()).toEqual([...NILAI_BERAKHLAK].sort());
    for (const n of NILAI_BERAKHLAK) expect(data.berakhlak[n]).toEqual({ nama: BERAKHLAK[n].nama, perilaku: [...BERAKHLAK[n].perilaku] });
    expect(data.rhk.map((r) => r.penugasanDari)).toContain('Kepala Dinas');
  });

  it('prints the approved SKP as it was signed, after the wording in code has changed', async () => {
    // The version says what the code said when it was signed: here the SE MenPANRB 20/2021 wording
    // of a Loyal statement, which today's source no longer has.
    const lama = 'Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara';
    const kini = BERAKHLAK.LOYAL.perilaku[1];
    expect(kini).not.toBe(lama);
    const v = await t.db.prisma.skpVersi.findUniqueOrThrow({ where: { skpId_revisi: { skpId, revisi: 1 } } });
    const data = v.data as { berakhlak: Record<string, { nama: string; perilaku: string[] }> };
    data.berakhlak.LOYAL!.perilaku[1] = lama;
    await t.db.prisma.skpVersi.update({ where: { id: v.id }, data: { data } });

    for (const path of [`/skp/${skpId}/cetak.pdf`, `/skp/${skpId}/cetak.pdf?revisi=1`]) {
      const text = await printed(pegawai, path);
      expect(text).toContain(lama);
      expect(text).not.toContain(kini);
      expect(text).toContain(BERAKHLAK.KOLABORATIF.perilaku[2]); // the other statements as stored
      expect(text).toContain('BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL');
      expect(text).toContain(`${RHK} (penugasan dari Kepala Dinas)`);
      expect(text).toContain('status: Disetujui');
    }
    const versi = main((await pegawai.get(`/skp/${skpId}/versi/1`).expect(200)).text);
    expect(versi).toContain(`<li>${lama}</li>`);
    expect(versi).not.toContain(`<li>${kini}</li>`);
    expect(versi).toContain(`${RHK} <span class="penugasan">(penugasan dari Kepala Dinas)</span>`);
    expect(versi).toContain(`href="/skp/${skpId}/versi/1/cetak.pdf"`);
  });

  it('a version stored before the statements were frozen prints and shows today\'s wording', async () => {
    const v = await t.db.prisma.skpVersi.findUniqueOrThrow({ where: { skpId_revisi: { skpId, revisi: 1 } } });
    const { berakhlak: _dropped, ...older } = v.data as Record<string, unknown>;
    await t.db.prisma.skpVersi.update({ where: { id: v.id }, data: { data: older as object } });
    const text = await printed(pegawai, `/skp/${skpId}/cetak.pdf?revisi=1`);
    expect(text).toContain(BERAKHLAK.LOYAL.perilaku[1]);
    expect(text).not.toContain('Menjaga nama baik sesama ASN');
    expect(main((await pegawai.get(`/skp/${skpId}/versi/1`).expect(200)).text)).toContain(`<li>${BERAKHLAK.LOYAL.perilaku[1]}</li>`);
  });

  it('a revision that does not exist is not printed (404), for the owner and HR alike', async () => {
    await download(pegawai, `/skp/${skpId}/cetak.pdf?revisi=2`).expect(404);
    await download(admin, `/skp/${skpId}/cetak.pdf?revisi=2`).expect(404);
  });

  it('a changed penugasan dari is listed in the differences, and the draft prints it with today\'s statements', async () => {
    const rhk = await t.db.prisma.rhk.findFirstOrThrow({ where: { skpId, jenis: 'TAMBAHAN' } });
    expect((await postForm(pegawai, `/skp/${skpId}/rhk/${rhk.id}`, { version: await ver(skpId), jenis: 'TAMBAHAN', teks: RHK, rhkAtasanId: rhk.rhkAtasanId!, penugasanDari: 'Sekretaris Daerah' })).status).toBe(303);
    expect((await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId } })).status).toBe('DRAFT');
    const diff = main((await pegawai.get(`/skp/${skpId}/versi/diff?dari=1&ke=kini`).expect(200)).text);
    expect(diff).toMatch(/<strong>Penugasan dari:<\/strong> <del>Kepala Dinas<\/del> → <ins>Sekretaris Daerah<\/ins>/);
    const text = await printed(pegawai, `/skp/${skpId}/cetak.pdf`);
    expect(text).toContain(`${RHK} (penugasan dari Sekretaris Daerah)`);
    expect(text).toContain(BERAKHLAK.LOYAL.perilaku[1]);
    expect(text).toContain('status: Draf');
    // revision 1 still prints what was approved
    expect(await printed(pegawai, `/skp/${skpId}/cetak.pdf?revisi=1`)).toContain(`${RHK} (penugasan dari Kepala Dinas)`);
  });
});
