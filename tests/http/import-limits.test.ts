import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Invalid } from '../../src/errors.js';
import { checkXlsxSize, MAX_INFLATED_BYTES, MAX_ROWS, parseEvents } from '../../src/modules/imports/parse.js';
import { csrf, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { SHEET_HEAD, SHEET_TAIL, xlsxParts, zip } from '../helpers/zip.js';

// An XLSX is a zip: a few hundred KB can inflate to gigabytes, and its headers may claim
// anything. The parser counts what actually inflates and the rows, stops at a limit with a
// message for that file, and runs in a worker thread, so other users' pages are answered while
// an import is being read.

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await testApp();
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => { await t.close(); });

const MB = 1024 * 1024;
async function upload(buf: Buffer, name = 'pegawai.xlsx') {
  const token = await csrf(admin, '/impor');
  return admin.post('/impor').field('_csrf', token).attach('berkas', buf, name);
}
/** A sheet whose XML is `mb` megabytes of whitespace between two real rows: valid, and tiny zipped. */
const bombSheet = (mb: number, claimedSize?: number) => ({
  prefix: Buffer.from(SHEET_HEAD),
  data: Buffer.alloc(MB, 0x20),
  repeat: mb,
  suffix: Buffer.from(`<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c></row>${SHEET_TAIL}`),
  claimedSize,
});
const refusal = (e: unknown) => (e instanceof Invalid ? e.key : String(e));

describe('a zip bomb', () => {
  it('inflating to 300 MB is refused for that file, with a message, while on disk it is small', async () => {
    const bomb = await zip(xlsxParts(bombSheet(300)));
    expect(bomb.length).toBeLessThan(1 * MB);
    const res = await upload(bomb);
    expect(res.status).toBe(422);
    expect(res.text).toContain(`Berkas XLSX ini terlalu besar setelah dibuka (lebih dari ${MAX_INFLATED_BYTES / MB} MB isi)`);
    expect(res.text).toContain('pegawai.xlsx');
  });

  it('whose headers claim a few bytes is refused the same way (what inflates is counted)', async () => {
    const liar = await zip(xlsxParts(bombSheet(200, 1234)));
    const res = await upload(liar, 'kecil.xlsx');
    expect(res.status).toBe(422);
    expect(res.text).toContain('Berkas XLSX ini terlalu besar setelah dibuka');
  });

  it('of rows (tiny empty rows by the hundred thousand) is refused by its row count', async () => {
    const rows = await zip(xlsxParts({ prefix: Buffer.from(SHEET_HEAD), data: Buffer.from('<row r="9"/>'.repeat(10_000)), repeat: 20, suffix: Buffer.from(SHEET_TAIL) }));
    const res = await upload(rows);
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/Berkas berisi [\d.]+ baris; maksimal [\d.]+ baris per impor\./);
  });

  it('the limits hold at their boundaries: at the limit passes, one byte or one row over is refused', async () => {
    const parts = xlsxParts({ prefix: Buffer.from(SHEET_HEAD), data: Buffer.from('<row r="9"/>'), repeat: 10, suffix: Buffer.from(SHEET_TAIL) });
    const file = await zip(parts);
    const total = parts.reduce((n, p) => n + (p.prefix?.length ?? 0) + p.data.length * (p.repeat ?? 1) + (p.suffix?.length ?? 0), 0);
    expect(() => checkXlsxSize(file, total, MAX_ROWS)).not.toThrow();
    expect(refusal((() => { try { checkXlsxSize(file, total - 1, MAX_ROWS); } catch (e) { return e; } })())).toBe('import.unpackedTooLarge');
    // 11 rows: the header and 10 more; the bound is twice the data rows allowed (blank rows count)
    expect(() => checkXlsxSize(file, total, 5)).not.toThrow();
    expect(refusal((() => { try { checkXlsxSize(file, total, 4); } catch (e) { return e; } })())).toBe('import.tooMany');
  });
});

describe('parsing off the main thread', () => {
  it('a page requested while a large import is being parsed is answered before the import ends', async () => {
    // a real, large workbook: MAX_ROWS rows of eight columns, as an agency would upload
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pegawai');
    ws.addRow(['nip', 'nama', 'jenis_asn', 'pangkat_golongan', 'kode_jabatan', 'kode_unit', 'nip_penilai', 'email']);
    for (let i = 0; i < MAX_ROWS; i++) ws.addRow([`1990010120150610${String(i).padStart(4, '0')}`, `Pegawai Nomor ${i}`, 'PNS', 'III/a', 'KODE.X', 'UNIT.X', '', `p${i}@contoh.go.id`]);
    const big = Buffer.from(await wb.xlsx.writeBuffer());

    // Once the file is read and its 25 000 rows are being built, another user asks for a page.
    // On the main thread that page would wait for the rows; from the worker it does not.
    const order: string[] = [];
    const pinged = new Promise<void>((resolve, reject) => {
      parseEvents.once('read', () => {
        admin.get('/ping').then((r) => { order.push(`ping ${r.status}`); resolve(); }, reject);
      });
    });
    parseEvents.once('end', () => order.push('parsed'));
    const imported = upload(big, 'besar.xlsx').then((r) => { order.push('import'); return r; });
    await Promise.all([pinged, imported]);
    expect(order).toEqual(['ping 200', 'parsed', 'import']);
    expect((await imported).status).toBe(422); // the made-up codes are refused row by row
  }, 120_000);
});
