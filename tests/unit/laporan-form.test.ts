import { describe, expect, it } from 'vitest';
import { laporanForm, tautan } from '../../src/modules/laporan/schemas.js';

// The report form's rules (docs/domain/laporan.md § The employee's pages): a rencana aksi's
// progress is a whole percentage 0–100, realisasi are numbers the Indonesian way, evidence links
// are http(s) only.

const parse = (extra: Record<string, string>) => laporanForm.safeParse({ version: '3', prestasi: '', kendala: '', rencanaPerbaikan: '', ...extra });

describe('progress of a rencana aksi — 0…100 % (issue 10)', () => {
  it.each([
    ['0', 0], ['100', 100], ['99', 99], ['100 %', 100], ['', null],
  ])('%s → %s', (raw, expected) => {
    const r = parse({ ap_7: raw });
    expect(r.success).toBe(true);
    expect(r.success && r.data.aksi.get(7)?.persen).toBe(expected);
  });
  it.each(['101', '-1', '12,5', 'separuh'])('refuses %s next to its field', (raw) => {
    const r = parse({ ap_7: raw });
    expect(r.success).toBe(false);
    expect(!r.success && r.error.issues[0]!.path).toEqual(['ap_7']);
  });
});

describe('realisasi — Indonesian decimals (src/schemas/primitives.ts angka)', () => {
  it.each([
    ['12,5', 12.5], ['1.234,5', 1234.5], ['1.500', 1500], ['0', 0], ['', null],
  ])('%s → %s', (raw, expected) => {
    const r = parse({ ra_5: raw });
    expect(r.success && r.data.realisasi.get(5)?.angka).toBe(expected);
  });
  it('refuses what is not a number on its own field, and ignores fields of no row', () => {
    const r = parse({ ra_5: 'dua belas', lain: 'x' });
    expect(!r.success && r.error.issues.map((i) => i.path)).toEqual([['ra_5']]);
  });
});

describe('evidence links — http(s) only', () => {
  it.each([
    ['https://contoh.go.id/a', 'https://contoh.go.id/a'], ['http://contoh.go.id', 'http://contoh.go.id/'], ['', null],
  ])('%s → %s', (raw, expected) => expect(tautan.parse(raw)).toBe(expected));
  it.each(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'contoh.go.id'])('refuses %s', (raw) => expect(tautan.safeParse(raw).success).toBe(false));
});
