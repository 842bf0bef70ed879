import { z } from 'zod';
import { targetProblems } from '../../domain/target.js';
import { GABUNG_PERIODE } from '../../domain/target-periode.js';
import { ASPEK, INDIKATOR_FIELDS, INDIKATOR_FIELD_NAMES, keepOwnTarget, JENIS_LAMPIRAN, JENIS_RHK, JENIS_TARGET, LEBIH_BAIK, PENDEKATAN, PERSPEKTIF, type IndikatorField } from '../../domain/skp-document.js';
import { angka, idFilter, optionalId, optionalText, text, version } from '../../schemas/primitives.js';

// The employee's SKP forms. Every form carries the SKP's `version` (optimistic locking).

export const versionForm = z.object({ version });

export const pendekatanForm = z.object({ version, pendekatan: z.enum(PENDEKATAN, { message: 'err.choice' }) });

const rhkBase = z.object({
  version,
  jenis: z.enum(JENIS_RHK, { message: 'err.choice' }),
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

/**
 * How the indicator form reads each field of the document model: typed against the model's
 * field list, so a field added there must be given its form field here.
 */
const indikatorFields = {
  aspek: z.enum(ASPEK, { message: 'err.choice' }),
  teks: text(3, 1000),
  jenisTarget: z.enum(JENIS_TARGET, { message: 'err.choice' }),
  targetAngka: angka,
  targetMin: angka,
  targetMax: angka,
  satuan: optionalText(60),
  targetTeks: optionalText(1000),
  lebihBaik: z.enum(LEBIH_BAIK, { message: 'err.choice' }).default('TINGGI'),
  gabungPeriode: z.enum(GABUNG_PERIODE, { message: 'err.choice' }).default('TERAKHIR'),
} satisfies Record<IndikatorField, z.ZodType>;

/** An indicator with its target, checked by the target rules for the SKP's approach. */
export const indikatorForm = (pendekatan: (typeof PENDEKATAN)[number]) =>
  z
    .object({ version, ...indikatorFields })
    .superRefine((v, ctx) => {
      for (const [field, key] of Object.entries(targetProblems(v, pendekatan))) ctx.addIssue({ code: 'custom', path: [field], message: key });
    })
    // Keep only the fields that belong to the chosen kind of target.
    .transform(keepOwnTarget);
export type IndikatorInput = z.output<ReturnType<typeof indikatorForm>>;

/** A stored indicator as the form shows it again: decimals with a comma, blank for none. */
export function indikatorFormValues(i: { [K in IndikatorField]: unknown }): Record<IndikatorField, string> {
  const show = (f: IndikatorField, v: unknown): string => {
    if (v === null || v === undefined) return '';
    switch (INDIKATOR_FIELDS[f].kind) {
      case 'decimal': return String(v).replace('.', ',');
      case 'boolean': return v ? '1' : '';
      default: return String(v);
    }
  };
  return Object.fromEntries(INDIKATOR_FIELD_NAMES.map((f) => [f, show(f, i[f])])) as Record<IndikatorField, string>;
}

export const lampiranForm = z.object({ version, jenis: z.enum(JENIS_LAMPIRAN, { message: 'err.choice' }), teks: text(3, 500) });

export const siklusQuery = z.object({ siklus: idFilter });
