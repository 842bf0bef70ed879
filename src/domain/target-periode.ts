// Targets per period (docs/domain/skp.md § Targets per period): an indicator may carry a target
// for each period of the cycle besides the year's. A period's capaian uses the period's target
// when one is set, otherwise the year's; how the periods of the year combine is the indicator's
// gabungPeriode (sum, average or last value: the IKU practice of Kemenkeu, no ASN rule found).

export const GABUNG_PERIODE = ['JUMLAH', 'RATA_RATA', 'TERAKHIR'] as const;
export type GabungPeriode = (typeof GABUNG_PERIODE)[number];

/** A target's values (the year's or a period's), decimals as numbers, numeric text or null. */
export type NilaiTarget = {
  targetAngka: number | string | null;
  targetMin: number | string | null;
  targetMax: number | string | null;
  targetTeks: string | null;
};
export type TargetPeriodeNilai = NilaiTarget & { periodeId: number };

/** The period's own target when one is set, otherwise the year's (with `dariPeriode` saying which). */
export function targetForPeriode<I extends NilaiTarget & { jenisTarget: string; targetPeriode?: readonly TargetPeriodeNilai[] }>(
  indikator: I,
  periodeId: number,
): NilaiTarget & { dariPeriode: boolean } {
  const p = (indikator.targetPeriode ?? []).find((t) => t.periodeId === periodeId);
  const src = p && hasTarget(indikator.jenisTarget, p) ? p : indikator;
  return { targetAngka: src.targetAngka, targetMin: src.targetMin, targetMax: src.targetMax, targetTeks: src.targetTeks, dariPeriode: src !== indikator };
}

const isSet = (v: unknown) => v !== null && v !== undefined && v !== '';

/** Whether a period target holds a value for this kind of target (a number, both bounds, a statement). */
export function hasTarget(jenisTarget: string, t: Partial<NilaiTarget>): boolean {
  if (jenisTarget === 'ANGKA') return isSet(t.targetAngka);
  if (jenisTarget === 'RENTANG') return isSet(t.targetMin) && isSet(t.targetMax);
  return isSet(t.targetTeks?.trim());
}

/** Decimals compared at the column's scale (numeric(18, 4)), so 0.1 + 0.2 is 0.3. */
const scaled = (v: number | string | null | undefined): number => Math.round(Number(v ?? 0) * 10_000);

export type JumlahSelisih = { field: 'targetAngka' | 'targetMin' | 'targetMax'; jumlah: number; tahunan: number };

/**
 * For a JUMLAH indicator whose period targets are set (any of them): each target field where the
 * sum of the period targets (a period without one counts 0) differs from the year's target. A
 * warning, not a refusal: a plan may deliberately leave a reserve or front-load. Empty for other
 * combinations, for qualitative targets, and when no period target is set.
 */
export function jumlahSelisih(
  indikator: NilaiTarget & { jenisTarget: string; gabungPeriode: string },
  periode: readonly Partial<NilaiTarget>[],
): JumlahSelisih[] {
  if (indikator.gabungPeriode !== 'JUMLAH' || indikator.jenisTarget === 'KUALITATIF') return [];
  const set = periode.filter((p) => hasTarget(indikator.jenisTarget, p));
  if (!set.length) return [];
  const fields = indikator.jenisTarget === 'ANGKA' ? (['targetAngka'] as const) : (['targetMin', 'targetMax'] as const);
  const out: JumlahSelisih[] = [];
  for (const f of fields) {
    const jumlah = set.reduce((s, p) => s + scaled(p[f]), 0);
    const tahunan = scaled(indikator[f]);
    if (jumlah !== tahunan) out.push({ field: f, jumlah: jumlah / 10_000, tahunan: tahunan / 10_000 });
  }
  return out;
}
