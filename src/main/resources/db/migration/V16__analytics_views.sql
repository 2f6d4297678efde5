-- The analytics module's read model: views over the clinical tables, made for aggregation and
-- export, plus the saved cohorts. Every view is security_invoker (PostgreSQL 15+), so the
-- row-level security policies of the underlying tables are applied to the application role that
-- queries the view, not bypassed through the view's owner: clinic isolation holds for analytics
-- exactly as for the tables. The helper functions are SECURITY INVOKER (the default) for the
-- same reason.

-- Daily morphine milligram equivalents of the opioids a patient was taking on a day: the sum over
-- the statements active on it. No active opioid statement means 0 MME. A one-row table function,
-- so that PostgreSQL inlines it into the views' plans (used with LATERAL).
CREATE FUNCTION analytics_mme_on(p_clinic_id uuid, p_patient_id uuid, p_day date) RETURNS TABLE (mme numeric)
    LANGUAGE sql STABLE
AS $$
    SELECT coalesce(sum(m.mme_per_day), 0)
    FROM medication_statement m
    WHERE m.clinic_id = p_clinic_id AND m.patient_id = p_patient_id AND NOT m.voided
      AND m.mme_per_day IS NOT NULL
      AND m.start_date <= p_day AND (m.stop_date IS NULL OR m.stop_date >= p_day)
$$;

-- Whether a patient's latest consent decision of a type (the rule of ConsentRepository.current) is GIVEN.
CREATE FUNCTION analytics_consent_given(p_clinic_id uuid, p_patient_id uuid, p_type text) RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT coalesce((SELECT c.status = 'GIVEN'
                     FROM consent c
                     WHERE c.clinic_id = p_clinic_id AND c.patient_id = p_patient_id AND c.type = p_type
                       AND NOT c.voided
                     ORDER BY c.effective_date DESC, c.recorded_at DESC, c.id
                     LIMIT 1), false)
$$;

-- A follow-up's status on the current day: the rule of FollowUp.statusOn, written once for SQL.
CREATE FUNCTION analytics_follow_up_status(p_recorded text, p_window_start date, p_due date, p_window_end date)
    RETURNS text
    LANGUAGE sql STABLE
AS $$
    SELECT CASE
               WHEN p_recorded IS NOT NULL THEN p_recorded
               WHEN current_date < p_window_start THEN 'UPCOMING'
               WHEN current_date > p_window_end THEN 'MISSED'
               WHEN current_date > p_due THEN 'OVERDUE'
               ELSE 'DUE'
           END
$$;

-- The scored values of the valid, non-voided responses recorded for follow-ups: at most one per
-- follow-up and measure (one response per follow-up and instrument, one observation per measure).
CREATE VIEW analytics_follow_up_value WITH (security_invoker = true) AS
SELECT r.clinic_id, r.patient_id, r.follow_up_id, o.measure, o.value,
       (o.effective_at AT TIME ZONE 'UTC')::date AS observed_on
FROM instrument_response r
JOIN observation o ON o.clinic_id = r.clinic_id AND o.patient_id = r.patient_id AND o.response_id = r.id
WHERE r.follow_up_id IS NOT NULL AND NOT r.voided AND r.valid AND NOT o.voided;

