package org.spinecell.accounts;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.accounts.mfa.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-step sign-in for an account that enrolled (the shared test context runs in {@code optional}
 * mode; {@link MfaRequiredTests} covers the production default).
 */
class MfaTests extends IntegrationTest {

	private WebSession signedIn(String username) {
		WebSession web = new WebSession(port);
		web.signIn(username, USER_PASSWORD);
		return web;
	}

	private String physician() {
		return createUser("PHYSICIAN", Set.of(createClinic("Mfa")));
	}

	@Test
	void enrolmentShowsAQrCodeAndTheKeyThenTenRecoveryCodesOnce() {
		String username = physician();
		WebSession web = signedIn(username);
		WebSession.Page page = web.get("/account/mfa");
		assertThat(page.html()).contains("src=\"data:image/png;base64,").contains("id=\"mfa-secret\"");
		String secret = MfaSteps.secretOn(page);
		assertThat(secret).hasSize(32);
		// Reloading shows the same key until it is confirmed.
		assertThat(MfaSteps.secretOn(web.get("/account/mfa"))).isEqualTo(secret);

		WebSession.Page wrong = web.post("/account/mfa",
				Map.of("code", MfaSteps.code(secret, -3), "_csrf", page.csrf()));
		assertThat(wrong.html()).contains("id=\"code-error\"").contains("wrong or expired code");

		WebSession.Page done = web.post("/account/mfa", Map.of("code", MfaSteps.code(secret, 0), "_csrf", page.csrf()));
		assertThat(done.html()).contains("Two-step sign-in is on");
		assertThat(done.html().split("class=\"recovery-code\"", -1)).hasSize(11);
		assertThat(web.get("/account/mfa").html()).contains("id=\"mfa-status\"").doesNotContain("mfa-secret")
			.doesNotContain("recovery-code");

		UUID id = userId(username);
		byte[] stored = ownerJdbc().sql("SELECT secret_enc FROM user_mfa WHERE user_id = :id")
			.param("id", id)
			.query(byte[].class)
			.single();
		assertThat(stored).isNotEqualTo(Totp.base32Decode(secret));
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
		assertThat(ownerJdbc().sql("SELECT count(*) FROM user_recovery_code WHERE user_id = :id AND used_at IS NULL")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(10);
		assertThat(ownerJdbc().sql("SELECT count(*) FROM audit_event WHERE entity_type = 'UserMfa' AND entity_id = :id "
				+ "AND action = 'CREATE'").param("id", id.toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void afterThePasswordTheCodeIsAskedAndNothingElseOpensUntilItIsRight() {
		String username = physician();
		MfaSteps.Enrolled enrolled = MfaSteps.enrol(signedIn(username));

		WebSession web = new WebSession(port);
		WebSession.Page afterPassword = web.signIn(username, USER_PASSWORD);
		assertThat(afterPassword.uri()).endsWith("/login/mfa");
		assertThat(afterPassword.html()).as("no navigation before the second step").doesNotContain("href=\"/patients\"")
			.doesNotContain("Two-step sign-in</a>");
		assertThat(web.get("/patients").uri()).endsWith("/login/mfa");
		assertThat(web.get("/account/mfa").uri()).as("no re-enrolment with the password alone").endsWith("/login/mfa");
		assertThat(web.get("/api/v1/clinics").status()).as("a half-signed-in session is no API credential")
			.isEqualTo(401);

		WebSession.Page expired = MfaSteps.answer(web, enrolled.code(-2));
		assertThat(expired.html()).contains("id=\"code-error\"").contains("Wrong, expired or already used code");
		assertThat(MfaSteps.answer(web, "12345x").html()).contains("id=\"code-error\"");

		String before = web.cookie("JSESSIONID");
		WebSession.Page home = MfaSteps.answer(web, enrolled.code(1));
		assertThat(home.uri()).endsWith(":" + port + "/");
		assertThat(home.html()).contains("Dashboard");
		assertThat(home.html()).contains("href=\"/patients\"").contains("Two-step sign-in</a>");
		assertThat(web.cookie("JSESSIONID")).as("session id renewed after the second step").isNotEqualTo(before);
		assertThat(web.get("/patients").uri()).endsWith("/patients");
	}

	@Test
	void aCodeIsUsableOnceEvenWithinItsWindow() {
		String username = physician();
		MfaSteps.Enrolled enrolled = MfaSteps.enrol(signedIn(username));
		// The enrolment consumed the current step's code.
		WebSession web = new WebSession(port);
		web.signIn(username, USER_PASSWORD);
		assertThat(MfaSteps.answer(web, enrolled.code(0)).html()).contains("id=\"code-error\"");
		assertThat(MfaSteps.answer(web, enrolled.code(1)).uri()).endsWith(":" + port + "/");

		WebSession again = new WebSession(port);
		again.signIn(username, USER_PASSWORD);
		assertThat(MfaSteps.answer(again, enrolled.code(1)).html()).as("replayed").contains("id=\"code-error\"");
	}

	@Test
	void aRecoveryCodeSignsInOnceWhateverItsSpacingOrCase() {
		String username = physician();
		MfaSteps.Enrolled enrolled = MfaSteps.enrol(signedIn(username));
		String recovery = enrolled.recoveryCodes().get(3);

		WebSession web = new WebSession(port);
		web.signIn(username, USER_PASSWORD);
		assertThat(MfaSteps.answer(web, " " + recovery.toUpperCase().replace("-", " ") + " ").uri())
			.endsWith(":" + port + "/");

		WebSession again = new WebSession(port);
		again.signIn(username, USER_PASSWORD);
		assertThat(MfaSteps.answer(again, recovery).html()).contains("id=\"code-error\"");
		assertThat(MfaSteps.answer(again, enrolled.recoveryCodes().get(4)).uri()).endsWith(":" + port + "/");
		assertThat(ownerJdbc().sql("SELECT count(*) FROM user_recovery_code WHERE user_id = :id AND used_at IS NULL")
			.param("id", userId(username))
			.query(Long.class)
			.single()).isEqualTo(8);
	}

	@Test
	void wrongCodesLockTheAccountLikeWrongPasswords() {
		String username = physician();
		MfaSteps.Enrolled enrolled = MfaSteps.enrol(signedIn(username));
		WebSession web = new WebSession(port);
		web.signIn(username, USER_PASSWORD);
		for (int i = 0; i < 4; i++) {
			assertThat(MfaSteps.answer(web, "000000".equals(enrolled.code(0)) ? "111111" : "000000").html())
				.contains("id=\"code-error\"");
		}
		WebSession.Page fifth = MfaSteps.answer(web, "999999".equals(enrolled.code(0)) ? "888888" : "999999");
		assertThat(fifth.uri()).as("signed out when locked").contains("/login?error");
		assertThat(ownerJdbc().sql("SELECT locked_until > now() FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Boolean.class)
			.single()).isTrue();
		// Locked: even the right password and a right code get nowhere now.
		assertThat(new WebSession(port).signIn(username, USER_PASSWORD).uri()).contains("/login?error");
		TestApi.Response token = anonymous.post("/api/v1/auth/token",
				Map.of("username", username, "password", USER_PASSWORD, "totp", enrolled.code(1)));
		assertThat(token.status()).isEqualTo(401);
	}

	@Test
	void theApiTokenNeedsTheTotpFieldOnceEnrolled() {
		String username = physician();
		MfaSteps.Enrolled enrolled = MfaSteps.enrol(signedIn(username));

		TestApi.Response missing = anonymous.post("/api/v1/auth/token",
				Map.of("username", username, "password", USER_PASSWORD));
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("totp");
		assertThat(missing.json().get("errors").get(0).get("message").asString()).startsWith("required");

		TestApi.Response wrong = anonymous.post("/api/v1/auth/token",
				Map.of("username", username, "password", USER_PASSWORD, "totp", enrolled.code(-2)));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().get("errors").get(0).get("message").asString())
			.isEqualTo("wrong, expired or already used code");

		TestApi.Response wrongPassword = anonymous.post("/api/v1/auth/token",
				Map.of("username", username, "password", "not-the-password-1", "totp", enrolled.code(1)));
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(wrongPassword.body()).doesNotContain("totp");

		TestApi.Response ok = anonymous.post("/api/v1/auth/token",
				Map.of("username", username, "password", USER_PASSWORD, "totp", enrolled.code(1)));
		assertThat(ok.status()).as(ok.body()).isEqualTo(201);
		TestApi.Response replay = anonymous.post("/api/v1/auth/token",
				Map.of("username", username, "password", USER_PASSWORD, "totp", enrolled.code(1)));
		assertThat(replay.status()).isEqualTo(401);
	}

	@Test
	void anAdministratorsPasswordResetKeepsTheSecondFactor() {
		String username = physician();
		MfaSteps.enrol(signedIn(username));
		String newPassword = "Brand-New-Password-" + unique();
		assertThat(admin.post("/api/v1/users/" + userId(username) + "/password", Map.of("password", newPassword))
			.status()).isEqualTo(200);
		assertThat(new WebSession(port).signIn(username, newPassword).uri()).endsWith("/login/mfa");
		assertThat(anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", newPassword))
			.status()).isEqualTo(401);
	}

	@Test
	void anAdministratorResetsTheSecondFactorAuditedAndSignsTheUserOut() {
		String username = physician();
		WebSession web = signedIn(username);
		MfaSteps.enrol(web);
		UUID id = userId(username);
		assertThat(web.get("/patients").uri()).endsWith("/patients");

		WebSession adminWeb = new WebSession(port);
		adminWeb.signIn("admin", ADMIN_PASSWORD);
		WebSession.Page userPage = adminWeb.get("/admin/users/" + id);
		assertThat(userPage.html()).contains("Reset two-step sign-in");
		WebSession.Page after = adminWeb.post("/admin/users/" + id + "/mfa/reset", Map.of("_csrf", userPage.csrf()));
		assertThat(after.html()).contains("Two-step sign-in reset");

		assertThat(web.get("/patients").uri()).as("the user's session was ended").contains("/login");
		assertThat(ownerJdbc().sql("SELECT count(*) FROM user_mfa WHERE user_id = :id").param("id", id)
			.query(Long.class)
			.single()).isZero();
		assertThat(ownerJdbc().sql("SELECT count(*) FROM user_recovery_code WHERE user_id = :id").param("id", id)
			.query(Long.class)
			.single()).isZero();
		assertThat(ownerJdbc().sql("""
				SELECT reason FROM audit_event WHERE entity_type = 'UserMfa' AND entity_id = :id AND action = 'UPDATE'
				""").param("id", id.toString()).query(String.class).single()).isEqualTo("reset by administrator");
		assertThat(admin.delete("/api/v1/users/" + id + "/mfa").status()).isEqualTo(204);
		assertThat(admin.delete("/api/v1/users/" + UUID.randomUUID() + "/mfa").status()).isEqualTo(404);
		assertThat(login(username, USER_PASSWORD).delete("/api/v1/users/" + id + "/mfa").status()).isEqualTo(403);
	}

	@Test
	void aUserTurnsItOffWithPasswordAndCode() {
		String username = physician();
		WebSession web = signedIn(username);
		MfaSteps.Enrolled enrolled = MfaSteps.enrol(web);
		WebSession.Page page = web.get("/account/mfa");

		WebSession.Page wrongPassword = web.post("/account/mfa/disable",
				Map.of("password", "not-my-password-9", "code", enrolled.code(1), "_csrf", page.csrf()));
		assertThat(wrongPassword.html()).contains("id=\"password-error\"").contains("wrong password");
		WebSession.Page wrongCode = web.post("/account/mfa/disable",
				Map.of("password", USER_PASSWORD, "code", enrolled.code(-2), "_csrf", page.csrf()));
		assertThat(wrongCode.html()).contains("id=\"code-error\"");

		WebSession.Page off = web.post("/account/mfa/disable",
				Map.of("password", USER_PASSWORD, "code", enrolled.code(1), "_csrf", page.csrf()));
		assertThat(off.html()).contains("Two-step sign-in was turned off").contains("id=\"mfa-secret\"");
		assertThat(new WebSession(port).signIn(username, USER_PASSWORD).uri()).as("optional mode: not asked now")
			.endsWith(":" + port + "/");
	}

}
