import type { idRekap } from '../id/rekap.js';

// English: the year's recaps, the TPP list, the distribution and the angka kredit list (docs/domain/rekap.md).
export const enRekap: Record<keyof typeof idRekap, string> = {
  'rekap.title': 'Annual recap',
};
