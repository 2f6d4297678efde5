-- Follow-up safety and utilisation records: medication statements (with the opioid dose converted
-- to morphine milligram equivalents when recorded), adverse events, the safety reporting tasks that
-- serious events open, and later interventions (surgery or a repeat injection, the failure end
-- point). The clinical-table rules of V2 apply: clinic_id leads every primary and foreign key,
-- audit and void columns instead of deletes, row-level security on the per-transaction clinic
-- scope, no triggers (the application writes the audit entries in the same transaction), and
-- ADD CONSTRAINT as statements of their own.

-- What the patient takes. mme_factor and mme_per_day are fixed when the statement is recorded, from
-- the conversion table shipped at that time, so a later change of the table does not silently
-- rewrite history; mme_note says why there is no MME (not an opioid, excluded, route not covered).
CREATE TABLE medication_statement (
    clinic_id         uuid          NOT NULL,
    id                uuid          NOT NULL,
    patient_id        uuid          NOT NULL,
    drug              text          NOT NULL,
    dose              numeric(12,3) NOT NULL,
    unit              text          NOT NULL,
    route             text          NOT NULL,
    frequency_per_day numeric(6,3),
    start_date        date          NOT NULL,
    stop_date         date,
    source            text          NOT NULL,
    mme_factor        numeric(8,3),
    mme_per_day       numeric(12,2),
    mme_note          text,
    voided            boolean       NOT NULL DEFAULT false,
    void_reason       text,
    voided_at         timestamptz,
    voided_by         uuid,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    created_by        uuid          NOT NULL,
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    updated_by        uuid          NOT NULL,
    version           integer       NOT NULL DEFAULT 0,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE medication_statement
    ADD CONSTRAINT medication_statement_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE medication_statement
    ADD CONSTRAINT medication_statement_dose_positive CHECK (dose > 0);
ALTER TABLE medication_statement
    ADD CONSTRAINT medication_statement_frequency_range CHECK (frequency_per_day > 0 AND frequency_per_day <= 48);
ALTER TABLE medication_statement
    ADD CONSTRAINT medication_statement_route_known
        CHECK (route IN ('ORAL', 'TRANSDERMAL', 'SUBLINGUAL', 'BUCCAL', 'INTRANASAL', 'RECTAL', 'INTRAVENOUS',
                         'INTRAMUSCULAR', 'SUBCUTANEOUS', 'TOPICAL', 'OTHER'));
ALTER TABLE medication_statement
    ADD CONSTRAINT medication_statement_source_known CHECK (source IN ('STAFF', 'PATIENT'));
ALTER TABLE medication_statement
    ADD CONSTRAINT medication_statement_dates_ordered CHECK (stop_date IS NULL OR stop_date >= start_date);
ALTER TABLE medication_statement
    ADD CONSTRAINT medication_statement_drug_length CHECK (char_length(drug) <= 200);
CREATE INDEX medication_statement_patient_idx ON medication_statement (clinic_id, patient_id, start_date);

ALTER TABLE medication_statement ENABLE ROW LEVEL SECURITY;
CREATE POLICY medication_statement_clinic_scope ON medication_statement
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));

-- Adverse events, graded by CTCAE v5, with the seriousness criteria of 21 CFR 312.32(a).
-- description is free text stored exactly as entered; pages escape it when they render it.
CREATE TABLE adverse_event (
    clinic_id             uuid        NOT NULL,
    id                    uuid        NOT NULL,
    patient_id            uuid        NOT NULL,
    procedure_id          uuid,
    product_id            uuid,
    onset_date            date        NOT NULL,
    awareness_date        date        NOT NULL,
    description           text        NOT NULL,
    category              text        NOT NULL,
    grade                 smallint    NOT NULL,
    serious               text[]      NOT NULL,
    death_date            date,
    relatedness_procedure text,
    relatedness_product   text,
    expected              boolean     NOT NULL,
    action                text,
    outcome               text        NOT NULL,
    resolution_date       date,
    reporter              text        NOT NULL,
    reviewed_at           timestamptz,
    reviewed_by           uuid,
    review_note           text,
    voided                boolean     NOT NULL DEFAULT false,
    void_reason           text,
    voided_at             timestamptz,
    voided_by             uuid,
    created_at            timestamptz NOT NULL DEFAULT now(),
    created_by            uuid        NOT NULL,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    updated_by            uuid        NOT NULL,
    version               integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_procedure_fk FOREIGN KEY (clinic_id, procedure_id) REFERENCES procedure (clinic_id, id);
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_product_fk FOREIGN KEY (clinic_id, product_id) REFERENCES cell_product (clinic_id, id);
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_grade_range CHECK (grade BETWEEN 1 AND 5);
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_serious_known
        CHECK (serious <@ ARRAY['DEATH', 'LIFE_THREATENING', 'HOSPITALISATION', 'PERSISTENT_DISABILITY',
                                'CONGENITAL_ANOMALY', 'IMPORTANT_MEDICAL_EVENT']::text[]);
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_relatedness_procedure_known
        CHECK (relatedness_procedure IN ('NOT_RELATED', 'UNLIKELY', 'POSSIBLE', 'PROBABLE', 'DEFINITE'));
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_relatedness_product_known
        CHECK (relatedness_product IN ('NOT_RELATED', 'UNLIKELY', 'POSSIBLE', 'PROBABLE', 'DEFINITE'));
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_outcome_known
        CHECK (outcome IN ('RECOVERED', 'RECOVERING', 'NOT_RECOVERED', 'RECOVERED_WITH_SEQUELAE', 'FATAL'));
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_reporter_known CHECK (reporter IN ('PATIENT', 'CLINICIAN'));
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_death_consistent
        CHECK ((grade = 5) = (outcome = 'FATAL') AND (grade = 5) = (death_date IS NOT NULL));
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_dates_ordered
        CHECK ((death_date IS NULL OR death_date >= onset_date)
               AND (resolution_date IS NULL OR resolution_date >= onset_date)
               AND awareness_date >= onset_date);
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_description_length CHECK (char_length(description) <= 4000);
CREATE INDEX adverse_event_patient_idx ON adverse_event (clinic_id, patient_id, onset_date);

ALTER TABLE adverse_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY adverse_event_clinic_scope ON adverse_event
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));

