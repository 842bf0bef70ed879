import { add, div, parseAngka, rasional, toNumber, type Angka, type Rasional } from './rasional.js';
import { asParam, reason, type Reason } from './reason.js';

// Combining an indicator's realisasi over the periods (docs/domain/scoring.md § Combining
// periods). No ASN rule was found; the model is Kemenkeu's IKU "jenis konsolidasi periode":
// the sum, the average, or the last known value (indikator.gabungPeriode). A period without a
// realisasi is never counted as 0: a sum or an average over some missing periods is `partial`
// (its number covers the periods known, and names the others), so the caller has to decide to
// show it as a running figure; it is never passed on as a complete one by accident.

export const GABUNG_PERIODE = ['JUMLAH', 'RATA_RATA', 'TERAKHIR'] as const;
export type GabungPeriode = (typeof GABUNG_PERIODE)[number];

/** One period's realisasi, in the periods' order. `periode` names it in the result (an id or a label). */
export type RealisasiPeriode<P = string | number> = { periode: P; angka: Angka | null | undefined };

export type Kumulatif<P = string | number> =
  | { kind: 'missing'; periodeHilang: P[]; reason: Reason }
  | {
      /** `value`: every period known (TERAKHIR: the last period known); `partial`: some missing. */
      kind: 'value' | 'partial';
      nilai: Rasional;
      /** For display (never compared). */
      angka: number;
      periodeDipakai: P[];
      periodeHilang: P[];
      reason: Reason;
    };

export const GABUNG_KEY = {
  JUMLAH: 'scoring.gabung.JUMLAH',
  RATA_RATA: 'scoring.gabung.RATA_RATA',
  TERAKHIR: 'scoring.gabung.TERAKHIR',
} as const satisfies Record<GabungPeriode, string>;

/**
 * The realisasi of the periods so far (give them up to and including the current one), combined
 * by the indicator's rule.
 */
export function realisasiKumulatif<P extends string | number>(values: readonly RealisasiPeriode<P>[], gabung: GabungPeriode): Kumulatif<P> {
  const known: { periode: P; nilai: Rasional }[] = [];
  const periodeHilang: P[] = [];
  // the position of the last period known
  let lastAt = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const n = parseAngka(v.angka);
    if (n) {
      known.push({ periode: v.periode, nilai: n });
      lastAt = i;
    } else periodeHilang.push(v.periode);
  }
  if (known.length === 0) return { kind: 'missing', periodeHilang, reason: reason('scoring.gabung.missing', { hilang: periodeHilang.join(', ') }) };

  let nilai: Rasional;
  let periodeDipakai: P[];
  let hilang: P[];
  if (gabung === 'TERAKHIR') {
    const last = known[known.length - 1]!;
    nilai = last.nilai;
    periodeDipakai = [last.periode];
    // the last known value is the rule: earlier gaps do not matter, a later period not yet reported is named
    hilang = values.slice(lastAt + 1).map((v) => v.periode);
  } else {
    const sum = known.reduce((s, k) => add(s, k.nilai), rasional(0n));
    nilai = gabung === 'JUMLAH' ? sum : div(sum, rasional(BigInt(known.length)));
    periodeDipakai = known.map((k) => k.periode);
    hilang = periodeHilang;
  }
  const complete = hilang.length === 0;
  const angka = toNumber(nilai);
  const params = { aturan: asParam(GABUNG_KEY[gabung]), angka, dipakai: periodeDipakai.join(', '), hilang: hilang.join(', ') };
  return {
    kind: complete ? 'value' : 'partial',
    nilai,
    angka,
    periodeDipakai,
    periodeHilang: hilang,
    reason: reason(complete ? 'scoring.gabung.value' : 'scoring.gabung.partial', params),
  };
}
