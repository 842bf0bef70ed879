import { z } from 'zod';
import { JenisNotifikasi, StatusEmail } from '../../../prisma/generated/enums.js';
import { LANGS } from '../../i18n/index.js';
import { idFilter, version } from '../../schemas/primitives.js';

// HR's outbox list (its query string), the resend form, and everyone's notification settings.

/** The kinds a person can have by e-mail (EMAIL_GAGAL, HR's note about failed e-mails, is in the app only). */
export const JENIS_NOTIFIKASI = (Object.values(JenisNotifikasi) as JenisNotifikasi[]).filter((j) => j !== 'EMAIL_GAGAL');
const STATUS = Object.values(StatusEmail) as StatusEmail[];

/** The outbox list: which status (failed by default) and the keyset cursor. A value no row could have is no filter. */
export const emailKeluarQuery = z.object({
  status: z.enum(STATUS as [StatusEmail, ...StatusEmail[]]).optional().catch(undefined).transform((v) => v ?? 'GAGAL'),
  sebelum: idFilter,
});

export const kirimUlangForm = z.object({ version });

/**
 * The settings form: one checkbox per kind, all named `email` with the kind as value (checked
 * ones arrive; a kind not sent is off), and the language of the e-mails.
 */
export const preferensiForm = z.object({
  email: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(JENIS_NOTIFIKASI as [JenisNotifikasi, ...JenisNotifikasi[]], { message: 'err.invalid' })).max(JENIS_NOTIFIKASI.length, 'err.invalid')),
  bahasa: z.enum(LANGS as [string, ...string[]], { message: 'err.invalid' }),
});
export type PreferensiInput = z.infer<typeof preferensiForm>;
