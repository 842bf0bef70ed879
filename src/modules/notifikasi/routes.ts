import { Router, type RequestHandler } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireAnyLogin } from '../../web/auth.js';
import { flash, t } from '../../web/locals.js';
import { idParam } from '../../web/params.js';
import { bellLabel } from '../../domain/notifikasi.js';
import { notifikasiQuery } from './schemas.js';
import { belumDibaca, bukaNotifikasi, notifikasiPage, tandaiDibaca, tandaiSemuaDibaca } from './service.js';

/**
 * The bell on every page: for a logged-in user, the unread count is read when (and only when) a
 * page is rendered, so a redirect, a download or a static file costs nothing. Should the count
 * fail, the page still renders, without the number (docs/domain/notifikasi.md § The bell).
 */
export function bellCount({ db }: Pick<RouterDeps, 'db'>): RequestHandler {
  return (req, res, next) => {
    const actor = req.user;
    if (!actor) return next();
    const render = res.render.bind(res) as (...args: unknown[]) => void;
    res.render = ((...args: unknown[]) => {
      const go = (n: number | null) => {
        res.locals.bell = n === null ? null : { n, label: bellLabel(n) };
        try { render(...args); } catch (e) { next(e); }
      };
      belumDibaca(db, actor).then(go, () => go(null));
    }) as typeof res.render;
    next();
  };
}

/** The list of one's notifications, opening one, marking one or all read. Any login, an official outside the agency included. */
export function notifikasiRoutes({ db, clock }: Pick<RouterDeps, 'db' | 'clock'>): Router {
  const r = Router();

  r.get('/notifikasi', requireAnyLogin, async (req, res) => {
    res.render('notifikasi/daftar', await notifikasiPage(db, req.user!, res.locals.lang, notifikasiQuery.parse(req.query).sebelum));
  });

  r.post('/notifikasi/baca-semua', requireAnyLogin, async (req, res) => {
    const n = await tandaiSemuaDibaca(db, req.user!, clock);
    flash(req, 'success', t(res, 'notifikasi.bacaSemua.done', { n }));
    res.redirect(303, '/notifikasi');
  });

  r.post('/notifikasi/:id/buka', requireAnyLogin, async (req, res) => {
    res.redirect(303, await bukaNotifikasi(db, req.user!, idParam(req.params.id), clock));
  });

  r.post('/notifikasi/:id/baca', requireAnyLogin, async (req, res) => {
    await tandaiDibaca(db, req.user!, idParam(req.params.id), clock);
    res.redirect(303, '/notifikasi');
  });

  return r;
}
