-- Verifying the audit trail is a matter of integrity, not disclosure: every chain is checked,
-- including the chains of clinics the caller cannot read. The function runs as the schema owner
-- (so row-level security does not hide rows from it) and answers only with counts, plus the id
-- of the first broken entry when that entry is in a chain the caller may read (the caller's
-- clinics or the global chain); a break elsewhere is counted but not located.
CREATE FUNCTION audit_verify_all_chains()
    RETURNS TABLE (entries bigint, broken bigint, first_broken bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    WITH checked AS (
        SELECT id, clinic_id,
               hash = audit_entry_hash(prev_hash, clinic_id, seq, occurred_at, actor_id, actor_username,
                                       action, entity_type, entity_id, changes, reason, remote_addr)
               AND prev_hash = coalesce(lag(hash) OVER chain, '')
               AND seq = coalesce(lag(seq) OVER chain, 0) + 1 AS ok
        FROM audit_event
        WINDOW chain AS (PARTITION BY clinic_id ORDER BY seq)
    )
    SELECT count(*),
           count(*) FILTER (WHERE NOT ok),
           min(id) FILTER (WHERE NOT ok AND (clinic_id = '00000000-0000-0000-0000-000000000000'
                                             OR clinic_id = ANY (clinic_scope())))
    FROM checked
$$;
REVOKE ALL ON FUNCTION audit_verify_all_chains() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_verify_all_chains() TO ${app_role};
