-- The planning model a real agency needs (docs/domain/penilai.md, docs/domain/skp.md):
-- positions that say what the rules need, officials outside the agency, delegations (Plt/Plh),
-- who decided each SKP and in whose name, stored files, more than one SKP a year with exact
-- periods, rows that survive revisions, rencana aksi and targets per period.
-- Additive only: nothing existing changes meaning here.

CREATE TYPE "KategoriJf" AS ENUM ('KEAHLIAN', 'KETERAMPILAN');
CREATE TYPE "JenjangJf" AS ENUM ('PERTAMA', 'MUDA', 'MADYA', 'UTAMA', 'PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA');
CREATE TYPE "JenisDelegasi" AS ENUM ('PLT', 'PLH');
CREATE TYPE "JenisKeputusan" AS ENUM ('SETUJUI', 'KEMBALIKAN');
CREATE TYPE "GabungPeriode" AS ENUM ('JUMLAH', 'RATA_RATA', 'TERAKHIR');

-- ---- Positions and units ----------------------------------------------------------------------
ALTER TABLE "jabatan" ADD COLUMN "kategori_jf" "KategoriJf", ADD COLUMN "jenjang_jf" "JenjangJf";
ALTER TABLE "unit_kerja" ADD COLUMN "kepala_jabatan_id" INTEGER, ADD COLUMN "mandiri" BOOLEAN NOT NULL DEFAULT false;
CREATE UNIQUE INDEX "unit_kerja_kepala_jabatan_id_key" ON "unit_kerja"("kepala_jabatan_id");
ALTER TABLE "unit_kerja" ADD CONSTRAINT "unit_kerja_kepala_jabatan_id_fkey" FOREIGN KEY ("kepala_jabatan_id") REFERENCES "jabatan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---- Officials outside the agency -------------------------------------------------------------
CREATE TABLE "pejabat_luar" (
    "id" SERIAL NOT NULL,
    "nama" VARCHAR(200) NOT NULL,
    "nip" VARCHAR(18),
    "jabatan" VARCHAR(200) NOT NULL,
    "instansi" VARCHAR(200) NOT NULL,
    "pangkat_golongan" VARCHAR(60),
    "email" VARCHAR(200),
    "aktif" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pejabat_luar_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "pejabat_luar_nip_key" ON "pejabat_luar"("nip");

ALTER TABLE "app_user" ADD COLUMN "pejabat_luar_id" INTEGER;
CREATE UNIQUE INDEX "app_user_pejabat_luar_id_key" ON "app_user"("pejabat_luar_id");
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_pejabat_luar_id_fkey" FOREIGN KEY ("pejabat_luar_id") REFERENCES "pejabat_luar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_one_person" CHECK ("pegawai_id" IS NULL OR "pejabat_luar_id" IS NULL);

ALTER TABLE "pegawai" ADD COLUMN "penilai_luar_id" INTEGER;
CREATE INDEX "pegawai_penilai_luar_id_idx" ON "pegawai"("penilai_luar_id");
ALTER TABLE "pegawai" ADD CONSTRAINT "pegawai_penilai_luar_id_fkey" FOREIGN KEY ("penilai_luar_id") REFERENCES "pejabat_luar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "pegawai" ADD CONSTRAINT "pegawai_one_penilai" CHECK ("penilai_id" IS NULL OR "penilai_luar_id" IS NULL);

ALTER TABLE "riwayat_pegawai" ADD COLUMN "tmt" DATE, ADD COLUMN "penilai_luar_id" INTEGER;

-- ---- Delegations (Plt / Plh) ------------------------------------------------------------------
CREATE TABLE "delegasi" (
    "id" SERIAL NOT NULL,
    "jenis" "JenisDelegasi" NOT NULL,
    "nomor_sk" VARCHAR(100) NOT NULL,
    "tanggal_sk" DATE,
    "mulai" DATE NOT NULL,
    "selesai" DATE NOT NULL,
    "jabatan_id" INTEGER NOT NULL,
    "pemberi_id" INTEGER,
    "penerima_id" INTEGER NOT NULL,
    "keterangan" VARCHAR(300),
    "dibatalkan_at" TIMESTAMPTZ(3),
    "oleh_user_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "delegasi_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "delegasi_dates" CHECK ("selesai" >= "mulai")
);
CREATE INDEX "delegasi_penerima_id_idx" ON "delegasi"("penerima_id");
CREATE INDEX "delegasi_jabatan_id_idx" ON "delegasi"("jabatan_id");
CREATE INDEX "delegasi_pemberi_id_idx" ON "delegasi"("pemberi_id");
ALTER TABLE "delegasi" ADD CONSTRAINT "delegasi_jabatan_id_fkey" FOREIGN KEY ("jabatan_id") REFERENCES "jabatan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "delegasi" ADD CONSTRAINT "delegasi_pemberi_id_fkey" FOREIGN KEY ("pemberi_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "delegasi" ADD CONSTRAINT "delegasi_penerima_id_fkey" FOREIGN KEY ("penerima_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---- Stored files -----------------------------------------------------------------------------
CREATE TABLE "berkas" (
    "id" SERIAL NOT NULL,
    "nama" VARCHAR(255) NOT NULL,
    "mime" VARCHAR(100) NOT NULL,
    "ukuran" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "kunci" VARCHAR(200) NOT NULL,
    "oleh_user_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "berkas_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "berkas_kunci_key" ON "berkas"("kunci");

-- ---- SKP: exact periods, successors, external appraiser ---------------------------------------
ALTER TABLE "skp"
    ADD COLUMN "periode_awal" DATE,
    ADD COLUMN "periode_akhir" DATE,
    ADD COLUMN "ditutup_at" TIMESTAMPTZ(3),
    ADD COLUMN "sebelumnya_id" INTEGER,
    ADD COLUMN "penilai_luar_id" INTEGER;
UPDATE "skp" s SET "periode_awal" = make_date(c."tahun", 1, 1), "periode_akhir" = make_date(c."tahun", 12, 31)
  FROM "siklus" c WHERE c."id" = s."siklus_id";
ALTER TABLE "skp" ALTER COLUMN "periode_awal" SET NOT NULL, ALTER COLUMN "periode_akhir" SET NOT NULL;
ALTER TABLE "skp" ADD CONSTRAINT "skp_periode" CHECK ("periode_akhir" >= "periode_awal");
ALTER TABLE "skp" ADD CONSTRAINT "skp_one_penilai" CHECK ("penilai_id" IS NULL OR "penilai_luar_id" IS NULL);
CREATE UNIQUE INDEX "skp_sebelumnya_id_key" ON "skp"("sebelumnya_id");
CREATE INDEX "skp_penilai_luar_id_idx" ON "skp"("penilai_luar_id");
ALTER TABLE "skp" ADD CONSTRAINT "skp_sebelumnya_id_fkey" FOREIGN KEY ("sebelumnya_id") REFERENCES "skp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "skp" ADD CONSTRAINT "skp_penilai_luar_id_fkey" FOREIGN KEY ("penilai_luar_id") REFERENCES "pejabat_luar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---- Decisions on an SKP ----------------------------------------------------------------------
CREATE TABLE "keputusan_skp" (
    "id" SERIAL NOT NULL,
    "skp_id" INTEGER NOT NULL,
    "revisi" INTEGER NOT NULL,
    "jenis" "JenisKeputusan" NOT NULL,
    "alasan" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "oleh_user_id" INTEGER,
    "penilai_id" INTEGER,
    "penilai_luar_id" INTEGER,
    "delegasi_id" INTEGER,
    "dicatat_hr" BOOLEAN NOT NULL DEFAULT false,
    "berkas_id" INTEGER,
    CONSTRAINT "keputusan_skp_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "keputusan_skp_skp_id_idx" ON "keputusan_skp"("skp_id");
ALTER TABLE "keputusan_skp" ADD CONSTRAINT "keputusan_skp_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "keputusan_skp" ADD CONSTRAINT "keputusan_skp_penilai_id_fkey" FOREIGN KEY ("penilai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "keputusan_skp" ADD CONSTRAINT "keputusan_skp_penilai_luar_id_fkey" FOREIGN KEY ("penilai_luar_id") REFERENCES "pejabat_luar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "keputusan_skp" ADD CONSTRAINT "keputusan_skp_delegasi_id_fkey" FOREIGN KEY ("delegasi_id") REFERENCES "delegasi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "keputusan_skp" ADD CONSTRAINT "keputusan_skp_berkas_id_fkey" FOREIGN KEY ("berkas_id") REFERENCES "berkas"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---- Rows that survive revisions; rencana aksi and targets per period -------------------------
ALTER TABLE "rhk" ADD COLUMN "dihapus_revisi" INTEGER;
ALTER TABLE "indikator" ADD COLUMN "dihapus_revisi" INTEGER,
    ADD COLUMN "gabung_periode" "GabungPeriode" NOT NULL DEFAULT 'TERAKHIR';
UPDATE "indikator" SET "gabung_periode" = 'JUMLAH' WHERE "kumulatif";

CREATE TABLE "rencana_aksi" (
    "id" SERIAL NOT NULL,
    "rhk_id" INTEGER NOT NULL,
    "periode_id" INTEGER NOT NULL,
    "urutan" INTEGER NOT NULL,
    "teks" TEXT NOT NULL,
    "dihapus_revisi" INTEGER,
    CONSTRAINT "rencana_aksi_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "rencana_aksi_rhk_id_periode_id_idx" ON "rencana_aksi"("rhk_id", "periode_id");
CREATE INDEX "rencana_aksi_periode_id_idx" ON "rencana_aksi"("periode_id");
ALTER TABLE "rencana_aksi" ADD CONSTRAINT "rencana_aksi_rhk_id_fkey" FOREIGN KEY ("rhk_id") REFERENCES "rhk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "rencana_aksi" ADD CONSTRAINT "rencana_aksi_periode_id_fkey" FOREIGN KEY ("periode_id") REFERENCES "periode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "target_periode" (
    "id" SERIAL NOT NULL,
    "indikator_id" INTEGER NOT NULL,
    "periode_id" INTEGER NOT NULL,
    "target_angka" DECIMAL(18,4),
    "target_min" DECIMAL(18,4),
    "target_max" DECIMAL(18,4),
    "target_teks" TEXT,
    CONSTRAINT "target_periode_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "target_periode_indikator_id_periode_id_key" ON "target_periode"("indikator_id", "periode_id");
CREATE INDEX "target_periode_periode_id_idx" ON "target_periode"("periode_id");
ALTER TABLE "target_periode" ADD CONSTRAINT "target_periode_indikator_id_fkey" FOREIGN KEY ("indikator_id") REFERENCES "indikator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "target_periode" ADD CONSTRAINT "target_periode_periode_id_fkey" FOREIGN KEY ("periode_id") REFERENCES "periode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
