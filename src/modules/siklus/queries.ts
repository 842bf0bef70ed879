import { sql, type Sql } from '../../db/sql.js';
import type { Fase, JenisPeriode } from '../../domain/siklus.js';
import { HITUNG_JOB } from '../evaluasi/hitung/kind.js';

export type SiklusListRow = { id: number; tahun: number; jenisPeriode: JenisPeriode; fase: Fase; skpCount: number; disetujui: number };

/** Every cycle, newest first, with its SKP count and how many are approved. */
export const siklusRows = (q: Sql) =>
  q.rows<SiklusListRow>(sql`SELECT s.id, s.tahun, s.jenis_periode, s.fase,
         (SELECT count(*)::int FROM skp WHERE siklus_id = s.id) AS skp_count,
         (SELECT count(*)::int FROM skp WHERE siklus_id = s.id AND status = 'DISETUJUI') AS disetujui
    FROM siklus s ORDER BY s.tahun DESC`);

/** The cycle's SKPs per status. */
export const skpCountsByStatus = (q: Sql, siklusId: number) =>
  q.rows<{ status: string; n: number }>(sql`SELECT status, count(*)::int AS n FROM skp WHERE siklus_id = ${siklusId} GROUP BY status`);

const count = async (q: Sql, query: ReturnType<typeof sql>) => (await q.one<{ n: number }>(query))!.n;

/** Active employees who have no SKP in the cycle yet. */
export const countTanpaSkp = (q: Sql, siklusId: number) =>
  count(q, sql`SELECT count(*)::int AS n FROM pegawai p WHERE p.aktif AND NOT EXISTS (SELECT 1 FROM skp s WHERE s.siklus_id = ${siklusId} AND s.pegawai_id = p.id)`);

/** Active employees' SKPs in the cycle that are not approved yet. */
export const countNotApproved = (q: Sql, siklusId: number) =>
  count(q, sql`SELECT count(*)::int AS n FROM skp s JOIN pegawai p ON p.id = s.pegawai_id WHERE s.siklus_id = ${siklusId} AND p.aktif AND s.status <> 'DISETUJUI'`);

export type JobState = { id: number; status: string; total: number; selesai: number; pesan: string | null };

/** The newest job of a kind for the cycle (its progress bar). */
export const latestJobRow = (q: Sql, siklusId: number, jenis: string) =>
  q.one<JobState>(sql`SELECT id, status, total, selesai, pesan FROM job WHERE siklus_id = ${siklusId} AND jenis = ${jenis} ORDER BY id DESC LIMIT 1`);

// ── evaluasi: finalisasi ──
/**
 * The year-end evaluation's facts for the phase guards (docs/domain/finalisasi.md § Phase guards),
 * in one statement: suggestions, whether the last year-end computation ended (or none ran:
 * tests and imports write suggestions directly), suggestions without the appraiser's rating, and
 * suggestions whose evaluation is not FINAL.
 */
export const evaluasiFacts = async (q: Sql, siklusId: number) =>
  (await q.one<{ saranCount: number; hitungSelesai: boolean; saranBelumDikonfirmasi: number; evaluasiBelumFinal: number }>(sql`
    SELECT count(*)::int AS saran_count,
           COALESCE((SELECT j.status = 'SELESAI' FROM job j WHERE j.siklus_id = ${siklusId} AND j.jenis = ${HITUNG_JOB} ORDER BY j.id DESC LIMIT 1), true) AS hitung_selesai,
           count(*) FILTER (WHERE e.id IS NULL)::int AS saran_belum_dikonfirmasi,
           count(*) FILTER (WHERE e.status IS DISTINCT FROM 'FINAL')::int AS evaluasi_belum_final
      FROM saran_tahunan s LEFT JOIN evaluasi_tahunan e ON e.siklus_id = s.siklus_id AND e.pegawai_id = s.pegawai_id
     WHERE s.siklus_id = ${siklusId}`))!;
