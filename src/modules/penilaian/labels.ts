import type { MessageKey } from '../../i18n/messages/id/index.js';

// The words of the penilaian pages for values of a fixed set (a key is never built from a string:
// tests/unit/messages.test.ts).

export const PENILAIAN_LABELS = {
  status: {
    DRAFT: 'penilaian.status.DRAFT',
    DIAJUKAN: 'penilaian.status.DIAJUKAN',
    DIKEMBALIKAN: 'penilaian.status.DIKEMBALIKAN',
    DINILAI: 'penilaian.status.DINILAI',
  },
  /** The field a rating that differs from its suggestion needs, as a problem of the list. */
  alasanOverride: {
    alasanHasilKerja: 'penilaian.err.alasanOverride.alasanHasilKerja',
    alasanPerilaku: 'penilaian.err.alasanOverride.alasanPerilaku',
  },
  riwayat: {
    DIAJUKAN: 'penilaian.riwayat.DIAJUKAN',
    DIKEMBALIKAN: 'penilaian.riwayat.DIKEMBALIKAN',
    DINILAI: 'penilaian.riwayat.DINILAI',
    DIBUKA_HR: 'penilaian.riwayat.DIBUKA_HR',
  },
  buka: {
    fase: 'penilaian.buka.fase',
    belumMulai: 'penilaian.buka.belumMulai',
    lewatBatas: 'penilaian.buka.lewatBatas',
  },
} as const satisfies Record<string, Record<string, MessageKey>>;
