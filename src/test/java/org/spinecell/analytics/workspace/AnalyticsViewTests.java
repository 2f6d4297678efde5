package org.spinecell.analytics.workspace;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.analytics.AnalyticsDataset.Episode;
import org.spinecell.analytics.AnalyticsDataset;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The V16 views on a hand-built data set, and clinic isolation through them. */
class AnalyticsViewTests extends IntegrationTest {

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
	void theEpisodeViewHoldsCovariatesBaselinesAndConsents() {
		data.buildDataset();
		Map<String, Object> one = episode(data.ep1().id());
		assertThat(one.get("clinic_id")).isEqualTo(cells.clinicId());
		assertThat(one.get("patient_id")).isEqualTo(data.ep1().patientId());
		assertThat(one.get("procedure_date")).isEqualTo(java.sql.Date.valueOf(data.ep1().date()));
		assertThat(one.get("operator_id")).isEqualTo(userId(cells.physicianUsername()));
		assertThat(one.get("age_years")).isEqualTo(Period.between(LocalDate.of(1968, 4, 2),
				data.ep1().date()).getYears());
		assertThat(one.get("sex")).isEqualTo("FEMALE");
		assertThat(one.get("condition_family")).isEqualTo("DEGENERATIVE_DISC_DISEASE");
		assertThat(one.get("region")).isEqualTo("LUMBAR");
		assertThat(one.get("symptom_duration_months")).isEqualTo(18);
		assertThat(one.get("levels_treated")).isEqualTo(1);
		assertThat(one.get("cell_source")).isEqualTo("BMAC");
		assertThat(one.get("tissue")).isEqualTo("BONE_MARROW");
		assertThat(one.get("origin")).isEqualTo("AUTOLOGOUS");
		// 120 x 10^6 TNC/mL at 92.5 % viability, 2 mL delivered: 222 million viable cells.
		assertThat((BigDecimal) one.get("dose_million_cells")).isEqualByComparingTo("222");
		assertThat(((BigDecimal) one.get("log10_dose")).doubleValue()).isCloseTo(Math.log10(222e6), within(1e-9));
		assertThat(one.get("target")).isEqualTo("INTRADISCAL");
		assertThat(one.get("guidance")).isEqualTo("FLUOROSCOPY");
		assertThat(one.get("placement_confirmed")).isEqualTo(true);
		assertThat((BigDecimal) one.get("baseline_odi")).isEqualByComparingTo("40");
		assertThat((BigDecimal) one.get("baseline_nrs_back")).isEqualByComparingTo("8");
		assertThat(one.get("baseline_nrs_leg")).isNull();
		assertThat(one.get("baseline_rmdq")).isNull();
		// Oxycodone 10 mg three times a day at factor 1.5.
		assertThat((BigDecimal) one.get("baseline_mme")).isEqualByComparingTo("45");
		assertThat(one.get("registry_consent")).isEqualTo(true);
		assertThat(one.get("research_consent")).isEqualTo(true);

		Map<String, Object> two = episode(data.ep2().id());
		assertThat(two.get("guidance")).isEqualTo("CT");
		assertThat((BigDecimal) two.get("baseline_odi")).isEqualByComparingTo("50");
		assertThat((BigDecimal) two.get("baseline_mme")).isEqualByComparingTo("0");
		assertThat(two.get("registry_consent")).isEqualTo(true);
		assertThat(two.get("research_consent")).isEqualTo(false);

		Map<String, Object> three = episode(data.ep3().id());
		assertThat((BigDecimal) three.get("baseline_odi")).as("latest observation on the procedure day")
			.isEqualByComparingTo("60");
		assertThat(three.get("baseline_nrs_back")).isNull();
		assertThat(three.get("registry_consent")).isEqualTo(false);
		assertThat(three.get("research_consent")).isEqualTo(true);
	}

