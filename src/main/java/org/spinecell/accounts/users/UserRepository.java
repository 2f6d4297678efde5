package org.spinecell.accounts.users;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.spinecell.accounts.UserAccount;
import org.spinecell.platform.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for staff accounts, their roles, clinic memberships and login bookkeeping. */
@Repository
public class UserRepository {

	private static final String SELECT = """
			SELECT u.id, u.username, u.display_name, u.enabled, u.password_hash, u.locked_until,
			       coalesce(u.locked_until > now(), false) AS locked, u.version,
			       coalesce((SELECT array_agg(r.role) FROM user_role r WHERE r.user_id = u.id), '{}') AS roles,
			       coalesce((SELECT array_agg(c.clinic_id) FROM user_clinic c WHERE c.user_id = u.id), '{}') AS clinic_ids
			FROM app_user u
			""";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An account with its password hash, for signing in only. */
	public record Credentials(UserAccount account, String passwordHash, Instant lockedUntil) {
	}

	public void insert(UserAccount user, String passwordHash, UUID actor) {
		jdbc.sql("""
				INSERT INTO app_user (id, username, display_name, password_hash, enabled, created_by, updated_by)
				VALUES (:id, :username, :displayName, :hash, :enabled, :actor, :actor)
				""")
			.param("id", user.id())
			.param("username", user.username())
			.param("displayName", user.displayName())
			.param("hash", passwordHash)
			.param("enabled", user.enabled())
			.param("actor", actor)
			.update();
		replaceRolesAndClinics(user.id(), user.roles(), user.clinicIds());
	}

	/** Updates name, roles and clinics if the stored version is still {@code version}. */
	public boolean update(UUID id, String displayName, Set<Role> roles, Set<UUID> clinicIds, int version, UUID actor) {
		int rows = jdbc.sql("""
				UPDATE app_user SET display_name = :displayName, version = version + 1,
				       updated_at = now(), updated_by = :actor
				WHERE id = :id AND version = :version
				""")
			.param("id", id)
			.param("displayName", displayName)
			.param("version", version)
			.param("actor", actor)
			.update();
		if (rows == 0) {
			return false;
		}
		replaceRolesAndClinics(id, roles, clinicIds);
		return true;
	}

	/**
	 * Makes the account's clinics and roles the given ones, touching only what changes: the
	 * row-level policies (V25) refuse any change of one's own clinics or roles, and an unchanged
	 * set is no change. Clinics go first, so the policy on roles sees the account's new clinics.
	 */
	private void replaceRolesAndClinics(UUID id, Set<Role> roles, Set<UUID> clinicIds) {
		Set<UUID> clinicsNow = Set.copyOf(jdbc.sql("SELECT clinic_id FROM user_clinic WHERE user_id = :id")
			.param("id", id)
			.query(UUID.class)
			.list());
		for (UUID clinicId : clinicsNow) {
			if (!clinicIds.contains(clinicId)) {
				jdbc.sql("DELETE FROM user_clinic WHERE user_id = :id AND clinic_id = :clinicId")
					.param("id", id)
					.param("clinicId", clinicId)
					.update();
			}
		}
		for (UUID clinicId : clinicIds) {
			if (!clinicsNow.contains(clinicId)) {
				jdbc.sql("INSERT INTO user_clinic (user_id, clinic_id) VALUES (:id, :clinicId)")
					.param("id", id)
					.param("clinicId", clinicId)
					.update();
			}
		}
		Set<String> rolesNow = Set.copyOf(jdbc.sql("SELECT role FROM user_role WHERE user_id = :id")
			.param("id", id)
			.query(String.class)
			.list());
		Set<String> wanted = roles.stream().map(Role::name).collect(Collectors.toSet());
		for (String role : rolesNow) {
			if (!wanted.contains(role)) {
				jdbc.sql("DELETE FROM user_role WHERE user_id = :id AND role = :role")
					.param("id", id)
					.param("role", role)
					.update();
			}
		}
		for (String role : wanted) {
			if (!rolesNow.contains(role)) {
				jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
					.param("id", id)
					.param("role", role)
					.update();
			}
		}
	}

	public void setEnabled(UUID id, boolean enabled, UUID actor) {
		jdbc.sql("""
				UPDATE app_user SET enabled = :enabled, version = version + 1, updated_at = now(), updated_by = :actor
				WHERE id = :id
				""").param("id", id).param("enabled", enabled).param("actor", actor).update();
	}

	public void setPassword(UUID id, String passwordHash, UUID actor) {
		jdbc.sql("""
				UPDATE app_user SET password_hash = :hash, password_changed_at = now(), failed_logins = 0,
				       locked_until = NULL, version = version + 1, updated_at = now(), updated_by = :actor
				WHERE id = :id
				""").param("id", id).param("hash", passwordHash).param("actor", actor).update();
	}

