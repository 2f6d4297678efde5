package org.spinecell.backup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.spinecell.AssuranceReport;
import org.spinecell.SpineCellProcess;
import org.spinecell.TestApi;
import org.spinecell.audit.AuditChainRepository;
import org.spinecell.audit.ChainVerification;
import org.spinecell.platform.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup} and {@code restore} on a real instance: what comes back is the same database,
 * table by table, with its audit chains intact, and SpineCell starts on it.
 */
class BackupRestoreTests {

	private static final String PASSWORD = "Sturdy-Umbrella-Lantern-7";

	/** The running instance, stopped after each test. */
	@AutoClose
	private SpineCellProcess running;

	@Test
	void aRestoreIntoAFreshDataDirHasEveryTableAndTheAuditChainAndStarts() throws Exception {
		Path base = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(),
				"backup-");
		Path original = base.resolve("original");
		Path restored = base.resolve("restored");
		Path file = base.resolve("spinecell.backup.zip");

		running = SpineCellProcess.start(original);
		Seed seed = seed(running);
		Command whileRunning = run("backup", "--to", file.toString(), "--spinecell.data-dir=" + original);
		assertThat(whileRunning.status()).isEqualTo(BackupCommand.REFUSED);
		assertThat(whileRunning.err()).contains("Stop it first");
		assertThat(file).doesNotExist();
		running.stop();
		running = null;
		Files.writeString(Files.createDirectories(original.resolve("keys")).resolve("instance.key"), "key material 42");

		Command backup = run("backup", "--to", file.toString(), "--spinecell.data-dir=" + original);
		assertThat(backup.status()).as(backup.err()).isZero();
		assertThat(file).isNotEmptyFile();

		Command overExisting = run("restore", "--from", file.toString(), "--spinecell.data-dir=" + original);
		assertThat(overExisting.status()).isEqualTo(BackupCommand.REFUSED);
		assertThat(overExisting.err()).contains("is not empty");

		Command restore = run("restore", "--from", file.toString(), "--spinecell.data-dir=" + restored);
		assertThat(restore.status()).as(restore.err()).isZero();
		assertThat(restore.out()).contains("audit chains verify");

		Path forged = tampered(file, "manifest.json", manifest -> manifest.replaceFirst("\"rows\" : (\\d+)", "\"rows\" : 9$1"));
		Command mismatch = run("restore", "--from", forged.toString(), "--spinecell.data-dir=" + base.resolve("forged"));
		assertThat(mismatch.status()).as(mismatch.out()).isEqualTo(BackupCommand.FAILED);
		assertThat(mismatch.err()).contains("does not match the backup").contains("rows with hash");
		assertThat(base.resolve("forged")).doesNotExist();
		Path damaged = tampered(file, "data/postgres/PG_VERSION", version -> version + " ");
		Command corrupt = run("restore", "--from", damaged.toString(), "--spinecell.data-dir=" + base.resolve("damaged"));
		assertThat(corrupt.status()).isEqualTo(BackupCommand.FAILED);
		assertThat(corrupt.err()).contains("postgres/PG_VERSION is damaged");
		assertThat(base.resolve("damaged")).doesNotExist();

		Map<String, String> before = tableFigures(original);
		Map<String, String> after = tableFigures(restored);
		assertThat(after).isEqualTo(before);
		assertThat(before.get("patient")).startsWith(seed.patients().size() + " rows");
		assertThat(before.get("cell_product")).startsWith("1 rows");
		ChainVerification chain = chainOf(restored);
		assertThat(chain.valid()).isTrue();
		assertThat(chain.entries()).isEqualTo(Long.parseLong(before.get("audit_event").split(" ")[0])).isGreaterThan(8);
		assertThat(restored.resolve("keys/instance.key")).hasContent("key material 42");

