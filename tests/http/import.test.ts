import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createApp } from '../../src/app.js';
import * as given from '../helpers/given.js';
import { csrf, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { download } from '../helpers/files.js';

let t: TestApp;
let admin: Agent;
/**
 * A pengawas position of the test's own (rows of the file appraise each other, and an appraiser is
 * at least a pengawas: tests/http/penilai-rule.test.ts), its unit, and another unit's code.
 */
let jab: { kode: string; unitKode: string; unitId: number; id: number };
let otherUnitKode: string;
let people: { boss: given.GivenPegawai; penilai: given.GivenPegawai; pegawai: given.GivenPegawai };

beforeAll(async () => {
  t = await testApp();
  admin = await loginAs(t.app, 'admin');
  // boss appraises penilai, who appraises pegawai; the position the file's rows take, and another unit
  const boss = await given.pegawai(t, { jenis: 'ADMINISTRATOR' });
  const penilai = await given.pegawai(t, { jenis: 'PENGAWAS', penilai: boss });
  people = { boss, penilai, pegawai: await given.pegawai(t, { penilai }) };
  const j = await given.jabatan(t, { jenis: 'PENGAWAS' });
  const unit = await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { id: j.unitId } });
  jab = { kode: j.kode, unitKode: unit.kode, unitId: j.unitId, id: j.id };
  otherUnitKode = (await given.unit(t)).kode;
});
afterAll(async () => { await t.close(); });

// Valid NIPs that cannot collide with the demo data (its PNS were appointed in months 1-4 or
// 12, its PPPK in 2022-2024): appointed June 2015, or PPPK of 2021.
const pns = (serial: number) => `19900101201506${serial % 2 ? 1 : 2}${String(serial).padStart(3, '0')}`;
const pppk = (serial: number) => `19920315202121${serial % 2 ? 1 : 2}${String(serial).padStart(3, '0')}`;

const HEADER = ['nip', 'nama', 'jenis_asn', 'pangkat_golongan', 'kode_jabatan', 'kode_unit', 'nip_penilai', 'email'];
type Row = Partial<Record<(typeof HEADER)[number], string>>;
const row = (r: Row): Row => ({ jenis_asn: 'PNS', pangkat_golongan: 'III/a', kode_jabatan: jab.kode, kode_unit: jab.unitKode, nip_penilai: people.penilai.nip, email: '', ...r });
const quote = (v: string, sep: string) => (v.includes(sep) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: Row[], sep = ',') => Buffer.from([HEADER.join(sep), ...rows.map((r) => HEADER.map((h) => quote(r[h] ?? '', sep)).join(sep))].join('\n') + '\n');

