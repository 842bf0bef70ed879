import { describe, expect, it } from 'vitest';
import { cekDistribusi, DEFAULT_POLICY, kalkulatorDistribusi, maksOrang, minOrang, nilaiPeringkat, parsePolicy, rasional, ratingKepalaUnit, urutkanPeringkat, type Predikat, type PredikatOrganisasi } from '../../src/domain/scoring/index.js';
import { formatReason } from '../../src/domain/scoring/reason.js';
import { translate } from '../../src/i18n/index.js';

// The distribution pattern (SE MenPANRB 3/2023 on PermenPANRB 6/2022 Pasal 24–25, domain-2 §3;
// docs/domain/scoring.md § Distribution): every row at, just inside and just outside each
// boundary, the headcount rounding, the small-unit warning and the policy's variants.

const SE = 'SE MenPANRB 3/2023';
/** A unit of `n` people: the given counts, the rest BAIK (or `rest`). */
function unit(counts: Partial<Record<Predikat, number>>, n: number, rest: Predikat = 'BAIK') {
  const out: { id: number; nama: string; predikat: Predikat }[] = [];
  for (const [p, k] of Object.entries(counts) as [Predikat, number][]) for (let i = 0; i < k; i++) out.push({ id: out.length + 1, nama: `P${out.length + 1}`, predikat: p });
  while (out.length < n) out.push({ id: out.length + 1, nama: `P${out.length + 1}`, predikat: rest });
  return out;
}
const cek = (org: PredikatOrganisasi, counts: Partial<Record<Predikat, number>>, n: number, rest?: Predikat, policy = DEFAULT_POLICY) => cekDistribusi(org, unit(counts, n, rest), policy);
const say = (r: { key: string; params: Record<string, string | number> }, lang: 'id' | 'en' = 'id') => formatReason(r, (k, p) => translate(lang, k, p));

describe(`headcount rounding (${SE}: percentages of whole people)`, () => {
  it.each([
    [10, 20, 2], [10, 19, 1], [10, 21, 2], [10, 7, 0], [10, 10, 1], [70, 10, 7], [70, 9, 6], [0, 20, 0],
  ])('a maximum of %i%% of %i people allows floor = %i', (p, n, k) => expect(maksOrang(p, n)).toBe(k));
  it.each([
    [60, 20, 12], [60, 19, 12], [60, 21, 13], [60, 7, 5], [10, 20, 2], [10, 21, 3], [10, 1, 1], [60, 0, 0],
  ])('a minimum of %i%% of %i people requires ceil = %i', (p, n, k) => expect(minOrang(p, n)).toBe(k));
});

describe(`Istimewa: "sebagian besar (maksimal 70%)" Sangat Baik (${SE})`, () => {
  it.each([
    [14, 'OK'], [13, 'OK'], [15, 'PELANGGARAN'],
  ])('%i of 20 Sangat Baik → %s', (sb, hasil) => expect(cek('ISTIMEWA', { SANGAT_BAIK: sb }, 20).hasil).toBe(hasil));
  it('as a maximum only by default: 2 of 20 Sangat Baik passes; as a minimum too (policy), more than half is required', () => {
    expect(cek('ISTIMEWA', { SANGAT_BAIK: 2 }, 20).hasil).toBe('OK');
    const strict = parsePolicy({ version: 1, distribusi: { sebagianBesarMinimum: true } });
    expect(cek('ISTIMEWA', { SANGAT_BAIK: 10 }, 20, 'BAIK', strict).pelanggaran.map((v) => [v.jumlah, v.izin])).toEqual([[10, 11]]);
    expect(cek('ISTIMEWA', { SANGAT_BAIK: 11 }, 20, 'BAIK', strict).hasil).toBe('OK');
    expect(cek('ISTIMEWA', { SANGAT_BAIK: 14 }, 20, 'BAIK', strict).hasil).toBe('OK');
    expect(cek('ISTIMEWA', { SANGAT_BAIK: 15 }, 20, 'BAIK', strict).hasil).toBe('PELANGGARAN');
  });
});

