-- Two additions to V16 (analytics) and V19 (break-glass).
--
-- 1. Registry consent withdrawal. After a patient withdraws registry consent (their newest
--    non-voided REGISTRY decision is WITHDRAWN), every registry output leaves them out: cohort
--    counts, summaries, the analytics JSON, the workspace, the clinic report and the CSV export.
--    All of these read analytics_episode, so the rule is applied once, there: the V16 view is kept
--    as analytics_episode_all (analytics_outcome and analytics_failure still build on it) and
--    analytics_episode becomes that view without the withdrawn patients. Nothing is deleted: the
--    patient's chart, responses and follow-ups are unchanged, and re-consent brings them back.
-- 2. Break-glass SELECT policies for the rows of a patient's record that V19 left out: safety
--    tasks, care-plan sessions, the units of their procedures and the cell products made for
--    them or administered to them (with those products' events).

-- The date of the withdrawal in force for a consent type, or NULL when the newest decision of that
-- type is not a withdrawal (or there is none). The same ordering as analytics_consent_given.
CREATE FUNCTION analytics_consent_withdrawn_on(p_clinic_id uuid, p_patient_id uuid, p_type text) RETURNS date
    LANGUAGE sql STABLE
AS $$
    SELECT CASE WHEN d.status = 'WITHDRAWN' THEN d.effective_date END
    FROM (SELECT c.status, c.effective_date
          FROM consent c
          WHERE c.clinic_id = p_clinic_id AND c.patient_id = p_patient_id AND c.type = p_type
            AND NOT c.voided
          ORDER BY c.effective_date DESC, c.recorded_at DESC, c.id
          LIMIT 1) d
$$;

ALTER VIEW analytics_episode RENAME TO analytics_episode_all;
CREATE VIEW analytics_episode WITH (security_invoker = true) AS
SELECT e.*
FROM analytics_episode_all e
WHERE analytics_consent_withdrawn_on(e.clinic_id, e.patient_id, 'REGISTRY') IS NULL;

-- The identified export's patient columns gain the date of a TRIAL consent withdrawal in force:
-- data collected before it is kept and flagged with it (FDA practice). Trials come later; until
-- then the column tells staff which rows a trial may keep but must not add to.
CREATE OR REPLACE VIEW analytics_patient WITH (security_invoker = true) AS
SELECT pt.clinic_id, pt.id AS patient_id, pt.mrn, pt.given_name, pt.family_name, pt.birth_date,
       analytics_consent_withdrawn_on(pt.clinic_id, pt.id, 'TRIAL') AS trial_consent_withdrawn_on
FROM patient pt
WHERE NOT pt.voided;

-- Break-glass: a patient's safety tasks and care-plan sessions.
CREATE POLICY safety_task_break_glass ON safety_task FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY care_session_break_glass ON care_session FOR SELECT
    USING (cardinality((SELECT break_glass_scope())::text[]) > 0
        AND EXISTS (SELECT 1 FROM care_plan cp
                    WHERE cp.clinic_id = care_session.clinic_id AND cp.id = care_session.care_plan_id
                      AND (cp.clinic_id::text || ':' || cp.patient_id::text) = ANY ((SELECT break_glass_scope())::text[])));

-- The units given in the patient's procedures.
CREATE POLICY procedure_unit_break_glass ON procedure_unit FOR SELECT
    USING (cardinality((SELECT break_glass_scope())::text[]) > 0
        AND EXISTS (SELECT 1 FROM procedure p
                    WHERE p.clinic_id = procedure_unit.clinic_id AND p.id = procedure_unit.procedure_id
                      AND (p.clinic_id::text || ':' || p.patient_id::text) = ANY ((SELECT break_glass_scope())::text[])));

-- Cell products are part of the record when made for the patient (autologous source or named
-- allogeneic recipient) or administered in one of their procedures. The cardinality test keeps the
-- lab's everyday queries (no grants) from evaluating the EXISTS at all.
CREATE POLICY cell_product_break_glass ON cell_product FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[])
        OR (clinic_id::text || ':' || recipient_patient_id::text) = ANY ((SELECT break_glass_scope())::text[])
        OR (cardinality((SELECT break_glass_scope())::text[]) > 0
            AND EXISTS (SELECT 1 FROM procedure_unit u
                        JOIN procedure p ON p.clinic_id = u.clinic_id AND p.id = u.procedure_id
                        WHERE u.clinic_id = cell_product.clinic_id AND u.product_id = cell_product.id
                          AND (p.clinic_id::text || ':' || p.patient_id::text) = ANY ((SELECT break_glass_scope())::text[]))));
-- A product's events follow the product (the subquery sees a product only under the policies above).
CREATE POLICY product_event_break_glass ON product_event FOR SELECT
    USING (cardinality((SELECT break_glass_scope())::text[]) > 0
        AND EXISTS (SELECT 1 FROM cell_product cp
                    WHERE cp.clinic_id = product_event.clinic_id AND cp.id = product_event.product_id));

GRANT SELECT ON analytics_episode TO ${app_role};
GRANT EXECUTE ON FUNCTION analytics_consent_withdrawn_on(uuid, uuid, text) TO ${app_role};
