-- Monitoring Pengisian (docs/domain/monitoring.md): a summary per period and unit of how many SKPs
-- are in each state and how many reports, kept in step by the writes themselves. Statement-level
-- triggers on skp, laporan_periode, pegawai and periode add the change of each statement (its
-- transition tables) to the counts in the same transaction, so the summary is never stale and a
-- bulk INSERT … SELECT costs one upsert per (period, unit), not one per row.
--
-- What is counted for a period P and a unit U (the unit an active employee is in now):
--   skp_<status>  the SKPs of P's cycle whose days overlap P (a move can split one person's period
--                 between two SKPs: each counts), by SKP status;
--   lap_<status>  the reports on such SKPs for P, by report status.
-- "Not started" = the SKPs − the reports (no report row yet). Inactive employees are not counted.
-- Updates are additive (count = count + delta, rows locked in key order), so concurrent writers
-- never lose each other's change.

CREATE TABLE "monitoring_ringkasan" (
    "periode_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "skp_draft" INTEGER NOT NULL DEFAULT 0,
    "skp_diajukan" INTEGER NOT NULL DEFAULT 0,
    "skp_dikembalikan" INTEGER NOT NULL DEFAULT 0,
    "skp_disetujui" INTEGER NOT NULL DEFAULT 0,
    "lap_draft" INTEGER NOT NULL DEFAULT 0,
    "lap_diajukan" INTEGER NOT NULL DEFAULT 0,
    "lap_dikembalikan" INTEGER NOT NULL DEFAULT 0,
    "lap_dinilai" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "monitoring_ringkasan_pkey" PRIMARY KEY ("periode_id", "unit_id")
);
CREATE INDEX "monitoring_ringkasan_unit_id_idx" ON "monitoring_ringkasan"("unit_id");
ALTER TABLE "monitoring_ringkasan" ADD CONSTRAINT "monitoring_ringkasan_periode_id_fkey" FOREIGN KEY ("periode_id") REFERENCES "periode"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "monitoring_ringkasan" ADD CONSTRAINT "monitoring_ringkasan_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit_kerja"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The one writer of the summary: adds signed contributions (period, unit, what, ±1), grouped.
CREATE FUNCTION monitoring_tambah(p INTEGER[], u INTEGER[], k TEXT[], d INTEGER[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO monitoring_ringkasan AS m (periode_id, unit_id, skp_draft, skp_diajukan, skp_dikembalikan, skp_disetujui, lap_draft, lap_diajukan, lap_dikembalikan, lap_dinilai)
  SELECT x.periode_id, x.unit_id,
         COALESCE(sum(x.d) FILTER (WHERE x.k = 'skp_DRAFT'), 0), COALESCE(sum(x.d) FILTER (WHERE x.k = 'skp_DIAJUKAN'), 0),
         COALESCE(sum(x.d) FILTER (WHERE x.k = 'skp_DIKEMBALIKAN'), 0), COALESCE(sum(x.d) FILTER (WHERE x.k = 'skp_DISETUJUI'), 0),
         COALESCE(sum(x.d) FILTER (WHERE x.k = 'lap_DRAFT'), 0), COALESCE(sum(x.d) FILTER (WHERE x.k = 'lap_DIAJUKAN'), 0),
         COALESCE(sum(x.d) FILTER (WHERE x.k = 'lap_DIKEMBALIKAN'), 0), COALESCE(sum(x.d) FILTER (WHERE x.k = 'lap_DINILAI'), 0)
    FROM unnest(p, u, k, d) AS x(periode_id, unit_id, k, d)
   GROUP BY x.periode_id, x.unit_id
  HAVING bool_or(x.d <> 0)
   ORDER BY x.periode_id, x.unit_id
  ON CONFLICT (periode_id, unit_id) DO UPDATE SET
    skp_draft = m.skp_draft + EXCLUDED.skp_draft, skp_diajukan = m.skp_diajukan + EXCLUDED.skp_diajukan,
    skp_dikembalikan = m.skp_dikembalikan + EXCLUDED.skp_dikembalikan, skp_disetujui = m.skp_disetujui + EXCLUDED.skp_disetujui,
    lap_draft = m.lap_draft + EXCLUDED.lap_draft, lap_diajukan = m.lap_diajukan + EXCLUDED.lap_diajukan,
    lap_dikembalikan = m.lap_dikembalikan + EXCLUDED.lap_dikembalikan, lap_dinilai = m.lap_dinilai + EXCLUDED.lap_dinilai
$$;

-- SKP rows (as transition tables give them) → their contributions, with the employee's unit now.
CREATE FUNCTION monitoring_skp_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_tambah(array_agg(pe.id), array_agg(pg.unit_id), array_agg('skp_' || s.status::text), array_agg(1))
     FROM new_rows s JOIN pegawai pg ON pg.id = s.pegawai_id AND pg.aktif
     JOIN periode pe ON pe.siklus_id = s.siklus_id AND pe.mulai <= s.periode_akhir AND pe.selesai >= s.periode_awal
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
CREATE FUNCTION monitoring_skp_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_tambah(array_agg(pe.id), array_agg(pg.unit_id), array_agg('skp_' || s.status::text), array_agg(-1))
     FROM old_rows s JOIN pegawai pg ON pg.id = s.pegawai_id AND pg.aktif
     JOIN periode pe ON pe.siklus_id = s.siklus_id AND pe.mulai <= s.periode_akhir AND pe.selesai >= s.periode_awal
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
CREATE FUNCTION monitoring_skp_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_tambah(array_agg(pe.id), array_agg(pg.unit_id), array_agg('skp_' || c.status::text), array_agg(c.d))
     FROM (SELECT o.siklus_id, o.pegawai_id, o.periode_awal, o.periode_akhir, o.status, -1 AS d FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.siklus_id, o.pegawai_id, o.periode_awal, o.periode_akhir, o.status) IS DISTINCT FROM (n.siklus_id, n.pegawai_id, n.periode_awal, n.periode_akhir, n.status)
           UNION ALL
           SELECT n.siklus_id, n.pegawai_id, n.periode_awal, n.periode_akhir, n.status, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.siklus_id, o.pegawai_id, o.periode_awal, o.periode_akhir, o.status) IS DISTINCT FROM (n.siklus_id, n.pegawai_id, n.periode_awal, n.periode_akhir, n.status)) c
     JOIN pegawai pg ON pg.id = c.pegawai_id AND pg.aktif
     JOIN periode pe ON pe.siklus_id = c.siklus_id AND pe.mulai <= c.periode_akhir AND pe.selesai >= c.periode_awal
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
CREATE TRIGGER monitoring_skp_ins AFTER INSERT ON "skp" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_skp_ins();
CREATE TRIGGER monitoring_skp_del AFTER DELETE ON "skp" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_skp_del();
CREATE TRIGGER monitoring_skp_upd AFTER UPDATE ON "skp" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_skp_upd();

