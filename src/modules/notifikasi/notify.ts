import { sql, type Sql } from '../../db/sql.js';
import type { JenisNotifikasi } from '../../../prisma/generated/client.js';

// Notifications (docs/domain/notifikasi.md). `notify` is the one way a feature tells someone of an
// event: called inside the transaction that makes the event, so the event and its notification
// (and its e-mail in the outbox) exist together or not at all. Set-based: one statement for any
// number of recipients. The text is not stored: it is rendered from `jenis` + `params` when shown
// or sent, in the recipient's language (message keys `notifikasi.jenis.<JENIS>`).

export type Pemberitahuan = {
  /** The recipient: a login, or an employee (their login is looked up; none → skipped). */
  userId?: number;
  pegawaiId?: number;
  jenis: JenisNotifikasi;
  /** Values for the message (names, period, dates as ISO strings). */
  params?: Record<string, string | number>;
  /** Where the notification leads, a path inside the app ("/laporan/12"). */
  tautan: string;
  /** Makes it at-most-once: a second notification with the same key is dropped. */
  kunci?: string;
};

/**
 * Writes the notifications and, for each recipient who has an e-mail address and has not switched
 * e-mail off for that kind, its outbox row. Returns how many notifications were written.
 */
export async function notify(on: Sql, items: readonly Pemberitahuan[], opts: { email?: boolean } = {}): Promise<number> {
  if (items.length === 0) return 0;
  const email = opts.email ?? true; // false: in the app only (a notification about e-mail itself)
  const r = await on.one<{ n: number }>(sql`
    WITH input AS (
      SELECT * FROM unnest(${items.map((i) => i.userId ?? null)}::int[], ${items.map((i) => i.pegawaiId ?? null)}::int[],
                           ${items.map((i) => i.jenis)}::text[], ${items.map((i) => JSON.stringify(i.params ?? {}))}::jsonb[],
                           ${items.map((i) => i.tautan)}::text[], ${items.map((i) => i.kunci ?? null)}::text[])
             WITH ORDINALITY AS x(user_id, pegawai_id, jenis, params, tautan, kunci, ord)
    ),
    ins AS (
      -- in the order given (ids follow it); a key met twice, in this call or before, is written once
      INSERT INTO notifikasi (user_id, jenis, params, tautan, kunci)
      SELECT COALESCE(i.user_id, u.id), i.jenis::"JenisNotifikasi", i.params, i.tautan, i.kunci
        FROM input i LEFT JOIN app_user u ON i.user_id IS NULL AND u.pegawai_id = i.pegawai_id
       WHERE COALESCE(i.user_id, u.id) IS NOT NULL
       ORDER BY i.ord
      ON CONFLICT (kunci) DO NOTHING
      RETURNING id, user_id, jenis
    ),
    mail AS (
      INSERT INTO email_keluar (notifikasi_id, kepada)
      SELECT ins.id, COALESCE(p.email, pl.email)
        FROM ins JOIN app_user u ON u.id = ins.user_id
        LEFT JOIN pegawai p ON p.id = u.pegawai_id
        LEFT JOIN pejabat_luar pl ON pl.id = u.pejabat_luar_id
        LEFT JOIN preferensi_notifikasi pf ON pf.user_id = ins.user_id AND pf.jenis = ins.jenis
       WHERE ${email}::boolean AND u.aktif AND COALESCE(p.email, pl.email) IS NOT NULL AND COALESCE(pf.email, true)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins)::int AS n, (SELECT count(*) FROM mail)::int AS m`);
  return r!.n;
}
