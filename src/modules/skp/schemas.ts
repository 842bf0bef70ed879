import { z } from 'zod';
import { targetProblems } from '../../domain/target.js';
import { optionalIdField, queryId, versionField } from '../../schemas/fields.js';

// The employee's SKP forms. Every form carries the SKP's `version` (optimistic locking).

export const version = versionField;
const text = (min: number, max: number) => z.string({ message: 'err.required' }).trim().min(1, 'err.required').min(min, 'err.minLength').max(max, 'err.maxLength');
const optionalText = (max: number) => z.string().trim().max(max, 'err.maxLength').optional().transform((v) => (v ? v : null));
const optionalId = optionalIdField;

/**
 * A number as people type it here: "12,5" and "1.234,5" (Indonesian), "12.5" too. A dot
 * followed by groups of three digits only ("1.500") is a thousands separator.
 */
export function parseAngka(raw: string): number | null {
  let s = raw.replace(/[\s\u00a0]/g, '');
  if (s === '') return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

const angka = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const n = parseAngka(v ?? '');
    if (n === null) return null;
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'skp.err.number' });
      return z.NEVER;
    }
    if (Math.abs(n) >= 1e13) {
      ctx.addIssue({ code: 'custom', message: 'skp.err.numberTooLarge' });
      return z.NEVER;
    }
    return n;
  });

export const PERSPEKTIF = ['PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN'] as const;
export const ASPEK = ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'] as const;
export const JENIS_LAMPIRAN = ['DUKUNGAN_SUMBER_DAYA', 'SKEMA_PERTANGGUNGJAWABAN', 'KONSEKUENSI'] as const;

export const versionForm = z.object({ version });

export const pendekatanForm = z.object({ version, pendekatan: z.enum(['KUANTITATIF', 'KUALITATIF'], { message: 'err.choice' }) });

const rhkBase = z.object({
  version,
  jenis: z.enum(['UTAMA', 'TAMBAHAN'], { message: 'err.choice' }),
  teks: text(5, 1000),
  rhkAtasanId: optionalId,
  perspektif: z
    .union([z.literal(''), z.enum(PERSPEKTIF, { message: 'err.choice' })])
    .optional()
    .transform((v) => (v ? v : null)),
  penugasanDari: optionalText(200),
});

/**
 * An RHK. A JPT names a perspective (and optionally who assigned it); anyone else links the
 * appraiser's RHK it intervenes, required once the appraiser has written any (drafts count).
 */
export const rhkForm = (opts: { isJpt: boolean; linkRequired: boolean }) =>
  rhkBase
    .superRefine((v, ctx) => {
      if (opts.isJpt && !v.perspektif) ctx.addIssue({ code: 'custom', path: ['perspektif'], message: 'skp.rhk.perspektifRequired' });
      if (!opts.isJpt && opts.linkRequired && v.rhkAtasanId === null) ctx.addIssue({ code: 'custom', path: ['rhkAtasanId'], message: 'skp.rhk.linkRequired' });
    })
    .transform((v) => (opts.isJpt ? { ...v, rhkAtasanId: null } : { ...v, perspektif: null, penugasanDari: null }));
export type RhkInput = z.output<ReturnType<typeof rhkForm>>;

/** An indicator with its target, checked by the target rules for the SKP's approach. */
export const indikatorForm = (pendekatan: 'KUANTITATIF' | 'KUALITATIF') =>
  z
    .object({
      version,
      aspek: z.enum(ASPEK, { message: 'err.choice' }),
      teks: text(3, 1000),
      jenisTarget: z.enum(['ANGKA', 'RENTANG', 'KUALITATIF'], { message: 'err.choice' }),
      targetAngka: angka,
      targetMin: angka,
      targetMax: angka,
      satuan: optionalText(60),
      targetTeks: optionalText(1000),
      lebihBaik: z.enum(['TINGGI', 'RENDAH'], { message: 'err.choice' }).default('TINGGI'),
      kumulatif: z
        .union([z.literal('1'), z.literal('on'), z.literal('')])
        .optional()
        .transform((v) => v === '1' || v === 'on'),
    })
    .superRefine((v, ctx) => {
      for (const [field, key] of Object.entries(targetProblems(v, pendekatan))) {
        // The cumulative rule is reported under lebihBaik by the domain; it belongs to the checkbox.
        ctx.addIssue({ code: 'custom', path: [key === 'target.kumulatifQualitative' ? 'kumulatif' : field], message: key });
      }
    })
    // Keep only the fields that belong to the chosen kind of target.
    .transform((v) => ({
      ...v,
      targetAngka: v.jenisTarget === 'ANGKA' ? v.targetAngka : null,
      targetMin: v.jenisTarget === 'RENTANG' ? v.targetMin : null,
      targetMax: v.jenisTarget === 'RENTANG' ? v.targetMax : null,
      satuan: v.jenisTarget === 'KUALITATIF' ? null : v.satuan,
      targetTeks: v.jenisTarget === 'KUALITATIF' ? v.targetTeks : null,
    }));
export type IndikatorInput = z.output<ReturnType<typeof indikatorForm>>;

export const lampiranForm = z.object({ version, jenis: z.enum(JENIS_LAMPIRAN, { message: 'err.choice' }), teks: text(3, 500) });

export const siklusQuery = z.object({ siklus: queryId });
