package org.spinecell.accounts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The administrator model (ADR 0016): a clinic administrator manages the accounts and the clinic of
 * its own clinic and nothing else, through the API, the pages and the database alike; an
 * installation administrator manages everything.
 */
class AdministratorScopeTests extends IntegrationTest {

	@Autowired
	TransactionTemplate transactions;

	UUID clinicA;

	UUID clinicB;

	String adminA;

	TestApi clinicAdmin;

	UUID userA;

	UUID userB;

	@BeforeEach
	void twoClinics() {
		clinicA = createClinic("Scope A");
		clinicB = createClinic("Scope B");
		adminA = createUser("ADMIN", Set.of(clinicA));
		clinicAdmin = login(adminA, USER_PASSWORD);
		userA = userId(createUser("COORDINATOR", Set.of(clinicA)));
		userB = userId(createUser("COORDINATOR", Set.of(clinicB)));
	}

	@Test
	void aClinicAdministratorFindsNoAccountOfAnotherClinicAndChangesNone() {
		String hashBefore = passwordHash(userB);
		long auditBefore = auditRows();
		String b = "/api/v1/users/" + userB;
		assertThat(clinicAdmin.get(b).status()).isEqualTo(404);
		assertThat(clinicAdmin.put(b, update("Taken over", List.of("ADMIN", "COORDINATOR"), List.of(clinicA), 0))
			.status()).isEqualTo(404);
		assertThat(clinicAdmin.post(b + "/password", Map.of("password", "Hijacked-Password-2026")).status())
			.isEqualTo(404);
		assertThat(clinicAdmin.delete(b + "/mfa").status()).isEqualTo(404);
		assertThat(clinicAdmin.post(b + "/disable", Map.of()).status()).isEqualTo(404);
		assertThat(clinicAdmin.post(b + "/enable", Map.of()).status()).isEqualTo(404);
		assertThat(passwordHash(userB)).isEqualTo(hashBefore);
		assertThat(clinicsOf(userB)).containsExactly(clinicB);
		assertThat(auditRows()).isEqualTo(auditBefore);
		// The list holds the accounts of its clinic, and none of the other clinic.
		String list = clinicAdmin.get("/api/v1/users?size=200").body();
		assertThat(list).contains(userA.toString()).doesNotContain(userB.toString()).doesNotContain("\"admin\"");
	}

	@Test
	void aClinicAdministratorCannotRaiseItsOwnPrivileges() {
		UUID self = userId(adminA);
		String path = "/api/v1/users/" + self;
		TestApi.Response moreRoles = clinicAdmin.put(path,
				update("Test ADMIN", List.of("ADMIN", "PHYSICIAN"), List.of(clinicA), version(self)));
		assertThat(moreRoles.status()).as(moreRoles.body()).isEqualTo(403);
		assertThat(moreRoles.body()).contains("\"roles\"");
		TestApi.Response otherClinic = clinicAdmin.put(path,
				update("Test ADMIN", List.of("ADMIN"), List.of(clinicA, clinicB), version(self)));
		assertThat(otherClinic.status()).as(otherClinic.body()).isEqualTo(403);
		TestApi.Response noClinic = clinicAdmin.put(path, update("Test ADMIN", List.of("ADMIN"), List.of(), version(self)));
		assertThat(noClinic.status()).as(noClinic.body()).isEqualTo(403);
		assertThat(clinicsOf(self)).containsExactly(clinicA);
		assertThat(rolesOf(self)).containsExactly("ADMIN");
		// Its own printed name is not a privilege.
		TestApi.Response renamed = clinicAdmin.put(path,
				update("Dana of A", List.of("ADMIN"), List.of(clinicA), version(self)));
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
	}

