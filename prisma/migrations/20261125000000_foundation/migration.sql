-- Foundation: organisation, employees, users, audit log, sessions, login throttling.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE "JenisJabatan" AS ENUM ('JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL');
CREATE TYPE "JenisAsn" AS ENUM ('PNS', 'PPPK');
CREATE TYPE "Peran" AS ENUM ('ADMIN', 'PIMPINAN');

CREATE TABLE "unit_kerja" (
    "id" SERIAL NOT NULL,
    "kode" VARCHAR(30) NOT NULL,
    "nama" VARCHAR(200) NOT NULL,
    "parent_id" INTEGER,
    "path" VARCHAR(500) NOT NULL,
    "aktif" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "unit_kerja_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "unit_kerja_kode_key" ON "unit_kerja"("kode");
CREATE INDEX "unit_kerja_parent_id_idx" ON "unit_kerja"("parent_id");
CREATE INDEX "unit_kerja_path_idx" ON "unit_kerja"("path");
ALTER TABLE "unit_kerja" ADD CONSTRAINT "unit_kerja_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "unit_kerja"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "jabatan" (
    "id" SERIAL NOT NULL,
    "kode" VARCHAR(30) NOT NULL,
    "nama" VARCHAR(200) NOT NULL,
    "jenis" "JenisJabatan" NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "aktif" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "jabatan_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "jabatan_kode_key" ON "jabatan"("kode");
CREATE INDEX "jabatan_unit_id_idx" ON "jabatan"("unit_id");
ALTER TABLE "jabatan" ADD CONSTRAINT "jabatan_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit_kerja"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "pegawai" (
    "id" SERIAL NOT NULL,
    "nip" VARCHAR(18) NOT NULL,
    "nama" VARCHAR(200) NOT NULL,
    "jenis_asn" "JenisAsn" NOT NULL,
    "pangkat_golongan" VARCHAR(60) NOT NULL,
    "email" VARCHAR(200),
    "jabatan_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "penilai_id" INTEGER,
    "aktif" BOOLEAN NOT NULL DEFAULT true,
    "alasan_nonaktif" VARCHAR(300),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pegawai_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "pegawai_nip_key" ON "pegawai"("nip");
CREATE INDEX "pegawai_unit_id_idx" ON "pegawai"("unit_id");
CREATE INDEX "pegawai_penilai_id_idx" ON "pegawai"("penilai_id");
CREATE INDEX "pegawai_jabatan_id_idx" ON "pegawai"("jabatan_id");
CREATE INDEX "pegawai_nama_trgm_idx" ON "pegawai" USING GIN ("nama" gin_trgm_ops);
CREATE INDEX "pegawai_nama_id_idx" ON "pegawai"("nama", "id");
ALTER TABLE "pegawai" ADD CONSTRAINT "pegawai_jabatan_id_fkey" FOREIGN KEY ("jabatan_id") REFERENCES "jabatan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "pegawai" ADD CONSTRAINT "pegawai_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit_kerja"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "pegawai" ADD CONSTRAINT "pegawai_penilai_id_fkey" FOREIGN KEY ("penilai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "riwayat_pegawai" (
    "id" SERIAL NOT NULL,
    "pegawai_id" INTEGER NOT NULL,
    "berlaku_mulai" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "jabatan_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "penilai_id" INTEGER,
    "aktif" BOOLEAN NOT NULL,
    "keterangan" VARCHAR(300),
    "oleh_user_id" INTEGER,
    CONSTRAINT "riwayat_pegawai_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "riwayat_pegawai_pegawai_id_berlaku_mulai_idx" ON "riwayat_pegawai"("pegawai_id", "berlaku_mulai");
ALTER TABLE "riwayat_pegawai" ADD CONSTRAINT "riwayat_pegawai_pegawai_id_fkey" FOREIGN KEY ("pegawai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(60),
    "pegawai_id" INTEGER,
    "password_hash" VARCHAR(200) NOT NULL,
    "peran" "Peran"[] DEFAULT ARRAY[]::"Peran"[],
    "aktif" BOOLEAN NOT NULL DEFAULT true,
    "bahasa" VARCHAR(2) NOT NULL DEFAULT 'id',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");
CREATE UNIQUE INDEX "app_user_pegawai_id_key" ON "app_user"("pegawai_id");
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_pegawai_id_fkey" FOREIGN KEY ("pegawai_id") REFERENCES "pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER,
    "actor" VARCHAR(200) NOT NULL,
    "aksi" VARCHAR(60) NOT NULL,
    "entitas" VARCHAR(60) NOT NULL,
    "entitas_id" VARCHAR(60),
    "before" JSONB,
    "after" JSONB,
    "ip" VARCHAR(60),
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");
CREATE INDEX "audit_log_entitas_entitas_id_idx" ON "audit_log"("entitas", "entitas_id");
CREATE INDEX "audit_log_user_id_at_idx" ON "audit_log"("user_id", "at");

-- The audit log is append-only in the database itself.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE "session" (
    "sid" VARCHAR NOT NULL,
    "sess" JSON NOT NULL,
    "expire" TIMESTAMP(6) NOT NULL,
    CONSTRAINT "session_pkey" PRIMARY KEY ("sid")
);
CREATE INDEX "IDX_session_expire" ON "session"("expire");

CREATE TABLE "rate_limit" (
    "key" VARCHAR(200) NOT NULL,
    "hits" INTEGER NOT NULL,
    "reset_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);
