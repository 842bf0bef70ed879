-- More than one SKP a year (docs/domain/mutasi.md): a move can start a new SKP from its TMT, the
-- previous one closing the day before. So (siklus_id, pegawai_id) is no longer unique; what
-- stays unique is the employee's OPEN SKP in a cycle, which keeps the bulk draft job's
-- INSERT ... ON CONFLICT duplicate-safe (src/modules/skp/draft-sql.ts names this index's columns
-- and predicate). Prisma cannot express a partial index: schema.prisma has the plain index, and
-- tests/http/schema-match.test.ts lists this one as existing only in migrations.
DROP INDEX "skp_siklus_id_pegawai_id_key";
CREATE INDEX "skp_siklus_id_pegawai_id_idx" ON "skp"("siklus_id", "pegawai_id");
CREATE UNIQUE INDEX "skp_open_siklus_id_pegawai_id_key" ON "skp"("siklus_id", "pegawai_id") WHERE "ditutup_at" IS NULL;
