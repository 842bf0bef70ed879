import { named, sql, type Sql } from '../../../db/sql.js';
import type { Fase } from '../../../domain/siklus.js';
import type { Predikat } from '../../../domain/scoring/predikat.js';
import type { PredikatOrganisasi } from '../../../domain/scoring/distribusi.js';
import type { Actor } from '../../../domain/access.js';
import type { UnitPenetapan } from '../../../domain/scoring/penetapan.js';
import { actingSkpSql } from '../../skp/review/queries.js';
import { sidikCakupanSql } from '../cakupan.js';

// The reads of the organisation predikat and calibration pages (docs/domain/kalibrasi.md), set-based
// and named. Each statement takes its parameters through InitPlans ((SELECT $n::int)), as
// cakupan.ts does, so a prepared statement keeps one plan whatever the values.

export type SiklusKalibrasi = { id: number; tahun: number; fase: Fase; policy: unknown };
export type SiklusPilihan = { id: number; tahun: number; fase: Fase };

/** The statement's cycle part: every cycle newest first, and the chosen one (asked for, else the newest in PENILAIAN or later, else the newest). */
const cycles = (requested: number | null) => sql`list AS (SELECT id, tahun, fase::text AS fase FROM siklus),
  chosen AS (SELECT id FROM list ORDER BY COALESCE(id = (SELECT ${requested}::int), FALSE) DESC, (fase IN ('PENILAIAN', 'KALIBRASI', 'SELESAI', 'ARSIP')) DESC, tahun DESC LIMIT 1)`;
const CYCLE_COLUMNS = sql.raw(`(SELECT json_agg(json_build_object('id', l.id, 'tahun', l.tahun, 'fase', l.fase) ORDER BY l.tahun DESC) FROM list l) AS siklus_list,
       (SELECT json_build_object('id', s.id, 'tahun', s.tahun, 'fase', s.fase::text, 'policy', s.policy) FROM siklus s WHERE s.id = (SELECT id FROM chosen)) AS siklus`);

/** The cycles and the chosen one alone (the list pages). */
export async function siklusPilihan(q: Sql, requested: number | null): Promise<{ siklusList: SiklusPilihan[]; siklus: SiklusKalibrasi | null }> {
  const r = await q.one<{ siklusList: SiklusPilihan[] | null; siklus: SiklusKalibrasi | null }>(named('kalibrasi_siklus', sql`WITH ${cycles(requested)} SELECT ${CYCLE_COLUMNS}`));
  return { siklusList: r?.siklusList ?? [], siklus: r?.siklus ?? null };
}

// ---- The unit page: one statement for the cycle, the unit, its predikat and its calibration ---

export type UnitKalibrasi = {
  siklusList: SiklusPilihan[] | null;
  siklus: SiklusKalibrasi | null;
  unit: { id: number; nama: string; path: string; parentId: number | null; kepalaJabatanId: number | null } | null;
  /** the unit's own organisation predikat in the chosen cycle */
  penetapan: { id: number; predikat: PredikatOrganisasi; capaianPk: string | null; dasar: string; at: string; version: number } | null;
  /** the nearest unit above with a predikat of its own (whose check this unit's staff count in when it has none) */
  induk: { id: number; nama: string; predikat: PredikatOrganisasi } | null;
  /** the root of the unit's tree (its check when no unit above has a predikat) */
  akar: { id: number; nama: string } | null;
  kalibrasi: { id: number; justifikasi: string | null; pelanggaran: unknown; justifikasiAt: string | null; justifikasiOleh: string | null; finalAt: string | null; version: number } | null;
  /** the viewer's position (whether they head the unit) */
  jabatanSaya: number | null;
  /** the digest of the unit's check (sidikCakupanSql), when the unit has a predikat */
  sidik: string | null;
};

