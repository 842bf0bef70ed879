-- Evidence is stored once per content: the upload looks a file up by its SHA-256 (docs/domain/laporan.md § Evidence).
CREATE INDEX "berkas_sha256_idx" ON "berkas"("sha256");
