import { z } from 'zod';
import { id, idFilter, optionalText, tanggal, version } from '../../schemas/primitives.js';

// The forms of a recorded move (docs/domain/mutasi.md).

const nip = z
  .string()
  .trim()
  .max(30)
  .optional()
  .transform((v) => (v ? v.replace(/\s/g, '') : null));

/** HR records a move: the new position (its unit follows) and appraiser, from the TMT date. */
export const mutasiForm = z.object({
  version,
  /** The open SKP's version, when a new SKP is to start from the TMT. */
  skpVersion: idFilter,
  jenis: z.enum(['MUTASI', 'PROMOSI'], { message: 'err.choice' }),
  tmt: tanggal,
  jabatanId: id,
  penilaiNip: nip,
  keterangan: optionalText(200),
  skpBaru: z
    .string()
    .optional()
    .transform((v) => v === '1'),
});
export type MutasiInput = z.output<typeof mutasiForm>;

/**
 * HR moves open SKPs to the employee's current appraiser: one (a row's button) or all listed
 * (the list's button). Either way the form names each SKP with the version it was listed at,
 * "id:version,id:version", so an SKP changed in between is refused, not moved unseen.
 */
export const pindahPenilaiForm = z.object({
  daftar: z
    .string({ message: 'err.staleForm' })
    .trim()
    .regex(/^\d{1,9}:\d{1,9}(,\d{1,9}:\d{1,9}){0,999}$/, 'err.staleForm')
    .transform((v) => v.split(',').map((pair) => { const [id, ver] = pair.split(':').map(Number); return { id: id!, version: ver! }; })),
});
export type PindahPenilaiInput = z.output<typeof pindahPenilaiForm>;
