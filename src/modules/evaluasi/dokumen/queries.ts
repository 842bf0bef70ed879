import { named, sql, type Sql } from '../../../db/sql.js';
import type { Ekspektasi } from '../../../domain/scoring/reason.js';
import type { Predikat } from '../../../domain/scoring/predikat.js';

// The reads of the Dokumen Evaluasi Kinerja (docs/domain/dokumen-evaluasi.md), set-based and named:
// what the issue freezes of an evaluation (one statement), who may see an employee's year, and the
// documents issued for an evaluation.

/** A person as a signer row gives them (a pegawai now, or an official outside the agency). */
export type OrangBaris = { nama: string; nip: string | null; pangkatGolongan: string | null; jabatan: string | null; unit: string | null; luar: boolean };

export type KepalaDokumen = {
  evaluasiId: number;
  siklusId: number;
  tahun: number;
  pegawaiId: number;
  status: string;
  ratingHasilKerja: Ekspektasi;
  ratingPerilaku: Ekspektasi;
  predikat: Predikat;
  alasanHasilKerja: string | null;
  alasanPerilaku: string | null;
  angkaKredit: string | null;
  finalAt: Date | null;
  diberitahuAt: Date | null;
  updatedAt: Date;
  /** the year's last SKP piece (saran_tahunan.skp_id, else the evaluation's) and its identity snapshot */
  skpId: number;
  snapshot: unknown;
  penilaiId: number | null;
  penilaiLuarId: number | null;
  /** the unit the employee counts in for the year (saran_tahunan.unit_id), its name and the agency (root) */
  unitId: number;
  unitNama: string;
  instansi: string;
  /** the unit whose distribution check the employee counts in: the nearest at or above with an organisation predikat */
  cekUnitId: number | null;
  rincian: unknown;
  /** the days the year's pieces cover, "YYYY-MM-DD" */
  awal: string;
  akhir: string;
  /** the atasan pejabat penilai: from the appraiser's own SKP snapshot of the cycle, else their appraiser now */
  atasanSnapshot: unknown;
  atasanPegawai: OrangBaris | null;
  atasanLuar: OrangBaris | null;
  /** the objection, when there is one, and the one fixed at filing to decide it */
  keberatan: { id: number; status: string; keputusan: string | null; diputusAt: string | null; alasanKeputusan: string | null } | null;
  pemutus: OrangBaris | null;
};

const ORANG_PEGAWAI = (alias: string) =>
  sql.raw(`json_build_object('nama', ${alias}.nama, 'nip', ${alias}.nip, 'pangkatGolongan', ${alias}.pangkat_golongan,
    'jabatan', (SELECT j.nama FROM jabatan j WHERE j.id = ${alias}.jabatan_id), 'unit', (SELECT u.nama FROM unit_kerja u WHERE u.id = ${alias}.unit_id), 'luar', false)`);
const ORANG_LUAR = (alias: string) =>
  sql.raw(`json_build_object('nama', ${alias}.nama, 'nip', ${alias}.nip, 'pangkatGolongan', ${alias}.pangkat_golongan, 'jabatan', ${alias}.jabatan, 'unit', ${alias}.instansi, 'luar', true)`);

/** Everything an issue reads of the evaluation and its year, in one statement (inside the issuing transaction). */
export const kepalaDokumen = (q: Sql, evaluasiId: number) =>
  q.one<KepalaDokumen>(
    named(
      'dokumen_kepala',
      sql`WITH e AS (SELECT * FROM evaluasi_tahunan WHERE id = (SELECT ${evaluasiId}::int)),
        st AS (SELECT s.* FROM saran_tahunan s JOIN e ON s.siklus_id = e.siklus_id AND s.pegawai_id = e.pegawai_id),
        sk AS (SELECT k.* FROM skp k WHERE k.id = COALESCE((SELECT skp_id FROM st), (SELECT skp_id FROM e))),
        un AS (SELECT u.* FROM unit_kerja u WHERE u.id = COALESCE((SELECT unit_id FROM st), (SELECT p.unit_id FROM pegawai p JOIN e ON p.id = e.pegawai_id))),
        pn AS (SELECT p.* FROM pegawai p WHERE p.id = COALESCE((SELECT penilai_id FROM sk), (SELECT penilai_id FROM e)))
      SELECT e.id AS evaluasi_id, e.siklus_id, si.tahun, e.pegawai_id, e.status::text AS status,
             e.rating_hasil_kerja::text AS rating_hasil_kerja, e.rating_perilaku::text AS rating_perilaku, e.predikat::text AS predikat,
             e.alasan_hasil_kerja, e.alasan_perilaku, e.angka_kredit::text AS angka_kredit, e.final_at, e.diberitahu_at, e.updated_at,
             sk.id AS skp_id, sk.snapshot, sk.penilai_id, sk.penilai_luar_id,
             un.id AS unit_id, un.nama AS unit_nama,
             COALESCE((SELECT r.nama FROM unit_kerja r WHERE r.path = substring(un.path from '^/[0-9]+/')), un.nama) AS instansi,
             (SELECT a.id FROM unit_kerja a JOIN penetapan_predikat pp ON pp.unit_id = a.id AND pp.siklus_id = e.siklus_id
               WHERE un.path LIKE a.path || '%' ORDER BY length(a.path) DESC LIMIT 1) AS cek_unit_id,
             (SELECT rincian FROM st) AS rincian,
             to_char((SELECT min(k.periode_awal) FROM skp k WHERE k.siklus_id = e.siklus_id AND k.pegawai_id = e.pegawai_id), 'YYYY-MM-DD') AS awal,
             to_char((SELECT max(k.periode_akhir) FROM skp k WHERE k.siklus_id = e.siklus_id AND k.pegawai_id = e.pegawai_id), 'YYYY-MM-DD') AS akhir,
             (SELECT k.snapshot->'penilai' FROM skp k JOIN pn ON k.pegawai_id = pn.id WHERE k.siklus_id = e.siklus_id ORDER BY k.periode_awal DESC, k.id DESC LIMIT 1) AS atasan_snapshot,
             (SELECT ${ORANG_PEGAWAI('ap')} FROM pn JOIN pegawai ap ON ap.id = pn.penilai_id) AS atasan_pegawai,
             (SELECT ${ORANG_LUAR('al')} FROM pn JOIN pejabat_luar al ON al.id = pn.penilai_luar_id) AS atasan_luar,
             (SELECT json_build_object('id', kb.id, 'status', kb.status, 'keputusan', kb.keputusan, 'diputusAt', kb.diputus_at, 'alasanKeputusan', kb.alasan_keputusan)
                FROM keberatan kb WHERE kb.evaluasi_id = e.id) AS keberatan,
             (SELECT COALESCE((SELECT ${ORANG_PEGAWAI('mp')} FROM pegawai mp WHERE mp.id = kb.pemutus_id), (SELECT ${ORANG_LUAR('ml')} FROM pejabat_luar ml WHERE ml.id = kb.pemutus_luar_id))
                FROM keberatan kb WHERE kb.evaluasi_id = e.id) AS pemutus
        FROM e JOIN siklus si ON si.id = e.siklus_id CROSS JOIN un LEFT JOIN sk ON true`,
    ),
  );

