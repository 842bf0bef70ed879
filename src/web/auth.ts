import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type pg from 'pg';
import type { RequestHandler } from 'express';
import type { Actor } from '../domain/access.js';
import { authenticate, loadActor } from '../modules/auth/authenticate.js';
import { Forbidden } from '../errors.js';
import type { Lang } from '../i18n/index.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // passport puts the deserialised Actor on req.user
    interface User extends Actor {}
  }
}

/**
 * A passport of this app's own: the package's default instance is one per process, so a second
 * app in the same process (tests run several, each on its own database) would take over the
 * first one's user lookup and log its users out.
 */
export function setupPassport(pool: pg.Pool): passport.Authenticator {
  const own = new passport.Passport();
  own.use(
    new LocalStrategy({ usernameField: 'login', passwordField: 'password' }, (login, password, done) => {
      authenticate(pool, login, password).then((a) => done(null, a ?? false), done);
    }),
  );
  own.serializeUser<number>((user, done) => done(null, user.userId));
  own.deserializeUser<number>((id, done) => {
    loadActor(pool, id).then((a) => done(null, a ?? false), done);
  });
  return own;
}

/**
 * Any login, an official outside the agency included: only for the few routes such a login may
 * use (its home page, the review of the SKPs addressed to it, its own password and language).
 */
export const requireAnyLogin: RequestHandler = (req, res, next) => {
  if (req.user) return next();
  if (req.method === 'GET') req.session.returnTo = req.originalUrl;
  res.redirect(303, '/login');
};

/**
 * A login of the agency's own (an employee or HR). An official outside the agency is refused
 * (403): every route is closed to them unless it says requireAnyLogin (docs/domain/access.md).
 */
export const requireLogin: RequestHandler = (req, res, next) => {
  if (!req.user) return requireAnyLogin(req, res, next);
  if (req.user.pejabatLuarId !== null) return next(new Forbidden());
  next();
};

export const requireAdmin: RequestHandler = (req, res, next) => {
  if (!req.user) return requireLogin(req, res, next);
  if (!req.user.isAdmin) return next(new Forbidden());
  next();
};

declare module 'express-session' {
  interface SessionData { returnTo?: string; lang?: Lang; flash?: { type: 'success' | 'error' | 'info'; text: string }[] }
}
