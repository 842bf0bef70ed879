import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Invalid } from '../../errors.js';

// Turns an uploaded file into rows of strings keyed by (normalised) column header. The kind of
// file is decided by its content, never by its name or declared type: an XLSX file is a zip
// ("PK\x03\x04"); a CSV file is UTF-8 text without NUL bytes. Anything else is refused.

export const MAX_ROWS = 25_000;

/** One data row: its spreadsheet row number (the header is row 1) and its cells. */
export type ImportRow = { row: number; cells: Record<string, string> };
/** A cell the parser already knows is wrong (e.g. a NIP stored as a number). */
export type CellIssue = { row: number; column: string; value: string; key: string; params?: Record<string, string | number> };
export type ParsedTable = { kind: 'csv' | 'xlsx'; headers: string[]; rows: ImportRow[]; issues: CellIssue[] };

export type ParseOptions = {
  maxRows?: number;
  /** Columns that must hold text: a number there (XLSX) has lost digits and is reported. */
  textColumns?: readonly string[];
};

/** "Kode Jabatan", " KODE-JABATAN " → "kode_jabatan". */
export const normaliseHeader = (h: string): string => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

export function detectKind(buf: Uint8Array): 'csv' | 'xlsx' | null {
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return 'xlsx';
  if (buf.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return 'csv';
  } catch {
    return null;
  }
}

export async function parseUpload(buf: Buffer, opts: ParseOptions = {}): Promise<ParsedTable> {
  const kind = detectKind(buf);
  if (kind === null) throw new Invalid('import.badType');
  const maxRows = opts.maxRows ?? MAX_ROWS;
  const raw = kind === 'csv' ? csvMatrix(buf) : await xlsxMatrix(buf, new Set(opts.textColumns ?? []), maxRows);
  return toTable(kind, raw, maxRows);
}

type Matrix = { rows: { row: number; cells: string[]; issues: Map<number, CellIssue> }[]; header: string[] };

function toTable(kind: 'csv' | 'xlsx', m: Matrix, maxRows: number): ParsedTable {
  const headers: string[] = [];
  const index: { col: number; name: string }[] = [];
  const seen = new Set<string>();
  m.header.forEach((h, col) => {
    const name = normaliseHeader(h);
    if (!name) return;
    if (seen.has(name)) throw new Invalid('import.duplicateColumn', { column: name });
    seen.add(name);
    headers.push(name);
    index.push({ col, name });
  });
  if (headers.length === 0) throw new Invalid('import.empty');
  const rows: ImportRow[] = [];
  const issues: CellIssue[] = [];
  for (const r of m.rows) {
    const cells: Record<string, string> = {};
    let any = false;
    for (const { col, name } of index) {
      const v = (r.cells[col] ?? '').trim();
      cells[name] = v;
      if (v !== '') any = true;
      const issue = r.issues.get(col);
      if (issue) issues.push({ ...issue, column: name });
    }
    if (any) rows.push({ row: r.row, cells });
  }
  if (rows.length === 0) throw new Invalid('import.empty');
  if (rows.length > maxRows) throw new Invalid('import.tooMany', { count: rows.length, max: maxRows });
  return { kind, headers, rows, issues };
}

// ---- CSV ----------------------------------------------------------------------------------

/** `;` (Excel with Indonesian regional settings), `,` or a tab, whichever the header line uses most. */
export function detectDelimiter(text: string): string {
  const nl = text.search(/\r?\n/);
  const first = nl < 0 ? text : text.slice(0, nl);
  const count = (c: string) => first.split(c).length - 1;
  const candidates = [',', ';', '\t'].map((c) => ({ c, n: count(c) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0]!.n > 0 ? candidates[0]!.c : ',';
}

function csvMatrix(buf: Buffer): Matrix {
  const text = new TextDecoder('utf-8').decode(buf).replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 0;
    throw new Invalid('import.csvInvalid', { line });
  }
  if (records.length === 0) throw new Invalid('import.empty');
  // One record is one spreadsheet row (a quoted line break stays inside its cell), so the
  // row number is the record's position; blank lines count as rows, as in a spreadsheet.
  return { header: records[0]!, rows: records.slice(1).map((cells, i) => ({ row: i + 2, cells, issues: new Map() })) };
}

// ---- XLSX ---------------------------------------------------------------------------------

async function xlsxMatrix(buf: Buffer, textColumns: ReadonlySet<string>, maxRows: number): Promise<Matrix> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw new Invalid('import.xlsxInvalid');
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.actualRowCount === 0) throw new Invalid('import.empty');
  // Cheap guard before building every row (the header and blank rows make this an upper bound).
  if (ws.actualRowCount - 1 > maxRows * 2) throw new Invalid('import.tooMany', { count: ws.actualRowCount - 1, max: maxRows });

  const headerRow = ws.getRow(1);
  const header: string[] = [];
  const width = headerRow.cellCount;
  for (let c = 1; c <= width; c++) header.push(cellText(headerRow.getCell(c).value));
  const textCols = new Set<number>();
  header.forEach((h, i) => { if (textColumns.has(normaliseHeader(h))) textCols.add(i); });

  const rows: Matrix['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells: string[] = [];
    const issues = new Map<number, CellIssue>();
    for (let c = 1; c <= width; c++) {
      const v = row.getCell(c).value;
      const text = cellText(v);
      cells.push(text);
      if (textCols.has(c - 1) && isNumberCell(v)) issues.set(c - 1, { row: n, column: '', value: text, key: 'import.nipAsNumber' });
    }
    rows.push({ row: n, cells, issues });
  });
  return { header, rows };
}

const isNumberCell = (v: ExcelJS.CellValue): boolean =>
  typeof v === 'number' || (typeof v === 'object' && v !== null && 'result' in v && typeof (v as { result?: unknown }).result === 'number');

/** A cell value as the text the user sees (rich text, hyperlinks and formulas included). */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((p) => p.text).join('');
  if ('error' in v) return String(v.error);
  if ('hyperlink' in v && 'text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result);
  return String(v);
}
