import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import * as given from '../helpers/given.js';
import { loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { download } from '../helpers/files.js';

// The year's recaps (docs/domain/rekap.md): the distribution page, the year's recap, the TPP list
// (Excel and CSV) and the angka kredit list, each export opened and read back. The world is the
// test's own (given.organisasi): under bidang (the pimpinan's subtree) the seksi with
//   self     approved SKP; Q1 rated Baik, Q2 rated Sangat Baik, Q3 submitted, Q4 none; FINAL Baik,
//            nilai 104.25, an objection decided "changed"
//   rekan    approved SKP; confirmed Butuh Perbaikan (not final), an objection filed
//   jahat    an employee named like a formula, FINAL Baik
//   ahli     a functional Ahli Pertama → Ahli Muda (6 + 6 months), FINAL Sangat Baik, AK 28.125
// and outside (another bidang, FINAL Kurang), outside the pimpinan's subtree.

const JAHAT = '=HYPERLINK("http://contoh.test","klik")';
let t: TestApp;
let world: given.Organisasi;
let siklus: { id: number; tahun: number };
const agents = {} as Record<'admin' | 'pimpinan' | 'penilai' | 'pegawai', Agent>;
const skp = {} as Record<'self' | 'rekan' | 'jahat' | 'ahli' | 'outside', number>;
const who = {} as Record<'self' | 'rekan' | 'jahat' | 'ahli' | 'outside', given.GivenPegawai>;
const ev = {} as Record<'self' | 'rekan' | 'jahat' | 'ahli' | 'outside', number>;

const xlsx = async (agent: Agent, path: string) => {
  const res = await download(agent, path).expect(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r) => rows.push(Array.from((r.values as unknown[]).slice(1), (v) => v ?? ''))); // an empty cell reads ''
  return { wb, ws, rows, res };
};
/** The data rows (after the title, a blank line and the header) keyed by NIP. */
const byNip = (rows: unknown[][]) => new Map(rows.slice(3).map((r) => [String(r[0]), r]));

