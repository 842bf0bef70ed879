import { resolve } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Agent } from './app.js';

/** A binary download (PDF, XLSX) as a Buffer: supertest otherwise guesses at binary bodies. */
export const download = (agent: Agent, path: string) =>
  agent.get(path).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

const FONTS = resolve('node_modules/pdfjs-dist/standard_fonts') + '/';

/**
 * Every page's text, in reading order, one string per page (runs of white space folded). Pieces
 * of text drawn one right after the other on the same line are read as one word, as a PDF viewer
 * does; so is a word broken over two lines after its own hyphen ("e-" / "government" reads
 * "e-government", as the words were typed). Other pieces are separated by a space.
 */
export async function pdfPages(buf: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(buf), standardFontDataUrl: FONTS, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    let text = '';
    let end: { x: number; y: number } | null = null;
    for (const it of content.items) {
      if (!('str' in it)) continue;
      const [, , , , x, y] = it.transform as number[];
      if (!it.str) continue;
      const touching = end !== null && Math.abs(y! - end.y) < 0.5 && Math.abs(x! - end.x) < 0.5;
      const hyphenated = end !== null && y! < end.y - 0.5 && /\p{L}[-‐–]$/u.test(text) && /^\p{L}/u.test(it.str);
      text += (touching || hyphenated ? '' : ' ') + it.str;
      end = { x: x! + it.width, y: y! };
    }
    pages.push(text.replace(/\s+/g, ' ').trim());
  }
  await pdf.destroy();
  return pages;
}

// ── dokumen evaluasi ──
/**
 * What a PDF draws besides text, over every page: paths with a curve in them (a table's borders
 * are straight lines; the distribution curve's points are round) and images.
 */
export async function pdfVektor(buf: Buffer): Promise<{ kurva: number; gambar: number }> {
  const pdf = await getDocument({ data: new Uint8Array(buf), standardFontDataUrl: FONTS, isEvalSupported: false }).promise;
  let kurva = 0;
  let gambar = 0;
  for (let i = 1; i <= pdf.numPages; i++) {
    const l = await (await pdf.getPage(i)).getOperatorList();
    l.fnArray.forEach((f, j) => {
      if (f === OPS.constructPath && (l.argsArray[j] as [number[]])[0].includes(OPS.curveTo)) kurva++;
      if (f === OPS.paintImageXObject || f === OPS.paintInlineImageXObject) gambar++;
    });
  }
  await pdf.destroy();
  return { kurva, gambar };
}
