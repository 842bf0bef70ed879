import type { Angka } from './rasional.js';
import type { TargetSkor } from './capaian.js';
import type { JenisTarget } from '../skp-document.js';

// Which target a period's capaian is measured against (docs/domain/scoring.md § Which target):
// the period's own target (target_periode) when one is set for the indicator's kind of target,
// else the year's target on the indicator. Kept here, beside the formulas that read it, so that
// the report page and the suggestions choose the same way.

export type TargetTahun = TargetSkor & { jenisTarget: JenisTarget };
export type TargetPeriodeSkor = { targetAngka?: Angka | null; targetMin?: Angka | null; targetMax?: Angka | null } | null | undefined;

const set = (v: Angka | null | undefined) => v !== null && v !== undefined && v !== '';

export function chooseScoringTarget(tahun: TargetTahun, periode: TargetPeriodeSkor): { target: TargetSkor; sumber: 'PERIODE' | 'TAHUN' } {
  if (periode) {
    if (tahun.jenisTarget === 'ANGKA' && set(periode.targetAngka)) return { target: { targetAngka: periode.targetAngka }, sumber: 'PERIODE' };
    if (tahun.jenisTarget === 'RENTANG' && set(periode.targetMin) && set(periode.targetMax)) {
      return { target: { targetMin: periode.targetMin, targetMax: periode.targetMax }, sumber: 'PERIODE' };
    }
  }
  return { target: { targetAngka: tahun.targetAngka, targetMin: tahun.targetMin, targetMax: tahun.targetMax }, sumber: 'TAHUN' };
}
