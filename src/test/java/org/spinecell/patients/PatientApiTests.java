package org.spinecell.patients;

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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PatientApiTests extends IntegrationTest {

	private UUID clinic;

	private TestApi coordinator;

	@BeforeEach
	void clinicWithCoordinator() {
		clinic = createClinic("Patients");
		coordinator = login(createUser("COORDINATOR", Set.of(clinic)), USER_PASSWORD);
	}

	@Test
	void aCoordinatorRegistersAPatientAndReadsItBack() {
		Map<String, Object> body = patient("MRN-" + unique(), "Ada", "Lovelace");
		body.put("postalCode", "97201");
		body.put("email", "ada@example.org");
		body.put("phone", "+1 503 555 0100");
		body.put("preferredLanguage", "es-MX");
		TestApi.Response created = coordinator.post("/api/v1/patients", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode json = created.json();
		assertThat(json.get("version").asInt()).isZero();
		assertThat(json.get("clinicId").asString()).isEqualTo(clinic.toString());
		assertThat(created.header("Location")).endsWith("/api/v1/patients/" + json.get("id").asString());

		JsonNode read = coordinator.get("/api/v1/patients/" + json.get("id").asString()).json();
		assertThat(read.get("givenName").asString()).isEqualTo("Ada");
		assertThat(read.get("birthDate").asString()).isEqualTo("1961-03-14");
		assertThat(read.get("sex").asString()).isEqualTo("FEMALE");
		assertThat(read.get("preferredLanguage").asString()).isEqualTo("es-MX");
		assertThat(read.get("voided").asBoolean()).isFalse();
	}

	@Test
	void registrationIsAuditedOnTheClinicChain() {
		UUID id = register("MRN-" + unique(), "Grace", "Hopper");
		TestApi auditor = login(createUser("AUDITOR", Set.of(clinic)), USER_PASSWORD);
		JsonNode entries = auditor.get("/api/v1/audit?entityType=Patient&entityId=" + id).json().get("items");
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("clinicId").asString()).isEqualTo(clinic.toString());
		assertThat(entries.get(0).get("changes").get("familyName").get("newValue").asString()).isEqualTo("Hopper");
		assertThat(auditor.get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
	}

	@Test
	void aDuplicateMrnInTheSameClinicIsAConflictButAnotherClinicMayReuseIt() {
		String mrn = "MRN-" + unique();
		register(mrn, "First", "Patient");
		TestApi.Response duplicate = coordinator.post("/api/v1/patients", patient(mrn, "Second", "Patient"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("mrn");

		UUID otherClinic = createClinic("Other");
		TestApi other = login(createUser("COORDINATOR", Set.of(otherClinic)), USER_PASSWORD);
		Map<String, Object> body = patient(mrn, "Third", "Patient");
		body.put("clinicId", otherClinic);
		assertThat(other.post("/api/v1/patients", body).status()).isEqualTo(201);
	}

	@Test
	void anUpdateNeedsTheCurrentVersionAndAStaleOneChangesNothing() {
		UUID id = register("MRN-" + unique(), "Mary", "Shelley");
		Map<String, Object> change = patient(null, "Mary", "Wollstonecraft Shelley");
		change.put("mrn", coordinator.get("/api/v1/patients/" + id).json().get("mrn").asString());
		change.put("version", 0);
		TestApi.Response updated = coordinator.put("/api/v1/patients/" + id, change);
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().get("version").asInt()).isEqualTo(1);

		change.put("familyName", "Godwin");
		TestApi.Response stale = coordinator.put("/api/v1/patients/" + id, change);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
		assertThat(coordinator.get("/api/v1/patients/" + id).json().get("familyName").asString())
			.isEqualTo("Wollstonecraft Shelley");

		JsonNode audit = admin.get("/api/v1/audit?entityType=Patient&entityId=" + id).json();
		assertThat(audit.get("items")).as("admin sees no clinic chain").isEmpty();
	}

	@Test
	void aPatientIsVoidedWithAReasonNeverDeleted() {
		UUID id = register("MRN-" + unique(), "Void", "Me");
		TestApi.Response voided = coordinator.post("/api/v1/patients/" + id + "/void",
				Map.of("reason", "Registered twice by mistake", "version", 0));
		assertThat(voided.status()).isEqualTo(200);
		assertThat(voided.json().get("voided").asBoolean()).isTrue();
		assertThat(voided.json().get("voidReason").asString()).isEqualTo("Registered twice by mistake");
		assertThat(ownerJdbc().sql("SELECT count(*) FROM patient WHERE id = :id").param("id", id).query(Long.class).single())
			.isEqualTo(1);
		String list = coordinator.get("/api/v1/patients?q=void").body();
		assertThat(list).doesNotContain(id.toString());
		assertThat(coordinator.get("/api/v1/patients?q=void&includeVoided=true").body()).contains(id.toString());
		assertThat(coordinator.post("/api/v1/patients/" + id + "/void", Map.of("reason", "again", "version", 1))
			.status()).isEqualTo(409);
	}

	@Test
	void searchFindsByNameOrMrnIgnoringCaseAndPages() {
		String tag = unique();
		register("SRCH-" + tag + "-1", "Zelda", "Searchable" + tag);
		register("SRCH-" + tag + "-2", "Aaron", "Searchable" + tag);
		register("SRCH-" + tag + "-3", "Mona", "Other" + tag);

		JsonNode byName = coordinator.get("/api/v1/patients?q=SEARCHABLE" + tag).json();
		assertThat(byName.get("total").asLong()).isEqualTo(2);
		JsonNode byMrn = coordinator.get("/api/v1/patients?q=srch-" + tag + "-3").json();
		assertThat(byMrn.get("items").get(0).get("givenName").asString()).isEqualTo("Mona");
		JsonNode fullName = coordinator.get("/api/v1/patients?q=zelda%20searchable" + tag).json();
		assertThat(fullName.get("total").asLong()).isEqualTo(1);

		JsonNode sorted = coordinator.get("/api/v1/patients?q=searchable" + tag + "&sort=-givenName&size=1").json();
		assertThat(sorted.get("items")).hasSize(1);
		assertThat(sorted.get("items").get(0).get("givenName").asString()).isEqualTo("Zelda");
		assertThat(sorted.get("total").asLong()).isEqualTo(2);
		JsonNode second = coordinator.get("/api/v1/patients?q=searchable" + tag + "&sort=-givenName&size=1&page=1")
			.json();
		assertThat(second.get("items").get(0).get("givenName").asString()).isEqualTo("Aaron");
	}

	@Test
	void likeWildcardsInTheSearchAreTakenLiterally() {
		String tag = unique();
		register("WILD-" + tag, "Percy", "Under_score" + tag);
		assertThat(coordinator.get("/api/v1/patients?q=%25").json().get("total").asLong()).isZero();
		assertThat(coordinator.get("/api/v1/patients?q=under_score" + tag).json().get("total").asLong()).isEqualTo(1);
		assertThat(coordinator.get("/api/v1/patients?q=underXscore" + tag).json().get("total").asLong()).isZero();
	}

	@Test
	void sortAcceptsOnlyTheAllowList() {
		for (String sort : List.of("password", "family_name", "familyName;DROP TABLE patient", "1", "-")) {
			TestApi.Response response = coordinator.get("/api/v1/patients?sort=" + java.net.URLEncoder.encode(sort,
					java.nio.charset.StandardCharsets.UTF_8));
			assertThat(response.status()).as(sort).isEqualTo(400);
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
		}
		assertThat(coordinator.get("/api/v1/patients?sort=-birthDate").status()).isEqualTo(200);
	}

	@Test
	void sqlInTheSearchIsJustText() {
		TestApi.Response response = coordinator.get("/api/v1/patients?q="
				+ java.net.URLEncoder.encode("' OR 1=1 --", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("total").asLong()).isZero();
		assertThat(ownerJdbc().sql("SELECT count(*) FROM patient").query(Long.class).single()).isPositive();
	}

	@Test
	void impossibleBirthDatesAreRefusedByFieldAndNothingIsStored() {
		long before = patients();
		for (LocalDate birthDate : List.of(LocalDate.now().plusDays(1), LocalDate.now().minusYears(121).minusDays(1))) {
			Map<String, Object> body = patient("BAD-" + unique(), "Time", "Traveller");
			body.put("birthDate", birthDate.toString());
			TestApi.Response response = coordinator.post("/api/v1/patients", body);
			assertThat(response.status()).as(birthDate.toString()).isEqualTo(422);
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("birthDate");
		}
		Map<String, Object> body = patient("BAD-" + unique(), "Time", "Traveller");
		body.put("birthDate", "1970-02-30");
		TestApi.Response impossible = coordinator.post("/api/v1/patients", body);
		assertThat(impossible.status()).isEqualTo(400);
		assertThat(impossible.json().get("errors").get(0).get("field").asString()).isEqualTo("birthDate");
		assertThat(patients()).isEqualTo(before);
	}

	@Test
	void overlongNamesAndBadContactsAreRefusedByField() {
		long before = patients();
		Map<String, Object> body = patient("BAD-" + unique(), "x".repeat(10_000), "Long");
		body.put("email", "not-an-email");
		body.put("phone", "call me");
		body.put("sex", "FEMALE");
		TestApi.Response response = coordinator.post("/api/v1/patients", body);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.containsExactlyInAnyOrder("givenName", "email", "phone");
		assertThat(patients()).isEqualTo(before);
	}

	@Test
	void scriptAndTemplateTextInNamesIsStoredLiterally() {
		String hostile = "<script>alert(1)</script>${7*7}";
		UUID id = register("XSS-" + unique(), hostile, "Test");
		assertThat(coordinator.get("/api/v1/patients/" + id).json().get("givenName").asString()).isEqualTo(hostile);
	}

	@Test
	void anotherClinicsPatientIsNotFoundForReadUpdateOrVoid() {
		UUID id = register("ISO-" + unique(), "Private", "Person");
		UUID otherClinic = createClinic("Elsewhere");
		TestApi outsider = login(createUser("PHYSICIAN", Set.of(otherClinic)), USER_PASSWORD);
		assertThat(outsider.get("/api/v1/patients/" + id).status()).isEqualTo(404);
		Map<String, Object> change = patient("ISO-X", "Changed", "Person");
		change.put("version", 0);
		assertThat(outsider.put("/api/v1/patients/" + id, change).status()).isEqualTo(404);
		assertThat(outsider.post("/api/v1/patients/" + id + "/void", Map.of("reason", "x", "version", 0)).status())
			.isEqualTo(404);
		assertThat(outsider.get("/api/v1/patients?q=private").body()).doesNotContain(id.toString());
		assertThat(coordinator.get("/api/v1/patients/" + id).json().get("givenName").asString()).isEqualTo("Private");
	}

	@Test
	void registeringInAClinicYouDoNotWorkInIsRefused() {
		UUID otherClinic = createClinic("Not mine");
		Map<String, Object> body = patient("NM-" + unique(), "Wrong", "Clinic");
		body.put("clinicId", otherClinic);
		TestApi.Response response = coordinator.post("/api/v1/patients", body);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("clinicId");
	}

	@Test
	void rolesWithoutClinicalAccessAreRefused() {
		TestApi researcher = login(createUser("RESEARCHER", Set.of(clinic)), USER_PASSWORD);
		assertThat(researcher.get("/api/v1/patients").status()).isEqualTo(403);
		assertThat(admin.get("/api/v1/patients").status()).isEqualTo(403);
		TestApi lab = login(createUser("LAB", Set.of(clinic)), USER_PASSWORD);
		assertThat(lab.get("/api/v1/patients").status()).isEqualTo(200);
		assertThat(lab.post("/api/v1/patients", patient("LAB-" + unique(), "No", "Write")).status()).isEqualTo(403);
	}

	private UUID register(String mrn, String given, String family) {
		TestApi.Response response = coordinator.post("/api/v1/patients", patient(mrn, given, family));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return id(response.json());
	}

	private Map<String, Object> patient(String mrn, String given, String family) {
		Map<String, Object> body = new HashMap<>();
		body.put("clinicId", clinic);
		body.put("mrn", mrn);
		body.put("givenName", given);
		body.put("familyName", family);
		body.put("birthDate", "1961-03-14");
		body.put("sex", "FEMALE");
		return body;
	}

	private long patients() {
		return ownerJdbc().sql("SELECT count(*) FROM patient").query(Long.class).single();
	}

}
