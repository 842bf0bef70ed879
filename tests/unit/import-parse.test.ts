import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Invalid } from '../../src/errors.js';
import { detectDelimiter, detectKind, normaliseHeader, parseUpload } from '../../src/modules/imports/parse.js';
import { normaliseGolongan, TEXT_COLUMNS } from '../../src/modules/imports/service.js';

const NIP = '199001012015061001';

async function fails(p: Promise<unknown>): Promise<Invalid> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(Invalid);
  return e as Invalid;
}

async function xlsx(rows: ExcelJS.CellValue[][], textCols: number[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Pegawai');
  for (const c of textCols) ws.getColumn(c).numFmt = '@';
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('Lain').addRow(['diabaikan']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('import file kind — by content, not by name', () => {
  it('recognises XLSX by the zip signature and CSV as UTF-8 text without NUL bytes', () => {
    expect(detectKind(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('xlsx');
    expect(detectKind(Buffer.from('nip,nama\n1,2\n'))).toBe('csv');
    expect(detectKind(Buffer.from('nip\u0000nama'))).toBeNull();
    expect(detectKind(Buffer.from([0x6e, 0x69, 0x70, 0xff, 0xfe, 0x0a]))).toBeNull(); // not UTF-8
    expect(detectKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBeNull(); // old .xls
  });

  it('refuses random bytes with import.badType', async () => {
    const junk = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256));
    expect((await fails(parseUpload(junk))).key).toBe('import.badType');
  });

  it('reports a zip that is no workbook as a damaged XLSX', async () => {
    expect((await fails(parseUpload(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64, 1)])))).key).toBe('import.xlsxInvalid');
  });
});

describe('CSV', () => {
  it('reads a comma CSV with a BOM, normalises the headers and trims the cells', async () => {
    const t = await parseUpload(Buffer.from(`\uFEFFNIP, Nama ,Kode Jabatan\n ${NIP} , Budi Santoso ,A.B\n`));
    expect(t.kind).toBe('csv');
    expect(t.headers).toEqual(['nip', 'nama', 'kode_jabatan']);
    expect(t.rows).toEqual([{ row: 2, cells: { nip: NIP, nama: 'Budi Santoso', kode_jabatan: 'A.B' } }]);
    expect(t.issues).toEqual([]);
  });

  it('detects a semicolon delimiter from the header line (Excel with Indonesian settings)', async () => {
    expect(detectDelimiter('nip;nama;email\n1,5;x;y')).toBe(';');
    expect(detectDelimiter('nip,nama\n')).toBe(',');
    const t = await parseUpload(Buffer.from(`nip;nama;pangkat_golongan\r\n${NIP};"Sitompul, S.E.";III/a\r\n`));
    expect(t.rows[0]!.cells).toEqual({ nip: NIP, nama: 'Sitompul, S.E.', pangkat_golongan: 'III/a' });
  });

  it('numbers rows as a spreadsheet does: header is row 1, blank lines count but are skipped', async () => {
    const t = await parseUpload(Buffer.from('nip,nama\n1,a\n\n2,b\n,\n"3","multi\nline"\n4\n'));
    expect(t.rows.map((r) => [r.row, r.cells.nip, r.cells.nama])).toEqual([[2, '1', 'a'], [4, '2', 'b'], [6, '3', 'multi\nline'], [7, '4', '']]);
  });

  it('refuses a header-only file, too many rows, a repeated column and a broken quote', async () => {
    expect((await fails(parseUpload(Buffer.from('nip,nama\n')))).key).toBe('import.empty');
    expect((await fails(parseUpload(Buffer.from('')))).key).toBe('import.empty');
    const many = await fails(parseUpload(Buffer.from('nip\n1\n2\n3\n4\n'), { maxRows: 3 }));
    expect([many.key, many.params]).toEqual(['import.tooMany', { count: 4, max: 3 }]);
    const dup = await fails(parseUpload(Buffer.from('nip,NIP\n1,2\n')));
    expect([dup.key, dup.params]).toEqual(['import.duplicateColumn', { column: 'nip' }]);
    const quote = await fails(parseUpload(Buffer.from('nip,nama\n1,"abc\n2,def\n')));
    expect(quote.key).toBe('import.csvInvalid');
  });
});

describe('XLSX', () => {
  it('reads the first worksheet: text, rich text, hyperlinks and formulas become strings', async () => {
    const buf = await xlsx(
      [
        ['NIP', 'Nama', 'email', 'nilai'],
        [NIP, { richText: [{ text: 'Dewi ' }, { text: 'Anggraini', font: { bold: true } }] }, { text: 'dewi@contoh.go.id', hyperlink: 'mailto:dewi@contoh.go.id' }, { formula: '1+1', result: 2 }],
        [],
        ['199203152022212003', 'Siti', null, 7],
      ],
      [1],
    );
    const t = await parseUpload(buf, { textColumns: TEXT_COLUMNS });
    expect(t.kind).toBe('xlsx');
    expect(t.headers).toEqual(['nip', 'nama', 'email', 'nilai']);
    expect(t.rows).toEqual([
      { row: 2, cells: { nip: NIP, nama: 'Dewi Anggraini', email: 'dewi@contoh.go.id', nilai: '2' } },
      { row: 4, cells: { nip: '199203152022212003', nama: 'Siti', email: '', nilai: '7' } },
    ]);
    expect(t.issues).toEqual([]);
  });

  it('reports a NIP typed as a number (digits lost beyond 2^53) instead of guessing it', async () => {
    const buf = await xlsx([
      ['nip', 'nama', 'nip_penilai'],
      [199001012015061001, 'Budi', '198307222008041847'],
      [NIP, 'Ani', 198307222008041847],
    ]);
    const t = await parseUpload(buf, { textColumns: TEXT_COLUMNS });
    expect(t.issues.map((i) => [i.row, i.column, i.key])).toEqual([
      [2, 'nip', 'import.nipAsNumber'],
      [3, 'nip_penilai', 'import.nipAsNumber'],
    ]);
    expect(t.issues[0]!.value).not.toBe(NIP);
  });

  it('limits the number of rows', async () => {
    const buf = await xlsx([['nip'], ['1'], ['2'], ['3']]);
    expect((await fails(parseUpload(buf, { maxRows: 2 }))).key).toBe('import.tooMany');
  });
});

describe('normalisation', () => {
  it('normalises headers and golongan codes', () => {
    expect(normaliseHeader(' Kode Jabatan ')).toBe('kode_jabatan');
    expect(normaliseHeader('NIP-Penilai')).toBe('nip_penilai');
    expect(normaliseGolongan('iii/A')).toBe('III/a');
    expect(normaliseGolongan('III - b')).toBe('III/b');
    expect(normaliseGolongan('Penata Muda (III/a)')).toBe('III/a');
    expect(normaliseGolongan('PPPK IX')).toBe('IX');
    expect(normaliseGolongan('Golongan ix')).toBe('IX');
    expect(normaliseGolongan('X/z')).toBe('X/z');
  });
});
