import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveSkp } from '../../src/modules/skp/review/service.js';
import { insertPeriodePlans } from '../../src/db/bulk-insert.js';
import { writePeriodePlans } from '../../src/db/seed-periode.js';
import * as given from '../helpers/given.js';
import { download, pdfPages } from '../helpers/files.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';

// Records that survive revisions, rencana aksi and period targets (docs/domain/skp.md
// § Revisions, § Rencana aksi and period targets).

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  await given.siklusTerbuka(t);
});
afterAll(async () => { await t?.close(); });

const ver = async (skpId: number) => (await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId }, select: { version: true } })).version;
/** The owner submits, the appraiser approves (the next version is frozen). */
async function approveNow(skp: { id: number; pegawaiId: number }, penilaiId: number) {
  await given.submit(t, skp);
  await approveSkp(t.db, await given.actorOf(t, penilaiId), skp.id, await ver(skp.id));
}
/** Everyone with an appraiser of their own, so the SKP can be approved. */
async function team() {
  const { penilai, pegawai } = await given.pegawaiWithPenilai(t);
  return { penilai, pegawai, agent: await loginAs(t.app, pegawai.login) };
}

describe('revisions never destroy records', () => {
  let agent: Agent;
  let skpId: number;
  let pegawaiId: number;
  let penilaiId: number;
  let penilaiLogin: { login: string; password: string };
  let removed: { id: number; teks: string };
  let kept: { id: number; teks: string };

  beforeAll(async () => {
    const w = await team();
    agent = w.agent;
    pegawaiId = w.pegawai.id;
    penilaiId = w.penilai.id;
    penilaiLogin = w.penilai.login;
    const s = await given.skpDisetujui(t, w.pegawai, { rhk: 1, indikator: 2 });
    skpId = s.id;
    const rows = await t.db.prisma.indikator.findMany({ where: { rhk: { skpId } }, orderBy: { urutan: 'asc' } });
    removed = rows[0]!;
    kept = rows[1]!;
  });

  it('approve, open a revision, remove an indicator, approve again: version 1 still shows it, the row still exists, version 2 does not', async () => {
    const res = await postForm(agent, `/skp/${skpId}/indikator/${removed.id}/hapus`, { version: await ver(skpId) }, `/skp/${skpId}`);
    expect(res.status).toBe(303);
    const row = await t.db.prisma.indikator.findUniqueOrThrow({ where: { id: removed.id } });
    expect(row.dihapusRevisi).toBe(2);
    // gone from the live SKP, and the one left is number 1 now
    const page = await agent.get(`/skp/${skpId}`).expect(200);
    expect(page.text).not.toContain(removed.teks);
    expect(page.text).toContain(kept.teks);
    expect((await t.db.prisma.indikator.findUniqueOrThrow({ where: { id: kept.id } })).urutan).toBe(1);

    await approveNow({ id: skpId, pegawaiId }, penilaiId);
    const v1 = await agent.get(`/skp/${skpId}/versi/1`).expect(200);
    expect(v1.text).toContain(removed.teks);
    const v2 = await agent.get(`/skp/${skpId}/versi/2`).expect(200);
    expect(v2.text).not.toContain(removed.teks);
    expect(v2.text).toContain(kept.teks);
    // the frozen documents carry the stable ids
    const data = (await t.db.prisma.skpVersi.findUniqueOrThrow({ where: { skpId_revisi: { skpId, revisi: 1 } } })).data as { rhk: { indikator: { id: number }[] }[] };
    expect(data.rhk[0]!.indikator.map((i) => i.id)).toEqual([removed.id, kept.id]);
    const diff = await agent.get(`/skp/${skpId}/versi/diff?dari=1&ke=2`).expect(200);
    expect(diff.text).toContain(removed.teks);
    expect(diff.text).toContain('Dihapus');
    // still there after approval, and the print of the live SKP leaves it out
    expect(await t.db.prisma.indikator.count({ where: { id: removed.id } })).toBe(1);
    const pdf = (await pdfPages((await download(agent, `/skp/${skpId}/cetak.pdf`).expect(200)).body as Buffer)).join(' ');
    expect(pdf).not.toContain(removed.teks);
    expect(pdf).toContain(kept.teks);
  });

  it('a row never approved is deleted for real', async () => {
    const rhk = await t.db.prisma.rhk.findFirstOrThrow({ where: { skpId, dihapusRevisi: null } });
    const added = await postForm(agent, `/skp/${skpId}/rhk/${rhk.id}/indikator`, { version: await ver(skpId), aspek: 'WAKTU', teks: 'Waktu penyelesaian uji', jenisTarget: 'ANGKA', targetAngka: '5', satuan: 'hari', lebihBaik: 'RENDAH', gabungPeriode: 'RATA_RATA' }, `/skp/${skpId}`);
    expect(added.status).toBe(303);
    const fresh = await t.db.prisma.indikator.findFirstOrThrow({ where: { rhkId: rhk.id, teks: 'Waktu penyelesaian uji' } });
    expect(fresh.gabungPeriode).toBe('RATA_RATA');
    expect(fresh.urutan).toBe(2); // after the one live indicator, not after the retired one
    expect((await postForm(agent, `/skp/${skpId}/indikator/${fresh.id}/hapus`, { version: await ver(skpId) }, `/skp/${skpId}`)).status).toBe(303);
    expect(await t.db.prisma.indikator.count({ where: { id: fresh.id } })).toBe(0);
  });

  it('removing an approved RHK retires it with its indicators; version 2 still shows them', async () => {
    const rhk = await t.db.prisma.rhk.findFirstOrThrow({ where: { skpId, dihapusRevisi: null } });
    expect((await postForm(agent, `/skp/${skpId}/rhk/${rhk.id}/hapus`, { version: await ver(skpId) }, `/skp/${skpId}`)).status).toBe(303);
    const after = await t.db.prisma.rhk.findUniqueOrThrow({ where: { id: rhk.id }, include: { indikator: true } });
    expect(after.dihapusRevisi).toBe(3);
    expect(after.indikator.find((i) => i.id === kept.id)!.dihapusRevisi).toBe(3);
    expect((await agent.get(`/skp/${skpId}`).expect(200)).text).not.toContain(rhk.teks);
    expect((await agent.get(`/skp/${skpId}/versi/2`).expect(200)).text).toContain(rhk.teks);
    // the appraiser's counts skip it: the SKP has no live RHK now
    const penilai = await loginAs(t.app, penilaiLogin);
    const matriks = await penilai.get('/skp/matriks').expect(200);
    expect(matriks.text).not.toContain(rhk.teks);
  });

  it('the database refuses to delete what is referenced (ON DELETE RESTRICT)', async () => {
    const rhk = await t.db.prisma.rhk.findFirstOrThrow({ where: { skpId } });
    await expect(t.db.pool.query('DELETE FROM rhk WHERE id = $1', [rhk.id])).rejects.toThrow(/foreign key/);
    await expect(t.db.pool.query('DELETE FROM skp WHERE id = $1', [skpId])).rejects.toThrow(/foreign key/);
  });
});

