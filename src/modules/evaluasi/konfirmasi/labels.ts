import type { MessageKey } from '../../../i18n/messages/id/index.js';
import type { StatusKonfirmasi } from './queries.js';

// The words of the confirmation pages for values of a fixed set (a key is never built from a
// string: tests/unit/messages.test.ts).

export const EVALUASI_LABELS = {
  status: {
    MENUNGGU: 'evaluasi.status.MENUNGGU',
    DIKONFIRMASI: 'evaluasi.status.DIKONFIRMASI',
    DIUBAH: 'evaluasi.status.DIUBAH',
    FINAL: 'evaluasi.status.FINAL',
  } satisfies Record<StatusKonfirmasi, MessageKey>,
  /** The field a rating that differs from its suggestion needs, as a problem of the list. */
  alasanOverride: {
    alasanHasilKerja: 'evaluasi.err.alasanOverride.alasanHasilKerja',
    alasanPerilaku: 'evaluasi.err.alasanOverride.alasanPerilaku',
  },
  laporanStatus: {
    DRAFT: 'evaluasi.laporan.DRAFT',
    DIAJUKAN: 'evaluasi.laporan.DIAJUKAN',
    DIKEMBALIKAN: 'evaluasi.laporan.DIKEMBALIKAN',
    DINILAI: 'evaluasi.laporan.DINILAI',
  },
} as const satisfies Record<string, Record<string, MessageKey>>;