-- One row per completed procedure (an episode), with the covariates analyses adjust for.
-- Cell source, tissue and origin are 'MIXED' when the units came from products that differ in it.
-- dose_million_cells is the delivered viable-cell dose over all units, in millions (NULL when a
-- unit has no viable-cell count); log10_dose is the log10 of the number of cells.
-- A baseline score is the one recorded for the episode's BASELINE follow-up, else the latest
-- observation on or before the procedure date; baseline MME is the daily dose on the procedure day.
CREATE VIEW analytics_episode WITH (security_invoker = true) AS
SELECT p.clinic_id,
       p.id                                                     AS episode_id,
       p.patient_id,
       p.procedure_date,
       p.operator_id,
       p.operator_name,
       date_part('year', age(p.procedure_date, pt.birth_date))::integer AS age_years,
       pt.sex,
       dx.family                                                AS condition_family,
       dx.region,
       dx.symptom_duration_months,
       cardinality(p.levels)                                    AS levels_treated,
       p.levels,
       units.cell_source,
       units.tissue,
       units.origin,
       units.dose_million_cells,
       CASE WHEN units.dose_million_cells > 0 THEN log10(units.dose_million_cells * 1000000) END AS log10_dose,
       p.target,
       p.guidance,
       p.placement_confirmed,
       coalesce(bf.odi, bo.odi)                                 AS baseline_odi,
       coalesce(bf.nrs_back, bo.nrs_back)                       AS baseline_nrs_back,
       coalesce(bf.nrs_leg, bo.nrs_leg)                         AS baseline_nrs_leg,
       coalesce(bf.rmdq, bo.rmdq)                               AS baseline_rmdq,
       mme.mme                                                  AS baseline_mme,
       analytics_consent_given(p.clinic_id, p.patient_id, 'REGISTRY') AS registry_consent,
       analytics_consent_given(p.clinic_id, p.patient_id, 'RESEARCH') AS research_consent
FROM procedure p
JOIN patient pt ON pt.clinic_id = p.clinic_id AND pt.id = p.patient_id
LEFT JOIN LATERAL (
    SELECT c.family, c.region, d.symptom_duration_months
    FROM diagnosis d
    JOIN icd10_code c ON c.code = d.icd10
    WHERE d.clinic_id = p.clinic_id AND d.patient_id = p.patient_id AND d.primary_flag AND NOT d.voided
    LIMIT 1
) dx ON true
LEFT JOIN LATERAL (
    SELECT CASE WHEN count(DISTINCT cp.source_type) > 1 THEN 'MIXED' ELSE min(cp.source_type) END AS cell_source,
           CASE WHEN count(DISTINCT cp.tissue) > 1 THEN 'MIXED' ELSE min(cp.tissue) END           AS tissue,
           CASE WHEN count(DISTINCT cp.origin) > 1 THEN 'MIXED' ELSE min(cp.origin) END           AS origin,
           CASE WHEN count(u.viable_cells) = count(*) THEN sum(u.viable_cells) END                AS dose_million_cells
    FROM procedure_unit u
    JOIN cell_product cp ON cp.clinic_id = u.clinic_id AND cp.id = u.product_id
    WHERE u.clinic_id = p.clinic_id AND u.procedure_id = p.id
) units ON true
LEFT JOIN LATERAL (
    SELECT max(v.value) FILTER (WHERE v.measure = 'ODI')      AS odi,
           max(v.value) FILTER (WHERE v.measure = 'NRS_BACK') AS nrs_back,
           max(v.value) FILTER (WHERE v.measure = 'NRS_LEG')  AS nrs_leg,
           max(v.value) FILTER (WHERE v.measure = 'RMDQ')     AS rmdq
    FROM follow_up f
    JOIN analytics_follow_up_value v
      ON v.clinic_id = f.clinic_id AND v.patient_id = f.patient_id AND v.follow_up_id = f.id
    WHERE f.clinic_id = p.clinic_id AND f.procedure_id = p.id AND f.time_point = 'BASELINE' AND NOT f.voided
) bf ON true
LEFT JOIN LATERAL (
    SELECT (array_agg(o.value ORDER BY o.effective_at DESC, o.id) FILTER (WHERE o.measure = 'ODI'))[1]      AS odi,
           (array_agg(o.value ORDER BY o.effective_at DESC, o.id) FILTER (WHERE o.measure = 'NRS_BACK'))[1] AS nrs_back,
           (array_agg(o.value ORDER BY o.effective_at DESC, o.id) FILTER (WHERE o.measure = 'NRS_LEG'))[1]  AS nrs_leg,
           (array_agg(o.value ORDER BY o.effective_at DESC, o.id) FILTER (WHERE o.measure = 'RMDQ'))[1]     AS rmdq
    FROM observation o
    JOIN instrument_response r ON r.clinic_id = o.clinic_id AND r.id = o.response_id
    WHERE o.clinic_id = p.clinic_id AND o.patient_id = p.patient_id
      AND o.measure IN ('ODI', 'NRS_BACK', 'NRS_LEG', 'RMDQ')
      AND NOT o.voided AND NOT r.voided AND r.valid
      AND (o.effective_at AT TIME ZONE 'UTC')::date <= p.procedure_date
) bo ON true
LEFT JOIN LATERAL analytics_mme_on(p.clinic_id, p.patient_id, p.procedure_date) mme ON true
WHERE p.status = 'COMPLETED' AND NOT p.voided AND NOT pt.voided;

