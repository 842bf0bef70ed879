import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, parsePolicy, scoringPolicySchema } from '../../src/domain/scoring/index.js';
import { Refused } from '../../src/errors.js';

// The scoring policy stored with the cycle (docs/domain/scoring.md § The policy). Its values are
// SIKAP's settings: PermenPANRB 6/2022 sets no cap and no thresholds.

const refusal = (stored: unknown) => {
  try {
    parsePolicy(stored);
  } catch (e) {
    if (e instanceof Refused) return { key: e.key, params: e.params };
    throw e;
  }
  return null;
};

describe('scoring policy — SIKAP settings (PermenPANRB 6/2022 sets none; defaults read from PermenPANRB 8/2021)', () => {
  it('the defaults: version 1, cap 120% and floor 0%, 2 decimals, above over 110%, as expected from 100%, one indicator below sinks an RHK, UTAMA only, most values below for behaviour; the distribution pattern as maxima only, warnings below 10 people, justify rather than block; objections within 14 calendar days (PP 30/2019 Pasal 59)', () => {
    expect(DEFAULT_POLICY).toEqual({
      version: 1,
      capaian: { maksimum: 120, minimum: 0, desimal: 2 },
      indikator: { diAtasLebihDari: 110, sesuaiMinimal: 100 },
      rhk: { diBawahBila: 'SATU' },
      ratingHasilKerja: { hitungTambahan: false },
      ratingPerilaku: { diBawahBila: 'SEBAGIAN_BESAR' },
      kepalaUnit: { ISTIMEWA: 'DI_ATAS', BAIK: 'SESUAI', BUTUH_PERBAIKAN: 'DI_BAWAH', KURANG: 'DI_BAWAH', SANGAT_KURANG: 'DI_BAWAH' },
      distribusi: { sebagianBesarMinimum: false, minimumOrang: 10, blokir: false },
      keberatan: { hari: 14 },
    });
  });

  it.each([[{}], [null], [undefined], [{ version: 1 }]])('a stored %o (what every cycle holds today) reads as the defaults', (stored) => {
    expect(parsePolicy(stored)).toEqual(DEFAULT_POLICY);
  });

  it('fills what a stored policy leaves out, part by part', () => {
    const p = parsePolicy({ capaian: { maksimum: 150 }, ratingHasilKerja: { hitungTambahan: true } });
    expect(p.capaian).toEqual({ maksimum: 150, minimum: 0, desimal: 2 });
    expect(p.ratingHasilKerja.hitungTambahan).toBe(true);
    expect(p.indikator).toEqual(DEFAULT_POLICY.indikator);
  });

  it.each([[2], [0], ['1'], ['v1']])('refuses an unknown version %o rather than reading it as another', (version) => {
    expect(refusal({ version })).toEqual({ key: 'scoring.policy.unknownVersion', params: { version: String(version) } });
  });

  it.each([
    [{ capaian: { maksimum: 'banyak' } }],
    [{ rhk: { diBawahBila: 'SEMUA' } }],
    [{ capaian: { desimal: 1.5 } }],
    [[]],
    ['{}'],
  ])('refuses a policy it cannot read: %o', (stored) => {
    expect(refusal(stored)?.key).toBe('scoring.policy.invalid');
  });

  it.each([
    // floor ≤ as-expected ≤ above < cap, else a class is unreachable
    [{ indikator: { sesuaiMinimal: 100, diAtasLebihDari: 110 }, capaian: { maksimum: 110 } }, false], // at: above 110 can never happen under a cap of 110
    [{ indikator: { sesuaiMinimal: 100, diAtasLebihDari: 110 }, capaian: { maksimum: 110.01 } }, true], // just above
    [{ indikator: { sesuaiMinimal: 110, diAtasLebihDari: 110 } }, true], // as-expected = above threshold: only exactly 110 is "as expected"
    [{ indikator: { sesuaiMinimal: 110.01, diAtasLebihDari: 110 } }, false],
    [{ indikator: { sesuaiMinimal: 0 } }, true], // at the floor
    [{ indikator: { sesuaiMinimal: -0.01 } }, false],
  ])('threshold order %o → accepted %s', (stored, ok) => {
    expect(refusal(stored) === null).toBe(ok);
    if (!ok) expect(refusal(stored)?.params.detail).toContain('scoring.policy.thresholdOrder');
  });

  it('is a zod schema whose output type is the policy', () => {
    expect(scoringPolicySchema.safeParse({ version: 1 }).success).toBe(true);
    expect(scoringPolicySchema.safeParse({ version: 2 }).success).toBe(false);
  });
});
