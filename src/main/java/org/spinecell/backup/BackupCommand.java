package org.spinecell.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.spinecell.backup.BackupManifest.FileEntry;
import org.spinecell.platform.EmbeddedPostgresServer;
import org.spinecell.platform.EmbeddedPostgresServer.ClusterLock;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * {@code java -jar spinecell.jar backup --to FILE} and {@code restore --from FILE [--force]}. Both
 * run instead of the web application and exit. The embedded database has no dump tools (its
 * binaries are only {@code initdb}, {@code pg_ctl} and {@code postgres}), so a backup is a copy of
 * the stopped cluster; see ADR 0011.
 */
public final class BackupCommand {

	/** Exit status of a refused command: wrong usage, or a state in which it would be unsafe. */
	public static final int REFUSED = 2;

	/** Exit status of a command that failed: an I/O error or a restore that did not verify. */
	public static final int FAILED = 1;

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final PrintStream out;

	private BackupCommand(PrintStream out) {
		this.out = out;
	}

	/** Whether the first command-line argument names one of these commands. */
	public static boolean handles(String[] args) {
		return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
	}

	/** Runs the command; returns the process exit status. */
	public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
		LoggingSystem.get(BackupCommand.class.getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
		BackupOptions options;
		try {
			options = BackupOptions.parse(args, environment);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println("usage: backup --to FILE | restore --from FILE [--force]  [--spinecell.data-dir=DIR]");
			return REFUSED;
		}
		if (options.externalDatabase()) {
			err.println("""
					SpineCell is configured with an external PostgreSQL (spring.datasource.url is set). This command \
					only backs up the embedded database; back up the external one with its own tools, \
					e.g. pg_dump --format=custom and pg_restore, or your server's base backups.""");
			return REFUSED;
		}
		BackupCommand command = new BackupCommand(out);
		try {
			return options.command().equals("backup") ? command.backup(options, err) : command.restore(options, err);
		}
		catch (IOException | SQLException | RuntimeException ex) {
			err.println(options.command() + " failed: " + ex.getMessage());
			return FAILED;
		}
	}

