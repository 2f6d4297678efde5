package org.spinecell.patients;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.patients.HistoryClinic.AuditRow;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Screening a real record through the API: decisions, reasons, stored inputs, overrides, rule sets. */
class CandidacyApiTests extends IntegrationTest {

	/** A clinic with a physician, for registering patients. */
	private HistoryClinic clinic;

	@BeforeEach
	void clinicWithPhysician() {
		clinic = new HistoryClinic(app);
	}

	@Test
	void aTypicalDiscPatientWithFailedPhysiotherapyAndAClearChecklistIsEligible() {
		UUID patient = typicalCandidate();
		TestApi.Response response = assess(patient, clearChecklist());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode assessment = response.json();
		assertThat(assessment.get("decision").asString()).isEqualTo("ELIGIBLE");
		assertThat(assessment.get("reasons").get(0).get("rule").asString()).isEqualTo("all-criteria-met");
		assertThat(assessment.get("ruleSetVersion").asInt()).isEqualTo(1);
		assertThat(assessment.get("ruleSetSource").asString()).isEqualTo("DEFAULT");
		JsonNode inputs = assessment.get("inputs");
		assertThat(inputs.get("facts.activeDiagnoses").asInt()).isEqualTo(1);
		assertThat(inputs.get("facts.failedConservativeTreatments").asInt()).isEqualTo(1);
		assertThat(inputs.get("facts.worstPfirrmannFiveGrade").asInt()).isEqualTo(3);
		assertThat(inputs.get("facts.maxSymptomDurationMonths").asInt()).isEqualTo(18);
		assertThat(inputs.get("checklist.activeInfection").asBoolean()).isFalse();
	}

