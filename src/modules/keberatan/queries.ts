import { sql, type Sql } from '../../db/sql.js';
import type { Actor } from '../../domain/access.js';

// The objection list and the reads a decision makes inside its transaction
// (docs/domain/keberatan.md).

export type BarisKeberatan = {
  id: number;
  siklusId: number;
  tahun: number;
  status: 'DIAJUKAN' | 'TANGGAPAN_DIMINTA' | 'DITANGGAPI' | 'DIPUTUS';
  keputusan: 'TETAP' | 'UBAH' | null;
  diajukanAt: Date;
  batasTanggal: Date;
  diputusAt: Date | null;
  pegawaiId: number;
  nama: string;
  nip: string;
  unitNama: string;
  semulaPredikat: string;
  predikatBaru: string | null;
  penilaiNama: string | null;
  pemutusNama: string | null;
  /** the viewer's part in it */
  saya: boolean;
  penilaiSaya: boolean;
  pemutusSaya: boolean;
};

/**
 * The objections the actor may see, newest first, open ones before decided ones: HR all; anyone
 * else those they filed, those against their ratings, and those they decide (in person, by the
 * login of the official outside the agency, or as Plt/Plh of the decider's post; never one of
 * their own). At most `limit` rows.
 */
export function daftarKeberatan(q: Sql, actor: Actor, f: { siklusId?: number; status?: string }, limit = 500) {
  const me = actor.pegawaiId ?? -1;
  const luar = actor.pejabatLuarId ?? -1;
  const posts = actor.delegasi.map((d) => d.jabatanId);
  const hr = actor.isAdmin && actor.pejabatLuarId === null;
  const pemutusSaya = sql`(k.pemutus_id = ${me} OR k.pemutus_luar_id = ${luar}
      OR (pm.jabatan_id = ANY(${posts}::int[]) AND k.pegawai_id <> ${me} AND e.penilai_id IS DISTINCT FROM ${me}))`;
  const scope = hr ? sql`true` : sql`(k.pegawai_id = ${me} OR e.penilai_id = ${me} OR e.penilai_luar_id = ${luar} OR ${pemutusSaya})`;
  return q.rows<BarisKeberatan>(sql`
    SELECT k.id, k.siklus_id, s.tahun, k.status::text AS status, k.keputusan::text AS keputusan, k.diajukan_at, k.batas_tanggal, k.diputus_at,
           k.pegawai_id, p.nama, p.nip, u.nama AS unit_nama, k.semula_predikat::text AS semula_predikat, k.predikat_baru::text AS predikat_baru,
           COALESCE(pn.nama, pl.nama) AS penilai_nama, COALESCE(pm.nama, plm.nama) AS pemutus_nama,
           (k.pegawai_id = ${me}) AS saya, (e.penilai_id = ${me} OR e.penilai_luar_id = ${luar}) AS penilai_saya,
           (${pemutusSaya} AND k.pegawai_id <> ${me} AND e.penilai_id IS DISTINCT FROM ${me} AND e.penilai_luar_id IS DISTINCT FROM ${luar}) AS pemutus_saya
      FROM keberatan k
      JOIN evaluasi_tahunan e ON e.id = k.evaluasi_id
      JOIN siklus s ON s.id = k.siklus_id
      JOIN pegawai p ON p.id = k.pegawai_id
      JOIN unit_kerja u ON u.id = p.unit_id
      LEFT JOIN pegawai pn ON pn.id = e.penilai_id
      LEFT JOIN pejabat_luar pl ON pl.id = e.penilai_luar_id
      LEFT JOIN pegawai pm ON pm.id = k.pemutus_id
      LEFT JOIN pejabat_luar plm ON plm.id = k.pemutus_luar_id
     WHERE ${scope}
       ${f.siklusId !== undefined ? sql`AND k.siklus_id = ${f.siklusId}` : sql``}
       ${f.status !== undefined ? sql`AND k.status = ${f.status}::"StatusKeberatan"` : sql``}
     ORDER BY (k.status = 'DIPUTUS'), k.diajukan_at DESC, k.id DESC
     LIMIT ${limit}`);
}

/** The unit whose distribution check an employee counts in: the nearest unit at or above the year's unit with an organisation predikat. */
export const unitCekPegawai = async (q: Sql, siklusId: number, pegawaiId: number): Promise<number | null> =>
  (await q.one<{ id: number }>(sql`
    SELECT d.id FROM saran_tahunan st
      JOIN unit_kerja u ON u.id = st.unit_id
      JOIN unit_kerja d ON u.path LIKE d.path || '%'
      JOIN penetapan_predikat pp ON pp.unit_id = d.id AND pp.siklus_id = st.siklus_id
     WHERE st.siklus_id = ${siklusId} AND st.pegawai_id = ${pegawaiId}
     ORDER BY length(d.path) DESC LIMIT 1`))?.id ?? null;

/** Holds the objection's row for the rest of the transaction. */
export const lockKeberatan = (q: Sql, id: number) => q.one<{ id: number }>(sql`SELECT id FROM keberatan WHERE id = ${id} FOR UPDATE`);

/** Holds an evaluation's row (by cycle and employee) and returns its id. */
export const lockEvaluasiPegawai = (q: Sql, siklusId: number, pegawaiId: number) =>
  q.one<{ id: number }>(sql`SELECT id FROM evaluasi_tahunan WHERE siklus_id = ${siklusId} AND pegawai_id = ${pegawaiId} FOR UPDATE`);

/** Holds an evaluation's row by id. */
export const lockEvaluasi = (q: Sql, id: number) => q.one<{ id: number }>(sql`SELECT id FROM evaluasi_tahunan WHERE id = ${id} FOR UPDATE`);
