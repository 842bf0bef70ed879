import { Router } from 'express';
import type { RouterDeps } from '../../router-deps.js';

/** The appraiser's confirmation of the year (docs/domain/evaluasi-tahunan.md § Confirmation). */
export function evaluasiRoutes(_deps: Pick<RouterDeps, 'db' | 'clock' | 'jobs' | 'store'>): Router {
  const r = Router();
  return r;
}
