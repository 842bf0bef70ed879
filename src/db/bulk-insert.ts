import type pg from 'pg';
import type { JenisAsn, JenisJabatan } from '../../prisma/generated/enums.js';

// Writing a whole organisation at once (the demo seed, the benchmark dataset): units, positions,
// employees with their appraisers, one riwayat row each and a login for everyone plus an admin,
// in a handful of set-based statements (INSERT … SELECT unnest(…)): no round trip per row.
// References between rows are indexes into the arrays passed in; the ids are taken from the
// sequences first, so paths and references are known before anything is inserted. Runs inside
// the caller's transaction (the caller decides how an empty database is checked and locked).

export type UnitRow = { kode: string; nama: string; /** index of an earlier unit, or null for a root */ parent: number | null };
export type JabatanRow = { kode: string; nama: string; jenis: JenisJabatan; /** index into units */ unit: number };
export type PegawaiRow = {
  nip: string;
  nama: string;
  jenisAsn: JenisAsn;
  golongan: string;
  email: string | null;
  /** indexes into jabatan, units and pegawai */
  jabatan: number;
  unit: number;
  penilai: number | null;
};
export type OrgRows = {
  units: readonly UnitRow[];
  jabatan: readonly JabatanRow[];
  pegawai: readonly PegawaiRow[];
  /** One password hash for every login (argon2 is deliberately slow). */
  passwordHash: string;
  /** Indexes into pegawai of those who get the PIMPINAN role. */
  pimpinan: readonly number[];
  /** The username of the administrator's login (left alone if it exists). */
  admin: string;
};
export type OrgIds = { unitId: number[]; jabatanId: number[]; pegawaiId: number[]; adminCreated: boolean };

