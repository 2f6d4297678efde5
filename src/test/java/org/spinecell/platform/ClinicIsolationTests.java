package org.spinecell.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user of clinic A must not see clinic B's records, through the API or through SQL that forgets
 * to filter: row-level security in PostgreSQL is the backstop.
 */
class ClinicIsolationTests extends IntegrationTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void anotherClinicIsNotFoundExactlyLikeAMissingOne() {
		UUID clinicA = createClinic("Isolation A");
		UUID clinicB = createClinic("Isolation B");
		TestApi coordinatorA = login(createUser("COORDINATOR", Set.of(clinicA)), USER_PASSWORD);

		assertThat(coordinatorA.get("/api/v1/clinics/" + clinicA).status()).isEqualTo(200);
		TestApi.Response foreign = coordinatorA.get("/api/v1/clinics/" + clinicB);
		TestApi.Response missing = coordinatorA.get("/api/v1/clinics/" + UUID.randomUUID());
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(foreign.json().get("detail").asString()).isEqualTo(missing.json().get("detail").asString());

		String listed = coordinatorA.get("/api/v1/clinics").body();
		assertThat(listed).contains(clinicA.toString()).doesNotContain(clinicB.toString());
	}

	@Test
	void clinicalRowsOfAnotherClinicAreInvisibleEvenWithoutAFilter() {
		UUID clinicA = createClinic("RLS A");
		UUID clinicB = createClinic("RLS B");
		String marker = "rls-" + unique();
		// Audit entries carry clinic_id like every clinical table; write one per clinic as the system.
		for (UUID clinic : new UUID[] { clinicA, clinicB }) {
			CurrentUser.runAsSystem(Set.of(clinic), () -> transactions.executeWithoutResult(status -> audit.record(clinic,
					AuditAction.CREATE, "IsolationProbe", marker, Map.of("clinic", new FieldChange(null, clinic.toString())),
					null)));
		}

		// The owner role is not subject to row-level security: both rows exist.
		assertThat(countProbe(marker)).isEqualTo(2);

		// An auditor of clinic A sees A's entry only, through the API.
		TestApi auditorA = login(createUser("AUDITOR", Set.of(clinicA)), USER_PASSWORD);
		String entries = auditorA.get("/api/v1/audit?entityType=IsolationProbe&entityId=" + marker).body();
		assertThat(entries).contains(clinicA.toString()).doesNotContain(clinicB.toString());

		// In a transaction scoped to clinic A, a query with no clinic filter returns A's row only.
		Long scoped = CurrentUser.callAsSystem(Set.of(clinicA), () -> transactions.execute(status -> org.springframework.jdbc.core.simple.JdbcClient
			.create(appDataSource)
			.sql("SELECT count(*) FROM audit_event WHERE entity_id = :m")
			.param("m", marker)
			.query(Long.class)
			.single()));
		assertThat(scoped).isEqualTo(1);
	}

	@Test
	void theApplicationRoleWithoutAClinicSettingSeesNoClinicalRows() throws Exception {
		UUID clinic = createClinic("No setting");
		CurrentUser.runAsSystem(Set.of(clinic), () -> transactions.executeWithoutResult(status -> audit.record(clinic,
				AuditAction.CREATE, "IsolationProbe", "raw-" + unique(), Map.of(), null)));
		long total = ownerJdbc().sql("SELECT count(*) FROM audit_event WHERE clinic_id <> :nil")
			.param("nil", AuditTrail.GLOBAL_CHAIN)
			.query(Long.class)
			.single();
		assertThat(total).isPositive();

		try (Connection connection = appDataSource.getConnection(); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT current_user")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("spinecell_app");
			}
			try (ResultSet rs = statement
				.executeQuery("SELECT count(*) FROM audit_event WHERE clinic_id <> '00000000-0000-0000-0000-000000000000'")) {
				rs.next();
				assertThat(rs.getLong(1)).isZero();
			}
		}
	}

	private long countProbe(String marker) {
		return ownerJdbc().sql("SELECT count(*) FROM audit_event WHERE entity_id = :m")
			.param("m", marker)
			.query(Long.class)
			.single();
	}

}
