import type { DiBawahBila } from './policy.js';
import type { Ekspektasi } from './reason.js';

// The one counting rule behind the RHK classification and both ratings (docs/domain/scoring.md),
// shaped on the 6/2022 guidance for Rating Hasil Kerja: "most or all above and none below" is
// above; "most or all below" is below; anything else is as expected. "Most" is more than half.

export type Hitungan = { atas: number; sesuai: number; bawah: number; total: number };

export function count(kelas: readonly Ekspektasi[]): Hitungan {
  let atas = 0;
  let sesuai = 0;
  let bawah = 0;
  for (const k of kelas) {
    if (k === 'DI_ATAS') atas++;
    else if (k === 'SESUAI') sesuai++;
    else if (k === 'DI_BAWAH') bawah++;
  }
  return { atas, sesuai, bawah, total: kelas.length };
}

/** More than half: 2 of 3, 3 of 4, 4 of 7; not 2 of 4. */
export const most = (part: number, total: number) => part * 2 > total;

/**
 * Below when `diBawahBila` says so (one below, or most below); else above when most are above
 * and `noneBelow` holds (by default: none of the group is below); else as expected.
 */
export function byMajority(h: Hitungan, diBawahBila: DiBawahBila, noneBelow = h.bawah === 0): Ekspektasi {
  if (diBawahBila === 'SATU' ? h.bawah > 0 : most(h.bawah, h.total)) return 'DI_BAWAH';
  if (most(h.atas, h.total) && noneBelow) return 'DI_ATAS';
  return 'SESUAI';
}
