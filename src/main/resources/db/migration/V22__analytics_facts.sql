-- The analytics read model, precomputed (ADR 0015). The V16 views computed every episode's
-- covariates and baselines, and every follow-up's values and MME, per row at query time: a
-- 100,000-patient summary took ~150 s. Here those per-episode and per-follow-up values are kept in
-- two tables, refreshed per patient by statement-level triggers in the transaction that changes
-- the data (so they are never stale, whatever path writes), and the V16 view names read them.
-- What depends on today's date (a follow-up's status, the censoring day) is still computed at
-- query time from stored dates. The episode view (V16's, without the patients who withdrew
-- registry consent since V21) stays, renamed, as the one definition the refresh computes from; a
-- change of consent refreshes the patient like any other change.

ALTER VIEW analytics_episode RENAME TO analytics_episode_live;
DROP VIEW analytics_outcome;
DROP VIEW analytics_failure;
REVOKE SELECT ON analytics_episode_live FROM ${app_role};

-- Per episode: the V16 episode columns plus what the failure view needs apart from today's date:
-- the first failure intervention (as in V16), the last day a follow-up was completed, and the day
-- after which an open follow-up counts as MISSED (its window's end; the status rule of
-- analytics_follow_up_status, as a follow-up's recorded status is only COMPLETED or CANCELLED).
CREATE VIEW analytics_episode_source WITH (security_invoker = true) AS
SELECT e.*,
       fail.date                AS failure_date,
       fail.type                AS failure_type,
       obs.missed_after,
       obs.last_completed_on
FROM analytics_episode_live e
LEFT JOIN LATERAL (
    SELECT i.date, i.type
    FROM intervention i
    WHERE i.clinic_id = e.clinic_id AND i.patient_id = e.patient_id AND NOT i.voided
      AND i.date > e.procedure_date AND i.level = ANY (e.levels)
    ORDER BY i.date, i.id
    LIMIT 1
) fail ON true
CROSS JOIN LATERAL (
    SELECT min(f.window_end) FILTER (WHERE f.status IS NULL) AS missed_after,
           max((f.completed_at AT TIME ZONE 'UTC')::date)    AS last_completed_on
    FROM follow_up f
    WHERE f.clinic_id = e.clinic_id AND f.procedure_id = e.episode_id AND NOT f.voided
) obs;

CREATE TABLE analytics_episode_fact AS SELECT * FROM analytics_episode_source WITH NO DATA;
ALTER TABLE analytics_episode_fact
    ADD PRIMARY KEY (clinic_id, episode_id);
CREATE INDEX analytics_episode_fact_patient_idx ON analytics_episode_fact (clinic_id, patient_id);

-- Per follow-up of an episode: its dates and recorded status, the value of each measure (as the
-- V16 outcome view looked it up), the MME on the day it was completed, and the episode's baselines.
CREATE VIEW analytics_follow_up_source WITH (security_invoker = true) AS
SELECT e.clinic_id,
       f.id                                      AS follow_up_id,
       e.episode_id,
       e.patient_id,
       f.time_point,
       f.due_date - e.procedure_date             AS days_after_procedure,
       f.due_date,
       f.window_start,
       f.window_end,
       f.status                                  AS recorded_status,
       (f.completed_at AT TIME ZONE 'UTC')::date AS completed_on,
       v.odi, v.odi_on, v.nrs_back, v.nrs_back_on, v.nrs_leg, v.nrs_leg_on, v.rmdq, v.rmdq_on,
       fm.mme,
       e.baseline_odi, e.baseline_nrs_back, e.baseline_nrs_leg, e.baseline_rmdq, e.baseline_mme
FROM analytics_episode_fact e
JOIN follow_up f ON f.clinic_id = e.clinic_id AND f.procedure_id = e.episode_id AND NOT f.voided
LEFT JOIN LATERAL (
    SELECT x.mme FROM analytics_mme_on(f.clinic_id, f.patient_id, (f.completed_at AT TIME ZONE 'UTC')::date) x
    WHERE f.status = 'COMPLETED'
) fm ON true
-- At most one value per follow-up and measure (one response per follow-up and instrument, one
-- observation per measure), so max() picks the one V16 found.
LEFT JOIN LATERAL (
    SELECT max(fv.value) FILTER (WHERE fv.measure = 'ODI')            AS odi,
           max(fv.observed_on) FILTER (WHERE fv.measure = 'ODI')      AS odi_on,
           max(fv.value) FILTER (WHERE fv.measure = 'NRS_BACK')       AS nrs_back,
           max(fv.observed_on) FILTER (WHERE fv.measure = 'NRS_BACK') AS nrs_back_on,
           max(fv.value) FILTER (WHERE fv.measure = 'NRS_LEG')        AS nrs_leg,
           max(fv.observed_on) FILTER (WHERE fv.measure = 'NRS_LEG')  AS nrs_leg_on,
           max(fv.value) FILTER (WHERE fv.measure = 'RMDQ')           AS rmdq,
           max(fv.observed_on) FILTER (WHERE fv.measure = 'RMDQ')     AS rmdq_on
    FROM analytics_follow_up_value fv
    WHERE fv.clinic_id = f.clinic_id AND fv.patient_id = f.patient_id AND fv.follow_up_id = f.id
) v ON true;

CREATE TABLE analytics_follow_up_fact AS SELECT * FROM analytics_follow_up_source WITH NO DATA;
ALTER TABLE analytics_follow_up_fact
    ADD PRIMARY KEY (clinic_id, follow_up_id);
CREATE INDEX analytics_follow_up_fact_episode_idx ON analytics_follow_up_fact (clinic_id, episode_id);
CREATE INDEX analytics_follow_up_fact_patient_idx ON analytics_follow_up_fact (clinic_id, patient_id);

-- Row-level security as on every clinical table. The scope is read once per query (an InitPlan)
-- rather than parsed again for each of a large cohort's rows, through a copy of clinic_scope()
-- marked PARALLEL RESTRICTED: it then runs in the leader only, and a summary over the facts may
-- use parallel workers (clinic_scope() itself, unmarked, keeps every query that names it serial).
CREATE FUNCTION analytics_clinic_scope() RETURNS uuid[]
    LANGUAGE sql STABLE PARALLEL RESTRICTED
AS $$
    SELECT clinic_scope()
$$;
-- A pure function of its arguments and the transaction's date.
ALTER FUNCTION analytics_follow_up_status(text, date, date, date) PARALLEL SAFE;
ALTER TABLE analytics_episode_fact ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_episode_fact_clinic_scope ON analytics_episode_fact
    USING (clinic_id = ANY ((SELECT analytics_clinic_scope())::uuid[])) WITH CHECK (clinic_id = ANY ((SELECT analytics_clinic_scope())::uuid[]));
ALTER TABLE analytics_follow_up_fact ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_follow_up_fact_clinic_scope ON analytics_follow_up_fact
    USING (clinic_id = ANY ((SELECT analytics_clinic_scope())::uuid[])) WITH CHECK (clinic_id = ANY ((SELECT analytics_clinic_scope())::uuid[]));

-- Recomputes one patient's rows from the clinical tables. SECURITY DEFINER: the application role
-- may only read the fact tables, never write them; the refresh derives them from the data alone.
-- The advisory lock serialises refreshes of the same patient, and each statement after it sees
-- what concurrent transactions committed meanwhile (READ COMMITTED), so the last refresh wins
-- with everything in it.
CREATE FUNCTION analytics_refresh_patient(p_clinic_id uuid, p_patient_id uuid) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('analytics:' || p_clinic_id || ':' || p_patient_id, 0));
    DELETE FROM analytics_follow_up_fact WHERE clinic_id = p_clinic_id AND patient_id = p_patient_id;
    DELETE FROM analytics_episode_fact WHERE clinic_id = p_clinic_id AND patient_id = p_patient_id;
    INSERT INTO analytics_episode_fact
    SELECT * FROM analytics_episode_source WHERE clinic_id = p_clinic_id AND patient_id = p_patient_id;
    INSERT INTO analytics_follow_up_fact
    SELECT * FROM analytics_follow_up_source WHERE clinic_id = p_clinic_id AND patient_id = p_patient_id;
