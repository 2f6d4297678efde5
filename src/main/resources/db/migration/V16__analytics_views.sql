-- The analytics module's read model: views over the clinical tables, made for aggregation and
-- export, plus the saved cohorts. Every view is security_invoker (PostgreSQL 15+), so the
-- row-level security policies of the underlying tables are applied to the application role that
-- queries the view, not bypassed through the view's owner: clinic isolation holds for analytics
-- exactly as for the tables. The helper functions are SECURITY INVOKER (the default) for the
-- same reason.

-- Daily morphine milligram equivalents of the opioids a patient was taking on a day: the sum over
-- the statements active on it. No active opioid statement means 0 MME.
CREATE FUNCTION analytics_mme_on(p_clinic_id uuid, p_patient_id uuid, p_day date) RETURNS numeric
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

-- A patient's value of one measure for an episode's baseline: the observation recorded for the
-- episode's BASELINE follow-up, else the latest observation on or before the procedure date.
CREATE FUNCTION analytics_baseline(p_clinic_id uuid, p_patient_id uuid, p_procedure_id uuid, p_day date,
                                   p_measure text) RETURNS numeric
    LANGUAGE sql STABLE
AS $$
    SELECT CASE
               WHEN p_measure = 'MME' THEN analytics_mme_on(p_clinic_id, p_patient_id, p_day)
               ELSE coalesce(
                   (SELECT o.value
                    FROM observation o
                    JOIN instrument_response r ON r.clinic_id = o.clinic_id AND r.id = o.response_id
                    JOIN follow_up f ON f.clinic_id = r.clinic_id AND f.id = r.follow_up_id
                    WHERE o.clinic_id = p_clinic_id AND o.patient_id = p_patient_id AND o.measure = p_measure
                      AND NOT o.voided AND NOT r.voided AND r.valid AND NOT f.voided
                      AND f.procedure_id = p_procedure_id AND f.time_point = 'BASELINE'
                    ORDER BY o.effective_at DESC, o.id
                    LIMIT 1),
                   (SELECT o.value
                    FROM observation o
                    JOIN instrument_response r ON r.clinic_id = o.clinic_id AND r.id = o.response_id
                    WHERE o.clinic_id = p_clinic_id AND o.patient_id = p_patient_id AND o.measure = p_measure
                      AND NOT o.voided AND NOT r.voided AND r.valid
                      AND (o.effective_at AT TIME ZONE 'UTC')::date <= p_day
                    ORDER BY o.effective_at DESC, o.id
                    LIMIT 1))
           END
$$;

-- One row per completed procedure (an episode), with the covariates analyses adjust for.
-- Cell source, tissue and origin are 'MIXED' when the units came from products that differ in it.
-- dose_million_cells is the delivered viable-cell dose over all units, in millions (NULL when a
-- unit has no viable-cell count); log10_dose is the log10 of the number of cells.
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
       analytics_baseline(p.clinic_id, p.patient_id, p.id, p.procedure_date, 'ODI')      AS baseline_odi,
       analytics_baseline(p.clinic_id, p.patient_id, p.id, p.procedure_date, 'NRS_BACK') AS baseline_nrs_back,
       analytics_baseline(p.clinic_id, p.patient_id, p.id, p.procedure_date, 'NRS_LEG')  AS baseline_nrs_leg,
       analytics_baseline(p.clinic_id, p.patient_id, p.id, p.procedure_date, 'RMDQ')     AS baseline_rmdq,
       analytics_baseline(p.clinic_id, p.patient_id, p.id, p.procedure_date, 'MME')      AS baseline_mme,
       analytics_consent_given(p.clinic_id, p.patient_id, 'REGISTRY')                   AS registry_consent,
       analytics_consent_given(p.clinic_id, p.patient_id, 'RESEARCH')                   AS research_consent
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
       v.value,
       b.baseline,
       v.value - b.baseline                  AS change,
       v.observed_on
FROM analytics_episode e
JOIN follow_up f ON f.clinic_id = e.clinic_id AND f.procedure_id = e.episode_id AND NOT f.voided
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
LEFT JOIN LATERAL (
    SELECT o.value, (o.effective_at AT TIME ZONE 'UTC')::date AS observed_on
    FROM observation o
    JOIN instrument_response r ON r.clinic_id = o.clinic_id AND r.id = o.response_id
    WHERE m.measure <> 'MME' AND o.clinic_id = f.clinic_id AND r.follow_up_id = f.id AND o.measure = m.measure
      AND NOT o.voided AND NOT r.voided AND r.valid
    UNION ALL
    SELECT analytics_mme_on(f.clinic_id, f.patient_id, (f.completed_at AT TIME ZONE 'UTC')::date),
           (f.completed_at AT TIME ZONE 'UTC')::date
    WHERE m.measure = 'MME' AND f.status = 'COMPLETED'
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

GRANT SELECT ON analytics_episode, analytics_outcome, analytics_failure, analytics_adverse_event, analytics_patient TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON analytics_cohort TO ${app_role};
GRANT EXECUTE ON FUNCTION analytics_mme_on(uuid, uuid, date) TO ${app_role};
GRANT EXECUTE ON FUNCTION analytics_consent_given(uuid, uuid, text) TO ${app_role};
GRANT EXECUTE ON FUNCTION analytics_follow_up_status(text, date, date, date) TO ${app_role};
GRANT EXECUTE ON FUNCTION analytics_baseline(uuid, uuid, uuid, date, text) TO ${app_role};
