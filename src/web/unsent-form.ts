import { Router, type Request, type Response } from 'express';
import { requireAnyLogin } from './auth.js';
import { flash, t } from './locals.js';

// Nothing typed is lost when a session expires during a long edit (docs/architecture.md, "Forms"):
// a form whose CSRF token no longer matches is kept in the (new) session instead of being
// answered with a bare 403. After logging in again, /lanjutkan shows what was typed and sends it
// to the same address with a fresh token, on a deliberate click. Every form carries the id of
// the user it was shown to (`_who`, views/partials/csrf.ejs), so the kept text is only ever
// offered back to that same person. Passwords are never kept.

export type Unsent = { action: string; fields: [string, string][]; who: number; at: number; hadFile: boolean };

declare module 'express-session' {
  interface SessionData { unsent?: Unsent }
}

/** Forms with nothing worth keeping, or whose fields are secrets. */
const NOT_KEPT = new Set(['/login', '/logout', '/bahasa', '/akun/password']);
/** Fields that are the form's plumbing rather than what someone typed. */
const PLUMBING = new Set(['_csrf', '_who', '_resent', 'version']);
const LOCAL_PATH = /^\/(?!\/)[^\s\\]*$/;
/** A kept form is offered back for this long after it failed. */
const KEEP_MS = 24 * 60 * 60 * 1000;

function flatten(body: unknown): [string, string][] {
  const out: [string, string][] = [];
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf' || k === '_resent' || /password|sandi/i.test(k)) continue;
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string') out.push([k, x]);
  }
  return out;
}

/**
 * Keeps a form that failed its CSRF check and answers the request: an expired session goes to
 * the login page (which then continues at /lanjutkan), a live one straight to /lanjutkan.
 * Returns false when there is nothing to keep (a script's request, a form without typed text,
 * a login or password form); the caller then refuses as before.
 */
export function keepUnsentForm(req: Request, res: Response): boolean {
  if (req.get('x-csrf-token') !== undefined) return false;
  if (!req.is('application/x-www-form-urlencoded') && !req.is('multipart/form-data')) return false;
  const action = req.originalUrl;
  if (!LOCAL_PATH.test(action) || NOT_KEPT.has(req.path)) return false;
  const fields = flatten(req.body);
  const who = Number(fields.find(([k]) => k === '_who')?.[1]);
  if (!Number.isSafeInteger(who) || who <= 0) return false;
  if (!fields.some(([k, v]) => !PLUMBING.has(k) && v.trim() !== '')) return false;
  req.session.unsent = { action, fields: fields.filter(([k]) => k !== '_who'), who, at: Date.now(), hadFile: Boolean(req.file) };
  if (req.user) {
    res.redirect(303, '/lanjutkan');
  } else {
    req.session.returnTo = '/lanjutkan';
    flash(req, 'info', t(res, 'unsent.loginAgain'));
    res.redirect(303, '/login');
  }
  return true;
}

/** A resent form arrived with a valid token: the kept copy has done its work. */
export function forgetResent(req: Request): void {
  if (req.session.unsent && (req.body as Record<string, unknown> | undefined)?._resent === '1') delete req.session.unsent;
}

/** The kept form, when it belongs to the logged-in user and is recent; otherwise it is dropped. */
function keptFor(req: Request): Unsent | null {
  const u = req.session.unsent;
  if (!u) return null;
  if (u.who !== req.user?.userId || Date.now() - u.at > KEEP_MS) {
    delete req.session.unsent;
    return null;
  }
  return u;
}

export function unsentFormRoutes(): Router {
  const r = Router();
  r.get('/lanjutkan', requireAnyLogin, (req, res) => {
    const u = keptFor(req);
    if (!u) return res.redirect(303, '/');
    const shown = u.fields.filter(([k, v]) => !PLUMBING.has(k) && v.trim() !== '');
    res.render('auth/lanjutkan', { unsent: u, shown });
  });
  r.post('/lanjutkan/buang', requireAnyLogin, (req, res) => {
    delete req.session.unsent;
    flash(req, 'info', t(res, 'unsent.discarded'));
    res.redirect(303, '/');
  });
  return r;
}
