import { Router } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireLogin } from '../../web/auth.js';
import { adminSummary, ownSummary, pimpinanSummary } from './service.js';

export function dashboardRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();
  r.get('/', requireLogin, async (req, res) => {
    const actor = req.user!;
    const [admin, pimpinan, own] = await Promise.all([
      actor.isAdmin ? adminSummary(db) : null,
      actor.isPimpinan ? pimpinanSummary(db, actor) : null,
      ownSummary(db, actor),
    ]);
    res.render('dashboard/home', { admin, pimpinan, own });
  });
  // The lightest authenticated page: the floor the benchmarks compare real pages against.
  r.get('/ping', requireLogin, (_req, res) => {
    res.render('dashboard/ping');
  });
  return r;
}
