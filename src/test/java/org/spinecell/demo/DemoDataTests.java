package org.spinecell.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.platform.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded demo's shape: a history over years whose follow-up thins out with time, improves by a
 * plausible amount, and has the safety events, interventions, missed and overdue follow-ups the
 * tour needs, all audited. Runs on the seeded demo's database ({@link SeededDemo}).
 */
@SeededDemo
class DemoDataTests {

	private static final List<String> TIME_POINTS = List.of("BASELINE", "W2", "W6", "M3", "M6", "M12", "M24");

	@Autowired
	@FlywayDataSource
	DataSource ownerDataSource;

	@Autowired
	FollowUpService followUps;

	private JdbcClient db() {
		return JdbcClient.create(ownerDataSource);
	}

	@Test
	void proceduresSpreadOverThreeYearsWithSomeInTheLastWeeks() {
		Map<String, Object> span = db().sql("""
				SELECT current_date - min(procedure_date) AS oldest, current_date - max(procedure_date) AS newest,
				       count(*) FILTER (WHERE procedure_date > current_date - 60) AS recent, count(*) AS total
				FROM procedure WHERE status = 'COMPLETED'
				""").query().singleRow();
		assertThat(((Number) span.get("oldest")).intValue()).isBetween(730, 1100);
		assertThat(((Number) span.get("newest")).intValue()).isLessThanOrEqualTo(14);
		assertThat(((Number) span.get("recent")).intValue()).isGreaterThanOrEqualTo(2);
		assertThat(((Number) span.get("total")).intValue()).isGreaterThanOrEqualTo(30);
	}

	@Test
	void collectedFollowUpsThinOutWithTime() {
		Map<String, Integer> collected = new java.util.HashMap<>();
		db().sql("""
				SELECT f.time_point, count(DISTINCT r.follow_up_id) AS n
				FROM instrument_response r JOIN follow_up f ON f.clinic_id = r.clinic_id AND f.id = r.follow_up_id
				WHERE r.instrument_id = 'odi-2.1a' GROUP BY f.time_point
				""").query((rs, i) -> collected.put(rs.getString("time_point"), rs.getInt("n"))).list();
		List<Integer> counts = TIME_POINTS.stream().map(tp -> collected.getOrDefault(tp, 0)).toList();
		for (int i = 1; i < counts.size(); i++) {
			assertThat(counts.get(i)).as("responses at %s vs %s: %s", TIME_POINTS.get(i), TIME_POINTS.get(i - 1), counts)
				.isLessThanOrEqualTo(counts.get(i - 1));
		}
		assertThat(counts.get(0)).as("baseline responses").isGreaterThanOrEqualTo(30);
		assertThat(counts.get(6)).as("M24 responses").isPositive().isLessThan(counts.get(0) / 2);
		// Of the follow-ups whose window has closed (cancelled ones left out), about nine in ten are
		// collected at 2 weeks and two in three at 12 and 24 months.
		double early = collectedShare(List.of("W2"));
		double late = collectedShare(List.of("M12", "M24"));
		assertThat(early).isBetween(0.8, 0.98);
		assertThat(late).isBetween(0.45, 0.85).isLessThan(early - 0.1);
	}

	/** Completed / (completed + missed) of the given time points. */
	private double collectedShare(List<String> timePoints) {
		Map<String, Object> counts = db().sql("""
				SELECT count(*) FILTER (WHERE status = 'COMPLETED') AS done, count(*) AS closed
				FROM follow_up WHERE time_point IN (:timePoints) AND window_end < current_date
				  AND status IS DISTINCT FROM 'CANCELLED'
				""").param("timePoints", timePoints).query().singleRow();
		return ((Number) counts.get("done")).doubleValue() / ((Number) counts.get("closed")).doubleValue();
	}

	@Test
	void odiAtTwelveMonthsIsFifteenToThirtyFivePointsBelowBaseline() {
		Map<String, Object> paired = db().sql("""
				SELECT avg(b.score) AS baseline, avg(m.score) AS m12, count(*) AS n
				FROM instrument_response b
				JOIN follow_up fb ON fb.clinic_id = b.clinic_id AND fb.id = b.follow_up_id AND fb.time_point = 'BASELINE'
				JOIN follow_up fm ON fm.clinic_id = fb.clinic_id AND fm.procedure_id = fb.procedure_id AND fm.time_point = 'M12'
				JOIN instrument_response m ON m.clinic_id = fm.clinic_id AND m.follow_up_id = fm.id
				WHERE b.instrument_id = 'odi-2.1a' AND m.instrument_id = 'odi-2.1a'
				""").query().singleRow();
		double baseline = ((Number) paired.get("baseline")).doubleValue();
		double drop = baseline - ((Number) paired.get("m12")).doubleValue();
		assertThat(((Number) paired.get("n")).intValue()).isGreaterThanOrEqualTo(10);
		assertThat(baseline).isBetween(40.0, 60.0);
		assertThat(drop).isBetween(15.0, 35.0);
	}

