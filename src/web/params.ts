import { NotFound } from '../errors.js';

/** A positive integer id from the URL; anything else is simply "not found". */
export function idParam(v: unknown): number {
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d{1,9}$/.test(v) || !Number.isSafeInteger(n) || n <= 0) throw new NotFound();
  return n;
}
