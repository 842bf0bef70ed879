// Benchmark dataset, part 2 (issue 10): a cycle of the current year in PELAKSANAAN with four
// quarterly periods of reports for every employee of the generated organisation (bench/generate.ts).
//
// Everything after the cycle's creation is set-based SQL (INSERT … SELECT over the SKPs, reports and
// indicators): no round trip per row. The semantics follow the issue-10 contract:
//  - every SKP of the cycle has 5 RHKs (UTAMA 1–4, TAMBAHAN 1) with 2 indicators each (10 in all:
//    ANGKA higher/lower is better, RENTANG, KUALITATIF; JUMLAH / RATA_RATA / TERAKHIR), rencana aksi
//    for every period and period targets on half the indicators (the bulk writer the demo seed uses,
//    src/db/bulk-insert.ts), and is approved: skp_versi holds the frozen document of each approved
//    revision (the shape of src/domain/skp-document.ts, built in SQL, checked with parseDokumen);
//    5% of the SKPs were revised in July (revision 2, a second frozen document);
//  - one laporan_periode per SKP and period (the SKP covers the whole year), skp_revisi = the last
//    approved revision when the report was created (Q3–Q4 of a revised SKP: 2);
//  - Q1–Q3 DINILAI (riwayat DIAJUKAN → DINILAI; 3% returned once first: DIAJUKAN → DIKEMBALIKAN →
//    DIAJUKAN → DINILAI), with penilaian_periode (both ratings, predikat from the 6/2022 matrix,
//    the suggestions as shown, an override reason where the rating differs), tanda_perilaku on half
//    of them (all seven values), feedback on some realisasi and the appraiser's judgement of the
//    qualitative ones;
//  - Q4 (the current period) mixed: 60% DIAJUKAN, 35% DRAFT (the TAMBAHAN RHK's realisasi not yet
//    filled in), 5% DIKEMBALIKAN (reason, open for seven more days);
//  - realisasi for every indicator of every report (≈ 800,000 rows at 20,000 employees), progress
//    of every rencana aksi of the period, evidence (links and stored files) on 60% of the reports,
//    one progress note per SKP in the current period.
//
// Call it after generateDataset, before the cycle of the current year exists. `prepareAppraisers`
// (before the cycle, so the SKP snapshots agree) gives a set of unit heads exactly `size` appraisees.

import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { Db } from '../src/db/client.js';
import { createJobRunner } from '../src/app.js';
import { loadActor } from '../src/modules/auth/authenticate.js';
import { createSiklus, moveFase } from '../src/modules/siklus/service.js';
import { insertPeriodePlans } from '../src/db/bulk-insert.js';
import { berakhlakKini, parseDokumen } from '../src/domain/skp-document.js';
import { NILAI_BERAKHLAK } from '../src/domain/berakhlak.js';
import { DEFAULT_POLICY } from '../src/domain/scoring/policy.js';
import { suggestRatingHasilKerja, suggestRatingPerilaku, type RhkDinilai } from '../src/domain/scoring/rating.js';
import type { Ekspektasi } from '../src/domain/scoring/reason.js';
import { MATRIKS_PREDIKAT } from '../src/domain/scoring/predikat.js';

// ---- Appraisers with a team of a given size -------------------------------------------------------

export type Appraisers = { ids: number[]; size: number; moved: number; candidates: number };

/**
 * Up to `count` unit heads, each with exactly `size` active appraisees: heads with at least
 * `size`, deepest units first, none the appraiser of another chosen one; their extra appraisees
 * move up to the head's own appraiser (up the chain: no loop; checked). Keeps riwayat_pegawai in line.
 */