-- A report that a serious adverse event obliges the clinic to make, with its deadline (21 CFR
-- 312.32(c): 15 calendar days, 7 for an unexpected fatal or life-threatening suspected reaction to
-- an investigational product). rule records which deadline applied.
CREATE TABLE safety_task (
    clinic_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    adverse_event_id uuid        NOT NULL,
    patient_id       uuid        NOT NULL,
    rule             text        NOT NULL,
    awareness_date   date        NOT NULL,
    due_date         date        NOT NULL,
    status           text        NOT NULL DEFAULT 'OPEN',
    completed_at     timestamptz,
    completed_by     uuid,
    completion_note  text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       uuid        NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       uuid        NOT NULL,
    version          integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE safety_task
    ADD CONSTRAINT safety_task_event_fk FOREIGN KEY (clinic_id, adverse_event_id) REFERENCES adverse_event (clinic_id, id);
ALTER TABLE safety_task
    ADD CONSTRAINT safety_task_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE safety_task
    ADD CONSTRAINT safety_task_rule_known CHECK (rule IN ('SERIOUS_15_DAY', 'FATAL_OR_LIFE_THREATENING_7_DAY'));
ALTER TABLE safety_task
    ADD CONSTRAINT safety_task_status_known CHECK (status IN ('OPEN', 'COMPLETED'));
ALTER TABLE safety_task
    ADD CONSTRAINT safety_task_completion_consistent
        CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL AND completion_note IS NOT NULL));
CREATE INDEX safety_task_open_idx ON safety_task (clinic_id, due_date) WHERE status = 'OPEN';
CREATE INDEX safety_task_event_idx ON safety_task (clinic_id, adverse_event_id);

ALTER TABLE safety_task ENABLE ROW LEVEL SECURITY;
CREATE POLICY safety_task_clinic_scope ON safety_task
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));

-- Later interventions at the spine: surgery or a repeat injection, which end the treatment's
-- success for the registry's failure end point. level is a spinal level in canonical form.
CREATE TABLE intervention (
    clinic_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    patient_id   uuid        NOT NULL,
    type         text        NOT NULL,
    date         date        NOT NULL,
    level        text        NOT NULL,
    reason       text        NOT NULL,
    procedure_id uuid,
    voided       boolean     NOT NULL DEFAULT false,
    void_reason  text,
    voided_at    timestamptz,
    voided_by    uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   uuid        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   uuid        NOT NULL,
    version      integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE intervention
    ADD CONSTRAINT intervention_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE intervention
    ADD CONSTRAINT intervention_procedure_fk FOREIGN KEY (clinic_id, procedure_id) REFERENCES procedure (clinic_id, id);
ALTER TABLE intervention
    ADD CONSTRAINT intervention_type_known CHECK (type IN ('SURGERY', 'REPEAT_INJECTION'));
ALTER TABLE intervention
    ADD CONSTRAINT intervention_reason_length CHECK (char_length(reason) <= 2000);
CREATE INDEX intervention_patient_idx ON intervention (clinic_id, patient_id, date);

ALTER TABLE intervention ENABLE ROW LEVEL SECURITY;
CREATE POLICY intervention_clinic_scope ON intervention
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));

-- Clinical records are voided, never deleted.
GRANT SELECT, INSERT, UPDATE ON medication_statement, adverse_event, safety_task, intervention TO ${app_role};
