package org.spinecell.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spinecell.SpineCellApplication;
import org.spinecell.TestApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SpineCell as users run it: a separate JVM on the embedded PostgreSQL in a data directory. What
 * it acknowledged must be there after a normal stop and after {@code kill -9}.
 */
class PersistenceAcrossRestartsTests {

	private static final String PASSWORD = "Persistent-Walrus-Tide-30";

	private Process running;

	@AfterEach
	void stop() throws Exception {
		if (running != null && running.isAlive()) {
			running.destroy();
			running.waitFor();
		}
	}

	@Test
	void dataSurvivesANormalStopAndAKill9() throws Exception {
		Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(),
				"restart-");

		int port = freePort();
		running = start(dataDir, port);
		String first = createClinic(port, "Before stop");

		// A normal stop: SIGTERM, Spring closes the context, PostgreSQL shuts down cleanly.
		running.destroy();
		assertThat(running.waitFor()).isNotEqualTo(-1);
		assertThat(dataDir.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped with the app").doesNotExist();

		port = freePort();
		running = start(dataDir, port);
		assertThat(clinicNames(port)).contains(first);
		String second = createClinic(port, "Before kill");

		// kill -9: no shutdown hook runs; the PostgreSQL child is orphaned and keeps the cluster locked.
		running.destroyForcibly();
		running.waitFor();
		assertThat(dataDir.resolve("postgres/postmaster.pid")).exists();

		port = freePort();
		running = start(dataDir, port);
		assertThat(clinicNames(port)).contains(first, second);
		TestApi admin = token(port);
		assertThat(admin.get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
	}

	private static Process start(Path dataDir, int port) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(SpineCellApplication.class.getName());
		command.add("--server.port=" + port);
		command.add("--spinecell.data-dir=" + dataDir);
		command.add("--spinecell.security.mfa=optional"); // this test is about durability, not sign-in
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()));
		builder.environment().put("SPINECELL_ADMIN_PASSWORD", PASSWORD);
		Process process = builder.start();
		awaitHealthy(process, port, dataDir);
		return process;
	}

	private static void awaitHealthy(Process process, int port, Path dataDir) throws InterruptedException, IOException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
		TestApi api = new TestApi(port, null);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new AssertionError("SpineCell exited during start-up:\n" + Files.readString(dataDir.resolve("app.log")));
			}
			try {
				if (api.get("/actuator/health").status() == 200) {
					return;
				}
			}
			catch (IllegalStateException notYet) {
				// connection refused while starting
			}
			Thread.sleep(500);
		}
		throw new AssertionError("SpineCell did not become healthy:\n" + Files.readString(dataDir.resolve("app.log")));
	}

	private static TestApi token(int port) {
		TestApi.Response response = new TestApi(port, null).post("/api/v1/auth/token",
				Map.of("username", "admin", "password", PASSWORD));
		assertThat(response.status()).isEqualTo(201);
		return new TestApi(port, response.json().get("token").asString());
	}

	private static String createClinic(int port, String name) {
		TestApi.Response response = token(port).post("/api/v1/clinics", Map.of("name", name, "city", "Oslo", "country",
				"NO"));
		assertThat(response.status()).isEqualTo(201);
		return name;
	}

	private static List<String> clinicNames(int port) {
		return token(port).get("/api/v1/clinics")
			.json()
			.get("items")
			.valueStream()
			.map(clinic -> clinic.get("name").asString())
			.toList();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