beforeAll(async () => {
  t = await testApp();
  world = await given.organisasi(t);
  siklus = await given.siklusTerbuka(t);
  const { seksi } = world.units;
  const { penilai, self, rekan, outside } = world.people;
  who.self = self;
  who.rekan = rekan;
  who.outside = outside;
  who.jahat = await given.pegawai(t, { unitId: seksi.id, penilai, nama: JAHAT });
  const jf = await given.jabatan(t, { unitId: seksi.id, jenis: 'FUNGSIONAL', kategoriJf: 'KEAHLIAN', jenjangJf: 'PERTAMA', nama: 'Analis Kebijakan Ahli Pertama' });
  who.ahli = await given.pegawai(t, { jabatanId: jf.id, penilai });
  // the appraisers' own SKPs first (each RHK intervenes one of the appraiser's)
  await given.skpDisetujui(t, world.people.pimpinan);
  await given.skpDisetujui(t, penilai);
  for (const k of ['self', 'rekan', 'jahat', 'ahli', 'outside'] as const) skp[k] = (await given.skpDisetujui(t, who[k])).id;

  const at = (d: string) => new Date(`${d}T03:00:00Z`);
  const y = siklus.tahun;
  // rated at 23:59 and at 00:00 in the agency's zone (WIB, UTC+7): the day each became final is the zone's
  await given.laporanLangsung(t, { id: skp.self }, 1, { status: 'DINILAI', penilaian: { at: new Date(`${y}-04-10T16:59:00Z`), hasil: 'SESUAI', perilaku: 'SESUAI', predikat: 'BAIK' } });
  await given.laporanLangsung(t, { id: skp.self }, 2, { status: 'DINILAI', penilaian: { at: at(`${y}-07-09`), hasil: 'DI_ATAS', perilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK' } });
  await given.laporanLangsung(t, { id: skp.self }, 3, { status: 'DIAJUKAN' });
  await given.laporanLangsung(t, { id: skp.rekan }, 1, { status: 'DINILAI', penilaian: { at: new Date(`${y}-04-10T17:00:00Z`), hasil: 'DI_BAWAH', perilaku: 'SESUAI', predikat: 'BUTUH_PERBAIKAN' } });

  await given.saranLangsung(t, { id: skp.self }, { nilai: '104.25' });
  await given.saranLangsung(t, { id: skp.rekan }, { hasilKerja: 'DI_BAWAH', perilaku: 'SESUAI', predikat: 'BUTUH_PERBAIKAN' });
  await given.saranLangsung(t, { id: skp.jahat });
  await given.saranLangsung(t, { id: skp.ahli }, { hasilKerja: 'DI_ATAS', perilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK', ak: [{ jenjang: 'PERTAMA', bulan: 6 }, { jenjang: 'MUDA', bulan: 6 }] });
  await given.saranLangsung(t, { id: skp.outside }, { hasilKerja: 'SESUAI', perilaku: 'DI_BAWAH', predikat: 'KURANG' });
  for (const k of ['self', 'rekan', 'jahat', 'ahli', 'outside'] as const) ev[k] = (await given.evaluasiLangsung(t, { id: skp[k] }, { status: k === 'rekan' ? 'DIKONFIRMASI' : 'FINAL' })).id;
  await t.db.prisma.evaluasiTahunan.updateMany({ where: { id: { in: [ev.self, ev.jahat, ev.ahli, ev.outside] } }, data: { finalAt: at(`${y + 1}-01-15`), diberitahuAt: at(`${y + 1}-01-15`) } });
  await t.db.prisma.evaluasiTahunan.update({ where: { id: ev.ahli }, data: { angkaKredit: '28.125' } });
  const keberatan = (evaluasiId: number, pegawaiId: number, data: object) =>
    t.db.prisma.keberatan.create({ data: { siklusId: siklus.id, pegawaiId, evaluasiId, alasan: 'Capaian triwulan II tidak diperhitungkan', batasTanggal: new Date(`${y + 1}-01-29`), semulaHasilKerja: 'SESUAI', semulaPerilaku: 'SESUAI', semulaPredikat: 'BAIK', ...data } });
  await keberatan(ev.self, self.id, { status: 'DIPUTUS', keputusan: 'UBAH', hasilKerjaBaru: 'DI_ATAS', perilakuBaru: 'SESUAI', predikatBaru: 'BAIK', diputusAt: at(`${y + 1}-01-25`) });
  await keberatan(ev.rekan, rekan.id, {});

  agents.admin = await loginAs(t.app, 'admin');
  agents.pimpinan = await loginAs(t.app, world.people.pimpinan.login);
  agents.penilai = await loginAs(t.app, penilai.login);
  agents.pegawai = await loginAs(t.app, self.login);
});

afterAll(async () => {
  await t?.close();
});

describe('the year’s recap (Excel)', () => {
  it('one row per employee with NIP, name, unit, position, the SKP pieces, the predikat of each period and of the year, both ratings, nilai, AK, the objection', async () => {
    const { rows, res } = await xlsx(agents.admin, `/rekap/tahunan.xlsx?siklus=${siklus.id}&unit=${world.units.bidang.id}`);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="rekap-tahunan-\d{4}-[\w.-]+\.xlsx"/);
    expect(rows[0]).toEqual(['Rekap evaluasi kinerja tahunan', String(siklus.tahun), world.units.bidang.nama]);
    expect(rows[2]).toEqual([
      'NIP', 'Nama', 'Unit kerja', 'Jabatan', 'Potongan SKP', 'Predikat Triwulan I', 'Predikat Triwulan II', 'Predikat Triwulan III', 'Predikat Triwulan IV',
      'Predikat tahunan', 'Rating hasil kerja', 'Rating perilaku kerja', 'Nilai', 'Angka kredit', 'Status evaluasi', 'Keberatan',
    ]);
    const m = byNip(rows);
    const self = m.get(who.self.nip)!;
    expect(self.slice(0, 3)).toEqual([who.self.nip, who.self.nama, world.units.seksi.nama]);
    expect(self[4]).toMatch(new RegExp(`^1 Jan–31 Des: .+, ${world.units.seksi.nama}$`));
    expect(self.slice(5, 9)).toEqual(['Baik', 'Sangat Baik', '', '']); // Q3 submitted, not rated; Q4 none
    expect(self.slice(9, 16)).toEqual(['Baik', 'Sesuai Ekspektasi', 'Sesuai Ekspektasi', 104.25, '', 'Final', 'Diputus: diubah']);
    const rekan = m.get(who.rekan.nip)!;
    expect(rekan.slice(5, 6)).toEqual(['Butuh Perbaikan']);
    expect(rekan.slice(9, 16)).toEqual(['Butuh Perbaikan', 'Di Bawah Ekspektasi', 'Sesuai Ekspektasi', '', '', 'Dikonfirmasi', 'Diajukan']);
    expect(m.get(who.ahli.nip)![13]).toBe(28.125);
    expect(m.has(who.outside.nip)).toBe(false); // another bidang: outside the unit asked for
    // the people of the subtree, and nobody else
    expect(rows.length - 3).toBe(await t.db.prisma.skp.groupBy({ by: ['pegawaiId'], where: { siklusId: siklus.id, pegawai: { unit: { path: { startsWith: world.units.bidang.path } } } } }).then((g) => g.length));
  });

  it('a rating changed by an objection’s decision (written to evaluasi_tahunan) is what the recap and the distribution read', async () => {
    await t.db.prisma.evaluasiTahunan.update({ where: { id: ev.self }, data: { ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK', version: { increment: 1 } } });
    try {
      const { rows } = await xlsx(agents.admin, `/rekap/tahunan.xlsx?siklus=${siklus.id}&unit=${world.units.seksi.id}`);
      expect(byNip(rows).get(who.self.nip)!.slice(9, 12)).toEqual(['Sangat Baik', 'Di Atas Ekspektasi', 'Di Atas Ekspektasi']);
      const html = (await agents.admin.get(`/rekap?siklus=${siklus.id}&unit=${world.units.bidang.id}`).expect(200)).text;
      const row = new RegExp(`data-unit="${world.units.seksi.id}">[\\s\\S]*?</tr>`).exec(html)![0];
      expect(row).toContain('data-k="SANGAT_BAIK">2<'); // self (changed) and ahli
    } finally {
      await t.db.prisma.evaluasiTahunan.update({ where: { id: ev.self }, data: { ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', predikat: 'BAIK', version: { increment: 1 } } });
    }
  });

  it('a name typed as a formula stays text in every export (a leading quote), numbers stay numbers', async () => {
    for (const path of ['/rekap/tahunan.xlsx', '/rekap/tpp.xlsx', '/rekap/angka-kredit.xlsx']) {
      const { wb, rows } = await xlsx(agents.admin, `${path}?siklus=${siklus.id}&unit=${world.units.seksi.id}`);
      if (path !== '/rekap/angka-kredit.xlsx') expect(byNip(rows).get(who.jahat.nip)![1]).toBe(`'${JAHAT}`);
      for (const ws of wb.worksheets) {
        ws.eachRow((row) => row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+@\t\r]|^-(?!\d+([.,]\d+)?$)/);
        }));
      }
    }
    const csv = (await agents.admin.get(`/rekap/tpp.csv?siklus=${siklus.id}&unit=${world.units.seksi.id}`).expect(200)).text;
    const recs = parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(recs.filter((r) => r[0] === who.jahat.nip).every((r) => r[1] === `'${JAHAT}`)).toBe(true);
  });
});

describe('the per-period predikat for TPP', () => {
  it('Excel: one row per employee and period with golongan, the predikat, whether it is final and the date it became final (the day it was rated)', async () => {
    const { rows } = await xlsx(agents.admin, `/rekap/tpp.xlsx?siklus=${siklus.id}&unit=${world.units.seksi.id}`);
    expect(rows[2]).toEqual(['NIP', 'Nama', 'Unit kerja', 'Pangkat/golongan', 'Periode', 'Predikat', 'Final', 'Tanggal final']);
    const self = rows.slice(3).filter((r) => r[0] === who.self.nip);
    expect(self.map((r) => r.slice(2, 7))).toEqual([
      [world.units.seksi.nama, 'III/a', 'Triwulan I', 'Baik', 'Ya'],
      [world.units.seksi.nama, 'III/a', 'Triwulan II', 'Sangat Baik', 'Ya'],
      [world.units.seksi.nama, 'III/a', 'Triwulan III', '', 'Belum'],
      [world.units.seksi.nama, 'III/a', 'Triwulan IV', '', 'Belum'],
    ]);
    // a date cell: the day in the agency's zone the period was rated
    expect(self[0]![7]).toEqual(new Date(`${siklus.tahun}-04-10T00:00:00Z`));
    expect(self[1]![7]).toEqual(new Date(`${siklus.tahun}-07-09T00:00:00Z`));
    expect(self[2]![7] ?? '').toBe('');
    expect(rows.slice(3).filter((r) => r[0] === who.rekan.nip).map((r) => r[5])).toEqual(['Butuh Perbaikan', '', '', '']);
  });

  it('CSV: UTF-8 with a byte-order mark, “;” between cells, CRLF, the same rows, dates as yyyy-mm-dd', async () => {
    const res = await agents.admin.get(`/rekap/tpp.csv?siklus=${siklus.id}&unit=${world.units.seksi.id}`).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename="predikat-periode-tpp-\d{4}-[\w.-]+\.csv"/);
    expect(res.text.startsWith('\uFEFFNIP;Nama;Unit kerja;Pangkat/golongan;Periode;Predikat;Final;Tanggal final\r\n')).toBe(true);
    const recs = parse(res.text.replace(/^\uFEFF/, ''), { delimiter: ';', record_delimiter: '\r\n' }) as string[][];
    const self = recs.filter((r) => r[0] === who.self.nip);
    expect(self).toEqual([
      [who.self.nip, who.self.nama, world.units.seksi.nama, 'III/a', 'Triwulan I', 'Baik', 'Ya', `${siklus.tahun}-04-10`],
      [who.self.nip, who.self.nama, world.units.seksi.nama, 'III/a', 'Triwulan II', 'Sangat Baik', 'Ya', `${siklus.tahun}-07-09`],
      [who.self.nip, who.self.nama, world.units.seksi.nama, 'III/a', 'Triwulan III', '', 'Belum', ''],
      [who.self.nip, who.self.nama, world.units.seksi.nama, 'III/a', 'Triwulan IV', '', 'Belum', ''],
    ]);
    // the zone's day: 23:59 WIB stays on the 10th, 00:00 WIB is the 11th
    expect(recs.find((r) => r[0] === who.rekan.nip && r[4] === 'Triwulan I')![7]).toBe(`${siklus.tahun}-04-11`);
    const xl = await xlsx(agents.admin, `/rekap/tpp.xlsx?siklus=${siklus.id}&unit=${world.units.seksi.id}`);
    expect(recs.length - 1).toBe(xl.rows.length - 3);
  });
});

describe('the distribution and the angka kredit list', () => {
  it('the chart’s table: per child unit the count of each predikat, a link into each unit, the total', async () => {
    const html = (await agents.admin.get(`/rekap?siklus=${siklus.id}&unit=${world.units.root.id}`).expect(200)).text;
    expect(html).toContain('id="rekap-chart"');
    expect(html).toContain('/static/js/stacked-bars.js');
    const row = (id: number | string) => new RegExp(`data-unit="${id}">[\\s\\S]*?</tr>`).exec(html)![0];
    const bidang = row(world.units.bidang.id);
    expect(bidang).toContain(`href="/rekap?siklus=${siklus.id}&amp;unit=${world.units.bidang.id}"`);
    expect(bidang).toContain('data-k="SANGAT_BAIK">1<');
    expect(bidang).toContain('data-k="BAIK">2<');
    expect(bidang).toContain('data-k="BUTUH_PERBAIKAN">1<');
    expect(bidang).toContain('data-k="final">3<');
    expect(row(world.units.lain.id)).toContain('data-k="KURANG">1<');
    expect(row('jumlah')).toContain('data-k="n">5<');
  });

  it('the default cycle is the latest that has evaluations, not a newer empty one', async () => {
    const newest = await t.db.prisma.siklus.findFirst({ orderBy: { tahun: 'desc' } });
    const empty = await t.db.prisma.siklus.create({ data: { tahun: newest!.tahun + 1, fase: 'PERENCANAAN' } });
    try {
      const latestWithEval = await t.db.prisma.siklus.findFirstOrThrow({ where: { evaluasiTahunan: { some: {} } }, orderBy: { tahun: 'desc' } });
      const html = (await agents.admin.get('/rekap').expect(200)).text;
      expect(html).toContain(`<option value="${latestWithEval.id}" selected>`);
      expect(html).toContain(`<option value="${empty.id}">${empty.tahun} (belum ada evaluasi)</option>`);
    } finally {
      await t.db.prisma.siklus.delete({ where: { id: empty.id } });
    }
  });

  it('the angka kredit list: jenjang and months of each piece, the final predikat, each piece’s AK and the year’s (PermenPANRB 1/2023)', async () => {
    const html = (await agents.admin.get(`/rekap/angka-kredit?siklus=${siklus.id}&unit=${world.units.seksi.id}`).expect(200)).text;
    const row = new RegExp(`data-pegawai="${who.ahli.id}">[\\s\\S]*?</tr>`).exec(html)![0];
    // Ahli Pertama 12.5 × 150% × 6/12 = 9.375; Ahli Muda 25 × 150% × 6/12 = 18.75
    expect(row).toContain('Ahli Pertama, 6 bulan — 9,38 AK');
    expect(row).toContain('Ahli Muda, 6 bulan — 18,75 AK');
    expect(row).toContain('Sangat Baik');
    expect(row).toContain('data-k="ak">28,13<');
    expect(html).not.toContain(`data-pegawai="${who.self.id}"`); // not a functional position
    // the keyset page after the last one listed is empty
    const after = (await agents.admin.get(`/rekap/angka-kredit?siklus=${siklus.id}&unit=${world.units.seksi.id}&setelah=${who.ahli.id}`).expect(200)).text;
    expect(after).toContain('id="ak-kosong"');
    const { rows } = await xlsx(agents.admin, `/rekap/angka-kredit.xlsx?siklus=${siklus.id}&unit=${world.units.seksi.id}`);
    const ahli = rows.slice(3).filter((r) => r[0] === who.ahli.nip);
    expect(ahli.map((r) => r.slice(4, 10))).toEqual([
      ['Ahli Pertama', 6, 9.375, 'Sangat Baik', 28.125, 'Final'],
      ['Ahli Muda', 6, 18.75, 'Sangat Baik', 28.125, 'Final'],
    ]);
  });
});

describe('who may see what', () => {
  it('a pimpinan sees the distribution and takes the recap of their own subtree only; the TPP and AK lists are HR’s', async () => {
    const html = (await agents.pimpinan.get('/rekap').expect(200)).text;
    expect(html).toContain(`data-unit="${world.units.seksi.id}"`);
    expect(html).not.toContain('/rekap/tpp.xlsx');
    await agents.pimpinan.get(`/rekap?unit=${world.units.lain.id}`).expect(404);
    await agents.pimpinan.get(`/rekap?unit=${world.units.root.id}`).expect(404);
    const { rows } = await xlsx(agents.pimpinan, `/rekap/tahunan.xlsx?siklus=${siklus.id}`);
    const m = byNip(rows);
    expect(m.has(who.self.nip)).toBe(true);
    expect(m.has(who.outside.nip)).toBe(false);
    expect([...m.keys()].every((nip) => nip !== world.people.kadis.nip)).toBe(true);
    await agents.pimpinan.get(`/rekap/tahunan.xlsx?siklus=${siklus.id}&unit=${world.units.lain.id}`).expect(404);
    for (const p of ['/rekap/tpp.xlsx', '/rekap/tpp.csv', '/rekap/angka-kredit', '/rekap/angka-kredit.xlsx']) await agents.pimpinan.get(`${p}?siklus=${siklus.id}`).expect(404);
  });

  it('an employee or an appraiser who is no pimpinan finds no such page (404); an unknown cycle is 404', async () => {
    for (const a of [agents.pegawai, agents.penilai]) {
      for (const p of ['/rekap', '/rekap/tahunan.xlsx', '/rekap/tpp.csv', '/rekap/angka-kredit']) await a.get(p).expect(404);
    }
    await agents.admin.get('/rekap?siklus=999999').expect(404);
    await agents.admin.get('/rekap/tpp.csv?siklus=999999').expect(404);
  });

  it('every export is audited: who took which list, of which cycle and unit, in which format', async () => {
    const last = (await t.db.prisma.auditLog.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0n;
    await agents.admin.get(`/rekap/tpp.csv?siklus=${siklus.id}&unit=${world.units.seksi.id}`).expect(200);
    await download(agents.pimpinan, `/rekap/tahunan.xlsx?siklus=${siklus.id}`).expect(200);
    const entries = await t.db.prisma.auditLog.findMany({ where: { aksi: 'rekap.export', id: { gt: last } }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => [e.entitas, e.entitasId, e.after])).toEqual([
      ['siklus', String(siklus.id), { jenis: 'tpp', format: 'csv', tahun: siklus.tahun, unitId: world.units.seksi.id, unit: world.units.seksi.nama }],
      ['siklus', String(siklus.id), { jenis: 'tahunan', format: 'xlsx', tahun: siklus.tahun, unitId: world.units.bidang.id, unit: world.units.bidang.nama }],
    ]);
    expect(entries[1]!.userId).toBe((await t.db.prisma.user.findUniqueOrThrow({ where: { pegawaiId: world.people.pimpinan.id } })).id);
    // a refused export writes nothing
    await agents.pimpinan.get(`/rekap/tpp.csv?siklus=${siklus.id}`).expect(404);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'rekap.export', id: { gt: last } } })).toBe(2);
  });
});
