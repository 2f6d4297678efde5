package org.spinecell;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime contract end to end: health, admin bootstrap, tokens, clinics, users, audit. */
class FullStartTests extends IntegrationTest {

	@Test
	void healthIsUpWhenTheDatabaseAnswers() {
		TestApi.Response health = anonymous.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void healthIncludesTheDatabaseAndReadiness() {
		TestApi.Response readiness = anonymous.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void theApiIsDescribedByOpenApi() {
		TestApi.Response docs = anonymous.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.json().get("paths");
		assertThat(paths.has("/api/v1/patients")).isTrue();
		assertThat(paths.has("/api/v1/cell-products/{id}/release")).isTrue();
		assertThat(paths.has("/api/v1/procedures/{id}/complete")).isTrue();
		assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void embeddedPostgresRunsWithDurabilitySettingsOn() {
		for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
			assertThat(ownerJdbc().sql("SHOW " + setting).query(String.class).single()).as(setting).isEqualTo("on");
		}
		assertThat(ownerJdbc().sql("SHOW server_version_num").query(Integer.class).single()).isGreaterThanOrEqualTo(170000);
	}

	@Test
	void adminWasCreatedFromTheEnvironmentPasswordAndCanGetAToken() {
		TestApi.Response me = admin.get("/api/v1/users?size=200");
		assertThat(me.status()).isEqualTo(200);
		JsonNode adminUser = find(me.json().get("items"), "username", "admin");
		assertThat(adminUser.get("roles").toString()).isEqualTo("[\"ADMIN\"]");
		assertThat(adminUser.has("password")).isFalse();
		assertThat(adminUser.has("passwordHash")).isFalse();

		TestApi.Response token = anonymous.post("/api/v1/auth/token",
				Map.of("username", "admin", "password", ADMIN_PASSWORD));
		assertThat(token.json().get("token").asString()).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
		assertThat(token.json().get("expiresAt").asString()).isNotBlank();
		assertThat(token.header("Cache-Control")).contains("no-store");
	}

	@Test
	void tokensAreStoredOnlyAsHashes() {
		String token = admin.token();
		long plain = ownerJdbc().sql("SELECT count(*) FROM api_token WHERE encode(token_hash, 'escape') LIKE :t")
			.param("t", "%" + token + "%")
			.query(Long.class)
			.single();
		assertThat(plain).isZero();
		long hashed = ownerJdbc().sql("SELECT count(*) FROM api_token WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
			.param("t", token)
			.query(Long.class)
			.single();
		assertThat(hashed).isEqualTo(1);
	}

	@Test
	void creatingAClinicAndAUserIsAuditedWithActorAndValues() {
		String name = "Audit Clinic " + unique();
		TestApi.Response clinic = admin.post("/api/v1/clinics",
				Map.of("name", name, "city", "Denver", "region", "Colorado", "country", "US", "fin", unusedFin()));
		assertThat(clinic.status()).isEqualTo(201);
		assertThat(clinic.header("Location")).endsWith("/api/v1/clinics/" + clinic.json().get("id").asString());
		UUID clinicId = id(clinic.json());

		String username = "nurse." + unique();
		TestApi.Response user = admin.post("/api/v1/users", Map.of("username", username, "password", USER_PASSWORD,
				"displayName", "Nurse Test", "roles", List.of("COORDINATOR"), "clinicIds", List.of(clinicId)));
		assertThat(user.status()).isEqualTo(201);
		assertThat(user.json().get("enabled").asBoolean()).isTrue();
		assertThat(user.json().get("clinicIds").get(0).asString()).isEqualTo(clinicId.toString());
		assertThat(user.json().has("password")).isFalse();

		JsonNode clinicEntry = onlyEntry("Clinic", clinicId);
		assertThat(clinicEntry.get("actorUsername").asString()).isEqualTo("admin");
		assertThat(clinicEntry.get("action").asString()).isEqualTo("CREATE");
		assertThat(clinicEntry.get("changes").get("name").get("newValue").asString()).isEqualTo(name);
		assertThat(clinicEntry.get("changes").get("name").get("oldValue").isNull()).isTrue();

		UUID userId = id(user.json());
		TestApi.Response update = admin.put("/api/v1/users/" + userId, Map.of("displayName", "Nurse Renamed", "roles",
				List.of("COORDINATOR", "PHYSICIAN"), "clinicIds", List.of(clinicId), "version", 0));
		assertThat(update.status()).as(update.body()).isEqualTo(200);
		assertThat(update.json().get("version").asInt()).isEqualTo(1);

		JsonNode entries = admin.get("/api/v1/audit?entityType=User&entityId=" + userId).json().get("items");
		assertThat(entries).hasSize(2);
		JsonNode change = entries.get(0).get("changes");
		assertThat(change.get("displayName").get("oldValue").asString()).isEqualTo("Nurse Test");
		assertThat(change.get("displayName").get("newValue").asString()).isEqualTo("Nurse Renamed");
		assertThat(change.get("roles").get("newValue").toString()).isEqualTo("[\"COORDINATOR\",\"PHYSICIAN\"]");
		assertThat(change.has("clinicIds")).as("unchanged fields are not recorded").isFalse();
		assertThat(change.toString()).doesNotContain(USER_PASSWORD).doesNotContain("argon2");

		JsonNode verify = admin.get("/api/v1/audit/verify").json();
		assertThat(verify.get("valid").asBoolean()).isTrue();
		assertThat(verify.get("entries").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(verify.get("firstBrokenId").isNull()).isTrue();
	}

	@Test
	void aFinCanBeAddedToAClinicOnceButNeverChanged() {
		UUID clinic = createClinic("No FIN yet");
		JsonNode read = admin.get("/api/v1/clinics/" + clinic).json();
		Map<String, Object> change = new java.util.HashMap<>(Map.of("name", read.get("name").asString(), "city", "Reno",
				"country", "US", "fin", unusedFin(), "version", 0));
		TestApi.Response added = admin.put("/api/v1/clinics/" + clinic, change);
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(added.json().get("city").asString()).isEqualTo("Reno");
		change.put("version", 0);
		assertThat(admin.put("/api/v1/clinics/" + clinic, change).status()).as("stale").isEqualTo(409);
		change.put("version", 1);
		change.put("fin", unusedFin());
		TestApi.Response changed = admin.put("/api/v1/clinics/" + clinic, change);
		assertThat(changed.status()).isEqualTo(409);
		assertThat(changed.json().get("errors").get(0).get("field").asString()).isEqualTo("fin");
	}

	@Test
	void aStaleUserUpdateIsAConflictAndChangesNothing() {
		String username = createUser("LAB", java.util.Set.of());
		UUID userId = userId(username);
		Map<String, Object> change = Map.of("displayName", "First", "roles", List.of("LAB"), "version", 0);
		assertThat(admin.put("/api/v1/users/" + userId, change).status()).isEqualTo(200);
		TestApi.Response stale = admin.put("/api/v1/users/" + userId,
				Map.of("displayName", "Second", "roles", List.of("LAB"), "version", 0));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
		assertThat(admin.get("/api/v1/users/" + userId).json().get("displayName").asString()).isEqualTo("First");
	}

	@Test
	void disablingAUserRevokesTheirTokens() {
		String username = createUser("PHYSICIAN", java.util.Set.of());
		TestApi physician = login(username, USER_PASSWORD);
		assertThat(physician.get("/api/v1/clinics").status()).isEqualTo(200);
		UUID userId = userId(username);

		TestApi.Response disabled = admin.post("/api/v1/users/" + userId + "/disable", Map.of());
		assertThat(disabled.json().get("enabled").asBoolean()).isFalse();

		assertThat(physician.get("/api/v1/clinics").status()).isEqualTo(401);
		assertThat(anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", USER_PASSWORD))
			.status()).isEqualTo(401);

		admin.post("/api/v1/users/" + userId + "/enable", Map.of());
		assertThat(login(username, USER_PASSWORD).get("/api/v1/clinics").status()).isEqualTo(200);
	}

	@Test
	void thePasswordResetTakesEffectAndEndsOldTokens() {
		String username = createUser("COORDINATOR", java.util.Set.of());
		TestApi before = login(username, USER_PASSWORD);
		UUID userId = userId(username);
		String newPassword = "Quiet-Meadow-Copper-91";
		assertThat(admin.post("/api/v1/users/" + userId + "/password", Map.of("password", newPassword)).status())
			.isEqualTo(200);
		assertThat(before.get("/api/v1/clinics").status()).isEqualTo(401);
		assertThat(login(username, newPassword).get("/api/v1/clinics").status()).isEqualTo(200);
	}

	@Test
	void theLastEnabledAdministratorCannotBeDisabled() {
		JsonNode users = admin.get("/api/v1/users?size=200").json().get("items");
		UUID adminId = id(find(users, "username", "admin"));
		long otherAdmins = 0;
		for (JsonNode user : users) {
			if (user.get("roles").toString().contains("ADMIN") && user.get("enabled").asBoolean()
					&& !user.get("username").asString().equals("admin")) {
				otherAdmins++;
			}
		}
		TestApi.Response response = admin.post("/api/v1/users/" + adminId + "/disable", Map.of());
		if (otherAdmins == 0) {
			assertThat(response.status()).isEqualTo(409);
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("enabled");
		}
		else {
			admin.post("/api/v1/users/" + adminId + "/enable", Map.of());
		}
	}

	private JsonNode onlyEntry(String entityType, UUID entityId) {
		JsonNode items = admin.get("/api/v1/audit?entityType=" + entityType + "&entityId=" + entityId).json().get("items");
		assertThat(items).hasSize(1);
		return items.get(0);
	}

}
