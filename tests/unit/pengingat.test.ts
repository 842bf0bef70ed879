import { describe, expect, it } from 'vitest';
import { kunciPengingat, mulaiH3, pengingatJatuh } from '../../src/domain/pengingat.js';

// When an automatic reminder is due (docs/domain/pengingat.md § When a reminder is due).

const due = (batasPegawai: string, zona: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura', now: string) => pengingatJatuh({ batasPegawai, zona, now: new Date(now) });

describe('pengingatJatuh', () => {
  it.each([
    ['Asia/Jakarta', '+07:00'],
    ['Asia/Makassar', '+08:00'],
    ['Asia/Jayapura', '+09:00'],
  ] as const)('%s: nothing before 2 April 00:00, H-3 until 5 April ends, then "passed"', (zona, off) => {
    expect(due('2026-04-05', zona, `2026-04-01T23:59:59.999${off}`)).toBeNull();
    expect(due('2026-04-05', zona, `2026-04-02T00:00:00.000${off}`)).toBe('TENGGAT_H3');
    expect(due('2026-04-05', zona, `2026-04-05T23:59:59.999${off}`)).toBe('TENGGAT_H3');
    expect(due('2026-04-05', zona, `2026-04-06T00:00:00.000${off}`)).toBe('TENGGAT_LEWAT');
    expect(due('2026-04-05', zona, `2026-06-30T12:00:00${off}`)).toBe('TENGGAT_LEWAT');
  });

  it('crosses a month and a year', () => {
    expect(mulaiH3('2027-01-02', 'Asia/Jakarta').toISOString()).toBe('2026-12-29T17:00:00.000Z');
    expect(mulaiH3('2026-03-01', 'Asia/Jayapura').toISOString()).toBe('2026-02-25T15:00:00.000Z');
  });

  it('keys a reminder by kind, period and employee', () => {
    expect(kunciPengingat('TENGGAT_H3', 12, 345)).toBe('pengingat:TENGGAT_H3:12:345');
  });
});
