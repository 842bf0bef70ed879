import { describe, expect, it } from 'vitest';
import { policyEditable, transitionBlockers, type TransitionFacts } from '../../src/domain/siklus.js';

// The year-end evaluation's phase guards (docs/domain/finalisasi.md § Phase guards): PENILAIAN →
// KALIBRASI needs the year computed (suggestions written, the last computation finished) and
// every suggestion confirmed; KALIBRASI → SELESAI needs every evaluation FINAL. Each at its
// boundary: none left passes, one left blocks.

const ok: TransitionFacts = { periodeCount: 4, periodeInvalid: 0, bulkJobDone: true, skpNotApproved: 0, lastPeriodStarted: true, saranCount: 5, hitungSelesai: true, saranBelumDikonfirmasi: 0, evaluasiBelumFinal: 0 };
const keys = (from: Parameters<typeof transitionBlockers>[0], facts: Partial<TransitionFacts>) => transitionBlockers(from, { ...ok, ...facts }).map((b) => [b.key, b.params ?? {}]);

describe('PENILAIAN → KALIBRASI', () => {
  it.each([
    [{}, []],
    [{ saranCount: 1, saranBelumDikonfirmasi: 0, evaluasiBelumFinal: 1 }, []], // one suggestion, confirmed: not yet final is KALIBRASI's business
    [{ saranBelumDikonfirmasi: 1, evaluasiBelumFinal: 1 }, [['siklus.block.belumDikonfirmasi', { count: 1 }]]],
    [{ saranBelumDikonfirmasi: 5, evaluasiBelumFinal: 5 }, [['siklus.block.belumDikonfirmasi', { count: 5 }]]],
    [{ saranCount: 0 }, [['siklus.block.belumDihitung', {}]]],
    [{ hitungSelesai: false }, [['siklus.block.hitungBelumSelesai', {}]]],
    [{ saranCount: 0, hitungSelesai: false }, [['siklus.block.belumDihitung', {}], ['siklus.block.hitungBelumSelesai', {}]]],
  ] as const)('%o → %o', (facts, expected) => {
    expect(keys('PENILAIAN', facts)).toEqual(expected);
  });
});

describe('KALIBRASI → SELESAI', () => {
  it.each([
    [{}, []],
    [{ evaluasiBelumFinal: 1 }, [['siklus.block.belumFinal', { count: 1 }]]],
    [{ evaluasiBelumFinal: 3, saranBelumDikonfirmasi: 1 }, [['siklus.block.belumFinal', { count: 3 }]]],
    [{ saranCount: 0, evaluasiBelumFinal: 0 }, [['siklus.block.belumDihitung', {}]]],
    // a re-run in KALIBRASI still going may yet add someone without an evaluation
    [{ hitungSelesai: false }, [['siklus.block.hitungBelumSelesai', {}]]],
  ] as const)('%o → %o', (facts, expected) => {
    expect(keys('KALIBRASI', facts)).toEqual(expected);
  });
});

describe('the scoring policy is editable until KALIBRASI', () => {
  it.each([
    ['DRAFT', true], ['PERENCANAAN', true], ['PELAKSANAAN', true], ['PENILAIAN', true],
    ['KALIBRASI', false], ['SELESAI', false], ['ARSIP', false],
  ] as const)('%s → %s', (fase, editable) => {
    expect(policyEditable(fase)).toBe(editable);
  });
});
