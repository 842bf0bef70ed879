// Bahasa Indonesia: the year-end computation (docs/domain/evaluasi-tahunan.md § The year-end computation).
export const idEvaluasiHitung = {};
