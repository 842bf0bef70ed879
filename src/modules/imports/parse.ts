import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { inflateRawSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Invalid } from '../../errors.js';

// Turns an uploaded file into rows of strings keyed by (normalised) column header. The kind of
// file is decided by its content, never by its name or declared type: an XLSX file is a zip
// ("PK\x03\x04"); a CSV file is UTF-8 text without NUL bytes. Anything else is refused.

export const MAX_ROWS = 25_000;
/**
 * What an XLSX may inflate to, all its parts together. A real file of MAX_ROWS employees is
 * about 20 MB of XML; a "zip bomb" of a few hundred KB can claim (or hide) gigabytes.
 */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** One data row: its spreadsheet row number (the header is row 1) and its cells. */
export type ImportRow = { row: number; cells: Record<string, string> };
/** A cell the parser already knows is wrong (e.g. a NIP stored as a number). */
export type CellIssue = { row: number; column: string; value: string; key: string; params?: Record<string, string | number> };
export type ParsedTable = { kind: 'csv' | 'xlsx'; headers: string[]; rows: ImportRow[]; issues: CellIssue[] };

export type ParseOptions = {
  maxRows?: number;
  maxInflatedBytes?: number;
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

/**
 * Parses an upload off the main thread (a worker), so a large or hostile file never holds up the
 * other users' requests; refusals come back as the same Invalid error.
 */
export function parseUpload(buf: Buffer, opts: ParseOptions = {}): Promise<ParsedTable> {
  return parser.run(buf, opts);
}

/**
 * The parsing itself, on the calling thread (the worker runs this). `onRead` is called once the
 * file has been read and its rows are about to be built (tests use it to act mid-parse).
 */
export async function parseInThisThread(buf: Buffer, opts: ParseOptions = {}, onRead: () => void = () => {}): Promise<ParsedTable> {
  const kind = detectKind(buf);
  if (kind === null) throw new Invalid('import.badType');
  const maxRows = opts.maxRows ?? MAX_ROWS;
  const raw = kind === 'csv' ? csvMatrix(buf, onRead) : await xlsxMatrix(buf, new Set(opts.textColumns ?? []), maxRows, opts.maxInflatedBytes ?? MAX_INFLATED_BYTES, onRead);
  return toTable(kind, raw, maxRows);
}

// ---- The worker ---------------------------------------------------------------------------

/** Tells tests when a parse has been handed to the worker ('start'), has read the file and builds its rows ('read'), and is back ('end'). */
export const parseEvents = new EventEmitter();

type Reply = { id: number; read?: true; table?: ParsedTable; refused?: { key: string; params?: Record<string, string | number> }; failed?: string };

/** One long-lived worker thread, created on first use; each job is a message, answered by id. */
const parser = (() => {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (t: ParsedTable) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker = null;
  };
  const start = () => {
    // A plain-JS entry that loads this TypeScript module through tsx, as the app itself runs.
    const w = new Worker(new URL('./parse-worker.mjs', import.meta.url), {
      workerData: { module: import.meta.url },
      // a backstop behind the byte and row limits: the worker, not the app, runs out of memory
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    w.unref();
    w.on('message', (r: Reply) => {
      const p = pending.get(r.id);
      if (!p) return;
      if (r.read) return void parseEvents.emit('read');
      pending.delete(r.id);
      parseEvents.emit('end');
      if (r.table) p.resolve(r.table);
      else if (r.refused) p.reject(new Invalid(r.refused.key, r.refused.params));
      else p.reject(new Error(`import parser: ${r.failed}`));
    });
    w.on('error', (e) => {
      // out of memory, or a crash: the file is refused, the next upload gets a new worker
      failAll(isOutOfMemory(e) ? new Invalid('import.unpackedTooLarge', { max: mb(MAX_INFLATED_BYTES) }) : e);
    });
    w.on('exit', () => {
      if (worker === w) failAll(new Invalid('import.unpackedTooLarge', { max: mb(MAX_INFLATED_BYTES) }));
    });
    return w;
  };
  return {
    run(buf: Buffer, opts: ParseOptions): Promise<ParsedTable> {
      worker ??= start();
      const id = nextId++;
      return new Promise<ParsedTable>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, buf: new Uint8Array(buf), opts });
        parseEvents.emit('start');
      });
    },
  };
})();

