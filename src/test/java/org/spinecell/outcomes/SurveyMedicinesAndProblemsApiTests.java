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

import org.junit.jupiter.api.Test;
import org.spinecell.TestApi;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.outcomes.MedicationApiTests.assertField;

/**
 * The portal's JSON endpoints for medicines and problems, and the physician's review that grades
 * a patient's report.
 */
class SurveyMedicinesAndProblemsApiTests extends SurveyTest {

	private static Map<String, Object> problem(String text) {
		return Map.of("description", text, "onset", LocalDate.now().minusDays(1).toString(), "careSought", "DOCTOR");
	}

	@Test
	void medicinesAreStoppedAndAddedThroughTheApi() {
		UUID oxycodone = staffMedication("oxycodone", 10, "mg", 2);
		String token = link(baselineFollowUp());
		TestApi.Response response = updateMedicines(token, Map.of("stopped", List.of(oxycodone), "added",
				List.of(Map.of("drug", "fentanyl", "dose", 12, "unit", "mcg/hr"))));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		JsonNode items = response.json().get("items");
		assertThat(items.size()).isEqualTo(1);
		assertThat(items.get(0).get("drug").asString()).isEqualTo("fentanyl");
		assertThat(items.get(0).has("mmePerDay")).isFalse();
		assertThat(items.get(0).has("patientId")).isFalse();
		JsonNode patch = find(ok(physician.get("/api/v1/patients/" + patientId + "/medications")).get("items"), "drug",
				"fentanyl");
		assertThat(patch.get("route").asString()).isEqualTo("TRANSDERMAL");
		assertThat(patch.get("mmePerDay").decimalValue()).isEqualByComparingTo("28.8");

		// Sending the same stop again (a double submit) stops it once.
		TestApi.Response again = updateMedicines(token, Map.of("stopped", List.of(oxycodone)));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(auditedBySystem(MedicationService.ENTITY, oxycodone)).isEqualTo(1);
	}

	@Test
	void aBadMedicineIsRefusedNamingItsFieldAndNothingIsStored() {
		UUID oxycodone = staffMedication("oxycodone", 10, "mg", 2);
		String token = link(baselineFollowUp());
		Map<String, Object> good = Map.of("drug", "tramadol", "dose", 50, "unit", "mg", "timesPerDay", 2);
		Map<String, Object> badUnit = Map.of("drug", "tramadol", "dose", 50, "unit", "spoonful", "timesPerDay", 2);
		assertField(updateMedicines(token, Map.of("stopped", List.of(oxycodone), "added", List.of(good, badUnit))), 422,
				"added[1].unit");
		Map<String, Object> wrongUnitForDrug = Map.of("drug", "tramadol", "dose", 50, "unit", "mcg", "timesPerDay", 2);
		assertField(updateMedicines(token, Map.of("added", List.of(wrongUnitForDrug))), 422, "added[0].unit");
		assertField(updateMedicines(token, Map.of("added", List.of(Map.of("drug", "tramadol", "dose", -1, "unit", "mg")))),
				422, "added[0].dose");
		assertField(updateMedicines(token, Map.of("stopped", List.of(UUID.randomUUID()))), 422, "stopped[0]");
		assertThat(medicationsStored("PATIENT")).isZero();
		assertThat(ok(physician.get("/api/v1/patients/" + patientId + "/medications/" + oxycodone)).get("stop").isNull())
			.isTrue();
	}

	@Test
	void unusableTokensAreRefusedExactlyLikeResponses() {
		UUID followUp = baselineFollowUp();
		String expired = link(followUp);
		expire(expired);
		assertThat(updateMedicines(expired, Map.of()).status()).isEqualTo(410);
		assertThat(reportProblem(expired, problem("pain")).status()).isEqualTo(410);
		assertThat(submit(expired, "nrs-back", Map.of("nrs", 6)).status()).isEqualTo(410);

		String revoked = link(followUp);
		revoke(revoked);
		TestApi.Response medicines = updateMedicines(revoked, Map.of());
		TestApi.Response problems = reportProblem(revoked, problem("pain"));
		TestApi.Response unknown = reportProblem("C".repeat(43), problem("pain"));
		assertThat(medicines.status()).isEqualTo(404);
		assertThat(problems.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(problems.body()).isEqualTo(unknown.body()).doesNotContain(revoked);
		assertThat(problemsStored()).isZero();
	}

	@Test
	void aProblemIsStoredUngradedAndAnIdenticalRepeatIsNotADuplicate() {
		String token = link(baselineFollowUp());
		TestApi.Response first = reportProblem(token, problem("Swelling at the injection site"));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("status").asString()).isEqualTo("AWAITING_REVIEW");
		assertThat(first.json().has("grade")).isFalse();
		TestApi.Response repeat = reportProblem(token, problem("Swelling at the injection site"));
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(problemsStored()).isEqualTo(1);
		assertThat(reportProblem(token, problem("Headache since yesterday")).status()).isEqualTo(201);
		assertThat(problemsStored()).isEqualTo(2);
		assertThat(auditedBySystem(AdverseEventService.ENTITY, first.json().get("id").asString())).isEqualTo(1);
	}

