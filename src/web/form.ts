import type { Request, Response } from 'express';
import type { z } from 'zod';
import { Refused, type Problem } from '../errors.js';
import { statusOf } from './errors.js';
import { fieldErrors, inputProblemErrors } from './validate.js';

/** At most this many problems are listed on a page (the count says how many there are). */
export const MAX_PROBLEMS_SHOWN = 1000;

/**
 * What a page shows for a refusal: the message (next to its field when the service named one)
 * and the list of problems, capped for the page. The view renders `problems` with
 * partials/problems.ejs.
 */
export function refusalLocals(e: Refused, t: (key: string, params?: Record<string, string | number>) => string) {
  const message = t(e.key, e.params);
  const field = e.field;
  return {
    errors: field ? { [field]: message } : {},
    formError: field ? undefined : message,
    problems: e.problems.slice(0, MAX_PROBLEMS_SHOWN) as Problem[],
    problemCount: e.problems.length,
  };
}

/**
 * The one way a form is handled: parse the body with zod; on invalid input, or a refusal from
 * the service (src/errors.ts: Refused, Invalid, Conflict), render the same form again with what
 * was typed, the messages and the list of problems (422 / 409); otherwise run `onValid`, which
 * redirects. `locals` supplies the rest of the form's data.
 */
export async function handleForm<S extends z.ZodType>(
  req: Request,
  res: Response,
  opts: { schema: S; view: string; locals?: () => Promise<Record<string, unknown>> | Record<string, unknown>; onValid: (data: z.output<S>) => Promise<void> },
): Promise<void> {
  const values = { ...(req.body as Record<string, unknown>) };
  delete values._csrf;
  delete values._who;
  delete values._resent;
  delete values.password;
  const again = async (status: number, shown: Record<string, unknown>) => {
    const extra = opts.locals ? await opts.locals() : {};
    res.status(status).render(opts.view, { ...extra, values, ...shown });
  };
  // Characters no column can store (the request guard removed them and named the fields).
  if (req.inputProblems?.length) return again(422, { errors: inputProblemErrors(req, res.locals.t) });
  const input = opts.schema.safeParse(req.body);
  if (!input.success) {
    const errors = fieldErrors(input.error, res.locals.t);
    // The version is a hidden field: its error (a form this app did not write) goes at the top.
    return again(422, { errors, formError: errors.version });
  }
  try {
    await opts.onValid(input.data);
  } catch (e) {
    // A unique key taken between the service's check and its insert (a double submit racing
    // itself): the same refusal as any other change by someone else, not a 500.
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'P2002' || code === '23505') return again(409, { errors: {}, formError: res.locals.t('conflict.changedBySomeoneElse') as string });
    if (!(e instanceof Refused)) throw e;
    return again(statusOf(e), refusalLocals(e, res.locals.t));
  }
}
