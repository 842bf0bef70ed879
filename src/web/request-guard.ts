import { isIP } from 'node:net';
import type { Request, RequestHandler } from 'express';
import { NotFound } from '../errors.js';

// One guard for characters no column can store. PostgreSQL refuses a NUL byte in any text value,
// and the decoders of the path, the query string, form bodies and multipart fields turn bytes
// that are not UTF-8 into U+FFFD. Either, reaching a query, used to fail the request with a 500.
// This is the one place that finds them, in every part of a request the app reads:
// - the path: no record is named that way, so the answer is 404;
// - the query string: the field is left out (like any filter that does not parse) and the page
//   shows a field error on it;
// - a form body (urlencoded or multipart): NUL bytes are removed, so nothing downstream can fail,
//   and the fields are listed in `req.inputProblems`; handleForm shows the form again with a
//   field error on each (the typed text comes back, without the NUL);
// - a urlencoded body keeps a percent escape that is not UTF-8 as literal text ("%FF"), so the
//   raw body is read once more (`markUndecodable`, the body parser's verify hook) to name them;
// - a parameter given twice in the query string: the first counts (no page reads a list from its
//   address, and a schema expecting text would otherwise fail on an array);
// - the client address (X-Forwarded-For behind the proxy): anything that is not an IP address
//   is replaced by the socket's address before the throttle or the audit log sees it.

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request { inputProblems?: string[] }
  }
}

/** The message key a field with such characters gets. */
export const BAD_CHARS_KEY = 'err.invalidChars';

const BAD = /[\u0000\uFFFD]/;
const NUL = /\u0000/g;

export const hasBadChars = (v: string): boolean => BAD.test(v);

/**
 * Cleans a parsed body or query (string values, or arrays of them): returns the same object with
 * NUL bytes removed, fields whose name is bad dropped, and the names of the fields that held a
 * bad character.
 */
export function cleanFields(fields: Record<string, unknown>, dropBadValues = false): { clean: Record<string, unknown>; bad: string[] } {
  const clean: Record<string, unknown> = {};
  const bad: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (hasBadChars(name)) {
      bad.push('_form');
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (!values.some((v) => typeof v === 'string' && hasBadChars(v))) {
      clean[name] = value;
      continue;
    }
    bad.push(name);
    if (dropBadValues) continue;
    const strip = (v: unknown) => (typeof v === 'string' ? v.replace(NUL, '') : v);
    clean[name] = Array.isArray(value) ? value.map(strip) : strip(value);
  }
  return { clean, bad };
}

const undecodable = Symbol('undecodable form fields');
type Marked = { [undecodable]?: string[] };

/** The urlencoded parser's verify hook: names the fields whose percent escapes are not UTF-8. */
export function markUndecodable(req: unknown, _res: unknown, buf: Buffer): void {
  const names: string[] = [];
  for (const pair of buf.toString('latin1').split('&')) {
    const [name = '', value = ''] = pair.split('=', 2).map((s) => s.replace(/\+/g, ' '));
    try {
      decodeURIComponent(value);
      decodeURIComponent(name);
    } catch {
      names.push(safeDecode(name) ?? '_form');
    }
  }
  if (names.length) (req as Marked)[undecodable] = names;
}
const safeDecode = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

function pathIsBad(req: Request): boolean {
  try {
    return hasBadChars(decodeURIComponent(req.path));
  } catch {
    return true; // a percent escape that is not UTF-8
  }
}

export const requestGuard: RequestHandler = (req, res, next) => {
  if (pathIsBad(req)) return next(new NotFound());

  const query = req.query as Record<string, unknown>;
  if (Object.keys(query).length) {
    const repeated = Object.values(query).some(Array.isArray);
    const { clean, bad } = cleanFields(repeated ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) : query, true);
    if (bad.length || repeated) {
      // Express computes req.query on every read; pin the cleaned one.
      Object.defineProperty(req, 'query', { value: clean, configurable: true, enumerable: true, writable: true });
      const t = res.locals.t as ((k: string) => string) | undefined;
      if (t) {
        res.locals.errors = { ...res.locals.errors, ...Object.fromEntries(bad.map((f) => [f, t(BAD_CHARS_KEY)])) };
        // Not every page has a field for each parameter: say it at the top as well.
        res.locals.flash = [...(res.locals.flash ?? []), { type: 'error', text: t('err.invalidCharsQuery') }];
      }
    }
  }

  if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) {
    const { clean, bad } = cleanFields(req.body as Record<string, unknown>);
    const undecoded = (req as Marked)[undecodable] ?? [];
    if (bad.length || undecoded.length) {
      req.body = clean;
      req.inputProblems = [...new Set([...(req.inputProblems ?? []), ...bad, ...undecoded])];
    }
  }

  const ip = req.ip;
  if (ip !== undefined && !isIP(ip)) {
    Object.defineProperty(req, 'ip', { value: req.socket.remoteAddress ?? 'unknown', configurable: true, enumerable: true });
  }
  next();
};
