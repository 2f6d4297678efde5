package org.spinecell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the full-stack tests: the whole application on a random port, on a real embedded
 * PostgreSQL whose cluster lives in a fresh directory under {@code target/}. All subclasses share
 * one application context (and so one database), so tests create their own records with unique
 * names instead of assuming an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "SPINECELL_ADMIN_PASSWORD=" + IntegrationTest.ADMIN_PASSWORD,
				"spinecell.security.max-failed-logins=5",
				// A code is usable once, and the shared tests sign the same accounts in many times a
				// minute, so here only enrolled accounts are asked for one; MfaRequiredTests prove the
				// production default (required) on every sign-in path in a context of its own.
				"spinecell.security.mfa=optional",
				// Tests run the mail job themselves, at the times they choose.
				"spinecell.mail.schedule=-",
				// A test class with a context of its own can point spinecell.data-dir elsewhere.
				"spinecell.data-dir=${spinecell.test.shared-data-dir}" })
public abstract class IntegrationTest {

	public static final String ADMIN_PASSWORD = "Correct-Horse-Battery-42";

	public static final String USER_PASSWORD = "Sturdy-Umbrella-Lantern-7";

	private static final Path DATA_DIR = createDataDir();

	@LocalServerPort
	protected int port;

	@Autowired
	protected DataSource appDataSource;

	@Autowired
	@FlywayDataSource
	protected DataSource ownerDataSource;

	protected TestApi anonymous;

	protected TestApi admin;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("spinecell.test.shared-data-dir", DATA_DIR::toString);
	}

	@BeforeEach
	void connect() {
		anonymous = new TestApi(port, null);
		admin = login("admin", ADMIN_PASSWORD);
	}

	protected TestApi login(String username, String password) {
		TestApi.Response response = anonymous.post("/api/v1/auth/token",
				Map.of("username", username, "password", password));
		assertThat(response.status()).as("token for %s: %s", username, response.body()).isEqualTo(201);
		return new TestApi(port, response.json().get("token").asString());
	}

	/** Creates a clinic with a unique name and returns its id. */
	protected UUID createClinic(String prefix) {
		TestApi.Response response = admin.post("/api/v1/clinics", Map.of("name", prefix + " " + unique(), "city",
				"Springfield", "country", "US"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return UUID.fromString(response.json().get("id").asString());
	}

	/** Creates a user with the given role and clinics; returns the username. */
	protected String createUser(String role, Set<UUID> clinicIds) {
		String username = role.toLowerCase() + "." + unique();
		TestApi.Response response = admin.post("/api/v1/users", Map.of("username", username, "password", USER_PASSWORD,
				"displayName", "Test " + role, "roles", List.of(role), "clinicIds", List.copyOf(clinicIds)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return username;
	}

	/**
	 * A user's id, read from the database: the user list is paged, and the shared test database soon
	 * holds more users than one page.
	 */
	protected UUID userId(String username) {
		return ownerJdbc().sql("SELECT id FROM app_user WHERE username = :username")
			.param("username", username)
			.query(UUID.class)
			.single();
	}

	/** A physician created by {@link #createUser}, as the application sees them once signed in. */
	protected CurrentUser physicianAsSignedIn(String username) {
		UUID id = userId(username);
		Set<UUID> clinics = Set.copyOf(ownerJdbc().sql("SELECT clinic_id FROM user_clinic WHERE user_id = :u")
			.param("u", id)
			.query(UUID.class)
			.list());
		return new CurrentUser(id, username, "Test PHYSICIAN", Set.of(Role.PHYSICIAN), clinics);
	}

	protected JdbcClient ownerJdbc() {
		return JdbcClient.create(ownerDataSource);
	}

	/** The item of a list whose {@code field} has {@code value}. */
	protected static JsonNode find(JsonNode items, String field, String value) {
		for (JsonNode item : items) {
			if (value.equals(item.get(field).asString())) {
				return item;
			}
		}
		throw new AssertionError("no item with " + field + "=" + value + " in " + items);
	}

	/** A facility identification number no clinic of the shared test database uses yet. */
	protected String unusedFin() {
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

	private static final java.util.Random FIN_RANDOM = new java.security.SecureRandom();

	protected static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	protected static UUID id(JsonNode node) {
		return UUID.fromString(node.get("id").asString());
	}

	private static Path createDataDir() {
		try {
			Path base = Path.of("target", "test-data");
			Files.createDirectories(base);
			return Files.createTempDirectory(base.toAbsolutePath(), "shared-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
