package org.spinecell.patients;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.platform.CurrentUser;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.patients.HistoryClinic.assertProblem;

/**
 * Break-glass access: a physician of another clinic opens one patient of the test clinic with a
 * reason, reads that patient only, changes nothing, and the clinic's administrators see it.
 */
class BreakGlassTests extends IntegrationTest {

	/** A clinic with a physician, for registering patients. */
	private HistoryClinic clinic;

	private static final String REASON = "Unconscious in our emergency room, need allergies and injections";

	private static final Map<String, Object> DIAGNOSIS = Map.of("icd10", "M51.360", "levels", List.of("l4-l5"), "side",
			"LEFT", "onsetDate", "2023-03-01", "symptomDurationMonths", 18, "primary", true, "status", "ACTIVE");

	@Autowired
	TransactionTemplate transactions;

	private UUID patient;

	private UUID otherPatient;

	private String outsiderName;

	private TestApi outsider;

	@BeforeEach
	void twoPatientsAndAnOutsider() {
		clinic = new HistoryClinic(app);
		patient = clinic.registerPatient();
		otherPatient = clinic.registerPatient();
		assertThat(clinic.physician().post("/api/v1/patients/" + patient + "/diagnoses",
				DIAGNOSIS).status()).isEqualTo(201);
		assertThat(clinic.physician().post("/api/v1/patients/" + otherPatient + "/diagnoses",
				DIAGNOSIS).status()).isEqualTo(201);
		outsiderName = createUser("PHYSICIAN", Set.of(createClinic("Outside")));
		outsider = login(outsiderName, USER_PASSWORD);
	}

	private TestApi.Response open(UUID patientId, String reason) {
		return outsider.post("/api/v1/break-glass", Map.of("patientId", patientId, "reason", reason));
	}

	private UUID grant(UUID patientId) {
		TestApi.Response response = open(patientId, REASON);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return id(response.json());
	}

	@Test
	void withoutAGrantAnotherClinicsPatientIsNotFound() {
		assertThat(outsider.get("/api/v1/patients/" + patient).status()).isEqualTo(404);
		assertThat(outsider.get("/api/v1/patients/" + patient + "/diagnoses").status()).isEqualTo(404);
	}

	@Test
	void aGrantOpensThatPatientsChartAndRecordsForReadingAndNoOtherPatient() {
		TestApi.Response created = open(patient, REASON);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode grant = created.json();
		assertThat(grant.get("patientId").asString()).isEqualTo(patient.toString());
		assertThat(grant.get("clinicId").asString()).isEqualTo(clinic.clinicId().toString());
		assertThat(grant.get("reason").asString()).isEqualTo(REASON);
		assertThat(grant.get("active").asBoolean()).isTrue();
		long minutes = java.time.Duration.between(java.time.Instant.parse(grant.get("grantedAt").asString()),
				java.time.Instant.parse(grant.get("expiresAt").asString())).toMinutes();
		assertThat(minutes).as("the default duration").isEqualTo(60);

		TestApi.Response chart = outsider.get("/api/v1/patients/" + patient);
		assertThat(chart.status()).as(chart.body()).isEqualTo(200);
		assertThat(chart.json().get("id").asString()).isEqualTo(patient.toString());
		TestApi.Response diagnoses = outsider.get("/api/v1/patients/" + patient + "/diagnoses");
		assertThat(diagnoses.status()).as(diagnoses.body()).isEqualTo(200);
		assertThat(diagnoses.json().get("items").size()).isEqualTo(1);

		assertThat(outsider.get("/api/v1/patients/" + otherPatient).status()).isEqualTo(404);
		assertThat(outsider.get("/api/v1/patients/" + otherPatient + "/diagnoses").status()).isEqualTo(404);
		assertThat(outsider.get("/api/v1/patients?q=Marsh").body()).doesNotContain(patient.toString());
	}

