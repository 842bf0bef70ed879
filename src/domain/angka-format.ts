// Numbers printed the Indonesian way, remembered: a report page prints about a hundred numbers
// through Intl.NumberFormat (about 0.6 µs each), most of them the same from page to page. The
// printed form is a pure function of the number and the format, so a remembered one is never stale.

const MAX = 4000;

/** `fmt.format`, remembering up to 4,000 numbers (forgotten all at once when full). */
export function formatIngat(fmt: Intl.NumberFormat): (n: number) => string {
  const seen = new Map<number, string>();
  return (n: number) => {
    if (Object.is(n, -0)) return fmt.format(n); // a Map takes -0 for 0; Intl prints "-0"
    let s = seen.get(n);
    if (s === undefined) {
      if (seen.size >= MAX) seen.clear();
      seen.set(n, (s = fmt.format(n)));
    }
    return s;
  };
}
