import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { NILAI_BERAKHLAK } from '../../../domain/berakhlak.js';
import { labelGolongan } from '../../../domain/golongan.js';
import { formatters } from '../../../i18n/index.js';
import { berakhlakDari, JENIS_LAMPIRAN, JENIS_RHK, LABEL_RESMI, parseIdentitas, usesJptForm, type Identitas, type IndikatorDokumen, type RhkDokumen, type SkpDokumen } from '../../../domain/skp-document.js';
import { formatTarget } from '../service.js';

// The SKP printed in the official layout (docs/domain/skp.md § Print; PermenPANRB 6/2022 forms): title
// block, identity table, HASIL KERJA, PERILAKU KERJA, signatures, then the LAMPIRAN page.
// Built with pdfkit and an embedded DejaVu Sans, no browser. The form is an Indonesian official document,
// so its labels are Indonesian whatever the reader's interface language.
//
// pdfkit's own table cannot repeat headers or split a row taller than a page, so this file has
// a small table renderer: every cell is wrapped into lines first, and a row (or a group of
// rows sharing merged cells, like an RHK with its indicators) is split between lines when it
// does not fit, with the header rows repeated on the next page.

export type CetakHeader = {
  tahun: number;
  /** Name of the agency (the root of the unit tree). */
  instansi: string;
  /** Place printed before the signing date. */
  tempat: string;
  /** Signing date: when the SKP was approved, else the print date. */
  tanggal: Date;
  status: string;
  dicetak: Date;
  /** The SKP's own period (a move splits a year: docs/domain/mutasi.md). */
  periodeAwal: Date;
  periodeAkhir: Date;
};

const STATUS: Record<string, string> = { DRAFT: 'Draf (belum diajukan)', DIAJUKAN: 'Diajukan (menunggu persetujuan)', DIKEMBALIKAN: 'Dikembalikan untuk perbaikan', DISETUJUI: 'Disetujui' };

/** "Kabupaten Sukamaju" → "Sukamaju": the place name of a regional agency, else the agency. */
export function tempatDari(instansi: string): string {
  const m = /\b(?:Kabupaten|Kota|Provinsi)\s+(.+)$/i.exec(instansi.trim());
  return (m ? m[1]! : instansi).trim();
}

