-- Records that survive revisions (docs/domain/skp.md § Revisions): an RHK or an indicator that
-- an approved version shows is retired (dihapus_revisi), never deleted, so the database refuses
-- to delete a row that others still reference instead of taking its children with it.
ALTER TABLE "rhk" DROP CONSTRAINT "rhk_skp_id_fkey";
ALTER TABLE "rhk" ADD CONSTRAINT "rhk_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "indikator" DROP CONSTRAINT "indikator_rhk_id_fkey";
ALTER TABLE "indikator" ADD CONSTRAINT "indikator_rhk_id_fkey" FOREIGN KEY ("rhk_id") REFERENCES "rhk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- How periods combine replaces the yes/no flag (gabung_periode was backfilled from it).
ALTER TABLE "indikator" DROP COLUMN "kumulatif";
