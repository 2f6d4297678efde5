package org.spinecell.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail is append-only for the application and tamper-evident for everyone else; the
 * application's database role cannot change the schema.
 */
class AuditIntegrityTests extends IntegrationTest {

	@Test
	void theApplicationRoleCannotUpdateDeleteOrTruncateTheAuditTrail() {
		createClinic("Append only");
		for (String sql : List.of("UPDATE audit_event SET reason = 'edited'", "DELETE FROM audit_event",
				"TRUNCATE audit_event")) {
			assertThatThrownBy(() -> executeAsApp(sql)).as(sql)
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void theApplicationRoleCannotAlterTheSchema() {
		for (String sql : List.of("CREATE TABLE sneaky (id int)", "ALTER TABLE clinic ADD COLUMN sneaky text",
				"DROP TABLE audit_event", "ALTER TABLE audit_event DISABLE ROW LEVEL SECURITY",
				"DROP POLICY audit_event_clinic_scope ON audit_event")) {
			assertThatThrownBy(() -> executeAsApp(sql)).as(sql).isInstanceOf(SQLException.class);
		}
	}

	@Test
	void tamperingWithAnEntryIsDetectedAtThatEntry() {
		createClinic("Tamper");
		JsonNode newest = admin.get("/api/v1/audit?size=1").json().get("items").get(0);
		long id = newest.get("id").asLong();
		assertThat(verify().get("valid").asBoolean()).isTrue();

		String original = ownerJdbc().sql("SELECT changes::text FROM audit_event WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		try {
			ownerJdbc().sql("UPDATE audit_event SET changes = '{\"name\": {\"newValue\": \"forged\"}}' WHERE id = :id")
				.param("id", id)
				.update();
			JsonNode broken = verify();
			assertThat(broken.get("valid").asBoolean()).isFalse();
			assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(id);
		}
		finally {
			ownerJdbc().sql("UPDATE audit_event SET changes = CAST(:c AS jsonb) WHERE id = :id")
				.param("c", original)
				.param("id", id)
				.update();
		}
		assertThat(verify().get("valid").asBoolean()).isTrue();
	}

	@Test
	void aDeletedEntryShowsAsABrokenLink() {
		createClinic("Delete one");
		createClinic("Delete two");
		JsonNode items = admin.get("/api/v1/audit?size=2").json().get("items");
		long newest = items.get(0).get("id").asLong();
		long previous = items.get(1).get("id").asLong();
		Map<String, Object> row = ownerJdbc().sql("SELECT * FROM audit_event WHERE id = :id")
			.param("id", previous)
			.query()
			.singleRow();
		try {
			ownerJdbc().sql("DELETE FROM audit_event WHERE id = :id").param("id", previous).update();
			JsonNode broken = verify();
			assertThat(broken.get("valid").asBoolean()).isFalse();
			assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(newest);
		}
		finally {
			ownerJdbc().sql("""
					INSERT INTO audit_event (id, clinic_id, seq, occurred_at, actor_id, actor_username, action,
					    entity_type, entity_id, changes, reason, remote_addr, prev_hash, hash)
					OVERRIDING SYSTEM VALUE
					VALUES (:id, :clinic_id, :seq, :occurred_at, :actor_id, :actor_username, :action, :entity_type,
					    :entity_id, CAST(:changes AS jsonb), :reason, :remote_addr, :prev_hash, :hash)
					""").paramSource(new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(row)
				.addValue("changes", String.valueOf(row.get("changes")))).update();
		}
		assertThat(verify().get("valid").asBoolean()).isTrue();
	}

	@Test
	void entriesRecordTheDatabaseClockInUtcAndTheCallerAddress() {
		createClinic("Clock");
		JsonNode entry = admin.get("/api/v1/audit?entityType=Clinic&size=1").json().get("items").get(0);
		assertThat(entry.get("occurredAt").asString()).endsWith("Z");
		assertThat(entry.get("remoteAddr").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(entry.get("hash").asString()).hasSize(64);
	}

	private JsonNode verify() {
		return admin.get("/api/v1/audit/verify").json();
	}

	private void executeAsApp(String sql) throws SQLException {
		try (Connection connection = appDataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
