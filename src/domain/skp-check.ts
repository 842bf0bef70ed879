// What must hold before an SKP can be submitted (docs/domain/skp.md § Submission): at least one
// RHK UTAMA; every RHK has an indicator; a JPT RHK carries a perspektif, any other RHK names the
// appraiser's RHK it intervenes (unless the employee has no appraiser in the app), and that RHK
// must exist in the appraiser's SKP of the same cycle.

export type RhkForCheck = { id: number; urutan: number; jenis: 'UTAMA' | 'TAMBAHAN'; teks: string; rhkAtasanId: number | null; perspektif: string | null; indikatorCount: number };

export type SkpProblem = { key: string; params?: Record<string, string | number> };

export function submissionProblems(opts: {
  isJpt: boolean;
  hasPenilai: boolean;
  rhk: RhkForCheck[];
  /** ids of the RHKs in the appraiser's SKP of the same cycle (drafts included) */
  atasanRhkIds: ReadonlySet<number>;
}): SkpProblem[] {
  const out: SkpProblem[] = [];
  if (!opts.rhk.some((r) => r.jenis === 'UTAMA')) out.push({ key: 'skp.check.noUtama' });
  for (const r of opts.rhk) {
    const label = `${r.jenis === 'UTAMA' ? 'A' : 'B'}.${r.urutan} ${r.teks.length > 60 ? r.teks.slice(0, 57) + '…' : r.teks}`;
    if (r.indikatorCount === 0) out.push({ key: 'skp.check.noIndikator', params: { rhk: label } });
    if (opts.isJpt) {
      if (!r.perspektif) out.push({ key: 'skp.check.noPerspektif', params: { rhk: label } });
    } else if (opts.hasPenilai) {
      if (r.rhkAtasanId === null) out.push({ key: 'skp.check.noIntervensi', params: { rhk: label } });
      else if (!opts.atasanRhkIds.has(r.rhkAtasanId)) out.push({ key: 'skp.check.intervensiMissing', params: { rhk: label } });
    }
  }
  return out;
}
