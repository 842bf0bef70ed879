import { z } from 'zod';
import { isValidGolongan } from '../../domain/golongan.js';
import { validateNip } from '../../domain/nip.js';
import { optionalText, text, version } from '../../schemas/primitives.js';

// The forms of officials outside the agency (docs/domain/penilai.md § Officials outside the agency).

/** Optional NIP: blank for an elected official; when given, the same rules as an employee's NIP. */
const optionalNip = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const r = validateNip(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.code });
      return z.NEVER;
    }
    return r.nip;
  });

/** Optional rank: blank for an elected official; when given, a PNS or PPPK golongan the app knows. */
const optionalGolongan = z
  .string()
  .trim()
  .max(60, 'err.maxLength')
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!isValidGolongan('PNS', v) && !isValidGolongan('PPPK', v)) {
      ctx.addIssue({ code: 'custom', message: 'pegawai.golonganInvalid' });
      return z.NEVER;
    }
    return v;
  });

export const pejabatLuarForm = z.object({
  nama: text(3, 200),
  nip: optionalNip,
  jabatan: text(3, 200),
  instansi: text(3, 200),
  pangkatGolongan: optionalGolongan,
  email: z.union([z.literal(''), z.email('err.email').max(200, 'err.maxLength')]).optional().transform((v) => (v ? v : null)),
});
export type PejabatLuarInput = z.infer<typeof pejabatLuarForm>;
export const pejabatLuarUpdate = pejabatLuarForm.extend({ version });

export const statusForm = z.object({ version });

/**
 * The login name HR gives an official: letters first (never all digits, so it can never be
 * read as a NIP by the login form), then letters, digits, dots, dashes or underscores.
 */
export const akunForm = z.object({
  version,
  username: z
    .string({ message: 'err.required' })
    .trim()
    .toLowerCase()
    .min(1, 'err.required')
    .min(3, 'err.minLength')
    .max(60, 'err.maxLength')
    .regex(/^[a-z][a-z0-9._-]*$/, 'pejabatLuar.usernameFormat'),
});

export const pejabatLuarQuery = z.object({ status: z.enum(['aktif', 'nonaktif', 'semua']).default('aktif').catch('aktif'), q: optionalText(100).catch(null) });
