// Exact arithmetic for scoring (docs/domain/scoring.md § Exact numbers). Capaian is compared with
// thresholds such as 110%: in binary floating point 0.1 × 3 is not 0.3, and 55/50 × 100 is
// 110.00000000000001, so a realisasi exactly on a threshold could land on the wrong side. Every
// number here is a fraction of two integers (BigInt), reduced; rounding happens once, to the
// precision the policy names, and is stated to the user.

/** An exact rational number n/d with d > 0, reduced. */
export type Rasional = { readonly n: bigint; readonly d: bigint };

/** A number as the app holds it: the database's numeric printed as text ("12.5"), a JS number, or an exact fraction. */
export type Angka = string | number | Rasional;

const abs = (x: bigint) => (x < 0n ? -x : x);
const SAFE_INT = BigInt(Number.MAX_SAFE_INTEGER);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  // Scoring's numbers are small: below 2^53 Euclid runs on doubles (exact for integers there),
  // without allocating a BigInt per step; the year-end run reduces millions of fractions.
  if (a <= SAFE_INT && b <= SAFE_INT) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const r = x % y;
      x = y;
      y = r;
    }
    return BigInt(x);
  }
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function rasional(n: bigint, d: bigint = 1n): Rasional {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  if (d === 1n) return { n, d };
  const g = gcd(n, d) || 1n;
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

const PARSED_MAX = 10_000;
const parsed = new Map<string, Rasional | null>();

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * Reads a decimal exactly: "12.5", "-0,75" is not accepted (forms turn typed Indonesian numbers
 * into this canonical form first), "1e+21" (how JS prints large numbers) is. Returns null for
 * blank or anything else that is not a finite decimal.
 */
export function parseAngka(v: Angka | null | undefined): Rasional | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return rasional(v.n, v.d);
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  // The same few texts (the policy's thresholds, targets) are read for every indicator of every
  // page: remembered, as a Rasional is immutable. Bounded: forgotten all at once when full.
  const key = typeof v === 'number' ? `#${v}` : v;
  const known = parsed.get(key);
  if (known !== undefined) return known;
  const r = parseDecimal(String(v).trim());
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(key, r);
  return r;
}

function parseDecimal(s: string): Rasional | null {
  const m = DECIMAL.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? 0) - frac.length;
  let n = BigInt((m[2] || '0') + frac);
  if (m[1] === '-') n = -n;
  return exp >= 0 ? rasional(n * 10n ** BigInt(exp)) : rasional(n, 10n ** BigInt(-exp));
}

export const add = (a: Rasional, b: Rasional) => rasional(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rasional, b: Rasional) => rasional(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rasional, b: Rasional) => rasional(a.n * b.n, a.d * b.d);
export const div = (a: Rasional, b: Rasional) => rasional(a.n * b.d, a.d * b.n);
/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export const compare = (a: Rasional, b: Rasional): -1 | 0 | 1 => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
export const isZero = (a: Rasional) => a.n === 0n;
export const min = (a: Rasional, b: Rasional) => (compare(a, b) <= 0 ? a : b);
export const max = (a: Rasional, b: Rasional) => (compare(a, b) >= 0 ? a : b);

export const ZERO = rasional(0n);
export const ONE = rasional(1n);
export const HUNDRED = rasional(100n);

/** Rounded to `places` decimals, half away from zero (the way people round 109.995 to 110.00). */
export function round(a: Rasional, places: number): Rasional {
  const scale = 10n ** BigInt(places);
  const scaled = abs(a.n) * scale;
  let q = scaled / a.d;
  if ((scaled % a.d) * 2n >= a.d) q += 1n;
  return rasional(a.n < 0n ? -q : q, scale);
}

const TEN_PLACES = 10n ** 10n;
/** As a JS number, for display and charts only (never for a comparison). */
export const toNumber = (a: Rasional): number =>
  // A decimal of at most 10 places whose parts are exact doubles: the division is correctly
  // rounded, as reading its decimal text is, so both give the same number, without the text.
  a.d <= SAFE_INT && abs(a.n) <= SAFE_INT && TEN_PLACES % a.d === 0n ? Number(a.n) / Number(a.d) : Number(toDecimalString(round(a, 10)));

/** A terminating decimal as text ("110", "93.33"); others first rounded to 10 places. */
export function toDecimalString(a: Rasional): string {
  let r = a;
  let places = 0;
  let d = r.d;
  // d = 2^i·5^j terminates; anything else is rounded
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d !== 1n) r = round(r, 10);
  while (10n ** BigInt(places) % r.d !== 0n) places++;
  const scaled = abs(r.n) * (10n ** BigInt(places) / r.d);
  const digits = scaled.toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = places ? '.' + digits.slice(digits.length - places).replace(/0+$/, '') : '';
  return (r.n < 0n ? '-' : '') + int + (frac === '.' ? '' : frac);
}
