-- EXPERIMENT, NOT A MIGRATION (bench7, see docs/benchmarks.md "Findings"). A set-wise rewrite of
-- the V16 analytics views. It keeps every value (AnalyticsViewTests, AnalyticsAggregationTests,
-- AnalyticsExportTests and CohortApiTests passed with it applied as V17), but at 100,000 patients the
-- planner estimates the join of follow_up with analytics_follow_up_value (and the BASELINE
-- subquery) at 1-2 rows, because clinic_id, patient_id and follow_up_id are correlated, and picks
-- nested loops and a merge join on clinic_id alone: slower than V16. Before it can ship it needs
-- that estimate fixed (extended statistics, or joining observation to instrument_response on the
-- response id only) and a measured plan.

-- The analytics views of V16, rewritten so that an aggregation over a whole registry runs as a few
-- hash joins instead of per-row lookups (issue 7 benchmark, docs/benchmarks.md: 100,000 patients).
-- Same columns, same values; only the way PostgreSQL is asked for them changes:
--  * per-episode LATERAL subqueries with aggregates (products, baseline follow-up values, MME,
--    the end of observation) become LEFT JOINs to subqueries grouped by the join key, which the
--    planner runs set-wise and drops altogether when a query uses none of their columns;
--  * the fallback baseline (latest observation on or before the procedure) and the MME on the
--    day of a follow-up are scalar subqueries inside COALESCE / CASE, so they run only for the
--    rows that need them (an episode without a BASELINE follow-up value, an MME row);
--  * a follow-up value is a plain join on the follow-up and measure, so a query for one measure
--    reads only that measure's observations.
-- Still security_invoker: row-level security of the tables applies to whoever queries the views.

CREATE OR REPLACE VIEW analytics_follow_up_value WITH (security_invoker = true) AS
SELECT r.clinic_id, r.patient_id, r.follow_up_id, o.measure, o.value,
       (o.effective_at AT TIME ZONE 'UTC')::date AS observed_on
FROM instrument_response r
JOIN observation o ON o.clinic_id = r.clinic_id AND o.patient_id = r.patient_id AND o.response_id = r.id
WHERE r.follow_up_id IS NOT NULL AND NOT r.voided AND r.valid AND NOT o.voided;

CREATE OR REPLACE VIEW analytics_episode WITH (security_invoker = true) AS
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
       coalesce(bf.odi, (SELECT o.value FROM observation o
                         JOIN instrument_response r ON r.clinic_id = o.clinic_id AND r.id = o.response_id
                         WHERE o.clinic_id = p.clinic_id AND o.patient_id = p.patient_id AND o.measure = 'ODI'
                           AND NOT o.voided AND NOT r.voided AND r.valid
                           AND (o.effective_at AT TIME ZONE 'UTC')::date <= p.procedure_date
                         ORDER BY o.effective_at DESC, o.id LIMIT 1)) AS baseline_odi,
       coalesce(bf.nrs_back, (SELECT o.value FROM observation o
                         JOIN instrument_response r ON r.clinic_id = o.clinic_id AND r.id = o.response_id
                         WHERE o.clinic_id = p.clinic_id AND o.patient_id = p.patient_id AND o.measure = 'NRS_BACK'
                           AND NOT o.voided AND NOT r.voided AND r.valid
                           AND (o.effective_at AT TIME ZONE 'UTC')::date <= p.procedure_date
                         ORDER BY o.effective_at DESC, o.id LIMIT 1)) AS baseline_nrs_back,
       coalesce(bf.nrs_leg, (SELECT o.value FROM observation o
                         JOIN instrument_response r ON r.clinic_id = o.clinic_id AND r.id = o.response_id
                         WHERE o.clinic_id = p.clinic_id AND o.patient_id = p.patient_id AND o.measure = 'NRS_LEG'
                           AND NOT o.voided AND NOT r.voided AND r.valid
                           AND (o.effective_at AT TIME ZONE 'UTC')::date <= p.procedure_date
                         ORDER BY o.effective_at DESC, o.id LIMIT 1)) AS baseline_nrs_leg,
       coalesce(bf.rmdq, (SELECT o.value FROM observation o
                         JOIN instrument_response r ON r.clinic_id = o.clinic_id AND r.id = o.response_id
                         WHERE o.clinic_id = p.clinic_id AND o.patient_id = p.patient_id AND o.measure = 'RMDQ'
                           AND NOT o.voided AND NOT r.voided AND r.valid
                           AND (o.effective_at AT TIME ZONE 'UTC')::date <= p.procedure_date
                         ORDER BY o.effective_at DESC, o.id LIMIT 1)) AS baseline_rmdq,
       (SELECT mme.mme FROM analytics_mme_on(p.clinic_id, p.patient_id, p.procedure_date) mme) AS baseline_mme,
       analytics_consent_given(p.clinic_id, p.patient_id, 'REGISTRY') AS registry_consent,
       analytics_consent_given(p.clinic_id, p.patient_id, 'RESEARCH') AS research_consent
