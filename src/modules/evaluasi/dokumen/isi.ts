import { z } from 'zod';
import type { Tx } from '../../../db/client.js';
import { NotFound } from '../../../errors.js';

// What an issued Dokumen Evaluasi Kinerja says, frozen at issue (docs/domain/dokumen-evaluasi.md).
// SCAFFOLD: the ratings only; the document's full content (identity, capaian table, feedback, the
// organisation's predikat and curve, signers) is built here next.

export const isiDokumenSchema = z.object({
  versi: z.literal(1),
  tahun: z.number().int(),
  ratingHasilKerja: z.enum(['DI_BAWAH', 'SESUAI', 'DI_ATAS']),
  ratingPerilaku: z.enum(['DI_BAWAH', 'SESUAI', 'DI_ATAS']),
  predikat: z.enum(['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']),
});
export type IsiDokumen = z.infer<typeof isiDokumenSchema>;

/** The document's content from the evaluation as it stands now, read inside the caller's transaction. */
export async function bacaIsiDokumen(tx: Tx, evaluasiId: number): Promise<IsiDokumen> {
  const e = await tx.evaluasiTahunan.findUnique({ where: { id: evaluasiId }, include: { siklus: { select: { tahun: true } } } });
  if (!e) throw new NotFound();
  return { versi: 1, tahun: e.siklus.tahun, ratingHasilKerja: e.ratingHasilKerja, ratingPerilaku: e.ratingPerilaku, predikat: e.predikat };
}
