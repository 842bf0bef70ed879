import { z } from 'zod';
import { id, idFilter } from '../../../schemas/primitives.js';

// Finalisation's inputs: the cycle in the query string, and the POST (the cycle and a unit, or
// none for the whole agency).

export const finalisasiQuery = z.object({ siklus: idFilter });

export const finalisasiForm = z.object({
  siklus: id,
  /** '' or absent: every unit of the agency */
  unit: z.union([z.literal(''), id]).optional().transform((v) => (v === '' || v === undefined ? null : v)),
});
