import { sql, type Sql } from '../../db/sql.js';
import type { JenisNotifikasi, StatusEmail } from '../../../prisma/generated/client.js';

// The outbox's set-based statements (docs/domain/email.md): the sender's claim and outcomes, and
// HR's list. The claim and the outcomes are writes in SQL because they are set-based (one
// statement per batch, whatever its size), like the bulk draft SKPs.

/** An e-mail claimed for sending, with what its text is made of. */
export type Klaim = {
  id: number;
  /** The version the claim gave the row: the outcome is written only if it still has it. */
  version: number;
  percobaan: number;
  kepada: string;
  jenis: JenisNotifikasi;
  params: unknown;
  tautan: string;
  bahasa: string;
  nama: string | null;
};

/**
 * Claims up to `batas` due e-mails (waiting, their time come), oldest first: rows another
 * instance holds are skipped (FOR UPDATE SKIP LOCKED), and the claimed rows are pushed out to
 * `sampai` (the lease) in the same statement, so no other sender sees them as due until then.
 * A sender that dies mid-batch leaves its rows to come back when the lease ends.
 */
export function klaimEmail(q: Sql, now: Date, sampai: Date, batas: number): Promise<Klaim[]> {
  return q.rows<Klaim>(sql`
    WITH due AS (
      SELECT id FROM email_keluar
       WHERE status = 'ANTRI' AND coba_lagi_at <= ${now}::timestamptz
       ORDER BY coba_lagi_at, id
       LIMIT ${batas}
       FOR UPDATE SKIP LOCKED
    ),
    claimed AS (
      UPDATE email_keluar e SET coba_lagi_at = ${sampai}::timestamptz, version = e.version + 1
        FROM due WHERE e.id = due.id
      RETURNING e.id, e.version, e.percobaan, e.kepada, e.notifikasi_id, e.coba_lagi_at
    )
    SELECT c.id, c.version, c.percobaan, c.kepada, n.jenis, n.params, n.tautan, u.bahasa, COALESCE(p.nama, pl.nama) AS nama
      FROM claimed c
      JOIN notifikasi n ON n.id = c.notifikasi_id
      JOIN app_user u ON u.id = n.user_id
      LEFT JOIN pegawai p ON p.id = u.pegawai_id
      LEFT JOIN pejabat_luar pl ON pl.id = u.pejabat_luar_id
     ORDER BY c.id`);
}

/** Marks the claimed e-mails that went out as sent (only those still under this claim). */
export function catatTerkirim(q: Sql, rows: readonly { id: number; version: number }[], now: Date): Promise<number> {
  if (rows.length === 0) return Promise.resolve(0);
  return q.exec(sql`
    UPDATE email_keluar e SET status = 'TERKIRIM', terkirim_at = ${now}::timestamptz, galat = NULL, version = e.version + 1
      FROM unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.version)}::int[]) AS x(id, version)
     WHERE e.id = x.id AND e.version = x.version AND e.status = 'ANTRI'`);
}

export type Gagal = { id: number; version: number; status: 'ANTRI' | 'GAGAL'; percobaan: number; cobaLagiAt: Date; galat: string };

/** Records failed attempts: counted, with the error, waiting for the next try or failed for good. */
export function catatGagal(q: Sql, rows: readonly Gagal[]): Promise<number> {
  if (rows.length === 0) return Promise.resolve(0);
  return q.exec(sql`
    UPDATE email_keluar e SET status = x.status::"StatusEmail", percobaan = x.percobaan, coba_lagi_at = x.coba_lagi_at, galat = x.galat, version = e.version + 1
      FROM unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.version)}::int[], ${rows.map((r) => r.status)}::text[],
                  ${rows.map((r) => r.percobaan)}::int[], ${rows.map((r) => r.cobaLagiAt)}::timestamptz[], ${rows.map((r) => r.galat)}::text[])
           AS x(id, version, status, percobaan, coba_lagi_at, galat)
     WHERE e.id = x.id AND e.version = x.version AND e.status = 'ANTRI'`);
}

export type EmailKeluarRow = {
  id: number;
  version: number;
  kepada: string;
  status: StatusEmail;
  percobaan: number;
  cobaLagiAt: Date;
  galat: string | null;
  terkirimAt: Date | null;
  createdAt: Date;
  jenis: JenisNotifikasi;
  params: unknown;
  nama: string | null;
  nip: string | null;
};

/**
 * HR's list: the e-mails of one status, newest first, keyset-paged on (created_at, id) through the
 * (status, created_at) index (`sebelum`: the last id of the page before). Returns up to
 * `limit` + 1 rows, so the caller knows whether there is more.
 */
export function emailKeluarRows(q: Sql, status: StatusEmail, sebelum: number | undefined, limit: number): Promise<EmailKeluarRow[]> {
  return q.rows<EmailKeluarRow>(sql`
    SELECT e.id, e.version, e.kepada, e.status, e.percobaan, e.coba_lagi_at, e.galat, e.terkirim_at, e.created_at,
           n.jenis, n.params, COALESCE(p.nama, pl.nama) AS nama, COALESCE(p.nip, pl.nip) AS nip
      FROM email_keluar e
      JOIN notifikasi n ON n.id = e.notifikasi_id
      JOIN app_user u ON u.id = n.user_id
      LEFT JOIN pegawai p ON p.id = u.pegawai_id
      LEFT JOIN pejabat_luar pl ON pl.id = u.pejabat_luar_id
     WHERE e.status = ${status}::"StatusEmail"
       ${sebelum ? sql`AND (e.created_at, e.id) < (SELECT c.created_at, c.id FROM email_keluar c WHERE c.id = ${sebelum})` : sql``}
     ORDER BY e.created_at DESC, e.id DESC
     LIMIT ${limit + 1}`);
}

/** How many e-mails there are of each status (the tabs of HR's page). */
export function emailKeluarCounts(q: Sql): Promise<{ status: StatusEmail; n: number }[]> {
  return q.rows(sql`SELECT status, count(*)::int AS n FROM email_keluar GROUP BY status`);
}
