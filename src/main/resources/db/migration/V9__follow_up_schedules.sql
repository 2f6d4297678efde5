-- Follow-up schedules: one row per time point of a patient's outcome schedule after a procedure.
-- Only the decisions staff make are stored (COMPLETED, CANCELLED); whether a follow-up is
-- upcoming, due, overdue or missed follows from the dates and today's date, so no job updates it.

CREATE TABLE follow_up (
    clinic_id      uuid        NOT NULL REFERENCES clinic (id),
    id             uuid        NOT NULL,
    patient_id     uuid        NOT NULL,
    procedure_id   uuid        NOT NULL,
    time_point     text        NOT NULL,
    due_date       date        NOT NULL,
    window_start   date        NOT NULL,
    window_end     date        NOT NULL,
    instruments    text[]      NOT NULL,
    status         text,
    completed_at   timestamptz,
    completed_by   uuid,
    cancel_reason  text,
    cancelled_at   timestamptz,
    cancelled_by   uuid,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     uuid        NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     uuid        NOT NULL,
    version        integer     NOT NULL DEFAULT 0,
    voided         boolean     NOT NULL DEFAULT false,
    void_reason    text,
    voided_at      timestamptz,
    voided_by      uuid,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE follow_up
    ADD CONSTRAINT follow_up_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE follow_up
    ADD CONSTRAINT follow_up_procedure_fk FOREIGN KEY (clinic_id, procedure_id) REFERENCES procedure (clinic_id, id);
-- One follow-up per time point of a procedure: a repeated ProcedureCompleted event adds nothing.
ALTER TABLE follow_up
    ADD CONSTRAINT follow_up_once_per_time_point UNIQUE (clinic_id, procedure_id, time_point);
ALTER TABLE follow_up
    ADD CONSTRAINT follow_up_status_known CHECK (status IS NULL OR status IN ('COMPLETED', 'CANCELLED'));
ALTER TABLE follow_up
    ADD CONSTRAINT follow_up_window_ordered CHECK (window_start <= due_date AND due_date <= window_end);
ALTER TABLE follow_up
    ADD CONSTRAINT follow_up_cancel_has_reason CHECK (status IS DISTINCT FROM 'CANCELLED' OR cancel_reason IS NOT NULL);
CREATE INDEX follow_up_patient_idx ON follow_up (clinic_id, patient_id, due_date);
CREATE INDEX follow_up_window_idx ON follow_up (clinic_id, window_start, window_end);

ALTER TABLE follow_up ENABLE ROW LEVEL SECURITY;
CREATE POLICY follow_up_clinic_scope ON follow_up
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));

GRANT SELECT, INSERT, UPDATE ON follow_up TO ${app_role};
