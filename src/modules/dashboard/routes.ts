import { Router } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireAnyLogin, requireLogin } from '../../web/auth.js';
import { adminSummary, luarHomePage, ownSummary, pimpinanSummary } from './service.js';

export function dashboardRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();
  r.get('/', requireAnyLogin, async (req, res) => {
    const actor = req.user!;
    // An official outside the agency: their home is the list of SKPs addressed to them.
    if (actor.pejabatLuarId !== null) return res.render('dashboard/luar', await luarHomePage(db, actor));
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
