package org.spinecell.accounts.tokens;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiTokenRepository {

	private final JdbcClient jdbc;

	ApiTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID userId, byte[] tokenHash, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO api_token (id, user_id, token_hash, expires_at)
				VALUES (:id, :userId, :hash, :expiresAt)
				""")
			.param("id", id)
			.param("userId", userId)
			.param("hash", tokenHash)
			.param("expiresAt", java.sql.Timestamp.from(expiresAt))
			.update();
	}

	/** The owner of a token that is unrevoked, unexpired and whose account is enabled. */
	Optional<UUID> findActiveOwner(byte[] tokenHash) {
		return jdbc.sql("""
				SELECT t.user_id FROM api_token t JOIN app_user u ON u.id = t.user_id
				WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > now() AND u.enabled
				""").param("hash", tokenHash).query(UUID.class).optional();
	}

	int revoke(byte[] tokenHash) {
		return jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE token_hash = :hash AND revoked_at IS NULL")
			.param("hash", tokenHash)
			.update();
	}

	public int revokeAll(UUID userId) {
		return jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL")
			.param("userId", userId)
			.update();
	}

}