	private int backup(BackupOptions options, PrintStream err) throws IOException, SQLException {
		Path dataDir = options.dataDir().toAbsolutePath().normalize();
		Path file = options.file().toAbsolutePath().normalize();
		if (!Files.exists(dataDir.resolve(EmbeddedPostgresServer.CLUSTER_DIR).resolve("PG_VERSION"))) {
			err.println("No SpineCell database in " + dataDir + " (set --spinecell.data-dir)");
			return REFUSED;
		}
		if (Files.exists(file)) {
			err.println(file + " already exists; choose a new file name");
			return REFUSED;
		}
		if (file.startsWith(dataDir)) {
			err.println("Write the backup outside the data directory " + dataDir);
			return REFUSED;
		}
		if (EmbeddedPostgresServer.inUse(dataDir)) {
			err.println(runningMessage(dataDir));
			return REFUSED;
		}
		out.println("Checking the database in " + dataDir + " ...");
		DatabaseSnapshot snapshot = snapshotAndStop(dataDir);
		if (!snapshot.verification().valid()) {
			err.println("The audit chain is broken at entry " + snapshot.verification().firstBrokenId()
					+ "; backing up anyway, the restore will report it");
		}
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Optional<ClusterLock> lock = EmbeddedPostgresServer.tryLock(dataDir);
		if (lock.isEmpty()) {
			err.println(runningMessage(dataDir));
			return REFUSED;
		}
		BackupManifest manifest;
		try (ClusterLock held = lock.get();
				OutputStream stream = Files.newOutputStream(partial);
				ZipOutputStream zip = new ZipOutputStream(stream)) {
			out.println("Copying the stopped cluster ...");
			List<FileEntry> files = BackupArchive.writeDataDir(dataDir, zip);
			manifest = new BackupManifest(BackupManifest.FORMAT, appVersion(), snapshot.schemaVersion(), Instant.now(),
					snapshot.tables(), snapshot.verification().entries(), snapshot.chains(), files);
			BackupArchive.writeManifest(manifest, zip);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
		Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
		out.printf("Backup written to %s%n", file);
		printSummary(manifest);
		return 0;
	}

	private int restore(BackupOptions options, PrintStream err) throws IOException, SQLException {
		Path dataDir = options.dataDir().toAbsolutePath().normalize();
		Path file = options.file().toAbsolutePath().normalize();
		if (!Files.isRegularFile(file)) {
			err.println("No backup file " + file);
			return REFUSED;
		}
		boolean occupied = Files.isDirectory(dataDir) && !isEmpty(dataDir);
		if (occupied && !options.force()) {
			err.println(dataDir + " is not empty. Restore into an empty or new directory, or add --force to"
					+ " replace it (the current contents are moved aside, not deleted)");
			return REFUSED;
		}
		if (Files.exists(dataDir.resolve(EmbeddedPostgresServer.CLUSTER_DIR)) && EmbeddedPostgresServer.inUse(dataDir)) {
			err.println(runningMessage(dataDir));
			return REFUSED;
		}
		try (ZipFile zip = new ZipFile(file.toFile())) {
			BackupManifest manifest = BackupArchive.readManifest(zip);
			Optional<String> newer = SchemaVersions.newerThanThisApplication(manifest.schemaVersion());
			if (newer.isPresent()) {
				err.println(newer.get());
				return REFUSED;
			}
			out.printf("Restoring the backup of %s (SpineCell %s, schema version %s) ...%n", manifest.createdAt(),
					manifest.appVersion(), manifest.schemaVersion());
			Path staging = dataDir.resolveSibling(dataDir.getFileName() + ".restoring");
			deleteRecursively(staging);
			Files.createDirectories(staging);
			try {
				BackupArchive.extract(zip, manifest, staging);
				out.println("Every file matches its checksum; checking the database ...");
				List<String> differences = DatabaseSnapshot.differences(manifest, snapshotAndStop(staging));
				if (!differences.isEmpty()) {
					err.println("The restored database does not match the backup; nothing was changed in " + dataDir
							+ ":");
					differences.forEach(difference -> err.println("  " + difference));
					deleteRecursively(staging);
					return FAILED;
				}
				if (occupied) {
					Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".replaced-"
							+ STAMP.format(Instant.now()));
					Files.move(dataDir, aside);
					out.println("The previous contents of " + dataDir + " were moved to " + aside);
				}
				else {
					Files.deleteIfExists(dataDir);
				}
				Files.move(staging, dataDir);
			}
			catch (IOException | SQLException | RuntimeException ex) {
				deleteRecursively(staging);
				throw ex;
			}
			out.printf("Restored into %s. Every table's row count and content hash match the backup,"
					+ " and the audit chains verify.%n", dataDir);
			printSummary(manifest);
			return 0;
		}
	}

	/** Starts the cluster, reads its figures and stops it again, cleanly, so its files are consistent. */
	private static DatabaseSnapshot snapshotAndStop(Path dataDir) throws IOException, SQLException {
		DatabaseSnapshot snapshot;
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
				Connection connection = server.superuserConnection()) {
			snapshot = SnapshotRepository.read(connection);
		}
		EmbeddedPostgresServer.awaitStopped(dataDir, STOP_TIMEOUT);
		return snapshot;
	}

	private void printSummary(BackupManifest manifest) {
		out.printf("  taken at       %s by SpineCell %s%n", manifest.createdAt(), manifest.appVersion());
		out.printf("  schema version %s%n", manifest.schemaVersion());
		out.printf("  tables         %d, %d rows%n", manifest.tables().size(), manifest.totalRows());
		out.printf("  audit trail    %d entries in %d chains%n", manifest.auditEntries(), manifest.auditChains().size());
		out.printf("  files          %d, %d bytes%n", manifest.files().size(),
				manifest.files().stream().mapToLong(FileEntry::size).sum());
	}

	private static String runningMessage(Path dataDir) {
		return "SpineCell (or another backup or restore) is running on " + dataDir + ". Stop it first: the backup"
				+ " copies the stopped database, and a restore must not replace a database in use.";
	}

	private static String appVersion() {
		String version = BackupCommand.class.getPackage().getImplementationVersion();
		return version == null ? "development" : version;
	}

	private static boolean isEmpty(Path dir) throws IOException {
		try (var entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
