import { id as core } from './core.js';
import { idSiklus } from './siklus.js';
import { idSkp } from './skp.js';
import { idReview } from './review.js';
import { idCetak } from './cetak.js';

/** Bahasa Indonesia, the reference language: the feature files, merged (tests check no key is defined twice). */
export const idParts = { core, siklus: idSiklus, skp: idSkp, review: idReview, cetak: idCetak };
export const id = { ...core, ...idSiklus, ...idSkp, ...idReview, ...idCetak };
export type MessageKey = keyof typeof id;
