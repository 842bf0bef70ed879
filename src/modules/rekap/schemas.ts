import { z } from 'zod';
import { idFilter } from '../../schemas/primitives.js';

// The recap pages' and exports' query string (docs/domain/rekap.md): the cycle, the unit (its
// subtree), and the angka kredit list's keyset cursor (the employee after whom the page goes on).

export const rekapQuery = z.object({
  siklus: idFilter,
  unit: idFilter,
  setelah: idFilter,
});
export type RekapQuery = z.infer<typeof rekapQuery>;
