import { Router } from 'express';
import type { RouterDeps } from '../../router-deps.js';

/** The cycle's scoring policy screen and finalisation (docs/domain/evaluasi-tahunan.md § Finalisation). */
export function finalisasiRoutes(_deps: Pick<RouterDeps, 'db' | 'clock' | 'jobs' | 'store'>): Router {
  const r = Router();
  return r;
}