const isOutOfMemory = (e: unknown) => (e as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY';
const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** The worker's side: answers one message (used by parse-worker.mjs). */
export async function answer(msg: { id: number; buf: Uint8Array; opts: ParseOptions }, post: (r: Reply) => void): Promise<Reply> {
  try {
    const buf = Buffer.from(msg.buf.buffer, msg.buf.byteOffset, msg.buf.byteLength);
    return { id: msg.id, table: await parseInThisThread(buf, msg.opts, () => post({ id: msg.id, read: true })) };
  } catch (e) {
    if (e instanceof Invalid) return { id: msg.id, refused: { key: e.key, params: e.params } };
    return { id: msg.id, failed: e instanceof Error ? e.message : String(e) };
  }
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

function csvMatrix(buf: Buffer, onRead: () => void): Matrix {
  const text = new TextDecoder('utf-8').decode(buf).replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 0;
    throw new Invalid('import.csvInvalid', { line });
  }
  if (records.length === 0) throw new Invalid('import.empty');
  onRead();
  // One record is one spreadsheet row (a quoted line break stays inside its cell), so the
  // row number is the record's position; blank lines count as rows, as in a spreadsheet.
  return { header: records[0]!, rows: records.slice(1).map((cells, i) => ({ row: i + 2, cells, issues: new Map() })) };
}

// ---- XLSX ---------------------------------------------------------------------------------

/**
 * Reads the zip's directory and inflates every part once, counting the bytes that actually come
 * out (the sizes in the zip's headers are the sender's claim and may lie), and stops as soon as
 * the total passes `maxBytes`. Then counts each sheet's rows in its XML. Only a file that passes
 * both goes to ExcelJS, which builds the whole workbook in memory.
 */
export function checkXlsxSize(buf: Buffer, maxBytes: number, maxRows: number): void {
  const entries = zipEntries(buf);
  let total = 0;
  for (const e of entries) {
    const data = buf.subarray(e.start, e.start + e.compressedSize);
    let out: Buffer;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes - total + 1) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new Invalid('import.unpackedTooLarge', { max: mb(maxBytes) });
        throw new Invalid('import.xlsxInvalid');
      }
    } else throw new Invalid('import.xlsxInvalid');
    total += out.length;
    if (total > maxBytes) throw new Invalid('import.unpackedTooLarge', { max: mb(maxBytes) });
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
      const rows = countRows(out);
      // the header and blank rows make this an upper bound, as the check after loading
      if (rows - 1 > maxRows * 2) throw new Invalid('import.tooMany', { count: rows - 1, max: maxRows });
    }
  }
}

/** `<row …>` elements (with or without a namespace prefix) in a sheet's XML. */
function countRows(xml: Buffer): number {
  const s = xml.toString('latin1');
  let n = 0;
  const re = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
  while (re.exec(s)) n++;
  return n;
}

type ZipEntry = { name: string; method: number; compressedSize: number; start: number };

/** The entries of a zip, from its central directory (as ExcelJS's unzipper reads them). */
function zipEntries(buf: Buffer): ZipEntry[] {
  const bad = () => new Invalid('import.xlsxInvalid');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw bad();
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw bad(); // zip64: no spreadsheet of this size needs it
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw bad();
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw bad();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressedSize > buf.length) throw bad();
    out.push({ name, method, compressedSize, start });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

async function xlsxMatrix(buf: Buffer, textColumns: ReadonlySet<string>, maxRows: number, maxInflatedBytes: number, onRead: () => void): Promise<Matrix> {
  checkXlsxSize(buf, maxInflatedBytes, maxRows);
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
  onRead();

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
