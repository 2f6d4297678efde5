package org.spinecell.assurance;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One actor as an attacker drives it: a bearer token for the JSON API and a browser session for the
 * pages, redirects not followed (a redirect to the login page is a refusal, not a page), and a CSRF
 * token sent with every web state change unless the caller asks for none.
 */
final class ActorClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final String bearer;

	private final HttpClient client;

	private String csrf;

	private ActorClient(int port, String bearer) {
		this.base = "http://localhost:" + port;
		this.bearer = bearer;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** A caller without a session: its CSRF token comes from the login page, as a browser's would. */
	static ActorClient anonymous(int port, String bearer) {
		ActorClient actor = new ActorClient(port, bearer);
		actor.csrf = actor.csrfOf(actor.send("GET", "/login", null, null, null).body());
		return actor;
	}

	/** Signs in through the login form; the API uses the given bearer token. */
	static ActorClient signedIn(int port, String bearer, String username, String password) {
		ActorClient actor = anonymous(port, bearer);
		HttpResponse<String> login = actor.form("/login", Map.of("username", username, "password", password), true);
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error")) {
			throw new AssertionError("sign-in of " + username + " failed: " + login.statusCode() + " " + location);
		}
		// A new session at sign-in means a new CSRF token; take it from the home page's logout form.
		actor.csrf = actor.csrfOf(actor.send("GET", "/", null, null, null).body());
		return actor;
	}

	HttpResponse<String> get(String path) {
		return send("GET", path, null, null, null);
	}

	/** A JSON call; the bearer token goes along (the API chain ignores cookies). */
	HttpResponse<String> json(String method, String path, String body) {
		return send(method, path, "application/json", body, null);
	}

	HttpResponse<String> raw(String method, String path, String contentType, String body) {
		return send(method, path, contentType, body, null);
	}

	/** A form post with the session's CSRF token, or without any when {@code withCsrf} is false. */
	HttpResponse<String> form(String path, Map<String, String> fields, boolean withCsrf) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (withCsrf && csrf != null) {
			all.put("_csrf", csrf);
		}
		String body = all.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send("POST", path, "application/x-www-form-urlencoded", body, null);
	}

	/** A GET whose body is binary (a PDF, a zip), with the bearer token on API paths and the session cookie. */
	HttpResponse<byte[]> bytes(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
		if (bearer != null && path.startsWith("/api/")) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		try {
			return client.send(builder.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> withHeader(String path, String header, String value) {
		return send("GET", path, null, null, Map.of(header, value));
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body,
			Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		// A survey link's holder calls the survey API with the link alone; elsewhere the bearer is tried.
		if (bearer != null && path.startsWith("/api/") && !path.startsWith("/api/v1/surveys/")) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		if (headers != null) {
			headers.forEach(builder::header);
		}
		builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		try {
			return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String csrfOf(String html) {
		Matcher matcher = CSRF.matcher(html);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
