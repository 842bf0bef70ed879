-- The year-end computation's suggestions (docs/domain/evaluasi-hitung.md § What is written):
-- the angka kredit pieces of a functional position move out of the explanation into a column of
-- their own, and the explanation is kept as `json` (the text as written, checked) instead of
-- `jsonb`. Every run writes the explanation of every employee of the cycle (about 2 kB each) and
-- the pages read a few of them whole; making it jsonb cost about a third of the run's writes.
-- What is searched across the agency (rekap's list of those with angka kredit, finalisation's
-- AK) reads `ak` alone.
ALTER TABLE "saran_tahunan" ADD COLUMN "ak" JSONB;
UPDATE "saran_tahunan" SET "ak" = "rincian" -> 'ak', "rincian" = "rincian" - 'ak' WHERE "rincian" ? 'ak';
ALTER TABLE "saran_tahunan" ALTER COLUMN "rincian" TYPE JSON USING "rincian"::json;
