// Bahasa Indonesia: the cycle's scoring policy screen and finalisation (docs/domain/evaluasi-tahunan.md § Finalisation).
export const idFinalisasi = {};
