-- Periodic reports and the appraiser's answer (docs/domain/laporan.md): the report per SKP per
-- period with its realisasi, evidence, rencana aksi progress and narrative; the appraiser's
-- feedback, behaviour marks and rating with the suggestion it was shown; continuous feedback and
-- dialog kinerja. Records reference indicators and SKPs with RESTRICT: they survive revisions.

ALTER TABLE "siklus" ADD COLUMN "zona_waktu" VARCHAR(40) NOT NULL DEFAULT 'Asia/Jakarta';

CREATE TYPE "StatusLaporan" AS ENUM ('DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN', 'DINILAI');
CREATE TYPE "Ekspektasi" AS ENUM ('DI_BAWAH', 'SESUAI', 'DI_ATAS');
CREATE TYPE "PredikatKinerja" AS ENUM ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');
CREATE TYPE "PenilaianKualitatif" AS ENUM ('TIDAK_TERCAPAI', 'TERCAPAI', 'MELAMPAUI');
CREATE TYPE "PeristiwaLaporan" AS ENUM ('DIAJUKAN', 'DIKEMBALIKAN', 'DINILAI', 'DIBUKA_HR');

CREATE TABLE "laporan_periode" (
    "id" SERIAL NOT NULL,
    "skp_id" INTEGER NOT NULL,
    "periode_id" INTEGER NOT NULL,
    "skp_revisi" INTEGER NOT NULL,
    "status" "StatusLaporan" NOT NULL DEFAULT 'DRAFT',
    "prestasi" TEXT,
    "kendala" TEXT,
    "rencana_perbaikan" TEXT,
    "diajukan_at" TIMESTAMPTZ(3),
    "dibuka_sampai" TIMESTAMPTZ(3),
    "alasan_kembali" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "laporan_periode_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "laporan_periode_skp_id_periode_id_key" ON "laporan_periode"("skp_id", "periode_id");
CREATE INDEX "laporan_periode_periode_id_status_idx" ON "laporan_periode"("periode_id", "status");
ALTER TABLE "laporan_periode" ADD CONSTRAINT "laporan_periode_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "laporan_periode" ADD CONSTRAINT "laporan_periode_periode_id_fkey" FOREIGN KEY ("periode_id") REFERENCES "periode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "realisasi" (
    "id" SERIAL NOT NULL,
    "laporan_id" INTEGER NOT NULL,
    "indikator_id" INTEGER NOT NULL,
    "angka" DECIMAL(18,4),
    "teks" TEXT,
    "sumber_data" VARCHAR(300),
    "penilaian" "PenilaianKualitatif",
    "umpan_balik" TEXT,
    CONSTRAINT "realisasi_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "realisasi_laporan_id_indikator_id_key" ON "realisasi"("laporan_id", "indikator_id");
CREATE INDEX "realisasi_indikator_id_idx" ON "realisasi"("indikator_id");
ALTER TABLE "realisasi" ADD CONSTRAINT "realisasi_laporan_id_fkey" FOREIGN KEY ("laporan_id") REFERENCES "laporan_periode"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "realisasi" ADD CONSTRAINT "realisasi_indikator_id_fkey" FOREIGN KEY ("indikator_id") REFERENCES "indikator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "progres_aksi" (
    "id" SERIAL NOT NULL,
    "laporan_id" INTEGER NOT NULL,
    "rencana_aksi_id" INTEGER NOT NULL,
    "persen" INTEGER,
    "keterangan" TEXT,
    CONSTRAINT "progres_aksi_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "progres_aksi_laporan_id_rencana_aksi_id_key" ON "progres_aksi"("laporan_id", "rencana_aksi_id");
CREATE INDEX "progres_aksi_rencana_aksi_id_idx" ON "progres_aksi"("rencana_aksi_id");
ALTER TABLE "progres_aksi" ADD CONSTRAINT "progres_aksi_laporan_id_fkey" FOREIGN KEY ("laporan_id") REFERENCES "laporan_periode"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "progres_aksi" ADD CONSTRAINT "progres_aksi_rencana_aksi_id_fkey" FOREIGN KEY ("rencana_aksi_id") REFERENCES "rencana_aksi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "bukti_dukung" (
    "id" SERIAL NOT NULL,
    "laporan_id" INTEGER NOT NULL,
    "indikator_id" INTEGER,
    "berkas_id" INTEGER,
    "url" VARCHAR(2000),
    "keterangan" VARCHAR(300),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "bukti_dukung_pkey" PRIMARY KEY ("id"),
    -- a file or a link, never both, never neither
    CONSTRAINT "bukti_dukung_berkas_atau_url" CHECK (("berkas_id" IS NULL) <> ("url" IS NULL))
);
CREATE INDEX "bukti_dukung_laporan_id_idx" ON "bukti_dukung"("laporan_id");
CREATE INDEX "bukti_dukung_berkas_id_idx" ON "bukti_dukung"("berkas_id");
CREATE INDEX "bukti_dukung_indikator_id_idx" ON "bukti_dukung"("indikator_id");
ALTER TABLE "bukti_dukung" ADD CONSTRAINT "bukti_dukung_laporan_id_fkey" FOREIGN KEY ("laporan_id") REFERENCES "laporan_periode"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "bukti_dukung" ADD CONSTRAINT "bukti_dukung_indikator_id_fkey" FOREIGN KEY ("indikator_id") REFERENCES "indikator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "bukti_dukung" ADD CONSTRAINT "bukti_dukung_berkas_id_fkey" FOREIGN KEY ("berkas_id") REFERENCES "berkas"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "catatan_progres" (
    "id" SERIAL NOT NULL,
    "skp_id" INTEGER NOT NULL,
    "tanggal" DATE NOT NULL,
    "teks" TEXT NOT NULL,
    "berkas_id" INTEGER,
    "url" VARCHAR(2000),
    "oleh_user_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "catatan_progres_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "catatan_progres_skp_id_tanggal_idx" ON "catatan_progres"("skp_id", "tanggal");
CREATE INDEX "catatan_progres_berkas_id_idx" ON "catatan_progres"("berkas_id");
ALTER TABLE "catatan_progres" ADD CONSTRAINT "catatan_progres_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "catatan_progres" ADD CONSTRAINT "catatan_progres_berkas_id_fkey" FOREIGN KEY ("berkas_id") REFERENCES "berkas"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "tanda_perilaku" (
    "id" SERIAL NOT NULL,
    "laporan_id" INTEGER NOT NULL,
    "nilai" "NilaiBerakhlak" NOT NULL,
    "tanda" "Ekspektasi",
    "umpan_balik" TEXT,
    CONSTRAINT "tanda_perilaku_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tanda_perilaku_laporan_id_nilai_key" ON "tanda_perilaku"("laporan_id", "nilai");
ALTER TABLE "tanda_perilaku" ADD CONSTRAINT "tanda_perilaku_laporan_id_fkey" FOREIGN KEY ("laporan_id") REFERENCES "laporan_periode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "penilaian_periode" (
    "id" SERIAL NOT NULL,
    "laporan_id" INTEGER NOT NULL,
    "rating_hasil_kerja" "Ekspektasi" NOT NULL,
    "rating_perilaku" "Ekspektasi" NOT NULL,
    "predikat" "PredikatKinerja" NOT NULL,
    "saran_hasil_kerja" JSONB NOT NULL,
    "saran_perilaku" JSONB NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "alasan_hasil_kerja" TEXT,
    "alasan_perilaku" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "oleh_user_id" INTEGER,
    "penilai_id" INTEGER,
    "penilai_luar_id" INTEGER,
    "delegasi_id" INTEGER,
    "dicatat_hr" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "penilaian_periode_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "penilaian_periode_laporan_id_key" ON "penilaian_periode"("laporan_id");
CREATE INDEX "penilaian_periode_penilai_id_idx" ON "penilaian_periode"("penilai_id");
ALTER TABLE "penilaian_periode" ADD CONSTRAINT "penilaian_periode_laporan_id_fkey" FOREIGN KEY ("laporan_id") REFERENCES "laporan_periode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "penilaian_periode" ADD CONSTRAINT "penilaian_periode_penilai_id_fkey" FOREIGN KEY ("penilai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "penilaian_periode" ADD CONSTRAINT "penilaian_periode_penilai_luar_id_fkey" FOREIGN KEY ("penilai_luar_id") REFERENCES "pejabat_luar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "penilaian_periode" ADD CONSTRAINT "penilaian_periode_delegasi_id_fkey" FOREIGN KEY ("delegasi_id") REFERENCES "delegasi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "riwayat_laporan" (
    "id" SERIAL NOT NULL,
    "laporan_id" INTEGER NOT NULL,
    "jenis" "PeristiwaLaporan" NOT NULL,
    "alasan" TEXT,
    "sampai" TIMESTAMPTZ(3),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "oleh_user_id" INTEGER,
    CONSTRAINT "riwayat_laporan_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "riwayat_laporan_laporan_id_idx" ON "riwayat_laporan"("laporan_id");
ALTER TABLE "riwayat_laporan" ADD CONSTRAINT "riwayat_laporan_laporan_id_fkey" FOREIGN KEY ("laporan_id") REFERENCES "laporan_periode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "umpan_balik" (
    "id" SERIAL NOT NULL,
    "pegawai_id" INTEGER NOT NULL,
    "skp_id" INTEGER,
    "dari_pegawai_id" INTEGER,
    "oleh_user_id" INTEGER,
    "teks" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "umpan_balik_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "umpan_balik_pegawai_id_at_idx" ON "umpan_balik"("pegawai_id", "at");
CREATE INDEX "umpan_balik_dari_pegawai_id_idx" ON "umpan_balik"("dari_pegawai_id");
CREATE INDEX "umpan_balik_skp_id_idx" ON "umpan_balik"("skp_id");
ALTER TABLE "umpan_balik" ADD CONSTRAINT "umpan_balik_pegawai_id_fkey" FOREIGN KEY ("pegawai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "umpan_balik" ADD CONSTRAINT "umpan_balik_dari_pegawai_id_fkey" FOREIGN KEY ("dari_pegawai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "umpan_balik" ADD CONSTRAINT "umpan_balik_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "dialog_kinerja" (
    "id" SERIAL NOT NULL,
    "pegawai_id" INTEGER NOT NULL,
    "penilai_id" INTEGER,
    "skp_id" INTEGER,
    "tanggal" DATE NOT NULL,
    "topik" TEXT NOT NULL,
    "tindakan" TEXT NOT NULL,
    "tindak_lanjut" DATE,
    "oleh_user_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dialog_kinerja_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "dialog_kinerja_pegawai_id_tanggal_idx" ON "dialog_kinerja"("pegawai_id", "tanggal");
CREATE INDEX "dialog_kinerja_penilai_id_idx" ON "dialog_kinerja"("penilai_id");
CREATE INDEX "dialog_kinerja_skp_id_idx" ON "dialog_kinerja"("skp_id");
ALTER TABLE "dialog_kinerja" ADD CONSTRAINT "dialog_kinerja_pegawai_id_fkey" FOREIGN KEY ("pegawai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "dialog_kinerja" ADD CONSTRAINT "dialog_kinerja_penilai_id_fkey" FOREIGN KEY ("penilai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "dialog_kinerja" ADD CONSTRAINT "dialog_kinerja_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
