-- A patient's report awaiting a physician's review has an empty grade, seriousness, relatedness,
-- expectedness and outcome: not assessed, which an export must not let pass for "not serious" or
-- "not related". The research view gains the review state as its last column (CREATE OR REPLACE
-- VIEW may only append columns).
CREATE OR REPLACE VIEW research_adverse_event WITH (security_invoker = true) AS
SELECT a.clinic_id, a.patient_id, a.id AS adverse_event_id, a.procedure_id AS episode_id, a.onset_date,
       a.description, a.category, a.grade, array_to_string(a.serious, ' ') AS serious, a.death_date,
       a.relatedness_procedure, a.relatedness_product, a.expected, a.outcome, a.resolution_date, a.reporter,
       a.reviewed_at IS NULL AS awaiting_review
FROM adverse_event a
WHERE NOT a.voided;
