package org.spinecell;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SpineCell as users run it: a separate JVM on the embedded PostgreSQL in a data directory, with
 * its output in {@code <data-dir>/../<name>.log}. Stopping it with SIGTERM runs the shutdown hooks;
 * {@link #kill()} is {@code kill -9}, which leaves its PostgreSQL child running until the next start
 * clears it away.
 */
public final class SpineCellProcess implements AutoCloseable {

	public static final String ADMIN_PASSWORD = "Persistent-Walrus-Tide-30";

	private final Process process;

	private final int port;

	private final Path log;

	private SpineCellProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts SpineCell on {@code dataDir} and waits until its health is UP. */
	public static SpineCellProcess start(Path dataDir, String... args) throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		// A child that is started over and over: quick start-up matters more than peak speed.
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-XX:+UseSerialGC");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(SpineCellApplication.class.getName());
		command.add("--server.port=" + port);
		command.add("--spinecell.data-dir=" + dataDir);
		command.add("--spinecell.security.mfa=optional"); // these tests are about processes and data, not sign-in
		command.addAll(List.of(args));
		Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("SPINECELL_ADMIN_PASSWORD", ADMIN_PASSWORD);
		SpineCellProcess started = new SpineCellProcess(builder.start(), port, log);
		started.awaitHealthy();
		return started;
	}

	public int port() {
		return port;
	}

	/** An API client signed in as {@code admin}. */
	public TestApi admin() {
		return login("admin", ADMIN_PASSWORD);
	}

	public TestApi login(String username, String password) {
		TestApi.Response response = new TestApi(port, null).post("/api/v1/auth/token",
				Map.of("username", username, "password", password));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return new TestApi(port, response.json().get("token").asString());
	}

	/** A normal stop: SIGTERM, Spring closes the context and PostgreSQL shuts down cleanly. */
	public int stop() throws InterruptedException {
		process.destroy();
		return process.waitFor();
	}

	/** {@code kill -9}: no shutdown hook runs. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			stop();
		}
	}

	/** Waits until health is UP, e.g. after the database came back. */
	public void awaitHealthy() throws InterruptedException, IOException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
		TestApi api = new TestApi(port, null);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new AssertionError("SpineCell exited during start-up:\n" + Files.readString(log));
			}
			try {
				if (api.get("/actuator/health").status() == 200) {
					return;
				}
			}
			catch (IllegalStateException notYet) {
				// connection refused while starting
			}
			Thread.sleep(200);
		}
		throw new AssertionError("SpineCell did not become healthy:\n" + Files.readString(log));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
