import type { JenisTarget } from '../skp-document.js';
import type { ScoringPolicy } from './policy.js';
import { HUNDRED, ONE, compare, div, isZero, mul, parseAngka, round, sub, toNumber, ZERO, type Angka, type Rasional } from './rasional.js';
import { asParam, reason, type Ekspektasi, type Reason } from './reason.js';

// Capaian (achievement) of one indicator: docs/domain/scoring.md § Capaian. The formulas are
// those of PermenPANRB 8/2021, the last published ones, as agencies use them under 6/2022:
//   higher is better  r / t × 100
//   lower is better   (1 + (1 − r / t)) × 100
//   range             100 inside [min, max]; above it the upper bound is the target, below it the lower
// then bounded by the policy's maximum and minimum. A qualitative indicator has no number: the
// appraiser judges it met, not met or exceeded. A missing realisasi is reported as missing,
// never as 0.

export type LebihBaik = 'TINGGI' | 'RENDAH';
/** What of an indicator the score needs (the document's and the database's field names). */
export type IndikatorSkor = { jenisTarget: JenisTarget; lebihBaik: LebihBaik };
/** The target that applies (the period's when set, else the year's: chooseTarget). */
export type TargetSkor = { targetAngka?: Angka | null; targetMin?: Angka | null; targetMax?: Angka | null };

/** The appraiser's judgement of a qualitative indicator. */
export const PENILAIAN_KUALITATIF = ['TIDAK_TERCAPAI', 'TERCAPAI', 'MELAMPAUI'] as const;
export type PenilaianKualitatif = (typeof PENILAIAN_KUALITATIF)[number];
const KELAS_KUALITATIF = { TIDAK_TERCAPAI: 'DI_BAWAH', TERCAPAI: 'SESUAI', MELAMPAUI: 'DI_ATAS' } as const satisfies Record<PenilaianKualitatif, Ekspektasi>;
export const PENILAIAN_KEY = {
  TIDAK_TERCAPAI: 'scoring.penilaian.TIDAK_TERCAPAI',
  TERCAPAI: 'scoring.penilaian.TERCAPAI',
  MELAMPAUI: 'scoring.penilaian.MELAMPAUI',
} as const satisfies Record<PenilaianKualitatif, string>;

/** What was reported: a number (ANGKA, RENTANG), or the text and the appraiser's judgement (KUALITATIF). */
export type RealisasiSkor = { angka?: Angka | null; teks?: string | null; penilaian?: PenilaianKualitatif | null } | null | undefined;

export type CapaianMissing = { kind: 'missing'; what: 'realisasi' | 'penilaian'; reason: Reason };
/** No number can be computed: no target, a target of 0 that the formula divides by, or a target that makes no sense. */
export type CapaianUnscorable = { kind: 'unscorable'; sebab: 'targetMissing' | 'targetZero' | 'targetInvalid'; reason: Reason };
export type CapaianPersen = {
  kind: 'persen';
  /** The capaian as shown and as classified: rounded to the policy's decimals, within its bounds. */
  persen: number;
  /** The same, exact (for sums and comparisons). */
  nilai: Rasional;
  /** Before the bounds (rounded): 130 where the policy caps at 120. */
  mentah: number;
  dibatasi: 'MAKSIMUM' | 'MINIMUM' | null;
  kelas: Ekspektasi;
  /** The formula in words, with its numbers. */
  rule: Reason;
  /** The bound applied, when one was. */
  batas: Reason | null;
  /** Why this class, by the policy's thresholds. */
  kelasReason: Reason;
};
export type CapaianKualitatif = { kind: 'kualitatif'; penilaian: PenilaianKualitatif; kelas: Ekspektasi; rule: Reason };
export type Capaian = CapaianMissing | CapaianUnscorable | CapaianPersen | CapaianKualitatif;

const num = (r: Rasional) => toNumber(r);

/** The class of a capaian (already rounded and bounded) by the policy's thresholds. */
export function classifyCapaian(nilai: Rasional, policy: ScoringPolicy): { kelas: Ekspektasi; reason: Reason } {
  const atas = parseAngka(policy.indikator.diAtasLebihDari)!;
  const sesuai = parseAngka(policy.indikator.sesuaiMinimal)!;
  const params = { persen: num(nilai), diAtas: num(atas), sesuai: num(sesuai) };
  if (compare(nilai, atas) > 0) return { kelas: 'DI_ATAS', reason: reason('scoring.kelas.diAtas', params) };
  if (compare(nilai, sesuai) >= 0) return { kelas: 'SESUAI', reason: reason('scoring.kelas.sesuai', params) };
  return { kelas: 'DI_BAWAH', reason: reason('scoring.kelas.diBawah', params) };
}

