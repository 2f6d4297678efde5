package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.cellproducts.CellLab;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.outcomes.MedicationApiTests.assertField;

/** Reporting adverse events, and the safety reporting tasks that serious ones open. */
class AdverseEventApiTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	@BeforeEach
	void clinicWithStaff() {
		cells = new CellLab(app);
	}

	@Test
	void aGradeFiveEventWithoutADeathDateIsRefusedNamingDeathDate() {
		Map<String, Object> body = mild();
		body.put("grade", 5);
		body.put("outcome", "FATAL");
		body.put("serious", List.of("DEATH"));
		assertField(cells.physician().post("/api/v1/adverse-events", body), 422, "deathDate");

		body.put("deathDate", LocalDate.now().minusDays(20).toString());
		assertField(cells.physician().post("/api/v1/adverse-events", body), 422, "deathDate");

		Map<String, Object> notFatal = new HashMap<>(body);
		notFatal.put("deathDate", LocalDate.now().toString());
		notFatal.put("outcome", "RECOVERING");
		notFatal.put("serious", List.of("HOSPITALISATION"));
		TestApi.Response response = cells.physician().post("/api/v1/adverse-events", notFatal);
		assertField(response, 422, "outcome");
		assertField(response, 422, "serious");
	}

	@Test
	void aResolutionBeforeOnsetIsRefused() {
		Map<String, Object> body = mild();
		body.put("outcome", "RECOVERED");
		body.put("resolutionDate", LocalDate.now().minusDays(30).toString());
		assertField(cells.physician().post("/api/v1/adverse-events", body), 422, "resolutionDate");
	}

	@Test
	void aSeriousEventOpensATaskDueInFifteenDays() {
		Map<String, Object> body = mild();
		body.put("grade", 3);
		body.put("serious", List.of("HOSPITALISATION"));
		body.put("awarenessDate", LocalDate.now().minusDays(1).toString());
		JsonNode event = ok(cells.physician().post("/api/v1/adverse-events", body));

		JsonNode task = taskOf(id(event));
		assertThat(task.get("rule").asString()).isEqualTo("SERIOUS_15_DAY");
		assertThat(task.get("dueDate").asString()).isEqualTo(LocalDate.now().plusDays(14).toString());
		assertThat(task.get("status").asString()).isEqualTo("OPEN");

		JsonNode done = ok(cells.physician().post("/api/v1/safety-tasks/" + id(task) + "/complete",
				Map.of("note", "Reported to the IRB and sponsor")));
		assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(cells.physician().post("/api/v1/safety-tasks/" + id(task) + "/complete", Map.of("note",
				"again")).status())
			.isEqualTo(409);
		assertThat(openTasks().valueStream().map(t -> t.get("id").asString())).doesNotContain(id(task).toString());
	}

	@Test
	void anUnexpectedRelatedLifeThreateningEventWithAnIndProductIsDueInSevenDays() {
		UUID product = cells.aReleasedProduct();
		assertThat(ok(cells.lab().get("/api/v1/cell-products/" + product)).get("indNumber").isNull()).isFalse();
		Map<String, Object> body = mild();
		body.put("productId", product);
		body.put("grade", 4);
		body.put("serious", List.of("LIFE_THREATENING", "HOSPITALISATION"));
		body.put("relatednessProduct", "PROBABLE");
		body.put("expected", false);
		body.put("description", "Epidural abscess at L4-L5 with sepsis");
		JsonNode event = ok(cells.physician().post("/api/v1/adverse-events", body));

		JsonNode task = taskOf(id(event));
		assertThat(task.get("rule").asString()).isEqualTo("FATAL_OR_LIFE_THREATENING_7_DAY");
		assertThat(task.get("dueDate").asString()).isEqualTo(LocalDate.now().plusDays(7).toString());

		// The same event, expected, falls back to the 15-day deadline.
		body.put("expected", true);
		JsonNode expected = ok(cells.physician().post("/api/v1/adverse-events", body));
		assertThat(taskOf(id(expected)).get("dueDate").asString()).isEqualTo(LocalDate.now().plusDays(15).toString());
	}

	@Test
	void aNonSeriousEventOpensNoTask() {
		JsonNode event = ok(cells.physician().post("/api/v1/adverse-events", mild()));
		assertThat(ok(cells.physician().get("/api/v1/adverse-events/" + id(event)
				+ "/safety-tasks")).get("items").isEmpty())
			.isTrue();
		long tasks = ownerJdbc().sql("SELECT count(*) FROM safety_task WHERE adverse_event_id = :id")
			.param("id", id(event))
			.query(Long.class)
			.single();
		assertThat(tasks).isZero();
	}

	@Test
	void theDescriptionIsStoredExactlyAsEntered() {
		String html = "<script>alert('x')</script> & <b>swelling</b>";
		Map<String, Object> body = mild();
		body.put("description", html);
		JsonNode event = ok(cells.physician().post("/api/v1/adverse-events", body));
		assertThat(ok(cells.lab().get("/api/v1/adverse-events/"
				+ id(event))).get("description").asString()).isEqualTo(html);
		String stored = ownerJdbc().sql("SELECT description FROM adverse_event WHERE id = :id")
			.param("id", id(event))
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(html);
	}

	@Test
	void aPatientReportWaitsForAPhysiciansReview() {
		Map<String, Object> body = mild();
		body.put("reporter", "PATIENT");
		TestApi coordinator = login(createUser("COORDINATOR", Set.of(cells.clinicId())), USER_PASSWORD);
		// Staff cannot record a patient's report; a graded one awaiting review dates from before that rule.
		assertField(coordinator.post("/api/v1/adverse-events", body), 422, "reporter");
		JsonNode event = ok(coordinator.post("/api/v1/adverse-events", mild()));
		ownerJdbc().sql("UPDATE adverse_event SET reporter = 'PATIENT', reviewed_at = NULL, reviewed_by = NULL WHERE id = :id")
			.param("id", id(event))
			.update();
		event = ok(coordinator.get("/api/v1/adverse-events/" + id(event)));
		assertThat(event.get("reviewed").asBoolean()).isFalse();
		String review = "/api/v1/adverse-events/" + id(event) + "/review";
		assertThat(coordinator.post(review, Map.of()).status()).isEqualTo(403);
		JsonNode reviewed = ok(cells.physician().post(review, Map.of("note", "Confirmed at the 2-week visit")));
		assertThat(reviewed.get("reviewed").asBoolean()).isTrue();
		assertThat(cells.physician().post(review, Map.of()).status()).isEqualTo(409);
		JsonNode listed = ok(cells.physician().get("/api/v1/patients/" + cells.patientId()
				+ "/adverse-events")).get("items");
		assertThat(find(listed, "id", id(event).toString()).get("reviewed").asBoolean()).isTrue();
	}

	@Test
	void anotherClinicsPatientOrProductIsNotVisible() {
		UUID elsewhere = createClinic("Elsewhere");
		TestApi stranger = login(createUser("PHYSICIAN", Set.of(elsewhere)), USER_PASSWORD);
		assertThat(stranger.post("/api/v1/adverse-events", mild()).status()).isEqualTo(404);
		JsonNode event = ok(cells.physician().post("/api/v1/adverse-events", mild()));
		assertThat(stranger.get("/api/v1/adverse-events/" + id(event)).status()).isEqualTo(404);

		Map<String, Object> body = mild();
		body.put("productId", UUID.randomUUID());
		assertField(cells.physician().post("/api/v1/adverse-events", body), 422, "productId");
		body.remove("productId");
		body.put("procedureId", UUID.randomUUID());
		assertField(cells.physician().post("/api/v1/adverse-events", body), 422, "procedureId");
		assertThat(cells.lab().post("/api/v1/adverse-events", mild()).status()).isEqualTo(403);
	}

	private JsonNode taskOf(UUID eventId) {
		JsonNode tasks = ok(cells.physician().get("/api/v1/adverse-events/" + eventId + "/safety-tasks")).get("items");
		assertThat(tasks.size()).isEqualTo(1);
		JsonNode task = tasks.get(0);
		JsonNode open = find(openTasks(), "id", id(task).toString());
		assertThat(open.get("adverseEventId").asString()).isEqualTo(eventId.toString());
		return task;
	}

	private JsonNode openTasks() {
		JsonNode items = ok(cells.physician().get("/api/v1/safety-tasks?status=OPEN")).get("items");
		List<String> due = items.valueStream().map(t -> t.get("dueDate").asString()).toList();
		assertThat(due).isSorted();
		return items;
	}

	private Map<String, Object> mild() {
		Map<String, Object> body = new HashMap<>();
		body.put("patientId", cells.patientId());
		body.put("onset", LocalDate.now().minusDays(3).toString());
		body.put("description", "Soreness at the injection site");
		body.put("category", "Injection-site reaction");
		body.put("grade", 1);
		body.put("relatednessProcedure", "PROBABLE");
		body.put("expected", true);
		body.put("action", "Ice and paracetamol");
		body.put("outcome", "RECOVERING");
		body.put("reporter", "CLINICIAN");
		return body;
	}

}
