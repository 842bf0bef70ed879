import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BERAKHLAK, NILAI_BERAKHLAK } from '../../src/domain/berakhlak.js';
import { indikatorIsiDari, rhkIsiDari } from '../../src/domain/skp-document.js';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';

// The employee's side of SKP planning (docs/domain/skp.md): drafting RHKs linked to the
// appraiser's draft RHKs, indicators with checked targets, lampiran, submission, copying last
// year's SKP, and who may see or change what.

let t: TestApp;
let penilai: Agent;
let pegawai: Agent;
let siklusId: number;
const ids = { penilai: 0, pegawai: 0, rekan: 0, skpPenilai: 0, skp: 0, rhkAtasan: 0, rhk1: 0, rhk2: 0 };

/** What a copy must carry of an SKP: every RHK and indicator field of the document model. */
const isi = (s: Awaited<ReturnType<typeof skpOf>>) =>
  s.rhk.map((r) => ({ ...rhkIsiDari(r), urutan: r.urutan, indikator: r.indikator.sort((a, b) => a.urutan - b.urutan).map((i) => ({ ...indikatorIsiDari(i), urutan: i.urutan })) }));
const skpOf = (id: number) => t.db.prisma.skp.findUniqueOrThrow({ where: { id }, include: { rhk: { orderBy: [{ jenis: 'asc' }, { urutan: 'asc' }], include: { indikator: true } }, lampiran: true } });
const ver = async (id: number) => (await t.db.prisma.skp.findUniqueOrThrow({ where: { id } })).version;
const skpIn = (siklus: number, pegawaiId: number) => t.db.prisma.skp.findFirstOrThrow({ where: { siklusId: siklus, pegawaiId, ditutupAt: null } });
const decode = (html: string) => html.replace(/&#34;|&quot;/g, '"').replace(/&#39;/g, "'");
const goodIndikator = { aspek: 'KUANTITAS', teks: 'Jumlah laporan evaluasi aplikasi', jenisTarget: 'ANGKA', targetAngka: '12,5', satuan: 'laporan', lebihBaik: 'TINGGI' };

let world: given.Organisasi;

beforeAll(async () => {
  t = await testApp();
  // A world of its own: penilai appraises pegawai (self) and rekan; pimpinan heads their bidang
  // and appraises penilai; kadis, a JPT, heads the agency.
  world = await given.organisasi(t);
  siklusId = (await given.siklusTerbuka(t, { tahun: 2027 })).id;
  const { penilai: pn, self: pg, rekan } = world.people;
  Object.assign(ids, { penilai: pn.id, pegawai: pg.id, rekan: rekan.id });
  ids.skpPenilai = (await skpIn(siklusId, pn.id)).id;
  ids.skp = (await skpIn(siklusId, pg.id)).id;
  penilai = await loginAs(t.app, pn.login);
  pegawai = await loginAs(t.app, pg.login);
});
afterAll(async () => { await t.close(); });

describe('drafting an SKP (employee)', () => {
  it('the appraiser drafts an RHK; with no RHK above them yet they can save it unlinked', async () => {
    const form = await penilai.get(`/skp/${ids.skpPenilai}/rhk/baru`).expect(200);
    expect(decode(form.text)).toContain('belum menuliskan RHK di SKP tahun ini');
    const res = await postForm(penilai, `/skp/${ids.skpPenilai}/rhk`, { version: await ver(ids.skpPenilai), jenis: 'UTAMA', teks: 'Terkelolanya layanan aplikasi pemerintahan' });
    expect(res.status).toBe(303);
    const skp = await skpOf(ids.skpPenilai);
    expect(skp.rhk).toHaveLength(1);
    expect(skp.status).toBe('DRAFT');
    ids.rhkAtasan = skp.rhk[0]!.id;
  });

  it('the employee links two RHKs to the appraiser\'s DRAFT RHK (nobody waits for an approval)', async () => {
    const page = await pegawai.get('/skp').expect(200);
    expect(page.text).toContain('SKP Tahun 2027');
    const form = await pegawai.get(`/skp/${ids.skp}/rhk/baru`).expect(200);
    expect(form.text).toContain(`<option value="${ids.rhkAtasan}"`);
    const unlinked = await postForm(pegawai, `/skp/${ids.skp}/rhk`, { version: await ver(ids.skp), jenis: 'UTAMA', teks: 'Tersusunnya laporan evaluasi aplikasi', rhkAtasanId: '' });
    expect(unlinked.status).toBe(422);
    expect(unlinked.text).toContain('Pilih RHK pimpinan yang diintervensi oleh RHK ini.');
    expect(unlinked.text).toContain('Tersusunnya laporan evaluasi aplikasi');
    for (const teks of ['Tersusunnya laporan evaluasi aplikasi', 'Terpeliharanya server aplikasi']) {
      const res = await postForm(pegawai, `/skp/${ids.skp}/rhk`, { version: await ver(ids.skp), jenis: 'UTAMA', teks, rhkAtasanId: ids.rhkAtasan });
      expect(res.status).toBe(303);
    }
    const skp = await skpOf(ids.skp);
    expect(skp.rhk.map((r) => [r.urutan, r.rhkAtasanId])).toEqual([[1, ids.rhkAtasan], [2, ids.rhkAtasan]]);
    ids.rhk1 = skp.rhk[0]!.id;
    ids.rhk2 = skp.rhk[1]!.id;
    expect((await skpOf(ids.skpPenilai)).status).toBe('DRAFT');
  });

  it('adds indicators, taking Indonesian decimals and refusing targets that make no sense', async () => {
    const ok = await postForm(pegawai, `/skp/${ids.skp}/rhk/${ids.rhk1}/indikator`, { version: await ver(ids.skp), ...goodIndikator });
    expect(ok.status).toBe(303);
    const ind = (await skpOf(ids.skp)).rhk[0]!.indikator;
    expect(ind).toHaveLength(1);
    expect(Number(ind[0]!.targetAngka)).toBe(12.5);

    const range = await postForm(pegawai, `/skp/${ids.skp}/rhk/${ids.rhk1}/indikator`, {
      version: await ver(ids.skp), aspek: 'KUALITAS', teks: 'Tingkat kepuasan pengguna', jenisTarget: 'RENTANG', targetMin: '90', targetMax: '80,5', satuan: '%', lebihBaik: 'TINGGI',
    });
    expect(range.status).toBe(422);
    expect(range.text).toContain('Batas bawah lebih besar dari batas atas.');
    expect(range.text).toContain('value="80,5"');
    expect(range.text).toContain('value="90"');
    expect(range.text).toContain('Tingkat kepuasan pengguna');

    const lower = await postForm(pegawai, `/skp/${ids.skp}/rhk/${ids.rhk1}/indikator`, {
      version: await ver(ids.skp), aspek: 'WAKTU', teks: 'Rata-rata waktu pemulihan gangguan', jenisTarget: 'ANGKA', targetAngka: '0', satuan: 'jam', lebihBaik: 'RENDAH',
    });
    expect(lower.status).toBe(422);
    expect(lower.text).toContain('Target 0 tidak dapat dipakai bila nilai lebih rendah lebih baik');
    expect((await skpOf(ids.skp)).rhk[0]!.indikator).toHaveLength(1);
  });

  it('refuses to submit while an RHK has no indicator, naming that RHK', async () => {
    const res = await postForm(pegawai, `/skp/${ids.skp}/ajukan`, { version: await ver(ids.skp) });
    expect(res.status).toBe(409);
    expect(decode(res.text)).toContain('RHK "A.2 Terpeliharanya server aplikasi" belum memiliki indikator kinerja.');
    expect((await skpOf(ids.skp)).status).toBe('DRAFT');
  });

  it('submits once fixed; a second submit changes nothing and says so', async () => {
    const add = await postForm(pegawai, `/skp/${ids.skp}/rhk/${ids.rhk2}/indikator`, { version: await ver(ids.skp), ...goodIndikator, teks: 'Persentase waktu server aktif', jenisTarget: 'RENTANG', targetMin: '99', targetMax: '99,9', satuan: '%' });
    expect(add.status).toBe(303);
    const v = await ver(ids.skp);
    // a deliberate step asks first (issue 9), naming the appraiser and what follows
    const ask = await postForm(pegawai, `/skp/${ids.skp}/ajukan`, { version: v });
    expect(ask.status).toBe(200);
    expect(decode(ask.text)).toMatch(/Ajukan SKP \d{4} kepada .+\?/);
    expect(decode(ask.text)).toContain('tidak dapat diubah sampai pejabat penilai menyetujui atau mengembalikannya');
    expect((await skpOf(ids.skp)).status).toBe('DRAFT');
    const res = await postForm(pegawai, `/skp/${ids.skp}/ajukan`, { version: v, confirmed: '1' });
    expect(res.status).toBe(303);
    const skp = await skpOf(ids.skp);
    expect(skp.status).toBe('DIAJUKAN');
    expect(skp.diajukanAt).not.toBeNull();
    const again = await postForm(pegawai, `/skp/${ids.skp}/ajukan`, { version: v });
    expect(again.status).toBe(409);
    expect(again.text).toContain('SKP sudah diajukan.');
    expect((await skpOf(ids.skp)).version).toBe(skp.version);
    expect(await t.db.prisma.auditLog.count({ where: { entitas: 'skp', entitasId: String(ids.skp), aksi: 'skp.submit' } })).toBe(1);
  });

  it('cannot be edited while waiting for approval', async () => {
    const res = await postForm(pegawai, `/skp/${ids.skp}/rhk`, { version: await ver(ids.skp), jenis: 'TAMBAHAN', teks: 'Tugas tambahan dari pimpinan', rhkAtasanId: ids.rhkAtasan });
    expect(res.status).toBe(409);
    expect(res.text).toContain('SKP sedang menunggu persetujuan pejabat penilai dan belum dapat diubah.');
    expect(res.text).toContain('Tugas tambahan dari pimpinan');
    await pegawai.get(`/skp/${ids.skp}/rhk/baru`).expect(409);
    const page = await pegawai.get(`/skp/${ids.skp}`).expect(200);
    expect(page.text).not.toContain(`action="/skp/${ids.skp}/`);
    expect((await skpOf(ids.skp)).rhk).toHaveLength(2);
  });

  it('shows a returned SKP\'s reason and the notes per RHK, and edits go on', async () => {
    await t.db.prisma.skp.update({ where: { id: ids.skp }, data: { status: 'DIKEMBALIKAN', alasanKembali: 'Target kurang menantang.', version: { increment: 1 } } });
    await t.db.prisma.rhk.update({ where: { id: ids.rhk1 }, data: { catatanPenilai: 'Naikkan jumlah laporannya.' } });
    const page = await pegawai.get('/skp').expect(200);
    expect(page.text).toContain('Target kurang menantang.');
    expect(page.text).toContain('Naikkan jumlah laporannya.');
    expect(page.text).toContain(`action="/skp/${ids.skp}/ajukan"`);
  });

  it('refuses a stale form with the clear message and keeps what was typed', async () => {
    const stale = (await ver(ids.skp)) - 1;
    const lampiran = await postForm(pegawai, `/skp/${ids.skp}/lampiran`, { version: stale, _form: 'lampiran-KONSEKUENSI', jenis: 'KONSEKUENSI', teks: 'Teguran tertulis bila target tidak tercapai' });
    expect(lampiran.status).toBe(409);
    expect(lampiran.text).toContain('Data ini baru saja diubah oleh orang lain');
    expect(lampiran.text).toContain('value="Teguran tertulis bila target tidak tercapai"');
    const rhk = await postForm(pegawai, `/skp/${ids.skp}/rhk/${ids.rhk1}`, { version: stale, jenis: 'UTAMA', teks: 'Teks yang baru diketik', rhkAtasanId: ids.rhkAtasan });
    expect(rhk.status).toBe(409);
    expect(rhk.text).toContain('Data ini baru saja diubah oleh orang lain');
    expect(rhk.text).toContain('Teks yang baru diketik');
    expect((await skpOf(ids.skp)).lampiran).toHaveLength(0);
  });

  it('keeps lampiran lists, and numbers RHKs per kind, closing gaps on delete', async () => {
    for (const teks of ['Akses ke server aplikasi', 'Anggaran pelatihan keamanan']) {
      expect((await postForm(pegawai, `/skp/${ids.skp}/lampiran`, { version: await ver(ids.skp), _form: 'lampiran-DUKUNGAN_SUMBER_DAYA', jenis: 'DUKUNGAN_SUMBER_DAYA', teks })).status).toBe(303);
    }
    const empty = await postForm(pegawai, `/skp/${ids.skp}/lampiran`, { version: await ver(ids.skp), _form: 'lampiran-KONSEKUENSI', jenis: 'KONSEKUENSI', teks: '' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Wajib diisi.');
    let skp = await skpOf(ids.skp);
    expect(skp.lampiran.map((l) => l.urutan).sort()).toEqual([1, 2]);
    expect((await postForm(pegawai, `/skp/${ids.skp}/lampiran/${skp.lampiran.find((l) => l.urutan === 1)!.id}/hapus`, { version: skp.version })).status).toBe(303);
    skp = await skpOf(ids.skp);
    expect(skp.lampiran.map((l) => [l.urutan, l.teks])).toEqual([[1, 'Anggaran pelatihan keamanan']]);

    expect((await postForm(pegawai, `/skp/${ids.skp}/rhk`, { version: skp.version, jenis: 'UTAMA', teks: 'Terdokumentasinya arsitektur aplikasi', rhkAtasanId: ids.rhkAtasan })).status).toBe(303);
    expect((await postForm(pegawai, `/skp/${ids.skp}/rhk`, { version: await ver(ids.skp), jenis: 'TAMBAHAN', teks: 'Menjadi narasumber literasi digital', rhkAtasanId: ids.rhkAtasan })).status).toBe(303);
    skp = await skpOf(ids.skp);
    expect(skp.rhk.map((r) => `${r.jenis}.${r.urutan}`)).toEqual(['UTAMA.1', 'UTAMA.2', 'UTAMA.3', 'TAMBAHAN.1']);
    expect((await postForm(pegawai, `/skp/${ids.skp}/rhk/${ids.rhk1}/hapus`, { version: skp.version })).status).toBe(303);
    skp = await skpOf(ids.skp);
    expect(skp.rhk.map((r) => `${r.jenis}.${r.urutan} ${r.teks}`)).toEqual([
      'UTAMA.1 Terpeliharanya server aplikasi',
      'UTAMA.2 Terdokumentasinya arsitektur aplikasi',
      'TAMBAHAN.1 Menjadi narasumber literasi digital',
    ]);
    const page = await pegawai.get(`/skp/${ids.skp}`).expect(200);
    expect(page.text).toContain('A. UTAMA');
    expect(page.text).toContain('B. TAMBAHAN');
    expect(page.text).toContain('99–99,9 %');
  });

  it('refuses to delete an RHK that subordinates intervene, saying how many', async () => {
    const res = await postForm(penilai, `/skp/${ids.skpPenilai}/rhk/${ids.rhkAtasan}/hapus`, { version: await ver(ids.skpPenilai) });
    expect(res.status).toBe(409);
    expect(res.text).toContain('diintervensi oleh 3 RHK bawahan Anda');
    expect((await skpOf(ids.skpPenilai)).rhk).toHaveLength(1);
  });

  it('a change after approval opens a new revision', async () => {
    await t.db.prisma.skp.update({ where: { id: ids.skp }, data: { status: 'DISETUJUI', disetujuiAt: new Date(), version: { increment: 1 } } });
    const page = await pegawai.get(`/skp/${ids.skp}`).expect(200);
    expect(page.text).toContain('akan membuka revisi 2');
    const res = await postForm(pegawai, `/skp/${ids.skp}/pendekatan`, { version: await ver(ids.skp), _form: 'pendekatan', pendekatan: 'KUALITATIF' });
    expect(res.status).toBe(303);
    const skp = await skpOf(ids.skp);
    expect([skp.status, skp.revisi, skp.pendekatan]).toEqual(['DRAFT', 2, 'KUALITATIF']);
    const after = await pegawai.get(`/skp/${ids.skp}`).expect(200);
    expect(after.text).toContain('Revisi 2 dibuka.');
  });
});

describe('who sees what', () => {
  it('another employee can neither see nor change it', async () => {
    const rekan = await loginAs(t.app, world.people.rekan.login);
    await rekan.get(`/skp/${ids.skp}`).expect(404);
    const res = await postForm(rekan, `/skp/${ids.skp}/rhk`, { version: await ver(ids.skp), jenis: 'UTAMA', teks: 'Mencoba mengubah SKP orang lain', rhkAtasanId: ids.rhkAtasan });
    expect(res.status).toBe(404);
    expect((await postForm(rekan, `/skp/${ids.skp}/ajukan`, { version: await ver(ids.skp) })).status).toBe(404);
  });

  it('the pimpinan of the subtree reads it without any form; the seven BerAKHLAK values are there', async () => {
    const pimpinan = await loginAs(t.app, world.people.pimpinan.login);
    const page = await pimpinan.get(`/skp/${ids.skp}`).expect(200);
    expect(page.text).not.toContain(`action="/skp/${ids.skp}`);
    expect(page.text).toContain('Terpeliharanya server aplikasi');
    expect(page.text).toContain('Terkelolanya layanan aplikasi pemerintahan');
    for (const n of NILAI_BERAKHLAK) expect(page.text).toContain(BERAKHLAK[n].nama);
    expect(page.text).toContain(BERAKHLAK.HARMONIS.perilaku[1]);
    await pimpinan.get(`/skp/${ids.skp}/rhk/baru`).expect(403);
  });

  it('a JPT names a perspective instead of a leader\'s RHK', async () => {
    const kadis = await loginAs(t.app, world.people.kadis.login);
    const page = await kadis.get('/skp').expect(200);
    expect(page.text).toContain('Perspektif');
    const id = Number(/action="\/skp\/(\d+)\/pendekatan"/.exec(page.text)![1]);
    const bad = await postForm(kadis, `/skp/${id}/rhk`, { version: await ver(id), jenis: 'UTAMA', teks: 'Meningkatnya kualitas layanan digital pemerintah daerah' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Pilih perspektif RHK ini.');
    const ok = await postForm(kadis, `/skp/${id}/rhk`, { version: await ver(id), jenis: 'UTAMA', teks: 'Meningkatnya kualitas layanan digital pemerintah daerah', perspektif: 'PENERIMA_LAYANAN', penugasanDari: 'Bupati' });
    expect(ok.status).toBe(303);
    const rhk = await t.db.prisma.rhk.findFirstOrThrow({ where: { skpId: id } });
    expect([rhk.perspektif, rhk.penugasanDari, rhk.rhkAtasanId]).toEqual(['PENERIMA_LAYANAN', 'Bupati', null]);
  });

  it('someone without an SKP gets a friendly page', async () => {
    const admin = await loginAs(t.app, 'admin');
    const page = await admin.get('/skp').expect(200);
    expect(page.text).toContain('tidak terhubung dengan data pegawai');
  });
});

describe('copying last year\'s SKP', () => {
  it('copies RHKs (without last year\'s links), indicators and lampiran into an empty SKP, once', async () => {
    const lalu = await t.db.prisma.siklus.create({ data: { tahun: 2026, fase: 'SELESAI' } });
    const snapshot = (await skpIn(siklusId, ids.rekan)).snapshot as object;
    const atasanLalu = await t.db.prisma.skp.create({
      data: { siklusId: lalu.id, pegawaiId: ids.penilai, snapshot, status: 'DISETUJUI', periodeAwal: new Date('2026-01-01'), periodeAkhir: new Date('2026-12-31'), rhk: { create: { jenis: 'UTAMA', urutan: 1, teks: 'RHK pimpinan 2026' } } },
      include: { rhk: true },
    });
    const sumber = await t.db.prisma.skp.create({
      data: {
        siklusId: lalu.id, pegawaiId: ids.rekan, penilaiId: ids.penilai, snapshot, status: 'DISETUJUI', periodeAwal: new Date('2026-01-01'), periodeAkhir: new Date('2026-12-31'),
        rhk: {
          create: [
            { jenis: 'UTAMA', urutan: 1, teks: 'Terlayaninya permintaan data 2026', rhkAtasanId: atasanLalu.rhk[0]!.id, indikator: { create: [{ aspek: 'KUANTITAS', urutan: 1, teks: 'Jumlah permintaan terlayani', jenisTarget: 'ANGKA', targetAngka: 150, satuan: 'permintaan', gabungPeriode: 'JUMLAH' }, { aspek: 'WAKTU', urutan: 2, teks: 'Waktu layanan', jenisTarget: 'ANGKA', targetAngka: 2, satuan: 'hari', lebihBaik: 'RENDAH' }] } },
            { jenis: 'TAMBAHAN', urutan: 1, teks: 'Menjadi panitia pameran 2026', indikator: { create: { aspek: 'KUALITAS', urutan: 1, teks: 'Pameran terselenggara', jenisTarget: 'RENTANG', targetMin: 80, targetMax: 90, satuan: '%' } } },
          ],
        },
        lampiran: { create: [{ jenis: 'KONSEKUENSI', urutan: 1, teks: 'Teguran lisan' }] },
      },
    });
    const rekan = await loginAs(t.app, world.people.rekan.login);
    const page = await rekan.get('/skp').expect(200);
    expect(page.text).toContain('Salin dari SKP 2026');
    const skpId = (await skpIn(siklusId, ids.rekan)).id;
    const res = await postForm(rekan, `/skp/${skpId}/salin-tahun-lalu`, { version: await ver(skpId) });
    expect(res.status).toBe(303);
    const skp = await skpOf(skpId);
    expect(skp.rhk.map((r) => [r.jenis, r.urutan, r.teks, r.rhkAtasanId, r.indikator.length])).toEqual([
      ['UTAMA', 1, 'Terlayaninya permintaan data 2026', null, 2],
      ['TAMBAHAN', 1, 'Menjadi panitia pameran 2026', null, 1],
    ]);
    expect(skp.rhk[0]!.indikator.find((i) => i.aspek === 'WAKTU')).toMatchObject({ lebihBaik: 'RENDAH', satuan: 'hari' });
    // every field of the document model is carried over (domain/skp-document.ts)
    expect(isi(skp)).toEqual(isi(await skpOf(sumber.id)));
    expect(skp.lampiran.map((l) => l.teks)).toEqual(['Teguran lisan']);
    const after = await rekan.get(`/skp/${skpId}`).expect(200);
    expect(decode(after.text)).toContain('Disalin dari SKP 2026: 2 RHK, 3 indikator, 1 butir lampiran.');
    const again = await postForm(rekan, `/skp/${skpId}/salin-tahun-lalu`, { version: await ver(skpId) });
    expect(again.status).toBe(409);
    expect(again.text).toContain('SKP ini sudah berisi RHK');
    expect((await skpOf(skpId)).rhk).toHaveLength(2);
  });

  it('the cycle picker lists both years', async () => {
    const rekan = await loginAs(t.app, world.people.rekan.login);
    const lalu = await t.db.prisma.siklus.findUniqueOrThrow({ where: { tahun: 2026 } });
    const old = await rekan.get(`/skp?siklus=${lalu.id}`).expect(200);
    expect(old.text).toContain('SKP Tahun 2026');
    expect(old.text).not.toContain('action="/skp/');
    expect(old.text).toContain(`href="/skp?siklus=${siklusId}"`);
  });
});

describe('a closed cycle is read-only everywhere (docs/domain/siklus.md)', () => {
  it('refuses every change to an SKP once the cycle is closed, naming the phase', async () => {
    const t2 = await testApp();
    try {
      const w = await given.pegawaiWithPenilai(t2);
      const { id: siklusId } = await given.siklusTerbuka(t2, { tahun: 2031 });
      const skp = await t2.db.prisma.skp.findFirstOrThrow({ where: { siklusId, pegawaiId: w.pegawai.id, ditutupAt: null } });
      await t2.db.prisma.siklus.update({ where: { id: siklusId }, data: { fase: 'SELESAI' } });
      const agent = await loginAs(t2.app, w.pegawai.login);
      const page = await agent.get(`/skp/${skp.id}`).expect(200);
      expect(page.text).not.toContain(`action="/skp/${skp.id}/rhk"`);
      const res = await postForm(agent, `/skp/${skp.id}/pendekatan`, { version: skp.version, pendekatan: 'KUALITATIF' }, `/skp/${skp.id}`);
      expect(res.status).toBe(409);
      expect(res.text).toContain('Siklus sedang dalam fase Selesai; SKP tidak dapat diubah.');
      expect((await t2.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id } })).version).toBe(skp.version);
      const penilai = await loginAs(t2.app, w.penilai.login);
      const approve = await postForm(penilai, `/skp/${skp.id}/setujui`, { confirmed: '1', version: skp.version }, `/skp/${skp.id}`);
      expect([403, 409]).toContain(approve.status);
      expect((await t2.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id } })).status).toBe('DRAFT');
    } finally {
      await t2.close();
    }
  });
});
