// The one source of "now" (docs/architecture.md § Time). Services that decide by the date — is a
// period open, is a deadline past, how many days are left — take a Clock instead of calling
// `new Date()`, so a test can stand on any day of the cycle.

export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still at `at` until moved (tests, the demo seed's "today"). */
export function fixedClock(at: Date | string): Clock & { set(to: Date | string): void; advanceDays(days: number): void } {
  let t = new Date(at).getTime();
  if (Number.isNaN(t)) throw new Error(`fixedClock: not a date: ${String(at)}`);
  return {
    now: () => new Date(t),
    set: (to) => { t = new Date(to).getTime(); },
    advanceDays: (days) => { t += days * 86_400_000; },
  };
}
