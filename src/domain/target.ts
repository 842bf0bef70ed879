// An indicator's target (docs/domain/skp.md § Indicators): a number with a unit, a range, or a qualitative
// statement; higher- or lower-is-better; how its periods combine (sum, average, last value). The checks return message keys
// per field so the form can say what makes no sense.

export type TargetInput = {
  jenisTarget: 'ANGKA' | 'RENTANG' | 'KUALITATIF';
  targetAngka?: number | null;
  targetMin?: number | null;
  targetMax?: number | null;
  satuan?: string | null;
  targetTeks?: string | null;
  lebihBaik: 'TINGGI' | 'RENDAH';
  gabungPeriode: 'JUMLAH' | 'RATA_RATA' | 'TERAKHIR';
};

export type TargetProblems = Partial<Record<'targetAngka' | 'targetMin' | 'targetMax' | 'satuan' | 'targetTeks' | 'lebihBaik' | 'gabungPeriode', string>>;

export function targetProblems(t: TargetInput, pendekatan: 'KUANTITATIF' | 'KUALITATIF'): TargetProblems {
  const p: TargetProblems = {};
  if (t.jenisTarget === 'ANGKA') {
    if (t.targetAngka === null || t.targetAngka === undefined) p.targetAngka = 'target.angkaRequired';
    else if (t.targetAngka < 0) p.targetAngka = 'target.negative';
    // lower-is-better scores (1 + (1 − r/t)) × 100 (PermenPANRB 8/2021): a target of 0 divides by zero
    else if (t.lebihBaik === 'RENDAH' && t.targetAngka === 0) p.targetAngka = 'target.lowerZero';
    if (!t.satuan) p.satuan = 'target.satuanRequired';
  } else if (t.jenisTarget === 'RENTANG') {
    if (t.targetMin === null || t.targetMin === undefined) p.targetMin = 'target.minRequired';
    if (t.targetMax === null || t.targetMax === undefined) p.targetMax = 'target.maxRequired';
    if (p.targetMin === undefined && p.targetMax === undefined) {
      if (t.targetMin! < 0 || t.targetMax! < 0) p.targetMin = 'target.negative';
      else if (t.targetMin! > t.targetMax!) p.targetMax = 'target.minAboveMax';
      else if (t.targetMin === t.targetMax) p.targetMax = 'target.rangeEmpty';
    }
    if (!t.satuan) p.satuan = 'target.satuanRequired';
  } else {
    // In the quantitative approach the expectation is measurable: a number or a range with a unit.
    if (pendekatan === 'KUANTITATIF') p.targetTeks = 'target.qualitativeInQuantitative';
    else if (!t.targetTeks) p.targetTeks = 'target.teksRequired';
  }
  // statements cannot be added up or averaged: a qualitative target's year is its last period
  if (t.jenisTarget === 'KUALITATIF' && t.gabungPeriode !== 'TERAKHIR') p.gabungPeriode = 'target.gabungQualitative';
  return p;
}
