import { describe, expect, it } from 'vitest';
import { NILAI_BERAKHLAK } from '../../src/domain/berakhlak.js';
import { DEFAULT_POLICY, saranTahunan, type IndikatorTahun, type PotonganTahun, type TandaPerilaku } from '../../src/domain/scoring/index.js';
import { formatReason } from '../../src/domain/scoring/reason.js';
import { translate } from '../../src/i18n/index.js';

// The year's suggestion from every period of every SKP piece (PermenPANRB 6/2022 annual
// evaluation; docs/domain/scoring.md § The year): periods combined by each indicator's rule
// against the year's target, a missing period withholding the suggestion by name, a mid-year
// mover's pieces weighed by their days.

const say = (r: { key: string; params: Record<string, string | number> }) => formatReason(r, (k, p) => translate('id', k, p));
const Q = ['Triwulan I', 'Triwulan II', 'Triwulan III', 'Triwulan IV'];
/** An indicator summing four quarters against a year target of 100 (the realisasi per quarter, null = not reported). */
const ind = (id: number, perQuarter: (number | null)[], target = 100): IndikatorTahun<number> => ({
  id, label: `IKI ${id}`, jenisTarget: 'ANGKA', lebihBaik: 'TINGGI', gabungPeriode: 'JUMLAH', target: { targetAngka: target },
  realisasi: perQuarter.map((angka, i) => ({ periode: Q[i]!, angka })),
});
const piece = (id: string, hari: number, rhk: [string, IndikatorTahun<number>[]][]): PotonganTahun<number, string> => ({
  id, label: id, hari, rhk: rhk.map(([label, indikator], i) => ({ id: 100 + i, label, jenis: 'UTAMA', indikator })),
});
const all = (level: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH'): TandaPerilaku => Object.fromEntries(NILAI_BERAKHLAK.map((n) => [n, level]));

describe('one SKP for the whole year', () => {
  it('sums the quarters by the indicator\'s rule: 30+30+30+30 = 120 of 100 is above; 25×4 = 100 is as expected', () => {
    const up = saranTahunan([piece('SKP', 365, [['RHK 1', [ind(1, [30, 30, 30, 30])]], ['RHK 2', [ind(2, [30, 30, 30, 30])]]])], [all('SESUAI')], DEFAULT_POLICY);
    expect(up.potongan[0]!.rhk[0]!.indikator[0]!.capaian).toMatchObject({ kind: 'persen', persen: 120 });
    expect(up.hasilKerja).toMatchObject({ kind: 'saran', rating: 'DI_ATAS' });
    const as = saranTahunan([piece('SKP', 365, [['RHK 1', [ind(1, [25, 25, 25, 25])]]])], [], DEFAULT_POLICY);
    expect(as.hasilKerja).toMatchObject({ kind: 'saran', rating: 'SESUAI' });
  });
  it('at the 110% line: 110 of 100 is as expected, 110,01 above (PermenPANRB 8/2021 band, the policy default)', () => {
    expect(saranTahunan([piece('SKP', 365, [['RHK 1', [ind(1, [27.5, 27.5, 27.5, 27.5])]]])], [], DEFAULT_POLICY).hasilKerja).toMatchObject({ rating: 'SESUAI' });
    expect(saranTahunan([piece('SKP', 365, [['RHK 1', [ind(1, [27.5, 27.5, 27.5, 27.51])]]])], [], DEFAULT_POLICY).hasilKerja).toMatchObject({ rating: 'DI_ATAS' });
  });
  it('a quarter not reported is missing, never zero: the suggestion is withheld and names the RHK and the period', () => {
    const s = saranTahunan([piece('SKP', 365, [['RHK 1', [ind(1, [40, 40, null, 40])]], ['RHK 2', [ind(2, [25, 25, 25, 25])]]])], [], DEFAULT_POLICY);
    const c = s.potongan[0]!.rhk[0]!.indikator[0]!.capaian;
    expect(c.kind).toBe('missing');
    expect(say((c as { reason: { key: string; params: Record<string, string | number> } }).reason)).toBe('Realisasi periode Triwulan III belum ada; capaian tahunan belum dapat dihitung.');
    expect(s.hasilKerja.kind).toBe('withheld');
    expect(s.hasilKerja.kind === 'withheld' && s.hasilKerja.hilang).toEqual(['RHK 1']);
  });
});

describe('a mid-year mover: the pieces weighed by their days', () => {
  const above = ind(1, [60, 60]); // 120 of 100
  const below = ind(2, [20, 20], 100); // 40 of 100
  it.each([
    [181, 184, 'DI_BAWAH'], // the second piece covers more days
    [184, 181, 'DI_ATAS'],
    [182, 182, 'DI_BAWAH'], // equal days: the later piece's
  ] as const)('%i days above then %i days below → %s', (a, b, rating) => {
    const s = saranTahunan([piece('SKP A', a, [['RHK 1', [above]]]), piece('SKP B', b, [['RHK 1', [below]]])], [], DEFAULT_POLICY);
    expect(s.hasilKerja).toMatchObject({ kind: 'saran', rating });
    expect(s.hasilKerja.kind === 'saran' && s.hasilKerja.rincian.map(say)).toEqual([`SKP A (${a} hari): Di Atas Ekspektasi`, `SKP B (${b} hari): Di Bawah Ekspektasi`]);
  });
  it('a piece still missing a period withholds the year and says which piece and RHK', () => {
    const s = saranTahunan([piece('SKP A', 181, [['RHK 1', [above]]]), piece('SKP B', 184, [['RHK 3', [ind(3, [10, null])]]])], [], DEFAULT_POLICY);
    expect(s.hasilKerja.kind).toBe('withheld');
    expect(say(s.hasilKerja.reason)).toBe('Saran Rating Hasil Kerja tahunan menunggu: SKP B: RHK 3.');
  });
  it('no SKP in the year: withheld', () => expect(saranTahunan([], [], DEFAULT_POLICY).hasilKerja.kind).toBe('withheld'));
});

describe('qualitative indicators and the behaviour rating for the year', () => {
  it('a qualitative indicator counts by the appraiser\'s judgement; without one it is missing', () => {
    const q = (penilaian: 'MELAMPAUI' | null): IndikatorTahun<number> => ({ id: 9, label: 'IKI 9', jenisTarget: 'KUALITATIF', lebihBaik: 'TINGGI', gabungPeriode: 'TERAKHIR', target: {}, realisasi: [], teks: 'Pedoman tersusun', penilaian });
    expect(saranTahunan([piece('SKP', 365, [['RHK 1', [q('MELAMPAUI')]]])], [], DEFAULT_POLICY).hasilKerja).toMatchObject({ rating: 'DI_ATAS' });
    expect(saranTahunan([piece('SKP', 365, [['RHK 1', [q(null)]]])], [], DEFAULT_POLICY).hasilKerja.kind).toBe('withheld');
  });
  it('each value\'s latest mark of the year counts: Q1 all below, Q4 all above → above', () => {
    expect(saranTahunan([], [all('DI_BAWAH'), {}, all('DI_ATAS')], DEFAULT_POLICY).perilaku).toMatchObject({ kind: 'saran', rating: 'DI_ATAS' });
    const partial = { ...all('DI_ATAS') } as TandaPerilaku;
    delete partial.LOYAL;
    expect(saranTahunan([], [{ LOYAL: 'DI_BAWAH' }, partial], DEFAULT_POLICY).tandaTahun.LOYAL).toBe('DI_BAWAH');
    expect(saranTahunan([], [partial], DEFAULT_POLICY).perilaku.kind).toBe('withheld');
  });
});
