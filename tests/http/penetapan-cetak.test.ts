import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { download, pdfPages, pdfVektor } from '../helpers/files.js';
import { loginAs, testApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { DEFAULT_POLICY } from '../../src/domain/scoring/policy.js';

// The record of a unit's Penetapan Predikat Kinerja (SE MenPANRB 3/2023: "Format Penetapan Predikat
// Kinerja" signed by the authorised leader, with the organisation predikat and the employees'
// distribution; docs/domain/dokumen-evaluasi.md § Penetapan Predikat), printed live from the
// organisation predikat and the calibration check, read back from the PDF's text.
//
//   instansiKalibrasi: root ── kadis;  bidang ── kabid (head), staff A–C;  seksi ── kasi;  lain ── kalain
//   bidang's predikat BAIK, set by kadis (who heads the unit above), capaian PK 97,5; all three
//   staff Baik: Baik 100% > 70% and nobody Butuh Perbaikan or Kurang (two violations, from 2 people
//   on), justified by HR. lain has no predikat.

const clock = fixedClock('2027-01-20T02:30:00Z');
let t: TestApp;
let w: given.InstansiKalibrasi;
const url = (unitId: number) => `/predikat-organisasi/${unitId}/cetak.pdf?siklus=${w.siklus.id}`;
const flat = (pages: string[]) => pages.join(' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await testApp({}, { clock });
  w = await given.instansiKalibrasi(t, { staffBidang: 3, staffSeksi: 0, staffLain: 1 });
  await t.db.prisma.siklus.update({ where: { id: w.siklus.id }, data: { policy: { ...DEFAULT_POLICY, distribusi: { ...DEFAULT_POLICY.distribusi, minimumOrang: 2 } } } });
  for (const s of [...w.staff.bidang, ...w.staff.lain]) await given.saranLangsung(t, await given.skpDi(t, w.siklus.id, s.id));
  await given.faseSiklus(t, w.siklus.id, 'KALIBRASI');
  await given.predikatOrganisasiLangsung(t, w.siklus.id, w.units.bidang.id, 'BAIK');
  await t.db.prisma.penetapanPredikat.update({
    where: { siklusId_unitId: { siklusId: w.siklus.id, unitId: w.units.bidang.id } },
    data: { capaianPk: '97.50', dasar: 'Laporan capaian Perjanjian Kinerja Bidang tahun berjalan', penetapPegawaiId: w.people.kadis.id, dicatatHr: false, at: new Date('2027-01-05T03:00:00Z') },
  });
  await given.justifikasiLangsung(t, w.siklus.id, w.units.bidang.id, 'Seluruh staf bidang mencapai target utama dengan bukti lengkap');
  mkdirSync('test-output', { recursive: true });
});
afterAll(async () => { await t?.close(); });

