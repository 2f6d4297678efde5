package org.spinecell.accounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production default, {@code spinecell.security.mfa=required}, on every sign-in path: browser
 * sign-in, enrolment before anything else, the API token, an administrator's reset; plus the
 * session time-outs, made short here. Its own application context and database, since the shared
 * test context runs in {@code optional} mode.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "SPINECELL_ADMIN_PASSWORD=" + IntegrationTest.ADMIN_PASSWORD,
				"spinecell.security.mfa=required", "spinecell.security.session-idle-timeout=PT6S",
				"spinecell.security.session-absolute-timeout=PT15S", "spinecell.mail.schedule=-" })
class MfaRequiredTests {

	private static final String PASSWORD = IntegrationTest.USER_PASSWORD;

	/** The administrator's enrolment, made by the first test that needs it (tests share the context). */
	private static MfaSteps.Enrolled adminEnrolment;

	private static TestApi adminApi;

	@LocalServerPort
	int port;

	@Autowired
	@FlywayDataSource
	javax.sql.DataSource ownerDataSource;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path base = Files.createDirectories(Path.of("target", "test-data"));
		Path dir = Files.createTempDirectory(base.toAbsolutePath(), "mfa-required-");
		registry.add("spinecell.data-dir", dir::toString);
	}

	/** An API client for the administrator, enrolling the account through the browser the first time. */
	private synchronized TestApi admin() {
		if (adminEnrolment == null) {
			WebSession web = new WebSession(port);
			assertThat(web.signIn("admin", IntegrationTest.ADMIN_PASSWORD).uri()).endsWith("/account/mfa");
			adminEnrolment = MfaSteps.enrol(web);
		}
		else if (adminApi != null) {
			return adminApi;
		}
		// The token needs a code not used before: the enrolment consumed the current step.
		String code = adminEnrolment.code(1);
		TestApi.Response response = new TestApi(port, null).post("/api/v1/auth/token",
				Map.of("username", "admin", "password", IntegrationTest.ADMIN_PASSWORD, "totp", code));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		adminApi = new TestApi(port, response.json().get("token").asString());
		return adminApi;
	}

	private String createUser(String role) {
		TestApi admin = admin();
		UUID clinic = UUID.fromString(admin.post("/api/v1/clinics",
				Map.of("name", "Required " + UUID.randomUUID(), "city", "Springfield", "country", "US"))
			.json()
			.get("id")
			.asString());
		String username = role.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8);
		TestApi.Response created = admin.post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
				"displayName", "Test " + role, "roles", List.of(role), "clinicIds", List.of(clinic)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	private UUID userId(String username) {
		return JdbcClient.create(ownerDataSource)
			.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(UUID.class)
			.single();
	}

	@Test
	void everyRoleIsSentToEnrolmentBeforeAnythingElse() {
		for (String role : List.of("PHYSICIAN", "COORDINATOR", "LAB", "RESEARCHER", "AUDITOR", "ADMIN")) {
			String username = createUser(role);
			WebSession web = new WebSession(port);
			WebSession.Page landed = web.signIn(username, PASSWORD);
			assertThat(landed.uri()).as(role).endsWith("/account/mfa");
			assertThat(landed.html()).contains("needs a second sign-in step");
			assertThat(web.get("/").uri()).as(role).endsWith("/account/mfa");
			assertThat(web.get("/login/mfa").uri()).as(role).endsWith("/account/mfa");
			MfaSteps.Enrolled enrolled = MfaSteps.enrol(web);
			assertThat(web.get("/").html()).as(role).contains("Dashboard");

			WebSession next = new WebSession(port);
			assertThat(next.signIn(username, PASSWORD).uri()).as(role).endsWith("/login/mfa");
			assertThat(MfaSteps.answer(next, enrolled.code(1)).uri()).as(role).endsWith(":" + port + "/");
		}
	}

	@Test
	void theApiTokenIsRefusedUntilEnrolledAndThenNeedsTheCode() {
		String username = createUser("COORDINATOR");
		TestApi anonymous = new TestApi(port, null);
		TestApi.Response notEnrolled = anonymous.post("/api/v1/auth/token",
				Map.of("username", username, "password", PASSWORD, "totp", "123456"));
		assertThat(notEnrolled.status()).isEqualTo(401);
		assertThat(notEnrolled.json().get("errors").get(0).get("field").asString()).isEqualTo("totp");
		assertThat(notEnrolled.json().get("errors").get(0).get("message").asString()).contains("/account/mfa");

		WebSession web = new WebSession(port);
		web.signIn(username, PASSWORD);
		MfaSteps.Enrolled enrolled = MfaSteps.enrol(web);
		TestApi.Response missing = anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD));
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("totp");
		TestApi.Response ok = anonymous.post("/api/v1/auth/token",
				Map.of("username", username, "password", PASSWORD, "totp", enrolled.code(1)));
		assertThat(ok.status()).isEqualTo(201);
	}

	@Test
	void afterAnAdministratorsResetTheUserMustEnrolAgain() {
		String username = createUser("PHYSICIAN");
		WebSession web = new WebSession(port);
		web.signIn(username, PASSWORD);
		MfaSteps.Enrolled first = MfaSteps.enrol(web);
		assertThat(admin().delete("/api/v1/users/" + userId(username) + "/mfa").status()).isEqualTo(204);

		WebSession again = new WebSession(port);
		assertThat(again.signIn(username, PASSWORD).uri()).endsWith("/account/mfa");
		String newSecret = MfaSteps.secretOn(again.get("/account/mfa"));
		assertThat(newSecret).isNotEqualTo(first.secret());
		TestApi.Response token = new TestApi(port, null).post("/api/v1/auth/token",
				Map.of("username", username, "password", PASSWORD, "totp", first.code(1)));
		assertThat(token.status()).as("the old key is gone").isEqualTo(401);
		assertThat(MfaSteps.enrol(again).recoveryCodes()).hasSize(10);
	}

	@Test
	void turningItOffSendsTheUserStraightBackToEnrolment() {
		String username = createUser("LAB");
		WebSession web = new WebSession(port);
		web.signIn(username, PASSWORD);
		MfaSteps.Enrolled enrolled = MfaSteps.enrol(web);
		WebSession.Page page = web.get("/account/mfa");
		WebSession.Page off = web.post("/account/mfa/disable",
				Map.of("password", PASSWORD, "code", enrolled.code(1), "_csrf", page.csrf()));
		assertThat(off.uri()).endsWith("/account/mfa");
		assertThat(web.get("/").uri()).endsWith("/account/mfa");
	}

	@Test
	void anIdleSessionEnds() throws InterruptedException {
		WebSession web = enrolledSession();
		Thread.sleep(7_000);
		assertThat(web.get("/").uri()).contains("/login?expired");
	}

	@Test
	void aBusySessionEndsAtTheAbsoluteTimeOut() throws InterruptedException {
		WebSession web = enrolledSession();
		long started = System.nanoTime();
		while (System.nanoTime() - started < 13_000_000_000L) {
			assertThat(web.get("/").html()).contains("Dashboard");
			Thread.sleep(2_000);
		}
		Thread.sleep(3_000);
		assertThat(web.get("/").uri()).contains("/login?expired");
	}

	private WebSession enrolledSession() {
		String username = createUser("RESEARCHER");
		WebSession web = new WebSession(port);
		web.signIn(username, PASSWORD);
		MfaSteps.enrol(web);
		assertThat(web.get("/").html()).contains("Dashboard");
		return web;
	}

}
