package org.spinecell.outcomes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.outcomes.followup.FollowUpProtocol;
import org.spinecell.platform.EventRetry;
import org.spinecell.procedures.ProcedureCompleted;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up module on its own (with the modules it depends on, not the web edge, analytics or
 * demo), on a real embedded PostgreSQL: a published {@link ProcedureCompleted} starts the patient's
 * follow-up schedule, and a start that fails is kept in the event publication registry and
 * delivered again by {@link EventRetry} instead of being lost.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { "SPINECELL_ADMIN_PASSWORD=Correct-Horse-Battery-42", "spinecell.mail.schedule=-",
		"spinecell.events.retry-interval=PT1H" })
class FollowUpStartScenarioTests {

	private static final Path DATA_DIR = dataDir();

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("spinecell.data-dir", DATA_DIR::toString);
	}

	@Autowired
	@FlywayDataSource
	DataSource ownerDataSource;

	@Autowired
	EventRetry retry;

	private final FollowUpProtocol protocol = FollowUpProtocol.load(FollowUpProtocol.DEFAULT);

	private JdbcClient owner;

	@BeforeEach
	void setUp() {
		owner = JdbcClient.create(ownerDataSource);
	}

	@Test
	void aCompletedProcedureStartsTheFollowUpSchedule(Scenario scenario) {
		ProcedureCompleted completed = aCompletedProcedure();

		scenario.publish(completed)
			.andWaitForStateChange(() -> followUpsOf(completed.procedureId()), timePoints -> !timePoints.isEmpty())
			.andVerify(timePoints -> assertThat(timePoints).containsExactlyElementsOf(protocol.codes()));
		assertThat(incompletePublications()).isZero();
	}

	@Test
	void aFailedStartIsKeptAndDeliveredAgain(Scenario scenario) {
		ProcedureCompleted completed = aCompletedProcedure();
		// The database refuses new follow-ups for a while (as when it is full or failing over).
		owner.sql("""
				CREATE FUNCTION scenario_refuse_follow_up() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN RAISE EXCEPTION 'follow-up store unavailable'; END $$""").update();
		owner.sql("""
				CREATE TRIGGER scenario_refuse_follow_up BEFORE INSERT ON follow_up
				FOR EACH ROW EXECUTE FUNCTION scenario_refuse_follow_up()""").update();

		scenario.publish(completed)
			.andWaitForStateChange(this::incompletePublications, n -> n > 0)
			.andVerify(n -> assertThat(n).isEqualTo(1));
		assertThat(followUpsOf(completed.procedureId())).isEmpty();

		owner.sql("DROP TRIGGER scenario_refuse_follow_up ON follow_up").update();
		owner.sql("DROP FUNCTION scenario_refuse_follow_up()").update();
		retry.retryOlderThan(Duration.ZERO);

		assertThat(followUpsOf(completed.procedureId())).containsExactlyElementsOf(protocol.codes());
		assertThat(incompletePublications()).isZero();
	}

	/** A clinic, a patient and a completed procedure written as the database owner. */
	private ProcedureCompleted aCompletedProcedure() {
		UUID clinic = UUID.randomUUID();
		UUID patient = UUID.randomUUID();
		UUID procedure = UUID.randomUUID();
		UUID system = UUID.randomUUID();
		owner.sql("""
				INSERT INTO clinic (id, name, city, country, created_by, updated_by)
				VALUES (:id, :name, 'Springfield', 'US', :by, :by)""")
			.param("id", clinic)
			.param("name", "Scenario clinic " + clinic)
			.param("by", system)
			.update();
		owner.sql("""
				INSERT INTO patient (clinic_id, id, mrn, given_name, family_name, birth_date, sex, created_by, updated_by)
				VALUES (:clinic, :id, :mrn, 'Iris', 'Quinn', DATE '1968-04-02', 'FEMALE', :by, :by)""")
			.param("clinic", clinic)
			.param("id", patient)
			.param("mrn", "SC-" + patient.toString().substring(0, 8))
			.param("by", system)
			.update();
		owner.sql("""
				INSERT INTO procedure (clinic_id, id, patient_id, procedure_date, operator_id, operator_name, target,
				    levels, guidance, placement_confirmed, status, completed_at, completed_by, created_by, updated_by)
				VALUES (:clinic, :id, :patient, :date, :by, 'Dr. Test', 'INTRADISCAL', ARRAY['L4-L5'], 'FLUOROSCOPY',
				    true, 'COMPLETED', now(), :by, :by, :by)""")
			.param("clinic", clinic)
			.param("id", procedure)
			.param("patient", patient)
			.param("date", LocalDate.now())
			.param("by", system)
			.update();
		return new ProcedureCompleted(procedure, clinic, patient, LocalDate.now(), List.of("L4-L5"));
	}

	private List<String> followUpsOf(UUID procedure) {
		return owner.sql("SELECT time_point FROM follow_up WHERE procedure_id = :p ORDER BY due_date")
			.param("p", procedure)
			.query(String.class)
			.list();
	}

	private long incompletePublications() {
		return owner.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single();
	}

	private static Path dataDir() {
		try {
			Path base = Path.of("target", "test-data");
			Files.createDirectories(base);
			return Files.createTempDirectory(base.toAbsolutePath(), "module-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
