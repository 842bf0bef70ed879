import { z } from 'zod';
import { idField, INT4_MAX, queryId } from '../../schemas/fields.js';

const id = idField;
const optionalId = z
  .union([z.literal(''), idField])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));
const nama = z.string({ message: 'err.required' }).trim().min(1, 'err.required').min(3, 'err.minLength').max(200, 'err.maxLength');

/** "Simpan sebagai templat": an SKP, the name, and the position (default: the owner's). */
export const templatForm = z.object({ skpId: id, nama, jabatanId: optionalId });
export type TemplatInput = z.infer<typeof templatForm>;

export const templatRename = z.object({ nama });

export const terapkanForm = z.object({ siklusId: z.coerce.number({ message: 'templat.err.pilihSiklus' }).int().positive('templat.err.pilihSiklus').max(INT4_MAX, 'templat.err.pilihSiklus') });

/** Finding the SKP to copy from. */
export const cariSkpQuery = z.object({
  skpId: queryId,
  siklusId: queryId,
  q: z.string().trim().max(100).optional().catch(undefined).transform((v) => (v ? v : undefined)),
});
export type CariSkpQuery = z.output<typeof cariSkpQuery>;

// What a template holds (skp_templat.data): the SKP's content without anything tied to one
// person or cycle (no links to the appraiser's RHKs, no ekspektasi khusus, no realisasi).
const dec = z.string().regex(/^-?\d+(\.\d+)?$/).nullable();
export const templatIndikator = z.object({
  aspek: z.enum(['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA']),
  urutan: z.number().int().positive(),
  teks: z.string().min(1),
  jenisTarget: z.enum(['ANGKA', 'RENTANG', 'KUALITATIF']),
  targetAngka: dec,
  targetMin: dec,
  targetMax: dec,
  satuan: z.string().max(60).nullable(),
  targetTeks: z.string().nullable(),
  lebihBaik: z.string().max(10),
  kumulatif: z.boolean(),
});
export const templatRhk = z.object({
  jenis: z.enum(['UTAMA', 'TAMBAHAN']),
  urutan: z.number().int().positive(),
  teks: z.string().min(1),
  perspektif: z.enum(['PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN']).nullable(),
  penugasanDari: z.string().max(200).nullable(),
  indikator: z.array(templatIndikator),
});
export const templatData = z.object({
  sumber: z.object({ skpId: z.number(), tahun: z.number(), nip: z.string(), nama: z.string() }).optional(),
  pendekatan: z.enum(['KUANTITATIF', 'KUALITATIF']),
  jenisJabatan: z.string().nullable(),
  rhk: z.array(templatRhk).min(1),
  lampiran: z.array(z.object({ jenis: z.enum(['DUKUNGAN_SUMBER_DAYA', 'SKEMA_PERTANGGUNGJAWABAN', 'KONSEKUENSI']), urutan: z.number().int().positive(), teks: z.string().min(1) })),
});
export type TemplatData = z.infer<typeof templatData>;
