import { NotFound } from '../errors.js';
import { isIntId } from '../schemas/primitives.js';

/** A positive integer id from the URL that an `integer` column can hold; anything else is simply "not found". */
export function idParam(v: unknown): number {
  if (typeof v !== 'string' || !/^\d{1,10}$/.test(v) || !isIntId(Number(v))) throw new NotFound();
  return Number(v);
}