		running = SpineCellProcess.start(restored);
		TestApi coordinator = running.login(seed.coordinator(), PASSWORD);
		for (Map.Entry<UUID, String> patient : seed.patients().entrySet()) {
			TestApi.Response read = coordinator.get("/api/v1/patients/" + patient.getKey());
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.json().get("familyName").asString()).isEqualTo(patient.getValue());
		}
		assertThat(running.admin().get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();

		long rows = before.values().stream().mapToLong(figure -> Long.parseLong(figure.split(" ")[0])).sum();
		long differing = before.keySet().stream().filter(table -> !before.get(table).equals(after.get(table))).count();
		Map<String, Object> figures = new java.util.LinkedHashMap<>();
		figures.put("tables", before.size());
		figures.put("rows", rows);
		figures.put("tablesDiffering", differing);
		figures.put("auditEntries", chain.entries());
		figures.put("auditChainValid", chain.valid());
		figures.put("backupBytes", Files.size(file));
		figures.put("restoredInstanceHealthy", true);
		figures.put("ranAt", java.time.Instant.now().toString());
		AssuranceReport.publish("backup-restore", figures, """
				| Tables compared | Rows | Tables differing | Audit entries re-verified | Backup size | Restored instance | Run |
				| --- | --- | --- | --- | --- | --- | --- |
				| %d | %d | %d | %d (chain %s) | %d KiB | health UP, %d patients read back | %s |
				""".formatted(before.size(), rows, differing, chain.entries(), chain.valid() ? "verifies" : "BROKEN",
				Files.size(file) / 1024, seed.patients().size(), figures.get("ranAt").toString().substring(0, 10)));
	}

	@Test
	void aBackupOfAnExternalDatabaseIsRefusedWithTheToolsToUse() {
		Command command = run("backup", "--to", "x.zip", "--spring.datasource.url=jdbc:postgresql://db/spinecell");
		assertThat(command.status()).isEqualTo(BackupCommand.REFUSED);
		assertThat(command.err()).contains("external PostgreSQL").contains("pg_dump");
	}

	@Test
	void aRestoreWithoutAFileNameIsRefusedWithTheUsage() {
		Command command = run("restore", "--force");
		assertThat(command.status()).isEqualTo(BackupCommand.REFUSED);
		assertThat(command.err()).contains("restore needs --from FILE").contains("usage:");
	}

	private record Seed(String coordinator, Map<UUID, String> patients) {
	}

	/** A clinic with staff, five patients and a cell product: every write audited. */
	private static Seed seed(SpineCellProcess app) {
		TestApi admin = app.admin();
		TestApi.Response clinic = admin.post("/api/v1/clinics",
				Map.of("name", "Backup clinic", "city", "Bergen", "country", "NO", "fin", "B1234"));
		assertThat(clinic.status()).as(clinic.body()).isEqualTo(201);
		String clinicId = clinic.json().get("id").asString();
		String coordinator = user(admin, "COORDINATOR", clinicId);
		String lab = user(admin, "LAB", clinicId);
		TestApi staff = app.login(coordinator, PASSWORD);
		Map<UUID, String> patients = new HashMap<>();
		for (int i = 0; i < 5; i++) {
			String family = "Backup" + (char) ('A' + i);
			TestApi.Response patient = staff.post("/api/v1/patients", Map.of("clinicId", clinicId, "mrn", "BK-" + i,
					"givenName", "Tove", "familyName", family, "birthDate", "1970-01-0" + (i + 1), "sex", "FEMALE"));
			assertThat(patient.status()).as(patient.body()).isEqualTo(201);
			patients.put(UUID.fromString(patient.json().get("id").asString()), family);
		}
		Map<String, Object> product = new HashMap<>();
		product.put("clinicId", clinicId);
		product.put("origin", "AUTOLOGOUS");
		product.put("patientId", patients.keySet().iterator().next());
		product.put("sourceType", "BMAC");
		product.put("tissue", "BONE_MARROW");
		product.put("intendedUse", "DISC_REPAIR");
		product.put("route", "INTRADISCAL");
		product.put("sameSurgicalProcedure", true);
		product.put("additives", List.of());
		TestApi.Response created = app.login(lab, PASSWORD).post("/api/v1/cell-products", product);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Seed(coordinator, patients);
	}

	private static String user(TestApi admin, String role, String clinicId) {
		String username = role.toLowerCase() + ".backup";
		TestApi.Response response = admin.post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
				"displayName", "Backup " + role, "roles", List.of(role), "clinicIds", List.of(clinicId)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return username;
	}

	/**
	 * Each table's row count and the MD5 of its rows sorted as text: computed here independently of
	 * the command's own primary-key-ordered hashes.
	 */
	private static Map<String, String> tableFigures(Path dataDir) throws Exception {
		Map<String, String> figures = new TreeMap<>();
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
				Connection connection = server.superuserConnection();
				Statement statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = statement
				.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			for (String table : tables) {
				try (ResultSet rs = statement.executeQuery("SELECT count(*) || ' rows ' || md5(coalesce(string_agg(r::text, "
						+ "'|' ORDER BY r::text), '')) FROM \"" + table + "\" r")) {
					rs.next();
					figures.put(table, rs.getString(1));
				}
			}
		}
		EmbeddedPostgresServer.awaitStopped(dataDir, java.time.Duration.ofSeconds(60));
		return figures;
	}

	private static ChainVerification chainOf(Path dataDir) throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
				Connection connection = server.superuserConnection()) {
			return AuditChainRepository.verify(connection);
		}
		finally {
			EmbeddedPostgresServer.awaitStopped(dataDir, java.time.Duration.ofSeconds(60));
		}
	}

	/** A copy of the backup with one entry's text changed. */
	private static Path tampered(Path backup, String entryName, UnaryOperator<String> change) throws Exception {
		Path copy = backup.resolveSibling("tampered-" + UUID.randomUUID() + ".zip");
		try (ZipFile in = new ZipFile(backup.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
			for (ZipEntry entry : java.util.Collections.list(in.entries())) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				byte[] content = in.getInputStream(entry).readAllBytes();
				if (entry.getName().equals(entryName)) {
					String changed = change.apply(new String(content, StandardCharsets.UTF_8));
					assertThat(changed).isNotEqualTo(new String(content, StandardCharsets.UTF_8));
					content = changed.getBytes(StandardCharsets.UTF_8);
				}
				out.write(content);
				out.closeEntry();
			}
		}
		return copy;
	}

	private record Command(int status, String out, String err) {
	}

	private static Command run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = BackupCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Command(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
