import { createHash } from 'node:crypto';
import { like, likePrefix, named, sql, type Sql } from '../../db/sql.js';
import type { Actor } from '../../domain/access.js';
import type { PegawaiQuery } from './schemas.js';

/**
 * The employees an actor may see (docs/domain/access.md), as a condition over `pegawai p JOIN
 * unit_kerja u`: the same scope as `visiblePegawai` in domain/access.ts, for hand-written SQL.
 */
export function visiblePegawaiWhere(a: Actor) {
  if (a.isAdmin) return { where: sql`TRUE`, needsUnit: false };
  const or = [];
  if (a.pegawaiId !== null) or.push(sql`p.id = ${a.pegawaiId}`, sql`p.penilai_id = ${a.pegawaiId}`);
  if (a.isPimpinan && a.pimpinanPath) or.push(sql`u.path LIKE ${likePrefix(a.pimpinanPath)}`);
  return { where: or.length ? sql`(${sql.join(or, ' OR ')})` : sql`FALSE`, needsUnit: a.isPimpinan && !!a.pimpinanPath };
}

export type PegawaiListRow = { id: number; nip: string; nama: string; jenisAsn: string; pangkatGolongan: string; aktif: boolean; jabatan: string; unit: string; penilai: string | null };

/**
 * One page of the employee search with the number found (capped), in one statement; see
 * searchPegawai in pegawai-service.ts for why it is shaped so. A named (prepared) statement per
 * query shape: PostgreSQL plans each shape once per connection.
 */
export async function pegawaiSearchRows(db: Sql, actor: Actor, q: PegawaiQuery, pageSize: number, countCap: number): Promise<{ total: number; rows: PegawaiListRow[] }> {
  const scope = visiblePegawaiWhere(actor);
  const where = [scope.where];
  let needsUnit = scope.needsUnit;
  let byName = false;
  if (q.status !== 'semua') where.push(q.status === 'aktif' ? sql`p.aktif = TRUE` : sql`p.aktif = FALSE`);
  if (q.penilai) where.push(sql`p.penilai_id = ${q.penilai}`);
  if (q.unitId) {
    where.push(sql`u.path LIKE (SELECT path FROM unit_kerja WHERE id = ${q.unitId}) || '%'`);
    needsUnit = true;
  }
  if (q.q) {
    const digits = q.q.replace(/[\s.]/g, '');
    if (/^\d+$/.test(digits)) where.push(sql`p.nip >= ${digits} AND p.nip <= ${digits.padEnd(18, '9')}`);
    else {
      where.push(sql`p.nama ILIKE ${like(q.q)}`);
      byName = true;
    }
  }
  const from = sql`FROM pegawai p${sql.raw(needsUnit ? ' JOIN unit_kerja u ON u.id = p.unit_id' : '')} WHERE ${sql.join(where, ' AND ')}`;
  const after = q.setelah ? sql` AND (p.nama, p.id) > (SELECT a.nama, a.id FROM pegawai a WHERE a.id = ${q.setelah})` : sql``;
  // LIMIT is written into the text (a number of ours, never input) and OFFSET 0 is left out, so
  // the usual statement (first page, or a page reached by keyset) has no parameter that changes
  // its plan: PostgreSQL then keeps one generic plan per connection instead of planning every
  // request again (about half its CPU for a listing page).
  const limit = sql.raw(String(Math.trunc(pageSize) + 1));
  const skip = q.setelah ? 0 : (q.page - 1) * pageSize;
  const offset = skip > 0 ? sql` OFFSET ${skip}` : sql``;
  const columns = sql`p.id, p.nip, p.nama, p.jenis_asn, p.pangkat_golongan, p.aktif, j.nama AS jabatan, u.nama AS unit, pn.nama AS penilai`;
  const joins = sql`JOIN jabatan j ON j.id = p.jabatan_id JOIN unit_kerja u ON u.id = p.unit_id LEFT JOIN pegawai pn ON pn.id = p.penilai_id`;
  let query;
  if (byName) {
    // A name filter: the trigram index finds the matches, and each one is checked against the
    // pattern once. ILIKE is the dear part (it lower-cases every candidate name), so the count
    // and the page come from the same set of matches instead of two scans of the pattern. The
    // plan PostgreSQL keeps for this named statement is generic (the pattern is not known when
    // it is planned), so it reads all matches whether it counts them or pages them; the count
    // returned still stops at the cap.
    const afterM = q.setelah ? sql`WHERE (m.nama, m.id) > (SELECT a.nama, a.id FROM pegawai a WHERE a.id = ${q.setelah})` : sql``;
    query = sql`WITH m AS MATERIALIZED (SELECT p.id, p.nama ${from}),
     total AS (SELECT LEAST(count(*), ${countCap + 1})::int AS n FROM m)
     SELECT total.n AS total, x.* FROM total LEFT JOIN LATERAL (
       SELECT ${columns}
         FROM (SELECT m.id FROM m ${afterM} ORDER BY m.nama, m.id LIMIT ${limit}${offset}) k
         JOIN pegawai p ON p.id = k.id ${joins}
     ) x ON TRUE
     ORDER BY x.nama, x.id`;
  } else {
    // Otherwise the page's ids come first, from the (aktif, nama, id) index alone.
    const page = sql`SELECT p.* FROM pegawai p WHERE p.id IN (SELECT p.id ${from}${after} ORDER BY p.nama, p.id LIMIT ${limit}${offset})`;
    query = sql`WITH total AS (SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${countCap + 1}) c)
     SELECT total.n AS total, x.* FROM total LEFT JOIN LATERAL (
       SELECT ${columns} FROM (${page}) p ${joins}
     ) x ON TRUE
     ORDER BY x.nama, x.id`;
  }
  const rows = await db.rows<PegawaiListRow & { total: number }>(named(`pegawai-list-${createHash('sha1').update(query.text).digest('hex').slice(0, 16)}`, query));
  return { total: rows[0]?.total ?? 0, rows: rows.filter((x) => x.id !== null).map(({ total: _t, ...row }) => row) };
}

