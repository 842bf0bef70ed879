import { z } from 'zod';

// The fields every form and query shares, defined once. Ids and versions are PostgreSQL
// `integer` columns: a number beyond INT4_MAX can name no row, and handing it to the database
// fails the whole request, so it is refused here like any other invalid value.

export const INT4_MAX = 2_147_483_647;

/** True for an integer a PostgreSQL `integer` id column can hold (1 … 2^31 − 1). */
export const isIntId = (n: number): boolean => Number.isSafeInteger(n) && n >= 1 && n <= INT4_MAX;

/** A required id from a form (a select's value, a hidden field). */
export const idField = z.coerce
  .number({ message: 'err.required' })
  .int('err.invalid')
  .positive('err.required')
  .max(INT4_MAX, 'err.invalid');

/** An id a form may leave empty: '' and a missing field both become null. */
export const optionalIdField = z
  .union([z.literal(''), idField])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

/**
 * The record's version a form carries (optimistic locking). Out of range means the form was
 * not one this app wrote: the same answer as a stale form (handleForm shows it at the top).
 */
export const versionField = z.coerce.number().int('err.staleForm').min(1, 'err.staleForm').max(INT4_MAX, 'err.staleForm');

/**
 * An id in a query string: a filter (unit, appraiser, cycle) or a keyset cursor. A value no row
 * could have is dropped, as the filters already do for anything that does not parse.
 */
export const queryId = idField.optional().catch(undefined);
