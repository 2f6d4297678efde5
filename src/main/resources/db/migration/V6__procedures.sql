-- Procedures: the image-guided injection of cell products, the units used with their delivered
-- dose per level, and the care plans (physical therapy and other adjuncts) around it.

CREATE TABLE procedure (
    clinic_id               uuid        NOT NULL REFERENCES clinic (id),
    id                      uuid        NOT NULL,
    patient_id              uuid        NOT NULL,
    procedure_date          date        NOT NULL,
    started_at              timestamptz,
    ended_at                timestamptz,
    setting                 text        NOT NULL DEFAULT 'OUTPATIENT',
    operator_id             uuid        NOT NULL,
    operator_name           text        NOT NULL,
    target                  text        NOT NULL,
    levels                  text[]      NOT NULL,
    side                    text,
    approach                text,
    guidance                text        NOT NULL,
    placement_confirmed     boolean     NOT NULL,
    contrast_pattern        text,
    needle_tip_confirmed    boolean,
    adjuncts                text[]      NOT NULL DEFAULT '{}',
    anaesthesia             text,
    immediate_complications text,
    discharged_at           timestamptz,
    levels_confirmed        boolean     NOT NULL DEFAULT false,
    status                  text        NOT NULL DEFAULT 'DRAFT',
    time_out                jsonb,
    completed_at            timestamptz,
    completed_by            uuid,
    created_at              timestamptz NOT NULL DEFAULT now(),
    created_by              uuid        NOT NULL,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    updated_by              uuid        NOT NULL,
    version                 integer     NOT NULL DEFAULT 0,
    voided                  boolean     NOT NULL DEFAULT false,
    void_reason             text,
    voided_at               timestamptz,
    voided_by               uuid,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE procedure
    ADD CONSTRAINT procedure_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE procedure
    ADD CONSTRAINT procedure_status_known CHECK (status IN ('DRAFT', 'COMPLETED'));
CREATE INDEX procedure_patient_idx ON procedure (clinic_id, patient_id, procedure_date);

CREATE TABLE procedure_unit (
    clinic_id    uuid          NOT NULL,
    id           uuid          NOT NULL,
    procedure_id uuid          NOT NULL,
    product_id   uuid          NOT NULL,
    level        text          NOT NULL,
    volume_ml    numeric(6, 2) NOT NULL,
    viable_cells numeric(14, 2),
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE procedure_unit
    ADD CONSTRAINT procedure_unit_procedure_fk FOREIGN KEY (clinic_id, procedure_id) REFERENCES procedure (clinic_id, id);
ALTER TABLE procedure_unit
    ADD CONSTRAINT procedure_unit_product_fk FOREIGN KEY (clinic_id, product_id) REFERENCES cell_product (clinic_id, id);
CREATE INDEX procedure_unit_procedure_idx ON procedure_unit (clinic_id, procedure_id);

CREATE TABLE care_plan (
    clinic_id          uuid        NOT NULL,
    id                 uuid        NOT NULL,
    patient_id         uuid        NOT NULL,
    procedure_id       uuid,
    kind               text        NOT NULL,
    description        text        NOT NULL,
    goals              text,
    planned_sessions   integer,
    sessions_per_week  numeric(4, 1),
    start_date         date        NOT NULL,
    end_date           date,
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
ALTER TABLE care_plan
    ADD CONSTRAINT care_plan_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE care_plan
    ADD CONSTRAINT care_plan_procedure_fk FOREIGN KEY (clinic_id, procedure_id) REFERENCES procedure (clinic_id, id);
ALTER TABLE care_plan
    ADD CONSTRAINT care_plan_kind_known
        CHECK (kind IN ('PHYSICAL_THERAPY', 'HOME_EXERCISE', 'ACTIVITY_RESTRICTION', 'OTHER'));

CREATE TABLE care_session (
    clinic_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    care_plan_id uuid        NOT NULL,
    session_date date        NOT NULL,
    attended     boolean     NOT NULL,
    adherence    text,
    note         text,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    recorded_by  uuid        NOT NULL,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE care_session
    ADD CONSTRAINT care_session_plan_fk FOREIGN KEY (clinic_id, care_plan_id) REFERENCES care_plan (clinic_id, id);
ALTER TABLE care_session
    ADD CONSTRAINT care_session_adherence_known CHECK (adherence IS NULL OR adherence IN ('FULL', 'PARTIAL', 'NONE'));

ALTER TABLE procedure ENABLE ROW LEVEL SECURITY;
CREATE POLICY procedure_clinic_scope ON procedure
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));
ALTER TABLE procedure_unit ENABLE ROW LEVEL SECURITY;
CREATE POLICY procedure_unit_clinic_scope ON procedure_unit
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));
ALTER TABLE care_plan ENABLE ROW LEVEL SECURITY;
CREATE POLICY care_plan_clinic_scope ON care_plan
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));
ALTER TABLE care_session ENABLE ROW LEVEL SECURITY;
CREATE POLICY care_session_clinic_scope ON care_session
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));

GRANT SELECT, INSERT, UPDATE ON procedure, procedure_unit, care_plan TO ${app_role};
GRANT SELECT, INSERT ON care_session TO ${app_role};