	@Test
	void parallelIdenticalReportsStoreOneEvent() throws Exception {
		String token = link(baselineFollowUp());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<TestApi.Response>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(pool.submit(() -> reportProblem(token, problem("Numb toes on the left"))));
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
			assertThat(problemsStored()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aBadProblemIsRefusedNamingTheField() {
		String token = link(baselineFollowUp());
		assertField(reportProblem(token, problem("x".repeat(AdverseEventService.PATIENT_TEXT_MAX + 1))), 422,
				"description");
		assertField(reportProblem(token, problem("   ")), 422, "description");
		Map<String, Object> future = new HashMap<>(problem("pain"));
		future.put("onset", LocalDate.now().plusDays(3).toString());
		assertField(reportProblem(token, future), 422, "onset");
		assertField(reportProblem(token, Map.of("description", "pain", "onset", LocalDate.now().toString())), 422,
				"careSought");
		assertThat(reportProblem(token, Map.of("description", "pain", "onset", "soon", "careSought", "NONE")).status())
			.isEqualTo(400);
		assertThat(problemsStored()).isZero();
	}

	@Test
	void problemReportsAreRateLimitedLikeResponses() {
		String token = link(baselineFollowUp());
		int last = 0;
		for (int i = 0; i < 31; i++) {
			last = reportProblem(token, Map.of()).status();
		}
		assertThat(last).isEqualTo(429);
	}

	@Test
	void theReviewGradesAPatientsReportAndOpensTheSafetyTaskOfASeriousOne() {
		String token = link(baselineFollowUp());
		String serious = reportProblem(token, problem("I was admitted with fever")).json().get("id").asString();
		String mild = reportProblem(token, problem("A bruise where the needle went in")).json().get("id").asString();

		JsonNode waiting = ok(physician.get("/api/v1/adverse-events/awaiting-review")).get("items");
		assertThat(waiting.valueStream().map(e -> e.get("id").asString()).toList()).containsExactly(serious, mild);
		assertThat(ok(physician.get("/api/v1/adverse-events/" + serious + "/safety-tasks")).get("items").size()).isZero();

		assertField(physician.post("/api/v1/adverse-events/" + serious + "/review", Map.of("note", "seen")), 422, "grade");
		Map<String, Object> fatalWithoutDeath = Map.of("category", "Infection", "grade", 5, "outcome", "FATAL",
				"expected", false, "serious", List.of("DEATH"));
		assertField(physician.post("/api/v1/adverse-events/" + serious + "/review", fatalWithoutDeath), 422,
				"deathDate");

		JsonNode reviewed = ok(physician.post("/api/v1/adverse-events/" + serious + "/review",
				Map.of("category", "Infection", "grade", 3, "outcome", "RECOVERING", "expected", false, "serious",
						List.of("HOSPITALISATION"), "relatednessProcedure", "POSSIBLE", "note", "Admitted for 2 days")));
		assertThat(reviewed.get("grade").asInt()).isEqualTo(3);
		assertThat(reviewed.get("category").asString()).isEqualTo("Infection");
		assertThat(reviewed.get("reviewed").asBoolean()).isTrue();
		assertThat(reviewed.get("careSought").asString()).isEqualTo("DOCTOR");
		JsonNode tasks = ok(physician.get("/api/v1/adverse-events/" + serious + "/safety-tasks")).get("items");
		assertThat(tasks.size()).isEqualTo(1);
		assertThat(tasks.get(0).get("dueDate").asString())
			.isEqualTo(LocalDate.parse(reviewed.get("awarenessDate").asString()).plusDays(15).toString());

		ok(physician.post("/api/v1/adverse-events/" + mild + "/review",
				Map.of("category", "Injection site reaction", "grade", 1, "outcome", "RECOVERED", "expected", true)));
		assertThat(ok(physician.get("/api/v1/adverse-events/" + mild + "/safety-tasks")).get("items").size()).isZero();
		assertThat(ok(physician.get("/api/v1/adverse-events/awaiting-review")).get("items").size()).isZero();
		assertThat(physician.post("/api/v1/adverse-events/" + mild + "/review", Map.of()).status()).isEqualTo(409);
	}

}
