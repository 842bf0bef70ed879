import { z } from 'zod';
import { id, tanggal, version } from '../../schemas/primitives.js';
import { ZONA_WAKTU, type ZonaWaktu } from '../../domain/periode-laporan.js';

/** The agency's time zone: a period closes at the end of its deadline day there (docs/domain/laporan.md). */
export const zonaWaktu = z.enum(Object.keys(ZONA_WAKTU) as [ZonaWaktu, ...ZonaWaktu[]], { message: 'err.choice' });

export const siklusForm = z.object({
  tahun: z.coerce.number({ message: 'err.required' }).int('err.invalid').min(2020, 'err.min').max(2100, 'err.max'),
  jenisPeriode: z.enum(['BULANAN', 'TRIWULANAN', 'SEMESTERAN'], { message: 'err.choice' }),
  zonaWaktu: zonaWaktu.default('Asia/Jakarta'),
});

export const periodeRow = z.object({ id, mulai: tanggal, selesai: tanggal, batasPegawai: tanggal, batasPenilai: tanggal });
export const periodeForm = z.object({
  version,
  // absent (an older form): the cycle keeps its zone
  zonaWaktu: zonaWaktu.optional(),
  periode: z.array(periodeRow).min(1).max(12),
});

export const faseForm = z.object({
  version,
  ke: z.enum(['PERENCANAAN', 'PELAKSANAAN', 'PENILAIAN', 'KALIBRASI', 'SELESAI', 'ARSIP']),
});