async function upload(agent: Agent, buf: Buffer, name = 'pegawai.csv') {
  const token = await csrf(agent, '/impor');
  return agent.post('/impor').field('_csrf', token).attach('berkas', buf, name);
}
async function flashAfter(agent: Agent): Promise<string> {
  const page = await agent.get('/impor').expect(200);
  return /class="flash flash-success"[^>]*>([^<]*)</.exec(page.text)?.[1] ?? '';
}
/** [row, column] of every line of the error table. */
const errorCells = (html: string) => [...html.matchAll(/<tr><td class="num">(\d+)<\/td><td><code>([^<]*)<\/code><\/td><td>[^<]*<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => ({ row: Number(m[1]), column: m[2], reason: m[3] }));
const counts = async () => ({
  pegawai: await t.db.prisma.pegawai.count(),
  riwayat: await t.db.prisma.riwayatPegawai.count(),
  users: await t.db.prisma.user.count(),
  audit: await t.db.prisma.auditLog.count(),
});

describe('employee import', () => {
  const good = () => [
    row({ nip: pns(1), nama: 'Anita Uji Coba, S.E.', email: 'anita.uji@sukamajukab.go.id' }),
    row({ nip: pns(2), nama: 'Bagus Uji Coba', pangkat_golongan: 'ii/c', nip_penilai: pns(1) }), // appraised by a row of the same file
    row({ nip: pppk(3), nama: 'Citra Uji Coba, A.Md.', jenis_asn: 'PPPK', pangkat_golongan: 'PPPK VII' }),
  ];

  it('shows the upload page with both templates to the admin only', async () => {
    const page = await admin.get('/impor').expect(200);
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toContain('/impor/templat.xlsx');
    const pegawai = await loginAs(t.app, people.pegawai.login);
    await pegawai.get('/impor').expect(403);
    await pegawai.get('/impor/templat.csv').expect(403);
    const token = await csrf(pegawai, '/');
    await pegawai.post('/impor').field('_csrf', token).attach('berkas', csv(good()), 'x.csv').expect(403);
    expect(await t.db.prisma.pegawai.count({ where: { nip: pns(1) } })).toBe(0);
  });

  it('refuses a multipart POST without the CSRF token', async () => {
    const before = await counts();
    const res = await admin.post('/impor').attach('berkas', csv(good()), 'x.csv').expect(403);
    expect(res.text).toContain('Formulir kedaluwarsa');
    expect(await counts()).toEqual(before);
  });

  it('imports a clean CSV in one go: employees, logins, history and audit', async () => {
    const before = await counts();
    const res = await upload(admin, csv(good()));
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/impor');
    expect(await flashAfter(admin)).toBe('Impor selesai: 3 pegawai baru, 0 diperbarui, 0 tanpa perubahan.');

    const penilai = people.penilai;
    const a = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: pns(1) }, include: { user: true, riwayat: true } });
    const b = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: pns(2) } });
    const c = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: pppk(3) } });
    expect(a).toMatchObject({ nama: 'Anita Uji Coba, S.E.', jenisAsn: 'PNS', pangkatGolongan: 'III/a', email: 'anita.uji@sukamajukab.go.id', jabatanId: jab.id, unitId: jab.unitId, penilaiId: penilai.id, version: 1, aktif: true });
    expect(b).toMatchObject({ pangkatGolongan: 'II/c', penilaiId: a.id, email: null });
    expect(c).toMatchObject({ jenisAsn: 'PPPK', pangkatGolongan: 'VII' });
    expect(a.user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(a.riwayat).toHaveLength(1);
    expect(a.riwayat[0]).toMatchObject({ penilaiId: penilai.id, keterangan: 'Impor: pegawai baru', aktif: true });

    expect(await counts()).toEqual({ pegawai: before.pegawai + 3, riwayat: before.riwayat + 3, users: before.users + 3, audit: before.audit + 4 });
    const summary = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'pegawai.import' }, orderBy: { id: 'desc' } });
    expect(summary.after).toMatchObject({ created: 3, updated: 0, unchanged: 0, file: 'pegawai.csv' });

    // Nobody can log in with the unusable password; HR issues one with the reset button.
    await expect(loginAs(t.app, { login: pns(1), password: '' })).rejects.toThrow();
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await counts();
    const versions = await t.db.prisma.pegawai.findMany({ where: { nip: { in: [pns(1), pns(2), pppk(3)] } }, select: { nip: true, version: true, updatedAt: true } });
    expect((await upload(admin, csv(good()))).status).toBe(303);
    expect(await flashAfter(admin)).toBe('Impor selesai: 0 pegawai baru, 0 diperbarui, 3 tanpa perubahan.');
    expect(await counts()).toEqual(before);
    const after = await t.db.prisma.pegawai.findMany({ where: { nip: { in: [pns(1), pns(2), pppk(3)] } }, select: { nip: true, version: true, updatedAt: true } });
    expect(after).toEqual(versions);
  });

  it('makes a double submit harmless: the second import waits and finds everything unchanged', async () => {
    const file = csv([row({ nip: pns(11), nama: 'Dua Kali Kirim' }), row({ nip: pns(12), nama: 'Dua Kali Kirim Juga', nip_penilai: pns(11) })]);
    const before = await counts();
    const [t1, t2] = await Promise.all([csrf(admin, '/impor'), csrf(admin, '/impor')]);
    const [r1, r2] = await Promise.all([
      admin.post('/impor').field('_csrf', t1).attach('berkas', file, 'x.csv'),
      admin.post('/impor').field('_csrf', t2).attach('berkas', file, 'x.csv'),
    ]);
    expect([r1.status, r2.status]).toEqual([303, 303]);
    expect((await counts()).pegawai).toBe(before.pegawai + 2);
    expect(await t.db.prisma.riwayatPegawai.count()).toBe(before.riwayat + 2);
  });

  it('updates an existing employee: version bumped, history row and before/after audit', async () => {
    const fajar = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: people.pegawai.id }, include: { penilai: true } });
    const target = await t.db.prisma.jabatan.findUniqueOrThrow({ where: { id: (await given.jabatan(t)).id }, include: { unit: true } });
    const riwayatBefore = await t.db.prisma.riwayatPegawai.count({ where: { pegawaiId: fajar.id } });
    const file = csv([
      { nip: fajar.nip, nama: fajar.nama, jenis_asn: fajar.jenisAsn, pangkat_golongan: 'III/b', kode_jabatan: target.kode, kode_unit: target.unit.kode, nip_penilai: fajar.penilai!.nip, email: fajar.email ?? '' },
      row({ nip: pns(1), nama: 'Anita Uji Coba, S.E.', email: 'anita.uji@sukamajukab.go.id' }), // unchanged
    ]);
    expect((await upload(admin, file)).status).toBe(303);
    expect(await flashAfter(admin)).toBe('Impor selesai: 0 pegawai baru, 1 diperbarui, 1 tanpa perubahan.');
    const after = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: fajar.id } });
    expect(after).toMatchObject({ version: fajar.version + 1, jabatanId: target.id, unitId: target.unitId, pangkatGolongan: 'III/b', penilaiId: fajar.penilaiId });
    expect(after.updatedAt.getTime()).toBeGreaterThan(fajar.updatedAt.getTime());
    const riwayat = await t.db.prisma.riwayatPegawai.findMany({ where: { pegawaiId: fajar.id }, orderBy: { id: 'desc' } });
    expect(riwayat).toHaveLength(riwayatBefore + 1);
    expect(riwayat[0]).toMatchObject({ jabatanId: target.id, unitId: target.unitId, keterangan: 'Impor: perubahan data' });
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'pegawai.import.update', entitasId: String(fajar.id) } });
    expect(audit.before).toMatchObject({ jabatanId: fajar.jabatanId, pangkatGolongan: fajar.pangkatGolongan });
    expect(audit.after).toMatchObject({ jabatanId: target.id, pangkatGolongan: 'III/b' });

    // A change of name only: a new version, but no history row (position, unit, appraiser unchanged).
    const renamed = csv([row({ nip: pns(1), nama: 'Anita Uji Coba, S.E., M.M.', email: 'anita.uji@sukamajukab.go.id' })]);
    const anita = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: pns(1) } });
    const riwayatAnita = await t.db.prisma.riwayatPegawai.count({ where: { pegawaiId: anita.id } });
    expect((await upload(admin, renamed)).status).toBe(303);
    expect(await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: anita.id } })).toMatchObject({ nama: 'Anita Uji Coba, S.E., M.M.', version: anita.version + 1 });
    expect(await t.db.prisma.riwayatPegawai.count({ where: { pegawaiId: anita.id } })).toBe(riwayatAnita);
  });

  it('rejects a file with bad rows: a table of row, column and reason, and nothing written', async () => {
    const before = await counts();
    const file = csv([
      row({ nip: pns(21), nama: 'Baris Baik' }), // row 2: fine, but appears again on row 7
      row({ nip: '12345', nama: 'NIP Pendek' }), // row 3
      row({ nip: pns(22), nama: 'Jabatan Salah', kode_jabatan: 'TIDAK.ADA' }), // row 4
      row({ nip: pns(23), nama: 'ASN Salah', jenis_asn: 'Honorer' }), // row 5
      row({ nip: pns(24), nama: 'Golongan Salah', jenis_asn: 'PPPK', pangkat_golongan: 'III/a' }), // row 6
      row({ nip: pns(21), nama: 'Baris Kembar' }), // row 7
      row({ nip: pns(25), nama: 'Menilai Diri', nip_penilai: pns(25) }), // row 8
      row({ nip: pns(26), nama: 'Unit Lain', kode_unit: otherUnitKode }), // row 9
      row({ nip: pns(27), nama: 'Penilai Hilang', nip_penilai: '199901012020011999' }), // row 10
      row({ nip: pns(28), nama: 'Email Salah', email: 'bukan-email' }), // row 11
    ]);
    const res = await upload(admin, file);
    expect(res.status).toBe(422);
    expect(res.text).toContain('kesalahan ditemukan — tidak ada data yang disimpan');
    const cells = errorCells(res.text).map((e) => [e.row, e.column]);
    expect(cells).toEqual([
      [2, 'nip'], [3, 'nip'], [4, 'kode_jabatan'], [5, 'jenis_asn'], [6, 'pangkat_golongan'], [7, 'nip'],
      [8, 'nip_penilai'], [9, 'kode_unit'], [10, 'nip_penilai'], [11, 'email'],
    ]);
    const reasons = errorCells(res.text).map((e) => e.reason);
    expect(reasons).toContain('NIP harus 18 digit.');
    expect(reasons).toContain('NIP ini muncul lebih dari sekali dalam berkas (juga di baris 7).');
    expect(reasons).toContain('NIP ini muncul lebih dari sekali dalam berkas (juga di baris 2).');
    expect(reasons).toContain('Kode jabatan TIDAK.ADA tidak ditemukan atau nonaktif.');
    expect(reasons).toContain('Jenis ASN harus PNS atau PPPK.');
    expect(reasons).toContain('Pangkat/golongan tidak sesuai dengan jenis ASN.');
    expect(reasons).toContain('Pegawai tidak dapat menjadi pejabat penilai dirinya sendiri.');
    expect(reasons).toContain(`Jabatan ${jab.kode} tidak berada di unit ${otherUnitKode}.`);
    expect(reasons).toContain('NIP penilai 199901012020011999 tidak ada di data maupun di berkas.');
    expect(reasons).toContain('Alamat email tidak valid.');
    expect(await counts()).toEqual(before);
    expect(await t.db.prisma.pegawai.count({ where: { nip: pns(21) } })).toBe(0);
  });

  it('names the missing columns', async () => {
    const res = await upload(admin, Buffer.from(`nip,nama\n${pns(31)},Tanpa Kolom\n`));
    expect(res.status).toBe(422);
    expect(res.text).toContain('Kolom wajib tidak ada: jenis_asn, pangkat_golongan, kode_jabatan, kode_unit.');
  });

  it('reports an appraiser loop between two rows of the file, with names', async () => {
    const before = await counts();
    const res = await upload(admin, csv([row({ nip: pns(41), nama: 'Putu Lingkar', nip_penilai: pns(42) }), row({ nip: pns(42), nama: 'Made Lingkar', nip_penilai: pns(41) })]));
    expect(res.status).toBe(422);
    const errors = errorCells(res.text);
    expect(errors.map((e) => [e.row, e.column])).toEqual([[2, 'nip_penilai'], [3, 'nip_penilai']]);
    expect(errors[0]!.reason).toBe('Rantai pejabat penilai akan berputar: Putu Lingkar → Made Lingkar → Putu Lingkar.');
    expect(await counts()).toEqual(before);
  });

  it('reports a loop the file would close through the database', async () => {
    // penilai is appraised by boss; make boss appraised by penilai.
    const boss = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: people.boss.id }, include: { jabatan: true, unit: true } });
    const penilai = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: people.penilai.id } });
    expect(penilai.penilaiId).toBe(boss.id);
    const res = await upload(admin, csv([{ nip: boss.nip, nama: boss.nama, jenis_asn: boss.jenisAsn, pangkat_golongan: boss.pangkatGolongan, kode_jabatan: boss.jabatan.kode, kode_unit: boss.unit.kode, nip_penilai: penilai.nip, email: boss.email ?? '' }]));
    expect(res.status).toBe(422);
    expect(errorCells(res.text)[0]!.reason).toBe(`Rantai pejabat penilai akan berputar: ${boss.nama} → ${penilai.nama} → ${boss.nama}.`);
  });

  it('accepts a semicolon-separated CSV with a BOM and CRLF line ends', async () => {
    const text = '\uFEFF' + csv([row({ nip: pns(51), nama: 'Titik Koma, S.Kom.' })], ';').toString().replace(/\n/g, '\r\n');
    expect((await upload(admin, Buffer.from(text), 'ekspor.csv')).status).toBe(303);
    expect(await t.db.prisma.pegawai.findUnique({ where: { nip: pns(51) } })).toMatchObject({ nama: 'Titik Koma, S.Kom.' });
  });

  it('imports an XLSX file (NIP columns as text), whatever its file name', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.getColumn(1).numFmt = '@';
    ws.getColumn(7).numFmt = '@';
    ws.addRow(HEADER.map((h) => h.toUpperCase()));
    ws.addRow([pns(61), 'Xena Lembar Kerja', 'PNS', 'III/c', jab.kode, jab.unitKode, people.penilai.nip, { text: 'xena@sukamajukab.go.id', hyperlink: 'mailto:xena@sukamajukab.go.id' }]);
    ws.addRow([pppk(62), 'Yosef Lembar Kerja', 'PPPK', 'IX', jab.kode, jab.unitKode, pns(61), null]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await upload(admin, buf, 'data.csv')).status).toBe(303);
    expect(await flashAfter(admin)).toBe('Impor selesai: 2 pegawai baru, 0 diperbarui, 0 tanpa perubahan.');
    const x = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: pns(61) } });
    expect(x).toMatchObject({ pangkatGolongan: 'III/c', email: 'xena@sukamajukab.go.id' });
    expect(await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: pppk(62) } })).toMatchObject({ jenisAsn: 'PPPK', penilaiId: x.id });
  });

  it('tells the user to format a numeric NIP column as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(HEADER);
    ws.addRow([Number(pns(71)), 'Angka Saja', 'PNS', 'III/a', jab.kode, jab.unitKode, people.penilai.nip, '']);
    const res = await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()), 'data.xlsx');
    expect(res.status).toBe(422);
    expect(errorCells(res.text)).toEqual([{ row: 2, column: 'nip', reason: expect.stringContaining('Format kolom NIP sebagai Teks') }]);
  });

  it('refuses random bytes, an empty upload and a file over the size limit with a clear message', async () => {
    const junk = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));
    const bad = await upload(admin, junk, 'pegawai.xlsx');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Berkas harus CSV atau XLSX.');

    const token = await csrf(admin, '/impor');
    const none = await admin.post('/impor').field('_csrf', token).expect(422);
    expect(none.text).toContain('Pilih berkas untuk diunggah.');

    const small = createApp({ config: { ...t.config, uploadMaxBytes: 1024 }, db: t.db });
    const agent = await loginAs(small, 'admin');
    const big = await upload(agent, Buffer.concat([csv(good()), Buffer.alloc(4096, 0x20)]));
    expect(big.status).toBe(413);
    expect(big.text).toContain('Berkas terlalu besar; maksimal 1 MB.');
  });

  it('serves a CSV template and an XLSX template (NIP as text, valid codes) that import cleanly', async () => {
    const c = await admin.get('/impor/templat.csv').expect(200);
    expect(c.headers['content-type']).toMatch(/^text\/csv/);
    expect(c.headers['content-disposition']).toContain('templat-impor-pegawai.csv');
    expect(c.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEADER.join(';'));

    const x = await download(admin, '/impor/templat.xlsx').expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body);
    const [sheet, jabatanSheet] = wb.worksheets;
    expect((sheet!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(sheet!.getColumn(1).numFmt).toBe('@');
    expect(sheet!.getColumn(7).numFmt).toBe('@');
    expect(typeof sheet!.getCell('A2').value).toBe('string');
    expect(jabatanSheet!.name).toBe('Jabatan');
    expect(jabatanSheet!.actualRowCount - 1).toBe(await t.db.prisma.jabatan.count({ where: { aktif: true, unit: { aktif: true } } }));

    // The example row uses real codes, so the template itself is a valid import.
    expect((await upload(admin, x.body as Buffer, 'templat.xlsx')).status).toBe(303);
    expect(await flashAfter(admin)).toBe('Impor selesai: 1 pegawai baru, 0 diperbarui, 0 tanpa perubahan.');
    expect((await upload(admin, Buffer.from(c.text), 'templat.csv')).status).toBe(303);
    expect(await flashAfter(admin)).toBe('Impor selesai: 0 pegawai baru, 0 diperbarui, 1 tanpa perubahan.');
  });
});
