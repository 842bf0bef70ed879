-- The SKP document as the appraiser saw it when returning it (docs/domain/skp.md § Workflow), so
-- that the resubmission shows what changed since the appraiser last saw it.
ALTER TABLE "keputusan_skp" ADD COLUMN "dokumen" JSONB;