FROM procedure p
JOIN patient pt ON pt.clinic_id = p.clinic_id AND pt.id = p.patient_id
-- At most one primary, non-voided diagnosis per patient (diagnosis_one_primary_uq).
LEFT JOIN (
    SELECT d.clinic_id, d.patient_id, c.family, c.region, d.symptom_duration_months
    FROM diagnosis d
    JOIN icd10_code c ON c.code = d.icd10
    WHERE d.primary_flag AND NOT d.voided
) dx ON dx.clinic_id = p.clinic_id AND dx.patient_id = p.patient_id
LEFT JOIN (
    SELECT u.clinic_id, u.procedure_id,
           CASE WHEN count(DISTINCT cp.source_type) > 1 THEN 'MIXED' ELSE min(cp.source_type) END AS cell_source,
           CASE WHEN count(DISTINCT cp.tissue) > 1 THEN 'MIXED' ELSE min(cp.tissue) END           AS tissue,
           CASE WHEN count(DISTINCT cp.origin) > 1 THEN 'MIXED' ELSE min(cp.origin) END           AS origin,
           CASE WHEN count(u.viable_cells) = count(*) THEN sum(u.viable_cells) END                AS dose_million_cells
    FROM procedure_unit u
    JOIN cell_product cp ON cp.clinic_id = u.clinic_id AND cp.id = u.product_id
    GROUP BY u.clinic_id, u.procedure_id
) units ON units.clinic_id = p.clinic_id AND units.procedure_id = p.id
LEFT JOIN (
    SELECT f.clinic_id, f.procedure_id,
           max(v.value) FILTER (WHERE v.measure = 'ODI')      AS odi,
           max(v.value) FILTER (WHERE v.measure = 'NRS_BACK') AS nrs_back,
           max(v.value) FILTER (WHERE v.measure = 'NRS_LEG')  AS nrs_leg,
           max(v.value) FILTER (WHERE v.measure = 'RMDQ')     AS rmdq
    FROM follow_up f
    JOIN analytics_follow_up_value v
      ON v.clinic_id = f.clinic_id AND v.patient_id = f.patient_id AND v.follow_up_id = f.id
    WHERE f.time_point = 'BASELINE' AND NOT f.voided
    GROUP BY f.clinic_id, f.procedure_id
) bf ON bf.clinic_id = p.clinic_id AND bf.procedure_id = p.id
WHERE p.status = 'COMPLETED' AND NOT p.voided AND NOT pt.voided;

CREATE OR REPLACE VIEW analytics_outcome WITH (security_invoker = true) AS
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
       x.value,
       b.baseline,
       x.value - b.baseline                  AS change,
       CASE WHEN m.measure = 'MME' THEN (f.completed_at AT TIME ZONE 'UTC')::date ELSE v.observed_on END AS observed_on
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
-- At most one value per follow-up and measure (one response per follow-up and instrument, one
-- observation per measure); MME is not an instrument score but the day's medication.
LEFT JOIN analytics_follow_up_value v
  ON v.clinic_id = f.clinic_id AND v.patient_id = f.patient_id AND v.follow_up_id = f.id AND v.measure = m.measure
     AND m.measure <> 'MME'
CROSS JOIN LATERAL (
    SELECT CASE WHEN m.measure <> 'MME' THEN v.value
                WHEN f.status = 'COMPLETED'
                    THEN (SELECT mme.mme FROM analytics_mme_on(f.clinic_id, f.patient_id,
                                                               (f.completed_at AT TIME ZONE 'UTC')::date) mme)
           END AS value
) x;

CREATE OR REPLACE VIEW analytics_failure WITH (security_invoker = true) AS
SELECT e.clinic_id,
       e.episode_id,
       e.patient_id,
       e.procedure_date,
       fail.date IS NOT NULL                                AS event,
       fail.type                                            AS event_type,
       coalesce(fail.date, obs.end_date)                    AS end_date,
       round((coalesce(fail.date, obs.end_date) - e.procedure_date) / 30.4375, 6) AS months
FROM analytics_episode e
LEFT JOIN (
    SELECT DISTINCT ON (p.clinic_id, p.id) p.clinic_id, p.id AS procedure_id, i.date, i.type
    FROM procedure p
    JOIN intervention i ON i.clinic_id = p.clinic_id AND i.patient_id = p.patient_id
    WHERE NOT i.voided AND i.date > p.procedure_date AND i.level = ANY (p.levels)
    ORDER BY p.clinic_id, p.id, i.date, i.id
) fail ON fail.clinic_id = e.clinic_id AND fail.procedure_id = e.episode_id
LEFT JOIN (
    SELECT f.clinic_id, f.procedure_id,
           bool_or(analytics_follow_up_status(f.status, f.window_start, f.due_date, f.window_end) = 'MISSED') AS missed,
           max((f.completed_at AT TIME ZONE 'UTC')::date) AS last_completed
    FROM follow_up f
    WHERE NOT f.voided
    GROUP BY f.clinic_id, f.procedure_id
) fu ON fu.clinic_id = e.clinic_id AND fu.procedure_id = e.episode_id
CROSS JOIN LATERAL (
    SELECT CASE WHEN fu.missed THEN coalesce(fu.last_completed, e.procedure_date) ELSE current_date END AS end_date
) obs;