	@Test
	void responsesAreDatedInTheirWindowsAndTheBaselineBeforeTheInjection() {
		long outside = db().sql("""
				SELECT count(*) FROM instrument_response r
				JOIN follow_up f ON f.clinic_id = r.clinic_id AND f.id = r.follow_up_id
				WHERE (r.submitted_at AT TIME ZONE 'UTC')::date NOT BETWEEN f.window_start AND f.window_end
				   OR r.submitted_at > now()
				""").query(Long.class).single();
		long baselineAfterInjection = db().sql("""
				SELECT count(*) FROM instrument_response r
				JOIN follow_up f ON f.clinic_id = r.clinic_id AND f.id = r.follow_up_id AND f.time_point = 'BASELINE'
				JOIN procedure p ON p.clinic_id = f.clinic_id AND p.id = f.procedure_id
				WHERE (r.submitted_at AT TIME ZONE 'UTC')::date >= p.procedure_date
				""").query(Long.class).single();
		long observationsOffResponse = db().sql("""
				SELECT count(*) FROM observation o JOIN instrument_response r ON r.clinic_id = o.clinic_id AND r.id = o.response_id
				WHERE o.effective_at <> r.submitted_at
				""").query(Long.class).single();
		assertThat(outside).isZero();
		assertThat(baselineAfterInjection).isZero();
		assertThat(observationsOffResponse).isZero();
	}

	@Test
	void everyResponseIsAudited() {
		long responses = db().sql("SELECT count(*) FROM instrument_response").query(Long.class).single();
		long unaudited = db().sql("""
				SELECT count(*) FROM instrument_response r WHERE NOT EXISTS (
				    SELECT 1 FROM audit_event a WHERE a.clinic_id = r.clinic_id AND a.entity_type = 'InstrumentResponse'
				      AND a.entity_id = r.id::text)
				""").query(Long.class).single();
		assertThat(responses).isGreaterThan(500);
		assertThat(unaudited).isZero();
	}

	@Test
	void aSeriousEventOpenedASafetyTaskAndAPatientReportAwaitsReview() {
		long seriousWithTask = db().sql("""
				SELECT count(*) FROM adverse_event a
				JOIN safety_task t ON t.clinic_id = a.clinic_id AND t.adverse_event_id = a.id
				WHERE cardinality(a.serious) > 0
				""").query(Long.class).single();
		long grades = db().sql("SELECT count(*) FROM adverse_event WHERE grade IN (1, 2)").query(Long.class).single();
		long awaiting = db().sql("SELECT count(*) FROM adverse_event WHERE reporter = 'PATIENT' AND reviewed_at IS NULL")
			.query(Long.class)
			.single();
		assertThat(seriousWithTask).isGreaterThanOrEqualTo(1);
		assertThat(grades).isGreaterThanOrEqualTo(2);
		assertThat(awaiting).isGreaterThanOrEqualTo(1);
		// One sent through a survey link as the portal stores it: ungraded, so the demo shows that state.
		long ungraded = db().sql("""
				SELECT count(*) FROM adverse_event
				WHERE reporter = 'PATIENT' AND grade IS NULL AND follow_up_id IS NOT NULL AND reviewed_at IS NULL
				""").query(Long.class).single();
		assertThat(ungraded).isGreaterThanOrEqualTo(1);
	}

	@Test
	void laterInterventionsCancellationsAndConsentWithdrawalsExist() {
		assertThat(db().sql("SELECT count(*) FROM intervention").query(Long.class).single()).isPositive();
		List<String> reasons = db().sql("SELECT DISTINCT cancel_reason FROM follow_up WHERE status = 'CANCELLED'")
			.query(String.class)
			.list();
		assertThat(reasons).isNotEmpty().allSatisfy(reason -> assertThat(reason).isNotBlank());
		assertThat(db().sql("SELECT count(*) FROM consent WHERE type = 'REGISTRY' AND status = 'WITHDRAWN'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aboutHalfTookAnOpioidAtBaselineAndSomeStopped() {
		Map<String, Object> opioids = db().sql("""
				SELECT count(DISTINCT p.patient_id) AS treated,
				       count(DISTINCT m.patient_id) FILTER (WHERE m.mme_per_day IS NOT NULL) AS on_opioid,
				       count(*) FILTER (WHERE m.mme_per_day IS NOT NULL AND m.stop_date IS NOT NULL) AS stopped
				FROM procedure p LEFT JOIN medication_statement m ON m.clinic_id = p.clinic_id AND m.patient_id = p.patient_id
				WHERE p.status = 'COMPLETED'
				""").query().singleRow();
		double share = ((Number) opioids.get("on_opioid")).doubleValue() / ((Number) opioids.get("treated")).doubleValue();
		assertThat(share).isBetween(0.3, 0.7);
		assertThat(((Number) opioids.get("stopped")).intValue()).isPositive();
	}

	@Test
	void theWorklistHasDueOverdueMissedAndUpcomingFollowUpsToday() {
		List<UUID> clinics = db().sql("SELECT id FROM clinic").query(UUID.class).list();
		Map<FollowUp.Status, Integer> counts = CurrentUser.callAsSystem(new HashSet<>(clinics),
				() -> followUps.countsOn(null, followUps.today()));
		assertThat(counts.get(FollowUp.Status.OVERDUE)).as("%s", counts).isPositive();
		assertThat(counts.get(FollowUp.Status.MISSED)).as("%s", counts).isPositive();
		assertThat(counts.get(FollowUp.Status.UPCOMING)).as("%s", counts).isPositive();
		assertThat(counts.get(FollowUp.Status.COMPLETED)).as("%s", counts).isGreaterThan(counts.get(FollowUp.Status.MISSED));
	}

}
