package org.spinecell.patients;

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
import static org.spinecell.patients.HistoryClinic.assertProblem;
import static org.spinecell.patients.HistoryClinic.daysFromNow;
import static org.spinecell.patients.HistoryClinic.strings;
import static org.spinecell.patients.HistoryClinic.with;

/** Recording, changing and voiding spine diagnoses through the API. */
class DiagnosisApiTests extends IntegrationTest {

	/** A clinic with a physician, for registering patients. */
	private HistoryClinic clinic;

	@BeforeEach
	void clinicWithPhysician() {
		clinic = new HistoryClinic(app);
	}

	private static final Map<String, Object> LUMBAR_DDD = Map.of("icd10", "M51.360", "levels", List.of("l4-l5"), "side",
			"LEFT", "onsetDate", "2023-03-01", "symptomDurationMonths", 18, "primary", true, "status", "ACTIVE");

	@Test
	void aDiagnosisIsRecordedWithTheCatalogueFactsOfItsCodeAndAudited() {
		UUID patient = clinic.registerPatient();
		TestApi.Response response = clinic.physician().post(path(patient), LUMBAR_DDD);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode diagnosis = response.json();
		assertThat(response.header("Location")).endsWith(path(patient) + "/" + id(diagnosis));
		assertThat(diagnosis.get("patientId").asString()).isEqualTo(patient.toString());
		assertThat(diagnosis.get("icd10").asString()).isEqualTo("M51.360");
		assertThat(diagnosis.get("description").asString()).containsIgnoringCase("lumbar");
		assertThat(diagnosis.get("family").asString()).isEqualTo("DEGENERATIVE_DISC_DISEASE");
		assertThat(diagnosis.get("region").asString()).isEqualTo("LUMBAR");
		assertThat(strings(diagnosis.get("levels"))).containsExactly("L4-L5");
		assertThat(diagnosis.get("side").asString()).isEqualTo("LEFT");
		assertThat(diagnosis.get("onsetDate").asString()).isEqualTo("2023-03-01");
		assertThat(diagnosis.get("symptomDurationMonths").asInt()).isEqualTo(18);
		assertThat(diagnosis.get("primary").asBoolean()).isTrue();
		assertThat(diagnosis.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(diagnosis.get("voided").asBoolean()).isFalse();
		assertThat(diagnosis.get("version").asInt()).isZero();

		JsonNode listed = clinic.physician().get(path(patient)).json();
		assertThat(listed.get("total").asLong()).isEqualTo(1);
		assertThat(id(listed.get("items").get(0))).isEqualTo(id(diagnosis));
		assertThat(clinic.physician().get(path(patient) + "/"
				+ id(diagnosis)).json().get("icd10").asString()).isEqualTo("M51.360");

		List<AuditRow> audit = clinic.audit("Diagnosis", id(diagnosis));
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0).action()).isEqualTo("CREATE");
		JsonNode changes = audit.get(0).changes();
		assertThat(changes.get("icd10").get("oldValue").isNull()).isTrue();
		assertThat(changes.get("icd10").get("newValue").asString()).isEqualTo("M51.360");
		assertThat(strings(changes.get("levels").get("newValue"))).containsExactly("L4-L5");
		assertThat(changes.get("patientId").get("newValue").asString()).isEqualTo(patient.toString());
	}

	@Test
	void optionalFieldsMayBeLeftOutAndDefaultToActiveAndNotPrimary() {
		UUID patient = clinic.registerPatient();
		TestApi.Response response = clinic.physician().post(path(patient),
				Map.of("icd10", "S32.001A", "levels", List.of("L1")));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("family").asString()).isEqualTo("TRAUMATIC_INJURY");
		assertThat(response.json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(response.json().get("primary").asBoolean()).isFalse();
		assertThat(response.json().get("side").isNull()).isTrue();
	}

	@Test
	void levelsAreStoredOnceEachFromTheTopDown() {
		UUID patient = clinic.registerPatient();
		TestApi.Response response = clinic.physician().post(path(patient),
				with(LUMBAR_DDD, "levels", List.of("L4-L5", "L2-L3", "t12-l1")));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(strings(response.json().get("levels"))).containsExactly("T12-L1", "L2-L3", "L4-L5");

		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "levels", List.of("L4-L5", "l4-l5"))),
				422, "levels[1]");
	}

	@Test
	void aLevelOutsideTheRegionOfTheCodeIsRefusedByItsIndexAndNothingIsStored() {
		UUID patient = clinic.registerPatient();
		TestApi.Response response = clinic.physician().post(path(patient), with(LUMBAR_DDD, "levels",
				List.of("L4-L5", "C5-C6")));
		assertProblem(response, 422, "levels[1]");
		assertThat(response.body()).contains("C5-C6");
		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "levels", List.of("L5-S1"))), 422,
				"levels[0]");
		assertProblem(clinic.physician().post(path(patient), Map.of("icd10", "M50.322", "levels", List.of("L4-L5"))),
				422, "levels[0]");
		assertThat(clinic.rows("diagnosis", patient)).isZero();

		// The same junction level is right for a lumbosacral code.
		assertThat(clinic.physician().post(path(patient), with(with(LUMBAR_DDD, "icd10", "M51.370"), "levels",
				List.of("L5-S1")))
			.status()).isEqualTo(201);
	}

	@Test
	void emptyMissingOrUnreadableLevelsAreRefusedAndNothingIsStored() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "levels", List.of())), 422, "levels");
		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "levels", null)), 422, "levels");
		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "levels", List.of("L4-L6"))), 422,
				"levels[0]");
		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "levels", List.of("L1-L2", "L3-L5"))),
				422, "levels[1]");
		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "levels", List.of("disc"))), 422,
				"levels[0]");
		assertThat(clinic.rows("diagnosis", patient)).isZero();
	}

	@Test
	void anUnknownOrNonBillableCodeIsRefusedAndNothingIsStored() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "icd10", "X99.9")), 422, "icd10");
		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "icd10", "M48.06")), 422, "icd10");
		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "icd10", "")), 422, "icd10");
		assertThat(clinic.rows("diagnosis", patient)).isZero();

		assertThat(clinic.physician().post(path(patient), with(LUMBAR_DDD, "icd10",
				"M48.062")).status()).isEqualTo(201);
	}

	@Test
	void aFutureOnsetOrAnImplausibleDurationIsRefusedAndNothingIsStored() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "onsetDate", daysFromNow(2))), 422,
				"onsetDate");
		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "symptomDurationMonths", -1)), 422,
				"symptomDurationMonths");
		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "symptomDurationMonths", 1201)), 422,
				"symptomDurationMonths");
		assertProblem(clinic.physician().post(path(patient), with(LUMBAR_DDD, "side", "UP")), 400, "side");
		assertThat(clinic.rows("diagnosis", patient)).isZero();

		assertThat(clinic.physician().post(path(patient), with(LUMBAR_DDD, "symptomDurationMonths", 1200)).status())
			.isEqualTo(201);
	}

	@Test
	void makingADiagnosisPrimaryMakesTheOtherOneNonPrimaryAndAuditsIt() {
		UUID patient = clinic.registerPatient();
		JsonNode first = clinic.physician().post(path(patient), LUMBAR_DDD).json();
		JsonNode second = clinic.physician().post(path(patient), with(LUMBAR_DDD, "icd10", "M47.816")).json();
		assertThat(second.get("primary").asBoolean()).isTrue();

		JsonNode demoted = clinic.physician().get(path(patient) + "/" + id(first)).json();
		assertThat(demoted.get("primary").asBoolean()).isFalse();
		assertThat(demoted.get("version").asInt()).isEqualTo(1);

		List<AuditRow> audit = clinic.audit("Diagnosis", id(first));
		assertThat(audit).extracting(AuditRow::action).containsExactly("CREATE", "UPDATE");
		JsonNode change = audit.get(1).changes().get("primary");
		assertThat(change.get("oldValue").asBoolean()).isTrue();
		assertThat(change.get("newValue").asBoolean()).isFalse();

		// A change can make the first one primary again, which demotes the second.
		TestApi.Response promoted = clinic.physician().put(path(patient) + "/" + id(first),
				Map.of("levels", List.of("L4-L5"), "status", "ACTIVE", "primary", true, "version", 1));
		assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
		assertThat(clinic.physician().get(path(patient) + "/"
				+ id(second)).json().get("primary").asBoolean()).isFalse();
		long primaries = ownerJdbc().sql("SELECT count(*) FROM diagnosis WHERE patient_id = :p AND primary_flag")
			.param("p", patient)
			.query(Long.class)
			.single();
		assertThat(primaries).isEqualTo(1);
	}

	@Test
	void changingLevelsSideAndStatusIsAuditedWithOldAndNewValues() {
		UUID patient = clinic.registerPatient();
		UUID diagnosis = id(clinic.physician().post(path(patient), LUMBAR_DDD).json());

		TestApi.Response response = clinic.physician().put(path(patient) + "/" + diagnosis, Map.of("levels",
				List.of("L3-L4", "L4-L5"), "side", "BILATERAL", "status", "RESOLVED", "version", 0));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(strings(response.json().get("levels"))).containsExactly("L3-L4", "L4-L5");
		assertThat(response.json().get("side").asString()).isEqualTo("BILATERAL");
		assertThat(response.json().get("status").asString()).isEqualTo("RESOLVED");
		assertThat(response.json().get("primary").asBoolean()).as("left out, so kept").isTrue();
		assertThat(response.json().get("version").asInt()).isEqualTo(1);

		AuditRow update = clinic.audit("Diagnosis", diagnosis).get(1);
		assertThat(update.action()).isEqualTo("UPDATE");
		assertThat(strings(update.changes().get("levels").get("oldValue"))).containsExactly("L4-L5");
		assertThat(strings(update.changes().get("levels").get("newValue"))).containsExactly("L3-L4", "L4-L5");
		assertThat(update.changes().get("status").get("oldValue").asString()).isEqualTo("ACTIVE");
		assertThat(update.changes().get("status").get("newValue").asString()).isEqualTo("RESOLVED");
		assertThat(update.changes().get("side").get("oldValue").asString()).isEqualTo("LEFT");
		assertThat(update.changes().has("icd10")).as("unchanged fields are left out").isFalse();
	}

	@Test
	void aChangeWithAStaleVersionIsAConflictAndChangesNothing() {
		UUID patient = clinic.registerPatient();
		UUID diagnosis = id(clinic.physician().post(path(patient), LUMBAR_DDD).json());
		Map<String, Object> change = Map.of("levels", List.of("L4-L5"), "status", "RESOLVED", "version", 0);
		assertThat(clinic.physician().put(path(patient) + "/" + diagnosis, change).status()).isEqualTo(200);

		TestApi.Response stale = clinic.physician().put(path(patient) + "/" + diagnosis,
				with(with(change, "status", "ACTIVE"), "side", "RIGHT"));
		assertProblem(stale, 409, "version");
		JsonNode stored = clinic.physician().get(path(patient) + "/" + diagnosis).json();
		assertThat(stored.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(stored.get("version").asInt()).isEqualTo(1);
		assertThat(clinic.audit("Diagnosis", diagnosis)).hasSize(2);
	}

	@Test
	void aChangeMustKeepTheLevelsInTheRegionOfTheCode() {
		UUID patient = clinic.registerPatient();
		UUID diagnosis = id(clinic.physician().post(path(patient), LUMBAR_DDD).json());
		assertProblem(clinic.physician().put(path(patient) + "/" + diagnosis,
				Map.of("levels", List.of("C5-C6"), "status", "ACTIVE", "version", 0)), 422, "levels[0]");
		assertProblem(clinic.physician().put(path(patient) + "/" + diagnosis,
				Map.of("levels", List.of("L4-L5"), "status", "ACTIVE")), 422, "version");
		assertThat(clinic.physician().get(path(patient) + "/" + diagnosis).json().get("version").asInt()).isZero();
	}

	@Test
	void voidingKeepsTheDiagnosisWithItsReasonOutOfTheListAndAudited() {
		UUID patient = clinic.registerPatient();
		UUID diagnosis = id(clinic.physician().post(path(patient), LUMBAR_DDD).json());

		assertProblem(clinic.physician().post(path(patient) + "/" + diagnosis + "/void", Map.of("reason", " ")), 422,
				"reason");
		assertProblem(clinic.physician().post(path(patient) + "/" + diagnosis + "/void",
				Map.of("reason", "wrong patient", "version", 7)), 409, "version");

		TestApi.Response voided = clinic.physician().post(path(patient) + "/" + diagnosis + "/void",
				Map.of("reason", "entered on the wrong patient"));
		assertThat(voided.status()).as(voided.body()).isEqualTo(200);
		assertThat(voided.json().get("voided").asBoolean()).isTrue();
		assertThat(voided.json().get("voidReason").asString()).isEqualTo("entered on the wrong patient");

		assertThat(clinic.physician().get(path(patient)).json().get("total").asLong()).isZero();
		assertThat(clinic.physician().get(path(patient)
				+ "?includeVoided=true").json().get("total").asLong()).isEqualTo(1);
		assertThat(clinic.rows("diagnosis", patient)).as("nothing is deleted").isEqualTo(1);

		AuditRow entry = clinic.audit("Diagnosis", diagnosis).get(1);
		assertThat(entry.action()).isEqualTo("VOID");
		assertThat(entry.reason()).isEqualTo("entered on the wrong patient");
		assertThat(entry.changes().get("voided").get("oldValue").asBoolean()).isFalse();
		assertThat(entry.changes().get("voided").get("newValue").asBoolean()).isTrue();

		assertProblem(clinic.physician().post(path(patient) + "/" + diagnosis + "/void", Map.of("reason", "again")),
				409);
		assertProblem(clinic.physician().put(path(patient) + "/" + diagnosis,
				Map.of("levels", List.of("L4-L5"), "status", "ACTIVE", "version", 1)), 409);
	}

	@Test
	void anotherClinicsPatientIsNotFoundAndGetsNothing() {
		UUID patient = clinic.registerPatient();
		UUID diagnosis = id(clinic.physician().post(path(patient), LUMBAR_DDD).json());
		TestApi outsider = clinic.physicianOfAnotherClinic();

		assertProblem(outsider.post(path(patient), LUMBAR_DDD), 404);
		assertProblem(outsider.get(path(patient)), 404);
		assertProblem(outsider.get(path(patient) + "/" + diagnosis), 404);
		assertProblem(outsider.put(path(patient) + "/" + diagnosis,
				Map.of("levels", List.of("L4-L5"), "status", "RESOLVED", "version", 0)), 404);
		assertProblem(outsider.post(path(patient) + "/" + diagnosis + "/void", Map.of("reason", "x")), 404);
		assertProblem(clinic.physician().get(path(patient) + "/" + UUID.randomUUID()), 404);
		assertThat(clinic.rows("diagnosis", patient)).isEqualTo(1);
		assertThat(clinic.physician().get(path(patient) + "/" + diagnosis).json().get("version").asInt()).isZero();
	}

	@Test
	void aResearcherIsForbiddenAndTheLabMayOnlyRead() {
		UUID patient = clinic.registerPatient();
		clinic.physician().post(path(patient), LUMBAR_DDD);
		TestApi researcher = clinic.staff("RESEARCHER");
		assertProblem(researcher.post(path(patient), LUMBAR_DDD), 403);
		assertProblem(researcher.get(path(patient)), 403);

		TestApi lab = clinic.staff("LAB");
		assertThat(lab.get(path(patient)).json().get("total").asLong()).isEqualTo(1);
		assertProblem(lab.post(path(patient), LUMBAR_DDD), 403);

		TestApi coordinator = clinic.staff("COORDINATOR");
		assertThat(coordinator.post(path(patient), with(LUMBAR_DDD, "primary", false)).status()).isEqualTo(201);
		assertThat(clinic.rows("diagnosis", patient)).isEqualTo(2);
	}

	@Test
	void aVoidedPatientGetsNoNewDiagnosis() {
		UUID patient = clinic.registerPatient();
		clinic.voidPatient(patient);
		assertProblem(clinic.physician().post(path(patient), LUMBAR_DDD), 409);
		assertThat(clinic.rows("diagnosis", patient)).isZero();
	}

	private static String path(UUID patient) {
		return "/api/v1/patients/" + patient + "/diagnoses";
	}

}
