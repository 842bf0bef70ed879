// Bahasa Indonesia: organisation predikat and calibration (docs/domain/evaluasi-tahunan.md § Calibration).
export const idKalibrasi = {
  'nav.kalibrasi': 'Kalibrasi',
  'nav.predikatOrganisasi': 'Predikat Organisasi',
};
