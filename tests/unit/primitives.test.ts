import { describe, expect, it } from 'vitest';
import { angka, id, idFilter, INT4_MAX, optionalId, parseAngka, tanggal, version } from '../../src/schemas/primitives.js';

// The form primitives every schemas.ts shares (src/schemas/primitives.ts).

const msg = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues[0]!.message);

describe('version and ids: positive, within PostgreSQL integer', () => {
  it('the bound is int4', () => expect(INT4_MAX).toBe(2147483647));
  it.each([
    ['1', true], ['2147483647', true], ['2147483648', false], ['0', false], ['-1', false], ['1.5', false], ['', false], ['abc', false],
  ])('version %s → %s', (v, ok) => expect(version.safeParse(v).success).toBe(ok));

  it.each([
    ['7', 7], [String(INT4_MAX), INT4_MAX],
  ])('id %s → %s', (v, n) => expect(id.parse(v)).toBe(n));
  it('an id beyond the column, zero or missing is a field error with a message key', () => {
    expect(msg(id.safeParse(String(INT4_MAX + 1)))).toBe('err.invalid');
    expect(msg(id.safeParse('0'))).toBe('err.required');
    expect(msg(id.safeParse(undefined))).toBe('err.required');
  });

  it('an optional id: blank or absent is null, a number the number, beyond int4 an error', () => {
    expect(optionalId.parse('')).toBeNull();
    expect(optionalId.parse(undefined)).toBeNull();
    expect(optionalId.parse('12')).toBe(12);
    expect(optionalId.parse(String(INT4_MAX))).toBe(INT4_MAX);
    expect(optionalId.safeParse(String(INT4_MAX + 1)).success).toBe(false);
  });

  it('an id filter in a query string: anything unusable is no filter', () => {
    expect(idFilter.parse('5')).toBe(5);
    expect(idFilter.parse(String(INT4_MAX))).toBe(INT4_MAX);
    for (const v of [String(INT4_MAX + 1), '0', 'x', '', undefined]) expect(idFilter.parse(v)).toBeUndefined();
  });
});

describe('Indonesian decimals', () => {
  it.each([
    ['12,5', 12.5], ['1.234,5', 1234.5], ['1.500', 1500], ['12.5', 12.5], ['-5', -5], [' 2 ', 2], ['0,25', 0.25], ['', null],
  ])('%s → %s', (raw, n) => expect(parseAngka(raw)).toBe(n));
  it.each(['abc', '12,5,1', '1,2,3', '--1', '1e5'])('%s is not a number', (raw) => expect(parseAngka(raw)).toBeNaN());

  it('the form field: blank is null; nonsense and magnitudes a numeric(18,4) cannot hold are field errors', () => {
    expect(angka.parse('')).toBeNull();
    expect(angka.parse(undefined)).toBeNull();
    expect(angka.parse('9.999.999.999.999,5')).toBe(9_999_999_999_999.5);
    expect(msg(angka.safeParse('10.000.000.000.000'))).toBe('skp.err.numberTooLarge');
    expect(msg(angka.safeParse('-10.000.000.000.000'))).toBe('skp.err.numberTooLarge');
    expect(msg(angka.safeParse('dua belas'))).toBe('skp.err.number');
  });
});

describe('dates: yyyy-mm-dd that exist on the calendar', () => {
  it.each([
    ['2026-01-31', true], ['2026-02-28', true], ['2026-02-29', false], ['2028-02-29', true], ['2100-02-29', false], ['2000-02-29', true],
    ['2026-04-30', true], ['2026-04-31', false], ['2026-13-01', false], ['2026-00-10', false], ['2026-1-5', false], ['05-01-2026', false], ['', false],
  ])('%s → %s', (v, ok) => {
    const r = tanggal.safeParse(v);
    expect(r.success).toBe(ok);
    if (!ok) expect(msg(r)).toBe('err.date');
  });
});
