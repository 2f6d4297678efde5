package org.spinecell.outcomes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff entry of instrument answers through the API: storage, scoring, observations, refusals, idempotency. */
class ResponseApiTests extends IntegrationTest {

	private UUID clinicId;

	private TestApi physician;

	private UUID patient;

	@BeforeEach
	void clinicWithPatient() {
		clinicId = createClinic("Outcomes");
		physician = login(createUser("PHYSICIAN", Set.of(clinicId)), USER_PASSWORD);
		TestApi.Response registered = physician.post("/api/v1/patients", Map.of("clinicId", clinicId, "mrn",
				"O-" + unique(), "givenName", "Ada", "familyName", "Ruiz " + unique(), "birthDate", "1968-04-05", "sex",
				"FEMALE"));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		patient = id(registered.json());
	}

	@Test
	void staffEntryStoresEveryAnswerTheScoreAndAnObservation() {
		Map<String, Object> answers = odi(3, 2, 1, 2, 1, 2, 1, 2, 2);
		TestApi.Response response = record("odi-2.1a", answers, null);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.get("instrument").asString()).isEqualTo("odi-2.1a");
		assertThat(body.get("instrumentVersion").asString()).isEqualTo("2.1a");
		assertThat(body.get("score").decimalValue()).isEqualByComparingTo("35.6");
		assertThat(body.get("valid").asBoolean()).isTrue();
		assertThat(body.get("enteredByStaff").asBoolean()).isTrue();
		assertThat(body.get("duplicate").asBoolean()).isFalse();
		assertThat(body.get("answers").propertyNames()).hasSize(10);
		assertThat(body.get("answers").get("odi-10").isNull()).isTrue();
		assertThat(body.get("answers").get("odi-1").asInt()).isEqualTo(3);

