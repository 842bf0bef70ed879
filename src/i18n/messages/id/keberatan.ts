// Bahasa Indonesia: objections to the final annual evaluation (docs/domain/keberatan.md).
export const idKeberatan = {
  'keberatan.title': 'Keberatan',
};
