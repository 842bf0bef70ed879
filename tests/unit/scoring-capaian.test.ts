import { describe, expect, it } from 'vitest';
import { capaian, DEFAULT_POLICY, parsePolicy, type Capaian, type IndikatorSkor, type RealisasiSkor, type TargetSkor } from '../../src/domain/scoring/index.js';
import { formatReason } from '../../src/domain/scoring/reason.js';
import { translate } from '../../src/i18n/index.js';

// Capaian per indicator (docs/domain/scoring.md § Capaian). Default policy: cap 120%, floor 0%,
// 2 decimals; above expectation when more than 110%, as expected from 100%.

const P = DEFAULT_POLICY;
const angka = (lebihBaik: IndikatorSkor['lebihBaik']): IndikatorSkor => ({ jenisTarget: 'ANGKA', lebihBaik });
const rentang = (lebihBaik: IndikatorSkor['lebihBaik']): IndikatorSkor => ({ jenisTarget: 'RENTANG', lebihBaik });
const r = (a: string | number | null | undefined): RealisasiSkor => ({ angka: a });
const brief = (c: Capaian) =>
  c.kind === 'persen' ? { persen: c.persen, kelas: c.kelas, dibatasi: c.dibatasi, rule: c.rule.key } : c.kind === 'kualitatif' ? { kelas: c.kelas } : { kind: c.kind };
const text = (lang: 'id' | 'en', reason: { key: string; params: Record<string, string | number> }) =>
  formatReason(reason, (k, p) => translate(lang, k, p));

