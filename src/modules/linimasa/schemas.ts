import { z } from 'zod';
import { id, tanggal, text, version } from '../../schemas/primitives.js';

// The forms of continuous feedback and dialog kinerja, and the timeline's page cursor.

/** The longest feedback and the longest topic / agreed-actions text. */
export const UMPAN_BALIK_MAX = 2000;
export const DIALOG_TEKS_MAX = 4000;

export const umpanBalikForm = z.object({
  pegawaiId: id,
  teks: text(1, UMPAN_BALIK_MAX),
  /** '1': tie it to the employee's current SKP. */
  kaitkanSkp: z.literal('1').optional().transform((v) => v === '1'),
});
export type UmpanBalikInput = z.infer<typeof umpanBalikForm>;

const optionalTanggal = z.union([z.literal(''), tanggal]).optional().transform((v) => (v ? v : null));

const dialogFields = {
  tanggal,
  topik: text(3, DIALOG_TEKS_MAX),
  tindakan: text(3, DIALOG_TEKS_MAX),
  tindakLanjut: optionalTanggal,
};
/** A follow-up date is never before the meeting. "Not after today" needs the clock: the service checks it. */
const followUpAfterMeeting = (v: { tanggal: string; tindakLanjut: string | null }, ctx: z.RefinementCtx) => {
  if (v.tindakLanjut !== null && v.tindakLanjut < v.tanggal) ctx.addIssue({ code: 'custom', path: ['tindakLanjut'], message: 'linimasa.err.tindakLanjutBeforeTanggal' });
};

export const dialogBaruForm = z.object({ pegawaiId: id, ...dialogFields }).superRefine(followUpAfterMeeting);
export const dialogUbahForm = z.object({ version, ...dialogFields }).superRefine(followUpAfterMeeting);
export type DialogInput = { tanggal: string; topik: string; tindakan: string; tindakLanjut: string | null };

/** The timeline's "older" cursor: `<ISO time>~<id of the kind>~<row id>`; anything else is the first page. */
export const linimasaQuery = z.object({
  sebelum: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z~[1-6]~\d{1,10}$/)
    .transform((s) => {
      const [at, jenis, rowId] = s.split('~') as [string, string, string];
      return { at: new Date(at), jenis: Number(jenis), id: Number(rowId) };
    })
    .refine((c) => !Number.isNaN(c.at.getTime()) && c.id <= 2_147_483_647)
    .optional()
    .catch(undefined),
});
export type LinimasaCursor = NonNullable<z.infer<typeof linimasaQuery>['sebelum']>;
