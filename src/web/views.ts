import ejs from 'ejs';
import { resolve } from 'node:path';
import type { Express } from 'express';
import type { Config } from '../config.js';

/** Where the views live. */
export const VIEWS_DIR = resolve(import.meta.dirname, '..', '..', 'views');

/**
 * How EJS compiles every view, in every environment (development too, so a mistake shows while
 * developing). The app and the view-compile test both read it from here, so the test compiles
 * exactly what production renders.
 *
 * `strict`: no `with (locals)` around the template. V8 cannot optimise code inside `with`, and
 * every name lookup goes through the locals object first; without it the employee list renders
 * in about 0.08 ms instead of 0.2 ms, the Matriks in 0.1 ms instead of 0.3 ms (bench/render.ts).
 * Each view therefore declares what it uses on its first line, `<% const { a, b } = locals; -%>`
 * (about as fast as writing `locals.a` everywhere, and the body stays as it was). An optional
 * variable that is destructured but not passed is `undefined`, so `typeof x !== 'undefined'`
 * keeps working.
 *
 * `compileDebug` stays on (EJS's default): with `strict` it costs no measurable time, and a
 * template error in the log names its line.
 */
export const EJS_OPTIONS: Readonly<ejs.Options> = Object.freeze({ strict: true, views: [VIEWS_DIR] });

/** Registers EJS with those options (Express does not hand view options to EJS 7 itself). */
export function setupViews(app: Express, env: Config['env']): void {
  const options = EJS_OPTIONS;
  app.engine('ejs', (file, data, cb) => {
    // Express sets `cache` from the 'view cache' setting on every render.
    ejs.renderFile(file, data as ejs.Data, { ...options, cache: (data as { cache?: boolean }).cache === true }, cb as (err: Error | null, html?: string) => void);
  });
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  app.set('view cache', env !== 'development');
}
