import { describe, expect, it } from 'vitest';
import { capaian, chooseScoringTarget, DEFAULT_POLICY, realisasiKumulatif, toDecimalString, type Kumulatif } from '../../src/domain/scoring/index.js';

// Combining periods (docs/domain/scoring.md § Combining periods): no ASN rule; the model is
// Kemenkeu's IKU "jenis konsolidasi periode" (sum, average, last known value).

const q = (...vals: (string | number | null)[]) => vals.map((angka, i) => ({ periode: `TW${i + 1}`, angka }));
const brief = (k: Kumulatif) => (k.kind === 'missing' ? { kind: k.kind, hilang: k.periodeHilang } : { kind: k.kind, nilai: toDecimalString(k.nilai), dipakai: k.periodeDipakai, hilang: k.periodeHilang });

describe('realisasi over the periods — Kemenkeu IKU "jenis konsolidasi periode" (no ASN rule found): sum, average, last known; a missing period is never 0', () => {
  it.each([
    ['JUMLAH', q(10, 20, 30), { kind: 'value', nilai: '60', dipakai: ['TW1', 'TW2', 'TW3'], hilang: [] }],
    ['JUMLAH', q(10, null, 30), { kind: 'partial', nilai: '40', dipakai: ['TW1', 'TW3'], hilang: ['TW2'] }],
    ['JUMLAH', q('0.1', '0.2'), { kind: 'value', nilai: '0.3', dipakai: ['TW1', 'TW2'], hilang: [] }], // 0.1 + 0.2 is 0.30000000000000004 in floating point
    ['JUMLAH', q(0, 0), { kind: 'value', nilai: '0', dipakai: ['TW1', 'TW2'], hilang: [] }], // zeros reported are zeros
    ['RATA_RATA', q(10, 20), { kind: 'value', nilai: '15', dipakai: ['TW1', 'TW2'], hilang: [] }],
    ['RATA_RATA', q(10, null, 20), { kind: 'partial', nilai: '15', dipakai: ['TW1', 'TW3'], hilang: ['TW2'] }], // not (10 + 0 + 20) / 3
    ['TERAKHIR', q(10, 20, 35), { kind: 'value', nilai: '35', dipakai: ['TW3'], hilang: [] }],
    ['TERAKHIR', q(10, null, 35), { kind: 'value', nilai: '35', dipakai: ['TW3'], hilang: [] }], // an earlier gap does not matter to the last value
    ['TERAKHIR', q(10, 20, null), { kind: 'partial', nilai: '20', dipakai: ['TW2'], hilang: ['TW3'] }], // last known, the later period named
    ['JUMLAH', q(null, null), { kind: 'missing', hilang: ['TW1', 'TW2'] }],
    ['TERAKHIR', q(), { kind: 'missing', hilang: [] }],
  ] as const)('%s of %o', (gabung, values, expected) => {
    expect(brief(realisasiKumulatif(values, gabung))).toEqual(expected);
  });

  it('an average stays exact: (10 + 10 + 11) / 3 against 31/3 is 100%', () => {
    const avg = realisasiKumulatif(q(10, 10, 11), 'RATA_RATA');
    expect(avg.kind === 'value' && avg.nilai).toEqual({ n: 31n, d: 3n });
    expect(avg.kind === 'value' && avg.angka).toBeCloseTo(10.3333333333, 9);
    expect(capaian({ jenisTarget: 'ANGKA', lebihBaik: 'TINGGI' }, { angka: avg.kind === 'value' ? avg.nilai : null }, { targetAngka: { n: 31n, d: 3n } }, DEFAULT_POLICY)).toMatchObject({ persen: 100 });
  });

  it('the sum of 0.1 and 0.2 against a target of 0.3 is exactly 100%', () => {
    const sum = realisasiKumulatif(q('0.1', '0.2'), 'JUMLAH');
    expect(capaian({ jenisTarget: 'ANGKA', lebihBaik: 'TINGGI' }, { angka: sum.kind === 'value' ? sum.nilai : null }, { targetAngka: '0.3' }, DEFAULT_POLICY)).toMatchObject({ persen: 100, kelas: 'SESUAI' });
  });

  it('says the rule and the gap in words', () => {
    expect(realisasiKumulatif(q(10, null, 30), 'JUMLAH').reason).toEqual({
      key: 'scoring.gabung.partial',
      params: { aturan: '@scoring.gabung.JUMLAH', angka: 40, dipakai: 'TW1, TW3', hilang: 'TW2' },
    });
  });
});

describe('the target of a period — issue 10: the period target when set, else the year’s', () => {
  const tahun = { jenisTarget: 'ANGKA', targetAngka: '100' } as const;
  it.each([
    [tahun, { targetAngka: '25' }, { target: { targetAngka: '25' }, sumber: 'PERIODE' }],
    [tahun, { targetAngka: '0' }, { target: { targetAngka: '0' }, sumber: 'PERIODE' }], // a period target of 0 is set (and scored as unscorable, not replaced)
    [tahun, { targetAngka: null }, { target: { targetAngka: '100', targetMin: undefined, targetMax: undefined }, sumber: 'TAHUN' }],
    [tahun, null, { target: { targetAngka: '100', targetMin: undefined, targetMax: undefined }, sumber: 'TAHUN' }],
    [{ jenisTarget: 'RENTANG', targetMin: 80, targetMax: 90 }, { targetMin: 20, targetMax: 25 }, { target: { targetMin: 20, targetMax: 25 }, sumber: 'PERIODE' }],
    [{ jenisTarget: 'RENTANG', targetMin: 80, targetMax: 90 }, { targetMin: 20 }, { target: { targetAngka: undefined, targetMin: 80, targetMax: 90 }, sumber: 'TAHUN' }], // half a range is no target
  ] as const)('year %o, period %o', (t, p, expected) => {
    expect(chooseScoringTarget(t, p)).toEqual(expected);
  });
});