/** What decides who may see an employee's year (docs/domain/dokumen-evaluasi.md § Who may see it). */
export type ScopeTahun = {
  evaluasiId: number | null;
  status: string | null;
  nama: string;
  nip: string;
  /** the year's last SKP piece (saran_tahunan.skp_id, else the evaluation's, else the open one) */
  skpId: number | null;
  /** the unit paths of the year (saran_tahunan.unit_id) and of the employee now */
  unitPath: string | null;
  unitPathKini: string;
  /** who confirmed the rating, and the appraiser's own appraiser now (the atasan pejabat penilai) */
  evPenilaiId: number | null;
  evPenilaiLuarId: number | null;
  atasanId: number | null;
  atasanLuarId: number | null;
  pemutusId: number | null;
  pemutusLuarId: number | null;
};

export const scopeTahun = (q: Sql, siklusId: number, pegawaiId: number) =>
  q.one<ScopeTahun>(
    named(
      'dokumen_scope_tahun',
      sql`SELECT e.id AS evaluasi_id, e.status::text AS status, p.nama, p.nip,
                 COALESCE(st.skp_id, e.skp_id) AS skp_id,
                 (SELECT u.path FROM unit_kerja u WHERE u.id = st.unit_id) AS unit_path,
                 (SELECT u.path FROM unit_kerja u WHERE u.id = p.unit_id) AS unit_path_kini,
                 e.penilai_id AS ev_penilai_id, e.penilai_luar_id AS ev_penilai_luar_id,
                 pn.penilai_id AS atasan_id, pn.penilai_luar_id AS atasan_luar_id,
                 kb.pemutus_id, kb.pemutus_luar_id
            FROM pegawai p
            LEFT JOIN evaluasi_tahunan e ON e.pegawai_id = p.id AND e.siklus_id = (SELECT ${siklusId}::int)
            LEFT JOIN saran_tahunan st ON st.pegawai_id = p.id AND st.siklus_id = (SELECT ${siklusId}::int)
            LEFT JOIN skp s ON s.id = COALESCE(st.skp_id, e.skp_id)
            LEFT JOIN pegawai pn ON pn.id = COALESCE(s.penilai_id, e.penilai_id)
            LEFT JOIN keberatan kb ON kb.evaluasi_id = e.id
           WHERE p.id = (SELECT ${pegawaiId}::int)`,
    ),
  );

export type DokumenBaris = {
  id: number;
  nomor: number;
  isi: unknown;
  diterbitkanAt: Date;
  digantikanAt: Date | null;
  keberatanId: number | null;
  diterbitkanOleh: string | null;
};

/** The documents issued for an evaluation, newest first. */
export const dokumenEvaluasiRows = (q: Sql, evaluasiId: number) =>
  q.rows<DokumenBaris>(
    named(
      'dokumen_daftar',
      sql`SELECT d.id, d.nomor, d.isi, d.diterbitkan_at, d.digantikan_at, d.keberatan_id,
                 (SELECT COALESCE(p.nama, l.nama, u.username) FROM app_user u LEFT JOIN pegawai p ON p.id = u.pegawai_id LEFT JOIN pejabat_luar l ON l.id = u.pejabat_luar_id
                   WHERE u.id = d.diterbitkan_oleh_user_id) AS diterbitkan_oleh
            FROM dokumen_evaluasi d WHERE d.evaluasi_id = (SELECT ${evaluasiId}::int) ORDER BY d.nomor DESC`,
    ),
  );

/** How the audit log names the user who issued a document (as a login names itself). */
export const labelPengguna = async (q: Sql, userId: number) =>
  (
    await q.one<{ label: string }>(
      sql`SELECT COALESCE(p.nama || ' (' || p.nip || ')', l.nama, u.username, 'user ' || u.id) AS label
            FROM app_user u LEFT JOIN pegawai p ON p.id = u.pegawai_id LEFT JOIN pejabat_luar l ON l.id = u.pejabat_luar_id WHERE u.id = ${userId}`,
    )
  )?.label ?? `user ${userId}`;
