import type { idCetak } from './id-cetak.js';

export const enCetak: Record<keyof typeof idCetak, string> = {
};
