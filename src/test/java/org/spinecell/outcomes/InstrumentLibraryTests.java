package org.spinecell.outcomes;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.outcomes.instruments.InstrumentScorerTests;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The instrument library through the API: shipped definitions, imports, licensed text and tables. */
class InstrumentLibraryTests extends IntegrationTest {

	@Test
	void everyShippedDefinitionIsStoredAndListedWithItsLicenceState() {
		JsonNode items = admin.get("/api/v1/instruments").json().get("items");
		for (String id : new String[] { "nrs-back", "nrs-leg", "pgic", "medication-work", "odi-2.1a", "rmdq-24",
				"promis-29", "eq-5d-5l" }) {
			JsonNode instrument = find(items, "id", id);
			assertThat(instrument.get("source").asString()).isEqualTo("SHIPPED");
			assertThat(instrument.get("licenceNote").asString()).isNotBlank();
		}
		JsonNode odi = find(items, "id", "odi-2.1a");
		assertThat(odi.get("textLicensed").asBoolean()).isTrue();
		assertThat(odi.get("method").asString()).isEqualTo("ODI_PERCENT");
		assertThat(odi.get("items").asInt()).isEqualTo(10);
		assertThat(find(items, "id", "nrs-back").get("textLoaded").asBoolean()).isTrue();
		assertThat(find(items, "id", "promis-29").get("items").asInt()).isEqualTo(29);
		assertThat(find(items, "id", "promis-29").get("scoringTableNeeded").asBoolean()).isTrue();
		assertThat(find(items, "id", "eq-5d-5l").get("scoringTableLoaded").asBoolean()).isFalse();
	}

	@Test
	void theShippedLicensedDefinitionsCarryNoItemText() {
		String odi = admin.get("/api/v1/instruments/odi-2.1a").body();
		assertThat(odi).contains("Questionnaire").contains("[licensed text not loaded]");
		JsonNode questionnaire = admin.get("/api/v1/instruments/rmdq-24").json();
		assertThat(questionnaire.get("item").valueStream().map(i -> i.get("text").asString()).distinct().toList())
			.containsExactly("[licensed text not loaded]");
	}

	@Test
	void aBadDefinitionIsRefusedNamingTheProblem() {
		String valid = copy("nrs-back", "nrs-" + unique());
		assertProblem(admin.postRaw("/api/v1/instruments", valid.replace("SINGLE_ITEM", "MEDIAN")), "scoring.method");
		assertProblem(admin.postRaw("/api/v1/instruments", "{\"resourceType\":\"Patient\"}"), "definition");
		assertProblem(admin.postRaw("/api/v1/instruments", valid.replace("\"valueInteger\": 10", "\"valueInteger\": -3")),
				"item.nrs");
		assertProblem(admin.postRaw("/api/v1/instruments", valid.replace("\"linkId\": \"nrs\"", "\"linkId\": \"NRS!\"")),
				"item.linkId");
	}

	@Test
	void anAdministratorImportsADefinitionOnceAndOthersCannot() {
		String id = "nrs-neck-" + unique();
		String json = copy("nrs-back", id)
			.replace("NRS_BACK", "NRS_NECK");
		TestApi physician = login(createUser("PHYSICIAN", Set.of(createClinic("Instruments"))), USER_PASSWORD);
		assertThat(physician.postRaw("/api/v1/instruments", json).status()).isEqualTo(403);
		// The library serves every clinic: the administrator of one clinic does not change it (ADR 0016).
		TestApi clinicAdmin = login(createUser("ADMIN", Set.of(createClinic("Instruments"))), USER_PASSWORD);
		assertThat(clinicAdmin.postRaw("/api/v1/instruments", json).status()).isEqualTo(403);
		TestApi.Response imported = admin.postRaw("/api/v1/instruments", json);
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		assertThat(imported.json().get("source").asString()).isEqualTo("IMPORTED");
		assertThat(admin.postRaw("/api/v1/instruments", json).status()).isEqualTo(409);
		assertThat(find(physician.get("/api/v1/instruments").json().get("items"), "id", id).get("version").asString())
			.isEqualTo("1");
	}

	@Test
	void loadingLicensedTextForEveryItemFlipsTextLoaded() {
		String id = "rmdq-copy-" + unique();
		assertThat(admin.postRaw("/api/v1/instruments",
				copy("rmdq-24", id)).status())
			.isEqualTo(201);
		String path = "/api/v1/instruments/" + id + "/licensed-text";
		TestApi.Response partial = admin.post(path, Map.of("items", Map.of("rmdq-1", "Licensed statement one")));
		assertThat(partial.status()).as(partial.body()).isEqualTo(200);
		assertThat(partial.json().get("textLoaded").asBoolean()).isFalse();

		Map<String, String> rest = new HashMap<>();
		for (int i = 2; i <= 24; i++) {
			rest.put("rmdq-" + i, "Licensed statement " + i);
		}
		TestApi.Response complete = admin.post(path, Map.of("items", rest));
		assertThat(complete.status()).as(complete.body()).isEqualTo(200);
		assertThat(complete.json().get("textLoaded").asBoolean()).isTrue();
		JsonNode questionnaire = admin.get("/api/v1/instruments/" + id).json();
		assertThat(questionnaire.get("item").get(0).get("text").asString()).isEqualTo("Licensed statement one");

		assertProblem(admin.post(path, Map.of("items", Map.of("rmdq-25", "x"))), "items.rmdq-25");
		TestApi physician = login(createUser("PHYSICIAN", Set.of(createClinic("Instruments"))), USER_PASSWORD);
		assertThat(physician.post(path, Map.of("items", Map.of("rmdq-1", "x"))).status()).isEqualTo(403);
		TestApi clinicAdmin = login(createUser("ADMIN", Set.of(createClinic("Instruments"))), USER_PASSWORD);
		assertThat(clinicAdmin.post(path, Map.of("items", Map.of("rmdq-1", "x"))).status()).isEqualTo(403);
	}

	@Test
	void aValueSetIsLoadedForAnEq5dCopyAndABadOneIsRefused() {
		String id = "eq-5d-copy-" + unique();
		assertThat(admin.postRaw("/api/v1/instruments",
				copy("eq-5d-5l", id)).status())
			.isEqualTo(201);
		String path = "/api/v1/instruments/" + id + "/scoring-tables";
		assertProblem(admin.postRaw(path, "{\"decrements\":{\"eq5d-mo\":[0,1]}}"), "decrements.eq5d-mo");
		// Made-up numbers for the test only.
		TestApi.Response loaded = admin.postRaw(path, "{\"name\":\"Testland\",\"states\":{\"11111\":1.0,\"21321\":0.8}}");
		assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
		assertThat(loaded.json().get("scoringTableLoaded").asBoolean()).isTrue();
	}

	/** A shipped definition under another id. */
	private static String copy(String shippedId, String id) {
		return InstrumentScorerTests.shippedJson(shippedId).replace("\"id\": \"" + shippedId + "\"", "\"id\": \"" + id + "\"");
	}

	private static void assertProblem(TestApi.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.as(response.body())
			.contains(field);
	}

}
