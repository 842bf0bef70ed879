-- Notifications, the e-mail outbox and reminders (docs/domain/notifikasi.md). A notification is
-- written in the same transaction as the event it tells of; its e-mail is a row of the outbox
-- written with it, sent later by a task on the job queue, so neither is lost when SMTP is down.
-- The text is rendered when shown (in-app) or sent (e-mail), in the recipient's language.

CREATE TYPE "JenisNotifikasi" AS ENUM (
  'LAPORAN_DIAJUKAN', 'LAPORAN_DIKEMBALIKAN', 'LAPORAN_DINILAI', 'UMPAN_BALIK',
  'SKP_DIAJUKAN', 'SKP_DIKEMBALIKAN', 'SKP_DISETUJUI',
  'TENGGAT_H3', 'TENGGAT_LEWAT', 'LAPORAN_DIBUKA_HR', 'PENGINGAT'
);
CREATE TYPE "StatusEmail" AS ENUM ('ANTRI', 'TERKIRIM', 'GAGAL');
CREATE TYPE "JenisPengingat" AS ENUM ('TENGGAT_H3', 'TENGGAT_LEWAT', 'MANUAL');

CREATE TABLE "notifikasi" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "jenis" "JenisNotifikasi" NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "tautan" VARCHAR(300) NOT NULL,
    -- At most once per key (a reminder per period and person, an event per record): ON CONFLICT DO NOTHING.
    "kunci" VARCHAR(200),
    "dibaca_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notifikasi_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notifikasi_kunci_key" ON "notifikasi"("kunci");
CREATE INDEX "notifikasi_user_id_created_at_idx" ON "notifikasi"("user_id", "created_at" DESC);
-- The bell's unread count: a partial index holds only the unread rows.
CREATE INDEX "notifikasi_belum_dibaca_idx" ON "notifikasi"("user_id") WHERE "dibaca_at" IS NULL;
ALTER TABLE "notifikasi" ADD CONSTRAINT "notifikasi_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "email_keluar" (
    "id" SERIAL NOT NULL,
    "notifikasi_id" INTEGER NOT NULL,
    "kepada" VARCHAR(200) NOT NULL,
    "status" "StatusEmail" NOT NULL DEFAULT 'ANTRI',
    "percobaan" INTEGER NOT NULL DEFAULT 0,
    "coba_lagi_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "galat" VARCHAR(1000),
    "terkirim_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "email_keluar_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "email_keluar_notifikasi_id_key" ON "email_keluar"("notifikasi_id");
CREATE INDEX "email_keluar_antri_idx" ON "email_keluar"("coba_lagi_at") WHERE "status" = 'ANTRI';
CREATE INDEX "email_keluar_status_created_at_idx" ON "email_keluar"("status", "created_at");
ALTER TABLE "email_keluar" ADD CONSTRAINT "email_keluar_notifikasi_id_fkey" FOREIGN KEY ("notifikasi_id") REFERENCES "notifikasi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Per user and kind: e-mail on or off. No row = on.
CREATE TABLE "preferensi_notifikasi" (
    "user_id" INTEGER NOT NULL,
    "jenis" "JenisNotifikasi" NOT NULL,
    "email" BOOLEAN NOT NULL,
    CONSTRAINT "preferensi_notifikasi_pkey" PRIMARY KEY ("user_id", "jenis")
);
ALTER TABLE "preferensi_notifikasi" ADD CONSTRAINT "preferensi_notifikasi_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each reminder sent: the automatic ones once per period, person and kind (tanggal = the deadline),
-- the manual one from the monitoring page once per person and day (tanggal = that day).
CREATE TABLE "pengingat" (
    "id" SERIAL NOT NULL,
    "jenis" "JenisPengingat" NOT NULL,
    "periode_id" INTEGER NOT NULL,
    "pegawai_id" INTEGER NOT NULL,
    "tanggal" DATE NOT NULL,
    "oleh_user_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pengingat_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "pengingat_jenis_periode_id_pegawai_id_tanggal_key" ON "pengingat"("jenis", "periode_id", "pegawai_id", "tanggal");
CREATE INDEX "pengingat_pegawai_id_idx" ON "pengingat"("pegawai_id");
ALTER TABLE "pengingat" ADD CONSTRAINT "pengingat_periode_id_fkey" FOREIGN KEY ("periode_id") REFERENCES "periode"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "pengingat" ADD CONSTRAINT "pengingat_pegawai_id_fkey" FOREIGN KEY ("pegawai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The task queues (src/jobs/runner.ts TaskQueues). email.kirim: deliver due outbox rows (the
-- handler claims rows itself, so a retry here is only for a crash). pengingat.periksa: find the
-- reminders due (cron), at most once per tick across instances.
SELECT pgboss.create_queue('email.kirim', '{"policy":"standard","retryLimit":3,"retryDelay":30,"retryBackoff":true,"expireInSeconds":600,"retentionMinutes":1440}');
SELECT pgboss.create_queue('pengingat.periksa', '{"policy":"singleton","retryLimit":3,"retryDelay":60,"retryBackoff":true,"expireInSeconds":900,"retentionMinutes":1440}');