describe('rencana aksi and targets per period', () => {
  let agent: Agent;
  let skp: { id: number; pegawaiId: number };
  let penilaiId: number;
  let penilaiLogin: { login: string; password: string };
  let rhkId: number;
  let angka: number; // JUMLAH, 100 laporan a year
  let rentang: number;
  let periode: { id: number; nama: string }[];
  const form = () => `/skp/${skp.id}/rhk/${rhkId}/periode`;

  beforeAll(async () => {
    const w = await team();
    agent = w.agent;
    penilaiId = w.penilai.id;
    penilaiLogin = w.penilai.login;
    const s = await given.skp(t, w.pegawai, { rhk: 0 });
    skp = s;
    const atasan = (await given.skp(t, w.penilai, { rhk: 1 })).rhk[0]!;
    const r = await given.rhk(t, s, { teks: 'Terselenggaranya layanan informasi publik', rhkAtasanId: atasan.id, indikator: { teks: 'Jumlah laporan layanan informasi', targetAngka: '100', satuan: 'laporan' } });
    rhkId = r.id;
    angka = r.indikator!;
    await t.db.prisma.indikator.update({ where: { id: angka }, data: { gabungPeriode: 'JUMLAH' } });
    const v = await ver(s.id);
    await postForm(agent, `/skp/${s.id}/rhk/${rhkId}/indikator`, { version: v, aspek: 'KUALITAS', teks: 'Persentase permohonan tepat waktu', jenisTarget: 'RENTANG', targetMin: '80', targetMax: '90', satuan: '%', lebihBaik: 'TINGGI', gabungPeriode: 'RATA_RATA' }, `/skp/${s.id}`);
    rentang = (await t.db.prisma.indikator.findFirstOrThrow({ where: { rhkId, jenisTarget: 'RENTANG' } })).id;
    periode = await t.db.prisma.periode.findMany({ where: { siklusId: s.siklusId }, orderBy: { urutan: 'asc' }, select: { id: true, nama: true } });
    expect(periode).toHaveLength(4);
  });

  const body = async (over: Record<string, string> = {}) => ({
    version: String(await ver(skp.id)),
    [`aksi_${periode[0]!.id}`]: 'Menyusun jadwal layanan\nMenyiapkan formulir permohonan',
    [`aksi_${periode[1]!.id}`]: 'Melayani permohonan informasi',
    ...Object.fromEntries(periode.map((p) => [`t_${angka}_${p.id}`, '25'])),
    [`tmin_${rentang}_${periode[0]!.id}`]: '75,5',
    [`tmax_${rentang}_${periode[0]!.id}`]: '85',
    ...over,
  });

  it('shows a form with every period; saves the lines and the targets in Indonesian decimals', async () => {
    const page = await agent.get(form()).expect(200);
    for (const p of periode) expect(page.text).toContain(p.nama);
    const res = await postForm(agent, form(), await body(), form());
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/skp/${skp.id}#rhk-${rhkId}`); // 25 × 4 = 100: no warning
    const aksi = await t.db.prisma.rencanaAksi.findMany({ where: { rhkId }, orderBy: [{ periodeId: 'asc' }, { urutan: 'asc' }] });
    expect(aksi.map((a) => [a.periodeId, a.urutan, a.teks])).toEqual([
      [periode[0]!.id, 1, 'Menyusun jadwal layanan'], [periode[0]!.id, 2, 'Menyiapkan formulir permohonan'], [periode[1]!.id, 1, 'Melayani permohonan informasi'],
    ]);
    const tp = await t.db.prisma.targetPeriode.findUniqueOrThrow({ where: { indikatorId_periodeId: { indikatorId: rentang, periodeId: periode[0]!.id } } });
    expect([tp.targetMin?.toString(), tp.targetMax?.toString()]).toEqual(['75.5', '85']);
    expect(await t.db.prisma.targetPeriode.count({ where: { indikatorId: angka } })).toBe(4);
    // the planning page shows the grid; the form shows the stored values with a comma
    const skpPage = await agent.get(`/skp/${skp.id}`).expect(200);
    expect(skpPage.text).toContain('Menyiapkan formulir permohonan');
    expect(skpPage.text).toContain('class="periode-grid"');
    expect((await agent.get(form()).expect(200)).text).toContain('value="75,5"');
  });

  it.each([
    ['just below', '24,9999', true],
    ['at', '25', false],
    ['just above', '25,0001', true],
  ])('JUMLAH: period targets %s the year: warned=%s, saved either way', async (_n, last, warned) => {
    const res = await postForm(agent, form(), await body({ [`t_${angka}_${periode[3]!.id}`]: last }), form());
    expect(res.status).toBe(303);
    const page = await agent.get(res.headers.location!.split('#')[0]!).expect(200);
    expect(page.text.includes('tidak sama dengan target tahunan')).toBe(warned);
    expect(res.headers.location!.includes('/periode')).toBe(warned);
    const saved = await t.db.prisma.targetPeriode.findUniqueOrThrow({ where: { indikatorId_periodeId: { indikatorId: angka, periodeId: periode[3]!.id } } });
    expect(Number(saved.targetAngka)).toBe(Number(last.replace(',', '.')));
  });

  it('refuses what is not a target next to its field and keeps what was typed; a stale form is a conflict', async () => {
    const typed = 'Rencana yang tidak boleh hilang';
    const bad = await postForm(agent, form(), await body({ [`aksi_${periode[2]!.id}`]: typed, [`t_${angka}_${periode[1]!.id}`]: 'dua puluh' }), form());
    expect(bad.status).toBe(422);
    expect(bad.text).toContain(typed);
    expect(bad.text).toContain('value="dua puluh"');
    expect(bad.text).toMatch(new RegExp(`id="f-t_${angka}_${periode[1]!.id}-err">Isi angka`));
    const half = await postForm(agent, form(), await body({ [`tmin_${rentang}_${periode[1]!.id}`]: '70' }), form());
    expect(half.status).toBe(422);
    expect(half.text).toMatch(new RegExp(`id="f-tmax_${rentang}_${periode[1]!.id}-err">Isi kedua batas`));
    const upside = await postForm(agent, form(), await body({ [`tmin_${rentang}_${periode[1]!.id}`]: '90', [`tmax_${rentang}_${periode[1]!.id}`]: '80' }), form());
    expect(upside.text).toMatch(new RegExp(`id="f-tmax_${rentang}_${periode[1]!.id}-err">Batas bawah melebihi`));
    const stale = await postForm(agent, form(), { ...(await body()), version: String((await ver(skp.id)) - 1) }, form());
    expect(stale.status).toBe(409);
    expect(await t.db.prisma.rencanaAksi.count({ where: { rhkId, teks: typed } })).toBe(0);
  });

  it('a blank period target removes it (the period falls back to the year)', async () => {
    await postForm(agent, form(), await body({ [`tmin_${rentang}_${periode[0]!.id}`]: '', [`tmax_${rentang}_${periode[0]!.id}`]: '' }), form());
    expect(await t.db.prisma.targetPeriode.count({ where: { indikatorId: rentang } })).toBe(0);
  });

  it("changing an indicator's kind of target drops its period targets (they were of the old kind)", async () => {
    await postForm(agent, form(), await body(), form());
    expect(await t.db.prisma.targetPeriode.count({ where: { indikatorId: rentang } })).toBe(1);
    const edit = async (over: Record<string, string>) => postForm(agent, `/skp/${skp.id}/indikator/${rentang}`, { version: String(await ver(skp.id)), aspek: 'KUALITAS', teks: 'Persentase permohonan tepat waktu', satuan: '%', lebihBaik: 'TINGGI', gabungPeriode: 'RATA_RATA', ...over }, `/skp/${skp.id}`);
    expect((await edit({ jenisTarget: 'ANGKA', targetAngka: '85' })).status).toBe(303);
    expect(await t.db.prisma.targetPeriode.count({ where: { indikatorId: rentang } })).toBe(0);
    expect((await edit({ jenisTarget: 'RENTANG', targetMin: '80', targetMax: '90' })).status).toBe(303);
  });

  it('approved rencana aksi survive a revision; the review page, the diff and the PDF show them', async () => {
    await postForm(agent, form(), await body(), form());
    await approveNow(skp, penilaiId);
    const penilai = await loginAs(t.app, penilaiLogin);
    const review = await penilai.get(`/skp/${skp.id}/tinjau`).expect(200);
    expect(review.text).toContain('Menyusun jadwal layanan');
    expect(review.text).toContain('75,5');

    const pdf = await pdfPages((await download(agent, `/skp/${skp.id}/cetak.pdf`).expect(200)).body as Buffer);
    const sheet = pdf.find((p) => p.includes('RENCANA AKSI DAN TARGET PERIODIK'));
    expect(sheet).toBeDefined();
    expect(sheet).toContain('Menyiapkan formulir permohonan');
    expect(sheet).toContain(periode[0]!.nama);

    const old = await t.db.prisma.rencanaAksi.findFirstOrThrow({ where: { rhkId, teks: 'Menyusun jadwal layanan' } });
    const res = await postForm(agent, form(), await body({ [`aksi_${periode[0]!.id}`]: 'Menyiapkan formulir permohonan\nMenyusun SOP layanan' }), form());
    expect(res.status).toBe(303);
    const now = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id } });
    expect(now.revisi).toBe(2);
    expect((await t.db.prisma.rencanaAksi.findUniqueOrThrow({ where: { id: old.id } })).dihapusRevisi).toBe(2);
    const stay = await t.db.prisma.rencanaAksi.findFirstOrThrow({ where: { rhkId, teks: 'Menyiapkan formulir permohonan' } });
    expect([stay.urutan, stay.dihapusRevisi]).toEqual([1, null]);
    const diff = await agent.get(`/skp/${skp.id}/versi/diff?dari=1&ke=kini`).expect(200);
    expect(diff.text).toContain('<del>Menyusun jadwal layanan</del>');
    expect(diff.text).toContain('<ins>Menyusun SOP layanan</ins>');
    expect((await agent.get(`/skp/${skp.id}/versi/1`).expect(200)).text).toContain('Menyusun jadwal layanan');
  });
});