const tinggi = (r: Rasional, t: Rasional) => mul(div(r, t), HUNDRED);
const rendah = (r: Rasional, t: Rasional) => mul(sub(ONE, sub(div(r, t), ONE)), HUNDRED);
const formula = (lebihBaik: LebihBaik) => (lebihBaik === 'TINGGI' ? tinggi : rendah);

function finish(mentahExact: Rasional, rule: (persen: number) => Reason, policy: ScoringPolicy): CapaianPersen {
  const rounded = round(mentahExact, policy.capaian.desimal);
  const maks = parseAngka(policy.capaian.maksimum)!;
  const mins = parseAngka(policy.capaian.minimum)!;
  let nilai = rounded;
  let dibatasi: CapaianPersen['dibatasi'] = null;
  if (compare(rounded, maks) > 0) [nilai, dibatasi] = [maks, 'MAKSIMUM'];
  else if (compare(rounded, mins) < 0) [nilai, dibatasi] = [mins, 'MINIMUM'];
  const mentah = num(rounded);
  const batas =
    dibatasi === 'MAKSIMUM'
      ? reason('scoring.batas.maksimum', { batas: num(maks), mentah })
      : dibatasi === 'MINIMUM'
        ? reason('scoring.batas.minimum', { batas: num(mins), mentah })
        : null;
  const k = classifyCapaian(nilai, policy);
  return { kind: 'persen', persen: num(nilai), nilai, mentah, dibatasi, kelas: k.kelas, rule: rule(mentah), batas, kelasReason: k.reason };
}

const unscorable = (sebab: CapaianUnscorable['sebab']): CapaianUnscorable => ({
  kind: 'unscorable',
  sebab,
  reason: reason(sebab === 'targetMissing' ? 'scoring.unscorable.targetMissing' : sebab === 'targetZero' ? 'scoring.unscorable.targetZero' : 'scoring.unscorable.targetInvalid'),
});

export function capaian(indikator: IndikatorSkor, realisasi: RealisasiSkor, target: TargetSkor, policy: ScoringPolicy): Capaian {
  if (indikator.jenisTarget === 'KUALITATIF') {
    const teks = realisasi?.teks?.trim();
    const penilaian = realisasi?.penilaian ?? null;
    if (!teks && !penilaian) return { kind: 'missing', what: 'realisasi', reason: reason('scoring.missing.realisasi') };
    if (!penilaian) return { kind: 'missing', what: 'penilaian', reason: reason('scoring.missing.penilaian') };
    return { kind: 'kualitatif', penilaian, kelas: KELAS_KUALITATIF[penilaian], rule: reason('scoring.rule.kualitatif', { penilaian: asParam(PENILAIAN_KEY[penilaian]) }) };
  }

  const r = parseAngka(realisasi?.angka);
  if (!r) return { kind: 'missing', what: 'realisasi', reason: reason('scoring.missing.realisasi') };
  const lebihBaik = indikator.lebihBaik;
  const realisasiN = num(r);

  if (indikator.jenisTarget === 'ANGKA') {
    const t = parseAngka(target.targetAngka);
    if (!t) return unscorable('targetMissing');
    if (compare(t, ZERO) < 0) return unscorable('targetInvalid');
    if (isZero(t)) return unscorable('targetZero');
    const key = lebihBaik === 'TINGGI' ? 'scoring.rule.tinggi' : 'scoring.rule.rendah';
    return finish(formula(lebihBaik)(r, t), (persen) => reason(key, { realisasi: realisasiN, target: num(t), persen }), policy);
  }

  // RENTANG
  const lo = parseAngka(target.targetMin);
  const hi = parseAngka(target.targetMax);
  if (!lo || !hi) return unscorable('targetMissing');
  if (compare(lo, ZERO) < 0 || compare(lo, hi) > 0) return unscorable('targetInvalid');
  const range = { realisasi: realisasiN, min: num(lo), max: num(hi) };
  if (compare(r, lo) >= 0 && compare(r, hi) <= 0) return finish(HUNDRED, (persen) => reason('scoring.rule.rentangDalam', { ...range, persen }), policy);
  // Outside the range the nearer bound is the target and the indicator's polarity its formula
  // (8/2021 names the bounds; the lower-is-better case is our reading: docs/domain/scoring.md).
  const above = compare(r, hi) > 0;
  const bound = above ? hi : lo;
  if (isZero(bound)) return unscorable('targetZero');
  const key = above
    ? lebihBaik === 'TINGGI' ? 'scoring.rule.rentangAtasTinggi' : 'scoring.rule.rentangAtasRendah'
    : lebihBaik === 'TINGGI' ? 'scoring.rule.rentangBawahTinggi' : 'scoring.rule.rentangBawahRendah';
  return finish(formula(lebihBaik)(r, bound), (persen) => reason(key, { ...range, persen }), policy);
}
