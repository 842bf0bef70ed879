// fontkit (the font engine of pdfkit and pdfmake) ships no types: the little the PDF module asks of it.
declare module 'fontkit' {
  export function create(data: Buffer): { hasGlyphForCodePoint(codePoint: number): boolean };
}
