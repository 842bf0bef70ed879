import { Router } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireLogin } from '../../web/auth.js';
import { homePage } from './service.js';

export function dashboardRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();
  r.get('/', requireLogin, async (req, res) => {
    res.render('dashboard/home', await homePage(db, req.user!));
  });
  // The lightest authenticated page: the floor the benchmarks compare real pages against.
  r.get('/ping', requireLogin, (_req, res) => {
    res.render('dashboard/ping');
  });
  return r;
}
