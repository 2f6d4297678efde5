package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.cellproducts.CellLab;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.outcomes.MedicationApiTests.assertField;

/**
 * The portal's JSON endpoints for medicines and problems, and the physician's review that grades
 * a patient's report.
 */
class SurveyMedicinesAndProblemsApiTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The patient's side of the survey portal. */
	private Surveys surveys;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		surveys = new Surveys(treatment);
	}

	private static Map<String, Object> problem(String text) {
		return Map.of("description", text, "onset", LocalDate.now().minusDays(1).toString(), "careSought", "DOCTOR");
	}

	@Test
	void medicinesAreStoppedAndAddedThroughTheApi() {
		UUID oxycodone = surveys.staffMedication("oxycodone", 10, "mg", 2);
		String token = surveys.link(surveys.baselineFollowUp());
		TestApi.Response response = surveys.updateMedicines(token, Map.of("stopped", List.of(oxycodone), "added",
				List.of(Map.of("drug", "fentanyl", "dose", 12, "unit", "mcg/hr"))));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		JsonNode items = response.json().get("items");
		assertThat(items.size()).isEqualTo(1);
		assertThat(items.get(0).get("drug").asString()).isEqualTo("fentanyl");
		assertThat(items.get(0).has("mmePerDay")).isFalse();
		assertThat(items.get(0).has("patientId")).isFalse();
		JsonNode patch = find(ok(cells.physician().get("/api/v1/patients/" + cells.patientId()
				+ "/medications")).get("items"), "drug", "fentanyl");
		assertThat(patch.get("route").asString()).isEqualTo("TRANSDERMAL");
		assertThat(patch.get("mmePerDay").decimalValue()).isEqualByComparingTo("28.8");

		// Sending the same stop again (a double submit) stops it once.
		TestApi.Response again = surveys.updateMedicines(token, Map.of("stopped", List.of(oxycodone)));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(surveys.auditedBySystem(MedicationService.ENTITY, oxycodone)).isEqualTo(1);
	}

	@Test
	void aBadMedicineIsRefusedNamingItsFieldAndNothingIsStored() {
		UUID oxycodone = surveys.staffMedication("oxycodone", 10, "mg", 2);
		String token = surveys.link(surveys.baselineFollowUp());
		Map<String, Object> good = Map.of("drug", "tramadol", "dose", 50, "unit", "mg", "timesPerDay", 2);
		Map<String, Object> badUnit = Map.of("drug", "tramadol", "dose", 50, "unit", "spoonful", "timesPerDay", 2);
		assertField(surveys.updateMedicines(token, Map.of("stopped", List.of(oxycodone), "added", List.of(good,
				badUnit))), 422, "added[1].unit");
		Map<String, Object> wrongUnitForDrug = Map.of("drug", "tramadol", "dose", 50, "unit", "mcg", "timesPerDay", 2);
		assertField(surveys.updateMedicines(token, Map.of("added", List.of(wrongUnitForDrug))), 422, "added[0].unit");
		assertField(surveys.updateMedicines(token, Map.of("added", List.of(Map.of("drug", "tramadol", "dose", -1,
				"unit", "mg")))), 422, "added[0].dose");
		assertField(surveys.updateMedicines(token, Map.of("stopped", List.of(UUID.randomUUID()))), 422, "stopped[0]");
		assertThat(surveys.medicationsStored("PATIENT")).isZero();
		assertThat(ok(cells.physician().get("/api/v1/patients/" + cells.patientId() + "/medications/"
				+ oxycodone)).get("stop").isNull())
			.isTrue();
	}

	@Test
	void unusableTokensAreRefusedExactlyLikeResponses() {
		UUID followUp = surveys.baselineFollowUp();
		String expired = surveys.link(followUp);
		surveys.expire(expired);
		assertThat(surveys.updateMedicines(expired, Map.of()).status()).isEqualTo(410);
		assertThat(surveys.reportProblem(expired, problem("pain")).status()).isEqualTo(410);
		assertThat(surveys.submit(expired, "nrs-back", Map.of("nrs", 6)).status()).isEqualTo(410);

		String revoked = surveys.link(followUp);
		surveys.revoke(revoked);
		TestApi.Response medicines = surveys.updateMedicines(revoked, Map.of());
		TestApi.Response problems = surveys.reportProblem(revoked, problem("pain"));
		TestApi.Response unknown = surveys.reportProblem("C".repeat(43), problem("pain"));
		assertThat(medicines.status()).isEqualTo(404);
		assertThat(problems.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(problems.body()).isEqualTo(unknown.body()).doesNotContain(revoked);
		assertThat(surveys.problemsStored()).isZero();
	}

	@Test
	void aProblemIsStoredUngradedAndAnIdenticalRepeatIsNotADuplicate() {
		String token = surveys.link(surveys.baselineFollowUp());
		TestApi.Response first = surveys.reportProblem(token, problem("Swelling at the injection site"));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("status").asString()).isEqualTo("AWAITING_REVIEW");
		assertThat(first.json().has("grade")).isFalse();
		TestApi.Response repeat = surveys.reportProblem(token, problem("Swelling at the injection site"));
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(surveys.problemsStored()).isEqualTo(1);
		assertThat(surveys.reportProblem(token, problem("Headache since yesterday")).status()).isEqualTo(201);
		assertThat(surveys.problemsStored()).isEqualTo(2);
		assertThat(surveys.auditedBySystem(AdverseEventService.ENTITY, first.json().get("id").asString())).isEqualTo(1);
	}

	@Test
	void parallelIdenticalReportsStoreOneEvent() throws Exception {
		String token = surveys.link(surveys.baselineFollowUp());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<TestApi.Response>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(pool.submit(() -> surveys.reportProblem(token, problem("Numb toes on the left"))));
			}
			List<Integer> statuses = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			for (Future<TestApi.Response> result : results) {
				TestApi.Response response = result.get();
				statuses.add(response.status());
				ids.add(response.json().get("id").asString());
			}
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
			assertThat(statuses).filteredOn(s -> s == 200).hasSize(7);
			assertThat(ids).hasSize(1);
			assertThat(surveys.problemsStored()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aBadProblemIsRefusedNamingTheField() {
		String token = surveys.link(surveys.baselineFollowUp());
		assertField(surveys.reportProblem(token, problem("x".repeat(AdverseEventService.PATIENT_TEXT_MAX + 1))), 422,
				"description");
		assertField(surveys.reportProblem(token, problem("   ")), 422, "description");
		Map<String, Object> future = new HashMap<>(problem("pain"));
		future.put("onset", LocalDate.now().plusDays(3).toString());
		assertField(surveys.reportProblem(token, future), 422, "onset");
		assertField(surveys.reportProblem(token, Map.of("description", "pain", "onset", LocalDate.now().toString())),
				422, "careSought");
		assertThat(surveys.reportProblem(token, Map.of("description", "pain", "onset", "soon", "careSought",
				"NONE")).status())
			.isEqualTo(400);
		assertThat(surveys.problemsStored()).isZero();
	}

	@Test
	void problemReportsAreRateLimitedLikeResponses() {
		String token = surveys.link(surveys.baselineFollowUp());
		int last = 0;
		for (int i = 0; i < 31; i++) {
			last = surveys.reportProblem(token, Map.of()).status();
		}
		assertThat(last).isEqualTo(429);
	}

	@Test
	void theReviewGradesAPatientsReportAndOpensTheSafetyTaskOfASeriousOne() {
		String token = surveys.link(surveys.baselineFollowUp());
		String serious = surveys.reportProblem(token, problem("I was admitted with fever")).json().get("id").asString();
		String mild = surveys.reportProblem(token,
				problem("A bruise where the needle went in")).json().get("id").asString();

		JsonNode waiting = ok(cells.physician().get("/api/v1/adverse-events/awaiting-review")).get("items");
		assertThat(waiting.valueStream().map(e -> e.get("id").asString()).toList()).containsExactly(serious, mild);
		assertThat(ok(cells.physician().get("/api/v1/adverse-events/" + serious
				+ "/safety-tasks")).get("items").size()).isZero();

		assertField(cells.physician().post("/api/v1/adverse-events/" + serious + "/review", Map.of("note", "seen")),
				422, "grade");
		Map<String, Object> fatalWithoutDeath = Map.of("category", "Infection", "grade", 5, "outcome", "FATAL",
				"expected", false, "serious", List.of("DEATH"));
		assertField(cells.physician().post("/api/v1/adverse-events/" + serious + "/review", fatalWithoutDeath), 422,
				"deathDate");

		JsonNode reviewed = ok(cells.physician().post("/api/v1/adverse-events/" + serious + "/review",
				Map.of("category", "Infection", "grade", 3, "outcome", "RECOVERING", "expected", false, "serious",
						List.of("HOSPITALISATION"), "relatednessProcedure", "POSSIBLE", "note", "Admitted for 2 days")));
		assertThat(reviewed.get("grade").asInt()).isEqualTo(3);
		assertThat(reviewed.get("category").asString()).isEqualTo("Infection");
		assertThat(reviewed.get("reviewed").asBoolean()).isTrue();
		assertThat(reviewed.get("careSought").asString()).isEqualTo("DOCTOR");
		JsonNode tasks = ok(cells.physician().get("/api/v1/adverse-events/" + serious + "/safety-tasks")).get("items");
		assertThat(tasks.size()).isEqualTo(1);
		assertThat(tasks.get(0).get("dueDate").asString())
			.isEqualTo(LocalDate.parse(reviewed.get("awarenessDate").asString()).plusDays(15).toString());

		ok(cells.physician().post("/api/v1/adverse-events/" + mild + "/review",
				Map.of("category", "Injection site reaction", "grade", 1, "outcome", "RECOVERED", "expected", true)));
		assertThat(ok(cells.physician().get("/api/v1/adverse-events/" + mild
				+ "/safety-tasks")).get("items").size()).isZero();
		assertThat(ok(cells.physician().get("/api/v1/adverse-events/awaiting-review")).get("items").size()).isZero();
		assertThat(cells.physician().post("/api/v1/adverse-events/" + mild + "/review",
				Map.of()).status()).isEqualTo(409);
	}

}
