import { resolve } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Agent } from './app.js';

/** A binary download (PDF, XLSX) as a Buffer: supertest otherwise guesses at binary bodies. */
export const download = (agent: Agent, path: string) =>
  agent.get(path).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

const FONTS = resolve('node_modules/pdfjs-dist/standard_fonts') + '/';

/** Every page's text, in reading order, one string per page (runs of white space folded). */
export async function pdfPages(buf: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(buf), standardFontDataUrl: FONTS, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await pdf.destroy();
  return pages;
}