END
$$;
REVOKE ALL ON FUNCTION analytics_refresh_patient(uuid, uuid) FROM PUBLIC;

-- Recomputes every row: after this migration, and after a bulk load that bypassed the triggers
-- (the benchmark generator). Not for the application role.
CREATE FUNCTION analytics_rebuild() RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    LOCK TABLE analytics_episode_fact, analytics_follow_up_fact IN EXCLUSIVE MODE;
    DELETE FROM analytics_follow_up_fact;
    DELETE FROM analytics_episode_fact;
    INSERT INTO analytics_episode_fact SELECT * FROM analytics_episode_source;
    INSERT INTO analytics_follow_up_fact SELECT * FROM analytics_follow_up_source;
END
$$;
REVOKE ALL ON FUNCTION analytics_rebuild() FROM PUBLIC;

-- The statement-level trigger of every table the facts are computed from: refreshes each patient
-- the statement's rows belong to, in a stable order (so two transactions never wait on each other
-- in a cycle). TG_ARGV[0] says how a row leads to its patient.
CREATE FUNCTION analytics_rows_changed() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    p record;
BEGIN
    IF TG_ARGV[0] = 'patient' THEN
        FOR p IN SELECT DISTINCT r.clinic_id, r.id AS patient_id FROM changed_rows r ORDER BY 1, 2 LOOP
            PERFORM analytics_refresh_patient(p.clinic_id, p.patient_id);
        END LOOP;
    ELSIF TG_ARGV[0] = 'procedure_unit' THEN
        FOR p IN SELECT DISTINCT pr.clinic_id, pr.patient_id
                 FROM changed_rows r JOIN procedure pr ON pr.clinic_id = r.clinic_id AND pr.id = r.procedure_id
                 ORDER BY 1, 2 LOOP
            PERFORM analytics_refresh_patient(p.clinic_id, p.patient_id);
        END LOOP;
    ELSIF TG_ARGV[0] = 'cell_product' THEN
        FOR p IN SELECT DISTINCT pr.clinic_id, pr.patient_id
                 FROM changed_rows r
                 JOIN procedure_unit u ON u.clinic_id = r.clinic_id AND u.product_id = r.id
                 JOIN procedure pr ON pr.clinic_id = u.clinic_id AND pr.id = u.procedure_id
                 ORDER BY 1, 2 LOOP
            PERFORM analytics_refresh_patient(p.clinic_id, p.patient_id);
        END LOOP;
    ELSE
        FOR p IN SELECT DISTINCT r.clinic_id, r.patient_id FROM changed_rows r ORDER BY 1, 2 LOOP
            PERFORM analytics_refresh_patient(p.clinic_id, p.patient_id);
        END LOOP;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION analytics_rows_changed() FROM PUBLIC;

