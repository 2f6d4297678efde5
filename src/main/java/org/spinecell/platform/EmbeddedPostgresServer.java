package org.spinecell.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries shipped inside the application, with its cluster in
 * {@code <data-dir>/postgres}. The zonky launcher is built for throw-away test databases, so this
 * class turns the durability settings back on, keeps the cluster between runs and clears up after
 * a server left behind by a JVM that was killed. The backup and restore commands start it on their
 * own, outside the application context.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	/** The cluster's directory inside a data dir. */
	public static final String CLUSTER_DIR = "postgres";

	/** The superuser the embedded cluster is initialised with. */
	public static final String SUPERUSER = "postgres";

	static final String DATABASE = "spinecell";

	static final String OWNER_ROLE = "spinecell_owner";

	static final String APP_ROLE = "spinecell_app";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/** Settings that must hold for patient data; zonky's defaults turn the first three off. */
	private static final Map<String, String> DURABILITY = Map.of("fsync", "on", "synchronous_commit", "on",
			"full_page_writes", "on");

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	public static EmbeddedPostgresServer start(Path dataDir) {
		Path cluster = dataDir.resolve(CLUSTER_DIR).toAbsolutePath();
		try {
			Files.createDirectories(cluster);
			stopOrphanedServer(cluster);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(cluster)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(true)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("max_connections", "100")
				.setServerConfig("timezone", "UTC");
			DURABILITY.forEach(builder::setServerConfig);
			EmbeddedPostgres postgres = builder.start();
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
			server.checkDurability();
			server.createDatabaseAndRoles();
			log.info("Embedded PostgreSQL started on localhost:{} with cluster {}", postgres.getPort(), cluster);
			return server;
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL in " + cluster, ex);
		}
	}

	/** JDBC URL of the SpineCell database, without a user. */
	public String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", DATABASE).replaceFirst("\\?.*$", "");
	}

	int port() {
		return postgres.getPort();
	}

	/** A connection to the SpineCell database as the cluster's superuser (row-level security does not apply). */
	public Connection superuserConnection() throws SQLException {
		return postgres.getDatabase(SUPERUSER, DATABASE).getConnection();
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

	/**
	 * Takes the lock zonky keeps on {@code <cluster>/epg-lock} while a server it started is in use, so
	 * that no SpineCell starts on the cluster while the lock is held. The operating system drops the
	 * lock when its JVM dies, even by {@code kill -9}.
	 * @return the held lock, or empty when a running process holds the cluster
	 */
	public static Optional<ClusterLock> tryLock(Path dataDir) throws IOException {
		Path cluster = dataDir.resolve(CLUSTER_DIR);
		Files.createDirectories(cluster);
		FileChannel channel = FileChannel.open(cluster.resolve("epg-lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		try {
			FileLock lock = channel.tryLock();
			if (lock != null) {
				return Optional.of(new ClusterLock(channel));
			}
		}
		catch (OverlappingFileLockException heldByThisJvm) {
			// fall through: in use
		}
		channel.close();
		return Optional.empty();
	}

	/** Whether a running process (a SpineCell instance, or a backup or restore) holds the cluster. */
	public static boolean inUse(Path dataDir) throws IOException {
		Optional<ClusterLock> lock = tryLock(dataDir);
		lock.ifPresent(ClusterLock::close);
		return lock.isEmpty();
	}

	/** A held cluster lock; closing releases it. */
	public static final class ClusterLock implements AutoCloseable {

		private final FileChannel channel;

		private ClusterLock(FileChannel channel) {
			this.channel = channel;
		}

		@Override
		public void close() {
			try {
				channel.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * Waits until PostgreSQL has removed its pid file after a stop, so that the files of the cluster
	 * can be copied as a consistent whole.
	 */
	public static void awaitStopped(Path dataDir, Duration timeout) throws IOException {
		Path cluster = dataDir.resolve(CLUSTER_DIR).toAbsolutePath();
		Instant deadline = Instant.now().plus(timeout);
		while (Files.exists(cluster.resolve("postmaster.pid"))) {
			if (runningPostmaster(cluster).isEmpty()) {
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("PostgreSQL did not stop within " + timeout.toSeconds() + " s");
			}
			sleep(100);
		}
	}

	/**
	 * A JVM killed with SIGKILL leaves its PostgreSQL child running and holding the cluster. Stop
	 * that server before starting a new one; PostgreSQL itself ignores a stale postmaster.pid whose
	 * process is gone.
	 */
	static void stopOrphanedServer(Path cluster) throws IOException {
		Optional<ProcessHandle> orphan = runningPostmaster(cluster);
		if (orphan.isEmpty()) {
			return;
		}
		ProcessHandle process = orphan.get();
		log.warn("Stopping PostgreSQL server (pid {}) left running on {} by a previous run", process.pid(), cluster);
		// SIGTERM asks for a smart shutdown; the clients died with the old JVM, so it completes promptly.
		process.destroy();
		Instant deadline = Instant.now().plusSeconds(60);
		while (process.isAlive() && Instant.now().isBefore(deadline)) {
			sleep(100);
		}
		if (process.isAlive()) {
			process.destroyForcibly();
			process.onExit().join();
		}
	}

	private static Optional<ProcessHandle> runningPostmaster(Path cluster) throws IOException {
		Path pidFile = cluster.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
		long pid;
		try {
			pid = Long.parseLong(firstLine);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping PostgreSQL", ex);
		}
	}

	private void checkDurability() throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String setting : DURABILITY.keySet()) {
				try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
					rs.next();
					if (!"on".equals(rs.getString(1))) {
						throw new IllegalStateException(
								"Embedded PostgreSQL runs with " + setting + "=" + rs.getString(1) + "; refusing to start");
					}
				}
			}
		}
	}

	/** Creates the schema owner, the application role and the database on first start. */
	private void createDatabaseAndRoles() throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			createRoleIfMissing(statement, OWNER_ROLE, "LOGIN");
			createRoleIfMissing(statement, APP_ROLE, "LOGIN NOBYPASSRLS");
			try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
				if (!rs.next()) {
					statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE);
				}
			}
		}
		try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
			statement.execute("GRANT USAGE ON SCHEMA public TO " + APP_ROLE);
		}
	}

	private static void createRoleIfMissing(Statement statement, String role, String options) throws SQLException {
		try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
			if (!rs.next()) {
				statement.execute("CREATE ROLE " + role + " " + options);
			}
		}
	}

}
