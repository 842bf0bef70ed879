import { likePrefix, named, sql, type Sql } from '../../../db/sql.js';
import type { Actor } from '../../../domain/access.js';
import type { Fase } from '../../../domain/siklus.js';
import type { StatusSkp } from '../../../domain/skp-status.js';

// The appraiser's hot pages, each in as few statements as the page allows (docs/architecture.md,
// "Data access"): the cycle list and its default choice travel with the page's own rows.

export type SiklusOption = { id: number; tahun: number; fase: Fase };

/**
 * The cycles newest first, and the one chosen: the one asked for if it exists, else the newest
 * past DRAFT, else the newest. Used inside the pages' statements below.
 */
const cycles = (requested: number | null) => sql`list AS (SELECT id, tahun, fase::text AS fase FROM siklus),
  chosen AS (SELECT id FROM list ORDER BY COALESCE(id = ${requested}::int, FALSE) DESC, (fase <> 'DRAFT') DESC, tahun DESC LIMIT 1)`;
const CYCLE_COLUMNS = sql.raw(`(SELECT json_agg(json_build_object('id', l.id, 'tahun', l.tahun, 'fase', l.fase) ORDER BY l.tahun DESC) FROM list l) AS siklus_list,
       (SELECT id FROM chosen) AS chosen_id`);

export type BawahanRow = {
  pegawaiId: number; nama: string; nip: string; jabatan: string; aktif: boolean;
  /** Who appraises them and the post that does (src/domain/acting.ts decides on these). */
  penilaiId: number | null; jabatanPenilaiId: number | null;
  skpId: number | null; status: StatusSkp | null; revisi: number | null; diajukanAt: Date | null; disetujuiAt: Date | null; rhkCount: number;
  /** The SKP's exact period, and when a move closed it. */
  periodeAwal: Date | null; periodeAkhir: Date | null; ditutupAt: Date | null;
  /** No SKP of this appraiser yet, but an open one still with the previous appraiser (HR moves it). */
  menungguPindah: boolean | null;
};
type WithCycles<T> = { siklusList: SiklusOption[] | null; chosenId: number | null } & ({ [K in keyof T]: T[K] | null });

/** The cycles alone (for someone who appraises nobody). */
export async function cycleChoice(q: Sql, requested: number | null): Promise<{ list: SiklusOption[]; chosenId: number | null }> {
  const r = await q.one<{ siklusList: SiklusOption[] | null; chosenId: number | null }>(named('siklus-choice', sql`WITH ${cycles(requested)} SELECT ${CYCLE_COLUMNS}`));
  return { list: r?.siklusList ?? [], chosenId: r?.chosenId ?? null };
}

/**
 * The post that appraises an SKP of employee `p` (the SQL form of `dinilaiOleh` in
 * src/domain/acting.ts): its own appraiser's position (`x.penilai_id`, the SKP's); without one,
 * the head post of the employee's unit, or for the unit's own head the parent unit's.
 */
const JABATAN_PENILAI = sql.raw(`CASE WHEN x.penilai_id IS NOT NULL THEN (SELECT pn.jabatan_id FROM pegawai pn WHERE pn.id = x.penilai_id)
      WHEN EXISTS (SELECT 1 FROM unit_kerja m WHERE m.kepala_jabatan_id = p.jabatan_id)
        THEN (SELECT pu.kepala_jabatan_id FROM unit_kerja m JOIN unit_kerja pu ON pu.id = m.parent_id WHERE m.kepala_jabatan_id = p.jabatan_id)
      ELSE (SELECT u.kepala_jabatan_id FROM unit_kerja u WHERE u.id = p.unit_id) END`);
const JABATAN_PENILAI_S = sql.raw(JABATAN_PENILAI.text.replace(/x\.penilai_id/g, 's.penilai_id'));

/**
 * The SKPs `me` may act for as appraiser (the SQL form of actingSkpWhere in src/domain/acting.ts,
 * over `s` with its employee `p`): the SKPs whose own appraiser they are, and those appraised by a
 * post a delegation in force gives them (`posts`). The delegates' form is its own statement, so
 * the everyday page keeps its plan on skp.penilai_id.
 */
export const actingSkpSql = (me: number, posts: readonly number[]) =>
  posts.length === 0 ? sql`s.penilai_id = (SELECT ${me}::int)` : sql`(s.penilai_id = ${me} OR (s.pegawai_id <> ${me} AND (${JABATAN_PENILAI_S}) = ANY(${[...posts]}::int[])))`;

