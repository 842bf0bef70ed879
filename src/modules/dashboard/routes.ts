import { Router } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireAnyLogin, requireLogin } from '../../web/auth.js';
import { homePage, luarHomePage } from './service.js';

export function dashboardRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();
  r.get('/', requireAnyLogin, async (req, res) => {
    // An official outside the agency: their home is the list of SKPs addressed to them.
    if (req.user!.pejabatLuarId !== null) return res.render('dashboard/luar', await luarHomePage(db, req.user!));
    res.render('dashboard/home', await homePage(db, req.user!));
  });
  // The lightest authenticated page: the floor the benchmarks compare real pages against.
  r.get('/ping', requireLogin, (_req, res) => {
    res.render('dashboard/ping');
  });
  return r;
}
