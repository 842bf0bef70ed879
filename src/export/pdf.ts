import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { labelGolongan } from '../domain/golongan.js';
import type { Orang } from '../domain/skp-document.js';
import { formatters } from '../i18n/index.js';

// The one PDF engine of SIKAP's official documents (the SKP, the periodic evaluation, and the annual
// forms to come): pdfmake, server-side, no browser. A document is a plain definition — tables with
// header rows repeated on every page, rows (merged cells too) split across pages by the engine,
// vector shapes on a canvas — built from the shared pieces below: the title block, the identity
// table, the signature block, the draft watermark across every page and the page footer.
// The forms are Indonesian official documents: their labels are Indonesian whatever the reader's
// interface language.

export type { Content, TableCell };

const require = createRequire(import.meta.url);

// The PDF prints what people typed: names with diacritics (Đặng, Łukasz, Ñ), typographic quotes
// and dashes, €, ≥, →, ✓ and the like. The standard PDF fonts know only cp1252, so the document
// embeds DejaVu Sans (free to redistribute, see its LICENSE in the dejavu-fonts-ttf package),
// which covers Latin, Greek, Cyrillic and most symbols; only the glyphs used are embedded.
// A character neither face can draw (Chinese, an emoji) is printed as U+FFFD, the replacement
// mark (a diamond with a question mark), so the reader sees that something is missing; a text
// extracted from the PDF shows U+FFFD there too.
const FONT_FILES = { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
const fontData = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
type Engine = typeof pdfmake & {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
};
const engine = pdfmake as Engine;
const faces: { hasGlyphForCodePoint(cp: number): boolean }[] = [];
for (const file of Object.values(FONT_FILES)) {
  const data = fontData(file);
  // the fonts live in the engine's in-memory file system; a document may read no file or URL
  engine.virtualfs.writeFileSync(file, data);
  faces.push(fontkit.create(data));
}
engine.setFonts({ DejaVuSans: { normal: FONT_FILES.normal, bold: FONT_FILES.bold, italics: FONT_FILES.normal, bolditalics: FONT_FILES.bold } });
engine.setUrlAccessPolicy(() => false);
engine.setLocalAccessPolicy(() => false);

const REPLACEMENT = '\uFFFD';
const known = new Map<number, boolean>();
/** Whether both faces can draw the character, asked of the fonts once per character. */
function drawable(cp: number): boolean {
  let ok = known.get(cp);
  if (ok === undefined) known.set(cp, (ok = faces.every((f) => f.hasGlyphForCodePoint(cp))));
  return ok;
}

/** The text as the embedded font can draw it: controls dropped, the undrawable replaced visibly. */
export function printable(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    if (ch === '\n') out += ch;
    else if (ch === '\t' || ch === '\u00a0') out += ' ';
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0x200b || c === 0xfeff) continue;
    else if (drawable(c)) out += ch;
    else {
      // a letter with a mark the font lacks as one glyph: its base letter and the mark, if drawable
      const parts = [...ch.normalize('NFD')];
      out += parts.length > 1 && parts.every((p) => drawable(p.codePointAt(0)!)) ? parts.join('') : REPLACEMENT;
    }
  }
  return out;
}

/** Every text of a definition made printable (the keys that hold what is shown, nothing else). */
function printableTree(node: unknown): unknown {
  if (typeof node === 'string') return printable(node);
  if (Array.isArray(node)) return node.map(printableTree);
  if (node && typeof node === 'object') {
    const o = { ...(node as Record<string, unknown>) };
    for (const k of ['text', 'stack', 'columns', 'ul', 'ol', 'table', 'body']) if (k in o) o[k] = printableTree(o[k]);
    return o;
  }
  return node;
}

// ---- The page and the table style --------------------------------------------------------------

export const SIZE = 8;
const PAD = 3;
const LINE = 0.5;
export const HEAD_FILL = '#e4e8ee';
export const SECTION_FILL = '#f2f4f7';
/** A4 landscape: the width between the margins. */
const MARGINS: [number, number, number, number] = [36, 34, 36, 40];
const PAGE_WIDTH = 841.89 - MARGINS[0] - MARGINS[2];

