import type { Request, Response } from 'express';

// Deliberate steps ask first (submitting an SKP, approving, returning, moving a cycle's phase),
// as a plain form step that needs no script: the first POST answers with a page that says what
// will happen and carries the same form again with `confirmed=1`; only that second POST acts.
// A double click on the confirmation sends the same confirmed form twice, which each use case
// already answers harmlessly.

export type Confirmation = {
  /** The question, e.g. "Ajukan SKP 2026 kepada Budi Santoso?" */
  title: string;
  /** What will happen, in one or two sentences. */
  message: string;
  /** Further facts worth reading before saying yes (optional). */
  details?: string[];
  /** The label of the button that confirms. */
  confirm: string;
  /** Where "cancel" goes back to. */
  back: string;
};

const NOT_REPEATED = new Set(['_csrf', '_who', '_resent', 'confirmed']);

/** Whether this POST is the confirmed one (the caller then skips whatever it reads only to ask). */
export const isConfirmed = (req: Request): boolean => (req.body as Record<string, unknown> | undefined)?.confirmed === '1';

/** True when the confirmation page was sent (the caller stops); false once confirmed. */
export function confirmFirst(req: Request, res: Response, page: Confirmation): boolean {
  if (isConfirmed(req)) return false;
  const body = (req.body ?? {}) as Record<string, unknown>;
  const fields = Object.entries(body).filter((e): e is [string, string] => !NOT_REPEATED.has(e[0]) && typeof e[1] === 'string');
  res.render('confirm', { ...page, action: req.originalUrl, fields });
  return true;
}
