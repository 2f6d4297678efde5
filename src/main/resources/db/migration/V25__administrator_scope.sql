-- The administrator model in the database (ADR 0016). An installation administrator is an
-- account with the ADMIN role and no clinic (the bootstrap "admin"); the system (nil user id) acts
-- as one during start-up tasks. A clinic administrator holds ADMIN and clinics, and may change only
-- the accounts whose clinics all lie within its own, give only its own clinics, and never change its
-- own roles or clinics. The application enforces this in its services; these policies make the
-- database refuse the same writes, so that a missing check in the application cannot hand one
-- clinic's administrator another clinic's accounts.
--
-- Reading stays open: signing in looks an account up before anybody is known, and staff lists join
-- accounts. The sign-in bookkeeping (failed sign-ins, lock-out, last sign-in) changes any account
-- whoever is signed in on the connection, even nobody, so it goes through the three SECURITY DEFINER
-- functions below, which touch only those columns.

-- Whether the signed-in user administers the whole installation.
CREATE FUNCTION acting_installation_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT current_user_id() = '00000000-0000-0000-0000-000000000000'::uuid
        OR (EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = current_user_id() AND r.role = 'ADMIN')
            AND NOT EXISTS (SELECT 1 FROM user_clinic c WHERE c.user_id = current_user_id()))
$$;

-- Whether the signed-in user is an administrator of the clinics in scope (ADMIN with clinics).
CREATE FUNCTION acting_clinic_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = current_user_id() AND r.role = 'ADMIN')
$$;

-- Whether none of the account's clinics lies outside the signed-in user's clinics.
CREATE FUNCTION account_within_scope(account uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT NOT EXISTS (SELECT 1 FROM user_clinic c
                       WHERE c.user_id = account AND NOT (c.clinic_id = ANY (clinic_scope())))
$$;

-- Whether the account has at least one clinic (an account without one is the installation's).
CREATE FUNCTION account_has_clinic(account uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM user_clinic c WHERE c.user_id = account)
$$;

-- Whether the signed-in user may change the account's row or second factor.
CREATE FUNCTION may_change_account(account uuid) RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT account = current_user_id()
        OR acting_installation_admin()
        OR (acting_clinic_admin() AND account_has_clinic(account) AND account_within_scope(account))
$$;

ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY app_user_read ON app_user FOR SELECT USING (true);
CREATE POLICY app_user_create ON app_user FOR INSERT
    WITH CHECK (acting_installation_admin() OR acting_clinic_admin());
CREATE POLICY app_user_change ON app_user FOR UPDATE
    USING (may_change_account(id)) WITH CHECK (may_change_account(id));

-- Clinics given to an account: only one's own clinics, only to an account within one's clinics,
-- never to oneself.
ALTER TABLE user_clinic ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_clinic_read ON user_clinic FOR SELECT USING (true);
CREATE POLICY user_clinic_grant ON user_clinic FOR INSERT
    WITH CHECK (user_id IS DISTINCT FROM current_user_id()
                AND (acting_installation_admin()
                     OR (acting_clinic_admin() AND clinic_id = ANY (clinic_scope())
                         AND account_within_scope(user_id))));
CREATE POLICY user_clinic_revoke ON user_clinic FOR DELETE
    USING (user_id IS DISTINCT FROM current_user_id()
           AND (acting_installation_admin()
                OR (acting_clinic_admin() AND clinic_id = ANY (clinic_scope()) AND account_within_scope(user_id))));

-- Roles: only to an account that has clinics, all within one's own, and never to oneself. Clinics
-- are written before roles, so a clinic administrator cannot give a role to a clinic-less account
-- (which would make an installation administrator of it).
ALTER TABLE user_role ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_role_read ON user_role FOR SELECT USING (true);
CREATE POLICY user_role_grant ON user_role FOR INSERT
    WITH CHECK (user_id IS DISTINCT FROM current_user_id()
                AND (acting_installation_admin()
                     OR (acting_clinic_admin() AND account_has_clinic(user_id) AND account_within_scope(user_id))));
CREATE POLICY user_role_revoke ON user_role FOR DELETE
    USING (user_id IS DISTINCT FROM current_user_id()
           AND (acting_installation_admin()
                OR (acting_clinic_admin() AND account_has_clinic(user_id) AND account_within_scope(user_id))));

-- A second factor is removed by its owner or by an administrator who may change the account.
ALTER TABLE user_mfa ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_mfa_read ON user_mfa FOR SELECT USING (true);
CREATE POLICY user_mfa_write ON user_mfa FOR INSERT WITH CHECK (true);
CREATE POLICY user_mfa_update ON user_mfa FOR UPDATE USING (true);
CREATE POLICY user_mfa_remove ON user_mfa FOR DELETE USING (may_change_account(user_id));
ALTER TABLE user_recovery_code ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_recovery_code_read ON user_recovery_code FOR SELECT USING (true);
CREATE POLICY user_recovery_code_write ON user_recovery_code FOR INSERT WITH CHECK (true);
CREATE POLICY user_recovery_code_update ON user_recovery_code FOR UPDATE USING (true);
CREATE POLICY user_recovery_code_remove ON user_recovery_code FOR DELETE USING (may_change_account(user_id));

-- Clinics: created by an installation administrator, changed by one or by the clinic's administrator.
ALTER TABLE clinic ENABLE ROW LEVEL SECURITY;
CREATE POLICY clinic_read ON clinic FOR SELECT USING (true);
CREATE POLICY clinic_create ON clinic FOR INSERT WITH CHECK (acting_installation_admin());
CREATE POLICY clinic_change ON clinic FOR UPDATE
    USING (acting_installation_admin() OR (acting_clinic_admin() AND id = ANY (clinic_scope())))
    WITH CHECK (acting_installation_admin() OR (acting_clinic_admin() AND id = ANY (clinic_scope())));

-- Sign-in bookkeeping, for whoever signs in (see above). Each returns the number of accounts changed.
CREATE FUNCTION record_failed_login(p_username text, p_max integer, p_lock_seconds double precision)
    RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    WITH changed AS (
        UPDATE app_user SET failed_logins = failed_logins + 1,
               locked_until = CASE WHEN failed_logins + 1 >= p_max
                                   THEN now() + make_interval(secs => p_lock_seconds) ELSE locked_until END
        WHERE lower(username) = lower(p_username)
        RETURNING 1)
    SELECT count(*)::integer FROM changed
$$;

CREATE FUNCTION record_successful_login(p_user uuid) RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    WITH changed AS (
        UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = p_user
        RETURNING 1)
    SELECT count(*)::integer FROM changed
$$;

CREATE FUNCTION lock_account(p_user uuid, p_lock_seconds double precision) RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    WITH changed AS (
        UPDATE app_user SET locked_until = now() + make_interval(secs => p_lock_seconds) WHERE id = p_user
        RETURNING 1)
    SELECT count(*)::integer FROM changed
$$;

GRANT EXECUTE ON FUNCTION record_failed_login(text, integer, double precision), record_successful_login(uuid),
    lock_account(uuid, double precision) TO ${app_role};
GRANT EXECUTE ON FUNCTION acting_installation_admin(), acting_clinic_admin(), account_within_scope(uuid),
    account_has_clinic(uuid), may_change_account(uuid) TO ${app_role};
