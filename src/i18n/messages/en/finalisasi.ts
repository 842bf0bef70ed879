import type { idFinalisasi } from '../id/finalisasi.js';

// English: the cycle's scoring policy screen and finalisation (docs/domain/evaluasi-tahunan.md § Finalisation).
export const enFinalisasi: Record<keyof typeof idFinalisasi, string> = {};