	@Test
	void anMriWithoutModicChangeCanBeScreened() {
		UUID patient = clinic.registerPatient();
		created(clinic.physician().post("/api/v1/patients/" + patient + "/imaging",
				Map.of("modality", "MRI", "studyDate", LocalDate.now().minusMonths(1).toString(), "level", "L5-S1",
						"pfirrmannScale", "FIVE_GRADE", "pfirrmannGrade", 2, "modicType", 0)));
		TestApi.Response response = assess(patient, clearChecklist());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("inputs").get("facts.worstModicType").asInt()).isZero();
	}

	@Test
	void aContraindicationMakesThePatientNotEligibleAndSaysWhy() {
		UUID patient = typicalCandidate();
		Map<String, Boolean> checklist = clearChecklist();
		checklist.put("activeInfection", true);
		checklist.put("caudaEquinaSymptoms", true);
		JsonNode assessment = assess(patient, checklist).json();
		assertThat(assessment.get("decision").asString()).isEqualTo("NOT_ELIGIBLE");
		List<String> rules = assessment.get("reasons").valueStream().map(r -> r.get("rule").asString()).toList();
		assertThat(rules).containsExactly("active-infection", "cauda-equina");
		assertThat(assessment.get("reasons").get(0).get("message").asString()).contains("infection");
	}

	@Test
	void aRedFlagAloneRefersThePatient() {
		Map<String, Boolean> checklist = clearChecklist();
		checklist.put("myelopathy", true);
		assertThat(assess(typicalCandidate(), checklist).json().get("decision").asString()).isEqualTo("REFER");
	}

	@Test
	void anUnansweredSafetyQuestionNeverYieldsEligible() {
		Map<String, Boolean> checklist = clearChecklist();
		checklist.remove("pregnancy");
		JsonNode assessment = assess(typicalCandidate(), checklist).json();
		assertThat(assessment.get("decision").asString()).isEqualTo("REFER");
		assertThat(assessment.get("reasons").get(0).get("rule").asString()).isEqualTo("checklist-incomplete");
		assertThat(assessment.get("reasons").get(0).get("message").asString()).contains("pregnancy");
	}

	@Test
	void aPatientWithoutDiagnosisOrTriedCareIsNotEligible() {
		JsonNode assessment = assess(clinic.registerPatient(), clearChecklist()).json();
		assertThat(assessment.get("decision").asString()).isEqualTo("NOT_ELIGIBLE");
		List<String> rules = assessment.get("reasons").valueStream().map(r -> r.get("rule").asString()).toList();
		assertThat(rules).contains("no-active-spine-diagnosis", "conservative-care-not-tried");
	}

	@Test
	void eachScreeningIsStoredAuditedAndListedNewestFirst() {
		UUID patient = typicalCandidate();
		UUID first = id(assess(patient, clearChecklist()).json());
		Map<String, Boolean> checklist = clearChecklist();
		checklist.put("bleedingRisk", true);
		UUID second = id(assess(patient, checklist).json());
		JsonNode list = clinic.physician().get("/api/v1/patients/" + patient
				+ "/candidacy-assessments").json().get("items");
		assertThat(list.get(0).get("id").asString()).isEqualTo(second.toString());
		assertThat(list.get(1).get("id").asString()).isEqualTo(first.toString());
		List<AuditRow> audit = clinic.audit("CandidacyAssessment", second);
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0).changes().get("decision").get("newValue").asString()).isEqualTo("NOT_ELIGIBLE");
	}

	@Test
	void aPhysicianOverridesWithAReasonAndTheOriginalDecisionStays() {
		UUID patient = typicalCandidate();
		Map<String, Boolean> checklist = clearChecklist();
		checklist.put("caudaEquinaSymptoms", true);
		UUID assessment = id(assess(patient, checklist).json());
		String path = "/api/v1/patients/" + patient + "/candidacy-assessments/" + assessment + "/override";

		TestApi coordinator = clinic.staff("COORDINATOR");
		assertThat(coordinator.post(path, Map.of("decision", "ELIGIBLE", "reason", "x", "version", 0)).status())
			.isEqualTo(403);
		TestApi.Response noReason = clinic.physician().post(path, Map.of("decision", "ELIGIBLE", "reason", " ",
				"version", 0));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

		TestApi.Response overridden = clinic.physician().post(path, Map.of("decision", "ELIGIBLE", "reason",
				"Symptoms resolved; urgent MRI excluded compression", "version", 0));
		assertThat(overridden.status()).as(overridden.body()).isEqualTo(200);
		assertThat(overridden.json().get("decision").asString()).isEqualTo("REFER");
		assertThat(overridden.json().get("effectiveDecision").asString()).isEqualTo("ELIGIBLE");
		assertThat(overridden.json().get("overrideReason").asString()).contains("urgent MRI");
		assertThat(clinic.audit("CandidacyAssessment", assessment).get(1).reason()).contains("urgent MRI");

		assertThat(clinic.physician().post(path, Map.of("decision", "REFER", "reason", "stale", "version", 0)).status())
			.isEqualTo(409);
	}

	@Test
	void aClinicPublishesItsOwnRuleSetAndOldDecisionsKeepTheirVersion() {
		UUID patient = typicalCandidate();
		JsonNode before = assess(patient, clearChecklist()).json();

		String current = clinic.physician().get("/api/v1/candidacy-rule-sets/current?clinicId="
				+ clinic.clinicId()).body();
		String stricter = current.replaceFirst("\"version\"\\s*:\\s*1", "\"version\": 2")
			.replaceFirst("\"name\"\\s*:\\s*\"[^\"]*\"", "\"name\": \"Clinic protocol\"")
			.replace("\"value\" : 3", "\"value\" : 24")
			.replace("\"value\": 3", "\"value\": 24");
		TestApi.Response published = clinic.physician().postRaw("/api/v1/candidacy-rule-sets?clinicId="
				+ clinic.clinicId(), stricter);
		assertThat(published.status()).as(published.body()).isEqualTo(201);

		JsonNode after = assess(patient, clearChecklist()).json();
		assertThat(after.get("ruleSetVersion").asInt()).isEqualTo(2);
		assertThat(after.get("ruleSetSource").asString()).isEqualTo("CLINIC");
		assertThat(after.get("decision").asString()).isEqualTo("NOT_ELIGIBLE");
		assertThat(after.get("reasons").get(0).get("rule").asString()).isEqualTo("symptoms-under-3-months");

		JsonNode old = clinic.physician().get("/api/v1/patients/" + patient + "/candidacy-assessments/"
				+ id(before)).json();
		assertThat(old.get("ruleSetVersion").asInt()).isEqualTo(1);
		assertThat(old.get("decision").asString()).isEqualTo("ELIGIBLE");

		TestApi.Response sameVersion = clinic.physician().postRaw("/api/v1/candidacy-rule-sets?clinicId="
				+ clinic.clinicId(), stricter);
		assertThat(sameVersion.status()).isEqualTo(409);
		assertThat(sameVersion.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
	}

	@Test
	void anInvalidRuleSetIsRefusedByPathAndAnotherClinicsIsNotFound() {
		String broken = "{\"name\":\"Broken\",\"version\":9,\"rules\":[{\"id\":\"x\",\"decision\":\"MAYBE\","
				+ "\"message\":\"m\",\"when\":[{\"input\":\"facts.age\",\"op\":\"lt\",\"value\":18}]}]}";
		TestApi.Response invalid = clinic.physician().postRaw("/api/v1/candidacy-rule-sets?clinicId="
				+ clinic.clinicId(), broken);
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("rules[0].decision");
		assertThat(clinic.physicianOfAnotherClinic().get("/api/v1/candidacy-rule-sets/current?clinicId="
				+ clinic.clinicId()).status())
			.isEqualTo(404);
	}

	@Test
	void anotherClinicsPatientCannotBeScreened() {
		UUID patient = typicalCandidate();
		TestApi outsider = clinic.physicianOfAnotherClinic();
		assertThat(outsider.post("/api/v1/patients/" + patient + "/candidacy-assessments",
				Map.of("checklist", clearChecklist())).status()).isEqualTo(404);
		assertThat(outsider.get("/api/v1/patients/" + patient + "/candidacy-assessments").status()).isEqualTo(404);
	}

	@Test
	void aMissingChecklistIsAValidationError() {
		TestApi.Response response = clinic.physician().post("/api/v1/patients/" + clinic.registerPatient()
				+ "/candidacy-assessments", Map.of());
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("checklist");
	}

	/** Lumbar disc degeneration for 18 months, a Pfirrmann III disc, and physiotherapy that did not help. */
	private UUID typicalCandidate() {
		UUID patient = clinic.registerPatient();
		created(clinic.physician().post("/api/v1/patients/" + patient + "/diagnoses",
				Map.of("icd10", "M51.360", "levels", List.of("L4-L5"), "side", "CENTRAL", "symptomDurationMonths", 18,
						"primary", true)));
		created(clinic.physician().post("/api/v1/patients/" + patient + "/imaging",
				Map.of("modality", "MRI", "studyDate", LocalDate.now().minusMonths(1).toString(), "level", "L4-L5",
						"pfirrmannScale", "FIVE_GRADE", "pfirrmannGrade", 3, "modicType", 1, "herniation", "BULGE",
						"stenosisGrade", "MILD")));
		created(clinic.physician().post("/api/v1/patients/" + patient + "/prior-treatments",
				Map.of("type", "PHYSICAL_THERAPY", "description", "12 weeks of core stabilisation", "startDate",
						LocalDate.now().minusMonths(9).toString(), "endDate", LocalDate.now().minusMonths(6).toString(),
						"response", "NONE")));
		return patient;
	}

	private static void created(TestApi.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private TestApi.Response assess(UUID patient, Map<String, Boolean> checklist) {
		return clinic.physician().post("/api/v1/patients/" + patient + "/candidacy-assessments", Map.of("checklist",
				checklist));
	}

	private static Map<String, Boolean> clearChecklist() {
		Map<String, Boolean> checklist = new HashMap<>();
		for (String item : CandidacyInput.STANDARD_CHECKLIST) {
			checklist.put(item, false);
		}
		return checklist;
	}

}
