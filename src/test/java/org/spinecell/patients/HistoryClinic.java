package org.spinecell.patients;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.spinecell.TestApi;
import org.spinecell.TestApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test fixture of the clinical history tests: a fresh clinic with a physician signed in, and
 * steps to register patients, count stored rows and read the audit trail as the owner. A test
 * creates it in its {@code @BeforeEach}: {@code clinic = new HistoryClinic(app)}.
 */
public final class HistoryClinic {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TestApp app;

	private final UUID clinicId;

	private final TestApi physician;

	/** One audit entry: what was done, the changes, the reason given and who did it. */
	public record AuditRow(String action, JsonNode changes, String reason, String actor) {
	}

	/** Creates the clinic and its physician through the API. */
	public HistoryClinic(TestApp app) {
		this.app = app;
		this.clinicId = app.createClinic("History");
		this.physician = staff("PHYSICIAN");
	}

	public UUID clinicId() {
		return clinicId;
	}

	/** The clinic's physician, signed in. */
	public TestApi physician() {
		return physician;
	}

	/** A signed-in user of the test clinic with the given role. */
	public TestApi staff(String role) {
		return app.signedIn(role, Set.of(clinicId));
	}

	/** A physician of a clinic of their own, who must not see the test clinic's patients. */
	public TestApi physicianOfAnotherClinic() {
		return app.signedIn("PHYSICIAN", Set.of(app.createClinic("Elsewhere")));
	}

	public UUID registerPatient() {
		TestApi.Response response = physician.post("/api/v1/patients", Map.of("clinicId", clinicId, "mrn",
				"H-" + TestApp.unique(), "givenName", "Rosa", "familyName", "Marsh " + TestApp.unique(), "birthDate",
						"1970-01-02",
				"sex", "FEMALE"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return TestApp.id(response.json());
	}

	public void voidPatient(UUID patientId) {
		TestApi.Response response = physician.post("/api/v1/patients/" + patientId + "/void",
				Map.of("reason", "registered twice", "version", 0));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	/** Rows of a history table for the patient, counted as the owner (no row-level security). */
	public long rows(String table, UUID patientId) {
		assertThat(table).isIn("diagnosis", "imaging_finding", "prior_treatment", "consent");
		return app.ownerJdbc().sql("SELECT count(*) FROM " + table + " WHERE patient_id = :p")
			.param("p", patientId)
			.query(Long.class)
			.single();
	}

	/** The audit entries of one record, oldest first. */
	public List<AuditRow> audit(String entityType, UUID entityId) {
		return app.ownerJdbc().sql("""
				SELECT action, changes::text AS changes, reason, actor_username, clinic_id FROM audit_event
				WHERE entity_type = :type AND entity_id = :id ORDER BY seq
				""")
			.param("type", entityType)
			.param("id", entityId.toString())
			.query((rs, i) -> {
				assertThat(rs.getObject("clinic_id",
						UUID.class)).as("audited on the clinic's chain").isEqualTo(clinicId);
				return new AuditRow(rs.getString("action"), JSON.readTree(rs.getString("changes")),
						rs.getString("reason"), rs.getString("actor_username"));
			})
			.list();
	}

	/** A copy of a request body with one field changed (or set to null). */
	public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.put(field, value);
		return copy;
	}

	public static String daysFromNow(int days) {
		return LocalDate.now().plusDays(days).toString();
	}

	/** A problem-details response with the status, naming the field among its errors. */
	public static void assertProblem(TestApi.Response response, int status, String field) {
		assertProblem(response, status);
		List<String> fields = response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
		assertThat(fields).as(response.body()).contains(field);
	}

	public static void assertProblem(TestApi.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception");
	}

	public static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

}
