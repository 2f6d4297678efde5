package org.spinecell.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad request gets its documented status, a problem-details body, and stores nothing. */
class BadInputTests extends IntegrationTest {

	@Test
	void malformedJsonIsA400AndStoresNothing() {
		long before = clinics();
		TestApi.Response response = admin.postRaw("/api/v1/clinics", "{\"name\": \"Broken\", ");
		assertProblem(response, 400);
		assertThat(clinics()).isEqualTo(before);
	}

	@Test
	void aWrongTypeIsA400NamingTheField() {
		TestApi.Response response = admin.postRaw("/api/v1/users",
				"{\"username\":\"typed\",\"password\":\"Sturdy-Umbrella-Lantern-7\",\"displayName\":\"x\","
						+ "\"roles\":[\"LAB\"],\"clinicIds\":[\"not-a-uuid\"]}");
		assertProblem(response, 400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("clinicIds[0]");

		TestApi.Response notAList = admin.postRaw("/api/v1/users",
				"{\"username\":\"typed\",\"password\":\"Sturdy-Umbrella-Lantern-7\",\"displayName\":\"x\","
						+ "\"roles\":{\"role\":\"ADMIN\"}}");
		assertProblem(notAList, 400);
		assertThat(notAList.json().get("errors").get(0).get("field").asString()).isEqualTo("roles");
	}

	@Test
	void anUnknownEnumValueIsA400NamingTheField() {
		TestApi.Response response = admin.post("/api/v1/users", Map.of("username", "enumtest", "password",
				USER_PASSWORD, "displayName", "x", "roles", List.of("SURGEON")));
		assertProblem(response, 400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).startsWith("roles");
	}

	@Test
	void unknownFieldsAreRefusedByName() {
		long before = clinics();
		TestApi.Response response = admin.post("/api/v1/clinics",
				Map.of("name", "Unknown field " + unique(), "city", "X", "country", "US", "isAdmin", true));
		assertProblem(response, 400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("isAdmin");
		assertThat(clinics()).isEqualTo(before);
	}

	@Test
	void validationFailuresAre422WithEveryFieldNamed() {
		long before = clinics();
		TestApi.Response response = admin.post("/api/v1/clinics",
				Map.of("name", "", "city", "x".repeat(101), "country", "usa", "fin", "12345"));
		assertProblem(response, 422);
		List<String> fields = response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
		assertThat(fields).containsExactlyInAnyOrder("name", "city", "country", "fin");
		assertThat(clinics()).isEqualTo(before);
	}

	@Test
	void weakPasswordsAreRefusedWithTheReason() {
		for (String password : List.of("short-pw", "password1234", "x".repeat(129))) {
			TestApi.Response response = admin.post("/api/v1/users", Map.of("username", "weak." + unique(), "password",
					password, "displayName", "Weak", "roles", List.of("LAB")));
			assertProblem(response, 422);
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		}
	}

	@Test
	void aDuplicateIsAConflict() {
		String name = "Duplicate " + unique();
		assertThat(admin.post("/api/v1/clinics", Map.of("name", name, "city", "X", "country", "US")).status())
			.isEqualTo(201);
		TestApi.Response again = admin.post("/api/v1/clinics", Map.of("name", name.toUpperCase(), "city", "Y", "country",
				"US"));
		assertProblem(again, 409);
		assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
	}

	@Test
	void anOversizedBodyIs413AndStoresNothing() {
		long before = clinics();
		String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"city\":\"x\",\"country\":\"US\"}";
		TestApi.Response response = admin.postRaw("/api/v1/clinics", huge);
		assertProblem(response, 413);
		assertThat(clinics()).isEqualTo(before);
	}

	@Test
	void aMissingOrBogusTokenIs401() {
		assertProblem(anonymous.get("/api/v1/clinics"), 401);
		TestApi bogus = new TestApi(port, "not-a-real-token");
		TestApi.Response response = bogus.get("/api/v1/clinics");
		assertProblem(response, 401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void anExpiredTokenIs401() {
		TestApi user = login(createUser("LAB", java.util.Set.of()), USER_PASSWORD);
		assertThat(user.get("/api/v1/clinics").status()).isEqualTo(200);
		ownerJdbc().sql("UPDATE api_token SET expires_at = now() - interval '1 second' "
				+ "WHERE token_hash = sha256(convert_to(:t, 'UTF8'))").param("t", user.token()).update();
		assertProblem(user.get("/api/v1/clinics"), 401);
	}

	@Test
	void aRevokedTokenIs401AndOtherTokensStillWork() {
		String username = createUser("LAB", java.util.Set.of());
		TestApi first = login(username, USER_PASSWORD);
		TestApi second = login(username, USER_PASSWORD);
		assertThat(first.delete("/api/v1/auth/token").status()).isEqualTo(204);
		assertProblem(first.get("/api/v1/clinics"), 401);
		assertThat(second.get("/api/v1/clinics").status()).isEqualTo(200);
	}

	@Test
	void aRoleWithoutTheRightIs403() {
		TestApi lab = login(createUser("LAB", java.util.Set.of()), USER_PASSWORD);
		assertProblem(lab.post("/api/v1/clinics", Map.of("name", "Nope " + unique(), "city", "X", "country", "US")), 403);
		assertProblem(lab.get("/api/v1/users"), 403);
		assertProblem(lab.get("/api/v1/audit"), 403);
	}

	@Test
	void badPagingAndIdsAre400() {
		assertProblem(admin.get("/api/v1/users?size=100000"), 400);
		assertProblem(admin.get("/api/v1/users?page=-1"), 400);
		assertProblem(admin.get("/api/v1/users?size=abc"), 400);
		assertProblem(admin.get("/api/v1/clinics/not-a-uuid"), 400);
	}

	@Test
	void wrongCredentialsGetOneAnswerWhateverTheCause() {
		TestApi.Response wrongPassword = anonymous.post("/api/v1/auth/token",
				Map.of("username", "admin", "password", "Not-The-Password-123"));
		TestApi.Response unknownUser = anonymous.post("/api/v1/auth/token",
				Map.of("username", "nobody." + unique(), "password", "Not-The-Password-123"));
		assertProblem(wrongPassword, 401);
		assertProblem(unknownUser, 401);
		assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
	}

	@Test
	void repeatedFailuresLockTheAccountForAWhile() {
		String username = createUser("COORDINATOR", java.util.Set.of());
		for (int i = 0; i < 5; i++) {
			assertThat(anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", "Wrong-Guess-" + i))
				.status()).isEqualTo(401);
		}
		// Now even the right password is refused until the lock-out ends.
		assertProblem(anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", USER_PASSWORD)),
				401);
		JsonNode user = admin.get("/api/v1/users/" + userId(username)).json();
		assertThat(user.get("locked").asBoolean()).isTrue();
		// An administrator's password reset lifts the lock.
		admin.post("/api/v1/users/" + id(user) + "/password", Map.of("password", "Brave-Otter-Harbor-55"));
		assertThat(login(username, "Brave-Otter-Harbor-55").get("/api/v1/clinics").status()).isEqualTo(200);
	}

	@Test
	void refusalsOfTheFrameworkItselfAreProblemDetailsWithADetail() {
		long before = clinics();
		String body = "{\"name\":\"Framework " + unique() + "\",\"city\":\"X\",\"country\":\"US\"}";
		assertDetailed(admin.sendRaw("POST", "/api/v1/clinics", "text/plain", body), 415);
		assertDetailed(admin.sendRaw("POST", "/api/v1/clinics", "application/xml", body), 415);
		assertDetailed(admin.sendRaw("POST", "/api/v1/clinics", null, body), 415);
		assertDetailed(admin.sendRaw("PATCH", "/api/v1/clinics", "application/json", body), 405);
		assertDetailed(admin.sendRaw("DELETE", "/api/v1/clinics", "application/json", ""), 405);
		assertDetailed(admin.getWithHeader("/api/v1/clinics", "Accept", "application/xml"), 406);
		assertDetailed(admin.sendRaw("POST", "/api/v1/clinics", "application/json", ""), 400);
		assertDetailed(admin.sendRaw("POST", "/api/v1/clinics", "application/json", "[]"), 400);
		assertDetailed(admin.sendRaw("POST", "/api/v1/clinics", "application/json", body + "{}"), 400);
		assertThat(clinics()).isEqualTo(before);
	}

	@Test
	void aKeySentTwiceIsA400NamingTheField() {
		long before = clinics();
		TestApi.Response response = admin.postRaw("/api/v1/clinics",
				"{\"name\":\"Twice " + unique() + "\",\"city\":\"X\",\"country\":\"US\",\"name\":\"Other\"}");
		assertProblem(response, 400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(clinics()).isEqualTo(before);
	}

	@Test
	void unstorableTextIsA400NamingTheFieldNotA409() {
		long before = clinics();
		for (String text : List.of("a\\u0000b", "\\u200b\\u200b", "x\\ud800", "\\u001b[31m")) {
			TestApi.Response response = admin.postRaw("/api/v1/clinics",
					"{\"name\":\"Text " + unique() + "\",\"city\":\"" + text + "\",\"country\":\"US\"}");
			assertProblem(response, 400);
			assertThat(response.json().get("errors").get(0).get("field").asString()).as(text).isEqualTo("city");
		}
		assertThat(clinics()).isEqualTo(before);
	}

	private static void assertDetailed(TestApi.Response response, int status) {
		assertProblem(response, status);
		assertThat(response.json().path("detail").asString()).as(response.body()).isNotBlank();
	}

	private long clinics() {
		return ownerJdbc().sql("SELECT count(*) FROM clinic").query(Long.class).single();
	}

	private static void assertProblem(TestApi.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode body = response.json();
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("title").asString()).isNotBlank();
		assertThat(body.get("type").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

}
