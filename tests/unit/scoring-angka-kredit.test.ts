import { describe, expect, it } from 'vitest';
import { angkaKreditPotongan, angkaKreditTahun, rasional, toDecimalString, type Predikat } from '../../src/domain/scoring/index.js';
import type { JenjangJf } from '../../src/domain/jabatan.js';

// Angka kredit from the yearly predikat (PermenPANRB 1/2023, Peraturan BKN 3/2023; domain.md §1;
// docs/domain/scoring.md § Angka kredit): AK = the predikat's percentage × the level's yearly
// coefficient × months / 12.

const ak = (jenjang: JenjangJf, predikat: Predikat, bulan = 12) => toDecimalString(angkaKreditPotongan({ jenjang, predikat, bulan }).nilai);

describe('AK = % predikat × koefisien tahunan (PermenPANRB 1/2023)', () => {
  it('the example of the sources: Ahli Pertama (12,5) with Sangat Baik earns 18,75', () => expect(ak('PERTAMA', 'SANGAT_BAIK')).toBe('18.75'));
  it.each([
    ['SANGAT_BAIK', '37.5'], ['BAIK', '25'], ['BUTUH_PERBAIKAN', '18.75'], ['KURANG', '12.5'], ['SANGAT_KURANG', '6.25'],
  ] as const)('Ahli Muda (25) with %s earns %s for a full year', (p, v) => expect(ak('MUDA', p)).toBe(v));
  it.each([
    ['PEMULA', '3.75'], ['TERAMPIL', '5'], ['MAHIR', '12.5'], ['PENYELIA', '25'], ['PERTAMA', '12.5'], ['MUDA', '25'], ['MADYA', '37.5'], ['UTAMA', '50'],
  ] as const)('every level\'s coefficient: %s with Baik (100%%) earns %s', (j, v) => expect(ak(j, 'BAIK')).toBe(v));
});

describe('prorated by the months of each SKP piece, summed over the year', () => {
  it.each([
    [1, '1.5625'], [6, '9.375'], [11, '17.1875'], [12, '18.75'], [0, '0'],
  ])('Ahli Pertama Sangat Baik for %i months → %s', (bulan, v) => expect(ak('PERTAMA', 'SANGAT_BAIK', bulan)).toBe(v));
  it('a mid-year move: 6 months Ahli Pertama Baik + 6 months Ahli Muda Sangat Baik = 6,25 + 18,75 = 25', () => {
    const y = angkaKreditTahun([{ jenjang: 'PERTAMA', predikat: 'BAIK', bulan: 6 }, { jenjang: 'MUDA', predikat: 'SANGAT_BAIK', bulan: 6 }]);
    expect(y.rincian.map((r) => toDecimalString(r.nilai))).toEqual(['6.25', '18.75']);
    expect(y.total).toEqual(rasional(25n));
  });
  it('refuses months that are not whole, out of 0–12, or more than a year together', () => {
    expect(() => angkaKreditPotongan({ jenjang: 'MUDA', predikat: 'BAIK', bulan: 13 })).toThrow(RangeError);
    expect(() => angkaKreditPotongan({ jenjang: 'MUDA', predikat: 'BAIK', bulan: 2.5 })).toThrow(RangeError);
    expect(() => angkaKreditTahun([{ jenjang: 'MUDA', predikat: 'BAIK', bulan: 7 }, { jenjang: 'MUDA', predikat: 'BAIK', bulan: 6 }])).toThrow(RangeError);
    expect(() => angkaKreditTahun([{ jenjang: 'MUDA', predikat: 'BAIK', bulan: 6 }, { jenjang: 'MUDA', predikat: 'BAIK', bulan: 6 }])).not.toThrow();
  });
});
