package org.spinecell.patients;

import java.util.List;
import java.util.Map;
import java.util.Set;
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
import static org.spinecell.patients.HistoryClinic.with;

/** Recording consent decisions, and reading the current decision per type and the full history. */
class ConsentApiTests extends IntegrationTest {

	/** A clinic with a physician, for registering patients. */
	private HistoryClinic clinic;

	@BeforeEach
	void clinicWithPhysician() {
		clinic = new HistoryClinic(app);
	}

	private static Map<String, Object> consent(String type, String status, String effectiveDate) {
		return Map.of("type", type, "status", status, "effectiveDate", effectiveDate, "formVersion", "RC-2024.1");
	}

	@Test
	void aConsentIsRecordedAsGivenByTheSignedInUserAndAudited() {
		UUID patient = clinic.registerPatient();
		String username = createUser("COORDINATOR", Set.of(clinic.clinicId()));
		TestApi coordinator = login(username, USER_PASSWORD);
		UUID coordinatorId = userId(username);

		TestApi.Response response = coordinator.post(path(patient), with(consent("RESEARCH", "GIVEN", "2024-03-01"),
				"note", "Asked for the <b>summary</b> sheet"));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode recorded = response.json();
		assertThat(recorded.get("type").asString()).isEqualTo("RESEARCH");
		assertThat(recorded.get("status").asString()).isEqualTo("GIVEN");
		assertThat(recorded.get("effectiveDate").asString()).isEqualTo("2024-03-01");
		assertThat(recorded.get("formVersion").asString()).isEqualTo("RC-2024.1");
		assertThat(recorded.get("recordedBy").asString()).isEqualTo(coordinatorId.toString());
		assertThat(recorded.get("recordedByName").asString()).isEqualTo("Test COORDINATOR");
		assertThat(recorded.get("recordedAt").asString()).isNotBlank();
		assertThat(recorded.get("note").asString()).isEqualTo("Asked for the <b>summary</b> sheet");

		List<AuditRow> audit = clinic.audit("Consent", id(recorded));
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0).action()).isEqualTo("CREATE");
		assertThat(audit.get(0).actor()).isEqualTo(username);
		assertThat(audit.get(0).changes().get("status").get("newValue").asString()).isEqualTo("GIVEN");
		assertThat(audit.get(0).changes().get("type").get("newValue").asString()).isEqualTo("RESEARCH");
	}

	@Test
	void theCurrentConsentIsTheLatestPerTypeAndTheHistoryKeepsEveryDecisionNewestFirst() {
		UUID patient = clinic.registerPatient();
		post(patient, consent("RESEARCH", "GIVEN", "2024-01-01"));
		post(patient, consent("TREATMENT", "GIVEN", "2024-01-02"));
		post(patient, Map.of("type", "RESEARCH", "status", "WITHDRAWN", "effectiveDate", "2024-06-01"));

		JsonNode consents = clinic.physician().get(path(patient)).json();
		JsonNode current = consents.get("current");
		assertThat(current.size()).isEqualTo(2);
		assertThat(find(current, "type", "RESEARCH").get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(find(current, "type", "TREATMENT").get("status").asString()).isEqualTo("GIVEN");
		assertThat(consents.get("history").valueStream().map(c -> c.get("effectiveDate").asString()).toList())
			.containsExactly("2024-06-01", "2024-01-02", "2024-01-01");
		assertThat(clinic.rows("consent", patient)).as("each decision is a row of its own").isEqualTo(3);
	}

	@Test
	void aBackdatedDecisionRecordedLaterDoesNotReplaceAMoreRecentOne() {
		UUID patient = clinic.registerPatient();
		post(patient, consent("TRIAL", "GIVEN", "2024-05-01"));
		post(patient, Map.of("type", "TRIAL", "status", "WITHDRAWN", "effectiveDate", "2024-06-01"));
		post(patient, consent("TRIAL", "GIVEN", "2024-03-01"));

		JsonNode trial = find(clinic.physician().get(path(patient)).json().get("current"), "type", "TRIAL");
		assertThat(trial.get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(trial.get("effectiveDate").asString()).isEqualTo("2024-06-01");
	}

	@Test
	void decisionsOfTheSameDayAreOrderedByWhenTheyWereRecorded() {
		UUID patient = clinic.registerPatient();
		String today = daysFromNow(0);
		post(patient, consent("REGISTRY", "GIVEN", today));
		post(patient, Map.of("type", "REGISTRY", "status", "WITHDRAWN", "effectiveDate", today));

		JsonNode consents = clinic.physician().get(path(patient)).json();
		assertThat(find(consents.get("current"), "type", "REGISTRY").get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(consents.get("history").get(0).get("status").asString()).isEqualTo("WITHDRAWN");
	}

	@Test
	void aFutureDateOrAGivenConsentWithoutItsFormVersionIsRefusedAndNothingIsStored() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.physician().post(path(patient), consent("TREATMENT", "GIVEN", daysFromNow(2))), 422,
				"effectiveDate");
		assertProblem(clinic.physician().post(path(patient), with(consent("TREATMENT", "GIVEN", "2024-01-01"),
				"formVersion", null)), 422, "formVersion");
		assertProblem(clinic.physician().post(path(patient), with(consent("TREATMENT", "GIVEN", "2024-01-01"),
				"type", null)), 422, "type");
		assertProblem(clinic.physician().post(path(patient), consent("MARKETING", "GIVEN", "2024-01-01")), 400, "type");
		assertProblem(clinic.physician().post(path(patient), with(consent("TREATMENT", "GIVEN", "2024-01-01"), "note",
				"n".repeat(2001))), 422, "note");
		assertThat(clinic.rows("consent", patient)).isZero();
	}

	@Test
	void withdrawingAConsentThatWasNeverGivenIsAConflict() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.physician().post(path(patient),
				Map.of("type", "TRIAL", "status", "WITHDRAWN", "effectiveDate", "2024-01-01")), 409, "status");
		assertThat(clinic.rows("consent", patient)).isZero();
	}

	@Test
	void anotherClinicsPatientIsNotFoundAndGetsNothing() {
		UUID patient = clinic.registerPatient();
		TestApi outsider = clinic.physicianOfAnotherClinic();
		assertProblem(outsider.post(path(patient), consent("TREATMENT", "GIVEN", "2024-01-01")), 404);
		assertProblem(outsider.get(path(patient)), 404);
		assertThat(clinic.rows("consent", patient)).isZero();
	}

	@Test
	void aResearcherIsForbiddenAndTheLabMayOnlyRead() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.staff("RESEARCHER").get(path(patient)), 403);
		assertProblem(clinic.staff("RESEARCHER").post(path(patient), consent("RESEARCH", "GIVEN", "2024-01-01")), 403);
		TestApi lab = clinic.staff("LAB");
		assertProblem(lab.post(path(patient), consent("TREATMENT", "GIVEN", "2024-01-01")), 403);
		assertThat(lab.get(path(patient)).status()).isEqualTo(200);
		assertThat(clinic.rows("consent", patient)).isZero();
	}

	@Test
	void aVoidedPatientGetsNoNewConsent() {
		UUID patient = clinic.registerPatient();
		clinic.voidPatient(patient);
		assertProblem(clinic.physician().post(path(patient), consent("TREATMENT", "GIVEN", "2024-01-01")), 409);
		assertThat(clinic.rows("consent", patient)).isZero();
	}

	private void post(UUID patient, Map<String, Object> body) {
		TestApi.Response response = clinic.physician().post(path(patient), body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private static String path(UUID patient) {
		return "/api/v1/patients/" + patient + "/consents";
	}

}