describe(`Baik: at most 70% Baik, and there must be Butuh Perbaikan and/or Kurang (${SE})`, () => {
  it.each([
    [{ BAIK: 14, BUTUH_PERBAIKAN: 1 }, 'OK'],
    [{ BAIK: 13, KURANG: 1 }, 'OK'],
    [{ BAIK: 15, BUTUH_PERBAIKAN: 1 }, 'PELANGGARAN'],
    [{ BAIK: 14 }, 'PELANGGARAN'],
  ] as const)('%j of 20 (the rest Sangat Baik) → %s', (counts, hasil) => expect(cek('BAIK', counts, 20, 'SANGAT_BAIK').hasil).toBe(hasil));
  it('names the missing group', () => {
    const r = cek('BAIK', { BAIK: 14 }, 20, 'SANGAT_BAIK');
    expect(r.pelanggaran.map((v) => say(v.reason))).toEqual(['Harus ada pegawai dengan predikat Butuh Perbaikan dan/atau Kurang/Misconduct; dari 20 pegawai tidak ada']);
  });
});

describe(`Butuh Perbaikan: at least 60% Butuh Perbaikan, at most 10% Sangat Baik (${SE})`, () => {
  it.each([
    [12, 2, 'OK'], [11, 2, 'PELANGGARAN'], [13, 2, 'OK'], [12, 3, 'PELANGGARAN'], [12, 1, 'OK'],
  ])('%i Butuh Perbaikan and %i Sangat Baik of 20 → %s', (bp, sb, hasil) => expect(cek('BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: bp, SANGAT_BAIK: sb }, 20).hasil).toBe(hasil));
  it('says it with the numbers and names those over the maximum: "Sangat Baik 4 of 20 = 20% exceeds the 10% maximum"', () => {
    const r = cek('BUTUH_PERBAIKAN', { SANGAT_BAIK: 4, BUTUH_PERBAIKAN: 12 }, 20);
    expect(r.pelanggaran).toHaveLength(1);
    expect(say(r.pelanggaran[0]!.reason)).toBe('Sangat Baik 4 dari 20 = 20% melebihi maksimum 10% (paling banyak 2 orang)');
    expect(say(r.pelanggaran[0]!.reason, 'en')).toBe('Sangat Baik (very good) 4 of 20 = 20% exceeds the 10% maximum (at most 2 people)');
    expect(r.pelanggaran[0]!.pegawai.map((p) => p.nama)).toEqual(['P1', 'P2', 'P3', 'P4']);
  });
});

describe(`Kurang: at least 60% Kurang, at least 10% Butuh Perbaikan, at most 10% Sangat Baik (${SE})`, () => {
  it.each([
    [12, 2, 2, 'OK'], [11, 2, 2, 'PELANGGARAN'], [12, 1, 2, 'PELANGGARAN'], [12, 2, 3, 'PELANGGARAN'], [13, 3, 0, 'OK'],
  ])('%i Kurang, %i Butuh Perbaikan, %i Sangat Baik of 20 → %s', (k, bp, sb, hasil) => expect(cek('KURANG', { KURANG: k, BUTUH_PERBAIKAN: bp, SANGAT_BAIK: sb }, 20).hasil).toBe(hasil));
  it('lists every violation at once', () => {
    const r = cek('KURANG', { KURANG: 5, SANGAT_BAIK: 5 }, 20);
    expect(r.pelanggaran.map((v) => v.reason.key)).toEqual(['scoring.distribusi.min', 'scoring.distribusi.min', 'scoring.distribusi.maks']);
  });
});

describe(`Sangat Kurang: at least 60% Sangat Kurang, at least 10% Kurang and/or Butuh Perbaikan, no Sangat Baik (${SE})`, () => {
  it.each([
    [12, 1, 1, 0, 'OK'], [11, 1, 1, 0, 'PELANGGARAN'], [12, 1, 0, 0, 'PELANGGARAN'], [12, 0, 2, 0, 'OK'], [12, 2, 0, 0, 'OK'], [12, 1, 1, 1, 'PELANGGARAN'],
  ])('%i Sangat Kurang, %i Kurang, %i Butuh Perbaikan, %i Sangat Baik of 20 → %s', (sk, k, bp, sb, hasil) =>
    expect(cek('SANGAT_KURANG', { SANGAT_KURANG: sk, KURANG: k, BUTUH_PERBAIKAN: bp, SANGAT_BAIK: sb }, 20).hasil).toBe(hasil));
  it('says the group rule in words', () => {
    const r = cek('SANGAT_KURANG', { SANGAT_KURANG: 12 }, 20);
    expect(say(r.pelanggaran[0]!.reason)).toBe('Kurang/Misconduct dan/atau Butuh Perbaikan 0 dari 20 = 0% kurang dari minimum 10% (paling sedikit 2 orang)');
  });
});

describe('a small unit warns instead of violating (policy minimumOrang, default 10)', () => {
  it.each([
    [9, 'PERINGATAN'], [10, 'PELANGGARAN'], [11, 'PELANGGARAN'],
  ])('%i people with a deviation → %s', (n, hasil) => {
    const r = cek('BUTUH_PERBAIKAN', { SANGAT_BAIK: 3 }, n, 'BUTUH_PERBAIKAN');
    expect(r.hasil).toBe(hasil);
    expect(r.catatan?.key ?? null).toBe(hasil === 'PERINGATAN' ? 'scoring.distribusi.kecil' : null);
  });
  it('a small unit without a deviation is simply OK, and the setting moves the line', () => {
    expect(cek('BUTUH_PERBAIKAN', {}, 5, 'BUTUH_PERBAIKAN').hasil).toBe('OK');
    const p = parsePolicy({ version: 1, distribusi: { minimumOrang: 3 } });
    expect(cek('BUTUH_PERBAIKAN', { SANGAT_BAIK: 3 }, 5, 'BUTUH_PERBAIKAN', p).hasil).toBe('PELANGGARAN');
  });
});

describe('the kalkulator distribusi: how many people each predikat may or must have for a headcount', () => {
  it('Butuh Perbaikan with 7 people: at least 5 Butuh Perbaikan, no Sangat Baik ("maks 10%" of 7 = 0)', () => {
    const k = kalkulatorDistribusi('BUTUH_PERBAIKAN', 7, DEFAULT_POLICY);
    expect(k.perPredikat.BUTUH_PERBAIKAN).toEqual({ min: 5, max: 7 });
    expect(k.perPredikat.SANGAT_BAIK).toEqual({ min: 0, max: 0 });
    expect(k.perPredikat.BAIK).toEqual({ min: 0, max: 7 });
  });
  it('Sangat Kurang with 20 people: at least 12 Sangat Kurang, at least 2 Kurang and/or Butuh Perbaikan together, no Sangat Baik', () => {
    const k = kalkulatorDistribusi('SANGAT_KURANG', 20, DEFAULT_POLICY);
    expect(k.perPredikat.SANGAT_KURANG.min).toBe(12);
    expect(k.perPredikat.SANGAT_BAIK.max).toBe(0);
    expect(k.kelompok).toEqual([{ predikat: ['KURANG', 'BUTUH_PERBAIKAN'], min: 2, max: 20 }]);
  });
  it('agrees with the check: a unit filled exactly to the calculator\'s bounds passes, one more over a maximum fails', () => {
    for (const n of [10, 13, 20, 37]) {
      const k = kalkulatorDistribusi('KURANG', n, DEFAULT_POLICY);
      const sb = k.perPredikat.SANGAT_BAIK.max;
      const ku = k.perPredikat.KURANG.min;
      const bp = k.perPredikat.BUTUH_PERBAIKAN.min;
      const base = { SANGAT_BAIK: sb, KURANG: ku, BUTUH_PERBAIKAN: bp };
      expect(cek('KURANG', base, n, 'KURANG').hasil, `n=${n}`).toBe('OK');
      expect(cek('KURANG', { ...base, SANGAT_BAIK: sb + 1, KURANG: ku }, n, 'KURANG').hasil, `n=${n}`).toBe('PELANGGARAN');
    }
  });
});

describe('the policy keeps its distribution settings with defaults', () => {
  it('a stored policy without them reads the defaults', () => {
    expect(parsePolicy({ version: 1 }).distribusi).toEqual({ sebagianBesarMinimum: false, minimumOrang: 10, blokir: false });
  });
});

describe('the unit-head rule: the unit\'s organisation predikat becomes the head\'s Rating Hasil Kerja (SE MenPANRB 3/2023; the mapping a policy setting)', () => {
  it.each([
    ['ISTIMEWA', 'DI_ATAS'], ['BAIK', 'SESUAI'], ['BUTUH_PERBAIKAN', 'DI_BAWAH'], ['KURANG', 'DI_BAWAH'], ['SANGAT_KURANG', 'DI_BAWAH'],
  ] as const)('by default %s → %s', (org, rating) => expect(ratingKepalaUnit(org, DEFAULT_POLICY).rating).toBe(rating));
  it('says so in words, and follows another mapping when the cycle sets one', () => {
    expect(say(ratingKepalaUnit('BAIK', DEFAULT_POLICY).reason)).toBe('Kepala unit: predikat kinerja organisasi Baik menjadi Rating Hasil Kerja Sesuai Ekspektasi (SE MenPANRB 3/2023).');
    expect(ratingKepalaUnit('BUTUH_PERBAIKAN', parsePolicy({ version: 1, kepalaUnit: { BUTUH_PERBAIKAN: 'SESUAI' } })).rating).toBe('SESUAI');
  });
});

describe('the ranking inside a predikat: mean capaian of the UTAMA indicators, ties by last year\'s predikat, then by name (docs/domain/scoring.md § Ranking)', () => {
  const r = (n: bigint) => rasional(n);
  it('nilai is the exact mean; none without UTAMA capaian', () => {
    expect(nilaiPeringkat([r(100n), r(110n), r(105n)])).toEqual(r(105n));
    expect(nilaiPeringkat([r(100n), r(101n)])).toEqual(rasional(201n, 2n));
    expect(nilaiPeringkat([])).toBeNull();
  });
  it('orders by predikat, nilai, last year\'s predikat, name', () => {
    const rows = [
      { id: 1, nama: 'Citra', predikat: 'BAIK' as const, nilai: r(100n), predikatLalu: 'BAIK' as const },
      { id: 2, nama: 'Budi', predikat: 'BAIK' as const, nilai: r(100n), predikatLalu: 'BAIK' as const },
      { id: 3, nama: 'Ani', predikat: 'BAIK' as const, nilai: r(100n), predikatLalu: 'SANGAT_BAIK' as const },
      { id: 4, nama: 'Dodi', predikat: 'BAIK' as const, nilai: rasional(20001n, 200n), predikatLalu: null },
      { id: 5, nama: 'Eka', predikat: 'SANGAT_BAIK' as const, nilai: r(90n), predikatLalu: null },
      { id: 6, nama: 'Fajar', predikat: 'BAIK' as const, nilai: null, predikatLalu: 'SANGAT_BAIK' as const },
      { id: 7, nama: 'Gita', predikat: 'BAIK' as const, nilai: r(100n), predikatLalu: null },
    ];
    expect(urutkanPeringkat(rows).map((x) => [x.peringkat, x.nama])).toEqual([[1, 'Eka'], [2, 'Dodi'], [3, 'Ani'], [4, 'Budi'], [5, 'Citra'], [6, 'Gita'], [7, 'Fajar']]);
  });
});
