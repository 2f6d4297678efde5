-- Break-glass access and consent status for exports.
--
-- A physician may open ONE patient of a clinic they do not belong to, with a reason, for a limited
-- time. The grant lives in the target clinic (its administrators see it). Reading the patient's
-- records under the grant needs no change to the clinic scope: each patient-keyed table gets a
-- second, SELECT-only policy that lets a row through when its (clinic, patient) pair is in the
-- caller's active grants. PostgreSQL ORs permissive policies, so writes still need clinic
-- membership, and other patients of the target clinic stay invisible.

-- The signed-in user, from the per-transaction setting made with SET LOCAL (absent: nobody).
CREATE FUNCTION current_user_id() RETURNS uuid
    LANGUAGE sql STABLE
AS $$
    SELECT nullif(current_setting('spinecell.user_id', true), '')::uuid
$$;

CREATE TABLE break_glass_grant (
    clinic_id      uuid        NOT NULL REFERENCES clinic (id),
    id             uuid        NOT NULL,
    patient_id     uuid        NOT NULL,
    physician_id   uuid        NOT NULL REFERENCES app_user (id),
    physician_name text        NOT NULL,
    reason         text        NOT NULL,
    granted_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    ended_at       timestamptz,
    ended_by       uuid,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     uuid        NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     uuid        NOT NULL,
    version        integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE break_glass_grant
    ADD CONSTRAINT break_glass_grant_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE break_glass_grant
    ADD CONSTRAINT break_glass_grant_reason_given CHECK (length(btrim(reason)) > 0);
ALTER TABLE break_glass_grant
    ADD CONSTRAINT break_glass_grant_expires_after_grant CHECK (expires_at > granted_at);
CREATE INDEX break_glass_grant_physician_idx ON break_glass_grant (physician_id, expires_at);
CREATE INDEX break_glass_grant_clinic_idx ON break_glass_grant (clinic_id, granted_at DESC);

-- The clinic's members (its administrators) see the grants; the physician sees and ends their own.
ALTER TABLE break_glass_grant ENABLE ROW LEVEL SECURITY;
CREATE POLICY break_glass_grant_scope ON break_glass_grant
    USING (clinic_id = ANY (clinic_scope()) OR physician_id = current_user_id())
    WITH CHECK (clinic_id = ANY (clinic_scope()) OR physician_id = current_user_id());

-- The caller's active grants as 'clinic:patient' keys. Only read-only transactions carry them, so
-- no write can ride on a grant even if the application forgot to check. Used in policies as
-- (SELECT break_glass_scope())::text[], which PostgreSQL evaluates once per query (an InitPlan).
CREATE FUNCTION break_glass_scope() RETURNS text[]
    LANGUAGE sql STABLE
AS $$
    SELECT coalesce(array_agg(g.clinic_id::text || ':' || g.patient_id::text), '{}'::text[])
    FROM break_glass_grant g
    WHERE current_setting('transaction_read_only') = 'on'
      AND g.physician_id = current_user_id()
      AND g.ended_at IS NULL
      AND g.expires_at > now()
$$;

-- Finds the patient a physician asks to open, by id or by clinic and MRN, across clinics. Returns
-- only the two ids (nothing about the patient), and only to a caller with a user id; the service
-- audits every request. SECURITY DEFINER so that it can look outside the caller's clinics.
CREATE FUNCTION break_glass_find_patient(p_clinic_id uuid, p_mrn text, p_patient_id uuid)
    RETURNS TABLE (clinic_id uuid, patient_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT p.clinic_id, p.id
    FROM patient p
    WHERE current_user_id() IS NOT NULL
      AND NOT p.voided
      AND ((p_patient_id IS NOT NULL AND p.id = p_patient_id)
        OR (p_patient_id IS NULL AND p.clinic_id = p_clinic_id AND p.mrn = p_mrn))
    LIMIT 1
$$;
REVOKE ALL ON FUNCTION break_glass_find_patient(uuid, text, uuid) FROM PUBLIC;

-- The SELECT-only policies that open one patient's records under a grant.
CREATE POLICY patient_break_glass ON patient FOR SELECT
    USING ((clinic_id::text || ':' || id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY diagnosis_break_glass ON diagnosis FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY imaging_finding_break_glass ON imaging_finding FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY prior_treatment_break_glass ON prior_treatment FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY consent_break_glass ON consent FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY candidacy_assessment_break_glass ON candidacy_assessment FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY procedure_break_glass ON procedure FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY care_plan_break_glass ON care_plan FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY instrument_response_break_glass ON instrument_response FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY observation_break_glass ON observation FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY medication_statement_break_glass ON medication_statement FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY adverse_event_break_glass ON adverse_event FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY intervention_break_glass ON intervention FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));
CREATE POLICY follow_up_break_glass ON follow_up FOR SELECT
    USING ((clinic_id::text || ':' || patient_id::text) = ANY ((SELECT break_glass_scope())::text[]));

-- Consent status as dated facts, for exports: per patient, whether registry, research and trial
-- consent is current (the newest non-voided decision of its type is GIVEN) and, when the newest
-- decision is a withdrawal, its date. Exports leave out patients whose registry or research consent
-- is not current; trial data recorded before trial_withdrawn_on is kept and can be flagged with it.
-- security_invoker keeps the caller's row-level security in force.
CREATE VIEW patient_consent_status WITH (security_invoker = true) AS
WITH latest AS (
    SELECT DISTINCT ON (c.clinic_id, c.patient_id, c.type)
           c.clinic_id, c.patient_id, c.type, c.status, c.effective_date
    FROM consent c
    WHERE NOT c.voided AND c.type IN ('REGISTRY', 'RESEARCH', 'TRIAL')
    ORDER BY c.clinic_id, c.patient_id, c.type, c.effective_date DESC, c.recorded_at DESC, c.id
)
SELECT p.clinic_id,
       p.id AS patient_id,
       coalesce(r.status = 'GIVEN', false)                        AS registry_current,
       CASE WHEN r.status = 'WITHDRAWN' THEN r.effective_date END AS registry_withdrawn_on,
       coalesce(s.status = 'GIVEN', false)                        AS research_current,
       CASE WHEN s.status = 'WITHDRAWN' THEN s.effective_date END AS research_withdrawn_on,
       coalesce(t.status = 'GIVEN', false)                        AS trial_current,
       CASE WHEN t.status = 'WITHDRAWN' THEN t.effective_date END AS trial_withdrawn_on
FROM patient p
LEFT JOIN latest r ON r.clinic_id = p.clinic_id AND r.patient_id = p.id AND r.type = 'REGISTRY'
LEFT JOIN latest s ON s.clinic_id = p.clinic_id AND s.patient_id = p.id AND s.type = 'RESEARCH'
LEFT JOIN latest t ON t.clinic_id = p.clinic_id AND t.patient_id = p.id AND t.type = 'TRIAL';

GRANT SELECT, INSERT, UPDATE ON break_glass_grant TO ${app_role};
GRANT SELECT ON patient_consent_status TO ${app_role};
GRANT EXECUTE ON FUNCTION current_user_id() TO ${app_role};
GRANT EXECUTE ON FUNCTION break_glass_scope() TO ${app_role};
GRANT EXECUTE ON FUNCTION break_glass_find_patient(uuid, text, uuid) TO ${app_role};