// The PDF prints what people typed: names with diacritics (Đặng, Łukasz, Ñ), typographic quotes
// and dashes, €, ≥, →, ✓ and the like. The standard PDF fonts know only cp1252, so the document
// embeds DejaVu Sans (free to redistribute, see its LICENSE in the dejavu-fonts-ttf package),
// which covers Latin, Greek, Cyrillic and most symbols; pdfkit embeds only the glyphs used.
// A character neither face can draw (Chinese, an emoji) is printed as U+FFFD, the replacement
// mark (a diamond with a question mark), so the reader sees that something is missing; a text
// extracted from the PDF shows U+FFFD there too.
const fontFile = (name: string) => readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`));
const FONT_DATA = { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf') };
const REPLACEMENT = '\uFFFD';

type Glyphs = { hasGlyphForCodePoint(cp: number): boolean };
/** Whether both faces can draw each character, asked of the fonts once per character. */
let coverage: ((cp: number) => boolean) | null = null;
function coverageOf(doc: PDFKit.PDFDocument): (cp: number) => boolean {
  if (coverage) return coverage;
  const faces = [FONT, BOLD].map((f) => (doc.font(f) as unknown as { _font: { font: Glyphs } })._font.font);
  const known = new Map<number, boolean>();
  coverage = (cp) => {
    let ok = known.get(cp);
    if (ok === undefined) known.set(cp, (ok = faces.every((g) => g.hasGlyphForCodePoint(cp))));
    return ok;
  };
  return coverage;
}

/** The text as the embedded font can draw it: controls dropped, the undrawable replaced visibly. */
function printable(s: string, drawable: (cp: number) => boolean): string {
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

// ---- A small table renderer --------------------------------------------------------------------

type Para = { text: string; bold?: boolean; bullet?: string; indent?: number };
type Cell = { paras: Para[]; align?: 'left' | 'center'; valign?: 'top' | 'middle'; fill?: string; colSpan?: number };
type Line = { text: string; bold: boolean; dx: number; bullet?: string };
/** One or more rows that share merged cells: `span` cells (keyed by column) run the whole
 *  height; `rows` fill the remaining columns, one cell per column. */
type Block = { span: Map<number, Cell>; rows: Cell[][]; keepWithNext?: number };

const FONT = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';
const SIZE = 8;
const LH = SIZE * 1.22;
const PAD = 3;
const BORDER = '#333333';
const HEAD_FILL = '#e4e8ee';
const SECTION_FILL = '#f2f4f7';

const cell = (text: string | null | undefined, o: Omit<Cell, 'paras'> & { bold?: boolean } = {}): Cell => {
  const { bold, ...rest } = o;
  return { paras: [{ text: text ?? '', bold }], ...rest };
};

class Pdf {
  readonly doc: PDFKit.PDFDocument;
  y: number;
  constructor() {
    this.doc = new PDFDocument({ size: 'A4', layout: 'landscape', margins: { top: 34, bottom: 40, left: 36, right: 36 }, bufferPages: true, autoFirstPage: true });
    this.doc.registerFont(FONT, FONT_DATA.regular);
    this.doc.registerFont(BOLD, FONT_DATA.bold);
    this.doc.font(FONT);
    this.y = this.top;
  }
  /** What the embedded font can print of `s`. */
  printable(s: string): string {
    return printable(s, coverageOf(this.doc));
  }
  get top() { return this.doc.page.margins.top; }
  get bottom() { return this.doc.page.height - this.doc.page.margins.bottom; }
  get left() { return this.doc.page.margins.left; }
  get width() { return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right; }
  newPage() {
    this.doc.addPage();
    this.y = this.top;
  }

  textWidth(s: string, bold: boolean, size = SIZE) {
    return this.doc.font(bold ? BOLD : FONT).fontSize(size).widthOfString(s);
  }

  /** Wraps text into lines no wider than `width` (long words are broken). */
  wrap(text: string, width: number, bold: boolean, size = SIZE): string[] {
    const out: string[] = [];
    for (const para of this.printable(text).split('\n')) {
      const words = para.split(/ +/).filter(Boolean);
      if (!words.length) { out.push(''); continue; }
      let line = '';
      for (let w of words) {
        const cand = line ? `${line} ${w}` : w;
        if (this.textWidth(cand, bold, size) <= width) { line = cand; continue; }
        if (line) out.push(line);
        line = '';
        while (this.textWidth(w, bold, size) > width) {
          let n = 1;
          while (n < w.length && this.textWidth(w.slice(0, n + 1), bold, size) <= width) n++;
          out.push(w.slice(0, n));
          w = w.slice(n);
        }
        line = w;
      }
      out.push(line);
    }
    return out;
  }

  cellLines(c: Cell, width: number): Line[] {
    const inner = width - 2 * PAD;
    const lines: Line[] = [];
    for (const p of c.paras) {
      const indent = p.indent ?? (p.bullet !== undefined ? 8 : 0);
      this.wrap(p.text, Math.max(10, inner - indent), !!p.bold).forEach((text, i) => {
        lines.push({ text, bold: !!p.bold, dx: indent, bullet: i === 0 ? p.bullet : undefined });
      });
    }
    return lines;
  }

  drawCell(c: Cell, x: number, y: number, w: number, h: number, lines: Line[]) {
    const d = this.doc;
    if (c.fill) d.save().rect(x, y, w, h).fill(c.fill).restore();
    d.save().lineWidth(0.5).strokeColor(BORDER).rect(x, y, w, h).stroke().restore();
    d.fillColor('#000000');
    const top = c.valign === 'middle' ? y + Math.max(0, (h - heightOf(lines)) / 2) : y;
    lines.forEach((l, row) => {
      d.font(l.bold ? BOLD : FONT).fontSize(SIZE);
      const ty = top + PAD + row * LH;
      if (l.bullet) d.text(l.bullet, x + PAD, ty, { lineBreak: false });
      const tx = c.align === 'center' ? x + (w - d.widthOfString(l.text)) / 2 : x + PAD + l.dx;
      d.text(l.text, tx, ty, { lineBreak: false });
    });
  }
}

const heightOf = (ls: Line[]) => Math.max(1, ls.length) * LH + 2 * PAD;

class Table {
  private xs: number[];
  private headerShownOnPage = -1;
  constructor(private p: Pdf, private cols: number[], private header: Cell[][]) {
    const scale = p.width / cols.reduce((a, b) => a + b, 0);
    this.cols = cols.map((c) => c * scale);
    this.xs = [];
    let x = p.left;
    for (const c of this.cols) { this.xs.push(x); x += c; }
  }

  private spanWidth(col: number, n = 1) {
    return this.cols.slice(col, col + n).reduce((a, b) => a + b, 0);
  }

  private headerHeight(): number {
    return this.header.reduce((sum, row) => {
      let col = 0;
      let h = 0;
      for (const c of row) {
        const n = c.colSpan ?? 1;
        h = Math.max(h, heightOf(this.p.cellLines(c, this.spanWidth(col, n))));
        col += n;
      }
      return sum + h;
    }, 0);
  }

  private drawHeader() {
    for (const row of this.header) {
      let col = 0;
      const measured = row.map((c) => {
        const n = c.colSpan ?? 1;
        const r = { c, col, n, lines: this.p.cellLines(c, this.spanWidth(col, n)) };
        col += n;
        return r;
      });
      const h = Math.max(...measured.map((m) => heightOf(m.lines)));
      for (const m of measured) this.p.drawCell(m.c, this.xs[m.col]!, this.p.y, this.spanWidth(m.col, m.n), h, m.lines);
      this.p.y += h;
    }
    this.headerShownOnPage = this.pageIndex();
  }

  private pageIndex() {
    const r = this.p.doc.bufferedPageRange();
    return r.start + r.count - 1;
  }

  private breakPage() {
    this.p.newPage();
    this.drawHeader();
  }

  /** Starts the table: on a new page when the header and a few lines would not fit. */
  begin() {
    if (this.p.y + this.headerHeight() + 3 * LH + 2 * PAD > this.p.bottom) this.p.newPage();
    this.drawHeader();
    return this;
  }

  block(b: Block) {
    const p = this.p;
    const spanCols = new Set<number>();
    for (const [col, c] of b.span) for (let i = 0; i < (c.colSpan ?? 1); i++) spanCols.add(col + i);
    const subCols = this.cols.map((_, i) => i).filter((i) => !spanCols.has(i));
    const span = [...b.span].map(([col, c]) => ({ col, c, w: this.spanWidth(col, c.colSpan ?? 1), lines: p.cellLines(c, this.spanWidth(col, c.colSpan ?? 1)) }));
    let rows = b.rows.map((r) => r.map((c, i) => ({ col: subCols[i]!, c, lines: p.cellLines(c, this.cols[subCols[i]!]!) })));
    const rowHeight = (r: typeof rows[number]) => Math.max(...r.map((x) => heightOf(x.lines)));
    const freshAvail = () => p.bottom - p.top - this.headerHeight();
    let fresh = true;

    for (;;) {
      const avail = p.bottom - p.y;
      const spanNeed = span.length ? Math.max(...span.map((s) => heightOf(s.lines))) : 0;
      const rowsNeed = rows.reduce((a, r) => a + rowHeight(r), 0);
      const need = Math.max(spanNeed, rowsNeed) + (fresh ? (b.keepWithNext ?? 0) : 0);
      const onFreshPage = this.headerShownOnPage === this.pageIndex() && Math.abs(p.y - (p.top + this.headerHeight())) < 0.01;
      if (need > avail && ((fresh && !onFreshPage && need <= freshAvail()) || avail < 2 * PAD + 2 * LH)) {
        this.breakPage();
        continue;
      }
      // What goes on this page: whole rows while they fit; a row is split only when it is the first.
      const placed: { r: typeof rows[number]; h: number }[] = [];
      let used = 0;
      while (rows.length) {
        const h = rowHeight(rows[0]!);
        if (used + h <= avail) { placed.push({ r: rows.shift()!, h }); used += h; continue; }
        if (used === 0) {
          const n = Math.max(1, Math.floor((avail - 2 * PAD) / LH));
          const head = rows[0]!.map((x) => ({ ...x, lines: x.lines.slice(0, n) }));
          rows[0] = rows[0]!.map((x) => ({ ...x, lines: x.lines.slice(n) }));
          placed.push({ r: head, h: avail });
          used = avail;
        }
        break;
      }
      const chunk = Math.min(avail, Math.max(used, spanNeed));
      const spanLinesFit = Math.max(1, Math.floor((chunk - 2 * PAD) / LH));
      for (const s of span) {
        p.drawCell(s.c, this.xs[s.col]!, p.y, s.w, chunk, s.lines.slice(0, spanLinesFit));
        s.lines = s.lines.slice(spanLinesFit);
      }
      if (subCols.length) {
        let y = p.y;
        if (!placed.length) placed.push({ r: subCols.map((col) => ({ col, c: cell(''), lines: [] })), h: chunk });
        placed.forEach((pl, i) => {
          const h = i === placed.length - 1 ? chunk - (y - p.y) : pl.h;
          for (const x of pl.r) p.drawCell(x.c, this.xs[x.col]!, y, this.cols[x.col]!, h, x.lines);
          y += h;
        });
      }
      p.y += chunk;
      fresh = false;
      if (!rows.length && !span.some((s) => s.lines.length)) return this;
      // the rest continues on the next page, under the repeated header
      this.breakPage();
    }
  }
}

// ---- The document ----------------------------------------------------------------------------

function titleBlock(p: Pdf, lines: string[], h: CetakHeader) {
  const d = p.doc;
  for (const [i, t] of lines.entries()) {
    const size = i === 0 ? 13 : 10;
    d.font(BOLD).fontSize(size).fillColor('#000000');
    for (const l of p.wrap(t, p.width, true, size)) {
      d.text(l, p.left + (p.width - d.widthOfString(l)) / 2, p.y, { lineBreak: false });
      p.y += size * 1.25;
    }
  }
  p.y += 8;
  // instansi left, periode right
  const half = p.width / 2 - 10;
  const left = p.wrap(h.instansi.toUpperCase(), half, true, 9);
  const fmt = formatters('id');
  const right = p.wrap(`PERIODE PENILAIAN: ${fmt.date(h.periodeAwal)} SD ${fmt.date(h.periodeAkhir)}`.toUpperCase(), half, true, 9);
  d.font(BOLD).fontSize(9);
  left.forEach((l, i) => d.text(l, p.left, p.y + i * 11, { lineBreak: false }));
  right.forEach((l, i) => d.text(l, p.left + p.width - d.widthOfString(l), p.y + i * 11, { lineBreak: false }));
  p.y += Math.max(left.length, right.length) * 11 + 4;
}

function signatures(p: Pdf, s: Identitas, h: CetakHeader) {
  const d = p.doc;
  const height = 4 * 12 + 48 + 10;
  p.y += 14;
  if (p.y + height > p.bottom) p.newPage();
  const colW = 260;
  const lx = p.left + 20;
  const rx = p.left + p.width - colW - 20;
  const fmt = formatters('id');
  const put = (x: number, y: number, text: string, bold = false) => {
    d.font(bold ? BOLD : FONT).fontSize(9);
    p.wrap(text, colW, bold, 9).forEach((l, i) => d.text(l, x + (colW - d.widthOfString(l)) / 2, y + i * 11, { lineBreak: false }));
  };
  const y0 = p.y;
  put(rx, y0, `${h.tempat}, ${fmt.date(h.tanggal)}`);
  put(lx, y0 + 12, 'Pegawai yang Dinilai');
  put(rx, y0 + 12, 'Pejabat Penilai Kinerja');
  const yName = y0 + 12 + 12 + 48;
  put(lx, yName, s.pegawai.nama, true);
  put(lx, yName + 12, `NIP. ${s.pegawai.nip}`);
  put(rx, yName, s.penilai?.nama || '.......................................', true);
  put(rx, yName + 12, `NIP. ${s.penilai?.nip || '-'}`);
  p.y = yName + 26;
}

/** Across every page of an SKP that is not approved: it is a draft, whatever page is shown alone. */
const DRAFT_MARK = 'DRAF — BELUM DISETUJUI';

function draftMark(p: Pdf) {
  const d = p.doc;
  const { width, height } = d.page;
  d.save();
  d.rotate(-20, { origin: [width / 2, height / 2] });
  d.font(BOLD).fontSize(44).fillColor('#b00000').fillOpacity(0.16);
  const w = d.widthOfString(DRAFT_MARK);
  d.text(DRAFT_MARK, (width - w) / 2, height / 2 - 22, { lineBreak: false });
  d.restore();
  d.fillOpacity(1);
}

function footers(p: Pdf, s: Identitas, doc: SkpDokumen, h: CetakHeader) {
  const d = p.doc;
  const range = d.bufferedPageRange();
  const fmt = formatters('id');
  for (let i = range.start; i < range.start + range.count; i++) {
    d.switchToPage(i);
    if (h.status !== 'DISETUJUI') draftMark(p);
    const bottom = d.page.margins.bottom;
    d.page.margins.bottom = 0; // writing in the margin must not open a page
    const y = d.page.height - 26;
    d.font(FONT).fontSize(7).fillColor('#555555');
    const left = p.printable(`SKP ${h.tahun} · ${s.pegawai.nama} (${s.pegawai.nip}) · revisi ${doc.revisi} · status: ${STATUS[h.status] ?? h.status} · dicetak dari SIKAP ${fmt.dateTime(h.dicetak)}`);
    d.text(left, p.left, y, { lineBreak: false });
    const right = `Halaman ${i - range.start + 1} dari ${range.count}`;
    d.text(right, p.left + p.width - d.widthOfString(right), y, { lineBreak: false });
    d.page.margins.bottom = bottom;
  }
  d.fillColor('#000000');
}

/** The SKP as a PDF in the official layout. */
export async function skpPdf(skp: SkpDokumen, h: CetakHeader): Promise<Buffer> {
  const p = new Pdf();
  const d = p.doc;
  const s = parseIdentitas(skp.snapshot);
  const jpt = usesJptForm(skp);
  const num = formatters('id').number;
  d.info.Title = `Sasaran Kinerja Pegawai ${h.tahun} - ${s.pegawai.nama}`;
  d.info.Author = 'SIKAP';
  d.info.Subject = `SKP ${s.pegawai.nip}`;
  d.info.CreationDate = h.dicetak;

  const chunks: Buffer[] = [];
  d.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    d.on('end', () => resolve(Buffer.concat(chunks)));
    d.on('error', reject);
  });

  titleBlock(p, ['SASARAN KINERJA PEGAWAI', `PENDEKATAN HASIL KERJA ${skp.pendekatan === 'KUALITATIF' ? 'KUALITATIF' : 'KUANTITATIF'}`, jpt ? 'BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI' : 'BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL'], h);

  // Identity table
  const head = (t: string, colSpan?: number): Cell => ({ ...cell(t, { bold: true, align: 'center', valign: 'middle', fill: HEAD_FILL }), colSpan });
  const ident = new Table(p, [22, 110, 253, 22, 110, 253], [[head('NO'), head('PEGAWAI YANG DINILAI', 2), head('NO'), head('PEJABAT PENILAI KINERJA', 2)]]).begin();
  const pn = s.penilai;
  const rowsIdent: [string, string, string][] = [
    ['NAMA', s.pegawai.nama, pn?.nama ?? '-'],
    ['NIP', s.pegawai.nip, pn?.nip || (jpt ? '(*opsional)' : '-')],
    ['PANGKAT/GOL. RUANG', labelGolongan(s.pegawai.pangkatGolongan), pn?.pangkatGolongan ? labelGolongan(pn.pangkatGolongan) : '-'],
    ['JABATAN', s.pegawai.jabatan, pn?.jabatan ?? '-'],
    // an appraiser outside the agency: the snapshot holds their own instansi
    [jpt ? 'INSTANSI' : 'UNIT KERJA', jpt ? h.instansi : s.pegawai.unit, pn ? (jpt && !pn.luar ? h.instansi : pn.unit) : '-'],
  ];
  rowsIdent.forEach(([label, a, b], i) => {
    ident.block({
      span: new Map([
        [0, cell(String(i + 1), { align: 'center' })],
        [1, cell(label)],
        [2, cell(a)],
        [3, cell(String(i + 1), { align: 'center' })],
        [4, cell(label)],
        [5, cell(b)],
      ]),
      rows: [],
    });
  });
  p.y += 10;

  // HASIL KERJA
  const section = (title: string, n: number): Block => ({ span: new Map([[0, { ...cell(title, { bold: true, fill: SECTION_FILL }), colSpan: n }]]), rows: [], keepWithNext: 3 * LH + 2 * PAD });
  const rhkTeks = (r: RhkDokumen) => (r.penugasanDari ? `${r.teks} (penugasan dari ${r.penugasanDari})` : r.teks);
  const target = (i: IndikatorDokumen) => formatTarget(i, (n) => num(n));
  const colNums = (n: number): Cell[] => Array.from({ length: n }, (_, i) => ({ ...cell(`(${i + 1})`, { align: 'center', fill: HEAD_FILL }) }));
  const groups = JENIS_RHK.map((j) => [j, LABEL_RESMI.jenisRhk[j]] as const);

  if (jpt) {
    const t = new Table(p, [22, 250, 270, 110, 118], [[head('HASIL KERJA', 5)], [head('NO'), head('RENCANA HASIL KERJA'), head('INDIKATOR KINERJA INDIVIDU'), head('TARGET'), head('PERSPEKTIF')], colNums(5)]).begin();
    for (const [jenis, judul] of groups) {
      t.block(section(judul, 5));
      const list = skp.rhk.filter((r) => r.jenis === jenis);
      if (!list.length) t.block({ span: new Map([[0, { ...cell('-', { align: 'center' }), colSpan: 5 }]]), rows: [] });
      list.forEach((r, i) => {
        const ind = r.indikator.length ? r.indikator : [null];
        t.block({
          span: new Map([[0, cell(String(i + 1), { align: 'center' })], [1, cell(rhkTeks(r))], [4, cell(r.perspektif ? LABEL_RESMI.perspektif[r.perspektif] : '-')]]),
          rows: ind.map((x) => [cell(x ? x.teks : '-'), cell(x ? target(x) : '-')]),
        });
      });
    }
  } else {
    const t = new Table(p, [22, 160, 175, 58, 240, 115], [
      [head('HASIL KERJA', 6)],
      [head('NO'), head('RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI'), head('RENCANA HASIL KERJA'), head('ASPEK'), head('INDIKATOR KINERJA INDIVIDU'), head('TARGET')],
      colNums(6),
    ]).begin();
    for (const [jenis, judul] of groups) {
      t.block(section(judul, 6));
      const list = skp.rhk.filter((r) => r.jenis === jenis);
      if (!list.length) t.block({ span: new Map([[0, { ...cell('-', { align: 'center' }), colSpan: 6 }]]), rows: [] });
      list.forEach((r, i) => {
        const ind = r.indikator.length ? r.indikator : [null];
        t.block({
          span: new Map([[0, cell(String(i + 1), { align: 'center' })], [1, cell(r.rhkAtasan ?? '-')], [2, cell(rhkTeks(r))]]),
          rows: ind.map((x) => [cell(x ? LABEL_RESMI.aspek[x.aspek] : '-'), cell(x ? x.teks : '-'), cell(x ? target(x) : '-')]),
        });
      });
    }
  }
  p.y += 10;

  // PERILAKU KERJA
  const ekspektasi = skp.ekspektasi;
  const berakhlak = berakhlakDari(skp); // the statements the version was signed with
  const perilaku = new Table(p, [22, 430, 318], [[head('PERILAKU KERJA', 3)]]).begin();
  NILAI_BERAKHLAK.forEach((k, i) => {
    const v = berakhlak[k];
    perilaku.block({
      span: new Map([
        [0, cell(String(i + 1), { align: 'center' })],
        [1, { paras: [{ text: v.nama, bold: true }, ...v.perilaku.map((t) => ({ text: t, bullet: '•', indent: 9 }))] }],
        [2, { paras: [{ text: 'Ekspektasi Khusus Pimpinan:', bold: true }, { text: ekspektasi[k]?.trim() || '-' }] }],
      ]),
      rows: [],
    });
  });
  signatures(p, s, h);

  // LAMPIRAN
  p.newPage();
  titleBlock(p, ['LAMPIRAN SASARAN KINERJA PEGAWAI'], h);
  const lamp = new Table(p, [22, 748], []).begin();
  for (const jenis of JENIS_LAMPIRAN) {
    const judul = LABEL_RESMI.lampiran[jenis];
    lamp.block({ span: new Map([[0, { ...cell(judul, { bold: true, fill: SECTION_FILL }), colSpan: 2 }]]), rows: [], keepWithNext: LH + 2 * PAD });
    const items = skp.lampiran.filter((l) => l.jenis === jenis);
    if (!items.length) lamp.block({ span: new Map([[0, cell('-', { align: 'center' })], [1, cell('-')]]), rows: [] });
    items.forEach((l, i) => lamp.block({ span: new Map([[0, cell(String(i + 1), { align: 'center' })], [1, cell(l.teks)]]), rows: [] }));
  }
  signatures(p, s, h);

  rencanaAksiPage(p, skp, h, (i) => formatTarget(i, (n) => num(n)));
  footers(p, s, skp, h);
  d.end();
  return done;
}

/**
 * Rencana aksi and period targets: not columns of the official SKP form or its lampiran
 * (docs/domain/skp.md § Rencana aksi and period targets), so they follow on a sheet of their
 * own, after the signed pages, and only when the SKP has any.
 */
function rencanaAksiPage(p: Pdf, skp: SkpDokumen, h: CetakHeader, target: (i: IndikatorDokumen) => string) {
  // a document built by hand (tests, older callers) may lack the period parts: none then
  const aksiOf = (r: RhkDokumen) => r.rencanaAksi ?? [];
  const tpOf = (i: IndikatorDokumen) => i.targetPeriode ?? [];
  const has = skp.rhk.some((r) => aksiOf(r).length || r.indikator.some((i) => tpOf(i).length));
  if (!has) return;
  const periode = skp.periode ?? [];
  const nama = new Map(periode.map((x) => [x.id, x.nama]));
  const periodeIds = periode.length ? periode.map((x) => x.id) : [...new Set(skp.rhk.flatMap((r) => [...aksiOf(r).map((a) => a.periodeId), ...r.indikator.flatMap((i) => tpOf(i).map((t) => t.periodeId))]))];
  p.newPage();
  titleBlock(p, ['RENCANA AKSI DAN TARGET PERIODIK', 'LAMPIRAN PENDUKUNG SASARAN KINERJA PEGAWAI'], h);
  const head = (t: string): Cell => cell(t, { bold: true, align: 'center', valign: 'middle', fill: HEAD_FILL });
  const t = new Table(p, [22, 200, 80, 268, 200], [[head('NO'), head('RENCANA HASIL KERJA'), head('PERIODE'), head('RENCANA AKSI'), head('TARGET PERIODE')]]).begin();
  for (const jenis of JENIS_RHK) {
    const list = skp.rhk.filter((r) => r.jenis === jenis);
    if (!list.length) continue;
    t.block({ span: new Map([[0, { ...cell(LABEL_RESMI.jenisRhk[jenis], { bold: true, fill: SECTION_FILL }), colSpan: 5 }]]), rows: [], keepWithNext: 3 * LH + 2 * PAD });
    list.forEach((r, n) => {
      const rows = periodeIds
        .map((pid) => {
          const aksi = aksiOf(r).filter((a) => a.periodeId === pid);
          const targets = r.indikator.map((i, k) => ({ k, i, tp: tpOf(i).find((x) => x.periodeId === pid) })).filter((x) => x.tp);
          if (!aksi.length && !targets.length) return null;
          return [
            cell(nama.get(pid) ?? '-'),
            aksi.length ? { paras: aksi.map((a) => ({ text: a.teks, bullet: '•', indent: 9 })) } : cell('-'),
            targets.length ? { paras: targets.map((x) => ({ text: `IKI ${x.k + 1}: ${target({ ...x.i, ...x.tp! })}` })) } : cell('-'),
          ];
        })
        .filter((x): x is Cell[] => x !== null);
      if (!rows.length) rows.push([cell('-'), cell('-'), cell('-')]);
      t.block({ span: new Map([[0, cell(String(n + 1), { align: 'center' })], [1, cell(r.teks)]]), rows });
    });
  }
}
