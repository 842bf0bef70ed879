import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';

// Reports and the SKP's life during the year (docs/domain/laporan.md § One report per SKP and
// period): a period split by a mid-year move gets a report on each SKP for its days; a Q3
// revision of the SKP leaves the Q1 report, its evidence and its rating as they were.

const unescape = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const iso = (d: Date) => d.toISOString().slice(0, 10);

const clock = fixedClock('2026-01-01T00:00:00Z');
let t: TestApp;
let tahun: number;
let siklusId: number;
let admin: Agent;
let penilaiA: given.GivenPegawai;
let penilaiB: given.GivenPegawai;
let unitB: number;
let periode: Awaited<ReturnType<typeof given.periodeOf>>;

// the world is built while the cycle plans (moves and approvals), then the year is carried out
let pindah: given.GivenPegawai;
let skp1: number;
let skp2: number;
let tetap: given.GivenPegawai;
let skpTetap: given.GivenSkp;

beforeAll(async () => {
  t = await testApp({}, { clock });
  admin = await loginAs(t.app, 'admin');
  ({ id: siklusId, tahun } = await given.siklusTerbuka(t));
  periode = await given.periodeOf(t, siklusId);
  const u = await given.unit(t);
  penilaiA = await given.pegawai(t, { unitId: u.id, jenis: 'PENGAWAS' });
  unitB = (await given.unit(t)).id;
  penilaiB = await given.pegawai(t, { unitId: unitB, jenis: 'PENGAWAS' });
  await given.skp(t, penilaiA, { rhk: 1 });
  await given.skp(t, penilaiB, { rhk: 1 });

  // a move on 15 May (Triwulan II: 1 April – 30 June) to a new position and appraiser
  pindah = await given.pegawai(t, { unitId: u.id, penilai: penilaiA });
  skp1 = (await given.skpDisetujui(t, pindah)).id;
  const jabatanBaru = await given.jabatan(t, { unitId: unitB, nama: `Analis Layanan ${pindah.id}` });
  const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: pindah.id } });
  const open = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp1 } });
  const moved = await postForm(admin, `/pegawai/${pindah.id}/mutasi`, { version: pg.version, skpVersion: open.version, jenis: 'MUTASI', tmt: `${tahun}-05-15`, jabatanId: jabatanBaru.id, penilaiNip: penilaiB.nip, keterangan: 'SK 821/15', skpBaru: '1' }, `/pegawai/${pindah.id}/mutasi`);
  expect(moved.status).toBe(303);
  skp2 = (await given.skpDisetujui(t, { id: pindah.id, penilaiId: penilaiB.id })).id;

  tetap = await given.pegawai(t, { unitId: u.id, penilai: penilaiA });
  skpTetap = await given.skpDisetujui(t, tetap, { rhk: 1, indikator: 1 });
  await given.faseSiklus(t, siklusId, 'PELAKSANAAN');
});
afterAll(async () => { await t?.close(); });

describe('a period split by a move', () => {
  it('gets one report on each SKP, each for its own days', async () => {
    clock.set(`${tahun}-07-02T03:00:00Z`);
    const me = await loginAs(t.app, pindah.login);
    const list = unescape((await me.get('/laporan').expect(200)).text);
    const q2 = await t.db.prisma.laporanPeriode.findMany({ where: { periodeId: periode[1]!.id, skp: { pegawaiId: pindah.id } }, orderBy: { id: 'asc' } });
    expect(q2.map((l) => l.skpId).sort()).toEqual([skp1, skp2].sort());
    expect(list).toContain(`44 hari (1 April ${tahun} – 14 Mei ${tahun}) karena mutasi`);
    expect(list).toContain(`47 hari (15 Mei ${tahun} – 30 Juni ${tahun}) karena mutasi`);
    // Triwulan I is the first SKP's alone, Triwulan III the second's
    expect(await t.db.prisma.laporanPeriode.count({ where: { periodeId: periode[0]!.id, skp: { pegawaiId: pindah.id } } })).toBe(1);
    expect((await t.db.prisma.laporanPeriode.findFirstOrThrow({ where: { periodeId: periode[2]!.id, skp: { pegawaiId: pindah.id } } })).skpId).toBe(skp2);
    const second = q2.find((l) => l.skpId === skp2)!;
    const page = unescape((await me.get(`/laporan/${second.id}`).expect(200)).text);
    expect(page).toContain(`SKP ini mencakup 47 hari (15 Mei ${tahun} – 30 Juni ${tahun})`);
    // the new appraiser sees the report on the SKP they appraise
    const b = await loginAs(t.app, penilaiB.login);
    await b.get(`/laporan/${second.id}`).expect(200);
    // each report is written and submitted on its own
    const first = q2.find((l) => l.skpId === skp1)!;
    const ind1 = (await t.db.prisma.realisasi.count({ where: { laporanId: first.id } }));
    expect(ind1).toBe(0);
    expect(iso(periode[1]!.batasPegawai)).toBe(`${tahun}-07-05`);
  });
});

