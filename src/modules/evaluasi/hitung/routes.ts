import { Router } from 'express';
import type { RouterDeps } from '../../router-deps.js';

/** The year-end computation (docs/domain/evaluasi-tahunan.md § The year-end computation). */
export function hitungRoutes(_deps: Pick<RouterDeps, 'db' | 'clock' | 'jobs' | 'store'>): Router {
  const r = Router();
  return r;
}
