-- The yearly cycle (siklus, periods) and SKP planning (RHK, indicators, behaviour expectations,
-- lampiran, approved versions, templates) plus background jobs with progress.
CREATE TYPE "FaseSiklus" AS ENUM ('DRAFT', 'PERENCANAAN', 'PELAKSANAAN', 'PENILAIAN', 'KALIBRASI', 'SELESAI', 'ARSIP');
CREATE TYPE "JenisPeriode" AS ENUM ('BULANAN', 'TRIWULANAN', 'SEMESTERAN');
CREATE TYPE "StatusSkp" AS ENUM ('DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN', 'DISETUJUI');
CREATE TYPE "Pendekatan" AS ENUM ('KUANTITATIF', 'KUALITATIF');
CREATE TYPE "JenisRhk" AS ENUM ('UTAMA', 'TAMBAHAN');
CREATE TYPE "Perspektif" AS ENUM ('PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN');
CREATE TYPE "Aspek" AS ENUM ('KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA');
CREATE TYPE "JenisTarget" AS ENUM ('ANGKA', 'RENTANG', 'KUALITATIF');
CREATE TYPE "NilaiBerakhlak" AS ENUM ('BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF');
CREATE TYPE "JenisLampiran" AS ENUM ('DUKUNGAN_SUMBER_DAYA', 'SKEMA_PERTANGGUNGJAWABAN', 'KONSEKUENSI');
CREATE TYPE "StatusJob" AS ENUM ('ANTRI', 'BERJALAN', 'SELESAI', 'GAGAL');

