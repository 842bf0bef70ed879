import type { Request, RequestHandler, Response } from 'express';
import { formatters, isLang, translator, type Lang } from './i18n.js';

/** Puts what every view needs on res.locals: language, translator, formatters, user, flash. */
export const viewLocals: RequestHandler = (req, res, next) => {
  const lang: Lang = isLang(req.session.lang) ? req.session.lang : 'id';
  res.locals.lang = lang;
  res.locals.t = translator(lang);
  res.locals.fmt = formatters(lang);
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
