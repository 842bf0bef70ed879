import { z } from 'zod';

export const siklusForm = z.object({
  tahun: z.coerce.number({ message: 'err.required' }).int('err.invalid').min(2020, 'err.min').max(2100, 'err.max'),
  jenisPeriode: z.enum(['BULANAN', 'TRIWULANAN', 'SEMESTERAN'], { message: 'err.choice' }),
});

const date = z.iso.date('err.date');
export const periodeRow = z.object({ id: z.coerce.number().int().positive(), mulai: date, selesai: date, batasPegawai: date, batasPenilai: date });
export const periodeForm = z.object({
  version: z.coerce.number().int().min(1),
  periode: z.array(periodeRow).min(1).max(12),
});

export const faseForm = z.object({
  version: z.coerce.number().int().min(1),
  ke: z.enum(['PERENCANAAN', 'PELAKSANAAN', 'PENILAIAN', 'KALIBRASI', 'SELESAI', 'ARSIP']),
});
