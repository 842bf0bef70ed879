import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { download } from '../helpers/files.js';

// The files the app writes (the import templates) carry names people typed; read back, a cell
// that would run as a formula is text with a leading quote, while numbers stay numbers.

let t: TestApp;
let admin: Agent;
const risky = ['=HYPERLINK("http://contoh","klik")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '-5'];
beforeAll(async () => {
  t = await testApp();
  admin = await loginAs(t.app, 'admin');
  // Names as an admin could type them (the forms allow any text), straight into this test's database.
  const jab = await t.db.prisma.jabatan.findMany({ where: { aktif: true, unit: { aktif: true } }, orderBy: { id: 'asc' }, take: risky.length, select: { id: true } });
  for (const [i, j] of jab.entries()) await t.db.prisma.jabatan.update({ where: { id: j.id }, data: { nama: risky[i]! } });
});
afterAll(async () => { await t.close(); });

const expected = (v: string) => (v === '-5' ? '-5' : `'${v}`);


it('the XLSX template: every text cell that starts like a formula is written as text with a quote', async () => {
  const x = await download(admin, '/impor/templat.xlsx').expect(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.body);
  const names = wb.getWorksheet('Jabatan')!.getColumn(2).values.slice(2) as unknown[];
  for (const v of risky) expect(names).toContain(expected(v));
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => row.eachCell((cell) => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+@\t\r]|^-(?!\d+([.,]\d+)?$)/);
    }));
  }
});

it('the CSV template: the example row’s codes are neutralised the same way, numbers stay numbers', async () => {
  // the code of the position the example row uses, written the way the code format allows
  const before = (await admin.get('/impor/templat.csv').expect(200)).text.replace(/^\uFEFF/, '');
  const [, example] = parse(before, { delimiter: ';' }) as string[][];
  await t.db.pool.query(`UPDATE jabatan SET kode = '-SUM.A1' WHERE kode = $1`, [example![4]]);
  const text = (await admin.get('/impor/templat.csv').expect(200)).text.replace(/^\uFEFF/, '');
  const rows = parse(text, { delimiter: ';' }) as string[][];
  expect(rows[1]![4]).toBe(`'-SUM.A1`);
  expect(rows[1]![0]).toMatch(/^\d{18}$/); // the NIP is left alone
});
