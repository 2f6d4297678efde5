-- Cell products from donor or patient to needle. A product row holds its current state; every
-- step of its life (harvest, processing, quality control, custody, classification, release) is an
-- append-only product_event, which is the lineage shown to the lab and to inspectors.

-- Donors of allogeneic products, with their eligibility screening (21 CFR 1271 subpart C).
CREATE TABLE donor (
    clinic_id            uuid        NOT NULL REFERENCES clinic (id),
    id                   uuid        NOT NULL,
    code                 text        NOT NULL,
    relation             text        NOT NULL,
    recipient_patient_id uuid,
    screening            jsonb       NOT NULL DEFAULT '[]',
    determination        text        NOT NULL DEFAULT 'PENDING',
    reviewed_by          uuid,
    reviewed_by_name     text,
    reviewed_at          timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    created_by           uuid        NOT NULL,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    updated_by           uuid        NOT NULL,
    version              integer     NOT NULL DEFAULT 0,
    voided               boolean     NOT NULL DEFAULT false,
    void_reason          text,
    voided_at            timestamptz,
    voided_by            uuid,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE donor
    ADD CONSTRAINT donor_code_uq UNIQUE (clinic_id, code);
ALTER TABLE donor
    ADD CONSTRAINT donor_relation_known CHECK (relation IN ('FIRST_DEGREE', 'SECOND_DEGREE', 'UNRELATED'));
ALTER TABLE donor
    ADD CONSTRAINT donor_determination_known CHECK (determination IN ('PENDING', 'ELIGIBLE', 'INELIGIBLE'));
ALTER TABLE donor
    ADD CONSTRAINT donor_recipient_fk FOREIGN KEY (clinic_id, recipient_patient_id) REFERENCES patient (clinic_id, id);

-- The last DIN sequence number a clinic used in a year.
CREATE TABLE din_sequence (
    clinic_id uuid    NOT NULL REFERENCES clinic (id),
    year      integer NOT NULL,
    last      bigint  NOT NULL,
    PRIMARY KEY (clinic_id, year)
);

CREATE TABLE cell_product (
    clinic_id              uuid        NOT NULL REFERENCES clinic (id),
    id                     uuid        NOT NULL,
    din                    text        NOT NULL,
    origin                 text        NOT NULL,
    patient_id             uuid,
    donor_id               uuid,
    recipient_patient_id   uuid,
    source_type            text        NOT NULL,
    tissue                 text        NOT NULL,
    intended_use           text        NOT NULL,
    route                  text        NOT NULL,
    same_surgical_procedure boolean    NOT NULL,
    additives              text[]      NOT NULL DEFAULT '{}',
    state                  text        NOT NULL,
    volume_ml              numeric(8, 2),
    expires_at             timestamptz,
    storage_location       text,
    storage_temperature    text,
    ind_number             text,
    pathway                text,
    classification         jsonb,
    classification_confirmed_by uuid,
    classification_confirmed_at timestamptz,
    release_signature_id   uuid,
    created_at             timestamptz NOT NULL DEFAULT now(),
    created_by             uuid        NOT NULL,
    updated_at             timestamptz NOT NULL DEFAULT now(),
    updated_by             uuid        NOT NULL,
    version                integer     NOT NULL DEFAULT 0,
    voided                 boolean     NOT NULL DEFAULT false,
    void_reason            text,
    voided_at              timestamptz,
    voided_by              uuid,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE cell_product
    ADD CONSTRAINT cell_product_din_uq UNIQUE (clinic_id, din);
ALTER TABLE cell_product
    ADD CONSTRAINT cell_product_origin_known CHECK (origin IN ('AUTOLOGOUS', 'ALLOGENEIC'));
ALTER TABLE cell_product
    ADD CONSTRAINT cell_product_source CHECK ((origin = 'AUTOLOGOUS' AND patient_id IS NOT NULL AND donor_id IS NULL)
        OR (origin = 'ALLOGENEIC' AND donor_id IS NOT NULL AND patient_id IS NULL));
ALTER TABLE cell_product
    ADD CONSTRAINT cell_product_state_known CHECK (state IN ('COLLECTED', 'IN_PROCESSING', 'QUARANTINE', 'RELEASED',
        'ISSUED', 'ADMINISTERED', 'DISCARDED', 'EXPIRED'));
ALTER TABLE cell_product
    ADD CONSTRAINT cell_product_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE cell_product
    ADD CONSTRAINT cell_product_recipient_fk FOREIGN KEY (clinic_id, recipient_patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE cell_product
    ADD CONSTRAINT cell_product_donor_fk FOREIGN KEY (clinic_id, donor_id) REFERENCES donor (clinic_id, id);
CREATE INDEX cell_product_state_idx ON cell_product (clinic_id, state);
CREATE INDEX cell_product_patient_idx ON cell_product (clinic_id, patient_id);

CREATE TABLE product_event (
    clinic_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    product_id       uuid        NOT NULL,
    kind             text        NOT NULL,
    occurred_at      timestamptz NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    recorded_by      uuid        NOT NULL,
    recorded_by_name text        NOT NULL,
    data             jsonb       NOT NULL,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE product_event
    ADD CONSTRAINT product_event_product_fk FOREIGN KEY (clinic_id, product_id) REFERENCES cell_product (clinic_id, id);
ALTER TABLE product_event
    ADD CONSTRAINT product_event_kind_known CHECK (kind IN ('HARVEST', 'PROCESSING_STEP', 'QC_RESULT', 'CUSTODY',
        'STATE_CHANGE', 'CLASSIFICATION', 'RELEASE'));
CREATE INDEX product_event_product_idx ON product_event (clinic_id, product_id, occurred_at);

-- Electronic signatures (21 CFR Part 11): printed name, time and meaning, bound to the SHA-256 of
-- the signed content. Reused by every record that is signed (product release, later data lock).
CREATE TABLE e_signature (
    clinic_id    uuid        NOT NULL REFERENCES clinic (id),
    id           uuid        NOT NULL,
    entity_type  text        NOT NULL,
    entity_id    text        NOT NULL,
    signer_id    uuid        NOT NULL,
    signer_name  text        NOT NULL,
    meaning      text        NOT NULL,
    signed_at    timestamptz NOT NULL DEFAULT now(),
    content_hash text        NOT NULL,
    PRIMARY KEY (clinic_id, id)
);
CREATE INDEX e_signature_entity_idx ON e_signature (clinic_id, entity_type, entity_id);

ALTER TABLE donor ENABLE ROW LEVEL SECURITY;
CREATE POLICY donor_clinic_scope ON donor
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));
ALTER TABLE din_sequence ENABLE ROW LEVEL SECURITY;
CREATE POLICY din_sequence_clinic_scope ON din_sequence
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));
ALTER TABLE cell_product ENABLE ROW LEVEL SECURITY;
CREATE POLICY cell_product_clinic_scope ON cell_product
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));
ALTER TABLE product_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY product_event_clinic_scope ON product_event
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));
ALTER TABLE e_signature ENABLE ROW LEVEL SECURITY;
CREATE POLICY e_signature_clinic_scope ON e_signature
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));

GRANT SELECT, INSERT, UPDATE ON donor, din_sequence, cell_product TO ${app_role};
GRANT SELECT, INSERT ON product_event, e_signature TO ${app_role};
