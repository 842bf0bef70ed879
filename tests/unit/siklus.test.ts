import { describe, expect, it } from 'vitest';
import { defaultPeriode, isClosed, nextFase, periodeProblems, skpEditable, transitionBlockers, type TransitionFacts } from '../../src/domain/siklus.js';

const ok: TransitionFacts = { periodeCount: 4, periodeInvalid: 0, bulkJobDone: true, skpNotApproved: 0, lastPeriodStarted: true, /* ── evaluasi: finalisasi ── */ saranCount: 3, hitungSelesai: true, saranBelumDikonfirmasi: 0, evaluasiBelumFinal: 0 };

describe('cycle phases — DRAFT → PERENCANAAN → PELAKSANAAN → PENILAIAN → KALIBRASI → SELESAI → ARSIP (docs/domain/siklus.md)', () => {
  it('moves one step forward only', () => {
    expect(nextFase('DRAFT')).toBe('PERENCANAAN');
    expect(nextFase('KALIBRASI')).toBe('SELESAI');
    expect(nextFase('ARSIP')).toBeNull();
  });
  it('a closed cycle is read-only; SKPs are edited only while planning and carrying out', () => {
    expect(isClosed('SELESAI') && isClosed('ARSIP')).toBe(true);
    expect(isClosed('KALIBRASI')).toBe(false);
    expect(['DRAFT', 'PERENCANAAN', 'PELAKSANAAN', 'PENILAIAN'].map((f) => skpEditable(f as never))).toEqual([false, true, true, false]);
  });
  it.each([
    ['DRAFT', { periodeCount: 0 }, ['siklus.block.noPeriode']],
    ['DRAFT', { periodeInvalid: 2 }, ['siklus.block.periodeInvalid']],
    ['PERENCANAAN', { bulkJobDone: false }, ['siklus.block.bulkRunning']],
    ['PERENCANAAN', { skpNotApproved: 3 }, ['siklus.block.skpNotApproved']],
    ['PELAKSANAAN', { lastPeriodStarted: false }, ['siklus.block.lastPeriodNotStarted']],
    ['ARSIP', {}, ['siklus.block.final']],
    ['PENILAIAN', {}, []],
  ] as const)('from %s with %o → blocked by %o', (from, facts, keys) => {
    expect(transitionBlockers(from, { ...ok, ...facts }).map((b) => b.key)).toEqual(keys);
  });
});

describe('periods — quarterly by default, monthly or half-yearly per cycle (docs/domain/siklus.md § Periods)', () => {
  it('makes four quarters with deadlines after each end', () => {
    const p = defaultPeriode(2027, 'TRIWULANAN');
    expect(p.map((x) => x.nama)).toEqual(['Triwulan I', 'Triwulan II', 'Triwulan III', 'Triwulan IV']);
    expect(p[0]).toEqual({ urutan: 1, nama: 'Triwulan I', mulai: '2027-01-01', selesai: '2027-03-31', batasPegawai: '2027-04-05', batasPenilai: '2027-04-10' });
    expect(p[3]!.selesai).toBe('2027-12-31');
  });
  it('makes twelve months (February of a leap year ends on the 29th) or two semesters', () => {
    const m = defaultPeriode(2028, 'BULANAN');
    expect(m).toHaveLength(12);
    expect(m[1]).toMatchObject({ nama: 'Februari', selesai: '2028-02-29' });
    expect(defaultPeriode(2027, 'SEMESTERAN').map((x) => [x.mulai, x.selesai])).toEqual([['2027-01-01', '2027-06-30'], ['2027-07-01', '2027-12-31']]);
  });
  it('flags dates out of order', () => {
    expect(periodeProblems({ mulai: '2027-04-01', selesai: '2027-03-31', batasPegawai: '2027-03-01', batasPenilai: '2027-02-01' })).toEqual([
      'periode.selesaiBeforeMulai',
      'periode.batasPegawaiEarly',
      'periode.batasPenilaiEarly',
    ]);
  });
});
