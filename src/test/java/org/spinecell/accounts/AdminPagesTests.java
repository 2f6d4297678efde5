package org.spinecell.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser UI through real HTTP: sign-in, CSRF, headers, forms with inline errors, escaping. */
class AdminPagesTests extends IntegrationTest {

	@Test
	void pagesNeedASignInAndTheLoginPageIsServed() {
		WebSession browser = new WebSession(port);
		WebSession.Page page = browser.get("/admin/clinics");
		assertThat(page.uri()).endsWith("/login");
		assertThat(page.html()).contains("Sign in").contains("name=\"_csrf\"");
	}

	@Test
	void signingInLandsOnTheDashboardWithStrictHeaders() {
		WebSession browser = new WebSession(port);
		WebSession.Page dashboard = browser.signIn("admin", ADMIN_PASSWORD);
		assertThat(dashboard.uri()).endsWith("/");
		assertThat(dashboard.html()).contains("Dashboard").contains("Administrator");
		assertThat(dashboard.header("Content-Security-Policy")).contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(dashboard.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(dashboard.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(dashboard.html()).doesNotContain("<script>").doesNotContain("onclick=").doesNotContain("style=\"");
	}

	@Test
	void aWrongPasswordShowsAnErrorOnTheLoginPage() {
		WebSession.Page page = new WebSession(port).signIn("admin", "Definitely-Wrong-99");
		assertThat(page.uri()).contains("/login?error");
		assertThat(page.html()).contains("Wrong username or password");
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() {
		WebSession browser = new WebSession(port);
		browser.signIn("admin", ADMIN_PASSWORD);
		long before = clinics();
		WebSession.Page page = browser.post("/admin/clinics",
				Map.of("name", "No token " + unique(), "city", "X", "country", "US"));
		assertThat(page.status()).isEqualTo(403);
		assertThat(clinics()).isEqualTo(before);
	}

	@Test
	void invalidFormInputIsShownBesideTheFieldAndNothingIsStored() {
		WebSession browser = new WebSession(port);
		browser.signIn("admin", ADMIN_PASSWORD);
		String csrf = browser.get("/admin/clinics").csrf();
		long before = clinics();
		WebSession.Page page = browser.post("/admin/clinics",
				Map.of("name", "Valid name " + unique(), "city", "", "country", "usa", "_csrf", csrf));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("id=\"city-error\"").contains("id=\"country-error\"")
			.contains("aria-invalid=\"true\"")
			.contains("ISO 3166-1 alpha-2");
		assertThat(clinics()).isEqualTo(before);
	}

	@Test
	void scriptAndTemplateSyntaxInNamesIsStoredLiterallyAndRenderedEscaped() {
		WebSession browser = new WebSession(port);
		browser.signIn("admin", ADMIN_PASSWORD);
		String hostile = "<script>alert(1)</script> ${7*7} [[${7*7}]] " + unique();
		String csrf = browser.get("/admin/clinics").csrf();
		WebSession.Page page = browser.post("/admin/clinics",
				Map.of("name", hostile, "city", "X", "country", "US", "_csrf", csrf));
		assertThat(page.uri()).endsWith("/admin/clinics");
		assertThat(page.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt; ${7*7} [[${7*7}]]")
			.doesNotContain("<script>alert(1)")
			.doesNotContain(" 49 ");
		String stored = ownerJdbc().sql("SELECT name FROM clinic WHERE name = :n")
			.param("n", hostile)
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(hostile);
	}

	@Test
	void anAdministratorCreatesAUserThroughTheForm() {
		WebSession browser = new WebSession(port);
		browser.signIn("admin", ADMIN_PASSWORD);
		String csrf = browser.get("/admin/users/new").csrf();
		String username = "form." + unique();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("password", "password1234");
		fields.put("displayName", "Form User");
		fields.put("roles", "COORDINATOR");
		fields.put("_csrf", csrf);
		WebSession.Page refused = browser.post("/admin/users/new", fields);
		assertThat(refused.html()).contains("id=\"password-error\"").contains("most commonly used");

		fields.put("password", USER_PASSWORD);
		fields.put("_csrf", refused.csrf());
		WebSession.Page created = browser.post("/admin/users/new", fields);
		assertThat(created.uri()).contains("/admin/users/");
		assertThat(created.html()).contains("User " + username + " created.").contains("Form User");
		assertThat(new WebSession(port).signIn(username, USER_PASSWORD).html()).contains("Dashboard");
	}

	@Test
	void staffWithoutTheAdministratorRoleCannotOpenAdministrationPages() {
		String username = createUser("PHYSICIAN", java.util.Set.of());
		WebSession browser = new WebSession(port);
		browser.signIn(username, USER_PASSWORD);
		assertThat(browser.get("/admin/users").status()).isEqualTo(403);
		assertThat(browser.get("/audit").status()).isEqualTo(403);
		WebSession.Page dashboard = browser.get("/");
		assertThat(dashboard.html()).doesNotContain("href=\"/admin/users\"");
	}

	@Test
	void disablingAUserEndsTheirBrowserSession() {
		String username = createUser("COORDINATOR", java.util.Set.of());
		WebSession user = new WebSession(port);
		assertThat(user.signIn(username, USER_PASSWORD).html()).contains("Dashboard");
		String userId = userId(username).toString();
		admin.post("/api/v1/users/" + userId + "/disable", Map.of());
		WebSession.Page after = user.get("/");
		assertThat(after.uri()).contains("/login");
	}

	@Test
	void auditorsBrowseAndVerifyTheTrail() {
		// The trail lists this clinic's creation to an auditor of the clinic (auditors see their clinics' entries).
		UUID audited = createClinic("Audited");
		WebSession browser = new WebSession(port);
		browser.signIn(createUser("AUDITOR", java.util.Set.of(audited)), USER_PASSWORD);
		WebSession.Page trail = browser.get("/audit?entityType=Clinic");
		assertThat(trail.status()).isEqualTo(200);
		assertThat(trail.html()).contains("Audit trail").contains("CREATE");
		WebSession.Page verified = browser.post("/audit/verify", Map.of("_csrf", trail.csrf()));
		assertThat(verified.html()).contains("chains verified");
	}

	@Test
	void aTrailLongerThanOnePageShowsItsPageLinksAndKeepsTheFilter() {
		// More clinic creations than one page of 50 shows, whichever tests ran before.
		for (int i = 0; i < 51; i++) {
			createClinic("Paged");
		}
		WebSession browser = new WebSession(port);
		browser.signIn("admin", ADMIN_PASSWORD);
		WebSession.Page first = browser.get("/audit?entityType=Clinic");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.html()).contains("Page 1 of").contains("href=\"/audit?entityType=Clinic&amp;page=1\"");
		WebSession.Page second = browser.get("/audit?entityType=Clinic&page=1");
		assertThat(second.html()).contains("Page 2 of").contains("href=\"/audit?entityType=Clinic&amp;page=0\"");
	}

	private long clinics() {
		return ownerJdbc().sql("SELECT count(*) FROM clinic").query(Long.class).single();
	}

}
