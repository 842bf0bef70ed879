import { z } from 'zod';
import { id, tanggal, version } from '../../schemas/primitives.js';

export const siklusForm = z.object({
  tahun: z.coerce.number({ message: 'err.required' }).int('err.invalid').min(2020, 'err.min').max(2100, 'err.max'),
  jenisPeriode: z.enum(['BULANAN', 'TRIWULANAN', 'SEMESTERAN'], { message: 'err.choice' }),
});

export const periodeRow = z.object({ id, mulai: tanggal, selesai: tanggal, batasPegawai: tanggal, batasPenilai: tanggal });
export const periodeForm = z.object({
  version,
  periode: z.array(periodeRow).min(1).max(12),
});

export const faseForm = z.object({
  version,
  ke: z.enum(['PERENCANAAN', 'PELAKSANAAN', 'PENILAIAN', 'KALIBRASI', 'SELESAI', 'ARSIP']),
});