	@Test
	void aGrantNeverAllowsAChange() {
		grant(patient);
		TestApi.Response update = outsider.put("/api/v1/patients/" + patient, Map.of("clinicId", clinic.clinicId(),
				"mrn",
				"X-" + unique(), "givenName", "Changed", "familyName", "Changed", "birthDate", "1970-01-02", "sex",
				"FEMALE", "version", 0));
		assertThat(update.status()).isIn(403, 404);
		TestApi.Response diagnosis = outsider.post("/api/v1/patients/" + patient + "/diagnoses", DIAGNOSIS);
		assertThat(diagnosis.status()).isIn(403, 404);
		TestApi.Response consent = outsider.post("/api/v1/patients/" + patient + "/consents", Map.of("type", "REGISTRY",
				"status", "GIVEN", "effectiveDate", "2024-01-01", "formVersion", "RC-1"));
		assertThat(consent.status()).isIn(403, 404);
		TestApi.Response voided = outsider.post("/api/v1/patients/" + patient + "/void",
				Map.of("reason", "not allowed", "version", 0));
		assertThat(voided.status()).isIn(403, 404);

		assertThat(clinic.rows("diagnosis", patient)).isEqualTo(1);
		assertThat(clinic.rows("consent", patient)).isZero();
		assertThat(clinic.physician().get("/api/v1/patients/"
				+ patient).json().get("givenName").asString()).isEqualTo("Rosa");
	}

	@Test
	void anExpiredGrantOrOneEndedEarlyOpensNothing() {
		UUID expiring = grant(patient);
		assertThat(outsider.get("/api/v1/patients/" + patient).status()).isEqualTo(200);
		// Move the grant into the past, as the clock would after an hour.
		ownerJdbc().sql("""
				UPDATE break_glass_grant SET granted_at = now() - interval '2 hours', expires_at = now() - interval '1 minute'
				WHERE id = :id
				""").param("id", expiring).update();
		assertThat(outsider.get("/api/v1/patients/" + patient).status()).isEqualTo(404);
		assertThat(outsider.get("/api/v1/break-glass").json().size()).isZero();

		UUID ended = grant(patient);
		assertThat(outsider.get("/api/v1/patients/" + patient).status()).isEqualTo(200);
		TestApi.Response end = outsider.post("/api/v1/break-glass/" + ended + "/end", Map.of());
		assertThat(end.status()).as(end.body()).isEqualTo(200);
		assertThat(end.json().get("active").asBoolean()).isFalse();
		assertThat(end.json().get("endedAt").isNull()).isFalse();
		assertThat(outsider.get("/api/v1/patients/" + patient).status()).isEqualTo(404);
		assertThat(outsider.post("/api/v1/break-glass/" + ended + "/end", Map.of()).status()).isEqualTo(409);
	}