CREATE TABLE "siklus" (
    "id" SERIAL NOT NULL,
    "tahun" INTEGER NOT NULL,
    "jenis_periode" "JenisPeriode" NOT NULL DEFAULT 'TRIWULANAN',
    "fase" "FaseSiklus" NOT NULL DEFAULT 'DRAFT',
    "policy" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "siklus_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "siklus_tahun_key" ON "siklus"("tahun");

CREATE TABLE "periode" (
    "id" SERIAL NOT NULL,
    "siklus_id" INTEGER NOT NULL,
    "urutan" INTEGER NOT NULL,
    "nama" VARCHAR(40) NOT NULL,
    "mulai" DATE NOT NULL,
    "selesai" DATE NOT NULL,
    "batas_pegawai" DATE NOT NULL,
    "batas_penilai" DATE NOT NULL,
    CONSTRAINT "periode_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "periode_siklus_id_urutan_key" ON "periode"("siklus_id", "urutan");
ALTER TABLE "periode" ADD CONSTRAINT "periode_siklus_id_fkey" FOREIGN KEY ("siklus_id") REFERENCES "siklus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "skp" (
    "id" SERIAL NOT NULL,
    "siklus_id" INTEGER NOT NULL,
    "pegawai_id" INTEGER NOT NULL,
    "penilai_id" INTEGER,
    "snapshot" JSONB NOT NULL,
    "pendekatan" "Pendekatan" NOT NULL DEFAULT 'KUANTITATIF',
    "status" "StatusSkp" NOT NULL DEFAULT 'DRAFT',
    "revisi" INTEGER NOT NULL DEFAULT 1,
    "alasan_kembali" TEXT,
    "diajukan_at" TIMESTAMPTZ(3),
    "disetujui_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "skp_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "skp_siklus_id_pegawai_id_key" ON "skp"("siklus_id", "pegawai_id");
CREATE INDEX "skp_penilai_id_idx" ON "skp"("penilai_id");
CREATE INDEX "skp_pegawai_id_idx" ON "skp"("pegawai_id");
CREATE INDEX "skp_siklus_id_status_idx" ON "skp"("siklus_id", "status");
ALTER TABLE "skp" ADD CONSTRAINT "skp_siklus_id_fkey" FOREIGN KEY ("siklus_id") REFERENCES "siklus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "skp" ADD CONSTRAINT "skp_pegawai_id_fkey" FOREIGN KEY ("pegawai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "skp" ADD CONSTRAINT "skp_penilai_id_fkey" FOREIGN KEY ("penilai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "rhk" (
    "id" SERIAL NOT NULL,
    "skp_id" INTEGER NOT NULL,
    "jenis" "JenisRhk" NOT NULL,
    "urutan" INTEGER NOT NULL,
    "teks" TEXT NOT NULL,
    "rhk_atasan_id" INTEGER,
    "perspektif" "Perspektif",
    "penugasan_dari" VARCHAR(200),
    "catatan_penilai" TEXT,
    CONSTRAINT "rhk_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "rhk_skp_id_idx" ON "rhk"("skp_id");
CREATE INDEX "rhk_rhk_atasan_id_idx" ON "rhk"("rhk_atasan_id");
ALTER TABLE "rhk" ADD CONSTRAINT "rhk_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rhk" ADD CONSTRAINT "rhk_rhk_atasan_id_fkey" FOREIGN KEY ("rhk_atasan_id") REFERENCES "rhk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "indikator" (
    "id" SERIAL NOT NULL,
    "rhk_id" INTEGER NOT NULL,
    "aspek" "Aspek" NOT NULL,
    "urutan" INTEGER NOT NULL,
    "teks" TEXT NOT NULL,
    "jenis_target" "JenisTarget" NOT NULL,
    "target_angka" DECIMAL(18,4),
    "target_min" DECIMAL(18,4),
    "target_max" DECIMAL(18,4),
    "satuan" VARCHAR(60),
    "target_teks" TEXT,
    "lebih_baik" VARCHAR(10) NOT NULL DEFAULT 'TINGGI',
    "kumulatif" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "indikator_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "indikator_rhk_id_idx" ON "indikator"("rhk_id");
ALTER TABLE "indikator" ADD CONSTRAINT "indikator_rhk_id_fkey" FOREIGN KEY ("rhk_id") REFERENCES "rhk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ekspektasi_perilaku" (
    "id" SERIAL NOT NULL,
    "skp_id" INTEGER NOT NULL,
    "nilai" "NilaiBerakhlak" NOT NULL,
    "ekspektasi_khusus" TEXT NOT NULL,
    CONSTRAINT "ekspektasi_perilaku_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ekspektasi_perilaku_skp_id_nilai_key" ON "ekspektasi_perilaku"("skp_id", "nilai");
ALTER TABLE "ekspektasi_perilaku" ADD CONSTRAINT "ekspektasi_perilaku_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "lampiran" (
    "id" SERIAL NOT NULL,
    "skp_id" INTEGER NOT NULL,
    "jenis" "JenisLampiran" NOT NULL,
    "urutan" INTEGER NOT NULL,
    "teks" TEXT NOT NULL,
    CONSTRAINT "lampiran_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "lampiran_skp_id_idx" ON "lampiran"("skp_id");
ALTER TABLE "lampiran" ADD CONSTRAINT "lampiran_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "skp_versi" (
    "id" SERIAL NOT NULL,
    "skp_id" INTEGER NOT NULL,
    "revisi" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "disetujui_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "oleh_user_id" INTEGER,
    CONSTRAINT "skp_versi_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "skp_versi_skp_id_revisi_key" ON "skp_versi"("skp_id", "revisi");
ALTER TABLE "skp_versi" ADD CONSTRAINT "skp_versi_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "skp_templat" (
    "id" SERIAL NOT NULL,
    "jabatan_id" INTEGER NOT NULL,
    "nama" VARCHAR(200) NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "skp_templat_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "skp_templat_jabatan_id_idx" ON "skp_templat"("jabatan_id");
ALTER TABLE "skp_templat" ADD CONSTRAINT "skp_templat_jabatan_id_fkey" FOREIGN KEY ("jabatan_id") REFERENCES "jabatan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "job" (
    "id" SERIAL NOT NULL,
    "jenis" VARCHAR(60) NOT NULL,
    "siklus_id" INTEGER,
    "status" "StatusJob" NOT NULL DEFAULT 'ANTRI',
    "total" INTEGER NOT NULL DEFAULT 0,
    "selesai" INTEGER NOT NULL DEFAULT 0,
    "pesan" TEXT,
    "heartbeat" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "job_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "job_status_idx" ON "job"("status");
CREATE INDEX "job_siklus_id_jenis_idx" ON "job"("siklus_id", "jenis");
ALTER TABLE "job" ADD CONSTRAINT "job_siklus_id_fkey" FOREIGN KEY ("siklus_id") REFERENCES "siklus"("id") ON DELETE CASCADE ON UPDATE CASCADE;
