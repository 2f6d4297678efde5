package org.spinecell.analytics.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.spinecell.analytics.workspace.AnalyticsResults.SeriousEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aggregates behind the analytics API that {@link AnalyticsRepository} does not hold: the
 * composite responders, adverse events counted per procedure, and the serious-event list. As
 * there, every filter value is a bind parameter and the only request-chosen SQL is an allow-listed
 * stratifier column.
 */
@Repository
class AnalyticsResultsRepository {

	private final JdbcClient jdbc;

	AnalyticsResultsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Composite responders at one time point of one group, out of the episodes with an ODI change. */
	record CompositeCount(String group, String timePoint, int daysAfterProcedure, long n, long responders) {
	}

	/** Adverse events of one group in one category (a grade, serious, related), and the procedures with one. */
	record EventCategory(String group, String dimension, String value, long events, long procedures) {
	}

	/**
	 * Per group and follow-up time point: ODI changes, and those that improve by at least
	 * {@code odiMcid} points with no failure intervention (a later surgery or repeat injection at a
	 * treated level) and no serious adverse event related to the procedure or product with onset on
	 * or before the day the ODI was recorded.
	 */
	List<CompositeCount> composite(AnalyticsRepository.Where where, Stratifier by, java.math.BigDecimal odiMcid) {
		return jdbc.sql("SELECT " + by.column() + " AS grp, " + """
				       o.time_point, min(o.days_after_procedure) AS days, count(o.change) AS n,
				       count(*) FILTER (WHERE -o.change >= :odiMcid
				           AND NOT (f.event AND f.end_date <= e.procedure_date + o.days_after_procedure)
				           AND NOT EXISTS (SELECT 1 FROM analytics_adverse_event a
				                           WHERE a.clinic_id = o.clinic_id AND a.episode_id = o.episode_id
				                             AND a.serious AND (a.related_to_procedure OR a.related_to_product)
				                             AND a.onset_date <= e.procedure_date + o.days_after_procedure)) AS responders
				FROM analytics_outcome o
				JOIN analytics_episode e ON e.clinic_id = o.clinic_id AND e.episode_id = o.episode_id
				JOIN analytics_failure f ON f.clinic_id = o.clinic_id AND f.episode_id = o.episode_id
				WHERE o.measure = 'ODI' AND o.time_point <> 'BASELINE' AND """ + " " + where.sql() + """
				 GROUP BY grp, o.time_point
				 ORDER BY grp, days, o.time_point
				""")
			.params(where.params())
			.param("odiMcid", odiMcid)
			.query((rs, row) -> new CompositeCount(group(rs), rs.getString("time_point"), rs.getInt("days"),
					rs.getLong("n"), rs.getLong("responders")))
			.list();
	}

	/**
	 * Time to loss of response per group, in the shape of {@link AnalyticsRepository#failures}: among
	 * episodes whose ODI improved by at least {@code odiMcid} at some follow-up, the event is the first
	 * later follow-up that no longer does (at its due day) or a failure intervention after the first
	 * response, whichever comes first; otherwise censored at the last follow-up with an ODI change.
	 */
	List<AnalyticsRows.FailureTime> lossOfResponse(AnalyticsRepository.Where where, Stratifier by,
			java.math.BigDecimal odiMcid) {
		return jdbc.sql("""
				WITH resp AS (
				    SELECT o.clinic_id, o.episode_id, o.days_after_procedure AS day, -o.change >= :odiMcid AS responder
				    FROM analytics_outcome o
				    WHERE o.measure = 'ODI' AND o.time_point <> 'BASELINE' AND o.change IS NOT NULL
				), first_response AS (
				    SELECT clinic_id, episode_id, min(day) AS day FROM resp WHERE responder GROUP BY clinic_id, episode_id
				), lost AS (
				    SELECT r.clinic_id, r.episode_id, min(r.day) AS day
				    FROM resp r JOIN first_response fr ON fr.clinic_id = r.clinic_id AND fr.episode_id = r.episode_id
				    WHERE NOT r.responder AND r.day > fr.day
				    GROUP BY r.clinic_id, r.episode_id
				), last_seen AS (
				    SELECT clinic_id, episode_id, max(day) AS day FROM resp GROUP BY clinic_id, episode_id
				), episode_time AS (
				    SELECT {group} AS grp,
				           least(l.day, CASE WHEN f.event AND f.end_date > e.procedure_date + fr.day
				                             THEN f.end_date - e.procedure_date END) AS event_day,
				           ls.day AS last_day
				    FROM analytics_episode e
				    JOIN first_response fr ON fr.clinic_id = e.clinic_id AND fr.episode_id = e.episode_id
				    JOIN last_seen ls ON ls.clinic_id = e.clinic_id AND ls.episode_id = e.episode_id
				    JOIN analytics_failure f ON f.clinic_id = e.clinic_id AND f.episode_id = e.episode_id
				    LEFT JOIN lost l ON l.clinic_id = e.clinic_id AND l.episode_id = e.episode_id
				    WHERE {where}
				)
				SELECT grp, round(coalesce(event_day, last_day) / 30.4375, 6) AS months,
				       count(*) FILTER (WHERE event_day IS NOT NULL) AS events,
				       count(*) FILTER (WHERE event_day IS NULL) AS censored
				FROM episode_time
				GROUP BY grp, months
				ORDER BY grp, months
				""".replace("{group}", by.column()).replace("{where}", where.sql()))
			.params(where.params())
			.param("odiMcid", odiMcid)
			.query((rs, row) -> new AnalyticsRows.FailureTime(group(rs), rs.getDouble("months"), rs.getLong("events"),
					rs.getLong("censored")))
			.list();
	}

