-- Second factor for staff sign-in (TOTP, RFC 6238) and its single-use recovery codes.
-- Account tables belong to no clinic (like app_user), so they carry no clinic_id and no RLS policy.
-- The TOTP secret is encrypted by the application (AES-GCM, server key); recovery codes are kept
-- only as SHA-256 hashes of high-entropy codes.
CREATE TABLE user_mfa (
    user_id        uuid        PRIMARY KEY REFERENCES app_user (id),
    secret_enc     bytea       NOT NULL,
    -- NULL while the enrolment waits for its first code.
    confirmed_at   timestamptz,
    -- The last TOTP time step accepted: a code of this step or an earlier one is refused (replay).
    last_used_step bigint      NOT NULL DEFAULT 0,
    failed_codes   integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_recovery_code (
    user_id   uuid        NOT NULL REFERENCES app_user (id),
    code_hash bytea       NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON user_mfa, user_recovery_code TO ${app_role};
