import ejs from 'ejs';
import { resolve } from 'node:path';
import type { Express } from 'express';
import type { Config } from '../config.js';

/** Where the views live. */
export const VIEWS_DIR = resolve(import.meta.dirname, '..', '..', 'views');

/**
 * How EJS compiles every view, in every environment. The app and the view-compile test both
 * read it from here, so the test compiles exactly what production renders.
 *
 * - `strict`: no `with (locals)` around the template. V8 cannot optimise code inside `with`,
 *   and every name lookup goes through the locals object first. Each view therefore declares
 *   what it uses on its first line, `<% const { a, b } = locals; -%>`. An optional variable
 *   that is destructured but not passed is `undefined`, so `typeof x !== 'undefined'` keeps
 *   working. It is on in development too, so a missing declaration shows while developing.
 * - `compileDebug`: line numbers in template errors. Off in production, where the try/catch
 *   and line bookkeeping around every statement cost time on every render.
 */
export function ejsOptions(env: Config['env']): ejs.Options {
  return { strict: true, compileDebug: env !== 'production', views: [VIEWS_DIR] };
}

/** Registers EJS with those options (Express does not hand view options to EJS 7 itself). */
export function setupViews(app: Express, env: Config['env']): void {
  const options = ejsOptions(env);
  app.engine('ejs', (file, data, cb) => {
    // Express sets `cache` from the 'view cache' setting on every render.
    ejs.renderFile(file, data as ejs.Data, { ...options, cache: (data as { cache?: boolean }).cache === true }, cb as (err: Error | null, html?: string) => void);
  });
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  app.set('view cache', env !== 'development');
}