/** The unit page's frame in one statement: cycles, the chosen cycle with its policy, the unit, its predikat, the unit above with one, its calibration row. */
export async function unitKalibrasi(q: Sql, siklusId: number | null, unitId: number, pegawaiId: number | null): Promise<UnitKalibrasi> {
  const stmt = sql`WITH ${cycles(siklusId)}, u AS (SELECT id, nama, path, parent_id, kepala_jabatan_id FROM unit_kerja WHERE id = (SELECT ${unitId}::int))
    SELECT ${CYCLE_COLUMNS},
      (SELECT json_build_object('id', u.id, 'nama', u.nama, 'path', u.path, 'parentId', u.parent_id, 'kepalaJabatanId', u.kepala_jabatan_id) FROM u) AS unit,
      (SELECT json_build_object('id', pp.id, 'predikat', pp.predikat, 'capaianPk', pp.capaian_pk::text, 'dasar', pp.dasar, 'at', pp.at, 'version', pp.version)
         FROM penetapan_predikat pp WHERE pp.siklus_id = (SELECT id FROM chosen) AND pp.unit_id = (SELECT id FROM u)) AS penetapan,
      (SELECT json_build_object('id', a.id, 'nama', a.nama, 'predikat', pp.predikat)
         FROM u JOIN unit_kerja a ON u.path LIKE a.path || '%' AND a.id <> u.id
         JOIN penetapan_predikat pp ON pp.unit_id = a.id AND pp.siklus_id = (SELECT id FROM chosen)
        ORDER BY length(a.path) DESC LIMIT 1) AS induk,
      (SELECT json_build_object('id', a.id, 'nama', a.nama) FROM u JOIN unit_kerja a ON a.path = substring(u.path from '^/[0-9]+/')) AS akar,
      (SELECT json_build_object('id', k.id, 'justifikasi', k.justifikasi, 'pelanggaran', k.pelanggaran, 'justifikasiAt', k.justifikasi_at,
              'justifikasiOleh', (SELECT COALESCE(p.nama, pl.nama, us.username) FROM app_user us LEFT JOIN pegawai p ON p.id = us.pegawai_id LEFT JOIN pejabat_luar pl ON pl.id = us.pejabat_luar_id WHERE us.id = k.justifikasi_oleh_user_id),
              'finalAt', k.final_at, 'version', k.version)
         FROM kalibrasi_unit k WHERE k.siklus_id = (SELECT id FROM chosen) AND k.unit_id = (SELECT id FROM u)) AS kalibrasi,
      (SELECT jabatan_id FROM pegawai WHERE id = (SELECT ${pegawaiId}::int)) AS jabatan_saya,
      CASE WHEN EXISTS (SELECT 1 FROM penetapan_predikat pp WHERE pp.siklus_id = (SELECT id FROM chosen) AND pp.unit_id = (SELECT id FROM u))
           THEN ${sidikCakupanSql(sql`(SELECT id FROM chosen)`, sql`(SELECT id FROM u)`)} END AS sidik`;
  const r = await q.one<UnitKalibrasi>(named('kalibrasi_unit_halaman', stmt));
  return r!;
}

// ---- The list page: every unit with its check's counts -------------------------------------

export type UnitRingkasan = {
  id: number;
  nama: string;
  path: string;
  parentId: number | null;
  kepalaJabatanId: number | null;
  predikat: PredikatOrganisasi | null;
  /** the unit whose check this unit's staff count in: itself when it has a predikat, else the nearest above with one, else its root */
  cekId: number;
  /** per predikat, the people of this unit's check (only for a unit that is a check: it has a predikat, or is a root) */
  jumlah: Partial<Record<Predikat, number>> | null;
  /** people of the check whose predikat is withheld and unconfirmed */
  ditahan: number;
  justifikasi: boolean;
  pelanggaran: unknown;
  finalAt: Date | null;
};

/** Every active unit with its check, and for each unit that is a check the counts of its people by predikat. */
export async function unitRingkasan(q: Sql, siklusId: number): Promise<UnitRingkasan[]> {
  return q.rows<UnitRingkasan>(
    named(
      'kalibrasi_unit_ringkasan',
      sql`WITH pp AS (SELECT unit_id, predikat FROM penetapan_predikat WHERE siklus_id = (SELECT ${siklusId}::int)),
        un AS (
          SELECT u.id, u.nama, u.path, u.parent_id, u.kepala_jabatan_id, u.aktif,
                 (SELECT pp.predikat FROM pp WHERE pp.unit_id = u.id) AS predikat,
                 COALESCE((SELECT a.id FROM unit_kerja a JOIN pp ON pp.unit_id = a.id WHERE u.path LIKE a.path || '%' ORDER BY length(a.path) DESC LIMIT 1),
                          (SELECT r.id FROM unit_kerja r WHERE r.path = substring(u.path from '^/[0-9]+/'))) AS cek_id
            FROM unit_kerja u),
        hitung AS (
          SELECT un.cek_id, COALESCE(e.predikat, s.predikat)::text AS predikat, count(*)::int AS n
            FROM saran_tahunan s JOIN un ON un.id = s.unit_id
            LEFT JOIN evaluasi_tahunan e ON e.siklus_id = s.siklus_id AND e.pegawai_id = s.pegawai_id
           WHERE s.siklus_id = (SELECT ${siklusId}::int)
           GROUP BY 1, 2)
        SELECT un.id, un.nama, un.path, un.parent_id, un.kepala_jabatan_id, un.predikat, un.cek_id,
               (SELECT json_object_agg(h.predikat, h.n) FROM hitung h WHERE h.cek_id = un.id AND h.predikat IS NOT NULL) AS jumlah,
               COALESCE((SELECT h.n FROM hitung h WHERE h.cek_id = un.id AND h.predikat IS NULL), 0) AS ditahan,
               (k.justifikasi IS NOT NULL) AS justifikasi, k.pelanggaran, k.final_at
          FROM un LEFT JOIN kalibrasi_unit k ON k.siklus_id = (SELECT ${siklusId}::int) AND k.unit_id = un.id
         WHERE un.aktif OR un.predikat IS NOT NULL
         ORDER BY un.path`,
    ),
  );
}

/**
 * The units of the employees `me` appraises in the cycle (by the one acting rule on each
 * suggestion's SKP: src/domain/acting.ts), the units an appraiser's calibration starts from.
 */