const GRID = {
  hLineWidth: () => LINE,
  vLineWidth: () => LINE,
  hLineColor: () => '#333333',
  vLineColor: () => '#333333',
  paddingLeft: () => PAD,
  paddingRight: () => PAD,
  paddingTop: () => PAD,
  paddingBottom: () => PAD,
};

/** Column widths for the page from proportions (pdfmake's widths leave out padding and lines). */
export function widths(props: number[]): number[] {
  const free = PAGE_WIDTH - props.length * (2 * PAD + LINE) - LINE;
  const sum = props.reduce((a, b) => a + b, 0);
  return props.map((p) => (p * free) / sum);
}

/** A bordered table: `headerRows` rows repeated at the top of every page it runs over. */
export function table(props: number[], body: TableCell[][], headerRows = 0): Content {
  return { table: { widths: widths(props), headerRows, body }, layout: GRID };
}

type CellOpts = { bold?: boolean; center?: boolean; fill?: string; colSpan?: number; rowSpan?: number; middle?: boolean };
/** A table cell. */
export function cell(text: string | null | undefined, o: CellOpts = {}): TableCell {
  const c: Record<string, unknown> = { text: text ?? '' };
  if (o.bold) c.bold = true;
  if (o.center) c.alignment = 'center';
  if (o.fill) c.fillColor = o.fill;
  if (o.colSpan) c.colSpan = o.colSpan;
  if (o.rowSpan && o.rowSpan > 1) c.rowSpan = o.rowSpan;
  if (o.middle) c.verticalAlignment = 'middle';
  return c as TableCell;
}
/** A cell of several paragraphs (a bold name, then bullet points, …). */
export function stackCell(paras: { text: string; bold?: boolean; bullet?: boolean }[], o: CellOpts = {}): TableCell {
  const stack = paras.map((p) => (p.bullet ? { columns: [{ text: '•', width: 9 }, { text: p.text, width: '*' }] } : { text: p.text, bold: !!p.bold }));
  const { text: _none, ...style } = cell('', o) as Record<string, unknown>;
  return { ...style, stack } as TableCell;
}
/** A header cell. */
export const head = (text: string, colSpan?: number): TableCell => cell(text, { bold: true, center: true, middle: true, fill: HEAD_FILL, colSpan });
/** The "(1) (2) …" row under a form's column titles. */
export const columnNumbers = (n: number): TableCell[] => Array.from({ length: n }, (_, i) => cell(`(${i + 1})`, { center: true, fill: HEAD_FILL }));
/** A row that titles a part of a table ("A. UTAMA"), across all its `n` columns. */
export const sectionRow = (title: string, n: number): TableCell[] => fill([cell(title, { bold: true, fill: SECTION_FILL, colSpan: n })], n);
/** A row: cells that span columns are followed by the placeholders pdfmake expects. */
export function fill(cells: TableCell[], n: number): TableCell[] {
  const out: TableCell[] = [];
  for (const c of cells) {
    out.push(c);
    const span = (c as { colSpan?: number }).colSpan ?? 1;
    for (let i = 1; i < span; i++) out.push({ text: '' });
  }
  while (out.length < n) out.push({ text: '' });
  return out;
}
/** The placeholder under a cell that spans rows. */
export const spanned: TableCell = { text: '' };

// ---- The shared pieces -------------------------------------------------------------------------

const fmt = formatters('id');

/** Centered bold title lines (the first larger), then the agency left and the period right. */
export function titleBlock(lines: string[], instansi: string, kanan: string): Content[] {
  return [
    ...lines.map((t, i): Content => ({ text: t, bold: true, alignment: 'center', fontSize: i === 0 ? 13 : 10, lineHeight: 1.05, margin: [0, 0, 0, 2] })),
    {
      margin: [0, 8, 0, 4],
      columns: [
        { text: instansi.toUpperCase(), bold: true, fontSize: 9, width: '*' },
        { text: kanan.toUpperCase(), bold: true, fontSize: 9, width: '*', alignment: 'right' },
      ],
    },
  ];
}

