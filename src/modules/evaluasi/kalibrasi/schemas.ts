import { z } from 'zod';
import { PREDIKAT_ORGANISASI } from '../../../domain/scoring/distribusi.js';
import { angka, idFilter, INT4_MAX, text } from '../../../schemas/primitives.js';

// The forms and query strings of the organisation predikat and calibration pages.

/** ?siklus= on every page (a value no cycle could have is simply no choice). */
export const siklusQuery = z.object({ siklus: idFilter });

/** The calibration page's query: the cycle, the ranking's page (1-based), and "only my appraisees". */
export const unitQuery = siklusQuery.extend({
  hal: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  saya: z.literal('1').optional().catch(undefined),
});
export type UnitQuery = z.output<typeof unitQuery>;

/** The version a form was shown with: blank for a record not yet made (null). */
const versionOrNew = z
  .union([z.literal(''), z.coerce.number().int('err.staleForm').min(1, 'err.staleForm').max(INT4_MAX, 'err.staleForm')])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

/** The capaian of the Perjanjian Kinerja, in percent: required, 0 … 99.999,99 with at most two decimals (numeric(7, 2)). */
const capaianPk = angka.superRefine((v, ctx) => {
  if (v === null) ctx.addIssue({ code: 'custom', message: 'err.required' });
  else if (v < 0 || v >= 100_000) ctx.addIssue({ code: 'custom', message: 'kalibrasi.predikat.err.capaianRentang' });
  else if (Math.round(v * 100) !== Number((v * 100).toFixed(6))) ctx.addIssue({ code: 'custom', message: 'kalibrasi.predikat.err.capaianDesimal' });
});

export const predikatForm = z.object({
  version: versionOrNew,
  predikat: z.enum(PREDIKAT_ORGANISASI, { message: 'kalibrasi.predikat.err.predikat' }),
  capaianPk,
  dasar: text(10, 4000),
});
export type PredikatInput = { version: number | null; predikat: (typeof PREDIKAT_ORGANISASI)[number]; capaianPk: number; dasar: string };

export const justifikasiForm = z.object({
  version: versionOrNew,
  justifikasi: text(20, 8000),
});
export type JustifikasiInput = z.output<typeof justifikasiForm>;
