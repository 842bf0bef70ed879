-- The year-end computation's suggestions (docs/domain/evaluasi-hitung.md § The swap): one foreign
-- key instead of three. A suggestion's employee and cycle are its SKP's, so the one key is the
-- SKP with both (skp_id, pegawai_id, siklus_id): what the three keys held (none of the three rows
-- can go while a suggestion names it: the SKP's own keys hold its employee and cycle), and more
-- (a suggestion can no longer name an employee or cycle other than its SKP's). Each key is a check
-- per row in the one transaction that writes every suggestion of the cycle: at 100,000 employees
-- the three took 4.4 s of PostgreSQL of the 10, the one takes 1.7.
CREATE UNIQUE INDEX "skp_id_pegawai_id_siklus_id_key" ON "skp"("id", "pegawai_id", "siklus_id");
ALTER TABLE "saran_tahunan" DROP CONSTRAINT "saran_tahunan_siklus_id_fkey";
ALTER TABLE "saran_tahunan" DROP CONSTRAINT "saran_tahunan_pegawai_id_fkey";
ALTER TABLE "saran_tahunan" DROP CONSTRAINT "saran_tahunan_skp_id_fkey";
ALTER TABLE "saran_tahunan" ADD CONSTRAINT "saran_tahunan_skp_id_pegawai_id_siklus_id_fkey" FOREIGN KEY ("skp_id", "pegawai_id", "siklus_id") REFERENCES "skp"("id", "pegawai_id", "siklus_id") ON DELETE RESTRICT ON UPDATE CASCADE;
