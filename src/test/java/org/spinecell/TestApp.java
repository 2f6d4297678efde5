package org.spinecell;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running application as a test fixture sees it: an anonymous and an administrator's API client,
 * sign-in, clinics and users made through the API, the owner's JDBC (no row-level security) and
 * the application's beans. {@link IntegrationTest} makes one per test; fixtures such as
 * {@code CellLab} take it in their constructor instead of inheriting it.
 */
public final class TestApp {

	private static final java.util.Random FIN_RANDOM = new java.security.SecureRandom();

	private final int port;

	private final DataSource ownerDataSource;

	private final ApplicationContext context;

	private final TestApi anonymous;

	private final TestApi admin;

	TestApp(int port, DataSource ownerDataSource, ApplicationContext context) {
		this.port = port;
		this.ownerDataSource = ownerDataSource;
		this.context = context;
		this.anonymous = new TestApi(port, null);
		this.admin = login("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	public int port() {
		return port;
	}

	public TestApi anonymous() {
		return anonymous;
	}

	public TestApi admin() {
		return admin;
	}

	/** A bean of the application, such as a rate limiter a test resets. */
	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public JdbcClient ownerJdbc() {
		return JdbcClient.create(ownerDataSource);
	}

	public TestApi login(String username, String password) {
		TestApi.Response response = anonymous.post("/api/v1/auth/token",
				Map.of("username", username, "password", password));
		assertThat(response.status()).as("token for %s: %s", username, response.body()).isEqualTo(201);
		return new TestApi(port, response.json().get("token").asString());
	}

	/** Creates a user of the given role and clinics with {@link IntegrationTest#USER_PASSWORD} and signs them in. */
	public TestApi signedIn(String role, Set<UUID> clinicIds) {
		return login(createUser(role, clinicIds), IntegrationTest.USER_PASSWORD);
	}

	/** Creates a clinic with a unique name and returns its id. */
	public UUID createClinic(String prefix) {
		TestApi.Response response = admin.post("/api/v1/clinics", Map.of("name", prefix + " " + unique(), "city",
				"Springfield", "country", "US"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return UUID.fromString(response.json().get("id").asString());
	}

	/** Creates a user with the given role and clinics; returns the username. */
	public String createUser(String role, Set<UUID> clinicIds) {
		String username = role.toLowerCase() + "." + unique();
		TestApi.Response response = admin.post("/api/v1/users", Map.of("username", username, "password",
				IntegrationTest.USER_PASSWORD, "displayName", "Test " + role, "roles", List.of(role), "clinicIds",
				List.copyOf(clinicIds)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return username;
	}

	/**
	 * A user's id, read from the database: the user list is paged, and the shared test database soon
	 * holds more users than one page.
	 */
	public UUID userId(String username) {
		return ownerJdbc().sql("SELECT id FROM app_user WHERE username = :username")
			.param("username", username)
			.query(UUID.class)
			.single();
	}

	/** A facility identification number no clinic of the shared test database uses yet. */
	public String unusedFin() {
		while (true) {
			String fin = String.valueOf((char) ('A' + FIN_RANDOM.nextInt(26))) + String.format("%04d", FIN_RANDOM.nextInt(10000));
			long taken = ownerJdbc().sql("SELECT count(*) FROM clinic WHERE fin = :fin").param("fin", fin)
				.query(Long.class)
				.single();
			if (taken == 0) {
				return fin;
			}
		}
	}

	/** The body of a 200 or 201 response; fails the test on any other status. */
	public static JsonNode ok(TestApi.Response response) {
		assertThat(response.status()).as(response.body()).isBetween(200, 201);
		return response.json();
	}

	/** The item of a list whose {@code field} has {@code value}. */
	public static JsonNode find(JsonNode items, String field, String value) {
		for (JsonNode item : items) {
			if (value.equals(item.get(field).asString())) {
				return item;
			}
		}
		throw new AssertionError("no item with " + field + "=" + value + " in " + items);
	}

	public static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	public static UUID id(JsonNode node) {
		return UUID.fromString(node.get("id").asString());
	}

}
