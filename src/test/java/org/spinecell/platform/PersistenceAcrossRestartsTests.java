package org.spinecell.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.spinecell.SpineCellProcess;
import org.spinecell.TestApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SpineCell as users run it: a separate JVM on the embedded PostgreSQL in a data directory. What
 * it acknowledged must be there after a normal stop and after {@code kill -9}.
 */
class PersistenceAcrossRestartsTests {

	/** The running instance, stopped after each test. */
	@AutoClose
	private SpineCellProcess running;

	@Test
	void dataSurvivesANormalStopAndAKill9() throws Exception {
		Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(),
				"restart-");

		running = SpineCellProcess.start(dataDir);
		String first = createClinic(running, "Before stop");

		// A normal stop: SIGTERM, Spring closes the context, PostgreSQL shuts down cleanly.
		assertThat(running.stop()).isNotEqualTo(-1);
		assertThat(dataDir.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped with the app").doesNotExist();

		running = SpineCellProcess.start(dataDir);
		assertThat(clinicNames(running)).contains(first);
		String second = createClinic(running, "Before kill");

		// kill -9: no shutdown hook runs; the PostgreSQL child is orphaned and keeps the cluster locked.
		running.kill();
		assertThat(dataDir.resolve("postgres/postmaster.pid")).exists();

		running = SpineCellProcess.start(dataDir);
		assertThat(clinicNames(running)).contains(first, second);
		assertThat(running.admin().get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
	}

	private static String createClinic(SpineCellProcess app, String name) {
		TestApi.Response response = app.admin().post("/api/v1/clinics", Map.of("name", name, "city", "Oslo", "country",
				"NO"));
		assertThat(response.status()).isEqualTo(201);
		return name;
	}

	private static List<String> clinicNames(SpineCellProcess app) {
		return app.admin()
			.get("/api/v1/clinics")
			.json()
			.get("items")
			.valueStream()
			.map(clinic -> clinic.get("name").asString())
			.toList();
	}

}
