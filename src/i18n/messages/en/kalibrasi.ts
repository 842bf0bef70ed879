import type { idKalibrasi } from '../id/kalibrasi.js';

// English: organisation predikat and calibration (docs/domain/evaluasi-tahunan.md § Calibration).
export const enKalibrasi: Record<keyof typeof idKalibrasi, string> = {
  'nav.kalibrasi': 'Calibration',
  'nav.predikatOrganisasi': 'Organisation predikat',
};
