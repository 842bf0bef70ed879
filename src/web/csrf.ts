import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { HttpError } from './errors.js';
import { forgetResent, keepUnsentForm } from './unsent-form.js';

// Synchroniser token kept in the session; every state-changing request must echo it
// as the `_csrf` form field (or the x-csrf-token header for scripts).

declare module 'express-session' {
  interface SessionData { csrf?: string }
}

export function csrfToken(req: Request): string {
  if (!req.session.csrf) req.session.csrf = randomBytes(24).toString('base64url');
  return req.session.csrf;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sameToken(expected: string | undefined, given: unknown): boolean {
  if (!expected || typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks the token on unsafe methods. Multipart routes call `checkCsrf` after parsing. */
export const csrfProtection: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = csrfToken(req);
  if (SAFE.has(req.method) || req.is('multipart/form-data')) return next();
  return checkCsrf(req, res, next);
};

/** A form that fails the check is kept for its author when it holds typed text (unsent-form.ts). */
export const checkCsrf: RequestHandler = (req, res, next) => {
  const given = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.get('x-csrf-token');
  if (!sameToken(req.session.csrf, given)) {
    if (keepUnsentForm(req, res)) return;
    return next(new HttpError(403, 'error.csrf'));
  }
  forgetResent(req);
  next();
};
