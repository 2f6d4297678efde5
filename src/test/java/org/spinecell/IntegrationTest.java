package org.spinecell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full-stack tests: the whole application on a random port, on a real embedded
 * PostgreSQL whose cluster lives in a fresh directory under {@code target/}. All subclasses share
 * one application context (and so one database), so tests create their own records with unique
 * names instead of assuming an empty database.
 * <p>
 * This is the one base class of the full-stack tests; what a test needs beyond the harness comes
 * from plain fixture objects it creates in its {@code @BeforeEach} and holds in a field
 * ({@link TestApp}, {@code CellLab}, {@code Treatment}, {@code Surveys} ...), not from a superclass.
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

	/**
	 * The application as plain fixtures take it: {@code new CellLab(app)} in a test's
	 * {@code @BeforeEach} instead of a chain of base classes.
	 */
	protected TestApp app;

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("spinecell.test.shared-data-dir", DATA_DIR::toString);
	}

	@BeforeEach
	void connect() {
		app = new TestApp(port, ownerDataSource, context);
		anonymous = app.anonymous();
		admin = app.admin();
	}

	protected TestApi login(String username, String password) {
		return app.login(username, password);
	}

	/** Creates a clinic with a unique name and returns its id. */
	protected UUID createClinic(String prefix) {
		return app.createClinic(prefix);
	}

	/** Creates a user with the given role and clinics; returns the username. */
	protected String createUser(String role, Set<UUID> clinicIds) {
		return app.createUser(role, clinicIds);
	}

	/** A user's id, read from the database (see {@link TestApp#userId}). */
	protected UUID userId(String username) {
		return app.userId(username);
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
		return app.ownerJdbc();
	}

	/** The body of a 200 or 201 response; fails the test on any other status. */
	protected static JsonNode ok(TestApi.Response response) {
		return TestApp.ok(response);
	}

	/** The item of a list whose {@code field} has {@code value}. */
	protected static JsonNode find(JsonNode items, String field, String value) {
		return TestApp.find(items, field, value);
	}

	/** A facility identification number no clinic of the shared test database uses yet. */
	protected String unusedFin() {
		return app.unusedFin();
	}

	protected static String unique() {
		return TestApp.unique();
	}

	protected static UUID id(JsonNode node) {
		return TestApp.id(node);
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
