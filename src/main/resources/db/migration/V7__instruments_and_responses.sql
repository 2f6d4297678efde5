-- Outcome instruments and what patients answer on them.
--
-- instrument is a reference table (no clinic_id, like icd10_code): the definitions are FHIR R4
-- Questionnaire JSON with SpineCell's scoring extension. Licensed item text and scoring tables
-- (PROMIS T-score tables, EQ-5D value sets) are never shipped; an administrator loads them into
-- item_text and scoring_table. A definition is never changed in place: a new version is a new row,
-- so every stored response keeps pointing at the exact definition it was scored with.

CREATE TABLE instrument (
    id            text        NOT NULL,
    version       text        NOT NULL,
    title         text        NOT NULL,
    method        text        NOT NULL,
    definition    jsonb       NOT NULL,
    licence_note  text        NOT NULL,
    text_licensed boolean     NOT NULL,
    text_loaded   boolean     NOT NULL DEFAULT false,
    item_text     jsonb,
    scoring_table jsonb,
    source        text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    uuid        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    uuid        NOT NULL,
    PRIMARY KEY (id, version)
);
ALTER TABLE instrument
    ADD CONSTRAINT instrument_method_known
        CHECK (method IN ('SINGLE_ITEM', 'SUM', 'ODI_PERCENT', 'COUNT_TRUE', 'PROMIS_T_SCORE', 'EQ5D_INDEX', 'NO_SCORE'));
ALTER TABLE instrument
    ADD CONSTRAINT instrument_source_known CHECK (source IN ('SHIPPED', 'IMPORTED'));

-- One completed questionnaire. answers holds every item of the definition (null where skipped).
-- follow_up_id names the scheduled follow-up the answers belong to; the follow-up table comes in a
-- later migration, which adds the foreign key (clinic_id, follow_up_id). answers_hash makes a
-- resubmission of the same answers for the same follow-up recognisable.
CREATE TABLE instrument_response (
    clinic_id          uuid        NOT NULL,
    id                 uuid        NOT NULL,
    patient_id         uuid        NOT NULL,
    follow_up_id       uuid,
    instrument_id      text        NOT NULL,
    instrument_version text        NOT NULL,
    answers            jsonb       NOT NULL,
    components         jsonb       NOT NULL,
    score              numeric,
    valid              boolean     NOT NULL,
    invalid_reason     text,
    entered_by_staff   boolean     NOT NULL,
    entered_by         uuid,
    submitted_at       timestamptz NOT NULL DEFAULT now(),
    answers_hash       text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         uuid        NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    updated_by         uuid        NOT NULL,
    version            integer     NOT NULL DEFAULT 0,
    voided             boolean     NOT NULL DEFAULT false,
    void_reason        text,
    voided_at          timestamptz,
    voided_by          uuid,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE instrument_response
    ADD CONSTRAINT instrument_response_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE instrument_response
    ADD CONSTRAINT instrument_response_instrument_fk
        FOREIGN KEY (instrument_id, instrument_version) REFERENCES instrument (id, version);
ALTER TABLE instrument_response
    ADD CONSTRAINT instrument_response_reason_when_invalid CHECK (valid OR invalid_reason IS NOT NULL);
CREATE UNIQUE INDEX instrument_response_follow_up_uq
    ON instrument_response (clinic_id, patient_id, follow_up_id, instrument_id)
    WHERE follow_up_id IS NOT NULL AND NOT voided;
CREATE INDEX instrument_response_patient_idx ON instrument_response (clinic_id, patient_id, submitted_at);
ALTER TABLE instrument_response ENABLE ROW LEVEL SECURITY;
CREATE POLICY instrument_response_clinic_scope ON instrument_response
    USING (clinic_id = ANY (clinic_scope()))
    WITH CHECK (clinic_id = ANY (clinic_scope()));

-- One scored measure taken from a response (an ODI percentage, an NRS score, a PROMIS T-score),
-- shaped like a FHIR Observation so outcome curves and exports read one table.
CREATE TABLE observation (
    clinic_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    patient_id   uuid        NOT NULL,
    response_id  uuid        NOT NULL,
    code_system  text        NOT NULL,
    code         text        NOT NULL,
    measure      text        NOT NULL,
    value        numeric     NOT NULL,
    unit         text        NOT NULL,
    effective_at timestamptz NOT NULL,
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
ALTER TABLE observation
    ADD CONSTRAINT observation_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE observation
    ADD CONSTRAINT observation_response_fk FOREIGN KEY (clinic_id, response_id) REFERENCES instrument_response (clinic_id, id);
CREATE INDEX observation_patient_measure_idx ON observation (clinic_id, patient_id, measure, effective_at);
ALTER TABLE observation ENABLE ROW LEVEL SECURITY;
CREATE POLICY observation_clinic_scope ON observation
    USING (clinic_id = ANY (clinic_scope()))
    WITH CHECK (clinic_id = ANY (clinic_scope()));

GRANT SELECT, INSERT, UPDATE ON instrument TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON instrument_response TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON observation TO ${app_role};