-- Long format: episode x follow-up time point x measure (ODI, NRS_BACK, NRS_LEG, RMDQ, MME), one
-- row whether or not a value was collected, so completion can be counted from the same rows.
-- MME is the daily dose on the day the follow-up was completed. change = value - baseline.
-- follow_up_status is the status on the current day (COMPLETED, CANCELLED, MISSED, OVERDUE, DUE,
-- UPCOMING); a follow-up is eligible for the completion rate when COMPLETED or MISSED.
CREATE VIEW analytics_outcome WITH (security_invoker = true) AS
SELECT e.clinic_id,
       e.episode_id,
       e.patient_id,
       f.id                                  AS follow_up_id,
       f.time_point,
       f.due_date - e.procedure_date         AS days_after_procedure,
       f.due_date,
       analytics_follow_up_status(f.status, f.window_start, f.due_date, f.window_end) AS follow_up_status,
       (f.completed_at AT TIME ZONE 'UTC')::date AS completed_on,
       m.measure,
       CASE WHEN m.measure = 'MME' THEN fm.mme ELSE v.value END AS value,
       b.baseline,
       CASE WHEN m.measure = 'MME' THEN fm.mme ELSE v.value END - b.baseline AS change,
       CASE WHEN m.measure = 'MME' THEN (f.completed_at AT TIME ZONE 'UTC')::date ELSE v.observed_on END AS observed_on