/**
 * The SKPs an actor may see, as a condition over `skp s JOIN pegawai p ON p.id = s.pegawai_id JOIN
 * unit_kerja u ON u.id = p.unit_id`: the SQL form of `visibleSkp` in src/domain/access.ts (the
 * two are proved to agree by tests/http/visible-skp-sql.test.ts), for hot reads that check the
 * scope in the statement that reads the row. `shape` names the statement's text (it differs by
 * the kind of actor, never by the actor), so a named statement per shape keeps its plan.
 */
export function visibleSkpSql(a: Actor): { where: ReturnType<typeof sql>; shape: string } {
  if (a.isAdmin) return { where: sql`TRUE`, shape: 'admin' };
  const or = [];
  const shape: string[] = [];
  if (a.pegawaiId !== null) {
    or.push(sql`s.pegawai_id = (SELECT ${a.pegawaiId}::int)`, sql`p.penilai_id = (SELECT ${a.pegawaiId}::int)`);
    if (a.pejabatLuarId !== null) or.push(sql`s.penilai_luar_id = (SELECT ${a.pejabatLuarId}::int)`);
    else or.push(actingSkpSql(a.pegawaiId, a.delegasi.map((d) => d.jabatanId)));
    shape.push(a.pejabatLuarId !== null ? 'pl' : a.delegasi.length ? 'pd' : 'p');
  }
  if (a.isPimpinan && a.pimpinanPath) {
    or.push(sql`u.path LIKE (SELECT ${likePrefix(a.pimpinanPath)}::text)`);
    shape.push('u');
  }
  if (a.pejabatLuarId !== null) {
    or.push(sql`p.penilai_luar_id = (SELECT ${a.pejabatLuarId}::int)`);
    shape.push('l');
  }
  return or.length ? { where: sql`(${sql.join(or, ' OR ')})`, shape: shape.join('') } : { where: sql`FALSE`, shape: 'none' };
}

/**
 * SKP Bawahan in one statement: the cycles, the chosen one, and the employees the appraiser acts
 * for with their SKP in it, waiting for approval first (oldest submission first), then returned,
 * drafts, approved, and those without an SKP.
 */
export async function bawahanPageRows(q: Sql, penilaiId: number, posts: readonly number[], requested: number | null) {
  const rows = await q.rows<WithCycles<BawahanRow>>(
    named(
      posts.length === 0 ? 'skp-bawahan-page' : 'skp-bawahan-page-delegasi',
      sql`WITH ${cycles(requested)}
      SELECT ${CYCLE_COLUMNS}, b.* FROM (SELECT 1) one LEFT JOIN LATERAL (
        SELECT p.id AS pegawai_id, p.nama, p.nip, (SELECT j.nama FROM jabatan j WHERE j.id = p.jabatan_id) AS jabatan, p.aktif,
               x.penilai_id, ${posts.length === 0 ? sql.raw('NULL::int') : JABATAN_PENILAI} AS jabatan_penilai_id,
               s.id AS skp_id, s.status::text AS status, s.revisi, s.diajukan_at, s.disetujui_at, s.periode_awal, s.periode_akhir, s.ditutup_at,
               (SELECT count(*)::int FROM rhk r WHERE r.skp_id = s.id AND r.dihapus_revisi IS NULL) AS rhk_count, x.menunggu_pindah,
               row_number() OVER (ORDER BY CASE s.status WHEN 'DIAJUKAN' THEN 0 WHEN 'DIKEMBALIKAN' THEN 1 WHEN 'DRAFT' THEN 2 WHEN 'DISETUJUI' THEN 3 ELSE 4 END,
                                           s.diajukan_at NULLS LAST, p.nama, p.id, s.periode_awal) AS ord
          FROM (
            -- every SKP this appraiser acts for (each piece of a year split by a move): its own
            -- appraiser's, or under a delegation in force for that appraiser's post …
            SELECT s.pegawai_id, s.id AS skp_id, s.penilai_id, FALSE AS menunggu_pindah
              FROM skp s JOIN pegawai p ON p.id = s.pegawai_id
             WHERE s.siklus_id = (SELECT id FROM chosen) AND ${actingSkpSql(penilaiId, posts)}
            UNION ALL
            -- … and their active appraisees with none of theirs (yet: an open SKP still with the previous appraiser waits for HR to move it)
            SELECT p.id, NULL, p.penilai_id, EXISTS (SELECT 1 FROM skp o WHERE o.pegawai_id = p.id AND o.siklus_id = (SELECT id FROM chosen) AND o.ditutup_at IS NULL)
              FROM pegawai p
             WHERE p.penilai_id = (SELECT ${penilaiId}::int) AND p.aktif
               AND NOT EXISTS (SELECT 1 FROM skp o WHERE o.pegawai_id = p.id AND o.siklus_id = (SELECT id FROM chosen) AND o.penilai_id = ${penilaiId})
          ) x
          JOIN pegawai p ON p.id = x.pegawai_id
          LEFT JOIN skp s ON s.id = x.skp_id
      ) b ON (SELECT id FROM chosen) IS NOT NULL
      ORDER BY b.ord`,
    ),
  );
  const first = rows[0];
  const list = first?.siklusList ?? [];
  const bawahan = rows.filter((r) => r.pegawaiId !== null).map(({ siklusList: _l, chosenId: _c, ord: _o, ...r }: WithCycles<BawahanRow> & { ord?: unknown }) => r as BawahanRow);
  return { list, chosenId: first?.chosenId ?? null, rows: bawahan };
}

