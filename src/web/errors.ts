import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, Forbidden, Invalid, NotFound, Refused, type Params } from '../errors.js';
import { DEFAULT_LANG, formatters, isLang, translator } from '../i18n/index.js';
import { otherLanguages } from './locals.js';

/**
 * An error of the web layer itself (a CSRF token that does not match, a malformed body): services
 * never throw this; they throw the transport-neutral errors of src/errors.ts.
 */
export class HttpError extends Error {
  constructor(public status: number, public key: string, public params?: Params) {
    super(key);
  }
}

/** The one mapping from an error to an HTTP status. */
export function statusOf(err: unknown): number {
  if (err instanceof HttpError) return err.status;
  if (err instanceof NotFound) return 404;
  if (err instanceof Forbidden) return 403;
  if (err instanceof Invalid) return 422;
  if (err instanceof Refused) return 409;
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(new NotFound());

export function errorHandler(showStack: boolean): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const status = statusOf(err);
    if (status >= 500) console.error(`[${new Date().toISOString()}] ${req.method} ${req.originalUrl}:`, err);
    if (res.headersSent) return;
    const key = err instanceof HttpError || err instanceof AppError ? err.key : status === 413 ? 'error.tooLarge' : status === 400 ? 'error.badRequest' : status === 403 ? 'error.forbidden' : status === 404 ? 'error.notFound' : 'error.server';
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
      params: err instanceof HttpError || err instanceof AppError ? err.params : undefined,
      stack: showStack && status >= 500 ? String(err?.stack ?? err) : null,
    });
  };
}
