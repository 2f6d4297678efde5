package org.spinecell.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the audit trail. Hashes are computed and checked by PostgreSQL itself. */
@Repository
class AuditRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Appends to the entry's chain. A transaction-scoped advisory lock serialises writers of one
	 * chain, so sequence numbers and links never fork; other clinics' chains are not blocked.
	 */
	long append(AuditTrail.NewEntry entry) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:chain, 0))")
			.param("chain", "audit:" + entry.clinicId())
			.query((rs, i) -> 1)
			.list();
		return jdbc.sql("""
				WITH prev AS (
				    SELECT seq, hash FROM audit_event
				    WHERE clinic_id = :clinicId ORDER BY seq DESC LIMIT 1
				), entry AS (
				    SELECT :clinicId::uuid AS clinic_id, coalesce((SELECT seq FROM prev), 0) + 1 AS seq,
				           clock_timestamp() AS occurred_at, coalesce((SELECT hash FROM prev), '') AS prev_hash,
				           CAST(:changes AS jsonb) AS changes
				)
				INSERT INTO audit_event (clinic_id, seq, occurred_at, actor_id, actor_username, action, entity_type,
				                         entity_id, changes, reason, remote_addr, prev_hash, hash)
				SELECT e.clinic_id, e.seq, e.occurred_at, :actorId, :actorUsername, :action, :entityType, :entityId,
				       e.changes, :reason, :remoteAddr, e.prev_hash,
				       audit_entry_hash(e.prev_hash, e.clinic_id, e.seq, e.occurred_at, :actorId, :actorUsername,
				                        :action, :entityType, :entityId, e.changes, :reason, :remoteAddr)
				FROM entry e
				RETURNING id
				""")
			.param("clinicId", entry.clinicId())
			.param("changes", json.writeValueAsString(entry.changes()))
			.param("actorId", entry.actorId())
			.param("actorUsername", entry.actorUsername())
			.param("action", entry.action().name())
			.param("entityType", entry.entityType())
			.param("entityId", entry.entityId())
			.param("reason", entry.reason())
			.param("remoteAddr", entry.remoteAddr())
			.query(Long.class)
			.single();
	}

	/** A page of the entries {@code reader} may see (see {@link #VISIBLE}), newest first. */
	List<AuditEntry> search(AuditQuery query, UUID reader, int page, int size) {
		Filter filter = filter(query, reader);
		return jdbc.sql("""
				SELECT id, clinic_id, seq, occurred_at, actor_id, actor_username, action, entity_type, entity_id,
				       changes::text AS changes, reason, remote_addr, prev_hash, hash
				FROM audit_event
				""" + filter.where() + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.params(filter.params())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(AuditRepository::mapEntry)
			.list();
	}

	long count(AuditQuery query, UUID reader) {
		Filter filter = filter(query, reader);
		return jdbc.sql("SELECT count(*) FROM audit_event " + filter.where())
			.params(filter.params())
			.query(Long.class)
			.single();
	}

	/**
	 * Recomputes the hash of every entry of every chain, the reader's or not, and checks each link
	 * to its predecessor in the same chain; a deleted entry shows as a gap in the sequence numbers.
	 * The database function (V23) sees past row-level security but answers only with counts and
	 * the first broken entry among the reader's own chains.
	 */
	ChainVerification verify() {
		return jdbc.sql("SELECT entries, first_broken, broken, chains FROM audit_verify_all_chains()")
			.query((rs, i) -> AuditChainRepository.verification(rs))
			.single();
	}

	private static AuditEntry mapEntry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("clinic_id", UUID.class), rs.getLong("seq"),
				rs.getTimestamp("occurred_at").toInstant(), rs.getObject("actor_id", UUID.class),
				rs.getString("actor_username"), AuditAction.valueOf(rs.getString("action")),
				rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("changes"),
				rs.getString("reason"), rs.getString("remote_addr"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	/**
	 * What a reader may see, on top of row-level security (which already hides the chains of
	 * clinics outside {@code clinic_scope()}, the reader's clinics, but lets everybody read the
	 * global chain). Of the global chain a reader sees only the entries that concern their clinics:
	 * their own actions, their clinics' records, the accounts of their clinics' members (read from
	 * the accounts module's {@code user_clinic} membership table), entries naming one of their
	 * clinics (break-glass grants and reads) and changes to the shared instrument library.
	 */
	private static final String VISIBLE = """
			(clinic_id = ANY (clinic_scope())
			 OR (clinic_id = '00000000-0000-0000-0000-000000000000'
			     AND (actor_id = :reader
			          OR (entity_type = 'Clinic' AND entity_id = ANY (clinic_scope()::text[]))
			          OR changes -> 'clinicId' ->> 'newValue' = ANY (clinic_scope()::text[])
			          OR (entity_type IN ('User', 'UserMfa') AND EXISTS (
			                  SELECT 1 FROM user_clinic uc
			                  WHERE uc.user_id::text = audit_event.entity_id AND uc.clinic_id = ANY (clinic_scope())))
			          OR entity_type = 'Instrument')))
			""";

	private static Filter filter(AuditQuery query, UUID reader) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new java.util.HashMap<>();
		conditions.add(VISIBLE);
		params.put("reader", reader);
		if (query.entityType() != null) {
			conditions.add("entity_type = :entityType");
			params.put("entityType", query.entityType());
		}
		if (query.entityId() != null) {
			conditions.add("entity_id = :entityId");
			params.put("entityId", query.entityId());
		}
		if (query.user() != null) {
			conditions.add("lower(actor_username) = lower(:user)");
			params.put("user", query.user());
		}
		String where = "WHERE " + String.join(" AND ", conditions);
		return new Filter(where, params);
	}

	private record Filter(String where, Map<String, Object> params) {
	}

}
