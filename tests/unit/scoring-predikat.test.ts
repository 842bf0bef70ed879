import { describe, expect, it } from 'vitest';
import { EKSPEKTASI, MATRIKS_PREDIKAT, predikat, predikatReason } from '../../src/domain/scoring/index.js';
import { formatReason } from '../../src/domain/scoring/reason.js';
import { translate } from '../../src/i18n/index.js';

describe('Predikat Kinerja Pegawai — PermenPANRB 6/2022, lampiran (kuadran): Rating Hasil Kerja × Rating Perilaku Kerja, no weights', () => {
  it.each([
    ['DI_ATAS', 'DI_ATAS', 'SANGAT_BAIK'],
    ['DI_ATAS', 'SESUAI', 'BAIK'],
    ['DI_ATAS', 'DI_BAWAH', 'KURANG'],
    ['SESUAI', 'DI_ATAS', 'BAIK'],
    ['SESUAI', 'SESUAI', 'BAIK'],
    ['SESUAI', 'DI_BAWAH', 'KURANG'],
    ['DI_BAWAH', 'DI_ATAS', 'BUTUH_PERBAIKAN'],
    ['DI_BAWAH', 'SESUAI', 'BUTUH_PERBAIKAN'],
    ['DI_BAWAH', 'DI_BAWAH', 'SANGAT_KURANG'],
  ] as const)('hasil kerja %s × perilaku %s → %s', (hasil, perilaku, expected) => {
    expect(predikat(hasil, perilaku)).toBe(expected);
  });

  it('has exactly the nine cells', () => {
    expect(EKSPEKTASI.flatMap((h) => EKSPEKTASI.map((p) => MATRIKS_PREDIKAT[h][p])).length).toBe(9);
  });

  it('says the lookup in words; Kurang is the lampiran’s "Kurang/Misconduct"', () => {
    expect(formatReason(predikatReason('SESUAI', 'DI_BAWAH'), (k, p) => translate('id', k, p))).toBe(
      'Rating Hasil Kerja Sesuai Ekspektasi × Rating Perilaku Kerja Di Bawah Ekspektasi → Kurang/Misconduct (kuadran PermenPANRB 6/2022)',
    );
  });
});
