package org.spinecell.patients;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the clinical history tests: a fresh clinic with a physician signed in, and
 * helpers to register patients, count stored rows and read the audit trail as the owner.
 */
public abstract class ClinicalHistoryTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	protected UUID clinicId;

	protected TestApi physician;

	protected record AuditRow(String action, JsonNode changes, String reason, String actor) {
	}

	@BeforeEach
	void clinicWithPhysician() {
		clinicId = createClinic("History");
		physician = staff("PHYSICIAN");
	}

	/** A signed-in user of the test clinic with the given role. */
	protected TestApi staff(String role) {
		return login(createUser(role, Set.of(clinicId)), USER_PASSWORD);
	}

	/** A physician of a clinic of their own, who must not see the test clinic's patients. */
	protected TestApi physicianOfAnotherClinic() {
		return login(createUser("PHYSICIAN", Set.of(createClinic("Elsewhere"))), USER_PASSWORD);
	}

	protected UUID registerPatient() {
		TestApi.Response response = physician.post("/api/v1/patients", Map.of("clinicId", clinicId, "mrn",
				"H-" + unique(), "givenName", "Rosa", "familyName", "Marsh " + unique(), "birthDate", "1970-01-02",
				"sex", "FEMALE"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return id(response.json());
	}

	protected void voidPatient(UUID patientId) {
		TestApi.Response response = physician.post("/api/v1/patients/" + patientId + "/void",
				Map.of("reason", "registered twice", "version", 0));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	/** Rows of a history table for the patient, counted as the owner (no row-level security). */
	protected long rows(String table, UUID patientId) {
		assertThat(table).isIn("diagnosis", "imaging_finding", "prior_treatment", "consent");
		return ownerJdbc().sql("SELECT count(*) FROM " + table + " WHERE patient_id = :p")
			.param("p", patientId)
			.query(Long.class)
			.single();
	}

	/** The audit entries of one record, oldest first. */
	protected List<AuditRow> audit(String entityType, UUID entityId) {
		return ownerJdbc().sql("""
				SELECT action, changes::text AS changes, reason, actor_username, clinic_id FROM audit_event
				WHERE entity_type = :type AND entity_id = :id ORDER BY seq
				""")
			.param("type", entityType)
			.param("id", entityId.toString())
			.query((rs, i) -> {
				assertThat(rs.getObject("clinic_id", UUID.class)).as("audited on the clinic's chain").isEqualTo(clinicId);
				return new AuditRow(rs.getString("action"), JSON.readTree(rs.getString("changes")), rs.getString("reason"),
						rs.getString("actor_username"));
			})
			.list();
	}

	/** A copy of a request body with one field changed (or set to null). */
	protected static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.put(field, value);
		return copy;
	}

	protected static String daysFromNow(int days) {
		return LocalDate.now().plusDays(days).toString();
	}

	/** A problem-details response with the status, naming the field among its errors. */
	protected static void assertProblem(TestApi.Response response, int status, String field) {
		assertProblem(response, status);
		List<String> fields = response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
		assertThat(fields).as(response.body()).contains(field);
	}

	protected static void assertProblem(TestApi.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception");
	}

	protected static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

}