FROM analytics_episode e
JOIN follow_up f ON f.clinic_id = e.clinic_id AND f.procedure_id = e.episode_id AND NOT f.voided
LEFT JOIN LATERAL (
    SELECT x.mme FROM analytics_mme_on(f.clinic_id, f.patient_id, (f.completed_at AT TIME ZONE 'UTC')::date) x
    WHERE f.status = 'COMPLETED'
) fm ON true
CROSS JOIN (VALUES ('ODI'), ('NRS_BACK'), ('NRS_LEG'), ('RMDQ'), ('MME')) AS m (measure)
CROSS JOIN LATERAL (
    SELECT CASE m.measure
               WHEN 'ODI' THEN e.baseline_odi
               WHEN 'NRS_BACK' THEN e.baseline_nrs_back
               WHEN 'NRS_LEG' THEN e.baseline_nrs_leg
               WHEN 'RMDQ' THEN e.baseline_rmdq
               ELSE e.baseline_mme
           END AS baseline
) b
-- A lateral lookup per row (through the patient's indexes) rather than a plain join, which the
-- planner was seen to run as a nested loop over every value of the clinic.
LEFT JOIN LATERAL (
    SELECT fv.value, fv.observed_on
    FROM analytics_follow_up_value fv
    WHERE fv.clinic_id = f.clinic_id AND fv.patient_id = f.patient_id AND fv.follow_up_id = f.id
      AND fv.measure = m.measure
    LIMIT 1
) v ON true;

-- Treatment failure per episode: the first later surgery or repeat injection at a treated level
-- (event), else censoring at the end of observation: today while the patient keeps to the
-- follow-up schedule (no follow-up missed), otherwise the last completed follow-up (or the
-- procedure day when none was completed). Months are days / 30.4375.
CREATE VIEW analytics_failure WITH (security_invoker = true) AS
SELECT e.clinic_id,
       e.episode_id,
       e.patient_id,
       e.procedure_date,
       fail.date IS NOT NULL                                AS event,
       fail.type                                            AS event_type,
       coalesce(fail.date, obs.end_date)                    AS end_date,
       round((coalesce(fail.date, obs.end_date) - e.procedure_date) / 30.4375, 6) AS months
FROM analytics_episode e
LEFT JOIN LATERAL (
    SELECT i.date, i.type
    FROM intervention i
    WHERE i.clinic_id = e.clinic_id AND i.patient_id = e.patient_id AND NOT i.voided
      AND i.date > e.procedure_date AND i.level = ANY (e.levels)
    ORDER BY i.date, i.id
    LIMIT 1
) fail ON true
CROSS JOIN LATERAL (
    SELECT CASE
               WHEN bool_or(analytics_follow_up_status(f.status, f.window_start, f.due_date, f.window_end) = 'MISSED')
                   THEN coalesce(max((f.completed_at AT TIME ZONE 'UTC')::date), e.procedure_date)
               ELSE current_date
           END AS end_date
    FROM follow_up f
    WHERE f.clinic_id = e.clinic_id AND f.procedure_id = e.episode_id AND NOT f.voided
) obs;

-- Adverse events attributed to an episode (reported against its procedure).
-- related_to_procedure: possibly, probably or definitely related.
CREATE VIEW analytics_adverse_event WITH (security_invoker = true) AS
SELECT a.clinic_id,
       a.id                                             AS adverse_event_id,
       a.procedure_id                                   AS episode_id,
       a.patient_id,
       a.onset_date,
       a.grade,
       cardinality(a.serious) > 0                       AS serious,
       a.relatedness_procedure,
       a.relatedness_product,
       coalesce(a.relatedness_procedure IN ('POSSIBLE', 'PROBABLE', 'DEFINITE'), false) AS related_to_procedure,
       coalesce(a.relatedness_product IN ('POSSIBLE', 'PROBABLE', 'DEFINITE'), false)   AS related_to_product,
       a.expected,
       a.outcome
FROM adverse_event a
WHERE a.procedure_id IS NOT NULL AND NOT a.voided;

-- The identifiers of the patients of episodes, read only for identified exports to clinic staff.
CREATE VIEW analytics_patient WITH (security_invoker = true) AS
SELECT pt.clinic_id, pt.id AS patient_id, pt.mrn, pt.given_name, pt.family_name, pt.birth_date
FROM patient pt
WHERE NOT pt.voided;

-- Saved cohorts: a named filter of one user, kept in the clinic of the user's first filtered (or
-- first) clinic for row-level security. Deleting a cohort voids it.
CREATE TABLE analytics_cohort (
    clinic_id   uuid        NOT NULL REFERENCES clinic (id),
    id          uuid        NOT NULL,
    owner_id    uuid        NOT NULL REFERENCES app_user (id),
    name        text        NOT NULL,
    filter      jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  uuid        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  uuid        NOT NULL,
    version     integer     NOT NULL DEFAULT 0,
    voided      boolean     NOT NULL DEFAULT false,
    void_reason text,
    voided_at   timestamptz,
    voided_by   uuid,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE analytics_cohort
    ADD CONSTRAINT analytics_cohort_name_length CHECK (char_length(name) BETWEEN 1 AND 200);
CREATE INDEX analytics_cohort_owner_idx ON analytics_cohort (clinic_id, owner_id);

ALTER TABLE analytics_cohort ENABLE ROW LEVEL SECURITY;
CREATE POLICY analytics_cohort_clinic_scope ON analytics_cohort
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));

GRANT SELECT ON analytics_follow_up_value, analytics_episode, analytics_outcome, analytics_failure, analytics_adverse_event, analytics_patient TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON analytics_cohort TO ${app_role};
GRANT EXECUTE ON FUNCTION analytics_mme_on(uuid, uuid, date) TO ${app_role};
GRANT EXECUTE ON FUNCTION analytics_consent_given(uuid, uuid, text) TO ${app_role};
GRANT EXECUTE ON FUNCTION analytics_follow_up_status(text, date, date, date) TO ${app_role};
