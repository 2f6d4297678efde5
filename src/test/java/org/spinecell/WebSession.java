package org.spinecell;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client for the server-rendered pages: cookies, CSRF tokens from forms, redirects. */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	private final CookieManager cookies = new CookieManager();

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	public record Page(int status, String html, String uri, HttpResponse<String> raw) {

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		/** The CSRF token of the first form on the page. */
		public String csrf() {
			Matcher matcher = CSRF.matcher(html);
			if (!matcher.find()) {
				throw new AssertionError("no CSRF field on " + uri);
			}
			return matcher.group(1);
		}

	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** A GET whose body is binary, such as a zip download, with the session's cookies. */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Page getWithHeader(String path, String header, String value) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET());
	}

	/** Posts a form as a browser would; {@code fields} may repeat a name via "name[]" style keys. */
	public Page post(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey().replaceAll("#\\d+$", "")) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Signs in through the login form and returns the page it lands on. */
	public Page signIn(String username, String password) {
		Page login = get("/login");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("password", password);
		fields.put("_csrf", login.csrf());
		return post("/login", fields);
	}

	/** The value of a cookie the server set, or null. */
	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private Page send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.body(), response.uri().toString(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
