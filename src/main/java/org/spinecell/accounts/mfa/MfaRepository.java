package org.spinecell.accounts.mfa;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for TOTP enrolments and recovery codes. */
@Repository
class MfaRepository {

	private final JdbcClient jdbc;

	MfaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A user's enrolment; {@code confirmed} is false while it awaits its first code. */
	record Enrolment(UUID userId, byte[] secretEnc, boolean confirmed, long lastUsedStep, int failedCodes) {
	}

	/** The enrolment, its row locked until the transaction ends so that two uses of a code cannot race. */
	Optional<Enrolment> findForUpdate(UUID userId) {
		return jdbc.sql("""
				SELECT user_id, secret_enc, confirmed_at IS NOT NULL AS confirmed, last_used_step, failed_codes
				FROM user_mfa WHERE user_id = :userId FOR UPDATE
				""")
			.param("userId", userId)
			.query((rs, i) -> new Enrolment(rs.getObject("user_id", UUID.class), rs.getBytes("secret_enc"),
					rs.getBoolean("confirmed"), rs.getLong("last_used_step"), rs.getInt("failed_codes")))
			.optional();
	}

	boolean confirmed(UUID userId) {
		return jdbc.sql("SELECT count(*) FROM user_mfa WHERE user_id = :userId AND confirmed_at IS NOT NULL")
			.param("userId", userId)
			.query(Long.class)
			.single() > 0;
	}

	void savePending(UUID userId, byte[] secretEnc) {
		jdbc.sql("""
				INSERT INTO user_mfa (user_id, secret_enc) VALUES (:userId, :secret)
				ON CONFLICT (user_id) DO UPDATE SET secret_enc = excluded.secret_enc, confirmed_at = NULL,
				       last_used_step = 0, failed_codes = 0, created_at = now()
				""").param("userId", userId).param("secret", secretEnc).update();
	}

	void confirm(UUID userId, long step) {
		jdbc.sql("UPDATE user_mfa SET confirmed_at = now(), last_used_step = :step, failed_codes = 0 WHERE user_id = :userId")
			.param("userId", userId)
			.param("step", step)
			.update();
	}

	void acceptStep(UUID userId, long step) {
		jdbc.sql("UPDATE user_mfa SET last_used_step = :step, failed_codes = 0 WHERE user_id = :userId")
			.param("userId", userId)
			.param("step", step)
			.update();
	}

	void resetFailures(UUID userId) {
		jdbc.sql("UPDATE user_mfa SET failed_codes = 0 WHERE user_id = :userId").param("userId", userId).update();
	}

	/**
	 * Counts a wrong code; at {@code maxFailures} the account locks for {@code lockout} and the count
	 * starts again. Returns whether the account is now locked.
	 */
	boolean recordFailure(UUID userId, int maxFailures, java.time.Duration lockout) {
		int failures = jdbc.sql("UPDATE user_mfa SET failed_codes = failed_codes + 1 WHERE user_id = :userId RETURNING failed_codes")
			.param("userId", userId)
			.query(Integer.class)
			.single();
		if (failures < maxFailures) {
			return false;
		}
		jdbc.sql("UPDATE user_mfa SET failed_codes = 0 WHERE user_id = :userId").param("userId", userId).update();
		// Through a database function, like the password lock-out (V25).
		jdbc.sql("SELECT lock_account(:userId, :lockSeconds)")
			.param("userId", userId)
			.param("lockSeconds", (double) lockout.toSeconds())
			.query(Integer.class)
			.single();
		return true;
	}

	boolean locked(UUID userId) {
		return jdbc.sql("SELECT coalesce(locked_until > now(), false) FROM app_user WHERE id = :userId")
			.param("userId", userId)
			.query(Boolean.class)
			.single();
	}

	void replaceRecoveryCodes(UUID userId, java.util.List<byte[]> hashes) {
		jdbc.sql("DELETE FROM user_recovery_code WHERE user_id = :userId").param("userId", userId).update();
		for (byte[] hash : hashes) {
			jdbc.sql("INSERT INTO user_recovery_code (user_id, code_hash) VALUES (:userId, :hash)")
				.param("userId", userId)
				.param("hash", hash)
				.update();
		}
	}

	/** Marks an unused recovery code used; false when there is no such unused code. */
	boolean useRecoveryCode(UUID userId, byte[] hash) {
		return jdbc.sql("""
				UPDATE user_recovery_code SET used_at = now()
				WHERE user_id = :userId AND code_hash = :hash AND used_at IS NULL
				""").param("userId", userId).param("hash", hash).update() == 1;
	}

	int unusedRecoveryCodes(UUID userId) {
		return jdbc.sql("SELECT count(*) FROM user_recovery_code WHERE user_id = :userId AND used_at IS NULL")
			.param("userId", userId)
			.query(Integer.class)
			.single();
	}

	int delete(UUID userId) {
		jdbc.sql("DELETE FROM user_recovery_code WHERE user_id = :userId").param("userId", userId).update();
		return jdbc.sql("DELETE FROM user_mfa WHERE user_id = :userId").param("userId", userId).update();
	}

	Optional<String> passwordHash(UUID userId) {
		return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :userId")
			.param("userId", userId)
			.query(String.class)
			.optional();
	}

}
