-- Monitoring Pengisian's update triggers (docs/domain/monitoring.md), without a join of the old
-- and new transition tables. They paired each row's old and new version by id: transition tables
-- have no index, and PL/pgSQL keeps a trigger statement's plan for the connection's life, so a
-- plan made for a one-row update (a nested loop) was used again for an update of 20,000 rows:
-- 20,000 × 20,000 comparisons, minutes for one statement. Now every old row counts −1 and every
-- new row +1 under its own key, summed per key: a row whose counted fields did not change cancels
-- out, the others move their count. Linear whatever the plan, and the same contributions.

CREATE OR REPLACE FUNCTION monitoring_skp_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_tambah(array_agg(pe.id), array_agg(pg.unit_id), array_agg('skp_' || c.status::text), array_agg(c.d))
     FROM (SELECT t.siklus_id, t.pegawai_id, t.periode_awal, t.periode_akhir, t.status, sum(t.d)::int AS d
             FROM (SELECT o.siklus_id, o.pegawai_id, o.periode_awal, o.periode_akhir, o.status, -1 AS d FROM old_rows o
                   UNION ALL
                   SELECT n.siklus_id, n.pegawai_id, n.periode_awal, n.periode_akhir, n.status, 1 FROM new_rows n) t
            GROUP BY t.siklus_id, t.pegawai_id, t.periode_awal, t.periode_akhir, t.status
           HAVING sum(t.d) <> 0) c
     JOIN pegawai pg ON pg.id = c.pegawai_id AND pg.aktif
     JOIN periode pe ON pe.siklus_id = c.siklus_id AND pe.mulai <= c.periode_akhir AND pe.selesai >= c.periode_awal
    HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION monitoring_lap_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_tambah(array_agg(c.periode_id), array_agg(pg.unit_id), array_agg('lap_' || c.status::text), array_agg(c.d))
     FROM (SELECT t.skp_id, t.periode_id, t.status, sum(t.d)::int AS d
             FROM (SELECT o.skp_id, o.periode_id, o.status, -1 AS d FROM old_rows o
                   UNION ALL
                   SELECT n.skp_id, n.periode_id, n.status, 1 FROM new_rows n) t
            GROUP BY t.skp_id, t.periode_id, t.status
           HAVING sum(t.d) <> 0) c
     JOIN skp s ON s.id = c.skp_id JOIN pegawai pg ON pg.id = s.pegawai_id AND pg.aktif
    HAVING count(*) > 0;
  RETURN NULL;
END $$;

-- An employee counts in their unit while active: −1 for the old (unit, active) and +1 for the new,
-- summed per employee and unit (a move gives −1 in one and +1 in the other).
CREATE OR REPLACE FUNCTION monitoring_pegawai_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_tambah(array_agg(c.periode_id), array_agg(c.unit_id), array_agg(c.k), array_agg(c.d))
     FROM (
       WITH x AS (
         SELECT t.id, t.unit_id, sum(t.d)::int AS d
           FROM (SELECT o.id, o.unit_id, -1 AS d FROM old_rows o WHERE o.aktif
                 UNION ALL
                 SELECT n.id, n.unit_id, 1 FROM new_rows n WHERE n.aktif) t
          GROUP BY t.id, t.unit_id
         HAVING sum(t.d) <> 0
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

-- A period counted afresh when its cycle or days changed: the ids whose (cycle, days) differ
-- between old and new, found the same way.
CREATE OR REPLACE FUNCTION monitoring_periode_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_hitung_periode(ARRAY(
    SELECT t.id FROM (SELECT o.id, o.siklus_id, o.mulai, o.selesai FROM old_rows o
                      UNION ALL
                      SELECT n.id, n.siklus_id, n.mulai, n.selesai FROM new_rows n) t
     GROUP BY t.id HAVING count(DISTINCT (t.siklus_id, t.mulai, t.selesai)) > 1));
  RETURN NULL;
END $$;
