import { named, sql, type Sql } from '../../db/sql.js';
import type { JenisNotifikasi } from '../../../prisma/generated/client.js';
import { BELL_MAX } from '../../domain/notifikasi.js';
import type { NotifikasiCursor } from './schemas.js';

// The bell's count and the list's keyset page (docs/domain/notifikasi.md § The bell and the list).

/**
 * The unread count of a login, read through the partial index of unread rows
 * (notifikasi_belum_dibaca_idx) and stopped after BELL_MAX + 1 rows. The unread rows are a
 * MATERIALIZED CTE so that they are planned as "all of them" (the index), then read lazily up to
 * the limit: a plain LIMIT lets the planner bet on a sequential scan finding 100 rows early, which
 * for a login with many unread rows late in the table read the whole table (187 ms on a million
 * rows, against 1.5 ms this way; docs/domain/notifikasi.md § The bell). Prepared once per connection.
 */
export async function belumDibacaCount(q: Sql, userId: number): Promise<number> {
  const r = await q.one<{ n: number }>(
    named(
      'bell-count',
      sql`WITH belum AS MATERIALIZED (SELECT 1 FROM notifikasi WHERE user_id = ${userId} AND dibaca_at IS NULL)
          SELECT count(*)::int AS n FROM (SELECT 1 FROM belum LIMIT ${BELL_MAX + 1}) x`,
    ),
  );
  return r?.n ?? 0;
}

export type NotifikasiRow = { id: number; jenis: JenisNotifikasi; params: unknown; tautan: string; dibacaAt: Date | null; createdAt: Date };

/**
 * One page of a login's notifications, newest first, below the cursor (created_at, id), read in
 * order from the index (user_id, created_at DESC, id DESC): `limit + 1` index entries, to know
 * whether there is more, however long the login's history (0.06 ms with 65,000 of them).
 */
export function notifikasiRows(q: Sql, userId: number, cursor: NotifikasiCursor | undefined, limit: number) {
  const below = cursor ? sql`AND (created_at, id) < (${cursor.at}::timestamptz, ${cursor.id}::int)` : sql``;
  return q.rows<NotifikasiRow>(sql`
    SELECT id, jenis, params, tautan, dibaca_at, created_at FROM notifikasi
     WHERE user_id = ${userId} ${below}
     ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`);
}
