import { EKSPEKTASI_LABEL, asParam, reason, type Ekspektasi, type Reason } from './reason.js';

// Predikat Kinerja Pegawai: a lookup in the kuadran of the PermenPANRB 6/2022 lampiran, rows the
// Rating Hasil Kerja, columns the Rating Perilaku Kerja; no weights, no sum. The same lookup
// serves a period and the year (docs/domain/scoring.md § Predikat).

export const PREDIKAT = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type Predikat = (typeof PREDIKAT)[number];

/** MATRIKS[hasil kerja][perilaku]. "Kurang" is the lampiran's "Kurang/Misconduct". */
export const MATRIKS_PREDIKAT = {
  DI_ATAS: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'SANGAT_BAIK' },
  SESUAI: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'BAIK' },
  DI_BAWAH: { DI_BAWAH: 'SANGAT_KURANG', SESUAI: 'BUTUH_PERBAIKAN', DI_ATAS: 'BUTUH_PERBAIKAN' },
} as const satisfies Record<Ekspektasi, Record<Ekspektasi, Predikat>>;

export const PREDIKAT_LABEL = {
  SANGAT_BAIK: 'scoring.predikat.SANGAT_BAIK',
  BAIK: 'scoring.predikat.BAIK',
  BUTUH_PERBAIKAN: 'scoring.predikat.BUTUH_PERBAIKAN',
  KURANG: 'scoring.predikat.KURANG',
  SANGAT_KURANG: 'scoring.predikat.SANGAT_KURANG',
} as const satisfies Record<Predikat, string>;

export const predikat = (hasilKerja: Ekspektasi, perilaku: Ekspektasi): Predikat => MATRIKS_PREDIKAT[hasilKerja][perilaku];

/** The lookup in words: "Hasil Kerja Di Atas × Perilaku Sesuai → Baik". */
export const predikatReason = (hasilKerja: Ekspektasi, perilaku: Ekspektasi): Reason =>
  reason('scoring.predikat.reason', {
    hasil: EKSPEKTASI_LABEL[hasilKerja],
    perilaku: EKSPEKTASI_LABEL[perilaku],
    predikat: asParam(PREDIKAT_LABEL[predikat(hasilKerja, perilaku)]),
  });