/** "PERIODE PENILAIAN: 1 JANUARI 2026 SD 31 DESEMBER 2026" */
export const periodePenilaian = (awal: Date, akhir: Date) => `PERIODE PENILAIAN: ${fmt.date(awal)} SD ${fmt.date(akhir)}`;


/**
 * The identity table of the official forms: NO | PEGAWAI YANG DINILAI | NO | PEJABAT PENILAI KINERJA,
 * rows NAMA, NIP, PANGKAT/GOL. RUANG, JABATAN, UNIT KERJA (INSTANSI on the JPT form).
 */
export function identityTable(pegawai: Orang, penilai: Orang | null, o: { baris5?: 'UNIT KERJA' | 'INSTANSI'; unitPegawai?: string; unitPenilai?: string; nipPenilaiKosong?: string } = {}): Content {
  const rows: [string, string, string][] = [
    ['NAMA', pegawai.nama, penilai?.nama ?? '-'],
    ['NIP', pegawai.nip, penilai?.nip || o.nipPenilaiKosong || '-'],
    ['PANGKAT/GOL. RUANG', labelGolongan(pegawai.pangkatGolongan), penilai?.pangkatGolongan ? labelGolongan(penilai.pangkatGolongan) : '-'],
    ['JABATAN', pegawai.jabatan, penilai?.jabatan ?? '-'],
    [o.baris5 ?? 'UNIT KERJA', o.unitPegawai ?? pegawai.unit, penilai ? (o.unitPenilai ?? penilai.unit) : '-'],
  ];
  return {
    ...(table([22, 110, 253, 22, 110, 253], [
      fill([head('NO'), head('PEGAWAI YANG DINILAI', 2), head('NO'), head('PEJABAT PENILAI KINERJA', 2)], 6),
      ...rows.map(([label, a, b], i) => [cell(String(i + 1), { center: true }), cell(label), cell(a), cell(String(i + 1), { center: true }), cell(label), cell(b)]),
    ], 1) as object),
    margin: [0, 0, 0, 10],
  } as Content;
}

/** Who signs, as the snapshot recorded them. */
export type Penanda = { peran: string; nama: string | null | undefined; nip: string | null | undefined };

/**
 * The signature block, kept whole on one page: the place and date over the right column; the
 * left column is optional (the periodic evaluation is signed by the appraiser alone).
 */
export function signatureBlock(o: { tempat: string; tanggal: Date; kiri?: Penanda; kanan: Penanda }): Content {
  const col = (p: Penanda | undefined, dated: boolean): Content => ({
    width: 260,
    alignment: 'center',
    fontSize: 9,
    stack: p
      ? [
          { text: dated ? `${o.tempat}, ${fmt.date(o.tanggal)}` : ' ' },
          { text: p.peran, margin: [0, 1, 0, 48] },
          { text: p.nama || '.......................................', bold: true },
          { text: `NIP. ${p.nip || '-'}` },
        ]
      : [{ text: ' ' }],
  }) as Content;
  return { unbreakable: true, margin: [20, 14, 20, 0], columns: [col(o.kiri, false), { text: '', width: '*' }, col(o.kanan, true)] };
}

/**
 * A mark across the middle of every page (a draft, an unrated report, a superseded document): what
 * a page shown alone is. A longer mark is set smaller, so that it stays whole on the page.
 */
export const watermark = (text: string) => ({ text, color: '#b00000', opacity: 0.16, bold: true, fontSize: Math.min(44, Math.floor(1150 / Math.max(1, text.length))), angle: -20 });

/** The document's description: PDF metadata and the footer line of every page. */
export type Dokumen = {
  title: string;
  subject: string;
  dicetak: Date;
  /** The left part of every page's footer; "Halaman n dari N" stands right. */
  footer: string;
  /** Across every page when set (a draft). */
  watermark?: string;
  content: Content[];
};

