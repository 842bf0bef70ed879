import { like, likePrefix, sql, type Sql } from '../../db/sql.js';
import type { Fase } from '../../domain/siklus.js';

export type TemplatListRow = { id: number; nama: string; createdAt: Date; jabatanId: number; jabatan: string; jenisJabatan: string; unit: string; rhkCount: number; pemangku: number };

/** Every template with its position, unit, RHK count and the position's active holders. */
export const templatRows = (q: Sql) =>
  q.rows<TemplatListRow>(sql`SELECT t.id, t.nama, t.created_at, j.id AS jabatan_id, j.nama AS jabatan, j.jenis AS jenis_jabatan, u.nama AS unit,
         jsonb_array_length(t.data->'rhk')::int AS rhk_count,
         (SELECT count(*)::int FROM pegawai p WHERE p.jabatan_id = j.id AND p.aktif) AS pemangku
    FROM skp_templat t JOIN jabatan j ON j.id = t.jabatan_id JOIN unit_kerja u ON u.id = j.unit_id
   ORDER BY u.path, j.nama, t.nama, t.id`);

/** For each cycle open for SKP work: how many holders of the position have an SKP, and how many are still empty. */
export const previewRows = (q: Sql, jabatanId: number) =>
  q.rows<{ id: number; tahun: number; fase: Fase; pemangku: number; kosong: number }>(sql`SELECT s.id, s.tahun, s.fase,
         count(k.id)::int AS pemangku,
         count(k.id) FILTER (WHERE k.status = 'DRAFT' AND NOT EXISTS (SELECT 1 FROM rhk r WHERE r.skp_id = k.id AND r.dihapus_revisi IS NULL))::int AS kosong
    FROM siklus s
    LEFT JOIN (skp k JOIN pegawai p ON p.id = k.pegawai_id AND p.aktif AND p.jabatan_id = ${jabatanId}) ON k.siklus_id = s.id AND k.ditutup_at IS NULL
   WHERE s.fase IN ('PERENCANAAN', 'PELAKSANAAN')
   GROUP BY s.id ORDER BY s.tahun DESC`);

export type SkpSourceRow = { id: number; tahun: number; status: string; nama: string; nip: string; jabatan: string; rhkCount: number };

/** SKPs to copy a template from: those with at least one RHK, by cycle and name, position or NIP prefix. */
export function skpSourceRows(q: Sql, f: { siklusId?: number; q?: string }) {
  const where = [sql`EXISTS (SELECT 1 FROM rhk r WHERE r.skp_id = k.id AND r.dihapus_revisi IS NULL)`];
  if (f.siklusId) where.push(sql`k.siklus_id = ${f.siklusId}`);
  if (f.q) {
    const digits = f.q.replace(/[\s.]/g, '');
    if (/^\d+$/.test(digits)) where.push(sql`pg.nip LIKE ${likePrefix(digits)}`);
    else where.push(sql`(pg.nama ILIKE ${like(f.q)} OR j.nama ILIKE ${like(f.q)})`);
  }
  return q.rows<SkpSourceRow>(sql`SELECT k.id, s.tahun, k.status, pg.nama, pg.nip, j.nama AS jabatan, (SELECT count(*)::int FROM rhk r WHERE r.skp_id = k.id AND r.dihapus_revisi IS NULL) AS rhk_count
      FROM skp k JOIN siklus s ON s.id = k.siklus_id JOIN pegawai pg ON pg.id = k.pegawai_id JOIN jabatan j ON j.id = pg.jabatan_id
     WHERE ${sql.join(where, ' AND ')}
     ORDER BY s.tahun DESC, j.nama, pg.nama LIMIT 50`);
}
