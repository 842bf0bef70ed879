-- Employee list: pages of active employees read index-only in (nama, id) order, and their count.
CREATE INDEX "pegawai_aktif_nama_id_idx" ON "pegawai"("aktif", "nama", "id");
CREATE INDEX "pegawai_aktif_idx" ON "pegawai"("aktif");
