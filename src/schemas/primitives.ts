import { z } from 'zod';

// What every form has, defined once: the optimistic-locking version, ids (required, optional,
// or a filter in a query string), text fields, Indonesian decimals and calendar dates. Outside
// web/ because domain code reads the same decimals. Messages are message keys (src/i18n).

/** The largest value of a PostgreSQL `integer` (int4): ids and versions beyond it cannot exist. */
export const INT4_MAX = 2_147_483_647;

/** True for an integer a PostgreSQL `integer` id column can hold (1 … 2^31 − 1). */
export const isIntId = (n: number): boolean => Number.isSafeInteger(n) && n >= 1 && n <= INT4_MAX;

/**
 * The version a form was loaded with (optimistic locking; every edit form carries it). Out of
 * range means the form was not one this app wrote: the same answer as a stale form (handleForm
 * shows it at the top).
 */
export const version = z.coerce.number().int('err.staleForm').min(1, 'err.staleForm').max(INT4_MAX, 'err.staleForm');

/** A required id chosen in a form. */
export const id = z.coerce.number({ message: 'err.required' }).int('err.invalid').positive('err.required').max(INT4_MAX, 'err.invalid');

/** An optional id chosen in a form: an empty choice ('') or none is null. */
export const optionalId = z
  .union([z.literal(''), id])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

/** An id in a query string (a filter or a keyset cursor): a value no row could have is simply no filter. */
export const idFilter = z.coerce.number().int().positive().max(INT4_MAX).optional().catch(undefined);

/** Required text, trimmed, between `min` and `max` characters. */
export const text = (min: number, max: number) =>
  z.string({ message: 'err.required' }).trim().min(1, 'err.required').min(min, 'err.minLength').max(max, 'err.maxLength');

/** Optional text, trimmed; blank is null. */
export const optionalText = (max: number) => z.string().trim().max(max, 'err.maxLength').optional().transform((v) => (v ? v : null));

/**
 * A number as people type it here: "12,5" and "1.234,5" (Indonesian), "12.5" too. A dot
 * followed by groups of three digits only ("1.500") is a thousands separator. Blank is null,
 * anything else that is not a number NaN.
 */
export function parseAngka(raw: string): number | null {
  let s = raw.replace(/[\s\u00a0]/g, '');
  if (s === '') return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

/** Below this in absolute value, so it fits a numeric(18, 4) column. */
export const ANGKA_MAX = 1e13;

/** An optional decimal field written the Indonesian way (see parseAngka); blank is null. */
export const angka = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const n = parseAngka(v ?? '');
    if (n === null) return null;
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'skp.err.number' });
      return z.NEVER;
    }
    if (Math.abs(n) >= ANGKA_MAX) {
      ctx.addIssue({ code: 'custom', message: 'skp.err.numberTooLarge' });
      return z.NEVER;
    }
    return n;
  });

/** A calendar date as yyyy-mm-dd that exists (no 31 April, 29 February only in leap years). */
export const tanggal = z.iso.date('err.date');