export async function prepareAppraisers(db: Db, count: number, size: number): Promise<Appraisers> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    const cand = await client.query<{ id: number; atasan: number; n: number }>(
      `SELECT p.id, p.penilai_id AS atasan, count(b.id)::int AS n
         FROM pegawai p JOIN pegawai b ON b.penilai_id = p.id AND b.aktif JOIN unit_kerja u ON u.id = p.unit_id
        WHERE p.aktif AND p.penilai_id IS NOT NULL
        GROUP BY p.id, u.path
       HAVING count(b.id) >= $1
        ORDER BY length(u.path) - length(replace(u.path, '/', '')) DESC, p.id`,
      [size],
    );
    const chosen: { id: number; atasan: number }[] = [];
    const ids = new Set<number>();
    for (const c of cand.rows) {
      if (chosen.length >= count) break;
      if (ids.has(c.atasan) || chosen.some((x) => x.atasan === c.id)) continue;
      chosen.push(c);
      ids.add(c.id);
    }
    const r = await client.query(
      `WITH extra AS (
         SELECT b.id, x.atasan FROM unnest($1::int[], $2::int[]) AS x(head, atasan)
           CROSS JOIN LATERAL (SELECT id FROM pegawai WHERE penilai_id = x.head AND aktif ORDER BY id OFFSET $3) b)
       UPDATE pegawai p SET penilai_id = extra.atasan, updated_at = now() FROM extra WHERE p.id = extra.id`,
      [chosen.map((c) => c.id), chosen.map((c) => c.atasan), size],
    );
    await client.query(`UPDATE riwayat_pegawai r SET penilai_id = p.penilai_id FROM pegawai p WHERE r.pegawai_id = p.id AND r.aktif AND r.penilai_id IS DISTINCT FROM p.penilai_id`);
    const loops = await client.query<{ n: number }>(
      `WITH RECURSIVE up(start, cur, depth) AS (
         SELECT id, penilai_id, 1 FROM pegawai WHERE penilai_id IS NOT NULL
         UNION ALL
         SELECT up.start, p.penilai_id, up.depth + 1 FROM up JOIN pegawai p ON p.id = up.cur
          WHERE p.penilai_id IS NOT NULL AND up.cur <> up.start AND up.depth < 100)
       SELECT count(DISTINCT start)::int AS n FROM up WHERE cur = start OR depth >= 100`,
    );
    if (loops.rows[0]!.n !== 0) throw new Error(`appraiser chain: ${loops.rows[0]!.n} employees in a loop`);
    const bad = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM unnest($1::int[]) AS h WHERE (SELECT count(*) FROM pegawai WHERE penilai_id = h AND aktif) <> $2`,
      [chosen.map((c) => c.id), size],
    );
    if (bad.rows[0]!.n !== 0) throw new Error(`${bad.rows[0]!.n} chosen appraisers do not have ${size} appraisees`);
    await client.query('COMMIT');
    return { ids: chosen.map((c) => c.id), size, moved: r.rowCount ?? 0, candidates: cand.rows.length };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

// ---- The cycle, its SKPs and four periods of reports -----------------------------------------------

export type LaporanDataset = {
  siklusId: number;
  tahun: number;
  periode: { id: number; urutan: number; nama: string }[];
  /** Milliseconds per step, and in all (the bulk SKP job included). */
  ms: Record<string, number>;
  rows: Record<string, number>;
  statusCounts: Record<string, number>;
};

const RHK_TEKS = [
  'Tersusunnya naskah kajian kebijakan kinerja unit kerja',
  'Terlaksananya layanan administrasi kepegawaian tepat waktu',
  'Tersedianya rekapitulasi data capaian kinerja pegawai',
  'Terlaksananya pemantauan tindak lanjut hasil evaluasi',
  'Terdokumentasinya hasil rapat koordinasi lintas unit',
];

const PRESTASI = [
  'Seluruh dokumen yang direncanakan triwulan ini selesai disusun dan telah disampaikan kepada atasan.',
  'Layanan administrasi diselesaikan sesuai jadwal; dua dokumen selesai lebih cepat dari target.',
  'Rekapitulasi data capaian diperbarui setiap bulan dan digunakan dalam rapat pimpinan.',
];
const KENDALA = [
  'Sebagian data dari unit lain terlambat diterima sehingga verifikasi tertunda satu minggu.',
  'Aplikasi pendukung sempat tidak dapat diakses selama tiga hari kerja.',
  'Beban kerja meningkat karena penugasan tambahan dari pimpinan.',
];
const PERBAIKAN = [
  'Menyepakati jadwal pengiriman data dengan unit terkait sejak awal triwulan.',
  'Menyiapkan format isian yang lebih sederhana dan memantau kemajuan setiap minggu.',
  'Membagi pekerjaan ke dalam tahapan mingguan dan melaporkan kemajuannya kepada atasan.',
];
const UMPAN_BALIK = [
  'Capaian sudah baik; pertahankan ketepatan waktu penyampaian dokumen.',
  'Perlu peningkatan kualitas data dukung agar verifikasi lebih cepat.',
  'Koordinasi dengan unit lain sudah berjalan baik, lanjutkan.',
];

/** A suggestion object as the appraiser's page would have shown it (the domain's own functions). */
function saranHasil(rating: Ekspektasi) {
  const kelas = (k: Ekspektasi) => ({ kind: 'kelas' as const, kelas: k, hitungan: { atas: 0, sesuai: 0, bawah: 0, total: 0 }, reason: { key: 'bench', params: {} }, rincian: [], policyVersion: 1 });
  const mix: Ekspektasi[] = rating === 'DI_ATAS' ? ['DI_ATAS', 'DI_ATAS', 'DI_ATAS', 'SESUAI'] : rating === 'DI_BAWAH' ? ['DI_BAWAH', 'DI_BAWAH', 'DI_BAWAH', 'SESUAI'] : ['SESUAI', 'SESUAI', 'DI_ATAS', 'SESUAI'];
  const rhk: RhkDinilai[] = mix.map((k, i) => ({ id: i + 1, label: `RHK ${i + 1}`, jenis: 'UTAMA', klasifikasi: kelas(k) }));
  return suggestRatingHasilKerja(rhk, DEFAULT_POLICY);
}
function saranPerilaku(rating: Ekspektasi | null) {
  if (rating === null) return suggestRatingPerilaku({}, DEFAULT_POLICY);
  return suggestRatingPerilaku(Object.fromEntries(NILAI_BERAKHLAK.map((n, i) => [n, i < 4 ? rating : 'SESUAI'])), DEFAULT_POLICY);
}

const EKSPEKTASI: Ekspektasi[] = ['DI_BAWAH', 'SESUAI', 'DI_ATAS'];

export async function generateLaporan(db: Db, opts: { tahun?: number; log?: (m: string) => void } = {}): Promise<LaporanDataset> {
  const log = opts.log ?? (() => undefined);
  const tahun = opts.tahun ?? new Date().getFullYear();
  const ms: Record<string, number> = {};
  const t0 = performance.now();
  let t = t0;
  const lap = (name: string) => {
    const now = performance.now();
    ms[name] = Math.round(now - t);
    t = now;
  };

  // 1. The cycle and one draft SKP per active employee, as the app does it (the bulk job).
  const adminId = (await db.pool.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'admin'`)).rows[0]!.id;
  const admin = (await loadActor(db.pool, adminId))!;
  const siklus = await createSiklus(db, admin, { tahun, jenisPeriode: 'TRIWULANAN' });
  const jobs = createJobRunner(db);
  try {
    await moveFase(db, jobs, admin, siklus.id, siklus.version, 'PERENCANAAN');
    await jobs.idle();
  } finally {
    await jobs.stop();
  }
  lap('skpBulkJob');
  const periode = (await db.pool.query<{ id: number; urutan: number; nama: string }>(`SELECT id, urutan, nama FROM periode WHERE siklus_id = $1 ORDER BY urutan`, [siklus.id])).rows;
  const last = periode.length;

  const client = await db.pool.connect();
  const q = (sql: string, values: unknown[] = []) => client.query(sql, values);
  const rows: Record<string, number> = {};
  try {
    // 2. The plan: 5 RHKs × 2 indicators per SKP, rencana aksi, period targets, ekspektasi; approved.
    await q('ANALYZE skp');
    await q('BEGIN');
    await q(
      `INSERT INTO rhk (skp_id, jenis, urutan, teks, perspektif)
       SELECT s.id, CASE WHEN g <= 4 THEN 'UTAMA' ELSE 'TAMBAHAN' END::"JenisRhk", CASE WHEN g <= 4 THEN g ELSE 1 END, ($2::text[])[g],
              CASE WHEN s.snapshot->'pegawai'->>'jenisJabatan' = 'JPT' THEN (ARRAY['PENERIMA_LAYANAN','PROSES_BISNIS','PENGUATAN_INTERNAL','ANGGARAN','PROSES_BISNIS'])[g]::"Perspektif" END
         FROM skp s CROSS JOIN generate_series(1, 5) AS g
        WHERE s.siklus_id = $1 ORDER BY s.id, g`,
      [siklus.id, RHK_TEKS],
    );
    // UTAMA 1–3 intervene the appraiser's UTAMA of the same position (not on the JPT form).
    await q(
      `UPDATE rhk c SET rhk_atasan_id = a.id
         FROM skp s JOIN skp ms ON ms.siklus_id = s.siklus_id AND ms.pegawai_id = s.penilai_id JOIN rhk a ON a.skp_id = ms.id AND a.jenis = 'UTAMA'
        WHERE c.skp_id = s.id AND s.siklus_id = $1 AND c.jenis = 'UTAMA' AND c.urutan <= 3 AND a.urutan = c.urutan AND c.perspektif IS NULL`,
      [siklus.id],
    );
    await q(
      `INSERT INTO indikator (rhk_id, aspek, urutan, teks, jenis_target, target_angka, target_min, target_max, satuan, target_teks, lebih_baik, gabung_periode)
       SELECT r.id, x.aspek::"Aspek", k, x.teks, x.jt::"JenisTarget", x.ta, x.tmin, x.tmax, x.satuan, x.tt, x.lb, x.gp::"GabungPeriode"
         FROM rhk r JOIN skp s ON s.id = r.skp_id
         CROSS JOIN generate_series(1, 2) AS k
         CROSS JOIN LATERAL (SELECT CASE WHEN r.jenis = 'TAMBAHAN' THEN 5 ELSE r.urutan END AS g) gg
         CROSS JOIN LATERAL (
           SELECT * FROM (VALUES
             (1, 'KUANTITAS', 'Jumlah dokumen yang diselesaikan', 'ANGKA', (4 + r.id % 9)::numeric, NULL::numeric, NULL::numeric, 'dokumen', NULL, 'TINGGI', 'JUMLAH'),
             (2, CASE gg.g WHEN 2 THEN 'WAKTU' ELSE 'KUALITAS' END,
                 CASE gg.g WHEN 1 THEN 'Persentase dokumen tanpa revisi substansi' WHEN 2 THEN 'Rata-rata waktu penyelesaian layanan' WHEN 3 THEN 'Tingkat akurasi data yang disajikan'
                           WHEN 4 THEN 'Kualitas rekomendasi tindak lanjut' ELSE 'Persentase undangan rapat yang ditindaklanjuti' END,
                 CASE gg.g WHEN 3 THEN 'RENTANG' WHEN 4 THEN 'KUALITATIF' ELSE 'ANGKA' END,
                 CASE gg.g WHEN 1 THEN 90 WHEN 2 THEN 5 WHEN 5 THEN 85 END::numeric,
                 CASE gg.g WHEN 3 THEN 80 END::numeric, CASE gg.g WHEN 3 THEN 95 END::numeric,
                 CASE gg.g WHEN 2 THEN 'hari' WHEN 4 THEN NULL ELSE 'persen' END,
                 CASE gg.g WHEN 4 THEN 'Rekomendasi diterima pimpinan tanpa perbaikan substansi' END,
                 CASE gg.g WHEN 2 THEN 'RENDAH' ELSE 'TINGGI' END,
                 CASE gg.g WHEN 2 THEN 'TERAKHIR' WHEN 4 THEN 'TERAKHIR' ELSE 'RATA_RATA' END)
           ) v(kk, aspek, teks, jt, ta, tmin, tmax, satuan, tt, lb, gp) WHERE v.kk = k) x
        WHERE s.siklus_id = $1 ORDER BY r.id, k`,
      [siklus.id],
    );
    await q('ANALYZE rhk, indikator'); // fresh rows: without statistics the planner picks nested loops over seq scans
    const plans = await insertPeriodePlans(client, { siklusId: siklus.id, rencanaAksi: true, targetEvery: 2 });
    rows.rencanaAksi = plans.rencanaAksi;
    rows.targetPeriode = plans.targetPeriode;
    await q(
      `INSERT INTO ekspektasi_perilaku (skp_id, nilai, ekspektasi_khusus)
       SELECT s.id, n::"NilaiBerakhlak", 'Menyelesaikan tugas tepat waktu dan berkoordinasi aktif dengan rekan kerja'
         FROM skp s CROSS JOIN unnest(ARRAY['AKUNTABEL','KOLABORATIF']) AS n WHERE s.siklus_id = $1 ORDER BY s.id`,
      [siklus.id],
    );
    await q('ANALYZE rencana_aksi, target_periode, ekspektasi_perilaku');
    // Approved in January; 5% revised (revision 2) and approved again in July.
    await q(
      `UPDATE skp SET status = 'DISETUJUI', revisi = CASE WHEN id % 20 = 0 THEN 2 ELSE 1 END, version = version + 2,
              diajukan_at = make_timestamptz($2, 1, 20, 3, 0, 0, 'UTC'),
              disetujui_at = CASE WHEN id % 20 = 0 THEN make_timestamptz($2, 7, 3, 3, 0, 0, 'UTC') ELSE make_timestamptz($2, 1, 24, 3, 0, 0, 'UTC') END
        WHERE siklus_id = $1`,
      [siklus.id, tahun],
    );
    lap('plan');

    // The frozen document of each approved revision (src/domain/skp-document.ts), in SQL.
    const num = (c: string) => `trim_scale(${c})::text`;
    const docSql = (revisi: string) => `jsonb_build_object(
        'revisi', ${revisi}, 'pendekatan', s.pendekatan, 'snapshot', s.snapshot,
        'rhk', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                  'id', r.id, 'urutan', r.urutan, 'jenis', r.jenis, 'teks', r.teks || CASE WHEN ${revisi} = 2 AND r.jenis = 'TAMBAHAN' THEN ' (revisi Juli)' ELSE '' END,
                  'rhkAtasan', a.teks, 'perspektif', r.perspektif, 'penugasanDari', r.penugasan_dari,
                  'indikator', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                  'id', i.id, 'aspek', i.aspek, 'teks', i.teks, 'jenisTarget', i.jenis_target,
                                  'targetAngka', ${num('i.target_angka')}, 'targetMin', ${num('i.target_min')}, 'targetMax', ${num('i.target_max')},
                                  'satuan', i.satuan, 'targetTeks', i.target_teks, 'lebihBaik', i.lebih_baik, 'gabungPeriode', i.gabung_periode,
                                  'targetPeriode', (SELECT coalesce(jsonb_agg(jsonb_build_object('periodeId', tp.periode_id, 'targetAngka', ${num('tp.target_angka')},
                                                      'targetMin', ${num('tp.target_min')}, 'targetMax', ${num('tp.target_max')}, 'targetTeks', tp.target_teks) ORDER BY pp.urutan), '[]'::jsonb)
                                                      FROM target_periode tp JOIN periode pp ON pp.id = tp.periode_id WHERE tp.indikator_id = i.id)
                                ) ORDER BY i.urutan), '[]'::jsonb) FROM indikator i WHERE i.rhk_id = r.id AND i.dihapus_revisi IS NULL),
                  'rencanaAksi', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', ra.id, 'periodeId', ra.periode_id, 'teks', ra.teks) ORDER BY pp.urutan, ra.urutan, ra.id), '[]'::jsonb)
                                    FROM rencana_aksi ra JOIN periode pp ON pp.id = ra.periode_id WHERE ra.rhk_id = r.id AND ra.dihapus_revisi IS NULL)
                ) ORDER BY r.jenis, r.urutan), '[]'::jsonb)
                FROM rhk r LEFT JOIN rhk a ON a.id = r.rhk_atasan_id WHERE r.skp_id = s.id AND r.dihapus_revisi IS NULL),
        'ekspektasi', (SELECT coalesce(jsonb_object_agg(e.nilai, e.ekspektasi_khusus), '{}'::jsonb) FROM ekspektasi_perilaku e WHERE e.skp_id = s.id),
        'lampiran', '[]'::jsonb, 'berakhlak', $2::jsonb, 'periode', $3::jsonb)`;
    const periodeDoc = JSON.stringify(periode.map((p) => ({ id: p.id, urutan: p.urutan, nama: p.nama })));
    const approver = `(SELECT u.id FROM app_user u WHERE u.pegawai_id = s.penilai_id)`;
    await q(
      `INSERT INTO skp_versi (skp_id, revisi, data, disetujui_at, oleh_user_id)
       SELECT s.id, 1, ${docSql('1')}, make_timestamptz($4, 1, 24, 3, 0, 0, 'UTC'), ${approver} FROM skp s WHERE s.siklus_id = $1 ORDER BY s.id`,
      [siklus.id, JSON.stringify(berakhlakKini()), periodeDoc, tahun],
    );
    await q(
      `INSERT INTO skp_versi (skp_id, revisi, data, disetujui_at, oleh_user_id)
       SELECT s.id, 2, ${docSql('2')}, s.disetujui_at, ${approver} FROM skp s WHERE s.siklus_id = $1 AND s.revisi = 2 ORDER BY s.id`,
      [siklus.id, JSON.stringify(berakhlakKini()), periodeDoc],
    );
    await q(`UPDATE siklus SET fase = 'PELAKSANAAN', version = version + 1, updated_at = now() WHERE id = $1`, [siklus.id]);
    await q('COMMIT');
    lap('skpVersi');
    // The documents must read as the app reads them.
    const sample = await db.pool.query<{ data: unknown }>(`SELECT data FROM skp_versi v JOIN skp s ON s.id = v.skp_id WHERE s.siklus_id = $1 AND (v.skp_id % 997 = 0 OR v.revisi = 2 AND v.skp_id % 400 = 0)`, [siklus.id]);
    for (const r of sample.rows) {
      const d = parseDokumen(r.data);
      if (d.rhk.length !== 5 || d.rhk.some((x) => x.indikator.length !== 2) || d.rhk[0]!.rencanaAksi.length !== last + 1) throw new Error('skp_versi: a document lacks RHKs, indicators or rencana aksi');
    }

    // 3. Reports: one per SKP and period.
    await q('BEGIN');
    // status by period and a stable hash of the SKP: Q1–Q3 rated, the last period mixed
    await q(
      `INSERT INTO laporan_periode (skp_id, periode_id, skp_revisi, status, prestasi, kendala, rencana_perbaikan, diajukan_at, dibuka_sampai, alasan_kembali, version, created_at, updated_at)
       SELECT s.id, p.id, CASE WHEN s.revisi = 2 AND p.urutan >= 3 THEN 2 ELSE 1 END, st.status::"StatusLaporan",
              CASE WHEN st.status <> 'DRAFT' OR s.id % 3 <> 0 THEN ($3::text[])[1 + (s.id + p.urutan) % 3] END,
              CASE WHEN st.status <> 'DRAFT' THEN ($4::text[])[1 + (s.id + p.urutan) % 3] END,
              CASE WHEN st.status <> 'DRAFT' THEN ($5::text[])[1 + (s.id + p.urutan) % 3] END,
              CASE WHEN st.status <> 'DRAFT' THEN p.batas_pegawai - make_interval(days => s.id % 5, hours => 10) END,
              CASE WHEN st.status = 'DIKEMBALIKAN' THEN now() + interval '7 days' END,
              CASE WHEN st.status = 'DIKEMBALIKAN' THEN 'Lengkapi bukti dukung realisasi dan uraikan kendala secara lebih rinci.' END,
              CASE st.status WHEN 'DRAFT' THEN 2 WHEN 'DIAJUKAN' THEN 3 WHEN 'DIKEMBALIKAN' THEN 4 ELSE 4 END,
              p.mulai + interval '20 days', LEAST(now(), p.batas_penilai + interval '3 hours')
         FROM skp s JOIN periode p ON p.siklus_id = s.siklus_id AND p.mulai <= s.periode_akhir AND p.selesai >= s.periode_awal
         CROSS JOIN LATERAL (SELECT CASE WHEN p.urutan < $2 THEN 'DINILAI' WHEN s.id % 20 < 12 THEN 'DIAJUKAN' WHEN s.id % 20 < 19 THEN 'DRAFT' ELSE 'DIKEMBALIKAN' END AS status) st
        WHERE s.siklus_id = $1 ORDER BY s.id, p.urutan`,
      [siklus.id, last, PRESTASI, KENDALA, PERBAIKAN],
    );
    await q('ANALYZE laporan_periode, rencana_aksi, target_periode');
    lap('laporan');
    // Realisasi for every indicator of the report's plan (the live rows keep the document's ids);
    // a draft has not filled in its TAMBAHAN RHK yet. Values around the target (70–130%).
    await q(
      `INSERT INTO realisasi (laporan_id, indikator_id, angka, teks, sumber_data, penilaian, umpan_balik)
       SELECT l.id, i.id,
              CASE i.jenis_target
                WHEN 'ANGKA' THEN round(coalesce(tp.target_angka, i.target_angka) * (0.7 + ((l.id * 7 + i.id) % 61) / 100.0), CASE WHEN i.satuan = 'dokumen' THEN 0 ELSE 1 END)
                WHEN 'RENTANG' THEN i.target_min - 6 + (l.id + i.id) % 20 END,
              CASE WHEN i.jenis_target = 'KUALITATIF' THEN (ARRAY['Rekomendasi diterima pimpinan dengan perbaikan kecil', 'Rekomendasi diterima tanpa perbaikan', 'Rekomendasi dikembalikan untuk diperbaiki'])[1 + (l.id + i.id) % 3] END,
              CASE WHEN (l.id + i.id) % 4 = 0 THEN 'Aplikasi SIMPEG dan arsip unit kerja' END,
              CASE WHEN l.status = 'DINILAI' AND i.jenis_target = 'KUALITATIF' THEN (ARRAY['TERCAPAI', 'TERCAPAI', 'MELAMPAUI', 'TIDAK_TERCAPAI'])[1 + (l.id + i.id) % 4]::"PenilaianKualitatif" END,
              CASE WHEN l.status = 'DINILAI' AND (l.id + i.id) % 3 = 0 THEN ($2::text[])[1 + (l.id + i.id) % 3] END
         FROM laporan_periode l JOIN skp s ON s.id = l.skp_id
         JOIN rhk r ON r.skp_id = s.id AND r.dihapus_revisi IS NULL
         JOIN indikator i ON i.rhk_id = r.id AND i.dihapus_revisi IS NULL
         LEFT JOIN target_periode tp ON tp.indikator_id = i.id AND tp.periode_id = l.periode_id
        WHERE s.siklus_id = $1 AND NOT (l.status = 'DRAFT' AND r.jenis = 'TAMBAHAN')
        ORDER BY l.id, r.jenis, r.urutan, i.urutan`,
      [siklus.id, UMPAN_BALIK],
    );
    await q('ANALYZE realisasi');
    lap('realisasi');
    await q(
      `INSERT INTO progres_aksi (laporan_id, rencana_aksi_id, persen, keterangan)
       SELECT l.id, ra.id, CASE WHEN l.status = 'DINILAI' THEN 100 - (ra.id % 3) * 10 ELSE 40 + (l.id + ra.id) % 50 END,
              CASE WHEN (l.id + ra.id) % 3 = 0 THEN 'Sesuai jadwal' END
         FROM laporan_periode l JOIN skp s ON s.id = l.skp_id JOIN rhk r ON r.skp_id = s.id AND r.dihapus_revisi IS NULL
         JOIN rencana_aksi ra ON ra.rhk_id = r.id AND ra.periode_id = l.periode_id AND ra.dihapus_revisi IS NULL
        WHERE s.siklus_id = $1 ORDER BY l.id, ra.id`,
      [siklus.id],
    );
    lap('progresAksi');
    // Evidence: 2,000 stored files (shared: the same file stored once), links and files on 60% of the reports.
    const berkas = await q(
      `INSERT INTO berkas (nama, mime, ukuran, sha256, kunci, created_at)
       SELECT 'bukti-' || g || '.pdf', 'application/pdf', 20000 + g * 37 % 500000, encode(sha256(('bench' || g)::bytea), 'hex'), 'bench/' || md5('bench' || g), now()
         FROM generate_series(1, 2000) AS g RETURNING id`,
    );
    const berkasIds = berkas.rows.map((r: { id: number }) => r.id);
    await q(
      `INSERT INTO bukti_dukung (laporan_id, indikator_id, berkas_id, url, keterangan, created_at)
       SELECT l.id, CASE WHEN n = 1 THEN (SELECT min(i.id) FROM rhk r JOIN indikator i ON i.rhk_id = r.id WHERE r.skp_id = l.skp_id AND r.jenis = 'UTAMA' AND r.urutan = 1) END,
              CASE WHEN (l.id + n) % 2 = 0 THEN ($2::int[])[1 + (l.id * 3 + n) % array_length($2::int[], 1)] END,
              CASE WHEN (l.id + n) % 2 = 1 THEN 'https://drive.example.go.id/bukti/' || l.id || '/' || n END,
              (ARRAY['Notulen rapat', 'Laporan kegiatan', 'Daftar hadir', 'Tangkapan layar aplikasi'])[1 + (l.id + n) % 4],
              l.created_at + make_interval(days => n)
         FROM laporan_periode l JOIN skp s ON s.id = l.skp_id CROSS JOIN generate_series(1, 1 + l.id % 3) AS n
        WHERE s.siklus_id = $1 AND l.id % 5 < 3 ORDER BY l.id, n`,
      [siklus.id, berkasIds],
    );
    lap('bukti');

    // History: submitted (3% of the rated ones returned once first), returned, rated.
    const penilaiUser = `(SELECT u.id FROM app_user u WHERE u.pegawai_id = s.penilai_id)`;
    const pegawaiUser = `(SELECT u.id FROM app_user u WHERE u.pegawai_id = s.pegawai_id)`;
    await q(
      `INSERT INTO riwayat_laporan (laporan_id, jenis, alasan, sampai, at, oleh_user_id)
       SELECT l.id, e.jenis::"PeristiwaLaporan", e.alasan, e.sampai, e.at, CASE WHEN e.oleh = 'p' THEN ${pegawaiUser} ELSE ${penilaiUser} END
         FROM laporan_periode l JOIN skp s ON s.id = l.skp_id JOIN periode p ON p.id = l.periode_id
         CROSS JOIN LATERAL (VALUES
           (1, 'DIAJUKAN', NULL, NULL::timestamptz, l.diajukan_at - CASE WHEN l.id % 33 = 0 AND l.status = 'DINILAI' THEN interval '6 days' ELSE interval '0' END, 'p', l.status <> 'DRAFT'),
           (2, 'DIKEMBALIKAN', 'Lengkapi bukti dukung realisasi.', l.diajukan_at + interval '2 days', l.diajukan_at - interval '5 days', 'a', l.id % 33 = 0 AND l.status = 'DINILAI'),
           (3, 'DIAJUKAN', NULL, NULL, l.diajukan_at, 'p', l.id % 33 = 0 AND l.status = 'DINILAI'),
           (4, 'DIKEMBALIKAN', l.alasan_kembali, l.dibuka_sampai, l.diajukan_at + interval '1 day', 'a', l.status = 'DIKEMBALIKAN'),
           (5, 'DINILAI', NULL, NULL, p.batas_pegawai + interval '3 days', 'a', l.status = 'DINILAI')
         ) e(k, jenis, alasan, sampai, at, oleh, ada)
        WHERE s.siklus_id = $1 AND e.ada ORDER BY l.id, e.k`,
      [siklus.id],
    );
    await q('ANALYZE riwayat_laporan');
    lap('riwayat');
    // Ratings of the rated reports: mostly Sesuai; the suggestion shown, a reason where it differs.
    const saranH = Object.fromEntries(EKSPEKTASI.map((e) => [e, saranHasil(e)]));
    const saranP = { ...Object.fromEntries(EKSPEKTASI.map((e) => [e, saranPerilaku(e)])), NONE: saranPerilaku(null) };
    const predikat = Object.fromEntries(EKSPEKTASI.flatMap((h) => EKSPEKTASI.map((p) => [`${h}/${p}`, MATRIKS_PREDIKAT[h][p]])));
    await q(
      `INSERT INTO penilaian_periode (laporan_id, rating_hasil_kerja, rating_perilaku, predikat, saran_hasil_kerja, saran_perilaku, policy_version,
                                      alasan_hasil_kerja, alasan_perilaku, at, oleh_user_id, penilai_id, version)
       SELECT l.id, x.rh::"Ekspektasi", x.rp::"Ekspektasi", ($2::jsonb->>(x.rh || '/' || x.rp))::"PredikatKinerja",
              $3::jsonb->x.sh, $4::jsonb->CASE WHEN l.id % 2 = 0 THEN x.rp ELSE 'NONE' END, 1,
              CASE WHEN x.rh <> x.sh THEN 'Hasil kerja dinilai berdasarkan kualitas keluaran utama triwulan ini.' END, NULL,
              p.batas_pegawai + interval '3 days', ${penilaiUser}, s.penilai_id, 1
         FROM laporan_periode l JOIN skp s ON s.id = l.skp_id JOIN periode p ON p.id = l.periode_id
         CROSS JOIN LATERAL (SELECT CASE WHEN l.id % 10 < 7 THEN 'SESUAI' WHEN l.id % 10 < 9 THEN 'DI_ATAS' ELSE 'DI_BAWAH' END AS rh,
                                    CASE WHEN l.id % 7 < 5 THEN 'SESUAI' WHEN l.id % 7 < 6 THEN 'DI_ATAS' ELSE 'DI_BAWAH' END AS rp,
                                    CASE WHEN l.id % 10 < 7 OR l.id % 10 = 7 THEN 'SESUAI' WHEN l.id % 10 < 9 THEN 'DI_ATAS' ELSE 'DI_BAWAH' END AS sh) x
        WHERE s.siklus_id = $1 AND l.status = 'DINILAI' ORDER BY l.id`,
      [siklus.id, JSON.stringify(predikat), JSON.stringify(saranH), JSON.stringify(saranP)],
    );
    await q('ANALYZE penilaian_periode');
    // Marks on all seven values on half the rated reports (those whose behaviour suggestion was given).
    await q(
      `INSERT INTO tanda_perilaku (laporan_id, nilai, tanda, umpan_balik)
       SELECT l.id, n.nilai::"NilaiBerakhlak", CASE WHEN n.k <= 4 THEN pp.rating_perilaku ELSE 'SESUAI' END,
              CASE WHEN n.k = 1 THEN 'Responsif terhadap permintaan layanan dan ramah kepada pemangku kepentingan.' END
         FROM laporan_periode l JOIN penilaian_periode pp ON pp.laporan_id = l.id JOIN skp s ON s.id = l.skp_id
         CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS n(nilai, k)
        WHERE s.siklus_id = $1 AND l.id % 2 = 0 ORDER BY l.id, n.k`,
      [siklus.id, [...NILAI_BERAKHLAK]],
    );
    lap('penilaian');
    // One progress note per SKP in the current period.
    await q(
      `INSERT INTO catatan_progres (skp_id, tanggal, teks, url, oleh_user_id, created_at)
       SELECT s.id, p.mulai + (s.id % 40), 'Menyelesaikan verifikasi dokumen dan mengirimkan rekap ke atasan', CASE WHEN s.id % 4 = 0 THEN 'https://drive.example.go.id/catatan/' || s.id END,
              ${pegawaiUser}, p.mulai + (s.id % 40) + interval '9 hours'
         FROM skp s JOIN periode p ON p.siklus_id = s.siklus_id AND p.urutan = $2 WHERE s.siklus_id = $1 ORDER BY s.id`,
      [siklus.id, last],
    );
    await q('COMMIT');
    lap('catatan');
  } catch (e) {
    await q('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  await db.pool.query(
    'VACUUM ANALYZE skp, skp_versi, rhk, indikator, rencana_aksi, target_periode, ekspektasi_perilaku, laporan_periode, realisasi, progres_aksi, bukti_dukung, berkas, riwayat_laporan, penilaian_periode, tanda_perilaku, catatan_progres',
  );
  lap('vacuumAnalyze');
  ms.total = Math.round(performance.now() - t0);

  const counts = (
    await db.pool.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM skp) AS skp, (SELECT count(*)::int FROM skp_versi) AS "skpVersi", (SELECT count(*)::int FROM rhk) AS rhk,
              (SELECT count(*)::int FROM indikator) AS indikator, (SELECT count(*)::int FROM laporan_periode) AS laporan, (SELECT count(*)::int FROM realisasi) AS realisasi,
              (SELECT count(*)::int FROM progres_aksi) AS "progresAksi", (SELECT count(*)::int FROM bukti_dukung) AS bukti, (SELECT count(*)::int FROM riwayat_laporan) AS riwayat,
              (SELECT count(*)::int FROM penilaian_periode) AS penilaian, (SELECT count(*)::int FROM tanda_perilaku) AS "tandaPerilaku", (SELECT count(*)::int FROM catatan_progres) AS "catatanProgres"`,
    )
  ).rows[0]!;
  Object.assign(rows, counts);
  const statusCounts = Object.fromEntries(
    (await db.pool.query<{ k: string; n: number }>(`SELECT p.urutan || ' ' || l.status AS k, count(*)::int AS n FROM laporan_periode l JOIN periode p ON p.id = l.periode_id GROUP BY 1 ORDER BY 1`)).rows.map((r) => [r.k, r.n]),
  );
  log(`reports: ${Object.entries(rows).map(([k, n]) => `${n} ${k}`).join(', ')}; statuses ${Object.entries(statusCounts).map(([k, n]) => `Q${k} ${n}`).join(', ')}`);
  log(`report data generated in ${ms.total} ms (${Object.entries(ms).filter(([k]) => k !== 'total').map(([k, v]) => `${k} ${v}`).join(', ')})`);
  return { siklusId: siklus.id, tahun, periode, ms, rows, statusCounts };
}

export type { pg };