/** The document as PDF bytes. */
export async function renderPdf(d: Dokumen): Promise<Buffer> {
  const footer = printable(d.footer);
  const def: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    info: { title: printable(d.title), author: 'SIKAP', subject: printable(d.subject), creationDate: d.dicetak } as TDocumentDefinitions['info'],
    defaultStyle: { font: 'DejaVuSans', fontSize: SIZE, lineHeight: 1.05 },
    footer: (page: number, pages: number) => ({
      margin: [MARGINS[0], 14, MARGINS[2], 0],
      fontSize: 7,
      color: '#555555',
      columns: [{ text: footer, width: '*' }, { text: `Halaman ${page} dari ${pages}`, width: 'auto' }],
    }),
    content: printableTree(d.content) as Content[],
  };
  if (d.watermark) def.watermark = watermark(printable(d.watermark));
  return (await engine.createPdf(def).getBuffer()) as Buffer;
}

// ---- The distribution curve (vector shapes) ----------------------------------------------------

/** One column of the distribution: its label, how many people it has, the band the pattern allows. */
export type KolomDistribusi = { label: string; jumlah: number; min: number; max: number };

/**
 * The "POLA DISTRIBUSI" curve of the official forms as vector shapes on the engine's canvas (no
 * image): per predikat (Sangat Kurang … Sangat Baik, left to right as the form's x-axis) the band
 * the pattern allows as a light box, the people counted as a bar, and the curve through the
 * counts; under it each column's label with "n (min–maks)". The Dokumen Evaluasi Kinerja and the
 * Penetapan Predikat print share it.
 */
export function kurvaDistribusi(kolom: readonly KolomDistribusi[], o: { width?: number; height?: number } = {}): Content {
  const W = o.width ?? 420;
  const H = o.height ?? 120;
  const left = 24;
  const plotW = W - left;
  const top = Math.max(1, ...kolom.map((k) => Math.max(k.jumlah, k.max)));
  const step = plotW / Math.max(1, kolom.length);
  const y = (v: number) => H - (v / top) * (H - 8);
  const shapes: Record<string, unknown>[] = [
    // the axes and a light grid at the quarters
    ...[0.25, 0.5, 0.75, 1].map((f) => ({ type: 'line', x1: left, y1: y(top * f), x2: W, y2: y(top * f), lineWidth: 0.3, lineColor: '#cccccc', dash: { length: 2 } })),
    { type: 'line', x1: left, y1: 0, x2: left, y2: H, lineWidth: 0.8, lineColor: '#333333' },
    { type: 'line', x1: left, y1: H, x2: W, y2: H, lineWidth: 0.8, lineColor: '#333333' },
  ];
  kolom.forEach((k, i) => {
    const x0 = left + i * step;
    // the band: what the pattern allows (min … max people)
    if (k.max > 0 || k.min > 0) shapes.push({ type: 'rect', x: x0 + step * 0.12, y: y(k.max), w: step * 0.76, h: Math.max(0.8, y(k.min) - y(k.max)), color: '#dbe7f5', lineColor: '#7a9cc6', lineWidth: 0.5, dash: { length: 2 } });
    // the people counted
    const bad = k.jumlah < k.min || k.jumlah > k.max;
    if (k.jumlah > 0) shapes.push({ type: 'rect', x: x0 + step * 0.3, y: y(k.jumlah), w: step * 0.4, h: H - y(k.jumlah), color: bad ? '#c0392b' : '#2e5e8c' });
  });
  // the curve through the counts
  shapes.push({ type: 'polyline', points: kolom.map((k, i) => ({ x: left + (i + 0.5) * step, y: y(k.jumlah) })), lineWidth: 1.4, lineColor: '#1d3557', lineCap: 'round' });
  for (const [i, k] of kolom.entries()) shapes.push({ type: 'ellipse', x: left + (i + 0.5) * step, y: y(k.jumlah), r1: 2.2, r2: 2.2, color: '#1d3557' });
  return {
    width: W,
    stack: [
      { columns: [{ text: fmt.number(top), fontSize: 6, width: left - 2, alignment: 'right' }, { text: '', width: '*' }] },
      { canvas: shapes, margin: [0, -6, 0, 0] },
      {
        margin: [left, 2, 0, 0],
        columns: kolom.map((k) => ({ width: step, alignment: 'center', fontSize: 6.5, stack: [{ text: k.label, bold: true }, { text: `${fmt.number(k.jumlah)} (${fmt.number(k.min)}–${fmt.number(k.max)})` }] })),
      },
    ],
  } as Content;
}
