package org.spinecell.patients;

import java.sql.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.platform.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient_consent_status view that exports read: whether registry, research and trial consent
 * is current per patient, and the date of a withdrawal that is still in force.
 */
class ConsentStatusViewTests extends IntegrationTest {

	/** A clinic with a physician, for registering patients. */
	private HistoryClinic clinic;

	@BeforeEach
	void clinicWithPhysician() {
		clinic = new HistoryClinic(app);
	}

	@Autowired
	TransactionTemplate transactions;

	private void decide(UUID patient, String type, String status, String date) {
		Map<String, Object> body = status.equals("GIVEN")
				? Map.of("type", type, "status", status, "effectiveDate", date, "formVersion", "RC-1")
				: Map.of("type", type, "status", status, "effectiveDate", date);
		assertThat(clinic.physician().post("/api/v1/patients/" + patient + "/consents", body).status()).isEqualTo(201);
	}

	private Map<String, Object> status(Set<UUID> scope, UUID patient) {
		return CurrentUser.callAsSystem(scope, () -> transactions.execute(s -> JdbcClient.create(appDataSource)
			.sql("SELECT * FROM patient_consent_status WHERE patient_id = :p")
			.param("p", patient)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null)));
	}

	@Test
	void aWithdrawalIsADatedFactAndReConsentRestores() {
		UUID withdrawn = clinic.registerPatient();
		decide(withdrawn, "REGISTRY", "GIVEN", "2024-01-01");
		decide(withdrawn, "RESEARCH", "GIVEN", "2024-01-01");
		decide(withdrawn, "TRIAL", "GIVEN", "2024-01-01");
		decide(withdrawn, "REGISTRY", "WITHDRAWN", "2024-06-01");
		decide(withdrawn, "TRIAL", "WITHDRAWN", "2024-07-01");

		Map<String, Object> row = status(Set.of(clinic.clinicId()), withdrawn);
		assertThat(row.get("registry_current")).isEqualTo(false);
		assertThat(row.get("registry_withdrawn_on")).isEqualTo(Date.valueOf("2024-06-01"));
		assertThat(row.get("research_current")).isEqualTo(true);
		assertThat(row.get("research_withdrawn_on")).isNull();
		assertThat(row.get("trial_current")).isEqualTo(false);
		assertThat(row.get("trial_withdrawn_on")).isEqualTo(Date.valueOf("2024-07-01"));

		decide(withdrawn, "REGISTRY", "GIVEN", "2024-09-01");
		Map<String, Object> restored = status(Set.of(clinic.clinicId()), withdrawn);
		assertThat(restored.get("registry_current")).isEqualTo(true);
		assertThat(restored.get("registry_withdrawn_on")).isNull();
	}

	@Test
	void aPatientWithoutDecisionsHasNoCurrentConsentAndNoWithdrawal() {
		UUID none = clinic.registerPatient();
		Map<String, Object> row = status(Set.of(clinic.clinicId()), none);
		assertThat(row.get("registry_current")).isEqualTo(false);
		assertThat(row.get("research_current")).isEqualTo(false);
		assertThat(row.get("registry_withdrawn_on")).isNull();
	}

	@Test
	void theViewKeepsRowLevelSecurity() {
		UUID patient = clinic.registerPatient();
		decide(patient, "REGISTRY", "GIVEN", "2024-01-01");
		assertThat(status(Set.of(clinic.clinicId()), patient)).isNotNull();
		assertThat(status(Set.of(createClinic("Consent elsewhere")), patient)).isNull();
	}

}
