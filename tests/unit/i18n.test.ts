import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/index.js';

describe('translate', () => {
  it('puts parameters in their place, in each language', () => {
    expect(translate('id', 'home.welcome', { nama: 'Sri Wahyuni' })).toBe('Selamat datang, Sri Wahyuni.');
    expect(translate('en', 'home.welcome', { nama: 'Sri Wahyuni' })).toBe('Welcome, Sri Wahyuni.');
  });

  it('prints a name with an academic title before a full stop without doubling it', () => {
    expect(translate('id', 'home.welcome', { nama: 'Fajar Ramadhan, S.T.' })).toBe('Selamat datang, Fajar Ramadhan, S.T.');
    expect(translate('en', 'home.welcome', { nama: 'Dr. Yulia Rahmi Putri, S.Kom., M.Si.' })).toBe('Welcome, Dr. Yulia Rahmi Putri, S.Kom., M.Si.');
    // a title in the middle of a sentence keeps what follows
    expect(translate('id', 'review.approved', { nama: 'Fajar Ramadhan, S.T.', revisi: 2 })).toBe('SKP Fajar Ramadhan, S.T. disetujui (revisi 2).');
  });

  it('leaves an unknown placeholder and a key without text as they are', () => {
    expect(translate('id', 'home.welcome', {})).toBe('Selamat datang, {nama}.');
    expect(translate('id', 'no.such.key')).toBe('no.such.key');
  });
});
