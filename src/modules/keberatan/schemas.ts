import { z } from 'zod';
import { EKSPEKTASI } from '../../domain/scoring/index.js';
import { idFilter, text, version } from '../../schemas/primitives.js';

// The forms of an objection (docs/domain/keberatan.md): filing (reasons; attachments come one per
// post and are held in the session until the objection is filed), the decider's request for the
// appraiser's response, the response, and the decision.

export const ALASAN_MIN = 20;
export const ALASAN_MAX = 4000;
/** At most this many attachments per objection (the employee's), and per response. */
export const LAMPIRAN_MAKS = 20;

/** What a multipart post of a form with held attachments says besides its own fields. */
const held = {
  /** the token of the attachments held so far (src/web/held-upload.ts) */
  lampiranToken: z.string().max(100).optional(),
  /** which button: add the chosen file / remove one held / send the form */
  aksi: z.enum(['lampiran', 'hapus', 'kirim']).catch('kirim'),
  hapus: z.coerce.number().int().min(0).max(LAMPIRAN_MAKS).optional().catch(undefined),
};

export const ajukanForm = z.object({ ...held, alasan: text(ALASAN_MIN, ALASAN_MAX) });
export type AjukanInput = z.output<typeof ajukanForm>;

export const mintaTanggapanForm = z.object({ version, permintaan: text(10, 2000) });

export const tanggapanForm = z.object({ ...held, version, tanggapan: text(10, ALASAN_MAX) });

export const putusForm = z
  .object({
    version,
    keputusan: z.enum(['TETAP', 'UBAH'], { message: 'keberatan.err.keputusan' }),
    ratingHasilKerja: z.enum(EKSPEKTASI).optional().catch(undefined),
    ratingPerilaku: z.enum(EKSPEKTASI).optional().catch(undefined),
    alasanKeputusan: text(20, ALASAN_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.keputusan !== 'UBAH') return;
    if (!v.ratingHasilKerja) ctx.addIssue({ code: 'custom', path: ['ratingHasilKerja'], message: 'keberatan.err.ratingWajib' });
    if (!v.ratingPerilaku) ctx.addIssue({ code: 'custom', path: ['ratingPerilaku'], message: 'keberatan.err.ratingWajib' });
  });
export type PutusInput = z.output<typeof putusForm>;

export const STATUS_KEBERATAN = ['DIAJUKAN', 'TANGGAPAN_DIMINTA', 'DITANGGAPI', 'DIPUTUS'] as const;
export const daftarQuery = z.object({
  siklus: idFilter,
  status: z.enum(STATUS_KEBERATAN).optional().catch(undefined),
});
export const siklusQuery = z.object({ siklus: idFilter });
