package org.spinecell.analytics.workspace;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.analytics.AnalyticsDataset;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The precomputed analytics facts (V22, ADR 0014): after every kind of change the trigger-kept
 * rows equal a fresh computation from the clinical tables, in the same transaction, and the
 * application role can read them but not write them.
 */
class AnalyticsFactsTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The hand-computed data set, built by the tests that need it. */
	private AnalyticsDataset data;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		data = new AnalyticsDataset(treatment);
	}

	@Test
	void theFactsEqualAFreshComputationAfterChangesThroughTheApiAndBySql() {
		data.buildDataset();
		assertFactsMatchTheSource();
		assertThat(ownerJdbc().sql("SELECT count(*) FROM analytics_follow_up_fact WHERE clinic_id = :c")
			.param("c", cells.clinicId())
			.query(Long.class)
			.single()).isEqualTo(21);

		// Through the API: a surgery at a treated level before the repeat injection is now the failure.
		ok(cells.physician().post("/api/v1/patients/" + data.ep1().patientId() + "/interventions", Map.of("type",
				"SURGERY", "date",
				data.ep1().date().plusDays(150).toString(), "level", "L4-L5", "reason", "Worse", "procedureId",
						data.ep1().id())));
		assertThat(ownerJdbc().sql("SELECT event_type FROM analytics_failure WHERE episode_id = :id")
			.param("id", data.ep1().id())
			.query(String.class)
			.single()).isEqualTo("SURGERY");

		// By SQL, bypassing the services: a voided observation and a changed completion day.
		ownerJdbc().sql("""
				UPDATE observation SET voided = true
				WHERE measure = 'ODI' AND response_id IN (SELECT id FROM instrument_response WHERE follow_up_id = :f)""")
			.param("f", data.ep1().followUps().get("M3"))
			.update();
		ownerJdbc().sql("UPDATE follow_up SET completed_at = CAST(:day AS date) + time '12:00' WHERE id = :id")
			.param("day", data.ep1().date().plusDays(120))
			.param("id", data.ep1().followUps().get("M6"))
			.update();
		assertThat(outcome(data.ep1().followUps().get("M3").toString(), "ODI").get("value")).isNull();
		Map<String, Object> mme = outcome(data.ep1().followUps().get("M6").toString(), "MME");
		assertThat((BigDecimal) mme.get("value")).as("oxycodone stopped at day 100").isEqualByComparingTo("0");
		assertThat(mme.get("observed_on")).isEqualTo(java.sql.Date.valueOf(data.ep1().date().plusDays(120)));

		// A voided patient leaves the facts.
		ownerJdbc().sql("UPDATE patient SET voided = true WHERE id = :id").param("id", data.ep2().patientId()).update();
		assertThat(ownerJdbc().sql("SELECT count(*) FROM analytics_episode WHERE patient_id = :p")
			.param("p", data.ep2().patientId())
			.query(Long.class)
			.single()).isZero();
		assertFactsMatchTheSource();
	}

	@Test
	void theApplicationRoleReadsTheFactsButCannotWriteThem() throws SQLException {
		data.buildDataset();
		for (String sql : new String[] { "DELETE FROM analytics_episode_fact",
				"UPDATE analytics_follow_up_fact SET odi = 0",
				"INSERT INTO analytics_episode_fact (clinic_id, episode_id) VALUES ('" + cells.clinicId()
						+ "', gen_random_uuid())",
				"SELECT analytics_rebuild()",
				"SELECT analytics_refresh_patient('" + cells.clinicId() + "', '" + data.ep1().patientId() + "')" }) {
			try (Connection connection = appDataSource.getConnection()) {
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET LOCAL spinecell.clinic_ids = '" + cells.clinicId() + "'");
					assertThatThrownBy(() -> statement.execute(sql)).as(sql).hasMessageContaining("permission denied");
				}
				finally {
					connection.rollback();
				}
			}
		}
		assertFactsMatchTheSource();
	}

	/** The fact rows of this test's clinic are exactly what the source views compute now. */
	private void assertFactsMatchTheSource() {
		for (String[] pair : new String[][] { { "analytics_episode_fact", "analytics_episode_source" },
				{ "analytics_follow_up_fact", "analytics_follow_up_source" } }) {
			String differ = "SELECT count(*) FROM ((SELECT * FROM %1$s WHERE clinic_id = :c EXCEPT ALL"
					+ " SELECT * FROM %2$s WHERE clinic_id = :c) UNION ALL (SELECT * FROM %2$s WHERE clinic_id = :c"
					+ " EXCEPT ALL SELECT * FROM %1$s WHERE clinic_id = :c)) d";
			assertThat(ownerJdbc().sql(differ.formatted(pair[0], pair[1])).param("c",
					cells.clinicId()).query(Long.class).single())
				.as(pair[0])
				.isZero();
		}
		assertThat(ownerJdbc().sql("SELECT count(*) FROM analytics_episode_fact WHERE clinic_id = :c")
			.param("c", cells.clinicId())
			.query(Long.class)
			.single()).isPositive();
	}

	private Map<String, Object> outcome(String followUp, String measure) {
		return ownerJdbc().sql("SELECT * FROM analytics_outcome WHERE follow_up_id = CAST(:f AS uuid) AND measure = :m")
			.param("f", followUp)
			.param("m", measure)
			.query()
			.singleRow();
	}

}
