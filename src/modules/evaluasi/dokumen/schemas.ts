import { z } from 'zod';
import { idFilter } from '../../../schemas/primitives.js';

// The inputs of the Dokumen Evaluasi pages (docs/domain/dokumen-evaluasi.md): only the cycle.

/** `?siklus=` (the links carry it), or the default choice of cycle. */
export const dokumenQuery = z.object({ siklus: idFilter }).transform((v) => ({ siklusId: v.siklus }));
/** The Penetapan Predikat print's `?siklus=`. */
export const penetapanQuery = z.object({ siklus: idFilter });
