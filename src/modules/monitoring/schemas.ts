import { z } from 'zod';
import { id, idFilter } from '../../schemas/primitives.js';

// Monitoring Pengisian's query string (period, unit, the late list's keyset cursor) and the manual reminder's form.

export const monitoringQuery = z.object({
  periode: idFilter,
  unit: idFilter,
  /** the late list after this SKP (keyset, by name) */
  setelah: idFilter,
});
export type MonitoringQuery = z.infer<typeof monitoringQuery>;

export const pengingatForm = z.object({
  periodeId: id,
  pegawaiId: id,
  /** where to come back to (the page's unit), optional */
  unit: z.union([z.literal(''), id]).optional().transform((v) => (v === '' || v === undefined ? null : v)),
});
export type PengingatInput = z.infer<typeof pengingatForm>;