describe('capaian, higher is better: realisasi / target × 100% — PermenPANRB 8/2021 (as used under 6/2022), thresholds 100% / 110% of the default policy', () => {
  const T: TargetSkor = { targetAngka: '50' };
  it.each([
    ['45', 90, 'DI_BAWAH', null],
    ['0', 0, 'DI_BAWAH', null], // a realisasi of 0 is a number, not a missing one
    ['49.995', 99.99, 'DI_BAWAH', null], // just below 100%
    ['49.99749', 99.99, 'DI_BAWAH', null], // 99.994998…% rounds down
    ['49.9975', 100, 'SESUAI', null], // 99.995% rounds to 100.00%: shown 100, counted 100
    ['50', 100, 'SESUAI', null], // at 100%
    ['50.005', 100.01, 'SESUAI', null], // just above 100%
    ['54.995', 109.99, 'SESUAI', null], // just below 110%
    ['55', 110, 'SESUAI', null], // at 110%: in floating point 55 / 50 × 100 = 110.00000000000001
    ['55.0025', 110.01, 'DI_ATAS', null], // 110.005% rounds up: shown 110.01, above
    ['55.00249', 110, 'SESUAI', null], // 110.004998% rounds down: shown 110, as expected
    ['55.005', 110.01, 'DI_ATAS', null], // just above 110%
    ['60', 120, 'DI_ATAS', null], // at the cap
    ['60.005', 120, 'DI_ATAS', 'MAKSIMUM'], // just above the cap
    ['100', 120, 'DI_ATAS', 'MAKSIMUM'],
    ['-5', 0, 'DI_BAWAH', 'MINIMUM'], // below the floor
  ] as const)('realisasi %s of 50 → capaian %s, %s, bounded: %s', (real, persen, kelas, dibatasi) => {
    expect(brief(capaian(angka('TINGGI'), r(real), T, P))).toEqual({ persen, kelas, dibatasi, rule: 'scoring.rule.tinggi' });
  });

  it('shows why the exact arithmetic matters: 55 of 50 is exactly 110%, not above it', () => {
    expect((55 / 50) * 100 > 110).toBe(true); // the float surprise this module avoids
    expect(capaian(angka('TINGGI'), r(55), { targetAngka: 50 }, P)).toMatchObject({ persen: 110, kelas: 'SESUAI' });
  });

  it.each([
    // exactly 99.995%, which rounds to 100%: in floating point 9.9995 / 10 × 100 is 99.99499999999999 and would round to 99.99
    ['TINGGI', '9.9995', '10'],
    // the same for lower is better: (1 + (1 − 2.0001 / 2)) × 100 is 99.99499999999999 in floating point
    ['RENDAH', '2.0001', '2'],
  ] as const)('%s is better, %s against %s is exactly 99.995 percent: shown as 100 and as expected (exact arithmetic, not floating point)', (lebihBaik, real, t) => {
    expect(capaian(angka(lebihBaik), r(real), { targetAngka: t }, P)).toMatchObject({ persen: 100, kelas: 'SESUAI' });
  });

  it('rounds half away from zero to the policy decimals: 1 of 3 = 33.33%, 2 of 3 = 66.67%', () => {
    expect(capaian(angka('TINGGI'), r(1), { targetAngka: 3 }, P)).toMatchObject({ persen: 33.33 });
    expect(capaian(angka('TINGGI'), r(2), { targetAngka: 3 }, P)).toMatchObject({ persen: 66.67 });
    const nol = parsePolicy({ capaian: { desimal: 0 } });
    expect(capaian(angka('TINGGI'), r(2), { targetAngka: 3 }, nol)).toMatchObject({ persen: 67 });
  });

  it('reads numbers as the database prints them ("45.0000") and as JS numbers alike', () => {
    expect(brief(capaian(angka('TINGGI'), r('45.0000'), { targetAngka: '50.0000' }, P))).toEqual(brief(capaian(angka('TINGGI'), r(45), { targetAngka: 50 }, P)));
    expect(capaian(angka('TINGGI'), r(1e21), { targetAngka: 1e21 }, P)).toMatchObject({ persen: 100 });
  });

  it('says the rule in words with its numbers, Indonesian first: "45 dari 50 = 90%"', () => {
    const c = capaian(angka('TINGGI'), r('45'), { targetAngka: '50' }, P);
    expect(c.kind === 'persen' && c.rule).toEqual({ key: 'scoring.rule.tinggi', params: { realisasi: 45, target: 50, persen: 90 } });
    expect(text('id', (c as Extract<Capaian, { kind: 'persen' }>).rule)).toBe('Lebih tinggi lebih baik: 45 dari 50 = 90%');
    expect(text('en', (c as Extract<Capaian, { kind: 'persen' }>).rule)).toBe('Higher is better: 45 of 50 = 90%');
    const d = capaian(angka('TINGGI'), r('49.995'), { targetAngka: '50' }, P) as Extract<Capaian, { kind: 'persen' }>;
    expect(text('id', d.rule)).toBe('Lebih tinggi lebih baik: 49,995 dari 50 = 99,99%');
    expect(text('id', d.kelasReason)).toBe('99,99% kurang dari 100%: di bawah ekspektasi');
  });

  it('says when the cap applied, with the computed figure', () => {
    const c = capaian(angka('TINGGI'), r(65), { targetAngka: 50 }, P) as Extract<Capaian, { kind: 'persen' }>;
    expect(c).toMatchObject({ persen: 120, mentah: 130, dibatasi: 'MAKSIMUM' });
    expect(text('id', c.rule)).toBe('Lebih tinggi lebih baik: 65 dari 50 = 130%');
    expect(text('id', c.batas!)).toBe('dibatasi 120%, maksimum kebijakan (hasil hitungan 130%)');
  });

  it('follows the policy: a higher cap keeps 130%; other thresholds move the classes', () => {
    const p = parsePolicy({ capaian: { maksimum: 150 }, indikator: { diAtasLebihDari: 105, sesuaiMinimal: 95 } });
    expect(capaian(angka('TINGGI'), r(65), { targetAngka: 50 }, p)).toMatchObject({ persen: 130, dibatasi: null, kelas: 'DI_ATAS' });
    expect(capaian(angka('TINGGI'), r('47.5'), { targetAngka: 50 }, p)).toMatchObject({ persen: 95, kelas: 'SESUAI' });
    expect(capaian(angka('TINGGI'), r('47.49'), { targetAngka: 50 }, p)).toMatchObject({ persen: 94.98, kelas: 'DI_BAWAH' });
    expect(capaian(angka('TINGGI'), r('52.5'), { targetAngka: 50 }, p)).toMatchObject({ persen: 105, kelas: 'SESUAI' });
    expect(capaian(angka('TINGGI'), r('52.51'), { targetAngka: 50 }, p)).toMatchObject({ persen: 105.02, kelas: 'DI_ATAS' });
  });
});

