import { Router } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireAnyLogin } from '../../web/auth.js';
import { fieldErrors, inputProblemErrors } from '../../web/validate.js';
import { flash, t } from '../../web/locals.js';
import type { Throttle } from '../../web/login-throttle.js';
import { langForm, loginForm, passwordForm } from './schemas.js';
import { changePassword, logIn, recordLogin } from './service.js';

/** A local path to go back to after a redirect; anything else becomes "/". */
export const safeBack = (v: unknown): string => (typeof v === 'string' && /^\/(?!\/)[^\s\\]*$/.test(v) ? v : '/');

export function authRoutes({ db, throttle }: Pick<RouterDeps, 'db'> & { throttle: Throttle }): Router {
  const r = Router();

  r.get('/login', (req, res) => {
    if (req.user) return res.redirect(303, '/');
    res.render('auth/login');
  });

  r.post('/login', async (req, res, next) => {
    const input = loginForm.safeParse(req.body);
    const values = { login: typeof req.body?.login === 'string' ? req.body.login : '' };
    if (req.inputProblems?.length) return res.status(422).render('auth/login', { values, errors: inputProblemErrors(req, res.locals.t) });
    if (!input.success) return res.status(422).render('auth/login', { values, errors: fieldErrors(input.error, res.locals.t) });
    const { login, password } = input.data;
    const ip = req.ip ?? 'unknown';
    const wait = await throttle.lockedFor(login, ip);
    if (wait > 0) return res.status(429).render('auth/login', { values, formError: t(res, 'login.locked', { minutes: wait }) });
    const actor = await logIn(db, login, password);
    if (!actor) {
      await throttle.fail(login, ip);
      return res.status(401).render('auth/login', { values, formError: t(res, 'login.failed') });
    }
    await throttle.clear(login);
    const returnTo = req.session.returnTo;
    const lang = req.session.lang;
    const unsent = req.session.unsent;
    req.login(actor, (err) => {
      // passport regenerates the session here (no fixation); carry the language and a form
      // kept after an expired session (src/web/unsent-form.ts) over
      if (err) return next(err);
      if (lang) req.session.lang = lang;
      if (unsent) req.session.unsent = unsent;
      recordLogin(db, actor, ip)
        .then(() => res.redirect(303, safeBack(returnTo)))
        .catch(next);
    });
  });

  r.post('/logout', (req, res, next) => {
    const lang = req.session.lang;
    req.logout((err) => {
      if (err) return next(err);
      req.session.regenerate((e) => {
        if (e) return next(e);
        if (lang) req.session.lang = lang;
        res.redirect(303, '/login');
      });
    });
  });

  r.post('/bahasa', (req, res) => {
    const input = langForm.safeParse(req.body);
    if (input.success) req.session.lang = input.data.lang;
    res.redirect(303, safeBack(input.success ? input.data.back : '/'));
  });

  r.get('/akun/password', requireAnyLogin, (_req, res) => res.render('auth/password'));

  r.post('/akun/password', requireAnyLogin, async (req, res, next) => {
    if (req.inputProblems?.length) return res.status(422).render('auth/password', { errors: inputProblemErrors(req, res.locals.t) });
    const input = passwordForm.safeParse(req.body);
    if (!input.success) return res.status(422).render('auth/password', { errors: fieldErrors(input.error, res.locals.t) });
    const ok = await changePassword(db, req.user!, input.data.current, input.data.next, req.sessionID);
    if (!ok) return res.status(422).render('auth/password', { errors: { current: t(res, 'password.wrongCurrent') } });
    // The other sessions are gone; this one gets a new id too (passport regenerates on login),
    // so a session id seen before the change is worth nothing after it.
    const lang = req.session.lang;
    req.login(req.user!, (err) => {
      if (err) return next(err);
      if (lang) req.session.lang = lang;
      flash(req, 'success', t(res, 'password.changed'));
      res.redirect(303, '/');
    });
  });

  return r;
}
