// Bahasa Indonesia: the appraiser's confirmation of the year (docs/domain/evaluasi-tahunan.md § Confirmation).
export const idEvaluasi = {
  'nav.evaluasi': 'Evaluasi Tahunan',
};
