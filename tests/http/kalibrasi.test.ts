import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { cekUnit } from '../../src/modules/evaluasi/kalibrasi/service.js';

// Calibration (/kalibrasi, docs/domain/kalibrasi.md § Calibration): a unit's employee predikat
// against the band of its organisation predikat, the violations with numbers and names, a
// sub-unit without a predikat of its own counted in its parent's check, a small unit's warning,
// the ranking within each predikat, the adjust links for each appraiser's own appraisees, scope
// (HR all, an appraiser their appraisees' units and the checks they count in, anyone else 404),
// and the justification: KALIBRASI only, by HR or the unit's head, version-checked, audited, with
// the violations it answered.
//
// The world (given.instansiKalibrasi): bidang's check = kabid + 5 bidang staff + kasi + 4 seksi
// staff = 11 people (seksi has no predikat); lain = kalain + 2 staff = 3 people.

let t: TestApp;
let w: given.InstansiKalibrasi;
const a = {} as Record<'admin' | 'kadis' | 'kabid' | 'kasi' | 'staf', Agent>;
const skp = new Map<number, number>();
let bidangCek: given.GivenPegawai[];

beforeAll(async () => {
  t = await testApp();
  w = await given.instansiKalibrasi(t);
  bidangCek = [w.people.kabid, ...w.staff.bidang, w.people.kasi, ...w.staff.seksi];
  for (const p of [w.people.kadis, w.people.kalain, ...w.staff.lain, ...bidangCek]) {
    const s = await given.skpDi(t, w.siklus.id, p.id);
    skp.set(p.id, s.id);
    await given.saranLangsung(t, s, { predikat: 'BAIK', nilai: '100' });
  }
  await given.faseSiklus(t, w.siklus.id, 'PENILAIAN');
  a.admin = await loginAs(t.app, 'admin');
  a.kadis = await loginAs(t.app, w.people.kadis.login);
  a.kabid = await loginAs(t.app, w.people.kabid.login);
  a.kasi = await loginAs(t.app, w.people.kasi.login);
  a.staf = await loginAs(t.app, w.staff.lain[0]!.login);
  // kadis (the head of root) sets bidang's and lain's predikat: Baik
  for (const u of [w.units.bidang, w.units.lain]) {
    const token = await csrf(a.kadis, '/');
    const res = await a.kadis.post(`/predikat-organisasi/${u.id}?siklus=${w.siklus.id}`).field('_csrf', token).field('version', '').field('predikat', 'BAIK').field('capaianPk', '95').field('dasar', 'Evaluasi Perjanjian Kinerja tahunan');
    if (res.status !== 303) throw new Error(`setting the predikat of ${u.nama} answered ${res.status}`);
  }
});
afterAll(async () => { await t?.close(); });

