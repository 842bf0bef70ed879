import type { Capaian } from './capaian.js';
import type { ScoringPolicy } from './policy.js';
import { EKSPEKTASI_LABEL, reason, type Ekspektasi, type Reason } from './reason.js';
import { byMajority, type Hitungan } from './tally.js';

// An RHK's classification from its indicators' capaian (docs/domain/scoring.md § RHK): each
// indicator is above, as or below expectation by the policy's thresholds (classifyCapaian), or
// by the appraiser's judgement for a qualitative one. The RHK is below when one indicator is
// (policy `rhk.diBawahBila`: SATU; or SEBAGIAN_BESAR, most of them), above when most are above
// and none below, else as expected. A missing realisasi or judgement, or a capaian that cannot
// be computed, withholds the classification and names what is missing.

/** An indicator with its capaian; `label` names it in the reasons ("IKI 1.2", or its text). */
export type IndikatorCapaian<I = string | number> = { id: I; label: string; capaian: Capaian };

export type RhkKlasifikasi<I = string | number> =
  | { kind: 'withheld'; hilang: { id: I; label: string; reason: Reason }[]; reason: Reason; policyVersion: number }
  | { kind: 'kelas'; kelas: Ekspektasi; hitungan: Hitungan; reason: Reason; rincian: { id: I; label: string; kelas: Ekspektasi; reason: Reason }[]; policyVersion: number };

const join = (labels: string[]) => labels.join('; ');

/** The reason of one indicator's class, in words with its numbers. */
function rincianOf(c: Extract<Capaian, { kind: 'persen' | 'kualitatif' }>, label: string): Reason {
  if (c.kind === 'kualitatif') return reason('scoring.rincian.kualitatif', { label, kelas: EKSPEKTASI_LABEL[c.kelas], penilaian: c.rule.params.penilaian! });
  return reason('scoring.rincian.persen', { label, persen: c.persen, kelas: EKSPEKTASI_LABEL[c.kelas] });
}

export function classifyRhk<I extends string | number>(indikator: readonly IndikatorCapaian<I>[], policy: ScoringPolicy): RhkKlasifikasi<I> {
  const policyVersion = policy.version;
  if (indikator.length === 0) return { kind: 'withheld', hilang: [], reason: reason('scoring.rhk.noIndikator'), policyVersion };
  // one pass: what is missing, else the count of each class (this runs for every RHK of every employee at year end)
  let hilang: { id: I; label: string; reason: Reason }[] | null = null;
  let atas = 0;
  let sesuai = 0;
  let bawah = 0;
  for (const i of indikator) {
    const c = i.capaian;
    if (c.kind === 'missing' || c.kind === 'unscorable') (hilang ??= []).push({ id: i.id, label: i.label, reason: c.reason });
    else if (c.kelas === 'DI_ATAS') atas++;
    else if (c.kelas === 'SESUAI') sesuai++;
    else bawah++;
  }
  if (hilang) return { kind: 'withheld', hilang, reason: reason('scoring.rhk.withheld', { daftar: join(hilang.map((h) => h.label)) }), policyVersion };

  // every indicator is scored here (none is missing)
  const scored = indikator as readonly (IndikatorCapaian<I> & { capaian: Extract<Capaian, { kind: 'persen' | 'kualitatif' }> })[];
  const hitungan: Hitungan = { atas, sesuai, bawah, total: indikator.length };
  const kelas = byMajority(hitungan, policy.rhk.diBawahBila);
  const labelsOf = (k: Ekspektasi) => join(scored.filter((s) => s.capaian.kelas === k).map((s) => s.label));
  const params = { ...hitungan, kelas: EKSPEKTASI_LABEL[kelas] };
  const why =
    kelas === 'DI_BAWAH'
      ? reason(policy.rhk.diBawahBila === 'SATU' ? 'scoring.rhk.diBawahSatu' : 'scoring.rhk.diBawahSebagianBesar', { ...params, daftar: labelsOf('DI_BAWAH') })
      : kelas === 'DI_ATAS'
        ? reason('scoring.rhk.diAtas', { ...params, daftar: labelsOf('DI_ATAS') })
        : reason('scoring.rhk.sesuai', params);
  return {
    kind: 'kelas',
    kelas,
    hitungan,
    reason: why,
    rincian: scored.map((s) => ({ id: s.id, label: s.label, kelas: s.capaian.kelas, reason: rincianOf(s.capaian, s.label) })),
    policyVersion,
  };
}