// The Matriks works on open SKPs: a piece a move closed is no longer planned against.
export type MatriksOwnRow = {
  skpId: number; skpStatus: StatusSkp; id: number | null; jenis: string | null; urutan: number | null; teks: string | null;
  cId: number | null; cTeks: string | null; cJenis: string | null; cSkpId: number | null; cStatus: StatusSkp | null;
  cPegawaiId: number | null; cBawahan: boolean | null; cNama: string | null; cNip: string | null; cJabatan: string | null;
};

/** The appraiser's own RHKs in the cycle, each with the RHKs that intervene it (one row per link). */
export const matriksOwnRows = (q: Sql, me: number, siklusId: number) =>
  q.rows<MatriksOwnRow>(
    named(
      'matriks-own',
      sql`SELECT ms.id AS skp_id, ms.status::text AS skp_status, a.id, a.jenis::text AS jenis, a.urutan, a.teks,
              c.id AS c_id, c.teks AS c_teks, c.jenis::text AS c_jenis, s.id AS c_skp_id, s.status::text AS c_status,
              p.id AS c_pegawai_id, p.penilai_id = ${me} AS c_bawahan, p.nama AS c_nama, p.nip AS c_nip, j.nama AS c_jabatan
         FROM skp ms
         LEFT JOIN rhk a ON a.skp_id = ms.id AND a.dihapus_revisi IS NULL
         LEFT JOIN rhk c ON c.rhk_atasan_id = a.id AND c.dihapus_revisi IS NULL
         LEFT JOIN skp s ON s.id = c.skp_id
         LEFT JOIN pegawai p ON p.id = s.pegawai_id
         LEFT JOIN jabatan j ON j.id = p.jabatan_id
        WHERE ms.siklus_id = ${siklusId} AND ms.pegawai_id = ${me} AND ms.ditutup_at IS NULL
        ORDER BY a.jenis, a.urutan, a.id, p.nama, p.id, c.jenis, c.urutan`,
    ),
  );

export type MatriksTeamRow = { pegawaiId: number; nama: string; nip: string; jabatan: string; skpId: number | null; status: StatusSkp | null; rhkCount: number; linked: number };

/** The appraiser's active appraisees with their SKP, its RHK count and how many link to the appraiser's RHKs. */
export const matriksTeamRows = (q: Sql, me: number, siklusId: number) =>
  q.rows<MatriksTeamRow>(
    named(
      'matriks-team',
      sql`SELECT p.id AS pegawai_id, p.nama, p.nip, (SELECT j.nama FROM jabatan j WHERE j.id = p.jabatan_id) AS jabatan, s.id AS skp_id, s.status::text AS status,
              r.rhk_count, r.linked
         FROM pegawai p
         LEFT JOIN skp s ON s.pegawai_id = p.id AND s.siklus_id = ${siklusId} AND s.ditutup_at IS NULL
         LEFT JOIN LATERAL (
           SELECT count(*)::int AS rhk_count,
                  count(*) FILTER (WHERE r.rhk_atasan_id IN (SELECT a.id FROM rhk a JOIN skp ms ON ms.id = a.skp_id WHERE ms.pegawai_id = ${me} AND a.dihapus_revisi IS NULL))::int AS linked
             FROM rhk r WHERE r.skp_id = s.id AND r.dihapus_revisi IS NULL) r ON true
        WHERE p.penilai_id = (SELECT ${me}::int) AND p.aktif
        ORDER BY p.nama, p.id`,
    ),
  );
