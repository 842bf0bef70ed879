import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import * as given from '../helpers/given.js';
import { loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { download } from '../helpers/files.js';

// A period split by a move (docs/domain/rekap.md § A period's predikat, and a period split by a
// move): each piece has its own rated report; the TPP list keeps one row per employee and period,
// with the predikat (and golongan) of the piece covering more of the period's days, the later
// piece on a tie. Both sides of the boundary and the tie, written as direct rows:
//   maju   moved on 16 May: Triwulan II (1 Apr–30 Jun, 91 days) is 45 days before, 46 after → the new piece
//   mundur moved on 17 May: 46 days before, 45 after → the old piece
//   seri   moved on 16 Aug: Triwulan III (1 Jul–30 Sep, 92 days) is 46 + 46 → the new piece

let t: TestApp;
let admin: Agent;
let siklus: { id: number; tahun: number };
let unit: given.GivenUnit;
const who = {} as Record<'maju' | 'mundur' | 'seri', given.GivenPegawai>;

/** The employee's cycle SKP closed the day before `pindah`, and a second piece from `pindah` with a new position and rank; each piece's report of period `urutan` rated. */
async function pindah(p: given.GivenPegawai, tanggal: string, urutan: number, lama: 'BAIK' | 'SANGAT_BAIK', baru: 'BAIK' | 'SANGAT_BAIK') {
  const s1 = await t.db.prisma.skp.findFirstOrThrow({ where: { siklusId: siklus.id, pegawaiId: p.id, ditutupAt: null } });
  const snap = s1.snapshot as { pegawai: Record<string, string>; penilai: Record<string, string> | null };
  const sebelum = new Date(new Date(`${tanggal}T00:00:00Z`).getTime() - 86_400_000);
  await t.db.prisma.skp.update({ where: { id: s1.id }, data: { periodeAkhir: sebelum, ditutupAt: new Date(), status: 'DISETUJUI', snapshot: { ...snap, pegawai: { ...snap.pegawai, jabatan: 'Jabatan Lama', unit: 'Unit Lama', pangkatGolongan: 'III/a' } } as object } });
  const s2 = await t.db.prisma.skp.create({
    data: {
      siklusId: siklus.id, pegawaiId: p.id, penilaiId: s1.penilaiId, periodeAwal: new Date(`${tanggal}T00:00:00Z`), periodeAkhir: s1.periodeAkhir, sebelumnyaId: s1.id, status: 'DISETUJUI',
      snapshot: { ...snap, pegawai: { ...snap.pegawai, jabatan: 'Jabatan Baru', unit: 'Unit Baru', pangkatGolongan: 'III/b' } } as object,
    },
  });
  const periode = await t.db.prisma.periode.findFirstOrThrow({ where: { siklusId: siklus.id, urutan } });
  for (const [skpId, predikat] of [[s1.id, lama], [s2.id, baru]] as const) {
    const l = await t.db.prisma.laporanPeriode.create({ data: { skpId, periodeId: periode.id, skpRevisi: 1, status: 'DINILAI' } });
    await t.db.prisma.penilaianPeriode.create({ data: { laporanId: l.id, ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', predikat, saranHasilKerja: {}, saranPerilaku: {}, policyVersion: 1, at: new Date(`${siklus.tahun}-10-10T03:00:00Z`) } });
  }
}

beforeAll(async () => {
  t = await testApp();
  siklus = await given.siklusTerbuka(t);
  unit = await given.unit(t);
  const penilai = await given.pegawai(t, { unitId: unit.id, jenis: 'PENGAWAS' });
  for (const k of ['maju', 'mundur', 'seri'] as const) who[k] = await given.pegawai(t, { unitId: unit.id, penilai });
  const y = siklus.tahun;
  await pindah(who.maju, `${y}-05-16`, 2, 'BAIK', 'SANGAT_BAIK');
  await pindah(who.mundur, `${y}-05-17`, 2, 'BAIK', 'SANGAT_BAIK');
  await pindah(who.seri, `${y}-08-16`, 3, 'BAIK', 'SANGAT_BAIK');
  admin = await loginAs(t.app, 'admin');
});

afterAll(async () => {
  await t?.close();
});

it('one TPP row per employee and period; a split period takes the piece covering more of its days (the later on a tie), with that piece’s golongan', async () => {
  const csv = (await admin.get(`/rekap/tpp.csv?siklus=${siklus.id}&unit=${unit.id}`).expect(200)).text;
  const recs = parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
  const of = (p: given.GivenPegawai) => recs.filter((r) => r[0] === p.nip).map((r) => [r[3], r[4], r[5], r[6]]);
  expect(of(who.maju)).toEqual([['III/a', 'Triwulan I', '', 'Belum'], ['III/b', 'Triwulan II', 'Sangat Baik', 'Ya'], ['III/b', 'Triwulan III', '', 'Belum'], ['III/b', 'Triwulan IV', '', 'Belum']]);
  expect(of(who.mundur)[1]).toEqual(['III/a', 'Triwulan II', 'Baik', 'Ya']);
  expect(of(who.seri)[2]).toEqual(['III/b', 'Triwulan III', 'Sangat Baik', 'Ya']);
});

it('the recap names both pieces with their days, position and unit, and takes the period’s predikat by the same rule', async () => {
  const res = await download(admin, `/rekap/tahunan.xlsx?siklus=${siklus.id}&unit=${unit.id}`).expect(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  const maju = rows.find((r) => r[0] === who.maju.nip)!;
  expect(maju[3]).toBe('Jabatan Baru'); // the position of the year's last piece
  expect(maju[4]).toBe('1 Jan–15 Mei: Jabatan Lama, Unit Lama; 16 Mei–31 Des: Jabatan Baru, Unit Baru');
  expect(maju[6]).toBe('Sangat Baik');
  expect(rows.find((r) => r[0] === who.mundur.nip)![6]).toBe('Baik');
});
