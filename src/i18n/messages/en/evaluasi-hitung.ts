import type { idEvaluasiHitung } from '../id/evaluasi-hitung.js';

// English: the year-end computation (docs/domain/evaluasi-tahunan.md § The year-end computation).
export const enEvaluasiHitung: Record<keyof typeof idEvaluasiHitung, string> = {};
