import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BERAKHLAK, NILAI_BERAKHLAK } from '../../src/domain/berakhlak.js';
import { berakhlakDari, parseDokumen, usesJptForm } from '../../src/domain/skp-document.js';

// The official forms' fixed parts (docs/domain/skp.md): the BerAKHLAK statements in one wording
// and in one place, frozen into documents; which SKP uses the JPT form.

const ROOT = join(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mjs|ejs)$/.test(f) ? [p] : [];
  });

describe('BerAKHLAK: the wording of UU 20/2023 Pasal 4(2), written once', () => {
  it('says exactly this', () => {
    expect(Object.fromEntries(NILAI_BERAKHLAK.map((n) => [BERAKHLAK[n].nama, BERAKHLAK[n].perilaku]))).toEqual({
      'Berorientasi Pelayanan': ['Memahami dan memenuhi kebutuhan masyarakat', 'Ramah, cekatan, solutif, dan dapat diandalkan', 'Melakukan perbaikan tiada henti'],
      Akuntabel: [
        'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
        'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
        'Tidak menyalahgunakan kewenangan jabatan',
      ],
      Kompeten: ['Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah', 'Membantu orang lain belajar', 'Melaksanakan tugas dengan kualitas terbaik'],
      Harmonis: ['Menghargai setiap orang tanpa membedakan latar belakang', 'Suka menolong', 'Membangun lingkungan kerja yang kondusif'],
      Loyal: [
        'Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah',
        'Menjaga nama baik ASN, instansi, dan negara',
        'Menjaga rahasia jabatan dan negara',
      ],
      Adaptif: ['Cepat menyesuaikan diri menghadapi perubahan', 'Terus berinovasi dan mengembangkan kreativitas', 'Bertindak proaktif'],
      Kolaboratif: [
        'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
        'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
        'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
      ],
    });
  });

  it('is spelled nowhere else in the code, the views or the messages (nor in the older SE 20/2021 variants)', () => {
    const own = join(ROOT, 'src/domain/berakhlak.ts');
    const phrases = [
      ...NILAI_BERAKHLAK.flatMap((n) => BERAKHLAK[n].perilaku.filter((p) => p.length > 20)),
      'apapun latar belakangnya', 'Suka menolong orang lain', 'nama baik sesama ASN',
    ].map((p) => p.toLowerCase());
    const found: string[] = [];
    for (const f of [...files(join(ROOT, 'src')), ...files(join(ROOT, 'views'))]) {
      if (f === own) continue;
      const text = readFileSync(f, 'utf8').toLowerCase();
      for (const p of phrases) if (text.includes(p)) found.push(`${relative(ROOT, f)}: ${p}`);
    }
    expect(found).toEqual([]);
  });
});

describe('a document shows the statements it was signed with', () => {
  const base = { revisi: 1, pendekatan: 'KUANTITATIF', rhk: [] };
  it('keeps the frozen ones, value by value', () => {
    const signed = { ...BERAKHLAK.LOYAL, perilaku: ['a', 'b', 'c'] };
    const doc = parseDokumen({ ...base, berakhlak: { LOYAL: signed } });
    const shown = berakhlakDari(doc);
    expect(shown.LOYAL).toEqual(signed);
    // a value the document lacks reads with today's wording
    expect(shown.HARMONIS.perilaku).toEqual([...BERAKHLAK.HARMONIS.perilaku]);
  });
  it('reads a document frozen before the statements were kept with today\'s wording', () => {
    const doc = parseDokumen(base);
    expect(doc.berakhlak).toBeUndefined();
    expect(berakhlakDari(doc).LOYAL.perilaku).toEqual([...BERAKHLAK.LOYAL.perilaku]);
  });
  it('never hands out the constant itself', () => {
    const shown = berakhlakDari({});
    shown.LOYAL.perilaku[0] = 'diubah';
    expect(BERAKHLAK.LOYAL.perilaku[0]).not.toBe('diubah');
  });
});

describe('usesJptForm: the JPT form for a JPT and for the head of a unit kerja mandiri (PermenPANRB 6/2022)', () => {
  const snap = (pegawai: Record<string, unknown>) => ({ snapshot: { pegawai, penilai: null } });
  it.each([
    [{ jenisJabatan: 'JPT' }, true],
    [{ jenisJabatan: 'ADMINISTRATOR', pimpinanUnitMandiri: true }, true],
    [{ jenisJabatan: 'PENGAWAS', pimpinanUnitMandiri: true }, true],
    [{ jenisJabatan: 'ADMINISTRATOR', pimpinanUnitMandiri: false }, false],
    [{ jenisJabatan: 'ADMINISTRATOR' }, false], // snapshots older than the field
    [{ jenisJabatan: 'PELAKSANA', pimpinanUnitMandiri: 'true' }, false], // a malformed snapshot reads as blank
  ])('%o → %s', (pegawai, expected) => {
    expect(usesJptForm(snap(pegawai))).toBe(expected);
  });
  it('reads a missing snapshot as the standard form', () => {
    expect(usesJptForm({ snapshot: null })).toBe(false);
  });
});