		JsonNode observations = physician.get("/api/v1/patients/" + patient + "/observations?measure=ODI").json().get("items");
		assertThat(observations).hasSize(1);
		JsonNode observation = observations.get(0);
		assertThat(observation.get("value").decimalValue()).isEqualByComparingTo("35.6");
		assertThat(observation.get("unit").asString()).isEqualTo("%");
		assertThat(observation.get("codeSystem").asString()).isEqualTo("http://loinc.org");
		assertThat(observation.get("code").asString()).isEqualTo("97908-8");
		assertThat(observation.get("responseId").asString()).isEqualTo(body.get("id").asString());
		assertThat(rows("instrument_response")).isEqualTo(1);
	}

	@Test
	void observationsAreListedOverTimeByMeasure() {
		record("nrs-back", Map.of("nrs", 8), null);
		record("nrs-back", Map.of("nrs", 3), null);
		record("nrs-leg", Map.of("nrs", 5), null);
		JsonNode back = physician.get("/api/v1/patients/" + patient + "/observations?measure=NRS_BACK").json().get("items");
		assertThat(back.valueStream().map(o -> o.get("value").asInt()).toList()).containsExactly(8, 3);
		assertThat(back.get(0).get("code").asString()).isEqualTo("72514-3");
		JsonNode all = physician.get("/api/v1/patients/" + patient + "/observations").json().get("items");
		assertThat(all).hasSize(3);
		assertThat(physician.get("/api/v1/patients/" + patient + "/observations?measure=drop%20table").status())
			.isEqualTo(400);
	}

	@Test
	void aScoreThatNeedsAMissingTableIsStoredInvalidWithItsReason() {
		Map<String, Object> answers = Map.of("eq5d-mo", 2, "eq5d-sc", 1, "eq5d-ua", 3, "eq5d-pd", 2, "eq5d-ad", 1);
		JsonNode body = record("eq-5d-5l", answers, null).json();
		assertThat(body.get("valid").asBoolean()).isFalse();
		assertThat(body.get("invalidReason").asString()).isEqualTo("EQ-5D value set not loaded");
		assertThat(body.get("components").get("healthState").asString()).isEqualTo("21321");
		assertThat(body.get("score").isNull()).isTrue();
	}

	@Test
	void invalidAnswersAreRefusedNamingTheItemAndNothingIsStored() {
		assertProblem(record("nrs-back", Map.of("nrs", 11), null), "nrs");
		assertProblem(record("nrs-back", Map.of("nrs", 3.5), null), "nrs");
		assertProblem(record("odi-2.1a", odi(1, 1, 6, 1, 1, 1, 1, 1, 1, 1), null), "odi-3");
		assertProblem(record("odi-2.1a", Map.of("odi-11", 1), null), "odi-11");
		assertProblem(record("pgic", Map.of(), null), "pgic");
		assertProblem(record("no-such-instrument", Map.of("nrs", 1), null), "instrument");
		assertThat(rows("instrument_response")).isZero();
		assertThat(rows("observation")).isZero();
	}

	@Test
	void answersNamingAFollowUpThatDoesNotExistAreRefusedAndStoreNothing() {
		// Resubmission to a real follow-up is idempotent: see StaffFollowUpApiTests and SurveyApiTests.
		TestApi.Response made = record("nrs-leg", Map.of("nrs", 4), UUID.randomUUID());
		assertThat(made.status()).as(made.body()).isEqualTo(422);
		assertThat(made.json().get("errors").get(0).get("field").asString()).isEqualTo("followUpId");
		assertThat(rows("instrument_response")).isZero();
		assertThat(rows("observation")).isZero();
	}

	@Test
	void anotherClinicsPatientIsNotFound() {
		TestApi stranger = login(createUser("PHYSICIAN", Set.of(createClinic("Elsewhere"))), USER_PASSWORD);
		TestApi.Response response = stranger.post("/api/v1/patients/" + patient + "/responses",
				Map.of("instrument", "nrs-back", "answers", Map.of("nrs", 5)));
		assertThat(response.status()).as(response.body()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/patients/" + patient + "/observations").status()).isEqualTo(404);
		assertThat(rows("instrument_response")).isZero();
	}

	@Test
	void laboratoryStaffCannotEnterAnswers() {
		TestApi lab = login(createUser("LAB", Set.of(clinicId)), USER_PASSWORD);
		assertThat(lab.post("/api/v1/patients/" + patient + "/responses",
				Map.of("instrument", "nrs-back", "answers", Map.of("nrs", 5))).status()).isEqualTo(403);
	}

	@Test
	void laboratoryStaffCannotReadOutcomesMedicationsOrInterventions() {
		record("nrs-back", Map.of("nrs", 5), null);
		TestApi lab = login(createUser("LAB", Set.of(clinicId)), USER_PASSWORD);
		for (String list : List.of("responses", "observations", "medications", "interventions")) {
			assertThat(lab.get("/api/v1/patients/" + patient + "/" + list).status()).as(list).isEqualTo(403);
		}
	}

	@Test
	void recordingIsAuditedOnTheClinicsChainWithTheAnswers() {
		UUID response = id(record("pgic", Map.of("pgic", 2), null).json());
		List<Map<String, Object>> entries = ownerJdbc().sql("""
				SELECT action, clinic_id, changes::text AS changes FROM audit_event
				WHERE entity_type = 'InstrumentResponse' AND entity_id = :id
				""")
			.param("id", response.toString())
			.query()
			.listOfRows();
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0)).containsEntry("action", "CREATE").containsEntry("clinic_id", clinicId);
		assertThat((String) entries.get(0).get("changes")).contains("pgic 1").contains("\"pgic\": 2");
	}

	private TestApi.Response record(String instrument, Map<String, Object> answers, UUID followUpId) {
		Map<String, Object> body = new HashMap<>();
		body.put("instrument", instrument);
		body.put("answers", answers);
		body.put("followUpId", followUpId);
		return physician.post("/api/v1/patients/" + patient + "/responses", body);
	}

	private long rows(String table) {
		assertThat(table).isIn("instrument_response", "observation");
		return ownerJdbc().sql("SELECT count(*) FROM " + table + " WHERE patient_id = :p")
			.param("p", patient)
			.query(Long.class)
			.single();
	}

	private static Map<String, Object> odi(Integer... sections) {
		Map<String, Object> answers = new HashMap<>();
		for (int i = 0; i < sections.length; i++) {
			answers.put("odi-" + (i + 1), sections[i]);
		}
		return answers;
	}

	private static void assertProblem(TestApi.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		List<String> fields = response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
		assertThat(fields).as(response.body()).contains(field);
	}

}
