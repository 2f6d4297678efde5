package org.spinecell.accounts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Session and header hardening per SECURITY.md, seen from outside over real HTTP. */
class SessionHardeningTests extends IntegrationTest {

	private static final HttpClient RAW = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private HttpResponse<String> raw(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (headers.length > 0) {
			builder.headers(headers);
		}
		try {
			return RAW.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A GET with only the given session cookie: does it still open a signed-in page? */
	private boolean sessionOpens(String sessionId) {
		HttpResponse<String> response = raw("/patients", "Cookie", "JSESSIONID=" + sessionId);
		return response.statusCode() == 200;
	}

	private String user() {
		return createUser("PHYSICIAN", Set.of(createClinic("Session")));
	}

	@Test
	void theSessionIdIsRenewedAtSignInAndTheOldOneOpensNothing() {
		WebSession web = new WebSession(port);
		web.get("/login");
		String beforeSignIn = web.cookie("JSESSIONID");
		assertThat(beforeSignIn).isNotNull();
		assertThat(web.signIn(user(), USER_PASSWORD).uri()).endsWith(":" + port + "/");
		String afterSignIn = web.cookie("JSESSIONID");
		assertThat(afterSignIn).isNotEqualTo(beforeSignIn);
		assertThat(sessionOpens(afterSignIn)).isTrue();
		assertThat(sessionOpens(beforeSignIn)).as("fixated id").isFalse();
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteAndSecureBehindTls() {
		String plain = raw("/login").headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(plain).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
		String behindTls = raw("/login", "X-Forwarded-Proto", "https").headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(behindTls).contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
	}

	@Test
	void everyResponseCarriesTheSecurityHeaders() {
		WebSession web = new WebSession(port);
		web.signIn(user(), USER_PASSWORD);
		TestApi.Response api = admin.get("/api/v1/clinics");
		List<Map<String, String>> responses = List.of(headers(raw("/login")), headers(web.get("/patients").raw()),
				headers(api.raw()), headers(raw("/api/v1/clinics")));
		for (Map<String, String> headers : responses) {
			assertThat(headers.get("content-security-policy")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY)
				.contains("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self'")
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(headers.get("x-content-type-options")).isEqualTo("nosniff");
			assertThat(headers.get("referrer-policy")).isEqualTo("no-referrer");
			assertThat(headers.get("x-frame-options")).isEqualTo("DENY");
			assertThat(headers.get("cache-control")).contains("no-store");
			assertThat(headers.get("strict-transport-security")).as("HSTS only over TLS").isNull();
		}
		assertThat(raw("/login", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
			.hasValue("max-age=31536000 ; includeSubDomains");
	}

	@Test
	void signingOutEndsTheSession() {
		WebSession web = new WebSession(port);
		web.signIn(user(), USER_PASSWORD);
		String session = web.cookie("JSESSIONID");
		assertThat(sessionOpens(session)).isTrue();
		WebSession.Page home = web.get("/");
		assertThat(web.post("/logout", Map.of("_csrf", home.csrf())).uri()).endsWith("/login?logout");
		assertThat(sessionOpens(session)).isFalse();
	}

	@Test
	void disablingAnAccountEndsItsSessions() {
		String username = user();
		WebSession web = new WebSession(port);
		web.signIn(username, USER_PASSWORD);
		String session = web.cookie("JSESSIONID");
		assertThat(sessionOpens(session)).isTrue();
		assertThat(admin.post("/api/v1/users/" + userId(username) + "/disable", Map.of()).status()).isEqualTo(200);
		assertThat(sessionOpens(session)).isFalse();
		assertThat(web.get("/patients").uri()).contains("/login");
	}

	private static Map<String, String> headers(HttpResponse<String> response) {
		Map<String, String> headers = new java.util.HashMap<>();
		response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(", ", values)));
		return headers;
	}

}
