import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfPages } from '../helpers/files.js';
import { skpPdf } from '../../src/modules/skp/print/pdf.js';
import type { SkpDocument } from '../../src/modules/skp/service.js';

// The SKP PDF prints what people type: an embedded font (DejaVu Sans) for Latin with diacritics
// and the symbols people paste, and a visible replacement mark (U+FFFD) for what it cannot draw.

const pdfText = async (buf: Buffer) => (await pdfPages(buf)).join(' ');

const skp = (over: { nama: string; unit: string; rhk: string; ekspektasi: string; lampiran: string }) =>
  ({
    revisi: 1,
    pendekatan: 'KUANTITATIF',
    snapshot: {
      pegawai: { nama: over.nama, nip: '199406072018031284', pangkatGolongan: 'III/a', jabatan: 'Pranata Komputer', jenisJabatan: 'FUNGSIONAL', unit: over.unit },
      penilai: { nama: 'Đặng Thị Hồng', nip: '198307222008041847', pangkatGolongan: 'III/d', jabatan: 'Kepala Seksi', jenisJabatan: 'PENGAWAS', unit: over.unit },
    },
    rhk: [{ id: 1, jenis: 'UTAMA', urutan: 1, teks: over.rhk, rhkAtasan: null, perspektif: null, penugasanDari: null, indikator: [{ id: 1, aspek: 'KUANTITAS', urutan: 1, teks: 'Jumlah laporan', jenisTarget: 'ANGKA', targetAngka: '12', targetMin: null, targetMax: null, satuan: 'dokumen', targetTeks: null, lebihBaik: 'TINGGI', kumulatif: false }] }],
    ekspektasi: { LOYAL: over.ekspektasi },
    lampiran: [{ jenis: 'KONSEKUENSI', teks: over.lampiran }],
  }) as unknown as SkpDocument;
const header = { tahun: 2026, instansi: 'Pemerintah Kabupaten Sukamaju', tempat: 'Sukamaju', tanggal: new Date('2026-01-05T03:00:00Z'), status: 'DISETUJUI', dicetak: new Date('2026-01-05T03:00:00Z'), periodeAwal: new Date('2026-01-01'), periodeAkhir: new Date('2026-12-31') };

describe('what people type is printed', () => {
  const drawn = [
    'Ñoman Ayu Çelik-Łukasz Ørsted Šťastný Żaneta Ğül Ș Ț ă ĩ ũ ơ ư Ễ ậ ổ',
    'Ελληνικά Кириллица',
    '“kutip” ‘tunggal’ — – … • € £ ¥ © ® ™ ° ± × ÷ ≥ ≤ ≠ ≈ → ← ↑ ↓ ✓ ✔ ✗ ★ ½ ¼ ² ³ µ ‰ №',
  ];
  it.each(drawn)('%s', async (text) => {
    const out = await pdfText(await skpPdf(skp({ nama: text.slice(0, 60), unit: 'Seksi Data', rhk: text, ekspektasi: text, lampiran: text }), header));
    // pdf.js may split runs at font changes and folds compatibility forms (µ → μ): compare so
    const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
    expect(flat(out)).toContain(flat(text));
    expect(out).not.toContain('\uFFFD');
  });

  it('a letter typed as base + combining mark is printed as one', async () => {
    const out = await pdfText(await skpPdf(skp({ nama: 'Nguye\u0302\u0303n', unit: 'Seksi', rhk: 'Re\u0301sume\u0301', ekspektasi: 'x', lampiran: 'x' }), header));
    expect(out).toContain('Nguyễn');
    expect(out).toContain('Résumé');
  });
});

describe('what the font cannot draw gets a visible mark, never "?" or nothing', () => {
  it.each([
    ['Chinese', '漢字', 2],
    ['an emoji', '🚀', 1],
    ['a private-use character', '\uE000', 1],
    ['Devanagari', 'हि', 2],
  ])('%s', async (_name, text, count) => {
    const buf = await skpPdf(skp({ nama: `Nama ${text} Akhir`, unit: 'Seksi', rhk: `RHK ${text} akhir`, ekspektasi: 'x', lampiran: 'x' }), header);
    const out = await pdfText(buf);
    expect(out).toContain(`RHK ${'\uFFFD'.repeat(count)} akhir`);
    expect(out).not.toContain(`RHK ? akhir`);
    expect(out).not.toContain('RHK akhir');
  });

  it('control characters are dropped, the PDF stays small (only the glyphs used are embedded)', async () => {
    const buf = await skpPdf(skp({ nama: 'Nama\u0007 Baik', unit: 'Seksi', rhk: 'Teks\u0000 dengan\u001b kontrol', ekspektasi: 'x', lampiran: 'x' }), header);
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/skp-fonts.pdf', buf);
    const out = await pdfText(buf);
    expect(out).toContain('Teks dengan kontrol');
    expect(buf.length).toBeLessThan(200_000);
  });
});
