import { describe, expect, it } from 'vitest';
import { defaultPeriode, periodeInvalidCount, periodeSetProblems } from '../../src/domain/siklus.js';

// A cycle's periods lie inside its year and do not overlap; deadlines may run into January.
const p = (mulai: string, selesai: string, batasPegawai = selesai, batasPenilai = batasPegawai) => ({ mulai, selesai, batasPegawai, batasPenilai });

describe('periods inside the cycle’s year', () => {
  it('the default periods of every kind are fine', () => {
    for (const jenis of ['BULANAN', 'TRIWULANAN', 'SEMESTERAN'] as const) expect(periodeSetProblems(2026, defaultPeriode(2026, jenis))).toEqual({});
  });

  it.each([
    ['1 Jan and 31 Dec of the year: inside', p('2026-01-01', '2026-12-31'), {}],
    ['31 Dec of the previous year: outside', p('2025-12-31', '2026-06-30'), { 'periode.0.mulai': 'periode.outsideYear' }],
    ['1 Jan of the next year: outside', p('2026-07-01', '2027-01-01', '2027-01-05'), { 'periode.0.selesai': 'periode.outsideYear' }],
    ['a start in the next year: outside', p('2027-01-01', '2027-01-02', '2027-01-03'), { 'periode.0.mulai': 'periode.outsideYear', 'periode.0.selesai': 'periode.outsideYear' }],
  ])('%s', (_name, row, expected) => expect(periodeSetProblems(2026, [row])).toEqual(expected));

  it.each([
    ['31 Jan of the next year: allowed', '2027-01-31', {}],
    ['1 Feb of the next year: refused', '2027-02-01', { 'periode.0.batasPenilai': 'periode.batasOutsideYear' }],
  ])('a deadline on %s', (_name, batas, expected) => expect(periodeSetProblems(2026, [p('2026-10-01', '2026-12-31', '2027-01-05', batas)])).toEqual(expected));

  it('a deadline before the year: refused (after the order check)', () => {
    expect(periodeSetProblems(2026, [p('2026-01-01', '2026-01-31', '2025-12-31', '2025-12-31')])).toMatchObject({ 'periode.0.batasPegawai': 'periode.batasOutsideYear' });
  });
});

describe('periods do not overlap', () => {
  it('touching periods (one ends the day before the next starts) are fine, also across month ends', () => {
    expect(periodeSetProblems(2026, [p('2026-01-01', '2026-02-28'), p('2026-03-01', '2026-12-31')])).toEqual({});
    expect(periodeSetProblems(2024, [p('2024-01-01', '2024-02-29'), p('2024-03-01', '2024-12-31')])).toEqual({});
  });

  it('sharing one day is refused, on the later period’s start', () => {
    expect(periodeSetProblems(2026, [p('2026-01-01', '2026-03-31'), p('2026-03-31', '2026-06-30')])).toEqual({ 'periode.1.mulai': 'periode.overlaps' });
  });

  it('in any order, and when one period lies inside another', () => {
    expect(periodeSetProblems(2026, [p('2026-04-01', '2026-06-30'), p('2026-01-01', '2026-04-01')])).toEqual({ 'periode.0.mulai': 'periode.overlaps' });
    expect(periodeSetProblems(2026, [p('2026-01-01', '2026-12-31'), p('2026-05-01', '2026-05-31'), p('2026-07-01', '2026-07-31')])).toEqual({ 'periode.1.mulai': 'periode.overlaps', 'periode.2.mulai': 'periode.overlaps' });
  });

  it('counts each period with a problem once (what blocks leaving DRAFT)', () => {
    expect(periodeInvalidCount(2026, [p('2025-12-31', '2026-03-31'), p('2026-03-31', '2027-01-01')])).toBe(2);
  });
});
