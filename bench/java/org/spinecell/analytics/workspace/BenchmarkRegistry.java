package org.spinecell.analytics.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A throw-away PostgreSQL (zonky, in a temporary directory) with the application's Flyway
 * migrations and a basic synthetic registry generated in the database itself with set-based
 * {@code INSERT ... SELECT} over {@code generate_series}: no services, but every row satisfies the
 * schema's constraints and foreign keys. Deterministic: ids are md5 hashes of a kind and a number.
 * <p>
 * Per patient: one primary diagnosis, one autologous cell product, one completed procedure (one
 * unit), follow-ups at the seven default time points (BASELINE to M24) of which about 80 % of the
 * due ones are completed, each completed one with an ODI response and an NRS response (back and
 * leg); registry consent for all, research consent for 4 in 5, an opioid for 1 in 3 and a repeat
 * injection at a treated level for 1 in 20. The analytics facts (V22) are rebuilt once after the
 * load, with the triggers that keep them current switched off during it. Clinic isolation is
 * exercised: the data spreads over
 * {@link #CLINICS} clinics and the queries run as the application role under row-level security.
 */
final class BenchmarkRegistry implements AutoCloseable {

	static final int CLINICS = 10;

	static final String APP_ROLE = "spinecell_app";

	private static final String SYSTEM = "'00000000-0000-0000-0000-000000000000'";

	private static final String CLINIC = "md5('c' || (i % " + CLINICS + " + 1))::uuid";

	/** The generation steps, each run once with {@code :n} replaced by the number of patients. */
	private static final List<String> STEPS = List.of("""
			INSERT INTO clinic (id, name, city, country, created_by, updated_by)
			SELECT md5('c' || c)::uuid, 'Benchmark clinic ' || c, 'City ' || c, 'DE', SYSTEM, SYSTEM
			FROM generate_series(1, CLINICS) c""", """
			INSERT INTO instrument (id, version, title, method, definition, licence_note, text_licensed, source,
			                        created_by, updated_by)
			VALUES ('bench-odi', '1', 'Benchmark disability index', 'ODI_PERCENT', '{}', 'Synthetic', false, 'IMPORTED',
			        SYSTEM, SYSTEM),
			       ('bench-nrs', '1', 'Benchmark pain ratings', 'SINGLE_ITEM', '{}', 'Synthetic', false, 'IMPORTED',
			        SYSTEM, SYSTEM)""", """
			INSERT INTO patient (clinic_id, id, mrn, given_name, family_name, birth_date, sex, created_by, updated_by)
			SELECT CLINIC, md5('p' || i)::uuid, 'MRN' || i, 'Given' || i, 'Family' || i,
			       date '1935-01-01' + (i * 7919 % 20000), (ARRAY['FEMALE', 'MALE'])[i % 2 + 1], SYSTEM, SYSTEM
			FROM generate_series(1, :n) i""", """
			INSERT INTO diagnosis (clinic_id, id, patient_id, icd10, levels, symptom_duration_months, primary_flag, status,
			                       created_by, updated_by)
			SELECT CLINIC, md5('d' || i)::uuid, md5('p' || i)::uuid, codes[i % cardinality(codes) + 1], '{L4-L5}',
			       i % 120, true, 'ACTIVE', SYSTEM, SYSTEM
			FROM generate_series(1, :n) i,
			     (SELECT array_agg(code ORDER BY code) AS codes FROM icd10_code
			      WHERE region IN ('LUMBAR', 'LUMBOSACRAL')) c""", """
			INSERT INTO cell_product (clinic_id, id, din, origin, patient_id, source_type, tissue, intended_use, route,
			                          same_surgical_procedure, state, created_by, updated_by)
			SELECT CLINIC, md5('cp' || i)::uuid, 'B' || lpad(i::text, 12, '0'), 'AUTOLOGOUS', md5('p' || i)::uuid,
			       (ARRAY['BMAC', 'ADIPOSE_MICROFRAGMENTED', 'ADIPOSE_SVF', 'AUTOLOGOUS_MSC'])[i % 4 + 1],
			       (ARRAY['BONE_MARROW', 'ADIPOSE', 'ADIPOSE', 'BONE_MARROW'])[i % 4 + 1],
			       'HOMOLOGOUS', 'INTRADISCAL', true, 'ADMINISTERED', SYSTEM, SYSTEM
			FROM generate_series(1, :n) i""", """
			INSERT INTO procedure (clinic_id, id, patient_id, procedure_date, operator_id, operator_name, target, levels,
			                       guidance, placement_confirmed, levels_confirmed, status, completed_at, completed_by,
			                       created_by, updated_by)
			SELECT CLINIC, md5('e' || i)::uuid, md5('p' || i)::uuid, current_date - (i * 13 % 1100),
			       md5('o' || (i % CLINICS) || '-' || (i / CLINICS % 5))::uuid,
			       'Operator ' || (i % CLINICS) || '-' || (i / CLINICS % 5),
			       (ARRAY['INTRADISCAL', 'FACET', 'EPIDURAL_TRANSFORAMINAL', 'BASIVERTEBRAL'])[i / 4 % 4 + 1],
			       CASE WHEN i % 5 = 0 THEN '{L4-L5,L5-S1}'::text[] ELSE '{L4-L5}'::text[] END,
			       (ARRAY['FLUOROSCOPY', 'CT', 'ULTRASOUND'])[i / 3 % 3 + 1], i % 10 <> 0, true, 'COMPLETED',
			       (current_date - (i * 13 % 1100))::timestamp AT TIME ZONE 'UTC', SYSTEM, SYSTEM, SYSTEM
			FROM generate_series(1, :n) i""", """
			INSERT INTO procedure_unit (clinic_id, id, procedure_id, product_id, level, volume_ml, viable_cells)
			SELECT CLINIC, md5('u' || i)::uuid, md5('e' || i)::uuid, md5('cp' || i)::uuid, 'L4-L5', 2, 10 + i % 90
			FROM generate_series(1, :n) i""", """
			INSERT INTO follow_up (clinic_id, id, patient_id, procedure_id, time_point, due_date, window_start, window_end,
			                       instruments, status, completed_at, created_by, updated_by)
			SELECT clinic_id, id, patient_id, procedure_id, time_point, due_date, window_start, window_end,
			       '{bench-odi,bench-nrs}',
			       CASE WHEN done THEN 'COMPLETED' END, CASE WHEN done THEN due_date::timestamp AT TIME ZONE 'UTC' END,
			       SYSTEM, SYSTEM
			FROM (SELECT CLINIC AS clinic_id, md5('f' || i || t.time_point)::uuid AS id, md5('p' || i)::uuid AS patient_id,
			             md5('e' || i)::uuid AS procedure_id, t.time_point,
			             current_date - (i * 13 % 1100) + t.due AS due_date,
			             current_date - (i * 13 % 1100) + t.early AS window_start,
			             current_date - (i * 13 % 1100) + t.late AS window_end,
			             current_date - (i * 13 % 1100) + t.due <= current_date
			                 AND (t.due = 0 OR (i * 31 + t.due) % 10 < 8) AS done
			      FROM generate_series(1, :n) i,
			           (VALUES ('BASELINE', 0, -30, 0), ('W2', 14, 7, 21), ('W6', 42, 28, 56), ('M3', 91, 77, 105),
			                   ('M6', 182, 152, 212), ('M12', 365, 335, 395), ('M24', 730, 670, 790))
			               AS t (time_point, due, early, late)) f""", """
			INSERT INTO instrument_response (clinic_id, id, patient_id, follow_up_id, instrument_id, instrument_version,
			                                 answers, components, score, valid, entered_by_staff, submitted_at,
			                                 answers_hash, created_by, updated_by)
			SELECT f.clinic_id, md5('r' || f.id || ins.id)::uuid, f.patient_id, f.id, ins.id, '1', '{}', '{}', NULL, true,
			       true, f.completed_at, md5(f.id || ins.id), SYSTEM, SYSTEM
			FROM follow_up f, (VALUES ('bench-odi'), ('bench-nrs')) AS ins (id)
			WHERE f.status = 'COMPLETED'""", """
			INSERT INTO observation (clinic_id, id, patient_id, response_id, code_system, code, measure, value, unit,
			                         effective_at, created_by, updated_by)
			SELECT f.clinic_id, md5('v' || f.id || m.measure)::uuid, f.patient_id, md5('r' || f.id || m.instrument)::uuid,
			       'urn:spinecell:benchmark', m.measure, m.measure,
			       CASE WHEN f.time_point = 'BASELINE' THEN m.base
			            ELSE greatest(0, m.base - m.scale * (abs(hashtext(f.id::text)) % 60) / 100) END,
			       m.unit, f.completed_at, SYSTEM, SYSTEM
			FROM follow_up f
			CROSS JOIN LATERAL (VALUES ('ODI', 'bench-odi', 30 + abs(hashtext(f.patient_id::text)) % 50, 100, '%'),
			                           ('NRS_BACK', 'bench-nrs', 4 + abs(hashtext(f.patient_id::text)) % 7, 10, '{score}'),
			                           ('NRS_LEG', 'bench-nrs', 2 + abs(hashtext(f.procedure_id::text)) % 9, 10, '{score}'))
			    AS m (measure, instrument, base, scale, unit)
			WHERE f.status = 'COMPLETED'""", """
			INSERT INTO medication_statement (clinic_id, id, patient_id, drug, dose, unit, route, frequency_per_day,
			                                  start_date, stop_date, source, mme_factor, mme_per_day, created_by, updated_by)
			SELECT CLINIC, md5('m' || i)::uuid, md5('p' || i)::uuid, 'oxycodone', 10, 'mg', 'ORAL', 3,
			       current_date - (i * 13 % 1100) - 60,
			       CASE WHEN i % 2 = 0 THEN current_date - (i * 13 % 1100) + 100 END, 'STAFF', 1.5, 45, SYSTEM, SYSTEM
			FROM generate_series(1, :n) i WHERE i % 3 = 0""", """
			INSERT INTO consent (clinic_id, id, patient_id, type, status, effective_date, recorded_by, recorded_by_name,
			                     created_by, updated_by)
			SELECT CLINIC, md5('k' || i || t.type)::uuid, md5('p' || i)::uuid, t.type, 'GIVEN',
			       current_date - (i * 13 % 1100) - 30, SYSTEM, 'Benchmark', SYSTEM, SYSTEM
			FROM generate_series(1, :n) i, (VALUES ('REGISTRY'), ('RESEARCH')) AS t (type)
			WHERE t.type = 'REGISTRY' OR i % 5 <> 0""", """
			INSERT INTO intervention (clinic_id, id, patient_id, type, date, level, reason, procedure_id, created_by,
			                          updated_by)
			SELECT CLINIC, md5('x' || i)::uuid, md5('p' || i)::uuid, 'REPEAT_INJECTION',
			       current_date - (i * 13 % 1100) + 150 + i % 200, 'L4-L5', 'Pain returned', md5('e' || i)::uuid,
			       SYSTEM, SYSTEM
			FROM generate_series(1, :n) i WHERE i % 20 = 0 AND i * 13 % 1100 >= 150 + i % 200""");

	private final Path directory;

	private final EmbeddedPostgres postgres;

	private BenchmarkRegistry(Path directory, EmbeddedPostgres postgres) {
		this.directory = directory;
		this.postgres = postgres;
	}

	/** Starts PostgreSQL in a fresh temporary directory and runs the application's migrations. */
	static BenchmarkRegistry start() throws IOException, SQLException {
		Path directory = Files.createTempDirectory("spinecell-bench");
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory.resolve("postgres"))
			.setCleanDataDirectory(true)
			.setServerConfig("timezone", "UTC")
			.start();
		BenchmarkRegistry registry = new BenchmarkRegistry(directory, postgres);
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE ROLE " + APP_ROLE + " LOGIN NOBYPASSRLS");
		}
		Flyway.configure()
			.dataSource(registry.owner())
			.locations("classpath:db/migration")
			.placeholders(Map.of("app_role", APP_ROLE))
			.load()
			.migrate();
		return registry;
	}

	/** The superuser (owner of the schema, not subject to row-level security): generation only. */
	DataSource owner() {
		return postgres.getPostgresDatabase();
	}

	/** Generates {@code patients} patients and their records, then ANALYZEs; returns the seconds taken per step. */
	Map<String, Double> generate(int patients) throws SQLException {
		Map<String, Double> seconds = new java.util.LinkedHashMap<>();
		try (Connection connection = owner().getConnection(); Statement statement = connection.createStatement()) {
			// The analytics triggers refresh one patient at a time, which suits the application's
			// transactions, not a bulk load: the generator switches them off and rebuilds the facts
			// with the same refresh SQL afterwards (V22, analytics_rebuild).
			setAnalyticsTriggers(statement, false);
			for (String step : STEPS) {
				long start = System.nanoTime();
				statement.execute(step.replace("SYSTEM", SYSTEM)
					.replace("CLINICS", Integer.toString(CLINICS))
					.replace("CLINIC", CLINIC)
					.replace(":n", Integer.toString(patients)));
				seconds.put(step.strip().split("\\s+")[2], (System.nanoTime() - start) / 1e9);
			}
			setAnalyticsTriggers(statement, true);
			long start = System.nanoTime();
			statement.execute("SELECT analytics_rebuild()");
			seconds.put("analytics_rebuild", (System.nanoTime() - start) / 1e9);
			start = System.nanoTime();
			statement.execute("ANALYZE");
			seconds.put("ANALYZE", (System.nanoTime() - start) / 1e9);
		}
		return seconds;
	}

	private static void setAnalyticsTriggers(Statement statement, boolean enabled) throws SQLException {
		List<String> tables = new java.util.ArrayList<>();
		try (var rs = statement.executeQuery("SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger"
				+ " WHERE tgname LIKE '%\\_analytics\\_%' ORDER BY 1")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		for (String table : tables) {
			statement.execute("ALTER TABLE " + table + (enabled ? " ENABLE" : " DISABLE") + " TRIGGER USER");
		}
	}

	/**
	 * One connection of the application role with every benchmark clinic in scope (as the app sets
	 * it per transaction), so row-level security applies to the timed queries as in production.
	 */
	SingleConnectionDataSource appConnection() throws SQLException {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
				postgres.getDatabase(APP_ROLE, "postgres").getConnection(), true);
		JdbcClient.create(dataSource)
			.sql("SELECT set_config('spinecell.clinic_ids', :ids, false)")
			.param("ids", String.join(",", clinicIds().stream().map(UUID::toString).toList()))
			.query(String.class)
			.single();
		return dataSource;
	}

	List<UUID> clinicIds() {
		return JdbcClient.create(owner()).sql("SELECT id FROM clinic ORDER BY id").query(UUID.class).list();
	}

	int port() {
		return postgres.getPort();
	}

	String serverVersion() {
		return JdbcClient.create(owner()).sql("SHOW server_version").query(String.class).single();
	}

	@Override
	public void close() throws IOException {
		postgres.close();
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}
