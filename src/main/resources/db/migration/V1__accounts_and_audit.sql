-- Foundation schema: clinics, accounts, API tokens and the audit trail.
-- Runs as the schema owner. The application role (${app_role}) owns nothing, so row-level
-- security applies to it, and it gets exactly the privileges granted below.

-- The clinics the signed-in user may see, from the per-transaction setting made with SET LOCAL.
-- Absent or empty setting: no clinic at all, so clinical rows stay invisible (fail closed).
CREATE FUNCTION clinic_scope() RETURNS uuid[]
    LANGUAGE sql STABLE
AS $$
    SELECT coalesce(string_to_array(nullif(current_setting('spinecell.clinic_ids', true), ''), ',')::uuid[],
                    '{}'::uuid[])
$$;

-- Clinics are a reference table (replicated to every node under Citus), so they carry no clinic_id.
CREATE TABLE clinic (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    city        text        NOT NULL,
    region      text,
    country     text        NOT NULL,
    fin         text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  uuid        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  uuid        NOT NULL,
    version     integer     NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX clinic_name_uq ON clinic (lower(name));
CREATE UNIQUE INDEX clinic_fin_uq ON clinic (fin) WHERE fin IS NOT NULL;

CREATE TABLE app_user (
    id                  uuid PRIMARY KEY,
    username            text        NOT NULL,
    display_name        text        NOT NULL,
    password_hash       text        NOT NULL,
    enabled             boolean     NOT NULL DEFAULT true,
    failed_logins       integer     NOT NULL DEFAULT 0,
    locked_until        timestamptz,
    last_login_at       timestamptz,
    password_changed_at timestamptz NOT NULL DEFAULT now(),
    created_at          timestamptz NOT NULL DEFAULT now(),
    created_by          uuid        NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    updated_by          uuid        NOT NULL,
    version             integer     NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX app_user_username_uq ON app_user (lower(username));

CREATE TABLE user_role (
    user_id uuid NOT NULL REFERENCES app_user (id),
    role    text NOT NULL,
    PRIMARY KEY (user_id, role)
);
ALTER TABLE user_role
    ADD CONSTRAINT user_role_known
        CHECK (role IN ('ADMIN', 'PHYSICIAN', 'COORDINATOR', 'LAB', 'RESEARCHER', 'AUDITOR'));

CREATE TABLE user_clinic (
    user_id   uuid NOT NULL REFERENCES app_user (id),
    clinic_id uuid NOT NULL REFERENCES clinic (id),
    PRIMARY KEY (user_id, clinic_id)
);

-- Bearer tokens for the API: only a SHA-256 hash of each token is kept.
CREATE TABLE api_token (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES app_user (id),
    token_hash  bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE UNIQUE INDEX api_token_hash_uq ON api_token (token_hash);
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- The audit trail: append-only, one hash chain per clinic plus a global chain (nil UUID) for
-- events that belong to no clinic, such as account changes. Entries are written by the
-- application in the same transaction as the change (no triggers: they do not distribute).
CREATE TABLE audit_event (
    id             bigint GENERATED ALWAYS AS IDENTITY,
    clinic_id      uuid        NOT NULL,
    seq            bigint      NOT NULL,
    occurred_at    timestamptz NOT NULL,
    actor_id       uuid        NOT NULL,
    actor_username text        NOT NULL,
    action         text        NOT NULL,
    entity_type    text        NOT NULL,
    entity_id      text        NOT NULL,
    changes        jsonb       NOT NULL,
    reason         text,
    remote_addr    text,
    prev_hash      text        NOT NULL,
    hash           text        NOT NULL,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE audit_event
    ADD CONSTRAINT audit_event_chain_uq UNIQUE (clinic_id, seq);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_username);

-- The hash of one entry, over the previous entry's hash and every recorded field. Text fields are
-- quoted so that NULL and '' differ; jsonb prints in a canonical form.
CREATE FUNCTION audit_entry_hash(prev_hash text, clinic_id uuid, seq bigint, occurred_at timestamptz,
                                 actor_id uuid, actor_username text, action text, entity_type text,
                                 entity_id text, changes jsonb, reason text, remote_addr text)
    RETURNS text
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT encode(sha256(convert_to(
        concat_ws('|', prev_hash, clinic_id::text, seq::text,
                  (extract(epoch FROM occurred_at) * 1000000)::bigint::text,
                  actor_id::text, quote_nullable(actor_username), quote_nullable(action),
                  quote_nullable(entity_type), quote_nullable(entity_id), changes::text,
                  quote_nullable(reason), quote_nullable(remote_addr)),
        'UTF8')), 'hex')
$$;

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_event_clinic_scope ON audit_event
    USING (clinic_id = '00000000-0000-0000-0000-000000000000' OR clinic_id = ANY (clinic_scope()))
    WITH CHECK (clinic_id = '00000000-0000-0000-0000-000000000000' OR clinic_id = ANY (clinic_scope()));

-- Privileges of the application role: no DDL anywhere, and the audit trail is insert-only.
GRANT SELECT, INSERT, UPDATE ON clinic, app_user, api_token TO ${app_role};
GRANT SELECT, INSERT, DELETE ON user_role, user_clinic TO ${app_role};
GRANT SELECT, INSERT ON audit_event TO ${app_role};
GRANT EXECUTE ON FUNCTION clinic_scope() TO ${app_role};
GRANT EXECUTE ON FUNCTION audit_entry_hash(text, uuid, bigint, timestamptz, uuid, text, text, text, text, jsonb, text, text) TO ${app_role};
