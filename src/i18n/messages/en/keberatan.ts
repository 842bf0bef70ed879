import type { idKeberatan } from '../id/keberatan.js';

// English: objections to the final annual evaluation (docs/domain/keberatan.md).
export const enKeberatan: Record<keyof typeof idKeberatan, string> = {
  'keberatan.title': 'Objections',
};
