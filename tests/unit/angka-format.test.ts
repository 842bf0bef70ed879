import { describe, expect, it } from 'vitest';
import { formatIngat } from '../../src/domain/angka-format.js';

describe('formatIngat', () => {
  it('prints what Intl.NumberFormat prints, the first time and when remembered, -0 included', () => {
    const fmt = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 });
    const f = formatIngat(fmt);
    const values = [0, -0, 12, 112.5, -3.25, 1234.56789, 0.00001, 1e21, NaN, Infinity, -Infinity];
    for (let round = 0; round < 2; round++) for (const v of values) expect(f(v)).toBe(fmt.format(v));
    expect(f(-0)).toBe('-0');
    expect(f(0)).toBe('0');
  });

  it('stays right after it forgets (more numbers than it keeps)', () => {
    const fmt = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
    const f = formatIngat(fmt);
    for (let i = 0; i < 9000; i++) expect(f(i / 4)).toBe(fmt.format(i / 4));
    for (let i = 0; i < 100; i++) expect(f(i / 4)).toBe(fmt.format(i / 4));
  });
});
