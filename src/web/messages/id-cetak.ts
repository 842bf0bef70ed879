export const idCetak = {
} as const;
