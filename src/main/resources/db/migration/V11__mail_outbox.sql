-- The e-mail outbox of survey invitations and reminders. A row says that a message is to be sent
-- (or was sent) for a follow-up; it holds neither the recipient's address nor the survey token:
-- the message is composed when it is sent, with a fresh survey link, and exists only in the e-mail.

CREATE TABLE mail_outbox (
    clinic_id        uuid        NOT NULL REFERENCES clinic (id),
    id               uuid        NOT NULL,
    patient_id       uuid        NOT NULL,
    follow_up_id     uuid        NOT NULL,
    kind             text        NOT NULL,
    -- 0 for the invitation, 1, 2 ... for the reminders that follow it.
    sequence         integer     NOT NULL,
    status           text        NOT NULL DEFAULT 'PENDING',
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    -- The kind of failure only (an exception class), never a server reply that could quote the address.
    last_error       text,
    sent_at          timestamptz,
    cancel_reason    text,
    cancelled_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       uuid        NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE mail_outbox
    ADD CONSTRAINT mail_outbox_follow_up_fk FOREIGN KEY (clinic_id, follow_up_id) REFERENCES follow_up (clinic_id, id);
ALTER TABLE mail_outbox
    ADD CONSTRAINT mail_outbox_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
-- Queuing is idempotent: two instances running the job cannot queue the same message twice.
ALTER TABLE mail_outbox
    ADD CONSTRAINT mail_outbox_once_per_sequence UNIQUE (clinic_id, follow_up_id, sequence);
ALTER TABLE mail_outbox
    ADD CONSTRAINT mail_outbox_kind_known CHECK ((kind = 'INVITATION' AND sequence = 0) OR (kind = 'REMINDER' AND sequence > 0));
ALTER TABLE mail_outbox
    ADD CONSTRAINT mail_outbox_status_known CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED'));
ALTER TABLE mail_outbox
    ADD CONSTRAINT mail_outbox_cancel_has_reason CHECK (status <> 'CANCELLED' OR cancel_reason IS NOT NULL);
ALTER TABLE mail_outbox
    ADD CONSTRAINT mail_outbox_attempts_positive CHECK (attempts >= 0);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (clinic_id, status, next_attempt_at);

ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY mail_outbox_clinic_scope ON mail_outbox
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));

GRANT SELECT, INSERT, UPDATE ON mail_outbox TO ${app_role};
