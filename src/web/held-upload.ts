import { randomBytes } from 'node:crypto';
import type { Request } from 'express';

// A file uploaded with a form that asks for confirmation first (src/web/confirm.ts): the
// confirmation page cannot carry the file again, so the first POST checks and stores it, and
// the session holds what was stored under a random token that the confirmation form repeats.
// The confirmed POST takes it back (once); a token of another record, another session or an
// expired one gives nothing, and the route asks for the file again.

declare module 'express-session' {
  interface SessionData { heldUploads?: Record<string, { scope: string; at: number; stored: unknown }> }
}

const KEEP_MS = 2 * 60 * 60 * 1000;
const MAX_HELD = 5;

/** Holds `stored` for the record `scope` (e.g. "skp:12"); returns the token for the confirmation form. */
export function holdUpload<T>(req: Request, scope: string, stored: T): string {
  const now = Date.now();
  const held = Object.entries(req.session.heldUploads ?? {}).filter(([, h]) => now - h.at < KEEP_MS).slice(-(MAX_HELD - 1));
  const token = randomBytes(16).toString('base64url');
  req.session.heldUploads = Object.fromEntries([...held, [token, { scope, at: now, stored }]]);
  return token;
}

/** What `holdUpload` held for this record under `token`, removed from the session; null when none. */
export function takeUpload<T>(req: Request, scope: string, token: unknown): T | null {
  const held = req.session.heldUploads ?? {};
  if (typeof token !== 'string' || !Object.hasOwn(held, token)) return null;
  const h = held[token]!;
  delete held[token];
  req.session.heldUploads = held;
  return h.scope === scope && Date.now() - h.at < KEEP_MS ? (h.stored as T) : null;
}
