package org.spinecell.outcomes.survey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Survey links: stored by the SHA-256 of their token, resolved before any clinic is in scope. */
@Repository
class SurveyLinkRepository {

	private final JdbcClient jdbc;

	SurveyLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a token's hash resolves to; the token itself is never stored. */
	record ResolvedLink(UUID clinicId, UUID followUpId, UUID patientId, Instant expiresAt, Instant revokedAt) {
	}

	/** Revokes the follow-up's active link, if any; returns how many were revoked. */
	int revokeActive(UUID clinicId, UUID followUpId) {
		return jdbc.sql("""
				UPDATE survey_link SET revoked_at = now()
				 WHERE clinic_id = :clinicId AND follow_up_id = :followUpId AND revoked_at IS NULL
				""").param("clinicId", clinicId).param("followUpId", followUpId).update();
	}

	void insert(UUID clinicId, UUID id, UUID followUpId, UUID patientId, byte[] tokenHash, Instant expiresAt,
			UUID actor) {
		jdbc.sql("""
				INSERT INTO survey_link (clinic_id, id, follow_up_id, patient_id, token_hash, created_by, expires_at)
				VALUES (:clinicId, :id, :followUpId, :patientId, :tokenHash, :actor, :expiresAt)
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("followUpId", followUpId)
			.param("patientId", patientId)
			.param("tokenHash", tokenHash)
			.param("actor", actor)
			.param("expiresAt", Timestamp.from(expiresAt))
			.update();
	}

	/**
	 * Resolves a token's hash through the SECURITY DEFINER function of V10, which works without a
	 * clinic scope and answers only for this one hash.
	 */
	Optional<ResolvedLink> resolve(byte[] tokenHash) {
		return jdbc.sql("""
				SELECT clinic_id, follow_up_id, patient_id, expires_at, revoked_at FROM survey_link_resolve(:tokenHash)
				""")
			.param("tokenHash", tokenHash)
			.query((rs, row) -> {
				Timestamp revoked = rs.getTimestamp("revoked_at");
				return new ResolvedLink(rs.getObject("clinic_id", UUID.class), rs.getObject("follow_up_id", UUID.class),
						rs.getObject("patient_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
						revoked == null ? null : revoked.toInstant());
			})
			.optional();
	}

}
