import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvLine, csvRow, safeCell, safeRow } from '../../src/export/spreadsheet-cells.js';

// OWASP CSV injection: text that a spreadsheet would run as a formula gets a leading quote.
describe('cells a spreadsheet would run as a formula', () => {
  it.each([
    ['=HYPERLINK("http://x","klik")', `'=HYPERLINK("http://x","klik")`],
    ['+1+cmd|/C calc', `'+1+cmd|/C calc`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('text %j is written as %j', (v, out) => expect(safeCell(v)).toBe(out));

  it.each([['-5'], ['+62'], ['-1,5'], ['12.5'], ['Dinas = Kantor'], ['nama@instansi.go.id'], ['III/a'], ['']])('text %j stays as it is', (v) => expect(safeCell(v)).toBe(v));

  it('numbers, booleans, dates and empty cells stay what they are', () => {
    const d = new Date('2026-01-02T00:00:00Z');
    expect(safeRow([-5, 0, 1.5, true, null, undefined, d])).toEqual([-5, 0, 1.5, true, null, undefined, d]);
    expect(safeRow({ a: '=1', b: -5 })).toEqual({ a: "'=1", b: -5 });
  });

  it('a CSV line quotes where needed after neutralising', () => {
    expect(csvLine(['=1;2', -5, '-5', 'a"b', 'x\ny'])).toBe(`"'=1;2";-5;-5;"a""b";"x\ny"`);
    expect(csvLine(['@a', 'b,c'], ',')).toBe(`'@a,"b,c"`);
  });

  // ── rekap ──
  it('a CSV record is the same neutralised line ended by CRLF; a file starts with the byte-order mark', () => {
    expect(csvRow(['\t=1', '\r=2', '+A1', '+3', 'Siti'])).toBe(`'\t=1;"'\r=2";'+A1;+3;Siti\r\n`);
    expect(CSV_BOM).toBe('\uFEFF');
  });
});
