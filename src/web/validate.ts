import type { Request } from 'express';
import type { z } from 'zod';
import type { Translate } from '../i18n/index.js';

export type FieldErrors = Record<string, string>;

/**
 * Turns a zod error into one translated message per field. Schemas give message keys
 * ("err.required", "nip.length"); zod's own issues are translated by their code.
 */
export function fieldErrors(error: z.ZodError, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join('.') : '_form';
    if (out[field]) continue;
    out[field] = issueMessage(issue, t);
  }
  return out;
}

/** One field error per field the request guard found characters in that no column can store. */
export function inputProblemErrors(req: Request, t: Translate): FieldErrors {
  return Object.fromEntries((req.inputProblems ?? []).map((f) => [f, t('err.invalidChars')]));
}

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const msg = issue.message;
  if (/^[a-z][A-Za-z]*\.[A-Za-z.]+$/.test(msg)) return t(msg, issueParams(issue));
  switch (issue.code) {
    case 'invalid_type':
      return t(issue.input === undefined || issue.input === '' ? 'err.required' : 'err.invalid');
    case 'too_small':
      return issue.origin === 'string' ? t(Number(issue.minimum) <= 1 ? 'err.required' : 'err.minLength', { min: Number(issue.minimum) }) : t('err.min', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string' ? t('err.maxLength', { max: Number(issue.maximum) }) : t('err.max', { max: Number(issue.maximum) });
    case 'invalid_value':
      return t('err.choice');
    case 'invalid_format':
      return issue.format === 'email' ? t('err.email') : t('err.invalid');
    default:
      return t('err.invalid');
  }
}

function issueParams(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  return undefined;
}
