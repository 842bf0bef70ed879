import type { ErrorRequestHandler, RequestHandler } from 'express';
import { DEFAULT_LANG, formatters, isLang, translator } from '../i18n/index.js';
import { otherLanguages } from './locals.js';

/** Thrown by services; the error middleware turns each into the right page. */
export class HttpError extends Error {
  constructor(public status: number, public key: string, public params?: Record<string, string | number>) {
    super(key);
  }
}
export class NotFound extends HttpError {
  constructor(key = 'error.notFound') { super(404, key); }
}
export class Forbidden extends HttpError {
  constructor(key = 'error.forbidden') { super(403, key); }
}
/** A rule was broken or someone else changed the record first; the form is shown again. */
export class Conflict extends HttpError {
  constructor(key: string, params?: Record<string, string | number>) { super(409, key, params); }
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(new NotFound());

export function errorHandler(showStack: boolean): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const status = err instanceof HttpError ? err.status : typeof err?.status === 'number' && err.status < 500 ? err.status : 500;
    if (status >= 500) console.error(`[${new Date().toISOString()}] ${req.method} ${req.originalUrl}:`, err);
    if (res.headersSent) return;
    const key = err instanceof HttpError ? err.key : status === 413 ? 'error.tooLarge' : status === 400 ? 'error.badRequest' : status === 403 ? 'error.forbidden' : status === 404 ? 'error.notFound' : 'error.server';
    const view = status === 404 ? 'errors/404' : status === 403 ? 'errors/403' : status >= 500 ? 'errors/500' : 'errors/4xx';
    if (typeof res.locals.t !== 'function') {
      // The error came before viewLocals ran (body too large, session store down): give the page what it needs.
      const lang = isLang(req.session?.lang) ? req.session!.lang! : DEFAULT_LANG;
      Object.assign(res.locals, { lang, t: translator(lang), fmt: formatters(lang), otherLanguages: otherLanguages(lang), user: null, path: req.path, flash: [], values: {}, errors: {}, csrfToken: req.session?.csrf ?? '' });
    }
    res.status(status).render('errors/page', {
      view,
      status,
      messageKey: key,
      params: err instanceof HttpError ? err.params : undefined,
      stack: showStack && status >= 500 ? String(err?.stack ?? err) : null,
    });
  };
}