export type RiwayatRow = { berlakuMulai: Date; tmt: Date | null; aktif: boolean; keterangan: string | null; jabatan: string; unit: string; penilai: string | null };

/** An employee's history of position, unit and appraiser, newest first. */
export const riwayatRows = (q: Sql, pegawaiId: number) =>
  q.rows<RiwayatRow>(sql`SELECT r.berlaku_mulai, r.tmt, r.aktif, r.keterangan, j.nama AS jabatan, u.nama AS unit, COALESCE(pn.nama, pl.nama) AS penilai
      FROM riwayat_pegawai r JOIN jabatan j ON j.id = r.jabatan_id JOIN unit_kerja u ON u.id = r.unit_id
      LEFT JOIN pegawai pn ON pn.id = r.penilai_id LEFT JOIN pejabat_luar pl ON pl.id = r.penilai_luar_id
     WHERE r.pegawai_id = ${pegawaiId} ORDER BY r.berlaku_mulai DESC, r.id DESC`);

/** The appraiser chain upward from `startId` (one recursive query, stopping at a loop). */
export const appraiserChainRows = (q: Sql, startId: number) =>
  q.rows<{ id: number; penilaiId: number | null; nama: string }>(sql`
    WITH RECURSIVE chain AS (
      SELECT id, penilai_id, nama, 1 AS depth FROM pegawai WHERE id = ${startId}
      UNION ALL
      SELECT p.id, p.penilai_id, p.nama, c.depth + 1 FROM pegawai p JOIN chain c ON p.id = c.penilai_id WHERE c.depth < 100
    ) CYCLE id SET is_cycle USING route
    SELECT id, penilai_id, nama FROM chain WHERE NOT is_cycle`);

export type UnitListRow = { id: number; kode: string; nama: string; parentId: number | null; path: string; aktif: boolean; mandiri: boolean; version: number; depth: number; pegawaiCount: number; kepalaJabatan: string | null };

/** Every unit with its depth and active headcount (the caller orders the tree). */
export const unitRows = (q: Sql) =>
  q.rows<UnitListRow>(sql`SELECT u.id, u.kode, u.nama, u.parent_id, u.path, u.aktif, u.mandiri, u.version,
         array_length(string_to_array(trim(both '/' from u.path), '/'), 1) - 1 AS depth,
         (SELECT count(*)::int FROM pegawai p WHERE p.unit_id = u.id AND p.aktif) AS pegawai_count,
         (SELECT j.nama FROM jabatan j WHERE j.id = u.kepala_jabatan_id) AS kepala_jabatan
    FROM unit_kerja u`);

export type PenilaiBawaanRow = { jabatanId: number; kepalaJabatan: string | null; holders: { nama: string; nip: string }[] | null };

/**
 * For every active position, the default appraiser of its holders (docs/domain/penilai.md): the
 * holders of the head position of its unit, or, for the unit's own head position, of the parent
 * unit's. One statement for the employee form.
 */
export const penilaiBawaanRows = (q: Sql) =>
  q.rows<PenilaiBawaanRow>(sql`SELECT j.id AS jabatan_id, hj.nama AS kepala_jabatan,
         (SELECT json_agg(json_build_object('nama', h.nama, 'nip', h.nip) ORDER BY h.nama) FROM pegawai h WHERE h.jabatan_id = hj.id AND h.aktif) AS holders
    FROM jabatan j
    JOIN unit_kerja u ON u.id = j.unit_id
    LEFT JOIN unit_kerja pu ON pu.id = u.parent_id
    LEFT JOIN jabatan hj ON hj.id = CASE WHEN u.kepala_jabatan_id = j.id THEN pu.kepala_jabatan_id ELSE u.kepala_jabatan_id END
   WHERE j.aktif`);
