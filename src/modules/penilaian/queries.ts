import { named, sql, type Sql } from '../../db/sql.js';
import type { Actor } from '../../domain/access.js';
import { actingSkpSql } from '../skp/review/queries.js';

// The appraiser's queue (docs/domain/penilaian.md § The queue) in one statement: every report of
// the cycle that was submitted at least once (never a draft) on an SKP the actor acts on as its
// appraiser, by the one acting rule (src/domain/acting.ts; its SQL twin actingSkpSql), with its
// period, its employee and, once rated, the predikat.

export type StatusAntrian = 'DIAJUKAN' | 'DIKEMBALIKAN' | 'DINILAI';

export type AntrianRow = {
  laporanId: number;
  status: StatusAntrian;
  diajukanAt: Date | null;
  dibukaSampai: Date | null;
  periodeId: number;
  periodeNama: string;
  periodeUrutan: number;
  skpId: number;
  pegawaiId: number;
  nama: string;
  nip: string;
  jabatan: string | null;
  predikat: string | null;
  dinilaiAt: Date | null;
};

/**
 * The SKPs `a` acts on as appraiser, over `s` (skp) with `p` (its employee): an official outside
 * the agency for the SKPs that name them; an employee for those actingSkpSql gives (their own
 * appraisees' and a delegated post's); anyone else for none.
 */
export function actingOn(a: Actor): { where: ReturnType<typeof sql>; variant: string } {
  if (a.pejabatLuarId !== null) return { where: sql`s.penilai_luar_id = ${a.pejabatLuarId}`, variant: 'luar' };
  if (a.pegawaiId === null) return { where: sql`FALSE`, variant: 'none' };
  const posts = a.delegasi.map((d) => d.jabatanId);
  return { where: actingSkpSql(a.pegawaiId, posts), variant: posts.length ? 'delegasi' : 'penilai' };
}

/** The queue's rows of one cycle: the reports waiting (oldest submission first), then the returned and the rated. */
export function antrianRows(q: Sql, actor: Actor, siklusId: number): Promise<AntrianRow[]> {
  const { where, variant } = actingOn(actor);
  return q.rows<AntrianRow>(
    named(
      `penilaian-antrian-${variant}`,
      sql`SELECT l.id AS laporan_id, l.status::text AS status, l.diajukan_at, l.dibuka_sampai,
                 pr.id AS periode_id, pr.nama AS periode_nama, pr.urutan AS periode_urutan,
                 s.id AS skp_id, p.id AS pegawai_id, p.nama, p.nip, (SELECT j.nama FROM jabatan j WHERE j.id = p.jabatan_id) AS jabatan,
                 pp.predikat::text AS predikat, pp.at AS dinilai_at
            FROM skp s
            JOIN pegawai p ON p.id = s.pegawai_id
            JOIN laporan_periode l ON l.skp_id = s.id AND l.status <> 'DRAFT'
            JOIN periode pr ON pr.id = l.periode_id
            LEFT JOIN penilaian_periode pp ON pp.laporan_id = l.id
           WHERE s.siklus_id = ${siklusId} AND ${where}
           ORDER BY CASE l.status WHEN 'DIAJUKAN' THEN 0 WHEN 'DIKEMBALIKAN' THEN 1 ELSE 2 END, l.diajukan_at NULLS LAST, l.id`,
    ),
  );
}
