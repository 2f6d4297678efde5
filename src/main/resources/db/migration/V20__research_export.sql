-- The Safe Harbor research export (issue 8): data-use agreements, which alone open the limited
-- data set, and the read model the export uses. The views are security_invoker, like the
-- analytics views (V16), so the row-level security of the tables under them applies to the
-- application role that queries them.

-- A data-use agreement between a clinic and one named recipient (a researcher), in force from
-- start_date to end_date inclusive. Recorded by the clinic's administrators; voided, never deleted.
CREATE TABLE data_use_agreement (
    clinic_id    uuid        NOT NULL REFERENCES clinic (id),
    id           uuid        NOT NULL,
    recipient_id uuid        NOT NULL REFERENCES app_user (id),
    title        text        NOT NULL,
    purpose      text        NOT NULL,
    start_date   date        NOT NULL,
    end_date     date        NOT NULL,
    reference    text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   uuid        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   uuid        NOT NULL,
    version      integer     NOT NULL DEFAULT 0,
    voided       boolean     NOT NULL DEFAULT false,
    void_reason  text,
    voided_at    timestamptz,
    voided_by    uuid,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE data_use_agreement
    ADD CONSTRAINT data_use_agreement_period CHECK (end_date >= start_date);
ALTER TABLE data_use_agreement
    ADD CONSTRAINT data_use_agreement_title_length CHECK (char_length(title) BETWEEN 1 AND 200);
ALTER TABLE data_use_agreement
    ADD CONSTRAINT data_use_agreement_purpose_length CHECK (char_length(purpose) BETWEEN 1 AND 2000);
ALTER TABLE data_use_agreement
    ADD CONSTRAINT data_use_agreement_reference_length CHECK (char_length(reference) <= 200);
CREATE INDEX data_use_agreement_recipient_idx ON data_use_agreement (clinic_id, recipient_id);

ALTER TABLE data_use_agreement ENABLE ROW LEVEL SECURITY;
CREATE POLICY data_use_agreement_clinic_scope ON data_use_agreement
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));

-- One row per patient with a completed procedure: the identifiers the export must remove (read
-- only to scrub free text and to derive what replaces them), the index procedure date (the
-- patient's first completed procedure) and current consent from patient_consent_status (V19).
CREATE VIEW research_patient WITH (security_invoker = true) AS
SELECT pt.clinic_id,
       pt.id           AS patient_id,
       pt.mrn,
       pt.given_name,
       pt.family_name,
       pt.email,
       pt.phone,
       pt.birth_date,
       pt.sex,
       pt.postal_code,
       idx.index_date,
       cs.registry_current,
       cs.research_current
FROM patient pt
JOIN patient_consent_status cs ON cs.clinic_id = pt.clinic_id AND cs.patient_id = pt.id
CROSS JOIN LATERAL (
    SELECT min(p.procedure_date) AS index_date
    FROM procedure p
    WHERE p.clinic_id = pt.clinic_id AND p.patient_id = pt.id AND p.status = 'COMPLETED' AND NOT p.voided
) idx
WHERE NOT pt.voided AND idx.index_date IS NOT NULL;

CREATE VIEW research_medication WITH (security_invoker = true) AS
SELECT m.clinic_id, m.patient_id, m.id AS medication_id, m.drug, m.dose, m.unit, m.route, m.frequency_per_day,
       m.start_date, m.stop_date, m.source, m.mme_per_day
FROM medication_statement m
WHERE NOT m.voided;

CREATE VIEW research_adverse_event WITH (security_invoker = true) AS
SELECT a.clinic_id, a.patient_id, a.id AS adverse_event_id, a.procedure_id AS episode_id, a.onset_date,
       a.description, a.category, a.grade, array_to_string(a.serious, ' ') AS serious, a.death_date,
       a.relatedness_procedure, a.relatedness_product, a.expected, a.outcome, a.resolution_date, a.reporter
FROM adverse_event a
WHERE NOT a.voided;

CREATE VIEW research_intervention WITH (security_invoker = true) AS
SELECT i.clinic_id, i.patient_id, i.id AS intervention_id, i.procedure_id AS episode_id, i.type, i.date, i.level
FROM intervention i
WHERE NOT i.voided;

GRANT SELECT, INSERT, UPDATE ON data_use_agreement TO ${app_role};
GRANT SELECT ON research_patient, research_medication, research_adverse_event, research_intervention TO ${app_role};
