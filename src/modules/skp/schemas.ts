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
 * An RHK. A JPT names a perspective; anyone else links the appraiser's RHK it intervenes,
 * required once the appraiser has written any (drafts count). Either may say who assigned it
 * ("penugasan dari"): both official forms print it after the RHK (docs/domain/skp.md).
 */
export const rhkForm = (opts: { isJpt: boolean; linkRequired: boolean }) =>
  rhkBase
    .superRefine((v, ctx) => {
      if (opts.isJpt && !v.perspektif) ctx.addIssue({ code: 'custom', path: ['perspektif'], message: 'skp.rhk.perspektifRequired' });
      if (!opts.isJpt && opts.linkRequired && v.rhkAtasanId === null) ctx.addIssue({ code: 'custom', path: ['rhkAtasanId'], message: 'skp.rhk.linkRequired' });
    })
    .transform((v) => (opts.isJpt ? { ...v, rhkAtasanId: null } : { ...v, perspektif: null }));
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
      default: return String(v);
    }
  };
  return Object.fromEntries(INDIKATOR_FIELD_NAMES.map((f) => [f, show(f, i[f])])) as Record<IndikatorField, string>;
}

export const lampiranForm = z.object({ version, jenis: z.enum(JENIS_LAMPIRAN, { message: 'err.choice' }), teks: text(3, 500) });

export const siklusQuery = z.object({ siklus: idFilter });

// ---- Rencana aksi and period targets (one form per RHK: every period of the cycle) ----------------

/** At most this many rencana aksi per RHK and period, each at most RENCANA_AKSI_MAX characters. */
export const RENCANA_AKSI_PER_PERIODE = 20;
export const RENCANA_AKSI_MAX = 500;

/** The form's field names: one textarea per period, one target (or two bounds) per indicator and period. */
export const periodeField = {
  aksi: (periodeId: number) => `aksi_${periodeId}`,
  angka: (indikatorId: number, periodeId: number) => `t_${indikatorId}_${periodeId}`,
  min: (indikatorId: number, periodeId: number) => `tmin_${indikatorId}_${periodeId}`,
  max: (indikatorId: number, periodeId: number) => `tmax_${indikatorId}_${periodeId}`,
  teks: (indikatorId: number, periodeId: number) => `tteks_${indikatorId}_${periodeId}`,
};

type IndikatorForPeriode = { id: number; jenisTarget: (typeof JENIS_TARGET)[number]; lebihBaik: string };
export type TargetPeriodeInput = { indikatorId: number; periodeId: number; targetAngka: number | null; targetMin: number | null; targetMax: number | null; targetTeks: string | null };
export type PeriodePlanInput = { version: number; aksi: { periodeId: number; teks: string[] }[]; target: TargetPeriodeInput[] };

/**
 * The period plan of one RHK: the lines of each period's rencana aksi (blank lines dropped) and
 * each indicator's target per period (blank = the year's target), in the kind of the year's
 * target, Indonesian decimals. Problems are reported on the field they belong to.
 */
export function periodePlanForm(periode: { id: number }[], indikator: IndikatorForPeriode[]) {
  const shape: Record<string, z.ZodType> = { version };
  for (const p of periode) {
    shape[periodeField.aksi(p.id)] = z
      .string()
      .optional()
      .transform((v, ctx) => {
        const lines = (v ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
        if (lines.length > RENCANA_AKSI_PER_PERIODE) ctx.addIssue({ code: 'custom', message: 'skp.periode.tooMany' });
        if (lines.some((l) => l.length > RENCANA_AKSI_MAX)) ctx.addIssue({ code: 'custom', message: 'skp.periode.lineTooLong' });
        return lines;
      });
    for (const i of indikator) {
      if (i.jenisTarget === 'ANGKA') shape[periodeField.angka(i.id, p.id)] = angka;
      else if (i.jenisTarget === 'RENTANG') {
        shape[periodeField.min(i.id, p.id)] = angka;
        shape[periodeField.max(i.id, p.id)] = angka;
      } else shape[periodeField.teks(i.id, p.id)] = optionalText(1000);
    }
  }
  return z
    .object(shape)
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      for (const p of periode) {
        for (const i of indikator) {
          if (i.jenisTarget === 'ANGKA') {
            const f = periodeField.angka(i.id, p.id);
            const n = v[f] as number | null;
            if (n !== null && n < 0) issue(f, 'skp.periode.negative');
            else if (n === 0 && i.lebihBaik === 'RENDAH') issue(f, 'target.lowerZero');
          } else if (i.jenisTarget === 'RENTANG') {
            const fmin = periodeField.min(i.id, p.id);
            const fmax = periodeField.max(i.id, p.id);
            const min = v[fmin] as number | null;
            const max = v[fmax] as number | null;
            if ((min === null) !== (max === null)) issue(min === null ? fmin : fmax, 'skp.periode.boundMissing');
            else if (min !== null && max !== null) {
              if (min < 0 || max < 0) issue(min < 0 ? fmin : fmax, 'skp.periode.negative');
              else if (min > max) issue(fmax, 'skp.periode.minAboveMax');
              else if (min === max) issue(fmax, 'target.rangeEmpty');
            }
          }
        }
      }
    })
    .transform((v): PeriodePlanInput => ({
      version: v.version as number,
      aksi: periode.map((p) => ({ periodeId: p.id, teks: v[periodeField.aksi(p.id)] as string[] })),
      target: periode.flatMap((p) =>
        indikator.map((i) => ({
          indikatorId: i.id,
          periodeId: p.id,
          targetAngka: i.jenisTarget === 'ANGKA' ? (v[periodeField.angka(i.id, p.id)] as number | null) : null,
          targetMin: i.jenisTarget === 'RENTANG' ? (v[periodeField.min(i.id, p.id)] as number | null) : null,
          targetMax: i.jenisTarget === 'RENTANG' ? (v[periodeField.max(i.id, p.id)] as number | null) : null,
          targetTeks: i.jenisTarget === 'KUALITATIF' ? (v[periodeField.teks(i.id, p.id)] as string | null) : null,
        })),
      ),
    }));
}

/** The stored plan of an RHK as the form shows it: lines joined, decimals with a comma. */
export function periodePlanValues(
  periode: { id: number }[],
  rhk: { rencanaAksi: { periodeId: number; teks: string }[]; indikator: { id: number; targetPeriode: { periodeId: number; targetAngka: unknown; targetMin: unknown; targetMax: unknown; targetTeks: string | null }[] }[] },
): Record<string, string> {
  const dec = (v: unknown) => (v === null || v === undefined ? '' : String(v).replace('.', ','));
  const out: Record<string, string> = {};
  for (const p of periode) out[periodeField.aksi(p.id)] = rhk.rencanaAksi.filter((a) => a.periodeId === p.id).map((a) => a.teks).join('\n');
  for (const i of rhk.indikator) {
    for (const t of i.targetPeriode) {
      out[periodeField.angka(i.id, t.periodeId)] = dec(t.targetAngka);
      out[periodeField.min(i.id, t.periodeId)] = dec(t.targetMin);
      out[periodeField.max(i.id, t.periodeId)] = dec(t.targetMax);
      out[periodeField.teks(i.id, t.periodeId)] = t.targetTeks ?? '';
    }
  }
  return out;
}
