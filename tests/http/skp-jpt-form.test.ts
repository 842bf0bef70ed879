import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGINS, loginAs, openPlanning, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { download, pdfPages } from '../helpers/files.js';

// One rule decides whether an SKP uses the JPT form (perspectives instead of a leader's RHK):
// the SKP's own snapshot (domain/skp-document.ts, usesJptForm), for the edit form, submission,
// review, approval and print alike — not the position the employee holds today.

let t: TestApp;
let pegawai: Agent;
let penilai: Agent;
let skpId: number;
let rhkAtasan: number;
const ver = async () => (await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId } })).version;
const tinjau = () => `/skp/${skpId}/tinjau`;

/** The printed SKP's text, all pages. */
async function printed(agent: Agent): Promise<string> {
  const res = await download(agent, `/skp/${skpId}/cetak.pdf`).expect(200);
  return (await pdfPages(res.body as Buffer)).join('\n');
}

beforeAll(async () => {
  t = await testApp();
  const admin = await loginAs(t.app, 'admin');
  const siklus = await openPlanning(t, admin, 2026);
  const pn = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: LOGINS.penilai } });
  const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: LOGINS.pegawai }, include: { jabatan: true } });
  expect(pg.jabatan.jenis).not.toBe('JPT');
  const skpPenilai = await t.db.prisma.skp.findFirstOrThrow({ where: { siklusId: siklus, pegawaiId: pn.id, ditutupAt: null } });
  rhkAtasan = (await t.db.prisma.rhk.create({ data: { skpId: skpPenilai.id, jenis: 'UTAMA', urutan: 1, teks: 'Meningkatnya layanan digital' } })).id;
  const skp = await t.db.prisma.skp.findFirstOrThrow({ where: { siklusId: siklus, pegawaiId: pg.id, ditutupAt: null } });
  skpId = skp.id;
  pegawai = await loginAs(t.app, 'pegawai');
  penilai = await loginAs(t.app, 'penilai');
});
afterAll(async () => { await t?.close(); });

const setSnapshotJenis = async (jenisJabatan: string) => {
  const skp = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId } });
  const snap = skp.snapshot as { pegawai: Record<string, unknown> };
  await t.db.prisma.skp.update({ where: { id: skpId }, data: { snapshot: { ...snap, pegawai: { ...snap.pegawai, jenisJabatan } } } });
};

describe('an SKP opened while its owner held a JPT position', () => {
  beforeAll(() => setSnapshotJenis('JPT'));

  it('is edited, submitted, reviewed and approved with the JPT form', async () => {
    const form = await pegawai.get(`/skp/${skpId}/rhk/baru`).expect(200);
    expect(form.text).toContain('name="perspektif"');
    expect(form.text).not.toContain('name="rhkAtasanId"');
    const bad = await postForm(pegawai, `/skp/${skpId}/rhk`, { version: await ver(), jenis: 'UTAMA', teks: 'Meningkatnya kualitas layanan data', rhkAtasanId: rhkAtasan });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Pilih perspektif RHK ini.');
    expect((await postForm(pegawai, `/skp/${skpId}/rhk`, { version: await ver(), jenis: 'UTAMA', teks: 'Meningkatnya kualitas layanan data', perspektif: 'PROSES_BISNIS' })).status).toBe(303);
    const rhk = await t.db.prisma.rhk.findFirstOrThrow({ where: { skpId } });
    expect(rhk).toMatchObject({ perspektif: 'PROSES_BISNIS', rhkAtasanId: null });
    expect((await postForm(pegawai, `/skp/${skpId}/rhk/${rhk.id}/indikator`, { version: await ver(), aspek: 'KUANTITAS', teks: 'Jumlah layanan data', jenisTarget: 'ANGKA', targetAngka: '10', satuan: 'layanan', lebihBaik: 'TINGGI' })).status).toBe(303);
    // submission: no leader's RHK is asked for
    expect((await postForm(pegawai, `/skp/${skpId}/ajukan`, { version: await ver(), confirmed: '1' })).status).toBe(303);
    // review: nothing blocks approval, although today's position is not a JPT one
    expect((await pegawai.get(`/skp/${skpId}`).expect(200)).text).toContain('>Perspektif</th>');
    const page = await penilai.get(tinjau()).expect(200);
    expect(page.text).not.toContain('belum dikaitkan dengan RHK pimpinan');
    expect((await postForm(penilai, `/skp/${skpId}/setujui`, { confirmed: '1', version: await ver() }, tinjau())).status).toBe(303);
    expect((await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId } })).status).toBe('DISETUJUI');
    // print: the JPT form's title
    const text = await printed(pegawai);
    expect(text).toContain('BAGI PEJABAT PIMPINAN TINGGI');
    expect(text).toContain('Perspektif Proses Bisnis');
  });
});

describe('the same SKP once its snapshot says otherwise', () => {
  beforeAll(() => setSnapshotJenis('PELAKSANA'));

  it('asks for the leader\'s RHK on the form', async () => {
    const page = await pegawai.get(`/skp/${skpId}`).expect(200);
    expect(page.text).not.toContain('>Perspektif</th>');
    expect(page.text).toContain('>RHK pimpinan yang diintervensi</th>');
    // the approved SKP prints the version that was signed: its frozen snapshot still says JPT
    expect(await printed(pegawai)).toContain('BAGI PEJABAT PIMPINAN TINGGI');
    // the working copy follows the snapshot: an edit opens a new revision, which prints the standard form
    const rhk = await t.db.prisma.rhk.findFirstOrThrow({ where: { skpId } });
    expect((await postForm(pegawai, `/skp/${skpId}/rhk/${rhk.id}`, { version: await ver(), jenis: 'UTAMA', teks: rhk.teks, rhkAtasanId: rhkAtasan })).status).toBe(303);
    expect(await printed(pegawai)).toContain('BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL');
  });
});
