import type { Request, RequestHandler, Response } from 'express';
import { DEFAULT_LANG, formatters, isLang, LANGS, LANGUAGES, translator, type Lang } from '../i18n/index.js';

/** The language switch: every other UI language, each named in its own language. */
export const otherLanguages = (lang: Lang) => LANGS.filter((l) => l !== lang).map((code) => ({ code, label: LANGUAGES[code].label }));

/** Puts what every view needs on res.locals: language, translator, formatters, user, flash. */
export const viewLocals: RequestHandler = (req, res, next) => {
  const lang: Lang = isLang(req.session.lang) ? req.session.lang : DEFAULT_LANG;
  res.locals.lang = lang;
  res.locals.t = translator(lang);
  res.locals.fmt = formatters(lang);
  res.locals.otherLanguages = otherLanguages(lang);
  res.locals.user = req.user ?? null;
  res.locals.path = req.path;
  res.locals.flash = req.session.flash ?? [];
  if (req.session.flash) delete req.session.flash;
  res.locals.values = {};
  res.locals.errors = {};
  next();
};

export function flash(req: Request, type: 'success' | 'error' | 'info', text: string): void {
  (req.session.flash ??= []).push({ type, text });
}

export const t = (res: Response, key: string, params?: Record<string, string | number>): string => res.locals.t(key, params);

/**
 * A redirect after a change must not outrun the session write: the browser follows a 303 as
 * soon as it sees the headers, and express-session may still be saving (the flash message, the
 * language) to PostgreSQL. So every redirect waits for the session to be saved first.
 */
export const saveSessionBeforeRedirect: RequestHandler = (req, res, next) => {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = ((...args: unknown[]) => {
    if (!req.session) return redirect(...args);
    req.session.save((err) => (err ? next(err) : redirect(...args)));
  }) as typeof res.redirect;
  next();
};