export async function insertOrg(client: pg.PoolClient, rows: OrgRows): Promise<OrgIds> {
  const { units, jabatan, pegawai: P } = rows;
  const ids = await client.query<{ u: number[]; j: number[]; p: number[] }>(
    `SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('unit_kerja', 'id'))::int FROM generate_series(1, $1::int)) AS u,
            ARRAY(SELECT nextval(pg_get_serial_sequence('jabatan', 'id'))::int FROM generate_series(1, $2::int)) AS j,
            ARRAY(SELECT nextval(pg_get_serial_sequence('pegawai', 'id'))::int FROM generate_series(1, $3::int)) AS p`,
    [units.length, jabatan.length, P.length],
  );
  const unitId = [...ids.rows[0]!.u].sort((a, b) => a - b);
  const jabatanId = [...ids.rows[0]!.j].sort((a, b) => a - b);
  const pegawaiId = [...ids.rows[0]!.p].sort((a, b) => a - b);

  const paths: string[] = [];
  units.forEach((u, i) => paths.push(`${u.parent === null ? '/' : paths[u.parent]!}${unitId[i]!}/`));
  await client.query(
    `INSERT INTO unit_kerja (id, kode, nama, parent_id, path)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[])`,
    [unitId, units.map((u) => u.kode), units.map((u) => u.nama), units.map((u) => (u.parent === null ? null : unitId[u.parent]!)), paths],
  );
  await client.query(
    `INSERT INTO jabatan (id, kode, nama, jenis, unit_id)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::"JenisJabatan"[], $5::int[])`,
    [jabatanId, jabatan.map((j) => j.kode), jabatan.map((j) => j.nama), jabatan.map((j) => j.jenis), jabatan.map((j) => unitId[j.unit]!)],
  );
  // One statement: the self-referencing appraiser key is checked at its end, so order does not matter.
  await client.query(
    `INSERT INTO pegawai (id, nip, nama, jenis_asn, pangkat_golongan, email, jabatan_id, unit_id, penilai_id)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::"JenisAsn"[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[])`,
    [
      pegawaiId,
      P.map((p) => p.nip),
      P.map((p) => p.nama),
      P.map((p) => p.jenisAsn),
      P.map((p) => p.golongan),
      P.map((p) => p.email),
      P.map((p) => jabatanId[p.jabatan]!),
      P.map((p) => unitId[p.unit]!),
      P.map((p) => (p.penilai === null ? null : pegawaiId[p.penilai]!)),
    ],
  );
  await client.query(
    `INSERT INTO riwayat_pegawai (pegawai_id, jabatan_id, unit_id, penilai_id, aktif, keterangan)
     SELECT id, jabatan_id, unit_id, penilai_id, aktif, 'Data awal' FROM pegawai WHERE id = ANY($1::int[]) ORDER BY id`,
    [pegawaiId],
  );
  await client.query(
    `INSERT INTO app_user (pegawai_id, password_hash, peran)
     SELECT p, $2, CASE WHEN p = ANY($3::int[]) THEN ARRAY['PIMPINAN']::"Peran"[] ELSE ARRAY[]::"Peran"[] END
       FROM unnest($1::int[]) AS p ORDER BY p`,
    [pegawaiId, rows.passwordHash, rows.pimpinan.map((i) => pegawaiId[i]!)],
  );
  const admin = await client.query(
    `INSERT INTO app_user (username, password_hash, peran) VALUES ($1, $2, ARRAY['ADMIN']::"Peran"[])
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    [rows.admin, rows.passwordHash],
  );
  return { unitId, jabatanId, pegawaiId, adminCreated: (admin.rowCount ?? 0) > 0 };
}

// ---- Period plans (rencana aksi and period targets) ------------------------------------------------

export type PeriodePlanRows = {
  /** The cycle whose SKPs get plans, and only those in these statuses (all when omitted). */
  siklusId: number;
  status?: readonly string[];
  /** Rencana aksi for every live RHK and period: two lines in the first period, one in the others. */
  rencanaAksi: boolean;
  /** Period targets on the live ANGKA indicators whose id is a multiple of this (2: half of them). */
  targetEvery: number;
  /** Period targets on every live ANGKA indicator whose periods add up (JUMLAH) as well, so each period's share is set. */
  jumlah?: boolean;
};

/**
 * Rencana aksi and period targets for the SKPs of a cycle, set-based (the demo seed, the
 * benchmark dataset). A JUMLAH indicator's year is split over the periods so that they add up
 * exactly (the last period takes the remainder); any other indicator gets the year's target in
 * each period. Returns how many rows were written.
 */
export async function insertPeriodePlans(client: pg.PoolClient | pg.Pool, o: PeriodePlanRows): Promise<{ rencanaAksi: number; targetPeriode: number }> {
  const status = o.status ? [...o.status] : null;
  let rencanaAksi = 0;
  if (o.rencanaAksi) {
    const r = await client.query(
      `INSERT INTO rencana_aksi (rhk_id, periode_id, urutan, teks)
       SELECT r.id, p.id, g.n,
              CASE WHEN p.urutan = 1 THEN (ARRAY['Menyusun rencana kerja dan jadwal pelaksanaan', 'Mengumpulkan data dan bahan pendukung'])[g.n]
                   WHEN p.urutan = n.cnt THEN 'Menyusun laporan hasil dan bahan evaluasi akhir tahun'
                   ELSE 'Melaksanakan kegiatan sesuai jadwal dan memantau kemajuannya' END
         FROM rhk r JOIN skp k ON k.id = r.skp_id
         JOIN periode p ON p.siklus_id = k.siklus_id
         JOIN (SELECT siklus_id, count(*)::int AS cnt FROM periode GROUP BY siklus_id) n ON n.siklus_id = k.siklus_id
         CROSS JOIN LATERAL generate_series(1, CASE WHEN p.urutan = 1 THEN 2 ELSE 1 END) AS g(n)
        WHERE k.siklus_id = $1 AND ($2::text[] IS NULL OR k.status::text = ANY($2::text[])) AND r.dihapus_revisi IS NULL
          AND NOT EXISTS (SELECT 1 FROM rencana_aksi x WHERE x.rhk_id = r.id)
        ORDER BY r.id, p.urutan, g.n`,
      [o.siklusId, status],
    );
    rencanaAksi = r.rowCount ?? 0;
  }
  const t = await client.query(
    `INSERT INTO target_periode (indikator_id, periode_id, target_angka)
     SELECT i.id, p.id,
            CASE WHEN i.gabung_periode = 'JUMLAH' THEN
                   CASE WHEN p.urutan < n.cnt THEN floor(i.target_angka / n.cnt) ELSE i.target_angka - floor(i.target_angka / n.cnt) * (n.cnt - 1) END
                 ELSE i.target_angka END
       FROM indikator i JOIN rhk r ON r.id = i.rhk_id JOIN skp k ON k.id = r.skp_id
       JOIN periode p ON p.siklus_id = k.siklus_id
       JOIN (SELECT siklus_id, count(*)::int AS cnt FROM periode GROUP BY siklus_id) n ON n.siklus_id = k.siklus_id
      WHERE k.siklus_id = $1 AND ($2::text[] IS NULL OR k.status::text = ANY($2::text[]))
        AND r.dihapus_revisi IS NULL AND i.dihapus_revisi IS NULL
        AND i.jenis_target = 'ANGKA' AND i.target_angka IS NOT NULL AND (i.id % $3::int = 0 OR ($4::boolean AND i.gabung_periode = 'JUMLAH'))
      ORDER BY i.id, p.urutan
     ON CONFLICT (indikator_id, periode_id) DO NOTHING`,
    [o.siklusId, status, o.targetEvery, o.jumlah ?? false],
  );
  return { rencanaAksi, targetPeriode: t.rowCount ?? 0 };
}

// ---- Periodic reports (laporan_periode and what hangs on it) ---------------------------------------

export type LaporanRow = {
  skpId: number;
  periodeId: number;
  skpRevisi: number;
  status: 'DRAFT' | 'DIAJUKAN' | 'DIKEMBALIKAN' | 'DINILAI';
  prestasi: string | null;
  kendala: string | null;
  rencanaPerbaikan: string | null;
  diajukanAt: Date | null;
  dibukaSampai: Date | null;
  alasanKembali: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  realisasi: readonly { indikatorId: number; angka: string | null; teks: string | null; sumberData: string | null; penilaian: 'TIDAK_TERCAPAI' | 'TERCAPAI' | 'MELAMPAUI' | null; umpanBalik: string | null }[];
  progres: readonly { rencanaAksiId: number; persen: number | null; keterangan: string | null }[];
  bukti: readonly { indikatorId: number | null; berkasId: number | null; url: string | null; keterangan: string | null; createdAt: Date }[];
  tanda: readonly { nilai: string; tanda: 'DI_BAWAH' | 'SESUAI' | 'DI_ATAS' | null; umpanBalik: string | null }[];
  penilaian: {
    ratingHasilKerja: string; ratingPerilaku: string; predikat: string; saranHasilKerja: unknown; saranPerilaku: unknown; policyVersion: number;
    alasanHasilKerja: string | null; alasanPerilaku: string | null; at: Date; olehUserId: number | null; penilaiId: number | null; penilaiLuarId: number | null; delegasiId: number | null;
  } | null;
  riwayat: readonly { jenis: 'DIAJUKAN' | 'DIKEMBALIKAN' | 'DINILAI' | 'DIBUKA_HR'; alasan: string | null; sampai: Date | null; at: Date; olehUserId: number | null }[];
};

/**
 * Periodic reports with their realisasi, rencana aksi progress, evidence, behaviour marks,
 * rating and history, set-based: one INSERT … SELECT unnest(…) per table, the report ids taken
 * from the sequence first (the demo seed, the benchmark dataset). Runs in the caller's
 * transaction; a caller with very many rows passes them in chunks. Returns the report ids in
 * the order given.
 */
export async function insertLaporan(client: pg.PoolClient | pg.Pool, rows: readonly LaporanRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids = (await client.query<{ l: number[] }>(
    `SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('laporan_periode', 'id'))::int FROM generate_series(1, $1::int)) AS l`, [rows.length],
  )).rows[0]!.l.sort((a, b) => a - b);
  const col = <T, V>(xs: readonly T[], f: (x: T) => V) => xs.map(f);
  await client.query(
    `INSERT INTO laporan_periode (id, skp_id, periode_id, skp_revisi, status, prestasi, kendala, rencana_perbaikan, diajukan_at, dibuka_sampai, alasan_kembali, version, created_at, updated_at)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::"StatusLaporan"[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::int[], $13::timestamptz[], $14::timestamptz[])`,
    [ids, col(rows, (r) => r.skpId), col(rows, (r) => r.periodeId), col(rows, (r) => r.skpRevisi), col(rows, (r) => r.status), col(rows, (r) => r.prestasi), col(rows, (r) => r.kendala),
      col(rows, (r) => r.rencanaPerbaikan), col(rows, (r) => r.diajukanAt), col(rows, (r) => r.dibukaSampai), col(rows, (r) => r.alasanKembali), col(rows, (r) => r.version), col(rows, (r) => r.createdAt), col(rows, (r) => r.updatedAt)],
  );
  const flat = <C>(pick: (r: LaporanRow) => readonly C[]) => rows.flatMap((r, i) => pick(r).map((c) => ({ id: ids[i]!, c })));

  const real = flat((r) => r.realisasi);
  if (real.length) await client.query(
    `INSERT INTO realisasi (laporan_id, indikator_id, angka, teks, sumber_data, penilaian, umpan_balik)
     SELECT * FROM unnest($1::int[], $2::int[], $3::numeric[], $4::text[], $5::text[], $6::"PenilaianKualitatif"[], $7::text[])`,
    [col(real, (x) => x.id), col(real, (x) => x.c.indikatorId), col(real, (x) => x.c.angka), col(real, (x) => x.c.teks), col(real, (x) => x.c.sumberData), col(real, (x) => x.c.penilaian), col(real, (x) => x.c.umpanBalik)],
  );
  const prog = flat((r) => r.progres);
  if (prog.length) await client.query(
    `INSERT INTO progres_aksi (laporan_id, rencana_aksi_id, persen, keterangan) SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[])`,
    [col(prog, (x) => x.id), col(prog, (x) => x.c.rencanaAksiId), col(prog, (x) => x.c.persen), col(prog, (x) => x.c.keterangan)],
  );
  const bukti = flat((r) => r.bukti);
  if (bukti.length) await client.query(
    `INSERT INTO bukti_dukung (laporan_id, indikator_id, berkas_id, url, keterangan, created_at) SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::timestamptz[])`,
    [col(bukti, (x) => x.id), col(bukti, (x) => x.c.indikatorId), col(bukti, (x) => x.c.berkasId), col(bukti, (x) => x.c.url), col(bukti, (x) => x.c.keterangan), col(bukti, (x) => x.c.createdAt)],
  );
  const tanda = flat((r) => r.tanda);
  if (tanda.length) await client.query(
    `INSERT INTO tanda_perilaku (laporan_id, nilai, tanda, umpan_balik) SELECT * FROM unnest($1::int[], $2::"NilaiBerakhlak"[], $3::"Ekspektasi"[], $4::text[])`,
    [col(tanda, (x) => x.id), col(tanda, (x) => x.c.nilai), col(tanda, (x) => x.c.tanda), col(tanda, (x) => x.c.umpanBalik)],
  );
  const pen = rows.flatMap((r, i) => (r.penilaian ? [{ id: ids[i]!, c: r.penilaian }] : []));
  if (pen.length) await client.query(
    `INSERT INTO penilaian_periode (laporan_id, rating_hasil_kerja, rating_perilaku, predikat, saran_hasil_kerja, saran_perilaku, policy_version, alasan_hasil_kerja, alasan_perilaku, at, oleh_user_id, penilai_id, penilai_luar_id, delegasi_id)
     SELECT l, h, p, k, sh::jsonb, sp::jsonb, v, ah, ap, t, u, pn, pl, d
       FROM unnest($1::int[], $2::"Ekspektasi"[], $3::"Ekspektasi"[], $4::"PredikatKinerja"[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::timestamptz[], $11::int[], $12::int[], $13::int[], $14::int[])
         AS x(l, h, p, k, sh, sp, v, ah, ap, t, u, pn, pl, d)`,
    [col(pen, (x) => x.id), col(pen, (x) => x.c.ratingHasilKerja), col(pen, (x) => x.c.ratingPerilaku), col(pen, (x) => x.c.predikat), col(pen, (x) => JSON.stringify(x.c.saranHasilKerja)),
      col(pen, (x) => JSON.stringify(x.c.saranPerilaku)), col(pen, (x) => x.c.policyVersion), col(pen, (x) => x.c.alasanHasilKerja), col(pen, (x) => x.c.alasanPerilaku), col(pen, (x) => x.c.at),
      col(pen, (x) => x.c.olehUserId), col(pen, (x) => x.c.penilaiId), col(pen, (x) => x.c.penilaiLuarId), col(pen, (x) => x.c.delegasiId)],
  );
  const riw = flat((r) => r.riwayat);
  if (riw.length) await client.query(
    `INSERT INTO riwayat_laporan (laporan_id, jenis, alasan, sampai, at, oleh_user_id) SELECT * FROM unnest($1::int[], $2::"PeristiwaLaporan"[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::int[]) ORDER BY 5`,
    [col(riw, (x) => x.id), col(riw, (x) => x.c.jenis), col(riw, (x) => x.c.alasan), col(riw, (x) => x.c.sampai), col(riw, (x) => x.c.at), col(riw, (x) => x.c.olehUserId)],
  );
  return ids;
}
