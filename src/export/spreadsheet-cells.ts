// Every CSV or XLSX the app writes passes its cells through here. A text cell that begins with
// = + - @, a tab or a carriage return is run as a formula by spreadsheet programs when the file is
// opened (CSV) or the cell is edited (XLSX): "CSV injection" in OWASP's guidance, which says to
// prefix such a cell with a single quote so it stays text. Numbers (a JS number, or text that
// is only a number such as "-5" or "1,5") are not formulas and are left as they are.

export type CellValue = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+([.,]\d+)?$/;

/** The cell as it may safely be written: risky text gets a leading single quote. */
export function safeCell<V extends CellValue>(v: V): V | string {
  if (typeof v !== 'string' || !FORMULA_START.test(v) || PLAIN_NUMBER.test(v)) return v;
  return `'${v}`;
}

/** Every value of a row (an array or an object of columns), made safe. */
export function safeRow<R extends readonly CellValue[] | Record<string, CellValue>>(row: R): R {
  if (Array.isArray(row)) return row.map((v) => safeCell(v)) as unknown as R;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, safeCell(v as CellValue)])) as R;
}

/** One CSV line: cells made safe, quoted where the separator, a quote or a line break needs it. */
export function csvLine(cells: readonly CellValue[], sep = ';'): string {
  return cells
    .map((c) => {
      const v = safeCell(c);
      const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
      return s.includes(sep) || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(sep);
}

// ── rekap: a CSV file as every export writes it (docs/domain/rekap.md § CSV) ──
/** The byte-order mark a CSV starts with, so that Excel opens it as UTF-8 (names with é, ñ …). */
export const CSV_BOM = '\uFEFF';
/** One CSV record: csvLine with `;` (Excel's separator where the decimal comma is used, as in id-ID), ended by CRLF (RFC 4180). */
export const csvRow = (cells: readonly CellValue[], sep = ';'): string => `${csvLine(cells, sep)}\r\n`;
