import { describe, expect, it } from 'vitest';
import { bulanPotongan } from '../../src/domain/scoring/angka-kredit.js';

// The months an SKP piece counts for angka kredit (Peraturan BKN 3/2023: AK × months / 12; the
// counting of a part month is SIKAP's default, docs/domain/mutasi.md): a calendar month counts for
// the piece that contains its first day, so a year's pieces add up without a month twice or lost.
describe('bulanPotongan', () => {
  it.each([
    ['the whole year', '2026-01-01', '2026-12-31', 12],
    ['1 January – 30 June', '2026-01-01', '2026-06-30', 6],
    ['1 July – 31 December', '2026-07-01', '2026-12-31', 6],
    ['1 January – 14 July (the first of July counts here)', '2026-01-01', '2026-07-14', 7],
    ['15 July – 31 December', '2026-07-15', '2026-12-31', 5],
    ['1 January – 14 May', '2026-01-01', '2026-05-14', 5],
    ['15 May – 31 December', '2026-05-15', '2026-12-31', 7],
    ['a piece inside one month, without its first day', '2026-03-02', '2026-03-30', 0],
    ['one day: the first of a month', '2026-03-01', '2026-03-01', 1],
    ['the last day only', '2026-12-31', '2026-12-31', 0],
    ['end before start', '2026-05-01', '2026-04-01', 0],
  ])('%s → %i', (_what, awal, akhir, bulan) => {
    expect(bulanPotongan(awal, akhir)).toBe(bulan);
  });
  it('two pieces split at any day add up to twelve', () => {
    for (let d = Date.UTC(2026, 0, 2); d <= Date.UTC(2026, 11, 31); d += 86_400_000) {
      const tmt = new Date(d).toISOString().slice(0, 10);
      const before = new Date(d - 86_400_000).toISOString().slice(0, 10);
      expect(bulanPotongan('2026-01-01', before) + bulanPotongan(tmt, '2026-12-31')).toBe(12);
    }
  });
});