	@Test
	void theOutcomeViewHasOneRowPerTimePointAndMeasureWithChangeAndStatus() {
		data.buildDataset();
		assertThat(count("SELECT count(*) FROM analytics_outcome WHERE episode_id = :id",
				data.ep1().id())).isEqualTo(35);
		Map<String, Object> m3 = outcome(data.ep1(), "M3", "ODI");
		assertThat((BigDecimal) m3.get("value")).isEqualByComparingTo("20");
		assertThat((BigDecimal) m3.get("baseline")).isEqualByComparingTo("40");
		assertThat((BigDecimal) m3.get("change")).isEqualByComparingTo("-20");
		assertThat(m3.get("follow_up_status")).isEqualTo("COMPLETED");
		assertThat(m3.get("days_after_procedure")).isEqualTo(91);
		assertThat(m3.get("completed_on")).isEqualTo(java.sql.Date.valueOf(data.ep1().date().plusDays(92)));
		assertThat((BigDecimal) outcome(data.ep1(), "M6", "NRS_BACK").get("change")).isEqualByComparingTo("-1");
		assertThat((BigDecimal) outcome(data.ep1(), "M3", "MME").get("value")).as("still on oxycodone at day 92")
			.isEqualByComparingTo("45");
		Map<String, Object> mmeM6 = outcome(data.ep1(), "M6", "MME");
		assertThat((BigDecimal) mmeM6.get("value")).as("stopped at day 100").isEqualByComparingTo("0");
		assertThat((BigDecimal) mmeM6.get("change")).isEqualByComparingTo("-45");
		assertThat(outcome(data.ep1(), "W2", "ODI").get("follow_up_status")).isEqualTo("MISSED");
		Map<String, Object> missed = outcome(data.ep2(), "M6", "ODI");
		assertThat(missed.get("follow_up_status")).isEqualTo("MISSED");
		assertThat(missed.get("value")).isNull();
		assertThat(missed.get("change")).isNull();
		assertThat(outcome(data.ep3(), "M3", "ODI").get("follow_up_status")).isEqualTo("UPCOMING");
	}

	@Test
	void theFailureViewTimesTheFirstInterventionAtATreatedLevelOrCensors() {
		data.buildDataset();
		Map<String, Object> failed = failure(data.ep1().id());
		assertThat(failed.get("event")).isEqualTo(true);
		assertThat(failed.get("event_type")).isEqualTo("REPEAT_INJECTION");
		assertThat(((BigDecimal) failed.get("months")).doubleValue()).isCloseTo(200 / 30.4375, within(1e-6));
		Map<String, Object> lost = failure(data.ep2().id());
		assertThat(lost.get("event")).isEqualTo(false);
		assertThat(lost.get("end_date")).as("missed follow-ups: censored at the last completed one")
			.isEqualTo(java.sql.Date.valueOf(data.ep2().date().plusDays(95)));
		assertThat(((BigDecimal) lost.get("months")).doubleValue()).isCloseTo(95 / 30.4375, within(1e-6));
		Map<String, Object> onSchedule = failure(data.ep3().id());
		assertThat(onSchedule.get("event")).isEqualTo(false);
		assertThat(onSchedule.get("end_date")).as("keeping to the schedule: censored today")
			.isEqualTo(java.sql.Date.valueOf(LocalDate.now()));
		assertThat((BigDecimal) onSchedule.get("months")).isEqualByComparingTo("0");
	}

	@Test
	void theViewsRunAsTheCallerSoRowLevelSecurityKeepsClinicsApart() throws SQLException {
		data.buildDataset();
		UUID other = createClinic("Elsewhere");
		List<String> views = List.of("analytics_follow_up_value", "analytics_episode", "analytics_outcome", "analytics_failure",
				"analytics_adverse_event", "analytics_patient");
		for (String view : views) {
			List<String> options = ownerJdbc().sql("SELECT unnest(reloptions) FROM pg_class WHERE relname = :view")
				.param("view", view)
				.query(String.class)
				.list();
			assertThat(options).as(view).contains("security_invoker=true");
			assertThat(countAsApp(view, cells.clinicId().toString())).as(view + " in its own clinic").isPositive();
			assertThat(countAsApp(view, other.toString())).as(view + " from another clinic").isZero();
			assertThat(countAsApp(view, "")).as(view + " with no clinic in scope").isZero();
		}
		assertThat(countAsApp("analytics_episode", cells.clinicId().toString())).isEqualTo(3);
	}

	/** Rows of this test's clinic that the application role sees in a view with the given clinic scope. */
	private long countAsApp(String view, String scope) throws SQLException {
		try (Connection connection = appDataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL spinecell.clinic_ids = '" + scope + "'");
				try (ResultSet rs = statement
					.executeQuery("SELECT count(*) FROM " + view + " WHERE clinic_id = '" + cells.clinicId() + "'")) {
					rs.next();
					return rs.getLong(1);
				}
			}
			finally {
				connection.rollback();
			}
		}
	}

	private Map<String, Object> episode(UUID id) {
		return ownerJdbc().sql("SELECT * FROM analytics_episode WHERE episode_id = :id").param("id", id).query().singleRow();
	}

	private Map<String, Object> failure(UUID id) {
		return ownerJdbc().sql("SELECT * FROM analytics_failure WHERE episode_id = :id").param("id", id).query().singleRow();
	}

	private Map<String, Object> outcome(Episode episode, String timePoint, String measure) {
		return ownerJdbc().sql("SELECT * FROM analytics_outcome WHERE episode_id = :id AND time_point = :tp"
				+ " AND measure = :measure")
			.param("id", episode.id())
			.param("tp", timePoint)
			.param("measure", measure)
			.query()
			.singleRow();
	}

	private long count(String sql, UUID id) {
		return ownerJdbc().sql(sql).param("id", id).query(Long.class).single();
	}

}
