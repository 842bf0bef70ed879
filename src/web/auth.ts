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

export function setupPassport(pool: pg.Pool): passport.PassportStatic {
  passport.use(
    new LocalStrategy({ usernameField: 'login', passwordField: 'password' }, (login, password, done) => {
      authenticate(pool, login, password).then((a) => done(null, a ?? false), done);
    }),
  );
  passport.serializeUser<number>((user, done) => done(null, user.userId));
  passport.deserializeUser<number>((id, done) => {
    loadActor(pool, id).then((a) => done(null, a ?? false), done);
  });
  return passport;
}

export const requireLogin: RequestHandler = (req, res, next) => {
  if (req.user) return next();
  if (req.method === 'GET') req.session.returnTo = req.originalUrl;
  res.redirect(303, '/login');
};

export const requireAdmin: RequestHandler = (req, res, next) => {
  if (!req.user) return requireLogin(req, res, next);
  if (!req.user.isAdmin) return next(new Forbidden());
  next();
};

declare module 'express-session' {
  interface SessionData { returnTo?: string; lang?: Lang; flash?: { type: 'success' | 'error' | 'info'; text: string }[] }
}