CREATE INDEX procedure_unit_product_idx ON procedure_unit (clinic_id, product_id);
-- The response's observations by response (the join the views and the refresh make).
CREATE INDEX observation_response_idx ON observation (clinic_id, response_id);

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES ('patient', 'patient'), ('diagnosis', 'patient_id'), ('consent', 'patient_id'),
                                   ('procedure', 'patient_id'), ('procedure_unit', 'procedure_unit'),
                                   ('cell_product', 'cell_product'), ('follow_up', 'patient_id'),
                                   ('instrument_response', 'patient_id'), ('observation', 'patient_id'),
                                   ('medication_statement', 'patient_id'), ('intervention', 'patient_id'))
                           AS x (tbl, how) LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows'
                       || ' FOR EACH STATEMENT EXECUTE FUNCTION analytics_rows_changed(%L)',
                       t.tbl || '_analytics_ins', t.tbl, t.how);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows'
                       || ' FOR EACH STATEMENT EXECUTE FUNCTION analytics_rows_changed(%L)',
                       t.tbl || '_analytics_upd', t.tbl, t.how);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows'
                       || ' FOR EACH STATEMENT EXECUTE FUNCTION analytics_rows_changed(%L)',
                       t.tbl || '_analytics_del', t.tbl, t.how);
    END LOOP;