-- Report rows → their contributions (period, the unit of the SKP's employee now, status).
CREATE FUNCTION monitoring_lap_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_tambah(array_agg(l.periode_id), array_agg(pg.unit_id), array_agg('lap_' || l.status::text), array_agg(1))
     FROM new_rows l JOIN skp s ON s.id = l.skp_id JOIN pegawai pg ON pg.id = s.pegawai_id AND pg.aktif
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
CREATE FUNCTION monitoring_lap_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_tambah(array_agg(l.periode_id), array_agg(pg.unit_id), array_agg('lap_' || l.status::text), array_agg(-1))
     FROM old_rows l JOIN skp s ON s.id = l.skp_id JOIN pegawai pg ON pg.id = s.pegawai_id AND pg.aktif
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
CREATE FUNCTION monitoring_lap_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_tambah(array_agg(c.periode_id), array_agg(pg.unit_id), array_agg('lap_' || c.status::text), array_agg(c.d))
     FROM (SELECT o.skp_id, o.periode_id, o.status, -1 AS d FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.skp_id, o.periode_id, o.status) IS DISTINCT FROM (n.skp_id, n.periode_id, n.status)
           UNION ALL
           SELECT n.skp_id, n.periode_id, n.status, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.skp_id, o.periode_id, o.status) IS DISTINCT FROM (n.skp_id, n.periode_id, n.status)) c
     JOIN skp s ON s.id = c.skp_id JOIN pegawai pg ON pg.id = s.pegawai_id AND pg.aktif
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
CREATE TRIGGER monitoring_lap_ins AFTER INSERT ON "laporan_periode" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_lap_ins();
CREATE TRIGGER monitoring_lap_del AFTER DELETE ON "laporan_periode" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_lap_del();
CREATE TRIGGER monitoring_lap_upd AFTER UPDATE ON "laporan_periode" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_lap_upd();

