package org.spinecell.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction by telling PostgreSQL which clinics the current user may see. The
 * row-level security policies on clinical tables compare each row's {@code clinic_id} with this
 * setting, so a query that forgets its clinic filter still returns nothing from other clinics.
 * Outside a transaction the setting is absent and no clinical row is visible at all.
 * <p>
 * {@code SET LOCAL} is used (not {@code set_config}) because it also reaches Citus workers; it
 * takes no bind parameters, which is safe here because the value is built only from parsed UUIDs.
 */
class ClinicScopedTransactionManager extends JdbcTransactionManager {

	static final String CLINIC_SETTING = "spinecell.clinic_ids";

	/**
	 * The signed-in user's id. Row-level security uses it to find the user's own break-glass grants,
	 * which open one patient of another clinic to reading only (see V19__break_glass.sql).
	 */
	static final String USER_SETTING = "spinecell.user_id";

	ClinicScopedTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(connection, definition);
		Optional<CurrentUser> user = CurrentUser.find();
		Set<UUID> clinics = user.map(CurrentUser::clinicIds).orElse(Set.of());
		String userId = user.map(u -> u.id().toString()).orElse("");
		try (Statement statement = connection.createStatement()) {
			// One round trip; a UUID's text cannot break out of the literal either.
			statement.execute("SET LOCAL " + CLINIC_SETTING + " = '" + settingValue(clinics) + "'; SET LOCAL "
					+ USER_SETTING + " = '" + userId + "'");
		}
	}

	static String settingValue(Set<UUID> clinics) {
		// UUID.toString yields only hex digits and hyphens, so the literal cannot be broken out of.
		return clinics.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
	}

}
