import { describe, expect, it } from 'vitest';
import { compare, parseAngka, rasional, round, toDecimalString } from '../../src/domain/scoring/rasional.js';

// Exact numbers for scoring (docs/domain/scoring.md § Exact numbers).
describe('exact decimals — so a capaian on a threshold (110%) is compared as it is, not as binary floating point has it', () => {
  it.each([
    ['12.5', '12.5'],
    ['45.0000', '45'],
    ['-0.75', '-0.75'],
    ['.5', '0.5'],
    ['1e+21', '1000000000000000000000'],
    ['1.5e-3', '0.0015'],
    [0.1, '0.1'],
    [110, '110'],
  ] as const)('reads %o as %s', (input, expected) => {
    expect(toDecimalString(parseAngka(input)!)).toBe(expected);
  });

  it.each([[''], ['  '], ['abc'], ['1,5'], ['.'], ['1.2.3'], [Number.POSITIVE_INFINITY], [null], [undefined]])('refuses %o (null: not a number)', (input) => {
    expect(parseAngka(input as string)).toBeNull();
  });

  it('compares exactly: 0.1 + 0.2 is 0.3', () => {
    const a = parseAngka('0.1')!;
    const b = parseAngka('0.2')!;
    expect(compare(rasional(a.n * b.d + b.n * a.d, a.d * b.d), parseAngka('0.3')!)).toBe(0);
  });

  it.each([
    ['109.995', 2, '110'], // half away from zero
    ['109.994999', 2, '109.99'],
    ['-0.125', 2, '-0.13'],
    ['2.5', 0, '3'],
    ['2.4999', 0, '2'],
  ] as const)('rounds %s to %d decimals → %s', (input, places, expected) => {
    expect(toDecimalString(round(parseAngka(input)!, places))).toBe(expected);
  });

  it('prints a non-terminating fraction rounded to 10 places', () => {
    expect(toDecimalString(rasional(1n, 3n))).toBe('0.3333333333');
  });
});
