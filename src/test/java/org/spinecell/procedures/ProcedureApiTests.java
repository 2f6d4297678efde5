package org.spinecell.procedures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.spinecell.TestApi;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Documenting an injection through the API, with every administration check enforced. */
@RecordApplicationEvents
class ProcedureApiTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	private UUID physicianId;

	@Autowired
	ProcedureCompletionService procedures;

	@Autowired
	ApplicationEvents applicationEvents;

	@BeforeEach
	void eligiblePatientWithConsents() {
		cells = new CellLab(app);
		physicianId = userId(cells.physicianUsername());
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/diagnoses", Map.of("icd10", "M51.360",
				"levels", List.of("L4-L5"), "symptomDurationMonths", 18, "primary", true)));
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/imaging", Map.of("modality", "MRI",
				"studyDate",
				LocalDate.now().minusMonths(1).toString(), "level", "L4-L5", "pfirrmannScale", "FIVE_GRADE",
				"pfirrmannGrade", 3)));
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/prior-treatments", Map.of("type",
				"PHYSICAL_THERAPY",
				"description", "Physiotherapy", "startDate", LocalDate.now().minusMonths(9).toString(), "endDate",
				LocalDate.now().minusMonths(6).toString(), "response", "NONE")));
	}

	@Test
	void aPhysicianCompletesAnInjectionAndTheDoseIsComputed() {
		consent("TREATMENT");
		consent("TRIAL");
		screen(false);
		UUID product = releasedBmac();
		TestApi.Response draft = cells.physician().post("/api/v1/procedures", procedure(product, "2.0"));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
		UUID id = id(draft.json());

		JsonNode completed = ok(cells.physician().post("/api/v1/procedures/" + id + "/complete", completion(product)));
		assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(completed.get("doses").get(0).get("level").asString()).isEqualTo("L4-L5");
		// 2.0 mL × 120 × 10^6 TNC/mL × 92.5 % viable = 222 × 10^6 viable cells.
		assertThat(completed.get("doses").get(0).get("viableCells").decimalValue()).isEqualByComparingTo("222.00");
		assertThat(ok(cells.lab().get("/api/v1/cell-products/"
				+ product)).get("state").asString()).isEqualTo("ADMINISTERED");
		JsonNode events = ok(cells.lab().get("/api/v1/cell-products/" + product + "/events")).get("items");
		assertThat(events.toString()).contains("REMAINDER_DISCARDED");
	}

	@Test
	void completingPublishesProcedureCompletedForFollowUp() {
		consent("TREATMENT");
		consent("TRIAL");
		screen(false);
		UUID product = releasedBmac();
		UUID id = id(ok(cells.physician().post("/api/v1/procedures", procedure(product, "8"))));
		CurrentUser operator = new CurrentUser(physicianId, cells.physicianUsername(), "Test PHYSICIAN",
				Set.of(Role.PHYSICIAN), Set.of(cells.clinicId()));
		CurrentUser.callAs(operator, () -> procedures.complete(id, new ProcedureRequests.Complete(null, null)));
		List<ProcedureCompleted> published = applicationEvents.stream(ProcedureCompleted.class).toList();
		assertThat(published).hasSize(1);
		assertThat(published.get(0).procedureId()).isEqualTo(id);
		assertThat(published.get(0).patientId()).isEqualTo(cells.patientId());
		assertThat(published.get(0).levels()).containsExactly("L4-L5");
	}

	@Test
	void completionIsRefusedWithEveryFailedCheckNamed() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		UUID id = id(ok(cells.physician().post("/api/v1/procedures", procedure(product, "8"))));
		TestApi.Response refused = cells.physician().post("/api/v1/procedures/" + id + "/complete", Map.of());
		assertThat(refused.status()).isEqualTo(409);
		String errors = refused.json().get("errors").toString();
		assertThat(errors).contains("QUARANTINE, not released").contains("no confirmed regulatory classification")
			.contains("no current treatment consent")
			.contains("not been screened");
		assertThat(ok(cells.physician().get("/api/v1/procedures/" + id)).get("status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void anotherPatientsAutologousProductAndAMissingTrialConsentAreCaught() {
		consent("TREATMENT");
		screen(false);
		UUID product = releasedBmac();
		TestApi.Response other = cells.physician().post("/api/v1/patients", Map.of("clinicId", cells.clinicId(),
				"mrn", "OT-" + unique(),
				"givenName", "Other", "familyName", "Patient", "birthDate", "1970-01-01", "sex", "MALE"));
		UUID otherPatient = id(other.json());
		ok(cells.physician().post("/api/v1/patients/" + otherPatient + "/diagnoses",
				Map.of("icd10", "M51.360", "levels", List.of("L4-L5"))));
		Map<String, Object> body = procedure(product, "2.0");
		body.put("patientId", otherPatient);
		TestApi.Response wrongPatient = cells.physician().post("/api/v1/procedures", body);
		assertThat(wrongPatient.status()).isEqualTo(422);
		assertThat(wrongPatient.body()).contains("productUnits[0].productId").contains("another patient's product");

		UUID mine = id(ok(cells.physician().post("/api/v1/procedures", procedure(product, "2.0"))));
		String missingTrial = cells.physician().post("/api/v1/procedures/" + mine + "/complete", completion(product))
			.json()
			.get("errors")
			.toString();
		assertThat(missingTrial).contains("trial consent");
	}

	@Test
	void aNotEligibleScreeningBlocksUnlessAPhysicianOverrides() {
		consent("TREATMENT");
		consent("TRIAL");
		UUID screening = screen(true);
		UUID product = releasedBmac();
		UUID id = id(ok(cells.physician().post("/api/v1/procedures", procedure(product, "2.0"))));
		assertThat(cells.physician().post("/api/v1/procedures/" + id + "/complete", completion(product)).body())
			.contains("latest screening decided NOT_ELIGIBLE");
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/candidacy-assessments/" + screening
				+ "/override",
				Map.of("decision", "ELIGIBLE", "reason", "Infection treated; cleared by infectious disease", "version", 0)));
		assertThat(cells.physician().post("/api/v1/procedures/" + id + "/complete", completion(product)).status())
			.isEqualTo(200);
	}

	@Test
	void onlyAPhysicianCompletesAndOnlyOnce() {
		consent("TREATMENT");
		consent("TRIAL");
		screen(false);
		UUID product = releasedBmac();
		UUID id = id(ok(cells.physician().post("/api/v1/procedures", procedure(product, "2.0"))));
		TestApi coordinator = login(createUser("COORDINATOR", Set.of(cells.clinicId())), USER_PASSWORD);
		assertThat(coordinator.post("/api/v1/procedures/" + id + "/complete", completion(product)).status())
			.isEqualTo(403);
		ok(cells.physician().post("/api/v1/procedures/" + id + "/complete", completion(product)));
		TestApi.Response again = cells.physician().post("/api/v1/procedures/" + id + "/complete", completion(product));
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void twoProceduresRacingForOneUnitLetExactlyOneSucceed() throws Exception {
		consent("TREATMENT");
		consent("TRIAL");
		screen(false);
		UUID product = releasedBmac();
		UUID first = id(ok(cells.physician().post("/api/v1/procedures", procedure(product, "8"))));
		UUID second = id(ok(cells.physician().post("/api/v1/procedures", procedure(product, "8"))));
		TestApi other = login(cells.physicianUsername(), USER_PASSWORD);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Callable<Integer>> attempts = List.of(
				() -> cells.physician().post("/api/v1/procedures/" + first + "/complete", Map.of()).status(),
				() -> other.post("/api/v1/procedures/" + second + "/complete", Map.of()).status());
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> result : pool.invokeAll(attempts)) {
			statuses.add(result.get());
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		long completed = ownerJdbc().sql("SELECT count(*) FROM procedure WHERE id IN (:a, :b) AND status = 'COMPLETED'")
			.param("a", first)
			.param("b", second)
			.query(Long.class)
			.single();
		assertThat(completed).isEqualTo(1);
	}

	@Test
	void anUndiagnosedLevelNeedsConfirmation() {
		UUID product = releasedBmac();
		Map<String, Object> body = procedure(product, "2.0");
		body.put("levels", List.of("L3-L4"));
		body.put("productUnits", List.of(Map.of("productId", product, "level", "L3-L4", "volumeMl", 2.0)));
		TestApi.Response warning = cells.physician().post("/api/v1/procedures", body);
		assertThat(warning.status()).isEqualTo(422);
		assertThat(warning.json().get("errors").get(0).get("field").asString()).isEqualTo("levels");
		body.put("levelsConfirmed", true);
		assertThat(cells.physician().post("/api/v1/procedures", body).status()).isEqualTo(201);
	}

	@Test
	void negativeOrAbsurdVolumesAndForeignOperatorsAreRefused() {
		UUID product = releasedBmac();
		for (String volume : List.of("-1", "0", "250")) {
			TestApi.Response response = cells.physician().post("/api/v1/procedures", procedure(product, volume));
			assertThat(response.status()).as(volume).isEqualTo(422);
			assertThat(response.json().get("errors").get(0).get("field").asString())
				.isEqualTo("productUnits[0].volumeMl");
		}
		Map<String, Object> body = procedure(product, "2.0");
		body.put("operatorId", userId(cells.labUsername()));
		TestApi.Response notPhysician = cells.physician().post("/api/v1/procedures", body);
		assertThat(notPhysician.status()).isEqualTo(422);
		assertThat(notPhysician.json().get("errors").get(0).get("field").asString()).isEqualTo("operatorId");
	}

	@Test
	void theTimeOutMustNameTheRightProducts() {
		consent("TREATMENT");
		consent("TRIAL");
		screen(false);
		UUID product = releasedBmac();
		UUID otherProduct = cells.createBmac();
		String otherDin = ok(cells.lab().get("/api/v1/cell-products/" + otherProduct)).get("din").asString();
		UUID id = id(ok(cells.physician().post("/api/v1/procedures", procedure(product, "8"))));
		TestApi.Response foreignRemainder = cells.physician().post("/api/v1/procedures/" + id + "/complete",
				Map.of("remainders", List.of(Map.of("productId", otherProduct, "action", "DISCARDED"))));
		assertThat(foreignRemainder.status()).isEqualTo(422);
		assertThat(foreignRemainder.json().get("errors").get(0).get("field").asString())
			.isEqualTo("remainders[0].productId");
		TestApi.Response wrong = cells.physician().post("/api/v1/procedures/" + id + "/complete",
				Map.of("timeOut", Map.of("patientIdentityConfirmed", true, "dins", List.of(otherDin), "levelsConfirmed",
						true)));
		assertThat(wrong.status()).isEqualTo(409);
		assertThat(wrong.body()).contains("wrong product").contains("was not checked");
	}

	@Test
	void correctionsAfterCompletionNeedAReasonAndAreAudited() {
		consent("TREATMENT");
		consent("TRIAL");
		screen(false);
		UUID product = releasedBmac();
		UUID id = id(ok(cells.physician().post("/api/v1/procedures", procedure(product, "8"))));
		ok(cells.physician().post("/api/v1/procedures/" + id + "/complete", Map.of()));
		TestApi.Response noReason = cells.physician().post("/api/v1/procedures/" + id + "/corrections",
				Map.of("immediateComplications", "Transient leg paraesthesia", "version", 1));
		assertThat(noReason.status()).isEqualTo(422);
		ok(cells.physician().post("/api/v1/procedures/" + id + "/corrections", Map.of("immediateComplications",
				"Transient leg paraesthesia", "reason", "Nurse's note added after discharge", "version", 1)));
		String reason = ownerJdbc().sql("""
				SELECT reason FROM audit_event WHERE entity_type = 'Procedure' AND entity_id = :id ORDER BY seq DESC LIMIT 1
				""").param("id", id.toString()).query(String.class).single();
		assertThat(reason).isEqualTo("Nurse's note added after discharge");
	}

	@Test
	void aCarePlanRecordsAttendanceAndAdherence() {
		JsonNode plan = ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/care-plans",
				Map.of("kind",
				"PHYSICAL_THERAPY", "description", "Core stabilisation after injection", "goals", "Walk 30 minutes",
				"plannedSessions", 4, "sessionsPerWeek", 2, "startDate", LocalDate.now().minusDays(10).toString())));
		UUID planId = id(plan);
		ok(cells.physician().post("/api/v1/care-plans/" + planId + "/sessions", Map.of("date",
				LocalDate.now().minusDays(8).toString(), "attended", true, "adherence", "FULL")));
		ok(cells.physician().post("/api/v1/care-plans/" + planId + "/sessions", Map.of("date",
				LocalDate.now().minusDays(5).toString(), "attended", false)));
		JsonNode after = ok(cells.physician().post("/api/v1/care-plans/" + planId + "/sessions", Map.of("date",
				LocalDate.now().minusDays(2).toString(), "attended", true, "adherence", "PARTIAL")));
		assertThat(after.get("sessions")).hasSize(3);
		assertThat(after.get("attendancePercent").asInt()).isEqualTo(50);
		TestApi.Response before = cells.physician().post("/api/v1/care-plans/" + planId + "/sessions", Map.of("date",
				LocalDate.now().minusDays(30).toString(), "attended", true));
		assertThat(before.status()).isEqualTo(422);
	}

	private UUID releasedBmac() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		cells.classifyAndConfirm(product);
		ok(cells.release(cells.lab(), product, USER_PASSWORD));
		return product;
	}

	private void consent(String type) {
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/consents", Map.of("type", type,
				"status", "GIVEN", "effectiveDate", LocalDate.now().toString(), "formVersion", "v1")));
	}

	/** Screens the patient; with {@code contraindicated} an active infection makes them not eligible. */
	private UUID screen(boolean contraindicated) {
		Map<String, Boolean> checklist = new HashMap<>();
		for (String item : List.of("activeInfection", "activeMalignancy", "pregnancy", "bleedingRisk",
				"allergyToProductComponents", "caudaEquinaSymptoms", "progressiveNeurologicalDeficit", "unstableFracture",
				"myelopathy")) {
			checklist.put(item, false);
		}
		checklist.put("activeInfection", contraindicated);
		return id(ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/candidacy-assessments",
				Map.of("checklist", checklist))));
	}

	private Map<String, Object> procedure(UUID product, String volume) {
		Map<String, Object> body = new HashMap<>();
		body.put("patientId", cells.patientId());
		body.put("date", LocalDate.now().toString());
		body.put("operatorId", physicianId);
		body.put("target", "INTRADISCAL");
		body.put("levels", List.of("L4-L5"));
		body.put("guidance", "FLUOROSCOPY");
		body.put("placementConfirmed", true);
		body.put("productUnits", List.of(Map.of("productId", product, "level", "L4-L5", "volumeMl", Double.valueOf(volume))));
		return body;
	}

	private Map<String, Object> completion(UUID product) {
		return Map.of("remainders", List.of(Map.of("productId", product, "action", "DISCARDED")));
	}

}
