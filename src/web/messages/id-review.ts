export const idReview = {
} as const;
