-- After the year is final (docs/domain/keberatan.md, docs/domain/dokumen-evaluasi.md): objections
-- to a FINAL annual evaluation, their attachments, and the issued Dokumen Evaluasi Kinerja.

CREATE TYPE "StatusKeberatan" AS ENUM ('DIAJUKAN', 'TANGGAPAN_DIMINTA', 'DITANGGAPI', 'DIPUTUS');
CREATE TYPE "KeputusanKeberatan" AS ENUM ('TETAP', 'UBAH');

-- One objection per evaluation; the decider (atasan pejabat penilai) is recorded at filing, and
-- the ratings objected to are kept beside the decision.
CREATE TABLE "keberatan" (
    "id" SERIAL NOT NULL,
    "siklus_id" INTEGER NOT NULL,
    "pegawai_id" INTEGER NOT NULL,
    "evaluasi_id" INTEGER NOT NULL,
    "alasan" TEXT NOT NULL,
    "status" "StatusKeberatan" NOT NULL DEFAULT 'DIAJUKAN',
    "batas_tanggal" DATE NOT NULL,
    "diajukan_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "diajukan_oleh_user_id" INTEGER,
    "semula_hasil_kerja" "Ekspektasi" NOT NULL,
    "semula_perilaku" "Ekspektasi" NOT NULL,
    "semula_predikat" "PredikatKinerja" NOT NULL,
    "pemutus_id" INTEGER,
    "pemutus_luar_id" INTEGER,
    "permintaan_tanggapan" TEXT,
    "tanggapan_diminta_at" TIMESTAMPTZ(3),
    "tanggapan" TEXT,
    "ditanggapi_at" TIMESTAMPTZ(3),
    "ditanggapi_oleh_user_id" INTEGER,
    "keputusan" "KeputusanKeberatan",
    "hasil_kerja_baru" "Ekspektasi",
    "perilaku_baru" "Ekspektasi",
    "predikat_baru" "PredikatKinerja",
    "alasan_keputusan" TEXT,
    "diputus_at" TIMESTAMPTZ(3),
    "diputus_oleh_user_id" INTEGER,
    "delegasi_id" INTEGER,
    "dicatat_hr" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "keberatan_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "keberatan_evaluasi_id_key" ON "keberatan"("evaluasi_id");
CREATE INDEX "keberatan_siklus_id_status_idx" ON "keberatan"("siklus_id", "status");
CREATE INDEX "keberatan_pegawai_id_idx" ON "keberatan"("pegawai_id");
CREATE INDEX "keberatan_pemutus_id_idx" ON "keberatan"("pemutus_id");
CREATE INDEX "keberatan_pemutus_luar_id_idx" ON "keberatan"("pemutus_luar_id");
ALTER TABLE "keberatan" ADD CONSTRAINT "keberatan_siklus_id_fkey" FOREIGN KEY ("siklus_id") REFERENCES "siklus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "keberatan" ADD CONSTRAINT "keberatan_pegawai_id_fkey" FOREIGN KEY ("pegawai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "keberatan" ADD CONSTRAINT "keberatan_evaluasi_id_fkey" FOREIGN KEY ("evaluasi_id") REFERENCES "evaluasi_tahunan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "keberatan" ADD CONSTRAINT "keberatan_pemutus_id_fkey" FOREIGN KEY ("pemutus_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "keberatan" ADD CONSTRAINT "keberatan_pemutus_luar_id_fkey" FOREIGN KEY ("pemutus_luar_id") REFERENCES "pejabat_luar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "keberatan" ADD CONSTRAINT "keberatan_delegasi_id_fkey" FOREIGN KEY ("delegasi_id") REFERENCES "delegasi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "keberatan_berkas" (
    "id" SERIAL NOT NULL,
    "keberatan_id" INTEGER NOT NULL,
    "berkas_id" INTEGER NOT NULL,
    "dari_penilai" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "keberatan_berkas_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "keberatan_berkas_keberatan_id_idx" ON "keberatan_berkas"("keberatan_id");
CREATE INDEX "keberatan_berkas_berkas_id_idx" ON "keberatan_berkas"("berkas_id");
ALTER TABLE "keberatan_berkas" ADD CONSTRAINT "keberatan_berkas_keberatan_id_fkey" FOREIGN KEY ("keberatan_id") REFERENCES "keberatan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "keberatan_berkas" ADD CONSTRAINT "keberatan_berkas_berkas_id_fkey" FOREIGN KEY ("berkas_id") REFERENCES "berkas"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An issued Dokumen Evaluasi Kinerja, frozen as it was issued; at most one current per evaluation.
CREATE TABLE "dokumen_evaluasi" (
    "id" SERIAL NOT NULL,
    "siklus_id" INTEGER NOT NULL,
    "pegawai_id" INTEGER NOT NULL,
    "evaluasi_id" INTEGER NOT NULL,
    "nomor" INTEGER NOT NULL,
    "isi" JSONB NOT NULL,
    "diterbitkan_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "diterbitkan_oleh_user_id" INTEGER,
    "digantikan_at" TIMESTAMPTZ(3),
    "keberatan_id" INTEGER,
    CONSTRAINT "dokumen_evaluasi_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "dokumen_evaluasi_evaluasi_id_nomor_key" ON "dokumen_evaluasi"("evaluasi_id", "nomor");
CREATE INDEX "dokumen_evaluasi_siklus_id_idx" ON "dokumen_evaluasi"("siklus_id");
CREATE INDEX "dokumen_evaluasi_pegawai_id_idx" ON "dokumen_evaluasi"("pegawai_id");
CREATE INDEX "dokumen_evaluasi_keberatan_id_idx" ON "dokumen_evaluasi"("keberatan_id");
CREATE UNIQUE INDEX "dokumen_evaluasi_berlaku_key" ON "dokumen_evaluasi"("evaluasi_id") WHERE "digantikan_at" IS NULL;
ALTER TABLE "dokumen_evaluasi" ADD CONSTRAINT "dokumen_evaluasi_siklus_id_fkey" FOREIGN KEY ("siklus_id") REFERENCES "siklus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "dokumen_evaluasi" ADD CONSTRAINT "dokumen_evaluasi_pegawai_id_fkey" FOREIGN KEY ("pegawai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "dokumen_evaluasi" ADD CONSTRAINT "dokumen_evaluasi_evaluasi_id_fkey" FOREIGN KEY ("evaluasi_id") REFERENCES "evaluasi_tahunan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "dokumen_evaluasi" ADD CONSTRAINT "dokumen_evaluasi_keberatan_id_fkey" FOREIGN KEY ("keberatan_id") REFERENCES "keberatan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TYPE "JenisNotifikasi" ADD VALUE 'KEBERATAN_DIAJUKAN';
ALTER TYPE "JenisNotifikasi" ADD VALUE 'KEBERATAN_TANGGAPAN_DIMINTA';
ALTER TYPE "JenisNotifikasi" ADD VALUE 'KEBERATAN_DITANGGAPI';
ALTER TYPE "JenisNotifikasi" ADD VALUE 'KEBERATAN_DIPUTUS';
