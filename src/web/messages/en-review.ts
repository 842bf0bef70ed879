import type { idReview } from './id-review.js';

export const enReview: Record<keyof typeof idReview, string> = {
};
