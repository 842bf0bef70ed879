import { describe, expect, it } from 'vitest';
import { jumlahSelisih, targetForPeriode } from '../../src/domain/target-periode.js';

const none = { targetAngka: null, targetMin: null, targetMax: null, targetTeks: null };
const angka = (v: number | string | null) => ({ ...none, targetAngka: v });
const rentang = (min: number | null, max: number | null) => ({ ...none, targetMin: min, targetMax: max });

describe('targetForPeriode — the period target when set, else the year (docs/domain/skp.md § Targets per period)', () => {
  const ind = { jenisTarget: 'ANGKA', ...angka('100'), targetPeriode: [{ periodeId: 1, ...angka('20') }, { periodeId: 2, ...angka(null) }] };
  it('uses the period target when the period has one', () => {
    expect(targetForPeriode(ind, 1)).toEqual({ ...angka('20'), dariPeriode: true });
  });
  it('falls back to the year when the period has none, or its row is blank', () => {
    expect(targetForPeriode(ind, 3)).toEqual({ ...angka('100'), dariPeriode: false });
    expect(targetForPeriode(ind, 2)).toEqual({ ...angka('100'), dariPeriode: false });
    expect(targetForPeriode({ jenisTarget: 'ANGKA', ...angka(5) }, 1)).toEqual({ ...angka(5), dariPeriode: false });
  });
  it('a range needs both bounds, a statement its text', () => {
    const r = { jenisTarget: 'RENTANG', ...rentang(80, 90), targetPeriode: [{ periodeId: 1, ...rentang(70, null) }, { periodeId: 2, ...rentang(70, 75) }] };
    expect(targetForPeriode(r, 1)).toMatchObject({ targetMin: 80, targetMax: 90, dariPeriode: false });
    expect(targetForPeriode(r, 2)).toMatchObject({ targetMin: 70, targetMax: 75, dariPeriode: true });
    const q = { jenisTarget: 'KUALITATIF', ...none, targetTeks: 'Tahunan', targetPeriode: [{ periodeId: 1, ...none, targetTeks: '  ' }, { periodeId: 2, ...none, targetTeks: 'TW II' }] };
    expect(targetForPeriode(q, 1).targetTeks).toBe('Tahunan');
    expect(targetForPeriode(q, 2).targetTeks).toBe('TW II');
  });
});

describe('jumlahSelisih — JUMLAH period targets should add up to the year (a warning)', () => {
  const ind = (gabungPeriode: string, v = 100) => ({ jenisTarget: 'ANGKA', gabungPeriode, ...angka(v) });
  it.each([
    ['at: 25 × 4 = 100', [25, 25, 25, 25], []],
    ['just below: 99,9999', [25, 25, 25, 24.9999], [{ field: 'targetAngka', jumlah: 99.9999, tahunan: 100 }]],
    ['just above: 100,0001', [25, 25, 25, 25.0001], [{ field: 'targetAngka', jumlah: 100.0001, tahunan: 100 }]],
    ['a period without a target counts 0', [50, 49.9999], [{ field: 'targetAngka', jumlah: 99.9999, tahunan: 100 }]],
  ] as const)('%s', (_n, periods, expected) => {
    expect(jumlahSelisih(ind('JUMLAH'), periods.map((p) => angka(p)))).toEqual(expected);
  });
  it('decimals add at the column scale (0,1 + 0,2 = 0,3), numeric text as the database prints it', () => {
    expect(jumlahSelisih(ind('JUMLAH', 0.3), [angka('0.1'), angka('0.2')])).toEqual([]);
  });
  it('nothing to say with no period target, for RATA_RATA / TERAKHIR, or a qualitative target', () => {
    expect(jumlahSelisih(ind('JUMLAH'), [angka(null), angka('')])).toEqual([]);
    expect(jumlahSelisih(ind('RATA_RATA'), [angka(1)])).toEqual([]);
    expect(jumlahSelisih(ind('TERAKHIR'), [angka(1)])).toEqual([]);
    expect(jumlahSelisih({ jenisTarget: 'KUALITATIF', gabungPeriode: 'JUMLAH', ...none, targetTeks: 'x' }, [{ ...none, targetTeks: 'y' }])).toEqual([]);
  });
  it('a range checks each bound: at, below, above', () => {
    const r = { jenisTarget: 'RENTANG', gabungPeriode: 'JUMLAH', ...rentang(80, 100) };
    expect(jumlahSelisih(r, [rentang(40, 50), rentang(40, 50)])).toEqual([]);
    expect(jumlahSelisih(r, [rentang(40, 50), rentang(39.9999, 50.0001)])).toEqual([
      { field: 'targetMin', jumlah: 79.9999, tahunan: 80 },
      { field: 'targetMax', jumlah: 100.0001, tahunan: 100 },
    ]);
  });
});