describe('a Q3 revision of the SKP', () => {
  let me: Agent;
  let q1: number;
  let buktiId: number;
  const indikator = () => skpTetap.rhk[0]!.indikator[0]!;

  beforeAll(async () => {
    clock.set(`${tahun}-02-10T03:00:00Z`);
    me = await loginAs(t.app, tetap.login);
    await me.get('/laporan').expect(200);
    q1 = (await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { skpId_periodeId: { skpId: skpTetap.id, periodeId: periode[0]!.id } } })).id;
    const v = async () => String((await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { id: q1 } })).version);
    const body = async () => ({ version: await v(), [`ra_${indikator()}`]: '10', prestasi: 'Menyusun sepuluh dokumen layanan' });
    expect((await postForm(me, `/laporan/${q1}`, await body(), `/laporan/${q1}`)).status).toBe(303);
    const up = await me.post(`/laporan/${q1}/bukti`).field('_csrf', await csrf(me, `/laporan/${q1}`)).field('keterangan', 'Daftar dokumen Q1').attach('berkas', Buffer.from('%PDF-1.4\n% daftar dokumen Q1\n%%EOF\n'), 'daftar-q1.pdf');
    expect(up.status).toBe(303);
    buktiId = (await t.db.prisma.buktiDukung.findFirstOrThrow({ where: { laporanId: q1 } })).id;
    expect((await postForm(me, `/laporan/${q1}/ajukan`, { ...(await body()), confirmed: '1' }, `/laporan/${q1}`)).status).toBe(303);
    // rated, as direct rows (the appraiser's side is its own feature)
    await t.db.prisma.$transaction(async (tx) => {
      await tx.penilaianPeriode.create({ data: { laporanId: q1, ratingHasilKerja: 'DI_BAWAH', ratingPerilaku: 'SESUAI', predikat: 'BUTUH_PERBAIKAN', saranHasilKerja: { kind: 'saran', rating: 'DI_BAWAH' }, saranPerilaku: { kind: 'withheld' }, policyVersion: 1, penilaiId: penilaiA.id } });
      await tx.laporanPeriode.update({ where: { id: q1 }, data: { status: 'DINILAI', version: { increment: 1 } } });
      await tx.riwayatLaporan.create({ data: { laporanId: q1, jenis: 'DINILAI' } });
    });

    // Triwulan III: the employee revises the indicator (target 12 → 20) and the appraiser approves revision 2
    clock.set(`${tahun}-08-10T03:00:00Z`);
    const s = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpTetap.id } });
    const edit = await postForm(me, `/skp/${s.id}/indikator/${indikator()}`, { version: s.version, aspek: 'KUANTITAS', teks: 'Jumlah dokumen layanan yang disusun (revisi)', jenisTarget: 'ANGKA', targetAngka: '20', satuan: 'dokumen', lebihBaik: 'TINGGI', gabungPeriode: 'TERAKHIR' }, `/skp/${s.id}`);
    expect(edit.status).toBe(303);
    await given.submit(t, skpTetap);
    const approved = await given.approve(t, skpTetap);
    expect(approved).toMatchObject({ status: 'DISETUJUI', revisi: 2 });
  });

  it('leaves the Q1 report, its evidence and its rating readable as they were', async () => {
    const l = await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { id: q1 }, include: { penilaian: true } });
    expect(l).toMatchObject({ skpRevisi: 1, status: 'DINILAI' });
    expect(l.penilaian).toMatchObject({ ratingHasilKerja: 'DI_BAWAH', predikat: 'BUTUH_PERBAIKAN' });
    const page = unescape((await me.get(`/laporan/${q1}`).expect(200)).text);
    expect(page).toContain('Jumlah keluaran uji 1.1'); // the indicator as it was planned in revision 1
    expect(page).not.toContain('(revisi)');
    expect(page).toContain('Lebih tinggi lebih baik: 10 dari 12'); // against the target of revision 1
    expect(page).toContain('83,33 %');
    expect(page).toContain('Daftar dokumen Q1');
    expect(page).toContain('Butuh Perbaikan');
    const file = await me.get(`/bukti/${buktiId}`).expect(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    // the appraiser reads the same
    const a = await loginAs(t.app, penilaiA.login);
    expect(unescape((await a.get(`/laporan/${q1}`).expect(200)).text)).toContain('Lebih tinggi lebih baik: 10 dari 12');
  });

  it('writes the Q3 report against the revised plan', async () => {
    await me.get('/laporan').expect(200);
    const q3 = await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { skpId_periodeId: { skpId: skpTetap.id, periodeId: periode[2]!.id } } });
    expect(q3.skpRevisi).toBe(2);
    const page = unescape((await me.get(`/laporan/${q3.id}`).expect(200)).text);
    expect(page).toContain('Jumlah dokumen layanan yang disusun (revisi)');
    expect(page).toContain('20 dokumen');
  });
});
