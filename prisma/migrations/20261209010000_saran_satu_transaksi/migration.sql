-- The year-end computation's suggestions (docs/domain/evaluasi-hitung.md § The swap) keep their
-- foreign keys to the cycle, the employee and the SKP only. The appraiser (employee or official
-- outside the agency) is a copy of the SKP's own, which the SKP's foreign keys already hold; the
-- unit and the unit headed are where the position sat when the run read it, a snapshot that must
-- not stop HR from reorganising units (the next run writes them afresh). Each foreign key is a
-- check per row in the swap, which writes every suggestion of the cycle in one transaction: four
-- fewer checks take about a third off the swap.
ALTER TABLE "saran_tahunan" DROP CONSTRAINT "saran_tahunan_penilai_id_fkey";
ALTER TABLE "saran_tahunan" DROP CONSTRAINT "saran_tahunan_penilai_luar_id_fkey";
ALTER TABLE "saran_tahunan" DROP CONSTRAINT "saran_tahunan_unit_id_fkey";
ALTER TABLE "saran_tahunan" DROP CONSTRAINT "saran_tahunan_kepala_unit_id_fkey";

-- A run now writes its suggestions in batches inside the one transaction that first removed the
-- cycle's previous ones (readers see those until it commits), instead of writing every row twice:
-- once to a staging table and again in the swap. The staging table goes.
DROP TABLE "saran_tahunan_staging";
