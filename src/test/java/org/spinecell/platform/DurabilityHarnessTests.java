package org.spinecell.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.spinecell.AssuranceReport;
import org.spinecell.SpineCellProcess;
import org.spinecell.TestApi;
import org.spinecell.audit.AuditChainRepository;
import org.spinecell.audit.ChainVerification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash durability: SpineCell runs as a child JVM on the embedded PostgreSQL while several clients
 * register patients concurrently, and at a random moment it is killed with SIGKILL. Most kills hit
 * the PostgreSQL server (postmaster and every backend) while SpineCell keeps running, and the server
 * is restarted into crash recovery; every {@code jvm-every}-th kill hits the whole instance, the
 * SpineCell JVM and its PostgreSQL, and SpineCell is started again on the data dir. (Killing the JVM
 * alone would not crash the database: the orphaned server is shut down cleanly by the next start.)
 * At the end, each write the clients saw acknowledged (201) must be there, whole and with its audit
 * entry, nothing may be half-written and the audit chains must verify.
 * {@code -Dspinecell.durability.kills=N} and {@code -Dspinecell.durability.jvm-every=M} set the
 * counts for a longer run.
 */
class DurabilityHarnessTests {

	private static final int KILLS = Integer.getInteger("spinecell.durability.kills", 50);

	private static final int JVM_EVERY = Integer.getInteger("spinecell.durability.jvm-every", 10);

	private static final int WRITERS = 4;

	private static final String PASSWORD = "Sturdy-Umbrella-Lantern-7";

	private final Random random = new Random(Long.getLong("spinecell.durability.seed", System.nanoTime()));

	/** The running instance, stopped after each test. */
	@AutoClose
	private SpineCellProcess running;

	/** A write the client sent, and what the server answered. */
	private record Write(String mrn, String familyName, UUID id) {
	}

	@Test
	void everyAcknowledgedWriteSurvivesRepeatedKill9WithItsAuditEntry() throws Exception {
		Instant started = Instant.now();
		Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(),
				"durability-");
		running = SpineCellProcess.start(dataDir);
		TestApi admin = running.admin();
		TestApi.Response clinic = admin.post("/api/v1/clinics",
				Map.of("name", "Durability clinic", "city", "Tromsø", "country", "NO"));
		assertThat(clinic.status()).as(clinic.body()).isEqualTo(201);
		String clinicId = clinic.json().get("id").asString();
		TestApi.Response user = admin.post("/api/v1/users", Map.of("username", "coord.durability", "password", PASSWORD,
				"displayName", "Durability coordinator", "roles", List.of("COORDINATOR"), "clinicIds", List.of(clinicId)));
		assertThat(user.status()).as(user.body()).isEqualTo(201);

		Queue<Write> acknowledged = new ConcurrentLinkedQueue<>();
		AtomicLong attempted = new AtomicLong();
		ClusterProcesses postgres = new ClusterProcesses(dataDir);
		int instanceKills = 0;
		for (int kill = 1; kill <= KILLS; kill++) {
			boolean wholeInstance = kill % JVM_EVERY == 0;
			writeUntilKilled(kill, clinicId, acknowledged, attempted, () -> {
				if (wholeInstance) {
					running.kill();
					postgres.killAll();
				}
				else {
					// Restarted at once: requests waiting for a connection then get one, as in production.
					postgres.killAll();
					postgres.restart();
				}
			});
			if (wholeInstance) {
				instanceKills++;
				running = SpineCellProcess.start(dataDir);
			}
			else {
				running.awaitHealthy();
			}
		}
		running.stop();
		running = null;

