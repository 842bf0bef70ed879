import { z } from 'zod';
import { idField, versionField } from '../../schemas/fields.js';

export const siklusForm = z.object({
  tahun: z.coerce.number({ message: 'err.required' }).int('err.invalid').min(2020, 'err.min').max(2100, 'err.max'),
  jenisPeriode: z.enum(['BULANAN', 'TRIWULANAN', 'SEMESTERAN'], { message: 'err.choice' }),
});

const date = z.iso.date('err.date');
export const periodeRow = z.object({ id: idField, mulai: date, selesai: date, batasPegawai: date, batasPenilai: date });
export const periodeForm = z.object({
  version: versionField,
  periode: z.array(periodeRow).min(1).max(12),
});

export const faseForm = z.object({
  version: versionField,
  ke: z.enum(['PERENCANAAN', 'PELAKSANAAN', 'PENILAIAN', 'KALIBRASI', 'SELESAI', 'ARSIP']),
});
