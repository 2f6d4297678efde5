package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.platform.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.cellproducts.CellLab.path;

/**
 * Break-glass for records opened by their own id (procedure, follow-up, adverse event, safety task,
 * care plan, cell product) and by patient and id (medications, interventions, responses, consents,
 * diagnoses ...): under an active grant a physician of another clinic reads the granted patient's
 * records, read only and audited; another patient's records of that clinic stay 404, as do all of
 * them without a grant and after it expires.
 */
class BreakGlassRecordTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	private static final String REASON = "Seen in our emergency room tonight, need the injection details";

	@Autowired
	TransactionTemplate transactions;

	private UUID granted;

	private UUID other;

	private Map<String, String> grantedPaths;

	private Map<String, String> otherPaths;

	private String outsiderName;

	private TestApi outsider;

	@BeforeEach
	void twoPatientsWithFullRecordsAndAnOutsider() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		granted = cells.patientId();
		grantedPaths = recordsOf(granted);
		TestApi.Response second = cells.physician().post("/api/v1/patients", Map.of("clinicId", cells.clinicId(), "mrn",
				"BG-" + unique(), "givenName", "Noor", "familyName", "Other", "birthDate", "1971-05-06", "sex", "FEMALE"));
		assertThat(second.status()).as(second.body()).isEqualTo(201);
		other = id(second.json());
		cells.switchToPatient(other);
		otherPaths = recordsOf(other);
		cells.switchToPatient(granted);
		outsiderName = createUser("PHYSICIAN", Set.of(createClinic("Outside")));
		outsider = login(outsiderName, USER_PASSWORD);
	}

	/** Builds a full record for the patient in {@link #patientId}; returns its by-id read paths by name. */
	private Map<String, String> recordsOf(UUID patient) {
		UUID procedure = treatment.aCompletedProcedure(true);
		Map<String, Object> event = new HashMap<>();
		event.put("patientId", patient);
		event.put("procedureId", procedure);
		event.put("onset", LocalDate.now().toString());
		event.put("description", "Admitted with severe back pain");
		event.put("category", "Pain flare");
		event.put("grade", 3);
		event.put("serious", List.of("HOSPITALISATION"));
		event.put("awarenessDate", LocalDate.now().toString());
		event.put("relatednessProcedure", "POSSIBLE");
		event.put("expected", false);
		event.put("outcome", "RECOVERING");
		event.put("reporter", "CLINICIAN");
		UUID adverseEvent = id(ok(cells.physician().post("/api/v1/adverse-events", event)));
		UUID plan = id(ok(cells.physician().post("/api/v1/patients/" + patient + "/care-plans", Map.of("kind",
				"PHYSICAL_THERAPY", "description", "Core stabilisation", "plannedSessions", 4, "sessionsPerWeek", 2,
				"startDate", LocalDate.now().minusDays(3).toString()))));
		ok(cells.physician().post("/api/v1/care-plans/" + plan + "/sessions",
				Map.of("date", LocalDate.now().minusDays(1).toString(), "attended", true, "adherence", "FULL")));
		UUID medication = id(ok(cells.physician().post("/api/v1/patients/" + patient + "/medications",
				Map.of("drug", "oxycodone", "dose", 10, "unit", "mg", "route", "ORAL", "frequencyPerDay", 2, "start",
						LocalDate.now().minusDays(30).toString(), "source", "STAFF"))));
		UUID intervention = id(ok(cells.physician().post("/api/v1/patients/" + patient + "/interventions",
				Map.of("type", "REPEAT_INJECTION", "date", LocalDate.now().toString(), "level", "L4-L5", "reason",
						"Pain came back", "procedureId", procedure))));
		Map<String, Object> answers = new HashMap<>();
		for (int i = 1; i <= 10; i++) {
			answers.put("odi-" + i, 2);
		}
		UUID response = id(ok(cells.physician().post("/api/v1/patients/" + patient + "/responses",
				Map.of("instrument", "odi-2.1a", "answers", answers))));

		Map<String, String> paths = new LinkedHashMap<>();
		String p = "/api/v1/patients/" + patient;
		paths.put("procedure", "/api/v1/procedures/" + procedure);
		paths.put("follow-up", "/api/v1/follow-ups/" + one("SELECT id FROM follow_up WHERE procedure_id = :id ORDER BY due_date LIMIT 1", procedure));
		paths.put("adverse event", "/api/v1/adverse-events/" + adverseEvent);
		paths.put("its safety tasks", "/api/v1/adverse-events/" + adverseEvent + "/safety-tasks");
		paths.put("safety task",
				"/api/v1/safety-tasks/" + one("SELECT id FROM safety_task WHERE adverse_event_id = :id", adverseEvent));
		paths.put("care plan", "/api/v1/care-plans/" + plan);
		UUID product = one("SELECT product_id FROM procedure_unit WHERE procedure_id = :id", procedure);
		paths.put("cell product", "/api/v1/cell-products/" + product);
		paths.put("product events", "/api/v1/cell-products/" + product + "/events");
		paths.put("medication", p + "/medications/" + medication);
		paths.put("intervention", p + "/interventions/" + intervention);
		paths.put("response", p + "/responses/" + response);
		paths.put("consent", p + "/consents/" + one("SELECT id FROM consent WHERE patient_id = :id", patient));
		paths.put("diagnosis", p + "/diagnoses/" + one("SELECT id FROM diagnosis WHERE patient_id = :id", patient));
		paths.put("imaging", p + "/imaging/" + one("SELECT id FROM imaging_finding WHERE patient_id = :id", patient));
		paths.put("prior treatment",
				p + "/prior-treatments/" + one("SELECT id FROM prior_treatment WHERE patient_id = :id", patient));
		paths.put("candidacy", p + "/candidacy-assessments/"
				+ one("SELECT id FROM candidacy_assessment WHERE patient_id = :id", patient));
		return paths;
	}

	private UUID one(String sql, UUID id) {
		return ownerJdbc().sql(sql).param("id", id).query(UUID.class).list().get(0);
	}

	private UUID grant() {
		TestApi.Response response = outsider.post("/api/v1/break-glass", Map.of("patientId", granted, "reason", REASON));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return id(response.json());
	}

	private void assertStatus(Map<String, String> paths, int status) {
		paths.forEach((name, path) -> {
			TestApi.Response response = outsider.get(path);
			assertThat(response.status()).as(name + " " + path + ": " + response.body()).isEqualTo(status);
		});
	}

	@Test
	void aGrantOpensEachRecordOfThePatientByItsIdAndNoRecordOfAnotherPatient() {
		assertStatus(grantedPaths, 404);
		grant();

		grantedPaths.forEach((name, path) -> {
			TestApi.Response response = outsider.get(path);
			assertThat(response.status()).as(name + " " + path + ": " + response.body()).isEqualTo(200);
			String id = path.substring(path.lastIndexOf('/') + 1);
			if (!path.endsWith("/events") && !path.endsWith("/safety-tasks")) {
				assertThat(response.json().get("id").asString()).as(name).isEqualTo(id);
			}
		});
		assertThat(ok(outsider.get(grantedPaths.get("procedure"))).get("patientId").asString())
			.isEqualTo(granted.toString());
		assertThat(ok(outsider.get(grantedPaths.get("its safety tasks"))).get("items").size()).isEqualTo(1);
		assertThat(ok(outsider.get(grantedPaths.get("care plan"))).get("sessions").size()).as("with its sessions")
			.isEqualTo(1);
		assertThat(ok(outsider.get(grantedPaths.get("product events"))).get("items").size()).isPositive();
		assertThat(ok(outsider.get(grantedPaths.get("procedure"))).toString()).as("the units of the procedure")
			.contains(grantedPaths.get("cell product").substring("/api/v1/cell-products/".length()));

		assertStatus(otherPaths, 404);
	}

	@Test
	void everyRecordReadUnderAGrantIsAuditedAsABreakGlassRead() {
		UUID grantId = grant();
		ok(outsider.get(grantedPaths.get("procedure")));
		ok(outsider.get(grantedPaths.get("cell product")));
		ok(outsider.get(grantedPaths.get("safety task")));
		List<String> reads = ownerJdbc().sql("""
				SELECT changes -> 'read' ->> 'newValue' FROM audit_event
				WHERE entity_type = 'BreakGlassGrant' AND entity_id = :id AND action = 'ACCESS' AND actor_username = :who
				  AND changes -> 'patientId' ->> 'newValue' = :patient
				ORDER BY seq
				""")
			.param("id", grantId.toString())
			.param("who", outsiderName)
			.param("patient", granted.toString())
			.query(String.class)
			.list();
		assertThat(reads).containsExactly("GET " + grantedPaths.get("procedure"), "GET " + grantedPaths.get("cell product"),
				"GET " + grantedPaths.get("safety task"));
	}

	@Test
	void anExpiredGrantOpensNoRecordAgain() {
		UUID grantId = grant();
		assertThat(outsider.get(grantedPaths.get("procedure")).status()).isEqualTo(200);
		ownerJdbc().sql("""
				UPDATE break_glass_grant SET granted_at = now() - interval '2 hours', expires_at = now() - interval '1 minute'
				WHERE id = :id
				""").param("id", grantId).update();
		assertStatus(grantedPaths, 404);
	}

	@Test
	void aGrantAllowsNoChangeThroughARecordsOwnId() {
		grant();
		String followUp = grantedPaths.get("follow-up");
		String safetyTask = grantedPaths.get("safety task");
		String adverseEvent = grantedPaths.get("adverse event");
		String carePlan = grantedPaths.get("care plan");
		String procedure = grantedPaths.get("procedure");
		Map<String, Map<String, Object>> writes = new LinkedHashMap<>();
		writes.put(followUp + "/complete", Map.of());
		writes.put(safetyTask + "/complete", Map.of("note", "not mine to report"));
		writes.put(adverseEvent + "/review", Map.of("note", "not mine to review"));
		writes.put(carePlan + "/sessions",
				Map.of("date", LocalDate.now().toString(), "attended", true, "adherence", "FULL"));
		writes.put(procedure + "/complete", Map.of("remainders", List.of()));
		writes.put(grantedPaths.get("cell product") + "/discard", Map.of("reason", "not allowed"));
		writes.forEach((path, body) -> {
			TestApi.Response response = outsider.post(path, body);
			assertThat(response.status()).as(path + ": " + response.body()).isIn(403, 404);
		});
		assertThat(ownerJdbc().sql("SELECT count(*) FROM care_session WHERE recorded_by = :u")
			.param("u", userId(outsiderName))
			.query(Long.class)
			.single()).as("no session recorded by the outsider")
			.isZero();
		assertThat(ownerJdbc().sql("SELECT status FROM safety_task WHERE id = :id")
			.param("id", UUID.fromString(safetyTask.substring(safetyTask.lastIndexOf('/') + 1)))
			.query(String.class)
			.single()).isEqualTo("OPEN");
		assertThat(ownerJdbc().sql("SELECT count(*) FROM audit_event WHERE actor_username = :who AND action <> 'ACCESS'"
				+ " AND entity_type <> 'BreakGlassGrant'").param("who", outsiderName).query(Long.class).single())
			.as("no change of a clinical record by the outsider")
			.isZero();
	}

	@Test
	void theDatabaseOpensTheGrantedPatientsProductsUnitsTasksAndSessionsOnlyInReadOnlyTransactions() {
		grant();
		CurrentUser user = physicianAsSignedIn(outsiderName);
		JdbcClient app = JdbcClient.create(appDataSource);
		TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
		readOnly.setReadOnly(true);
		// No patient filter at all: row-level security alone decides what the outsider sees.
		for (String table : List.of("cell_product", "product_event", "procedure_unit", "safety_task", "care_session")) {
			String sql = "SELECT count(*) FROM " + table + " WHERE clinic_id = :c";
			long all = ownerJdbc().sql(sql).param("c", cells.clinicId()).query(Long.class).single();
			Long seen = CurrentUser.callAs(user,
					() -> readOnly.execute(s -> app.sql(sql).param("c", cells.clinicId()).query(Long.class).single()));
			Long inReadWrite = CurrentUser.callAs(user,
					() -> transactions.execute(s -> app.sql(sql).param("c",
							cells.clinicId()).query(Long.class).single()));
			assertThat(seen).as(table + ": some rows, the granted patient's only").isPositive().isLessThan(all);
			assertThat(inReadWrite).as(table + " in a read-write transaction").isZero();
		}
		UUID otherProduct = UUID.fromString(otherPaths.get("cell product").substring("/api/v1/cell-products/".length()));
		Long otherSeen = CurrentUser.callAs(user, () -> readOnly.execute(s -> app
			.sql("SELECT count(*) FROM product_event WHERE product_id = :p")
			.param("p", otherProduct)
			.query(Long.class)
			.single()));
		assertThat(otherSeen).as("the other patient's product events").isZero();
	}

}
