import { z } from 'zod';
import { LANGS } from '../../i18n/index.js';

export const loginForm = z.object({
  login: z.string().trim().min(1, 'err.required').max(100),
  password: z.string().min(1, 'err.required').max(200),
});

export const passwordForm = z
  .object({
    current: z.string().min(1, 'err.required').max(200),
    next: z.string().min(10, 'password.tooShort').max(200),
    confirm: z.string().max(200),
  })
  .refine((v) => v.next === v.confirm, { path: ['confirm'], message: 'password.mismatch' })
  .refine((v) => v.next !== v.current, { path: ['next'], message: 'password.same' });

export const langForm = z.object({ lang: z.enum(LANGS), back: z.string().max(500).optional() });