export async function unitPenilai(q: Sql, siklusId: number, me: number, posts: readonly number[]): Promise<number[]> {
  const rows = await q.rows<{ unitId: number }>(
    named(
      posts.length ? 'kalibrasi_unit_penilai_delegasi' : 'kalibrasi_unit_penilai',
      sql`SELECT DISTINCT st.unit_id FROM saran_tahunan st JOIN skp s ON s.id = st.skp_id JOIN pegawai p ON p.id = s.pegawai_id
           WHERE st.siklus_id = (SELECT ${siklusId}::int) AND ${actingSkpSql(me, posts)}`,
    ),
  );
  return rows.map((r) => r.unitId);
}

// ---- The organisation predikat (predikat-service.ts) -----------------------------------------

export type UnitRow = UnitPenetapan & { id: number; nama: string; path: string; indukNama: string | null; kepalaNama: string | null };

/** A unit with what the rule reads (its head post, the parent's, the official who appraises its head). */
export const UNIT_SQL = (where: ReturnType<typeof sql>) => sql`SELECT u.id, u.nama, u.path, u.parent_id, u.kepala_jabatan_id, pu.kepala_jabatan_id AS kepala_induk_jabatan_id, pu.nama AS induk_nama,
       (SELECT k.penilai_luar_id FROM pegawai k WHERE k.jabatan_id = u.kepala_jabatan_id AND k.aktif ORDER BY k.id LIMIT 1) AS penilai_luar_kepala_id,
       (SELECT k.nama FROM pegawai k WHERE k.jabatan_id = u.kepala_jabatan_id AND k.aktif ORDER BY k.id LIMIT 1) AS kepala_nama
  FROM unit_kerja u LEFT JOIN unit_kerja pu ON pu.id = u.parent_id WHERE ${where}`;

export const jabatanOf = async (q: Sql, actor: Actor): Promise<number | null> =>
  actor.pegawaiId === null ? null : ((await q.one<{ jabatanId: number }>(sql`SELECT jabatan_id FROM pegawai WHERE id = ${actor.pegawaiId}`))?.jabatanId ?? null);

export type PenetapanBaris = {
  id: number; unitId: number; predikat: PredikatOrganisasi; capaianPk: string | null; dasar: string; at: Date; version: number;
  dicatatHr: boolean; penetap: string | null; lampiran: number;
};

export const penetapanRows = (q: Sql, siklusId: number, unitIds: number[] | null) =>
  q.rows<PenetapanBaris>(sql`SELECT pp.id, pp.unit_id, pp.predikat::text AS predikat, pp.capaian_pk::text AS capaian_pk, pp.dasar, pp.at, pp.version, pp.dicatat_hr,
        COALESCE(pg.nama, pl.nama) AS penetap, (SELECT count(*)::int FROM penetapan_predikat_berkas b WHERE b.penetapan_predikat_id = pp.id) AS lampiran
      FROM penetapan_predikat pp LEFT JOIN pegawai pg ON pg.id = pp.penetap_pegawai_id LEFT JOIN pejabat_luar pl ON pl.id = pp.penetap_luar_id
     WHERE pp.siklus_id = ${siklusId}${unitIds === null ? sql`` : sql` AND pp.unit_id = ANY(${unitIds}::int[])`}`);

/** Whether the unit's calibration, or that of a unit above it, is final in the cycle (its predikat then stays). */
export const finalDiAtas = async (q: Sql, siklusId: number, path: string) =>
  (await q.one<{ ada: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM kalibrasi_unit k JOIN unit_kerja a ON a.id = k.unit_id
      WHERE k.siklus_id = ${siklusId} AND k.final_at IS NOT NULL AND ${path} LIKE a.path || '%') AS ada`))!.ada;

/** The units below the given head posts (whose predikat their holders set), or the roots. */
export const unitDiBawah = (q: Sql, posts: readonly number[] | null) =>
  q.rows<UnitRow>(sql`${UNIT_SQL(posts === null ? sql`u.parent_id IS NULL AND u.aktif` : sql`u.aktif AND pu.kepala_jabatan_id = ANY(${[...posts]}::int[])`)} ORDER BY u.path`);

/** One unit as the rule reads it, or null. */
export const unitById = (q: Sql, unitId: number) => q.one<UnitRow>(UNIT_SQL(sql`u.id = ${unitId}`));

/** Units by id, in tree order. */
export const unitNama = (q: Sql, ids: readonly number[]) =>
  q.rows<{ id: number; nama: string; path: string }>(sql`SELECT u.id, u.nama, u.path FROM unit_kerja u WHERE u.id = ANY(${[...ids]}::int[]) ORDER BY u.path`);

/** Serialises the writes of one unit's predikat (two saves at once: the second sees the first's version). */
export const kunciPredikat = (q: Sql, unitId: number) =>
  q.exec(named('kalibrasi_kunci_predikat', sql`SELECT pg_advisory_xact_lock(hashtext('penetapan_predikat'), (SELECT ${unitId}::int))`));
