import { z } from 'zod';
import { EKSPEKTASI, type Ekspektasi } from '../../../domain/scoring/index.js';
import { idFilter, version } from '../../../schemas/primitives.js';

// The appraiser's form of the year (docs/domain/evaluasi-konfirmasi.md § Confirming): both
// ratings, the suggestions the page showed (hidden fields), a reason for each rating that differs
// from its suggestion or that has none (withheld), and the version of the answer the page showed
// (empty: there was none yet).

export const ALASAN_MIN = 10;
export const ALASAN_MAX = 2000;

export type KonfirmasiInput = {
  version: number | null;
  ratingHasilKerja: Ekspektasi;
  ratingPerilaku: Ekspektasi;
  alasanHasilKerja?: string | null;
  alasanPerilaku?: string | null;
  /** the suggestions the form was shown with (TIDAK_ADA: withheld) */
  saranHasilKerja?: Ekspektasi | 'TIDAK_ADA';
  saranPerilaku?: Ekspektasi | 'TIDAK_ADA';
};

const SARAN = [...EKSPEKTASI, 'TIDAK_ADA'] as const;
const alasan = z.string().trim().max(ALASAN_MAX, 'err.maxLength').optional().transform((v) => (v ? v : null));

/** A rating needs a reason when it differs from the suggestion shown, or when none was shown (withheld). */
export const perluAlasan = (saran: Ekspektasi | 'TIDAK_ADA', rating: Ekspektasi): boolean => saran === 'TIDAK_ADA' || saran !== rating;

export const konfirmasiForm = z
  .object({
    version: z.union([z.literal(''), version]).optional().transform((v) => (v === '' || v === undefined ? null : v)),
    ratingHasilKerja: z.enum(EKSPEKTASI, { message: 'evaluasi.err.ratingRequired' }),
    ratingPerilaku: z.enum(EKSPEKTASI, { message: 'evaluasi.err.ratingRequired' }),
    alasanHasilKerja: alasan,
    alasanPerilaku: alasan,
    // hidden fields: a form without them (not this app's) is checked by the service against the suggestion itself
    saranHasilKerja: z.enum(SARAN).optional().catch(undefined),
    saranPerilaku: z.enum(SARAN).optional().catch(undefined),
  })
  .superRefine((v, ctx) => {
    for (const [saran, rating, field] of [
      [v.saranHasilKerja, v.ratingHasilKerja, 'alasanHasilKerja'],
      [v.saranPerilaku, v.ratingPerilaku, 'alasanPerilaku'],
    ] as const) {
      if (saran === undefined || !perluAlasan(saran, rating)) continue;
      const given = v[field];
      if (!given || given.length < ALASAN_MIN) {
        ctx.addIssue({ code: 'custom', path: [field], message: saran === 'TIDAK_ADA' ? 'evaluasi.err.alasanDitahan' : 'evaluasi.err.alasanOverride' });
      }
    }
  })
  .transform((v): KonfirmasiInput => v);

export const antrianQuery = z.object({ siklusId: idFilter });
export const siklusQuery = z.object({ siklus: idFilter, siklusId: idFilter }).transform((v) => ({ siklusId: v.siklus ?? v.siklusId }));
