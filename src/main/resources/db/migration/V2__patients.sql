-- Patients: the first clinical table. Like every clinical table it carries clinic_id in its
-- primary key and unique constraints (Citus co-location), audit columns, void columns instead of
-- deletes, and a row-level security policy on the per-transaction clinic scope.

CREATE TABLE patient (
    clinic_id          uuid        NOT NULL REFERENCES clinic (id),
    id                 uuid        NOT NULL,
    mrn                text        NOT NULL,
    given_name         text        NOT NULL,
    family_name        text        NOT NULL,
    birth_date         date        NOT NULL,
    sex                text        NOT NULL,
    postal_code        text,
    email              text,
    phone              text,
    preferred_language text        NOT NULL DEFAULT 'en',
    voided             boolean     NOT NULL DEFAULT false,
    void_reason        text,
    voided_at          timestamptz,
    voided_by          uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         uuid        NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    updated_by         uuid        NOT NULL,
    version            integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE patient
    ADD CONSTRAINT patient_mrn_uq UNIQUE (clinic_id, mrn);
ALTER TABLE patient
    ADD CONSTRAINT patient_sex_known CHECK (sex IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN'));
CREATE UNIQUE INDEX patient_id_uq ON patient (id, clinic_id);
CREATE INDEX patient_family_name_idx ON patient (clinic_id, lower(family_name), lower(given_name));

ALTER TABLE patient ENABLE ROW LEVEL SECURITY;
CREATE POLICY patient_clinic_scope ON patient
    USING (clinic_id = ANY (clinic_scope()))
    WITH CHECK (clinic_id = ANY (clinic_scope()));

GRANT SELECT, INSERT, UPDATE ON patient TO ${app_role};