describe('the demo seed (src/db/seed-periode.ts) and the bench writer (src/db/bulk-insert.ts)', () => {
  it('the seed plans an SKP through the form and the service before approval: the version has it, JUMLAH targets add up', async () => {
    const w = await team();
    const s = await given.skp(t, w.pegawai, { rhk: 1, indikator: 2 });
    const inds = await t.db.prisma.indikator.findMany({ where: { rhk: { skpId: s.id } }, orderBy: { urutan: 'asc' } });
    await t.db.prisma.indikator.update({ where: { id: inds[0]!.id }, data: { gabungPeriode: 'JUMLAH', targetAngka: 10 } });
    await writePeriodePlans(t.db, await given.actorOf(t, w.pegawai.id), s.id);
    const tp = await t.db.prisma.targetPeriode.findMany({ where: { indikatorId: inds[0]!.id } });
    expect(tp.map((x) => Number(x.targetAngka)).sort()).toEqual([2, 2, 2, 4]);
    expect(await t.db.prisma.targetPeriode.count({ where: { indikatorId: inds[1]!.id } })).toBe(0); // every other indicator
    expect(await t.db.prisma.rencanaAksi.count({ where: { rhk: { skpId: s.id } } })).toBe(5); // 2 + 1 + 1 + 1
    await approveNow(s, w.penilai.id);
    expect((await w.agent.get(`/skp/${s.id}/versi/1`).expect(200)).text).toContain('Menyusun rencana kerja dan jadwal pelaksanaan');
    expect((await w.agent.get(`/skp/${s.id}/versi/diff?dari=1&ke=kini`).expect(200)).text).toContain('Tidak ada perbedaan');
  });

  it('the bench writer gives half the ANGKA indicators period targets, JUMLAH split exactly', async () => {
    const w = await team();
    const s = await given.skp(t, w.pegawai, { rhk: 1, indikator: 2 });
    const inds = await t.db.prisma.indikator.findMany({ where: { rhk: { skpId: s.id } } });
    for (const i of inds) await t.db.prisma.indikator.update({ where: { id: i.id }, data: { gabungPeriode: 'JUMLAH', targetAngka: 13 } });
    await insertPeriodePlans(t.db.pool, { siklusId: s.siklusId, status: ['DRAFT'], rencanaAksi: true, targetEvery: 2 });
    const even = inds.find((i) => i.id % 2 === 0)!;
    const odd = inds.find((i) => i.id % 2 === 1)!;
    const tp = await t.db.prisma.targetPeriode.findMany({ where: { indikatorId: even.id } });
    expect(tp.map((x) => Number(x.targetAngka)).sort((a, b) => a - b)).toEqual([3, 3, 3, 4]);
    expect(await t.db.prisma.targetPeriode.count({ where: { indikatorId: odd.id } })).toBe(0);
    expect(await t.db.prisma.rencanaAksi.count({ where: { rhk: { skpId: s.id } } })).toBe(5);
  });
});