-- An employee who moves unit or becomes (in)active takes their SKPs' and reports' counts along.
CREATE FUNCTION monitoring_pegawai_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_tambah(array_agg(c.periode_id), array_agg(c.unit_id), array_agg(c.k), array_agg(c.d))
     FROM (
       WITH x AS (
         SELECT o.id, o.unit_id, -1 AS d FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.aktif AND (o.unit_id, o.aktif) IS DISTINCT FROM (n.unit_id, n.aktif)
         UNION ALL
         SELECT n.id, n.unit_id, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE n.aktif AND (o.unit_id, o.aktif) IS DISTINCT FROM (n.unit_id, n.aktif)
       )
       SELECT pe.id AS periode_id, x.unit_id, 'skp_' || s.status::text AS k, x.d
         FROM x JOIN skp s ON s.pegawai_id = x.id
         JOIN periode pe ON pe.siklus_id = s.siklus_id AND pe.mulai <= s.periode_akhir AND pe.selesai >= s.periode_awal
       UNION ALL
       SELECT l.periode_id, x.unit_id, 'lap_' || l.status::text, x.d
         FROM x JOIN skp s ON s.pegawai_id = x.id JOIN laporan_periode l ON l.skp_id = s.id
     ) c
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
CREATE TRIGGER monitoring_pegawai_upd AFTER UPDATE ON "pegawai" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_pegawai_upd();

-- A period's summary counted afresh from the rows (a new period, or one whose days changed).
CREATE FUNCTION monitoring_hitung_periode(ids INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM monitoring_ringkasan WHERE periode_id = ANY(ids);
  PERFORM monitoring_tambah(array_agg(c.periode_id), array_agg(c.unit_id), array_agg(c.k), array_agg(1))
     FROM (
       SELECT pe.id AS periode_id, pg.unit_id, 'skp_' || s.status::text AS k
         FROM periode pe JOIN skp s ON s.siklus_id = pe.siklus_id AND pe.mulai <= s.periode_akhir AND pe.selesai >= s.periode_awal
         JOIN pegawai pg ON pg.id = s.pegawai_id AND pg.aktif
        WHERE pe.id = ANY(ids)
       UNION ALL
       SELECT l.periode_id, pg.unit_id, 'lap_' || l.status::text
         FROM laporan_periode l JOIN skp s ON s.id = l.skp_id JOIN pegawai pg ON pg.id = s.pegawai_id AND pg.aktif
        WHERE l.periode_id = ANY(ids)
     ) c
    HAVING count(*) > 0;
END $$;
CREATE FUNCTION monitoring_periode_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_hitung_periode(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;
CREATE FUNCTION monitoring_periode_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_hitung_periode(ARRAY(
    SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (o.siklus_id, o.mulai, o.selesai) IS DISTINCT FROM (n.siklus_id, n.mulai, n.selesai)));
  RETURN NULL;
END $$;
CREATE TRIGGER monitoring_periode_ins AFTER INSERT ON "periode" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_periode_ins();
CREATE TRIGGER monitoring_periode_upd AFTER UPDATE ON "periode" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_periode_upd();

-- The rows already there.
SELECT monitoring_hitung_periode(ARRAY(SELECT id FROM periode));