	@Test
	void aReasonOfTheMinimumLengthIsRequired() {
		assertProblem(outsider.post("/api/v1/break-glass", Map.of("patientId", patient)), 422, "reason");
		assertProblem(open(patient, "   emergency   "), 422, "reason");
		assertProblem(outsider.post("/api/v1/break-glass", Map.of("reason", REASON)), 422, "patientId");
		assertThat(outsider.get("/api/v1/patients/" + patient).status()).isEqualTo(404);
		assertThat(ownerJdbc().sql("SELECT count(*) FROM break_glass_grant WHERE patient_id = :p")
			.param("p", patient)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPatientCanBeNamedByClinicAndMedicalRecordNumber() {
		String mrn = clinic.physician().get("/api/v1/patients/" + patient).json().get("mrn").asString();
		TestApi.Response response = outsider.post("/api/v1/break-glass",
				Map.of("clinicId", clinic.clinicId(), "mrn", mrn, "reason", REASON));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("patientId").asString()).isEqualTo(patient.toString());
		String unknownMrn = "NOPE-" + unique();
		assertThat(outsider.post("/api/v1/break-glass", Map.of("clinicId", clinic.clinicId(), "mrn", unknownMrn,
				"reason", REASON)).status()).isEqualTo(404);
		assertThat(open(UUID.randomUUID(), REASON).status()).isEqualTo(404);

		// Probing for record numbers of another clinic leaves a trace, though nothing was granted.
		List<Map<String, Object>> refused = ownerJdbc().sql("""
				SELECT actor_username, reason, changes::text AS changes FROM audit_event
				WHERE entity_type = 'BreakGlassGrant' AND entity_id = 'refused' AND changes::text LIKE :mrn
				""").param("mrn", "%" + unknownMrn + "%").query().listOfRows();
		assertThat(refused).singleElement().satisfies(e -> {
			assertThat(e.get("actor_username")).isEqualTo(outsiderName);
			assertThat(e.get("reason")).isEqualTo(REASON);
			assertThat((String) e.get("changes")).contains("no such patient", clinic.clinicId().toString());
		});
	}

	@Test
	void onlyPhysiciansMayBreakTheGlass() {
		UUID outside = createClinic("Outside staff");
		for (String role : List.of("COORDINATOR", "LAB", "RESEARCHER", "AUDITOR", "ADMIN")) {
			TestApi user = login(createUser(role, Set.of(outside)), USER_PASSWORD);
			TestApi.Response response = user.post("/api/v1/break-glass", Map.of("patientId", patient, "reason", REASON));
			assertThat(response.status()).as(role + ": " + response.body()).isEqualTo(403);
		}
		assertThat(anonymous.post("/api/v1/break-glass", Map.of("patientId", patient, "reason", REASON)).status())
			.isEqualTo(401);
		assertThat(clinic.physician().post("/api/v1/break-glass", Map.of("patientId", patient, "reason",
				REASON)).status())
			.as("a physician of the patient's own clinic needs no grant")
			.isEqualTo(409);
	}

	@Test
	void theGrantAndEveryReadAreAudited() {
		UUID grantId = grant(patient);
		outsider.get("/api/v1/patients/" + patient);
		outsider.get("/api/v1/patients/" + patient + "/diagnoses");

		List<Map<String, Object>> entries = ownerJdbc().sql("""
				SELECT action, reason, actor_username, clinic_id, changes::text AS changes FROM audit_event
				WHERE entity_type = 'BreakGlassGrant' AND entity_id = :id ORDER BY seq
				""").param("id", grantId.toString()).query().listOfRows();
		assertThat(entries).hasSize(3);
		assertThat(entries.get(0).get("action")).isEqualTo("CREATE");
		assertThat(entries.get(0).get("reason")).isEqualTo(REASON);
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.get("actor_username")).isEqualTo(outsiderName);
			assertThat(e.get("clinic_id")).isEqualTo(new UUID(0, 0));
		});
		assertThat(entries.get(1).get("action")).isEqualTo("ACCESS");
		assertThat((String) entries.get(1).get("changes")).contains(patient.toString(), clinic.clinicId().toString(),
				"GET /api/v1/patients/" + patient);
		assertThat((String) entries.get(2).get("changes")).contains("GET /api/v1/patients/" + patient + "/diagnoses");
	}

	@Test
	void theClinicsAdministratorsSeeTheGrantsAndOthersDoNot() {
		UUID grantId = grant(patient);
		TestApi clinicAdmin = login(createUser("ADMIN", Set.of(clinic.clinicId())), USER_PASSWORD);
		TestApi.Response listed = clinicAdmin.get("/api/v1/break-glass?clinicId=" + clinic.clinicId());
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		JsonNode seen = find(listed.json(), "id", grantId.toString());
		assertThat(seen.get("reason").asString()).isEqualTo(REASON);
		assertThat(seen.get("physicianName").asString()).isEqualTo("Test PHYSICIAN");
		assertThat(seen.get("patientMrn").asString()).startsWith("H-");
		assertThat(seen.get("active").asBoolean()).isTrue();

		TestApi otherAdmin = login(createUser("ADMIN", Set.of(createClinic("Other admin"))), USER_PASSWORD);
		assertThat(otherAdmin.get("/api/v1/break-glass?clinicId=" + clinic.clinicId()).status()).isEqualTo(404);
		assertThat(clinic.physician().get("/api/v1/break-glass?clinicId=" + clinic.clinicId()).status()).isEqualTo(403);

		WebSession web = new WebSession(port);
		web.signIn(createUser("ADMIN", Set.of(clinic.clinicId())), USER_PASSWORD);
		WebSession.Page page = web.get("/admin/break-glass");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains(REASON).contains("Active");
		WebSession.Page dashboard = web.get("/");
		assertThat(dashboard.html()).contains("id=\"break-glass-card\"")
			.contains("has emergency access to a patient of your clinic now");

		TestApi.Response ended = clinicAdmin.post("/api/v1/break-glass/" + grantId + "/end", Map.of());
		assertThat(ended.status()).as(ended.body()).isEqualTo(200);
		assertThat(outsider.get("/api/v1/patients/" + patient).status()).isEqualTo(404);
	}

	@Test
	void thePhysicianOpensThePatientFromTheWebFormAndSeesTheChartMarkedAsEmergencyAccess() {
		String mrn = clinic.physician().get("/api/v1/patients/" + patient).json().get("mrn").asString();
		WebSession web = new WebSession(port);
		web.signIn(outsiderName, USER_PASSWORD);
		assertThat(web.get("/patients").html()).contains("Emergency access to another clinic");
		WebSession.Page form = web.get("/patients/break-glass");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html()).contains("recorded in the audit trail");

		WebSession.Page refused = web.post("/patients/break-glass",
				Map.of("clinicId", clinic.clinicId().toString(), "mrn", mrn, "reason", "short", "_csrf", form.csrf()));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html()).contains("reason-error").contains("at least 20 characters");

		WebSession.Page chart = web.post("/patients/break-glass",
				Map.of("clinicId", clinic.clinicId().toString(), "mrn", mrn, "reason", REASON, "_csrf", form.csrf()));
		assertThat(chart.status()).isEqualTo(200);
		assertThat(chart.uri()).endsWith("/patients/" + patient);
		assertThat(chart.html()).contains("break-glass-notice").contains(mrn);
		assertThat(web.get("/patients/" + otherPatient).status()).isEqualTo(404);
	}

	@Test
	void theDatabaseOpensTheGrantedPatientOnlyAndOnlyInReadOnlyTransactions() {
		UUID grantId = grant(patient);
		CurrentUser user = physicianAsSignedIn(outsiderName);
		JdbcClient app = JdbcClient.create(appDataSource);
		// SQL with no clinic or patient filter at all: row-level security alone decides.
		String sql = "SELECT count(*) FROM diagnosis WHERE clinic_id = :c";
		TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
		readOnly.setReadOnly(true);
		Long readable = CurrentUser.callAs(user,
				() -> readOnly.execute(s -> app.sql(sql).param("c", clinic.clinicId()).query(Long.class).single()));
		assertThat(readable).as("the granted patient's diagnosis only, not the other patient's").isEqualTo(1);
		Long patients = CurrentUser.callAs(user, () -> readOnly
			.execute(s -> app.sql("SELECT count(*) FROM patient WHERE clinic_id = :c").param("c",
					clinic.clinicId()).query(Long.class).single()));
		assertThat(patients).isEqualTo(1);

		String plan = CurrentUser.callAs(user, () -> readOnly.execute(s -> String.join("\n",
				app.sql("EXPLAIN SELECT count(*) FROM diagnosis").query(String.class).list())));
		assertThat(plan).as("the grants are looked up once per query, not once per row").contains("InitPlan");

		Long inReadWrite = CurrentUser.callAs(user,
				() -> transactions.execute(s -> app.sql(sql).param("c", clinic.clinicId()).query(Long.class).single()));
		assertThat(inReadWrite).as("a read-write transaction carries no grant").isZero();
		Integer updated = CurrentUser.callAs(user, () -> transactions.execute(s -> app
			.sql("UPDATE patient SET given_name = 'Changed' WHERE clinic_id = :c")
			.param("c", clinic.clinicId())
			.update()));
		assertThat(updated).isZero();

		ownerJdbc().sql("UPDATE break_glass_grant SET ended_at = now() WHERE id = :id").param("id", grantId).update();
		Long afterEnd = CurrentUser.callAs(user,
				() -> readOnly.execute(s -> app.sql(sql).param("c", clinic.clinicId()).query(Long.class).single()));
		assertThat(afterEnd).isZero();
	}

}