		Map<String, Object> figures = new LinkedHashMap<>();
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
				Connection connection = server.superuserConnection()) {
			Map<UUID, String> stored = patients(connection);
			List<Write> lost = acknowledged.stream()
				.filter(write -> !write.familyName().equals(stored.get(write.id())))
				.toList();
			long withoutAudit = count(connection, """
					SELECT count(*) FROM patient p
					WHERE NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.clinic_id = p.clinic_id
					                  AND a.entity_type = 'Patient' AND a.entity_id = p.id::text AND a.action = 'CREATE')
					""");
			long auditWithoutRecord = count(connection, """
					SELECT count(*) FROM audit_event a
					WHERE a.entity_type = 'Patient' AND a.action = 'CREATE'
					  AND NOT EXISTS (SELECT 1 FROM patient p WHERE p.clinic_id = a.clinic_id AND p.id::text = a.entity_id)
					""");
			ChainVerification chain = AuditChainRepository.verify(connection);

			figures.put("kills", KILLS);
			figures.put("killsOfWholeInstance", instanceKills);
			figures.put("killsOfPostgresOnly", KILLS - instanceKills);
			figures.put("writers", WRITERS);
			figures.put("attempted", attempted.get());
			figures.put("acknowledged", acknowledged.size());
			figures.put("lost", lost.size());
			figures.put("stored", stored.size());
			figures.put("storedWithoutAcknowledgement", stored.size() - acknowledged.size());
			figures.put("recordsWithoutAuditEntry", withoutAudit);
			figures.put("auditEntriesWithoutRecord", auditWithoutRecord);
			figures.put("auditEntries", chain.entries());
			figures.put("auditChainValid", chain.valid());
			figures.put("seconds", Duration.between(started, Instant.now()).toSeconds());
			figures.put("ranAt", Instant.now().toString());

			assertThat(acknowledged).as("the harness must have seen writes acknowledged").hasSizeGreaterThan(KILLS);
			assertThat(lost).as("acknowledged writes missing or changed after kill -9").isEmpty();
			assertThat(withoutAudit).as("patients without their audit entry").isZero();
			assertThat(auditWithoutRecord).as("audit entries of patients that are not there").isZero();
			assertThat(chain.valid()).as("audit chain, first broken at %s", chain.firstBrokenId()).isTrue();
		}
		EmbeddedPostgresServer.awaitStopped(dataDir, Duration.ofSeconds(60));
		AssuranceReport.publish("durability", figures, """
				| Kills (SIGKILL) | of them whole instance / PostgreSQL only | Concurrent writers | Writes acknowledged | Lost | Records without audit entry | Audit chain | Run |
				| --- | --- | --- | --- | --- | --- | --- | --- |
				| %d | %d / %d | %d | %d | %d | %d | %s (%d entries) | %s, %d s |
				""".formatted(KILLS, instanceKills, KILLS - instanceKills, WRITERS, acknowledged.size(), figures.get("lost"), figures.get("recordsWithoutAuditEntry"),
				Boolean.TRUE.equals(figures.get("auditChainValid")) ? "verifies" : "BROKEN", figures.get("auditEntries"),
				figures.get("ranAt").toString().substring(0, 10), figures.get("seconds")));
	}

	/**
	 * Clients register patients as fast as the server answers; at a random moment the server is
	 * killed. A request cut off by the kill is not acknowledged, whatever its fate.
	 */
	private void writeUntilKilled(int cycle, String clinicId, Queue<Write> acknowledged, AtomicLong attempted,
			Kill kill) throws Exception {
		TestApi coordinator = running.login("coord.durability", PASSWORD);
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		for (int w = 0; w < WRITERS; w++) {
			int writer = w;
			writers.submit(() -> {
				for (int i = 0; !killed.get(); i++) {
					String mrn = "D-" + cycle + "-" + writer + "-" + i;
					String family = "Durable" + Integer.toString(cycle * 7919 + writer * 104729 + i, 36);
					attempted.incrementAndGet();
					try {
						TestApi.Response response = coordinator.post("/api/v1/patients", Map.of("clinicId", clinicId,
								"mrn", mrn, "givenName", "Kari", "familyName", family, "birthDate", "1966-06-16", "sex",
								"FEMALE"));
						if (response.status() == 201) {
							acknowledged.add(new Write(mrn, family, UUID.fromString(response.json().get("id").asString())));
							continue;
						}
					}
					catch (RuntimeException cutOff) {
						// the connection died with the server: not acknowledged
					}
					// A refused write: back off a little instead of spinning while the server is down.
					LockSupport.parkNanos(20_000_000);
				}
			});
		}
		Thread.sleep(150 + random.nextInt(1200));
		kill.now();
		killed.set(true);
		writers.shutdown();
		assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
	}

	@FunctionalInterface
	private interface Kill {

		void now() throws Exception;

	}

	private static Map<UUID, String> patients(Connection connection) throws Exception {
		Map<UUID, String> patients = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT id, family_name FROM patient");
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				patients.put(rs.getObject("id", UUID.class), rs.getString("family_name"));
			}
		}
		return patients;
	}

	private static long count(Connection connection, String sql) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
