-- The annual evaluation (docs/domain/evaluasi-tahunan.md): the year-end computation's suggestions,
-- the appraiser's confirmed ratings, the organisation predikat per unit, calibration and
-- finalisation.

CREATE TYPE "PredikatOrganisasi" AS ENUM ('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');
CREATE TYPE "StatusEvaluasi" AS ENUM ('DIKONFIRMASI', 'FINAL');

-- What the year-end computation suggests for one employee in one cycle. The job writes a run's
-- rows to saran_tahunan_staging in batches and replaces a cycle's rows here in one transaction;
-- nothing else writes here, and nothing here is a rating (evaluasi_tahunan holds those).
CREATE TABLE "saran_tahunan" (
    "siklus_id" INTEGER NOT NULL,
    "pegawai_id" INTEGER NOT NULL,
    "skp_id" INTEGER NOT NULL,
    "penilai_id" INTEGER,
    "penilai_luar_id" INTEGER,
    "unit_id" INTEGER NOT NULL,
    "kepala_unit_id" INTEGER,
    "hasil_kerja" "Ekspektasi",
    "perilaku" "Ekspektasi",
    "predikat" "PredikatKinerja",
    "nilai" DECIMAL(9,4),
    "rincian" JSONB NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "job_id" INTEGER,
    "dihitung_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "saran_tahunan_pkey" PRIMARY KEY ("siklus_id", "pegawai_id")
);
CREATE INDEX "saran_tahunan_siklus_id_penilai_id_idx" ON "saran_tahunan"("siklus_id", "penilai_id");
CREATE INDEX "saran_tahunan_siklus_id_penilai_luar_id_idx" ON "saran_tahunan"("siklus_id", "penilai_luar_id");
CREATE INDEX "saran_tahunan_siklus_id_unit_id_idx" ON "saran_tahunan"("siklus_id", "unit_id");
CREATE INDEX "saran_tahunan_pegawai_id_idx" ON "saran_tahunan"("pegawai_id");
ALTER TABLE "saran_tahunan" ADD CONSTRAINT "saran_tahunan_siklus_id_fkey" FOREIGN KEY ("siklus_id") REFERENCES "siklus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "saran_tahunan" ADD CONSTRAINT "saran_tahunan_pegawai_id_fkey" FOREIGN KEY ("pegawai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "saran_tahunan" ADD CONSTRAINT "saran_tahunan_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "saran_tahunan" ADD CONSTRAINT "saran_tahunan_penilai_id_fkey" FOREIGN KEY ("penilai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "saran_tahunan" ADD CONSTRAINT "saran_tahunan_penilai_luar_id_fkey" FOREIGN KEY ("penilai_luar_id") REFERENCES "pejabat_luar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "saran_tahunan" ADD CONSTRAINT "saran_tahunan_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit_kerja"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "saran_tahunan" ADD CONSTRAINT "saran_tahunan_kepala_unit_id_fkey" FOREIGN KEY ("kepala_unit_id") REFERENCES "unit_kerja"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One run's rows on their way in (no foreign keys, no WAL: a crash loses only an unfinished run,
-- which the job starts again).
CREATE UNLOGGED TABLE "saran_tahunan_staging" (
    "job_id" INTEGER NOT NULL,
    "siklus_id" INTEGER NOT NULL,
    "pegawai_id" INTEGER NOT NULL,
    "skp_id" INTEGER NOT NULL,
    "penilai_id" INTEGER,
    "penilai_luar_id" INTEGER,
    "unit_id" INTEGER NOT NULL,
    "kepala_unit_id" INTEGER,
    "hasil_kerja" "Ekspektasi",
    "perilaku" "Ekspektasi",
    "predikat" "PredikatKinerja",
    "nilai" DECIMAL(9,4),
    "rincian" JSONB NOT NULL,
    "policy_version" INTEGER NOT NULL,
    CONSTRAINT "saran_tahunan_staging_pkey" PRIMARY KEY ("job_id", "pegawai_id")
);