	public Optional<UserAccount> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(UserRepository::mapAccount).optional();
	}

	public Optional<Credentials> findCredentials(String username) {
		return jdbc.sql(SELECT + " WHERE lower(u.username) = lower(:username)")
			.param("username", username)
			.query((rs, i) -> new Credentials(mapAccount(rs, i), rs.getString("password_hash"),
					toInstant(rs.getTimestamp("locked_until"))))
			.optional();
	}

	public List<UserAccount> list(int page, int size) {
		return jdbc.sql(SELECT + " ORDER BY lower(u.username) LIMIT :limit OFFSET :offset")
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(UserRepository::mapAccount)
			.list();
	}

	/** The accounts with a membership in one of the clinics, by username. */
	public List<UserAccount> listOfClinics(Collection<UUID> clinicIds, int page, int size) {
		return jdbc.sql(SELECT + """
				WHERE EXISTS (SELECT 1 FROM user_clinic c WHERE c.user_id = u.id AND c.clinic_id IN (:clinics))
				ORDER BY lower(u.username) LIMIT :limit OFFSET :offset
				""")
			.param("clinics", clinicIds)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(UserRepository::mapAccount)
			.list();
	}

	public long countOfClinics(Collection<UUID> clinicIds) {
		return jdbc.sql("""
				SELECT count(*) FROM app_user u
				WHERE EXISTS (SELECT 1 FROM user_clinic c WHERE c.user_id = u.id AND c.clinic_id IN (:clinics))
				""").param("clinics", clinicIds).query(Long.class).single();
	}

	/** The enabled accounts holding the role in the clinic, by name. */
	public List<UserAccount> enabledWithRoleAt(Role role, UUID clinicId) {
		return jdbc.sql(SELECT + """
				WHERE u.enabled
				  AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = :role)
				  AND EXISTS (SELECT 1 FROM user_clinic c WHERE c.user_id = u.id AND c.clinic_id = :clinicId)
				ORDER BY lower(u.display_name), lower(u.username)
				""")
			.param("role", role.name())
			.param("clinicId", clinicId)
			.query(UserRepository::mapAccount)
			.list();
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
	}

	public boolean usernameTaken(String username) {
		return jdbc.sql("SELECT count(*) FROM app_user WHERE lower(username) = lower(:username)")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	/** Enabled administrators without a clinic, other than the given account. */
	public long countEnabledInstallationAdminsOtherThan(UUID id) {
		return jdbc.sql("""
				SELECT count(*) FROM app_user u JOIN user_role r ON r.user_id = u.id
				WHERE r.role = 'ADMIN' AND u.enabled AND u.id <> :id
				  AND NOT EXISTS (SELECT 1 FROM user_clinic c WHERE c.user_id = u.id)
				""").param("id", id).query(Long.class).single();
	}

	/**
	 * Counts a failed sign-in; the account locks once {@code maxFailures} is reached. Through a
	 * database function (V25): the row-level policies let only an account's administrators change
	 * it, and a sign-in is counted whoever is signed in on this request, even nobody.
	 */
	public void recordFailedLogin(String username, int maxFailures, java.time.Duration lockout) {
		jdbc.sql("SELECT record_failed_login(:username, :max, :lockSeconds)")
			.param("username", username)
			.param("max", maxFailures)
			.param("lockSeconds", (double) lockout.toSeconds())
			.query(Integer.class)
			.single();
	}

	public void recordSuccessfulLogin(UUID id) {
		jdbc.sql("SELECT record_successful_login(:id)").param("id", id).query(Integer.class).single();
	}

	int failedLogins(UUID id) {
		return jdbc.sql("SELECT failed_logins FROM app_user WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	public Set<UUID> existingClinics(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("SELECT id FROM clinic WHERE id IN (:ids)").param("ids", ids).query(UUID.class).list());
	}

	static UserAccount mapAccount(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = Arrays.stream(strings(rs.getArray("roles"))).map(Role::valueOf).collect(Collectors.toSet());
		Set<UUID> clinics = Arrays.stream(strings(rs.getArray("clinic_ids")))
			.map(UUID::fromString)
			.collect(Collectors.toSet());
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				roles, clinics, rs.getBoolean("enabled"), rs.getBoolean("locked"), rs.getInt("version"));
	}

	private static String[] strings(Array array) throws SQLException {
		Object[] values = (Object[]) array.getArray();
		return Arrays.stream(values).map(String::valueOf).toArray(String[]::new);
	}

	private static Instant toInstant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
