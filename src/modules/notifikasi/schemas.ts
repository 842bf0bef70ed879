import { z } from 'zod';

// The notification list's page cursor: `<ISO time>~<id>` of the last row shown; anything else is the first page.
export const notifikasiQuery = z.object({
  sebelum: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z~\d{1,10}$/)
    .transform((s) => {
      const [at, rowId] = s.split('~') as [string, string];
      return { at: new Date(at), id: Number(rowId) };
    })
    .refine((c) => !Number.isNaN(c.at.getTime()) && c.id <= 2_147_483_647)
    .optional()
    .catch(undefined),
});
export type NotifikasiCursor = NonNullable<z.infer<typeof notifikasiQuery>['sebelum']>;

/** The cursor of a row, as the "older" link carries it. */
export const cursorOf = (r: { createdAt: Date; id: number }) => `${r.createdAt.toISOString()}~${r.id}`;
