-- Patient survey links: one active link per follow-up, sent to the patient, answered without
-- signing in. Only the SHA-256 of the token is stored; the token itself is shown once to staff.

CREATE TABLE survey_link (
    clinic_id     uuid        NOT NULL REFERENCES clinic (id),
    id            uuid        NOT NULL,
    follow_up_id  uuid        NOT NULL,
    patient_id    uuid        NOT NULL,
    token_hash    bytea       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    uuid        NOT NULL,
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE survey_link
    ADD CONSTRAINT survey_link_follow_up_fk FOREIGN KEY (clinic_id, follow_up_id) REFERENCES follow_up (clinic_id, id);
ALTER TABLE survey_link
    ADD CONSTRAINT survey_link_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE survey_link
    ADD CONSTRAINT survey_link_token_hash_unique UNIQUE (token_hash);
ALTER TABLE survey_link
    ADD CONSTRAINT survey_link_token_hash_length CHECK (octet_length(token_hash) = 32);
-- At most one link per follow-up is not revoked.
CREATE UNIQUE INDEX survey_link_one_active_idx ON survey_link (clinic_id, follow_up_id) WHERE revoked_at IS NULL;

ALTER TABLE survey_link ENABLE ROW LEVEL SECURITY;
CREATE POLICY survey_link_clinic_scope ON survey_link
    USING (clinic_id = ANY (clinic_scope())) WITH CHECK (clinic_id = ANY (clinic_scope()));

GRANT SELECT, INSERT, UPDATE ON survey_link TO ${app_role};

-- Resolves a token's hash before anybody is signed in and before any clinic is in scope. It runs
-- as the schema owner (so row-level security does not hide the row) but answers only for the one
-- hash given and returns only what is needed to scope the rest of the request.
CREATE FUNCTION survey_link_resolve(p_token_hash bytea)
    RETURNS TABLE (clinic_id uuid, follow_up_id uuid, patient_id uuid, expires_at timestamptz, revoked_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public
AS $$
    SELECT l.clinic_id, l.follow_up_id, l.patient_id, l.expires_at, l.revoked_at
      FROM survey_link l
     WHERE l.token_hash = p_token_hash
$$;
REVOKE ALL ON FUNCTION survey_link_resolve(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION survey_link_resolve(bytea) TO ${app_role};