	@Test
	void aClinicAdministratorGivesOnlyItsOwnClinicAndNeverMakesAnInstallationAdministrator() {
		TestApi.Response inB = clinicAdmin.post("/api/v1/users", create("into.b." + unique(), List.of("PHYSICIAN"),
				List.of(clinicB)));
		assertThat(inB.status()).as(inB.body()).isEqualTo(403);
		assertThat(inB.body()).contains("\"clinicIds\"");
		TestApi.Response installationAdmin = clinicAdmin.post("/api/v1/users",
				create("root." + unique(), List.of("ADMIN"), List.of()));
		assertThat(installationAdmin.status()).as(installationAdmin.body()).isEqualTo(403);
		TestApi.Response moveToB = clinicAdmin.put("/api/v1/users/" + userA,
				update("Test COORDINATOR", List.of("COORDINATOR"), List.of(clinicA, clinicB), version(userA)));
		assertThat(moveToB.status()).as(moveToB.body()).isEqualTo(403);
		TestApi.Response stripClinics = clinicAdmin.put("/api/v1/users/" + userA,
				update("Test COORDINATOR", List.of("ADMIN"), List.of(), version(userA)));
		assertThat(stripClinics.status()).as(stripClinics.body()).isEqualTo(403);
		assertThat(clinicsOf(userA)).containsExactly(clinicA);
		// Within its clinic it does its work: a new physician, a second administrator of the clinic.
		TestApi.Response created = clinicAdmin.post("/api/v1/users",
				create("own." + unique(), List.of("PHYSICIAN"), List.of(clinicA)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		TestApi.Response promoted = clinicAdmin.put("/api/v1/users/" + userA,
				update("Test COORDINATOR", List.of("COORDINATOR", "ADMIN"), List.of(clinicA), version(userA)));
		assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
		assertThat(clinicAdmin.post("/api/v1/users/" + userA + "/password",
				Map.of("password", "Another-Long-Passphrase-9")).status()).isEqualTo(200);
	}

	@Test
	void anAccountSharedWithAnotherClinicIsSeenButOnlyAnInstallationAdministratorChangesIt() {
		UUID shared = userId(createUser("LAB", Set.of(clinicA, clinicB)));
		assertThat(clinicAdmin.get("/api/v1/users/" + shared).status()).isEqualTo(200);
		TestApi.Response update = clinicAdmin.put("/api/v1/users/" + shared,
				update("Test LAB", List.of("LAB"), List.of(clinicA), version(shared)));
		assertThat(update.status()).as(update.body()).isEqualTo(403);
		assertThat(clinicAdmin.post("/api/v1/users/" + shared + "/password",
				Map.of("password", "Hijacked-Password-2026")).status()).isEqualTo(403);
		assertThat(clinicAdmin.post("/api/v1/users/" + shared + "/disable", Map.of()).status()).isEqualTo(403);
		assertThat(clinicsOf(shared)).containsExactlyInAnyOrder(clinicA, clinicB);
		TestApi.Response byInstallation = admin.put("/api/v1/users/" + shared,
				update("Test LAB", List.of("LAB"), List.of(clinicA), version(shared)));
		assertThat(byInstallation.status()).as(byInstallation.body()).isEqualTo(200);
	}

	@Test
	void aClinicAdministratorEditsItsOwnClinicOnlyAndCreatesNone() {
		TestApi.Response created = clinicAdmin.post("/api/v1/clinics",
				Map.of("name", "Rogue " + unique(), "city", "X", "country", "US"));
		assertThat(created.status()).as(created.body()).isEqualTo(403);
		TestApi.Response other = clinicAdmin.put("/api/v1/clinics/" + clinicB, clinic(clinicB, "Taken " + unique()));
		assertThat(other.status()).as(other.body()).isEqualTo(404);
		assertThat(clinicAdmin.get("/api/v1/clinics/" + clinicB).status()).isEqualTo(404);
		assertThat(clinicAdmin.get("/api/v1/clinics").body()).contains(clinicA.toString())
			.doesNotContain(clinicB.toString());
		TestApi.Response own = clinicAdmin.put("/api/v1/clinics/" + clinicA, clinic(clinicA, "Scope A " + unique()));
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		// The installation administrator changes any clinic.
		TestApi.Response byInstallation = admin.put("/api/v1/clinics/" + clinicB, clinic(clinicB, "Scope B " + unique()));
		assertThat(byInstallation.status()).as(byInstallation.body()).isEqualTo(200);
	}

	@Test
	void thePagesHoldTheSameLine() {
		WebSession browser = new WebSession(port);
		browser.signIn(adminA, USER_PASSWORD);
		String hashBefore = passwordHash(userB);
		assertThat(browser.get("/admin/users/" + userB).status()).isEqualTo(404);
		String csrf = browser.get("/admin/users/" + userA).csrf();
		browser.post("/admin/users/" + userB + "/password", Map.of("password", "Hijacked-Password-2026", "_csrf", csrf));
		browser.post("/admin/users/" + userB + "/disable", Map.of("_csrf", csrf));
		browser.post("/admin/users/" + userB + "/mfa/reset", Map.of("_csrf", csrf));
		assertThat(passwordHash(userB)).isEqualTo(hashBefore);
		assertThat(enabled(userB)).isTrue();
		UUID self = userId(adminA);
		WebSession.Page escalation = browser.post("/admin/users/" + self, Map.of("displayName", "Test ADMIN", "roles",
				"PHYSICIAN", "clinicIds", clinicA.toString(), "version", String.valueOf(version(self)), "_csrf", csrf));
		assertThat(escalation.html()).contains("you cannot change your own roles");
		assertThat(rolesOf(self)).containsExactly("ADMIN");
		WebSession.Page clinics = browser.get("/admin/clinics");
		assertThat(clinics.html()).doesNotContain("Add a clinic").doesNotContain(clinicB.toString());
		long before = clinicCount();
		browser.post("/admin/clinics", Map.of("name", "Rogue " + unique(), "city", "X", "country", "US", "_csrf", csrf));
		assertThat(clinicCount()).isEqualTo(before);
		// An account it may see but not change shows no forms.
		UUID shared = userId(createUser("LAB", Set.of(clinicA, clinicB)));
		assertThat(browser.get("/admin/users/" + shared).html()).contains("only an installation administrator")
			.doesNotContain("Reset password");
	}

	@Test
	void theDatabaseRefusesTheSameWritesWhenTheApplicationDoesNotCheck() {
		UUID self = userId(adminA);
		CurrentUser asAdminA = new CurrentUser(self, adminA, "Test ADMIN", Set.of(Role.ADMIN), Set.of(clinicA));
		JdbcClient app = JdbcClient.create(appDataSource);
		assertThatThrownBy(() -> as(asAdminA, () -> app
			.sql("INSERT INTO user_clinic (user_id, clinic_id) VALUES (:u, :c)").param("u", userA).param("c", clinicB)
			.update())).rootCause().hasMessageContaining("row-level security");
		assertThatThrownBy(() -> as(asAdminA, () -> app
			.sql("INSERT INTO user_role (user_id, role) VALUES (:u, 'PHYSICIAN')").param("u", self).update()))
			.rootCause().hasMessageContaining("row-level security");
		assertThatThrownBy(() -> as(asAdminA, () -> app
			.sql("INSERT INTO user_clinic (user_id, clinic_id) VALUES (:u, :c)").param("u", self).param("c", clinicA)
			.update())).rootCause().hasMessageContaining("row-level security");
		assertThat(as(asAdminA, () -> app.sql("UPDATE app_user SET password_hash = 'x' WHERE id = :u")
			.param("u", userB).update())).isZero();
		assertThat(as(asAdminA, () -> app.sql("DELETE FROM user_clinic WHERE user_id = :u").param("u", userB)
			.update())).isZero();
		assertThat(as(asAdminA, () -> app.sql("UPDATE clinic SET city = 'Taken' WHERE id = :c").param("c", clinicB)
			.update())).isZero();
		assertThatThrownBy(() -> as(asAdminA, () -> app
			.sql("INSERT INTO clinic (id, name, city, country, created_by, updated_by) VALUES (:id, :n, 'X', 'US', :u, :u)")
			.param("id", UUID.randomUUID()).param("n", "Rogue " + unique()).param("u", self).update()))
			.rootCause().hasMessageContaining("row-level security");
		// Within its clinic the same statements go through.
		assertThat(as(asAdminA, () -> app.sql("UPDATE app_user SET display_name = 'Renamed' WHERE id = :u")
			.param("u", userA).update())).isEqualTo(1);
		assertThat(passwordHash(userB)).isNotEqualTo("x");
		assertThat(clinicsOf(userB)).containsExactly(clinicB);
	}

	/**
	 * The row-level policies let only an account's administrators change it; the sign-in bookkeeping
	 * must not depend on them: a signed-in physician guessing another account's password through the
	 * token endpoint, bearer token attached, still locks that account.
	 */
	@Test
	void failedSignInsCountWhoeverIsSignedInOnTheRequest() {
		TestApi outsider = login(createUser("PHYSICIAN", Set.of(clinicB)), USER_PASSWORD);
		String target = ownerJdbc().sql("SELECT username FROM app_user WHERE id = :u").param("u", userA)
			.query(String.class)
			.single();
		for (int i = 0; i < 5; i++) {
			assertThat(outsider.post("/api/v1/auth/token", Map.of("username", target, "password", "Wrong-Guess-" + i))
				.status()).isEqualTo(401);
		}
		assertThat(ownerJdbc().sql("SELECT failed_logins FROM app_user WHERE id = :u").param("u", userA)
			.query(Integer.class)
			.single()).isEqualTo(5);
		assertThat(anonymous.post("/api/v1/auth/token", Map.of("username", target, "password", USER_PASSWORD))
			.status()).as("locked, even with the right password").isEqualTo(401);
	}

	private <T> T as(CurrentUser user, java.util.function.Supplier<T> work) {
		return CurrentUser.callAs(user, () -> transactions.execute(status -> work.get()));
	}

	private static Map<String, Object> update(String name, List<String> roles, List<UUID> clinics, int version) {
		return Map.of("displayName", name, "roles", roles, "clinicIds", clinics, "version", version);
	}

	private static Map<String, Object> create(String username, List<String> roles, List<UUID> clinics) {
		return Map.of("username", username, "password", USER_PASSWORD, "displayName", "Test " + username, "roles",
				roles, "clinicIds", clinics);
	}

	private Map<String, Object> clinic(UUID id, String name) {
		return Map.of("name", name, "city", "Springfield", "country", "US", "version",
				ownerJdbc().sql("SELECT version FROM clinic WHERE id = :c").param("c", id).query(Integer.class).single());
	}

	private int version(UUID user) {
		return ownerJdbc().sql("SELECT version FROM app_user WHERE id = :u").param("u", user).query(Integer.class).single();
	}

	private String passwordHash(UUID user) {
		return ownerJdbc().sql("SELECT password_hash FROM app_user WHERE id = :u").param("u", user)
			.query(String.class)
			.single();
	}

	private boolean enabled(UUID user) {
		return ownerJdbc().sql("SELECT enabled FROM app_user WHERE id = :u").param("u", user)
			.query(Boolean.class)
			.single();
	}

	private List<UUID> clinicsOf(UUID user) {
		return ownerJdbc().sql("SELECT clinic_id FROM user_clinic WHERE user_id = :u").param("u", user)
			.query(UUID.class)
			.list();
	}

	private List<String> rolesOf(UUID user) {
		return ownerJdbc().sql("SELECT role FROM user_role WHERE user_id = :u").param("u", user)
			.query(String.class)
			.list();
	}

	private long auditRows() {
		return ownerJdbc().sql("SELECT count(*) FROM audit_event").query(Long.class).single();
	}

	private long clinicCount() {
		return ownerJdbc().sql("SELECT count(*) FROM clinic").query(Long.class).single();
	}

}
