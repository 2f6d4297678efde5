package org.spinecell.outcomes.survey.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The e-mail outbox; rows carry no address and no token. */
@Repository
class MailOutboxRepository {

	private static final String SELECT = """
			SELECT m.id, m.clinic_id, m.patient_id, m.follow_up_id, f.time_point, m.kind, m.sequence, m.status,
			       m.attempts, m.next_attempt_at, m.last_error, m.created_at, m.sent_at, m.cancel_reason, m.version
			  FROM mail_outbox m
			  JOIN follow_up f ON f.clinic_id = m.clinic_id AND f.id = m.follow_up_id
			""";

	private final JdbcClient jdbc;

	MailOutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Queues a message unless the follow-up already has one with this sequence; true if it was added. */
	boolean insertIfAbsent(UUID clinicId, UUID id, UUID patientId, UUID followUpId, MailMessage.Kind kind, int sequence,
			Instant nextAttemptAt, UUID actor) {
		return jdbc.sql("""
				INSERT INTO mail_outbox (clinic_id, id, patient_id, follow_up_id, kind, sequence, next_attempt_at, created_by)
				VALUES (:clinicId, :id, :patientId, :followUpId, :kind, :sequence, :next, :actor)
				ON CONFLICT (clinic_id, follow_up_id, sequence) DO NOTHING
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("patientId", patientId)
			.param("followUpId", followUpId)
			.param("kind", kind.name())
			.param("sequence", sequence)
			.param("next", Timestamp.from(nextAttemptAt))
			.param("actor", actor)
			.update() == 1;
	}

	Optional<MailMessage> find(UUID clinicId, UUID id) {
		return jdbc.sql(SELECT + " WHERE m.clinic_id = :clinicId AND m.id = :id")
			.param("clinicId", clinicId)
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/**
	 * Locks a message that is still pending and due, skipping one another sender holds: of two
	 * instances dispatching at once, only one gets it.
	 */
	Optional<MailMessage> lockDue(UUID clinicId, UUID id, Instant now) {
		return jdbc.sql(SELECT + """
				 WHERE m.clinic_id = :clinicId AND m.id = :id AND m.status = 'PENDING' AND m.next_attempt_at <= :now
				   FOR UPDATE OF m SKIP LOCKED
				""").param("clinicId", clinicId).param("id", id).param("now", Timestamp.from(now)).query((rs, n) -> map(rs))
			.optional();
	}

	/** Ids of the pending messages due to be sent, oldest first. */
	List<UUID> due(UUID clinicId, Instant now, int limit) {
		return jdbc.sql("""
				SELECT id FROM mail_outbox
				 WHERE clinic_id = :clinicId AND status = 'PENDING' AND next_attempt_at <= :now
				 ORDER BY next_attempt_at, created_at LIMIT :limit
				""")
			.param("clinicId", clinicId)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** The latest message (highest sequence) of each follow-up of the clinic that has any. */
	Map<UUID, MailMessage> latestPerFollowUp(UUID clinicId) {
		Map<UUID, MailMessage> latest = new LinkedHashMap<>();
		jdbc.sql(SELECT.replaceFirst("SELECT", "SELECT DISTINCT ON (m.follow_up_id)") + """
				 WHERE m.clinic_id = :clinicId ORDER BY m.follow_up_id, m.sequence DESC
				""").param("clinicId", clinicId).query((rs, n) -> map(rs)).list().forEach(m -> latest.put(m.followUpId(), m));
		return latest;
	}

	/** The follow-up's latest message (highest sequence), if it has any. */
	Optional<MailMessage> latest(UUID clinicId, UUID followUpId) {
		return jdbc.sql(SELECT + """
				 WHERE m.clinic_id = :clinicId AND m.follow_up_id = :followUpId ORDER BY m.sequence DESC LIMIT 1
				""").param("clinicId", clinicId).param("followUpId", followUpId).query((rs, n) -> map(rs)).optional();
	}

	/** Messages of the clinics, newest first, optionally of one status. */
	List<MailMessage> list(Collection<UUID> clinicIds, MailMessage.Status status, int limit) {
		return jdbc.sql(SELECT + """
				 WHERE m.clinic_id = ANY (CAST(:clinicIds AS uuid[])) AND (CAST(:status AS text) IS NULL OR m.status = :status)
				 ORDER BY m.created_at DESC, m.sequence DESC LIMIT :limit
				""")
			.param("clinicIds", "{" + String.join(",", clinicIds.stream().map(UUID::toString).toList()) + "}")
			.param("status", status == null ? null : status.name())
			.param("limit", limit)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** Writes the changed state, if nobody changed the row since {@code before} was read. */
	boolean update(MailMessage before, MailMessage after) {
		return jdbc.sql("""
				UPDATE mail_outbox
				   SET status = :status, attempts = :attempts, next_attempt_at = :next, last_error = :error,
				       sent_at = :sentAt, cancel_reason = :reason,
				       cancelled_at = CASE WHEN :status = 'CANCELLED' THEN now() END,
				       updated_at = now(), version = version + 1
				 WHERE clinic_id = :clinicId AND id = :id AND version = :version
				""")
			.param("status", after.status().name())
			.param("attempts", after.attempts())
			.param("next", Timestamp.from(after.nextAttemptAt()))
			.param("error", after.lastError())
			.param("sentAt", after.sentAt() == null ? null : Timestamp.from(after.sentAt()))
			.param("reason", after.cancelReason())
			.param("clinicId", before.clinicId())
			.param("id", before.id())
			.param("version", before.version())
			.update() == 1;
	}

	private static MailMessage map(ResultSet rs) throws SQLException {
		return new MailMessage(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getObject("follow_up_id", UUID.class),
				rs.getString("time_point"), MailMessage.Kind.valueOf(rs.getString("kind")), rs.getInt("sequence"),
				MailMessage.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
				instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")), rs.getString("cancel_reason"),
				rs.getInt("version"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
