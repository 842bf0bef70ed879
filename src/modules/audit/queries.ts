import { like, likePrefix, sql, type Sql } from '../../db/sql.js';
import { aksiAliases } from './actions.js';

export type AuditFilter = { entitas?: string; aksi?: string; actor?: string; entitasId?: string; dari?: string; sampai?: string; before?: number };
export type AuditRow = { id: number; at: Date; actor: string; aksi: string; entitas: string; entitasId: string | null; ip: string | null; hasData: boolean };

/** One page of the log, newest first, keyset-paged by id; one more row than asked tells "more". */
export function auditRows(q: Sql, f: AuditFilter, limit: number): Promise<AuditRow[]> {
  const where = [sql`TRUE`];
  if (f.entitas) where.push(sql`entitas = ${f.entitas}`);
  if (f.aksi) {
    // Entries written before an action was renamed keep their old name: match both.
    const aliases = aksiAliases(f.aksi);
    where.push(aliases.length ? sql`(aksi LIKE ${likePrefix(f.aksi)} OR aksi = ANY(${aliases}::text[]))` : sql`aksi LIKE ${likePrefix(f.aksi)}`);
  }
  if (f.actor) where.push(sql`actor ILIKE ${like(f.actor)}`);
  if (f.entitasId) where.push(sql`entitas_id = ${f.entitasId}`);
  // a date is a Jakarta day: midnight there as a timestamp (a bare date would become timestamptz first)
  if (f.dari) where.push(sql`at >= (${f.dari}::date::timestamp AT TIME ZONE 'Asia/Jakarta')`);
  if (f.sampai) where.push(sql`at < ((${f.sampai}::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')`);
  if (f.before) where.push(sql`id < ${f.before}`);
  return q.rows<AuditRow>(sql`SELECT id::int, at, actor, aksi, entitas, entitas_id, ip, before IS NOT NULL OR after IS NOT NULL AS has_data
      FROM audit_log WHERE ${sql.join(where, ' AND ')} ORDER BY id DESC LIMIT ${limit + 1}`);
}

export async function auditEntitasList(q: Sql): Promise<string[]> {
  return (await q.rows<{ entitas: string }>(sql`SELECT DISTINCT entitas FROM audit_log ORDER BY entitas`)).map((e) => e.entitas);
}