-- The appraiser's ratings of the year (confirmed or overridden), then FINAL.
CREATE TABLE "evaluasi_tahunan" (
    "id" SERIAL NOT NULL,
    "siklus_id" INTEGER NOT NULL,
    "pegawai_id" INTEGER NOT NULL,
    "skp_id" INTEGER NOT NULL,
    "status" "StatusEvaluasi" NOT NULL DEFAULT 'DIKONFIRMASI',
    "rating_hasil_kerja" "Ekspektasi" NOT NULL,
    "rating_perilaku" "Ekspektasi" NOT NULL,
    "predikat" "PredikatKinerja" NOT NULL,
    "saran_hasil_kerja" "Ekspektasi",
    "saran_perilaku" "Ekspektasi",
    "policy_version" INTEGER NOT NULL,
    "alasan_hasil_kerja" TEXT,
    "alasan_perilaku" TEXT,
    "angka_kredit" DECIMAL(9,3),
    "oleh_user_id" INTEGER,
    "penilai_id" INTEGER,
    "penilai_luar_id" INTEGER,
    "delegasi_id" INTEGER,
    "dicatat_hr" BOOLEAN NOT NULL DEFAULT false,
    "dikonfirmasi_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "final_at" TIMESTAMPTZ(3),
    "diberitahu_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "evaluasi_tahunan_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "evaluasi_tahunan_siklus_id_pegawai_id_key" ON "evaluasi_tahunan"("siklus_id", "pegawai_id");
CREATE INDEX "evaluasi_tahunan_siklus_id_status_idx" ON "evaluasi_tahunan"("siklus_id", "status");
CREATE INDEX "evaluasi_tahunan_pegawai_id_idx" ON "evaluasi_tahunan"("pegawai_id");
CREATE INDEX "evaluasi_tahunan_skp_id_idx" ON "evaluasi_tahunan"("skp_id");
CREATE INDEX "evaluasi_tahunan_penilai_id_idx" ON "evaluasi_tahunan"("penilai_id");
ALTER TABLE "evaluasi_tahunan" ADD CONSTRAINT "evaluasi_tahunan_siklus_id_fkey" FOREIGN KEY ("siklus_id") REFERENCES "siklus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "evaluasi_tahunan" ADD CONSTRAINT "evaluasi_tahunan_pegawai_id_fkey" FOREIGN KEY ("pegawai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "evaluasi_tahunan" ADD CONSTRAINT "evaluasi_tahunan_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "evaluasi_tahunan" ADD CONSTRAINT "evaluasi_tahunan_penilai_id_fkey" FOREIGN KEY ("penilai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "evaluasi_tahunan" ADD CONSTRAINT "evaluasi_tahunan_penilai_luar_id_fkey" FOREIGN KEY ("penilai_luar_id") REFERENCES "pejabat_luar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "evaluasi_tahunan" ADD CONSTRAINT "evaluasi_tahunan_delegasi_id_fkey" FOREIGN KEY ("delegasi_id") REFERENCES "delegasi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A unit's Predikat Kinerja Organisasi for a cycle, set by the organisation above it.
CREATE TABLE "penetapan_predikat" (
    "id" SERIAL NOT NULL,
    "siklus_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "predikat" "PredikatOrganisasi" NOT NULL,
    "capaian_pk" DECIMAL(7,2),
    "dasar" TEXT NOT NULL,
    "penetap_pegawai_id" INTEGER,
    "penetap_luar_id" INTEGER,
    "dicatat_hr" BOOLEAN NOT NULL DEFAULT false,
    "oleh_user_id" INTEGER,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "penetapan_predikat_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "penetapan_predikat_siklus_id_unit_id_key" ON "penetapan_predikat"("siklus_id", "unit_id");
CREATE INDEX "penetapan_predikat_unit_id_idx" ON "penetapan_predikat"("unit_id");
ALTER TABLE "penetapan_predikat" ADD CONSTRAINT "penetapan_predikat_siklus_id_fkey" FOREIGN KEY ("siklus_id") REFERENCES "siklus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "penetapan_predikat" ADD CONSTRAINT "penetapan_predikat_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit_kerja"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "penetapan_predikat" ADD CONSTRAINT "penetapan_predikat_penetap_pegawai_id_fkey" FOREIGN KEY ("penetap_pegawai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "penetapan_predikat" ADD CONSTRAINT "penetapan_predikat_penetap_luar_id_fkey" FOREIGN KEY ("penetap_luar_id") REFERENCES "pejabat_luar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The basis documents of an organisation predikat (the evaluation of the Perjanjian Kinerja).
CREATE TABLE "penetapan_predikat_berkas" (
    "id" SERIAL NOT NULL,
    "penetapan_predikat_id" INTEGER NOT NULL,
    "berkas_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "penetapan_predikat_berkas_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "penetapan_predikat_berkas_penetapan_predikat_id_idx" ON "penetapan_predikat_berkas"("penetapan_predikat_id");
CREATE INDEX "penetapan_predikat_berkas_berkas_id_idx" ON "penetapan_predikat_berkas"("berkas_id");
ALTER TABLE "penetapan_predikat_berkas" ADD CONSTRAINT "penetapan_predikat_berkas_penetapan_predikat_id_fkey" FOREIGN KEY ("penetapan_predikat_id") REFERENCES "penetapan_predikat"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "penetapan_predikat_berkas" ADD CONSTRAINT "penetapan_predikat_berkas_berkas_id_fkey" FOREIGN KEY ("berkas_id") REFERENCES "berkas"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Calibration of one unit in a cycle: the written justification of a remaining violation of the
-- distribution (with the violations it answered), and the unit's finalisation.
CREATE TABLE "kalibrasi_unit" (
    "id" SERIAL NOT NULL,
    "siklus_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "justifikasi" TEXT,
    "pelanggaran" JSONB,
    "justifikasi_oleh_user_id" INTEGER,
    "justifikasi_at" TIMESTAMPTZ(3),
    "final_at" TIMESTAMPTZ(3),
    "final_oleh_user_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "kalibrasi_unit_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "kalibrasi_unit_siklus_id_unit_id_key" ON "kalibrasi_unit"("siklus_id", "unit_id");
CREATE INDEX "kalibrasi_unit_unit_id_idx" ON "kalibrasi_unit"("unit_id");
ALTER TABLE "kalibrasi_unit" ADD CONSTRAINT "kalibrasi_unit_siklus_id_fkey" FOREIGN KEY ("siklus_id") REFERENCES "siklus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "kalibrasi_unit" ADD CONSTRAINT "kalibrasi_unit_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit_kerja"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TYPE "JenisNotifikasi" ADD VALUE 'EVALUASI_SIAP';
ALTER TYPE "JenisNotifikasi" ADD VALUE 'EVALUASI_FINAL';

SELECT pgboss.create_queue('evaluasi.hitung', '{"policy":"standard","retryLimit":10,"retryDelay":0,"retryBackoff":false,"expireInSeconds":1800,"retentionMinutes":10080}');
