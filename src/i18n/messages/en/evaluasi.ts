import type { idEvaluasi } from '../id/evaluasi.js';

// English: the appraiser's confirmation of the year (docs/domain/evaluasi-tahunan.md § Confirmation).
export const enEvaluasi: Record<keyof typeof idEvaluasi, string> = {
  'nav.evaluasi': 'Annual evaluation',
};