describe('the Penetapan Predikat Kinerja record of a unit', () => {
  it('prints the organisation predikat, its basis, who set it, the distribution against the band, the violations, the justification and the signature', async () => {
    const res = await download(await loginAs(t.app, 'admin'), url(w.units.bidang.id)).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    writeFileSync('test-output/penetapan-predikat.pdf', res.body as Buffer);
    const pages = await pdfPages(res.body as Buffer);
    const all = flat(pages);
    expect(pages[0]).toContain('PENETAPAN PREDIKAT KINERJA');
    expect(pages[0]).toContain(`TAHUN ${w.siklus.tahun}`);
    expect(all).toContain(`UNIT KERJA ${w.units.bidang.nama}`);
    expect(all).toContain('PREDIKAT KINERJA ORGANISASI BAIK');
    expect(all).toContain('CAPAIAN PERJANJIAN KINERJA 97,5 %');
    expect(all).toContain('DASAR PENETAPAN Laporan capaian Perjanjian Kinerja Bidang tahun berjalan');
    expect(all).toContain(`DITETAPKAN OLEH ${w.people.kadis.nama}`);
    expect(all).toContain('TANGGAL PENETAPAN 5 Januari 2027');
    expect(all).toContain('POLA DISTRIBUSI: KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK');
    // 3 people, all Baik: at most 70% of 3 → 2; "harus ada" Butuh Perbaikan and/or Kurang → at least 1
    expect(all).toContain('JUMLAH PEGAWAI: 3');
    expect(all).toMatch(/ Baik 3 0 2 di luar rentang/);
    expect(all).toMatch(/Sangat Baik 0 0 3 dalam rentang/);
    expect(all).toContain('Butuh Perbaikan dan/atau Kurang/Misconduct: 0 pegawai (rentang 1–3)');
    expect(all).toContain('Hasil pemeriksaan: Tidak sesuai pola distribusi');
    expect(all).toContain('Justifikasi: Seluruh staf bidang mencapai target utama dengan bukti lengkap');
    expect(all).toContain('Yang Menetapkan');
    expect(all).toContain(`${w.people.kadis.nama} NIP. ${w.people.kadis.nip}`);
    expect(all).toContain('5 Januari 2027 Yang Menetapkan');
    // the same curve piece: its five points drawn as vector shapes, no image
    expect(await pdfVektor(res.body as Buffer)).toEqual({ kurva: 5, gambar: 0 });
  });

  it('prints the violations as the calibration page words them', async () => {
    const admin = await loginAs(t.app, 'admin');
    const html = (await admin.get(`/kalibrasi/${w.units.bidang.id}?siklus=${w.siklus.id}`).expect(200)).text;
    const onPage = [...html.matchAll(/<li><strong>([^<]+)<\/strong>/g)].map((m) => m[1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
    expect(onPage.length).toBe(2);
    const all = flat(await pdfPages((await download(admin, url(w.units.bidang.id)).expect(200)).body as Buffer));
    for (const v of onPage) expect(all).toContain(v);
  });

  it('is linked from the calibration unit page and the organisation predikat pages', async () => {
    const admin = await loginAs(t.app, 'admin');
    const link = `href="/predikat-organisasi/${w.units.bidang.id}/cetak.pdf?siklus=${w.siklus.id}"`;
    expect((await admin.get(`/kalibrasi/${w.units.bidang.id}?siklus=${w.siklus.id}`).expect(200)).text).toContain(link);
    expect((await admin.get(`/predikat-organisasi?siklus=${w.siklus.id}`).expect(200)).text).toContain(link);
    expect((await admin.get(`/predikat-organisasi/${w.units.bidang.id}?siklus=${w.siklus.id}`).expect(200)).text).toContain(link);
    const kadis = await loginAs(t.app, w.people.kadis.login);
    expect((await kadis.get(`/predikat-organisasi?siklus=${w.siklus.id}`).expect(200)).text).toContain(link);
  });
});

describe('who may print it (the organisation predikat page’s readers; anyone else: 404)', () => {
  it('HR, the one who sets it and the unit’s head', async () => {
    for (const login of ['admin' as const, w.people.kadis.login, w.people.kabid.login]) await download(await loginAs(t.app, login), url(w.units.bidang.id)).expect(200);
  });

  it('a pimpinan over the unit, not one beside it', async () => {
    await given.makePimpinan(t, w.people.kabid.id);
    await given.makePimpinan(t, w.people.kalain.id);
    await download(await loginAs(t.app, w.people.kabid.login), url(w.units.bidang.id)).expect(200);
    await download(await loginAs(t.app, w.people.kalain.login), url(w.units.bidang.id)).expect(404);
  });

  it('a staff member, the head of a unit below, and a unit without a predikat: not found', async () => {
    await download(await loginAs(t.app, w.staff.bidang[0]!.login), url(w.units.bidang.id)).expect(404);
    await download(await loginAs(t.app, w.people.kasi.login), url(w.units.bidang.id)).expect(404);
    await download(await loginAs(t.app, 'admin'), url(w.units.lain.id)).expect(404);
    await download(await loginAs(t.app, 'admin'), `/predikat-organisasi/999999/cetak.pdf?siklus=${w.siklus.id}`).expect(404);
  });
});
