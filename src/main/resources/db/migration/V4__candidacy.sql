-- Candidacy screening: the rule sets clinics publish (versioned, never changed in place) and every
-- screening decision with the inputs it was made from, so each decision can be explained later
-- exactly as it was made.

CREATE TABLE candidacy_rule_set (
    clinic_id  uuid        NOT NULL REFERENCES clinic (id),
    version    integer     NOT NULL,
    name       text        NOT NULL,
    rules      jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid        NOT NULL,
    PRIMARY KEY (clinic_id, version)
);
ALTER TABLE candidacy_rule_set ENABLE ROW LEVEL SECURITY;
CREATE POLICY candidacy_rule_set_clinic_scope ON candidacy_rule_set
    USING (clinic_id = ANY (clinic_scope()))
    WITH CHECK (clinic_id = ANY (clinic_scope()));

CREATE TABLE candidacy_assessment (
    clinic_id         uuid        NOT NULL,
    id                uuid        NOT NULL,
    patient_id        uuid        NOT NULL,
    checklist         jsonb       NOT NULL,
    inputs            jsonb       NOT NULL,
    decision          text        NOT NULL,
    reasons           jsonb       NOT NULL,
    rule_set_name     text        NOT NULL,
    rule_set_version  integer     NOT NULL,
    rule_set_source   text        NOT NULL,
    assessed_at       timestamptz NOT NULL DEFAULT now(),
    assessed_by       uuid        NOT NULL,
    override_decision text,
    override_reason   text,
    overridden_at     timestamptz,
    overridden_by     uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        uuid        NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    updated_by        uuid        NOT NULL,
    version           integer     NOT NULL DEFAULT 0,
    voided            boolean     NOT NULL DEFAULT false,
    void_reason       text,
    voided_at         timestamptz,
    voided_by         uuid,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE candidacy_assessment
    ADD CONSTRAINT candidacy_assessment_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE candidacy_assessment
    ADD CONSTRAINT candidacy_assessment_decision_known CHECK (decision IN ('ELIGIBLE', 'NOT_ELIGIBLE', 'REFER'));
ALTER TABLE candidacy_assessment
    ADD CONSTRAINT candidacy_assessment_override_known
        CHECK (override_decision IS NULL OR override_decision IN ('ELIGIBLE', 'NOT_ELIGIBLE', 'REFER'));
ALTER TABLE candidacy_assessment
    ADD CONSTRAINT candidacy_assessment_source_known CHECK (rule_set_source IN ('DEFAULT', 'CLINIC'));
CREATE INDEX candidacy_assessment_patient_idx ON candidacy_assessment (clinic_id, patient_id, assessed_at DESC);
ALTER TABLE candidacy_assessment ENABLE ROW LEVEL SECURITY;
CREATE POLICY candidacy_assessment_clinic_scope ON candidacy_assessment
    USING (clinic_id = ANY (clinic_scope()))
    WITH CHECK (clinic_id = ANY (clinic_scope()));

GRANT SELECT, INSERT ON candidacy_rule_set TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON candidacy_assessment TO ${app_role};