describe('capaian, lower is better: (1 + (1 − realisasi / target)) × 100% — PermenPANRB 8/2021 "kondisi khusus" (as used under 6/2022)', () => {
  const T: TargetSkor = { targetAngka: '10' };
  it.each([
    ['10', 100, 'SESUAI', null], // at the target
    ['10.001', 99.99, 'DI_BAWAH', null], // just worse
    ['9.999', 100.01, 'SESUAI', null], // just better
    ['9.001', 109.99, 'SESUAI', null],
    ['9', 110, 'SESUAI', null], // at 110%
    ['8.999', 110.01, 'DI_ATAS', null], // just above 110%
    ['8', 120, 'DI_ATAS', null], // at the cap
    ['0', 120, 'DI_ATAS', 'MAKSIMUM'], // 200% computed
    ['20', 0, 'DI_BAWAH', null], // twice the target: 0%, at the floor
    ['20.01', 0, 'DI_BAWAH', 'MINIMUM'], // −0.1% computed: the formula goes negative, the policy floor holds
  ] as const)('realisasi %s against 10 → capaian %s, %s, bounded: %s', (real, persen, kelas, dibatasi) => {
    expect(brief(capaian(angka('RENDAH'), r(real), T, P))).toEqual({ persen, kelas, dibatasi, rule: 'scoring.rule.rendah' });
  });

  it('says the rule in words', () => {
    const c = capaian(angka('RENDAH'), r(9), T, P) as Extract<Capaian, { kind: 'persen' }>;
    expect(text('id', c.rule)).toBe('Lebih rendah lebih baik: (1 + (1 − 9/10)) × 100% = 110%');
  });
});

describe('capaian of a range target — PermenPANRB 8/2021: inside the range 100%, above it the upper bound is the target, below it the lower bound', () => {
  const T: TargetSkor = { targetMin: '80', targetMax: '90' };
  it.each([
    ['TINGGI', '80', 100, 'SESUAI', 'scoring.rule.rentangDalam'], // at the lower bound
    ['TINGGI', '85', 100, 'SESUAI', 'scoring.rule.rentangDalam'],
    ['TINGGI', '90', 100, 'SESUAI', 'scoring.rule.rentangDalam'], // at the upper bound
    ['TINGGI', '79.99', 99.99, 'DI_BAWAH', 'scoring.rule.rentangBawahTinggi'], // just below: 79.99 / 80
    ['TINGGI', '90.01', 100.01, 'SESUAI', 'scoring.rule.rentangAtasTinggi'], // just above: 90.01 / 90
    ['TINGGI', '99', 110, 'SESUAI', 'scoring.rule.rentangAtasTinggi'],
    ['TINGGI', '99.01', 110.01, 'DI_ATAS', 'scoring.rule.rentangAtasTinggi'],
    ['TINGGI', '40', 50, 'DI_BAWAH', 'scoring.rule.rentangBawahTinggi'],
    // lower is better (our reading): the nearer bound with the lower-is-better formula
    ['RENDAH', '80', 100, 'SESUAI', 'scoring.rule.rentangDalam'],
    ['RENDAH', '90', 100, 'SESUAI', 'scoring.rule.rentangDalam'],
    ['RENDAH', '90.01', 99.99, 'DI_BAWAH', 'scoring.rule.rentangAtasRendah'], // just above the range: worse
    ['RENDAH', '79.99', 100.01, 'SESUAI', 'scoring.rule.rentangBawahRendah'], // just below the range: better
    ['RENDAH', '72', 110, 'SESUAI', 'scoring.rule.rentangBawahRendah'],
    ['RENDAH', '71.99', 110.01, 'DI_ATAS', 'scoring.rule.rentangBawahRendah'],
    ['RENDAH', '180', 0, 'DI_BAWAH', 'scoring.rule.rentangAtasRendah'],
  ] as const)('%s is better, realisasi %s in 80–90 → capaian %s, %s', (lebihBaik, real, persen, kelas, rule) => {
    expect(brief(capaian(rentang(lebihBaik), r(real), T, P))).toEqual({ persen, kelas, dibatasi: null, rule });
  });

  it('says which bound it used', () => {
    const c = capaian(rentang('TINGGI'), r('99'), T, P) as Extract<Capaian, { kind: 'persen' }>;
    expect(text('id', c.rule)).toBe('Rentang 80–90, lebih tinggi lebih baik: 99 di atas batas atas, 99 dari 90 = 110%');
    const d = capaian(rentang('RENDAH'), r('72'), T, P) as Extract<Capaian, { kind: 'persen' }>;
    expect(text('en', d.rule)).toBe('Range 80–90, lower is better: 72 is below the lower bound, (1 + (1 − 72/80)) × 100% = 110%');
  });

  it('a range from 0: inside is 100%; below 0 would divide by the bound 0 and is said so', () => {
    expect(brief(capaian(rentang('RENDAH'), r('0'), { targetMin: 0, targetMax: 5 }, P))).toMatchObject({ persen: 100 });
    expect(capaian(rentang('TINGGI'), r('-1'), { targetMin: 0, targetMax: 5 }, P)).toMatchObject({ kind: 'unscorable', sebab: 'targetZero' });
  });
});

