import { Router } from 'express';
import type { RouterDeps } from '../../router-deps.js';

/** Organisation predikat and calibration (docs/domain/evaluasi-tahunan.md § Calibration). */
export function kalibrasiRoutes(_deps: Pick<RouterDeps, 'db' | 'clock' | 'jobs' | 'store'>): Router {
  const r = Router();
  return r;
}
