-- Verification also reports how many chains it checked (one per clinic, plus the chain of
-- clinic-less events such as account changes), so that the audit page can explain why it checked
-- more entries than the reader is shown: the other clinics' chains, and the clinic-less entries that
-- concern none of the reader's clinics. Otherwise as V23: counts only, and the first broken entry
-- located only in a chain the caller may read. The result type changes, so the function is replaced.
DROP FUNCTION audit_verify_all_chains();

CREATE FUNCTION audit_verify_all_chains()
    RETURNS TABLE (entries bigint, broken bigint, first_broken bigint, chains bigint)
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
                                             OR clinic_id = ANY (clinic_scope()))),
           count(DISTINCT clinic_id)
    FROM checked
$$;
REVOKE ALL ON FUNCTION audit_verify_all_chains() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_verify_all_chains() TO ${app_role};