describe('a qualitative indicator — PermenPANRB 6/2022: the appraiser judges it (met, not met, exceeded); no number', () => {
  const K: IndikatorSkor = { jenisTarget: 'KUALITATIF', lebihBaik: 'TINGGI' };
  it.each([
    ['TIDAK_TERCAPAI', 'DI_BAWAH'],
    ['TERCAPAI', 'SESUAI'],
    ['MELAMPAUI', 'DI_ATAS'],
  ] as const)('judged %s → %s', (penilaian, kelas) => {
    const c = capaian(K, { teks: 'Pedoman disusun dan disahkan', penilaian }, {}, P);
    expect(c).toMatchObject({ kind: 'kualitatif', penilaian, kelas });
    expect(c).not.toHaveProperty('persen');
  });
  it('without the judgement it is missing (the appraiser has not judged yet); without any text either, the realisasi is missing', () => {
    expect(capaian(K, { teks: 'Pedoman disusun' }, {}, P)).toMatchObject({ kind: 'missing', what: 'penilaian' });
    expect(capaian(K, { teks: '   ' }, {}, P)).toMatchObject({ kind: 'missing', what: 'realisasi' });
    expect(capaian(K, null, {}, P)).toMatchObject({ kind: 'missing', what: 'realisasi' });
  });
  it('says the judgement in words', () => {
    const c = capaian(K, { teks: 'x', penilaian: 'MELAMPAUI' }, {}, P) as Extract<Capaian, { kind: 'kualitatif' }>;
    expect(text('id', c.rule)).toBe('Kualitatif: menurut penilaian pejabat penilai, target melampaui target');
  });
});

describe('missing realisasi and unusable targets (issue 10: a missing realisasi is reported as missing, never counted as zero)', () => {
  it.each([[null], [undefined], [''], ['  '], ['abc'], [Number.NaN]])('realisasi %s → missing', (real) => {
    expect(capaian(angka('TINGGI'), r(real as string), { targetAngka: 50 }, P)).toEqual({ kind: 'missing', what: 'realisasi', reason: { key: 'scoring.missing.realisasi', params: {} } });
  });
  it('no realisasi object at all → missing', () => {
    expect(capaian(angka('TINGGI'), null, { targetAngka: 50 }, P)).toMatchObject({ kind: 'missing' });
    expect(capaian(rentang('TINGGI'), undefined, { targetMin: 1, targetMax: 2 }, P)).toMatchObject({ kind: 'missing' });
  });
  it.each([
    ['TINGGI', { targetAngka: 0 }, 'targetZero'], // r / 0
    ['RENDAH', { targetAngka: '0' }, 'targetZero'], // refused at planning (target.lowerZero), handled here anyway
    ['TINGGI', { targetAngka: null }, 'targetMissing'],
    ['TINGGI', {}, 'targetMissing'],
    ['TINGGI', { targetAngka: -1 }, 'targetInvalid'],
  ] as const)('%s is better, target %o → unscorable (%s), not a number', (lebihBaik, target, sebab) => {
    expect(capaian(angka(lebihBaik), r(5), target, P)).toMatchObject({ kind: 'unscorable', sebab });
  });
  it.each([
    [{ targetMin: 90, targetMax: 80 }, 'targetInvalid'],
    [{ targetMin: -1, targetMax: 80 }, 'targetInvalid'],
    [{ targetMin: 80 }, 'targetMissing'],
  ] as const)('range %o → unscorable (%s)', (target, sebab) => {
    expect(capaian(rentang('TINGGI'), r(85), target, P)).toMatchObject({ kind: 'unscorable', sebab });
  });
  it('a missing realisasi wins over a missing target: the employee is asked first', () => {
    expect(capaian(angka('TINGGI'), r(null), {}, P)).toMatchObject({ kind: 'missing' });
  });
});
