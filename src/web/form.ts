import type { Request, Response } from 'express';
import type { z } from 'zod';
import { Conflict } from './errors.js';
import { fieldErrors, inputProblemErrors } from './validate.js';

/**
 * The one way a form is handled: parse the body with zod; on invalid input or a Conflict from
 * the service, render the same form again with what was typed and the messages (422 / 409);
 * otherwise run `onValid`, which redirects. `locals` supplies the rest of the form's data.
 */
export async function handleForm<S extends z.ZodType>(
  req: Request,
  res: Response,
  opts: { schema: S; view: string; locals?: () => Promise<Record<string, unknown>> | Record<string, unknown>; onValid: (data: z.output<S>) => Promise<void> },
): Promise<void> {
  const values = { ...(req.body as Record<string, unknown>) };
  delete values._csrf;
  delete values.password;
  const again = async (status: number, errors: Record<string, string>, formError?: string) => {
    const extra = opts.locals ? await opts.locals() : {};
    res.status(status).render(opts.view, { ...extra, values, errors, formError });
  };
  // Characters no column can store (the request guard removed them and named the fields).
  if (req.inputProblems?.length) return again(422, inputProblemErrors(req, res.locals.t));
  const input = opts.schema.safeParse(req.body);
  if (!input.success) {
    const errors = fieldErrors(input.error, res.locals.t);
    // The version is a hidden field: its error (a form this app did not write) goes at the top.
    return again(422, errors, errors.version);
  }
  try {
    await opts.onValid(input.data);
  } catch (e) {
    // A unique key taken between the service's check and its insert (a double submit racing
    // itself): the same refusal as any other change by someone else, not a 500.
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'P2002' || code === '23505') return again(409, {}, res.locals.t('conflict.changedBySomeoneElse') as string);
    if (!(e instanceof Conflict)) throw e;
    const message = res.locals.t(e.key, e.params) as string;
    const field = e.params?.field;
    return typeof field === 'string' ? again(409, { [field]: message }) : again(409, {}, message);
  }
}
