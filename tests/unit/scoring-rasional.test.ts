import { describe, expect, it } from 'vitest';
import { compare, parseAngka, rasional, round, toDecimalString, toNumber } from '../../src/domain/scoring/rasional.js';

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

describe('toNumber and parseAngka take short cuts that must not change a result', () => {
  const slow = (a: { n: bigint; d: bigint }) => Number(toDecimalString(round(rasional(a.n, a.d), 10)));
  it('toNumber gives what reading its 10-place decimal text gives, for exact decimals, long fractions, large and negative numbers', () => {
    let seed = 7;
    const rnd = (m: number) => ((seed = (seed * 48271) % 2147483647) % m);
    const cases: [bigint, bigint][] = [[1n, 3n], [2n, 3n], [-1n, 8n], [12345n, 100n], [1n, 1024n], [1n, 10n ** 10n], [1n, 10n ** 11n], [2n ** 60n, 5n], [9007199254740993n, 10n], [-7n, 1n], [0n, 1n]];
    for (let i = 0; i < 3000; i++) cases.push([BigInt(rnd(2_000_000) - 1_000_000), [1n, 2n, 4n, 5n, 8n, 10n, 16n, 20n, 25n, 100n, 1000n, 3n, 7n, 12n, 625n, 10n ** 6n][rnd(16)]!]);
    for (const [n, d] of cases) expect(toNumber(rasional(n, d)), `${n}/${d}`).toBe(slow({ n, d }));
  });
  it('parseAngka gives the same value for a text read twice, and keeps blanks and junk refused', () => {
    expect(parseAngka('12.5')).toEqual(parseAngka('12.5'));
    expect(parseAngka('12.5')).toEqual(rasional(25n, 2n));
    expect(parseAngka(' 7 ')).toEqual(rasional(7n));
    expect(parseAngka('abc')).toBeNull();
    expect(parseAngka('abc')).toBeNull();
    expect(parseAngka(12.5)).toEqual(rasional(25n, 2n));
  });
});

describe('fractions are reduced exactly on both sides of 2^53, where Euclid moves from doubles to BigInt', () => {
  const MAX = BigInt(Number.MAX_SAFE_INTEGER); // 2^53 − 1: the last integer a double holds exactly, and its neighbours
  it.each([
    // just below: doubles, exact
    [MAX - 1n, 2n, (MAX - 1n) / 2n, 1n],
    // at: doubles, exact (odd: nothing to reduce)
    [MAX, 2n, MAX, 2n],
    // a numerator at the edge over a denominator above it: BigInt, exact
    [MAX, 3n * MAX, 1n, 3n],
    // just above: 2^53 + 1 is odd, but as a double it is 2^53 (even): BigInt keeps it unreduced
    [MAX + 2n, 2n, MAX + 2n, 2n],
    [MAX + 1n, 2n, (MAX + 1n) / 2n, 1n],
    [-(MAX + 2n), 4n, -(MAX + 2n), 4n],
    [(MAX + 2n) * 5n, 25n, MAX + 2n, 5n], // 2^53 + 1 is not a multiple of 5
  ] as const)('%s / %s is %s / %s', (n, d, rn, rd) => {
    expect(rasional(n, d)).toEqual({ n: rn, d: rd });
  });
});
