import { describe, expect, it } from 'vitest';
import { LANGS, LANGUAGES, translate } from '../../src/i18n/index.js';

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

  it('gives every message what one pattern replacement over its text gives (the messages are split once and kept)', () => {
    // the rule as a single replacement, to compare the kept form with
    const once = (lang: (typeof LANGS)[number], text: string, params: Record<string, string | number>) =>
      text.replace(/\{(\w+)\}(\.?)/g, (m, name: string, stop: string) => {
        if (!(name in params)) return m;
        const g = params[name]!;
        const v = typeof g === 'string' && g.startsWith('@') ? translate(lang, g.slice(1)) : String(g);
        return stop && v.endsWith('.') ? v : v + stop;
      });
    let checked = 0;
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(LANGUAGES[lang].dictionary)) {
        const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        if (!names.length) continue;
        const variants: Record<string, string | number>[] = [
          Object.fromEntries(names.map((n, i) => [n, i % 2 ? 42 : `nilai ${n}`])),
          Object.fromEntries(names.map((n) => [n, 'Fajar, S.T.'])),
          Object.fromEntries(names.map((n) => [n, '@common.none'])),
          Object.fromEntries(names.slice(1).map((n) => [n, 'x'])), // the first one missing
        ];
        for (const params of variants) for (let round = 0; round < 2; round++) expect(translate(lang, key, params)).toBe(once(lang, text, params));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(translate('id', 'no.such.key {x}.', { x: 'a.' })).toBe('no.such.key a.');
  });
});