END
$$;

-- The V16 read interface, over the facts: same names, columns and values.
CREATE VIEW analytics_episode WITH (security_invoker = true) AS
SELECT clinic_id, episode_id, patient_id, procedure_date, operator_id, operator_name, age_years, sex,
       condition_family, region, symptom_duration_months, levels_treated, levels, cell_source, tissue, origin,
       dose_million_cells, log10_dose, target, guidance, placement_confirmed, baseline_odi, baseline_nrs_back,
       baseline_nrs_leg, baseline_rmdq, baseline_mme, registry_consent, research_consent
FROM analytics_episode_fact;

CREATE VIEW analytics_outcome WITH (security_invoker = true) AS
SELECT o.clinic_id,
       o.episode_id,
       o.patient_id,
       o.follow_up_id,
       o.time_point,
       o.days_after_procedure,
       o.due_date,
       analytics_follow_up_status(o.recorded_status, o.window_start, o.due_date, o.window_end) AS follow_up_status,
       o.completed_on,
       m.measure,
       x.value,
       x.baseline,
       x.value - x.baseline AS change,
       x.observed_on
FROM analytics_follow_up_fact o
CROSS JOIN (VALUES ('ODI'), ('NRS_BACK'), ('NRS_LEG'), ('RMDQ'), ('MME')) AS m (measure)
CROSS JOIN LATERAL (
    SELECT CASE m.measure WHEN 'ODI' THEN o.odi WHEN 'NRS_BACK' THEN o.nrs_back WHEN 'NRS_LEG' THEN o.nrs_leg
                          WHEN 'RMDQ' THEN o.rmdq ELSE o.mme END AS value,
           CASE m.measure WHEN 'ODI' THEN o.baseline_odi WHEN 'NRS_BACK' THEN o.baseline_nrs_back
                          WHEN 'NRS_LEG' THEN o.baseline_nrs_leg WHEN 'RMDQ' THEN o.baseline_rmdq
                          ELSE o.baseline_mme END AS baseline,
           CASE m.measure WHEN 'ODI' THEN o.odi_on WHEN 'NRS_BACK' THEN o.nrs_back_on WHEN 'NRS_LEG' THEN o.nrs_leg_on
                          WHEN 'RMDQ' THEN o.rmdq_on ELSE o.completed_on END AS observed_on
) x;

CREATE VIEW analytics_failure WITH (security_invoker = true) AS
SELECT e.clinic_id,
       e.episode_id,
       e.patient_id,
       e.procedure_date,
       e.failure_date IS NOT NULL AS event,
       e.failure_type             AS event_type,
       end_of.date                AS end_date,
       round((end_of.date - e.procedure_date) / 30.4375, 6) AS months
FROM analytics_episode_fact e
CROSS JOIN LATERAL (
    SELECT coalesce(e.failure_date,
                    CASE WHEN current_date > e.missed_after THEN coalesce(e.last_completed_on, e.procedure_date)
                         ELSE current_date END) AS date
) end_of;

SELECT analytics_rebuild();

GRANT EXECUTE ON FUNCTION analytics_clinic_scope() TO ${app_role};
GRANT SELECT ON analytics_episode, analytics_outcome, analytics_failure, analytics_episode_fact,
    analytics_follow_up_fact TO ${app_role};