const page = (agent: Agent, unitId: number) => agent.get(`/kalibrasi/${unitId}?siklus=${w.siklus.id}`);
const saran = (p: { id: number }, predikat: 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG' | null, nilai = '100') =>
  given.saranLangsung(t, { id: skp.get(p.id)! }, predikat === null ? { hasilKerja: null, predikat: null, nilai } : { predikat, nilai });
const justify = (agent: Agent, unitId: number, body: Record<string, string>) => postForm(agent, `/kalibrasi/${unitId}/justifikasi?siklus=${w.siklus.id}`, body, `/kalibrasi/${unitId}?siklus=${w.siklus.id}`);
const TEKS = 'Seluruh pegawai bidang mencapai target karena program prioritas daerah selesai lebih awal.';

describe('the calibration page of a unit', () => {
  it('lists the violations with their numbers and names, counting the sub-unit without a predikat of its own', async () => {
    const res = await page(a.admin, w.units.bidang.id);
    expect(res.status).toBe(200);
    expect(res.text).toContain('id="pratinjau"'); // PENILAIAN: a preview
    expect(res.text).toMatch(/data-n="n">11</);
    expect(res.text).toContain('Baik 11 dari 11 = 100% melebihi maksimum 70% (paling banyak 7 orang)');
    expect(res.text).toContain('Harus ada pegawai dengan predikat Butuh Perbaikan dan/atau Kurang/Misconduct; dari 11 pegawai tidak ada');
    for (const p of bidangCek) expect(res.text).toContain(p.nama);
    // the table beside the chart, and the chart's data
    expect(res.text).toMatch(/data-predikat="BAIK"><th scope="row">Baik<\/th><td class="num" data-k="jumlah">11<\/td><td class="num" data-k="min">0<\/td><td class="num" data-k="max">7<\/td>/);
    expect(res.text).toContain('data-kalibrasi="{&#34;labels&#34;:[&#34;Sangat Baik&#34;,&#34;Baik&#34;');
    expect(res.text).toContain('/static/vendor/chart.umd.min.js');
    expect(res.text).not.toMatch(/<script>(?!\s*<\/script>)/); // no inline script
    // the rule of the ranking is stated
    expect(res.text).toContain('predikat tahun lalu yang lebih baik; lalu nama');
  });

  it('says of a sub-unit without a predikat whose check it counts in', async () => {
    const res = await page(a.admin, w.units.seksi.id);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Unit ini belum memiliki predikat kinerja organisasi pada siklus ini.');
    expect(res.text).toContain(`Pegawainya dihitung dalam pemeriksaan ${w.units.bidang.nama} (predikat organisasi Baik).`);
    const root = await page(a.admin, w.units.root.id);
    expect(root.text).toContain('Tanpa predikat organisasi instansi belum ada pola distribusi');
  });

  it('only warns for a unit below ten people', async () => {
    const res = await page(a.admin, w.units.lain.id);
    expect(res.text).toMatch(/data-n="n">3</);
    expect(res.text).toContain('Unit ini 3 orang, kurang dari 10: penyimpangan dari pola distribusi hanya peringatan.');
    expect(res.text).toContain('Baik 3 dari 3 = 100% melebihi maksimum 70% (paling banyak 2 orang)');
    expect((await cekUnit(t.db, w.siklus.id, w.units.lain.id)).cek!.hasil).toBe('PERINGATAN');
  });

  it('shows no violation once the distribution fits, with the appraiser\'s predikat over the suggestion', async () => {
    // 3 Sangat Baik, 7 Baik, 1 Butuh Perbaikan (the appraiser's, over a Baik suggestion)
    for (const p of w.staff.bidang.slice(0, 3)) await saran(p, 'SANGAT_BAIK');
    const bp = w.staff.seksi[0]!;
    await t.db.prisma.evaluasiTahunan.create({ data: { siklusId: w.siklus.id, pegawaiId: bp.id, skpId: skp.get(bp.id)!, ratingHasilKerja: 'DI_BAWAH', ratingPerilaku: 'SESUAI', predikat: 'BUTUH_PERBAIKAN', saranHasilKerja: 'SESUAI', saranPerilaku: 'SESUAI', alasanHasilKerja: 'Target utama tidak tercapai', policyVersion: 1, penilaiId: w.people.kasi.id } });
    const res = await page(a.admin, w.units.bidang.id);
    expect(res.text).toContain('Distribusi predikat sesuai pola.');
    expect(res.text).toMatch(/data-predikat="BUTUH_PERBAIKAN"><th scope="row">Butuh Perbaikan<\/th><td class="num" data-k="jumlah">1</);
    const c = await cekUnit(t.db, w.siklus.id, w.units.bidang.id);
    expect(c).toMatchObject({ predikatOrganisasi: 'BAIK', cek: { hasil: 'OK', n: 11, pelanggaran: [] }, justifikasi: null });
    // back to all Baik
    await t.db.prisma.evaluasiTahunan.deleteMany({ where: { siklusId: w.siklus.id } });
    for (const p of w.staff.bidang.slice(0, 3)) await saran(p, 'BAIK');
  });

  it('ranks within a predikat by nilai, then name, and leaves a withheld suggestion out of the count', async () => {
    const [x, y] = w.staff.bidang;
    await saran(x!, 'BAIK', '80');
    await saran(y!, 'BAIK', '120,5'.replace(',', '.'));
    await saran(w.staff.seksi[3]!, null);
    const res = await page(a.admin, w.units.bidang.id);
    expect(res.text).toMatch(/data-n="n">10</);
    expect(res.text).toMatch(/data-n="ditahan">1</);
    const order = bidangCek.filter((p) => p.id !== w.staff.seksi[3]!.id).map((p) => ({ p, at: res.text.indexOf(`data-pegawai="${p.id}"`) }));
    const sorted = [...order].sort((m, n) => m.at - n.at).map((o) => o.p.id);
    expect(sorted[0]).toBe(y!.id); // 120.5 first
    expect(sorted[sorted.length - 1]).toBe(x!.id); // 80 last
    const middle = order.filter((o) => o.p.id !== x!.id && o.p.id !== y!.id).sort((m, n) => m.at - n.at).map((o) => o.p.nama);
    expect(middle).toEqual([...middle].sort((m, n) => m.localeCompare(n, 'id')));
    expect(res.text).toContain('120,5');
    await saran(x!, 'BAIK');
    await saran(y!, 'BAIK');
    await saran(w.staff.seksi[3]!, 'BAIK');
  });

  it('reads every change afresh: the page keeps no stale rows (a rename, a confirmation)', async () => {
    const p = w.staff.bidang[4]!;
    expect((await page(a.admin, w.units.bidang.id)).text).toContain(p.nama);
    await t.db.prisma.pegawai.update({ where: { id: p.id }, data: { nama: `${p.nama} Baru` } });
    expect((await page(a.admin, w.units.bidang.id)).text).toContain(`${p.nama} Baru`);
    await t.db.prisma.evaluasiTahunan.create({ data: { siklusId: w.siklus.id, pegawaiId: p.id, skpId: skp.get(p.id)!, ratingHasilKerja: 'DI_BAWAH', ratingPerilaku: 'SESUAI', predikat: 'BUTUH_PERBAIKAN', saranHasilKerja: 'SESUAI', saranPerilaku: 'SESUAI', alasanHasilKerja: 'Target utama tidak tercapai', policyVersion: 1, penilaiId: w.people.kabid.id } });
    const after = await page(a.admin, w.units.bidang.id);
    expect(after.text).toMatch(/data-predikat="BUTUH_PERBAIKAN"><th scope="row">Butuh Perbaikan<\/th><td class="num" data-k="jumlah">1</);
    await t.db.prisma.evaluasiTahunan.deleteMany({ where: { siklusId: w.siklus.id } });
    await t.db.prisma.pegawai.update({ where: { id: p.id }, data: { nama: p.nama } });
    expect((await page(a.admin, w.units.bidang.id)).text).toMatch(/data-predikat="BUTUH_PERBAIKAN"><th scope="row">Butuh Perbaikan<\/th><td class="num" data-k="jumlah">0</);
  });

  it('links each appraiser to adjust the ratings of their own appraisees only', async () => {
    const kabid = await page(a.kabid, w.units.bidang.id);
    expect(kabid.status).toBe(200);
    expect(kabid.text).toContain(`href="/evaluasi/${w.staff.bidang[0]!.id}?siklus=${w.siklus.id}"`);
    expect(kabid.text).toContain(`href="/evaluasi/${w.people.kasi.id}?siklus=${w.siklus.id}"`);
    expect(kabid.text).not.toContain(`href="/evaluasi/${w.staff.seksi[0]!.id}?`);
    const kasi = await page(a.kasi, w.units.bidang.id); // the check their appraisees count in
    expect(kasi.status).toBe(200);
    expect(kasi.text).toContain(`href="/evaluasi/${w.staff.seksi[0]!.id}?siklus=${w.siklus.id}"`);
    expect(kasi.text).not.toContain(`href="/evaluasi/${w.staff.bidang[0]!.id}?`);
    expect(kasi.text).not.toContain('/evaluasi/'.concat(String(w.people.kasi.id), '?')); // never themselves
  });
});

describe('scope', () => {
  it('shows HR every unit, an appraiser their appraisees\' units and checks, and nothing to anyone else', async () => {
    const hr = await a.admin.get(`/kalibrasi?siklus=${w.siklus.id}`);
    for (const u of Object.values(w.units)) expect(hr.text).toContain(`data-unit="${u.id}"`);
    expect(hr.text).toContain(`dihitung dalam ${w.units.bidang.nama}`);
    const kasi = await a.kasi.get(`/kalibrasi?siklus=${w.siklus.id}`);
    expect(kasi.text).toContain(`data-unit="${w.units.seksi.id}"`);
    expect(kasi.text).toContain(`data-unit="${w.units.bidang.id}"`);
    expect(kasi.text).not.toContain(`data-unit="${w.units.lain.id}"`);
    expect((await page(a.kasi, w.units.lain.id)).status).toBe(404);
    expect((await a.staf.get('/kalibrasi')).status).toBe(404);
    expect((await page(a.staf, w.units.lain.id)).status).toBe(404);
    expect((await page(a.admin, 999999)).status).toBe(404);
  });
});

describe('the justification', () => {
  it('is not written in PENILAIAN', async () => {
    const res = await page(a.kabid, w.units.bidang.id);
    expect(res.text).not.toContain(`action="/kalibrasi/${w.units.bidang.id}/justifikasi`);
    const post = await justify(a.admin, w.units.bidang.id, { version: '', justifikasi: TEKS });
    expect(post.status).toBe(409);
    expect(post.text).toContain('Justifikasi hanya ditulis pada fase Kalibrasi.');
  });

  it('is written in KALIBRASI by the unit\'s head, with the violations it answered, audited', async () => {
    await given.faseSiklus(t, w.siklus.id, 'KALIBRASI');
    const form = await page(a.kabid, w.units.bidang.id);
    expect(form.text).not.toContain('id="pratinjau"');
    expect(form.text).toContain(`action="/kalibrasi/${w.units.bidang.id}/justifikasi?siklus=${w.siklus.id}"`);
    const empty = await justify(a.kabid, w.units.bidang.id, { version: '', justifikasi: 'terlalu pendek' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('>terlalu pendek</textarea>');
    const res = await justify(a.kabid, w.units.bidang.id, { version: '', justifikasi: TEKS });
    expect(res.status).toBe(303);
    const k = await t.db.prisma.kalibrasiUnit.findUniqueOrThrow({ where: { siklusId_unitId: { siklusId: w.siklus.id, unitId: w.units.bidang.id } } });
    expect(k).toMatchObject({ justifikasi: TEKS, version: 1 });
    expect(k.pelanggaran).toEqual([
      expect.objectContaining({ kind: 'maks', predikat: ['BAIK'], jumlah: 11, n: 11, izin: 7 }),
      expect.objectContaining({ kind: 'ada', predikat: ['BUTUH_PERBAIKAN', 'KURANG'], jumlah: 0, n: 11, izin: 1, pegawai: [] }),
    ]);
    expect((k.pelanggaran as { pegawai: unknown[] }[])[0]!.pegawai).toHaveLength(11);
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'kalibrasiUnit.justify', entitasId: String(k.id) } });
    expect(audit.after).toMatchObject({ unitId: w.units.bidang.id, justifikasi: TEKS, version: 1 });
    expect((await justify(a.kabid, w.units.bidang.id, { version: '', justifikasi: TEKS })).status).toBe(303); // a double click: one save
    expect((await t.db.prisma.kalibrasiUnit.findFirstOrThrow({ where: { unitId: w.units.bidang.id } })).version).toBe(1);
    const shown = await page(a.kabid, w.units.bidang.id);
    expect(shown.text).toContain('id="justifikasi-teks"');
    expect(shown.text).toContain(w.people.kabid.nama);
    const c = await cekUnit(t.db, w.siklus.id, w.units.bidang.id);
    expect(c.justifikasi).toMatchObject({ teks: TEKS, sesuai: true, version: 1 });
  });

  it('says "changed by someone else" for a stale version, keeping the text', async () => {
    const res = await justify(a.admin, w.units.bidang.id, { version: '', justifikasi: `${TEKS} Tambahan HR.` });
    expect(res.status).toBe(409);
    expect(res.text).toContain('diubah oleh orang lain');
    expect(res.text).toContain('Tambahan HR.');
    const ok = await justify(a.admin, w.units.bidang.id, { version: '1', justifikasi: `${TEKS} Tambahan HR.` });
    expect(ok.status).toBe(303);
    expect((await t.db.prisma.kalibrasiUnit.findFirstOrThrow({ where: { unitId: w.units.bidang.id } })).version).toBe(2);
  });

  it('is refused to an appraiser who is not the unit\'s head (403), and to anyone outside (404)', async () => {
    const form = await page(a.kasi, w.units.bidang.id);
    expect(form.text).not.toContain(`action="/kalibrasi/${w.units.bidang.id}/justifikasi`);
    expect((await justify(a.kasi, w.units.bidang.id, { version: '2', justifikasi: TEKS })).status).toBe(403);
    expect((await justify(a.staf, w.units.bidang.id, { version: '2', justifikasi: TEKS })).status).toBe(404);
  });

  it('is refused for a small unit\'s warning, which needs none', async () => {
    const res = await justify(a.admin, w.units.lain.id, { version: '', justifikasi: TEKS });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Tidak ada pelanggaran pola yang perlu dijustifikasi.');
  });

  it('no longer answers once other rules are broken', async () => {
    // the organisation predikat changes to Butuh Perbaikan: at least 60% Butuh Perbaikan, now none
    const token = await csrf(a.kadis, '/');
    const v = (await t.db.prisma.penetapanPredikat.findFirstOrThrow({ where: { siklusId: w.siklus.id, unitId: w.units.bidang.id } })).version;
    const set = await a.kadis.post(`/predikat-organisasi/${w.units.bidang.id}?siklus=${w.siklus.id}`).field('_csrf', token).field('version', String(v)).field('predikat', 'BUTUH_PERBAIKAN').field('capaianPk', '70').field('dasar', 'Evaluasi ulang Perjanjian Kinerja');
    expect(set.status).toBe(303);
    const c = await cekUnit(t.db, w.siklus.id, w.units.bidang.id);
    expect(c.cek!.pelanggaran.map((p) => p.aturan.kind)).toEqual(['min']);
    expect(c.justifikasi!.sesuai).toBe(false);
    const res = await page(a.kabid, w.units.bidang.id);
    expect(res.text).toContain('Butuh Perbaikan 0 dari 11 = 0% kurang dari minimum 60% (paling sedikit 7 orang)');
    expect(res.text).toContain('id="justifikasi-usang"');
  });
});