	/** The category value of an event a physician has not graded yet, in every dimension. */
	static final String UNGRADED = "ungraded";

	/**
	 * Events and procedures with at least one event, per group by grade, by seriousness and by
	 * relatedness. A patient's report awaiting a physician's review has no grade, and its
	 * seriousness and relatedness are not assessed yet: it counts as {@value #UNGRADED} in each
	 * dimension, not as "not serious" or "not related".
	 */
	List<EventCategory> eventCategories(AnalyticsRepository.Where where, Stratifier by) {
		return jdbc.sql("SELECT grp, " + """
				       CASE WHEN GROUPING(grade_value) = 0 THEN 'grade'
				            WHEN GROUPING(serious_value) = 0 THEN 'serious'
				            ELSE 'related' END AS dimension,
				       coalesce(grade_value, serious_value, related_value) AS value,
				       count(*) AS events, count(DISTINCT episode_id) AS procedures
				FROM (SELECT """ + " " + by.column() + " AS grp, " + """
				             a.episode_id,
				             coalesce(a.grade::text, :ungraded) AS grade_value,
				             CASE WHEN a.grade IS NULL THEN :ungraded ELSE a.serious::text END AS serious_value,
				             CASE WHEN a.grade IS NULL THEN :ungraded
				                  ELSE (a.related_to_procedure OR a.related_to_product)::text END AS related_value
				      FROM analytics_adverse_event a
				      JOIN analytics_episode e ON e.clinic_id = a.clinic_id AND e.episode_id = a.episode_id
				      WHERE """ + " " + where.sql() + """
				     ) events
				 GROUP BY GROUPING SETS ((grp, grade_value), (grp, serious_value), (grp, related_value))
				 ORDER BY grp, dimension, value
				""")
			.params(where.params())
			.param("ungraded", UNGRADED)
			.query((rs, row) -> new EventCategory(group(rs), rs.getString("dimension"), rs.getString("value"),
					rs.getLong("events"), rs.getLong("procedures")))
			.list();
	}

	List<SeriousEvent> seriousEvents(AnalyticsRepository.Where where, Stratifier by) {
		return jdbc.sql("SELECT " + by.column() + " AS grp, " + """
				       a.grade, round((a.onset_date - e.procedure_date) / 30.4375, 2) AS onset_months,
				       a.relatedness_procedure, a.relatedness_product, a.expected, a.outcome
				FROM analytics_adverse_event a
				JOIN analytics_episode e ON e.clinic_id = a.clinic_id AND e.episode_id = a.episode_id
				WHERE a.serious AND """ + " " + where.sql() + """
				 ORDER BY grp, onset_months, a.grade DESC
				""")
			.params(where.params())
			.query((rs, row) -> new SeriousEvent(group(rs), rs.getObject("grade", Integer.class),
					rs.getDouble("onset_months"), rs.getString("relatedness_procedure"),
					rs.getString("relatedness_product"), rs.getObject("expected", Boolean.class), rs.getString("outcome")))
			.list();
	}

	/**
	 * One row per episode of the cohort with its covariates and, when there is one, the measure's
	 * value, baseline and change at {@code timePoint}: the input of the case-mix models, which cannot
	 * be fitted in SQL. Numbers and codes only, no identifiers.
	 */
	List<VariabilityAnalysis.EpisodeRow> modelRows(AnalyticsRepository.Where where, Measure measure,
			String timePoint) {
		return jdbc.sql("""
				SELECT e.operator_id::text AS operator, e.clinic_id::text AS clinic, o.value, o.baseline, o.change,
				       e.age_years, e.sex, e.symptom_duration_months, e.condition_family, e.levels_treated,
				       e.cell_source, e.log10_dose, e.target, e.guidance, e.placement_confirmed
				FROM analytics_episode e
				LEFT JOIN analytics_outcome o ON o.clinic_id = e.clinic_id AND o.episode_id = e.episode_id
				     AND o.measure = :measure AND o.time_point = :timePoint
				WHERE""" + " " + where.sql() + " ORDER BY e.clinic_id, e.procedure_date, e.episode_id")
			.params(where.params())
			.param("measure", measure.name())
			.param("timePoint", timePoint)
			.query((rs, row) -> new VariabilityAnalysis.EpisodeRow(rs.getString("operator"), rs.getString("clinic"),
					number(rs, "value"), number(rs, "baseline"), number(rs, "change"), number(rs, "age_years"),
					rs.getString("sex"), number(rs, "symptom_duration_months"), rs.getString("condition_family"),
					number(rs, "levels_treated"), rs.getString("cell_source"), number(rs, "log10_dose"),
					rs.getString("target"), rs.getString("guidance"), bool(rs, "placement_confirmed")))
			.list();
	}

	private static Double number(ResultSet rs, String column) throws SQLException {
		Object value = rs.getObject(column);
		return value == null ? null : ((Number) value).doubleValue();
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	private static String group(ResultSet rs) throws SQLException {
		String group = rs.getString("grp");
		return group == null ? "UNKNOWN" : group;
	}

	/** The operators of the episodes in scope: id and the name recorded on their procedures. */
	List<AnalyticsRows.Named> operatorNames() {
		return jdbc.sql("""
				SELECT DISTINCT operator_id::text AS id, operator_name AS name
				FROM analytics_episode
				WHERE operator_id IS NOT NULL AND operator_name IS NOT NULL
				ORDER BY 1, 2
				""").query((rs, row) -> new AnalyticsRows.Named(rs.getString("id"), rs.getString("name"))).list();
	}

}
