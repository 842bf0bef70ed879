import { describe, expect, it } from 'vitest';
import { FRASA, SASARAN_FRASA, UMPAN_BALIK_MAX, frasaById, frasaUntuk, susunUmpanBalik, uraiUmpanBalik } from '../../src/domain/frasa-umpan-balik.js';
import { NILAI_BERAKHLAK } from '../../src/domain/berakhlak.js';
import { EKSPEKTASI } from '../../src/domain/scoring/index.js';

// Source: issue 10 § 3 (feedback per indicator and per behaviour value from a library of standard
// phrases plus free text); the kinds of phrase: the team's domain study § 6 (a peer application's
// umpan balik list, positive and negative pairs, and the 6/2022 lampiran's free-text example).

describe('the phrase library — one list per indicator result and per BerAKHLAK value (PermenPANRB 6/2022: the seven values), each at the three levels of expectation', () => {
  it.each(SASARAN_FRASA.flatMap((s) => EKSPEKTASI.map((l) => [s, l] as const)))('%s at %s has at least one phrase, in Indonesian and English', (sasaran, tingkat) => {
    const found = FRASA.filter((f) => f.sasaran === sasaran && f.tingkat === tingkat);
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const f of found) {
      expect(f.teks.id.trim()).not.toBe('');
      expect(f.teks.en.trim()).not.toBe('');
      expect(f.teks.id).not.toBe(f.teks.en);
    }
  });

  it('covers exactly the indicator result and the seven values', () => {
    expect(SASARAN_FRASA).toEqual(['HASIL_KERJA', ...NILAI_BERAKHLAK]);
  });

  it('gives every phrase a unique, stable id that finds it again', () => {
    const ids = FRASA.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(frasaById('HASIL_KERJA.sesuai.1')?.tingkat).toBe('SESUAI');
    expect(frasaById('AKUNTABEL.bawah.1')?.sasaran).toBe('AKUNTABEL');
    expect(frasaById('HASIL_KERJA.sesuai.99')).toBeUndefined();
  });

  it('no phrase starts with another of the same target (so a stored text is taken apart unambiguously)', () => {
    for (const a of FRASA) for (const b of FRASA) if (a !== b && a.sasaran === b.sasaran) expect(a.teks.id.startsWith(b.teks.id)).toBe(false);
  });

  it('offers the level asked for first, then the others from above to below', () => {
    const levels = (s: ReturnType<typeof frasaUntuk>) => [...new Set(s.map((f) => f.tingkat))];
    expect(levels(frasaUntuk('HASIL_KERJA', 'DI_BAWAH'))).toEqual(['DI_BAWAH', 'DI_ATAS', 'SESUAI']);
    expect(levels(frasaUntuk('KOMPETEN', 'SESUAI'))).toEqual(['SESUAI', 'DI_ATAS', 'DI_BAWAH']);
    expect(levels(frasaUntuk('KOMPETEN'))).toEqual(['DI_ATAS', 'SESUAI', 'DI_BAWAH']);
    expect(frasaUntuk('LOYAL').every((f) => f.sasaran === 'LOYAL')).toBe(true);
  });
});

describe('the stored feedback — a phrase (stored in Indonesian, the record’s language) plus free text', () => {
  const f = frasaById('HASIL_KERJA.sesuai.1')!;
  it.each([
    ['phrase and free text', f.id, 'Laporan tepat waktu.', `${f.teks.id} Laporan tepat waktu.`],
    ['phrase only', f.id, '', f.teks.id],
    ['free text only (trimmed)', null, '  Bagus.  ', 'Bagus.'],
    ['neither: nothing stored', null, '   ', null],
    ['no phrase id at all', undefined, null, null],
  ] as const)('%s', (_, frasaId, bebas, expected) => {
    expect(susunUmpanBalik('HASIL_KERJA', frasaId, bebas)).toEqual({ teks: expected });
  });

  it('refuses a phrase of another target, and one that does not exist', () => {
    expect(susunUmpanBalik('AKUNTABEL', f.id, '')).toEqual({ ditolak: 'frasa' });
    expect(susunUmpanBalik('HASIL_KERJA', 'HASIL_KERJA.sesuai.99', '')).toEqual({ ditolak: 'frasa' });
  });

  it(`stores at most ${UMPAN_BALIK_MAX} characters: at the limit, just below, just above`, () => {
    const room = UMPAN_BALIK_MAX - f.teks.id.length - 1; // the phrase, a space, the free text
    expect(susunUmpanBalik('HASIL_KERJA', f.id, 'x'.repeat(room))).toEqual({ teks: `${f.teks.id} ${'x'.repeat(room)}` });
    expect(susunUmpanBalik('HASIL_KERJA', f.id, 'x'.repeat(room - 1))).toHaveProperty('teks');
    expect(susunUmpanBalik('HASIL_KERJA', f.id, 'x'.repeat(room + 1))).toEqual({ ditolak: 'panjang' });
    expect(susunUmpanBalik('HASIL_KERJA', null, 'x'.repeat(UMPAN_BALIK_MAX))).toHaveProperty('teks');
    expect(susunUmpanBalik('HASIL_KERJA', null, 'x'.repeat(UMPAN_BALIK_MAX + 1))).toEqual({ ditolak: 'panjang' });
  });

  it('takes a stored text apart again for its form', () => {
    expect(uraiUmpanBalik('HASIL_KERJA', `${f.teks.id} Laporan tepat waktu.`)).toEqual({ frasaId: f.id, bebas: 'Laporan tepat waktu.' });
    expect(uraiUmpanBalik('HASIL_KERJA', f.teks.id)).toEqual({ frasaId: f.id, bebas: '' });
    // a text that only looks like a phrase of another target stays free text
    expect(uraiUmpanBalik('AKUNTABEL', f.teks.id)).toEqual({ frasaId: null, bebas: f.teks.id });
    expect(uraiUmpanBalik('HASIL_KERJA', 'Catatan bebas.')).toEqual({ frasaId: null, bebas: 'Catatan bebas.' });
    expect(uraiUmpanBalik('HASIL_KERJA', null)).toEqual({ frasaId: null, bebas: '' });
  });
});
