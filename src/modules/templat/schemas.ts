import { z } from 'zod';
import { indikatorIsi, lampiranIsi, legacyKumulatif, PENDEKATAN, rhkIsi } from '../../domain/skp-document.js';
import { id, idFilter, INT4_MAX, optionalId, text } from '../../schemas/primitives.js';

const nama = text(3, 200);

/** "Simpan sebagai templat": an SKP, the name, and the position (default: the owner's). */
export const templatForm = z.object({ skpId: id, nama, jabatanId: optionalId });
export type TemplatInput = z.infer<typeof templatForm>;

export const templatRename = z.object({ nama });

export const applyForm = z.object({ siklusId: z.coerce.number({ message: 'templat.err.pilihSiklus' }).int().positive('templat.err.pilihSiklus').max(INT4_MAX, 'templat.err.pilihSiklus') });

/** Finding the SKP to copy from. */
export const searchSkpQuery = z.object({
  skpId: idFilter,
  siklusId: idFilter,
  q: z.string().trim().max(100).optional().catch(undefined).transform((v) => (v ? v : undefined)),
});
export type SearchSkpQuery = z.output<typeof searchSkpQuery>;

// What a template holds (skp_templat.data): the SKP's content without anything tied to one
// person or cycle (no links to the appraiser's RHKs, no ekspektasi khusus, no realisasi). The
// RHK and indicator content is the document model's (domain/skp-document.ts).
// templates saved before gabungPeriode carry `kumulatif` (read as JUMLAH / TERAKHIR)
export const templatIndikator = legacyKumulatif(indikatorIsi.extend({ urutan: z.number().int().positive() }));
export const templatRhk = rhkIsi.extend({ urutan: z.number().int().positive(), indikator: z.array(templatIndikator) });
export const templatData = z.object({
  sumber: z.object({ skpId: z.number(), tahun: z.number(), nip: z.string(), nama: z.string() }).optional(),
  pendekatan: z.enum(PENDEKATAN),
  jenisJabatan: z.string().nullable(),
  rhk: z.array(templatRhk).min(1),
  lampiran: z.array(lampiranIsi.extend({ urutan: z.number().int().positive(), teks: z.string().min(1) })),
});
export type TemplatData = z.infer<typeof templatData>;
