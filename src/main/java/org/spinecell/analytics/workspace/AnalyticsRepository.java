package org.spinecell.analytics.workspace;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.spinecell.analytics.workspace.AnalyticsRows.CohortCount;
import org.spinecell.analytics.workspace.AnalyticsRows.FailureTime;
import org.spinecell.analytics.workspace.AnalyticsRows.GroupSize;
import org.spinecell.analytics.workspace.AnalyticsRows.MedicationStats;
import org.spinecell.analytics.workspace.AnalyticsRows.OutcomeStats;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The analytics SQL: aggregates over the {@code analytics_*} views (V16), computed in PostgreSQL so
 * that no cohort is loaded row by row into Java, and the streamed rows of the analysis data set.
 * Filter values are always bind parameters; the only SQL chosen by a request is an allow-listed
 * column ({@link Stratifier}, {@link Measure}).
 */
@Repository
public class AnalyticsRepository {

	/** The follow-up time points of the default protocol, the columns of the wide data set. */
	static final List<String> TIME_POINTS = List.of("BASELINE", "W2", "W6", "M3", "M6", "M12", "M24");

	private static final String EPISODE_COLUMNS = """
			e.clinic_id, e.patient_id, e.episode_id, e.procedure_date, e.operator_id, e.operator_name, e.age_years,
			e.sex, e.condition_family, e.region, e.symptom_duration_months, e.levels_treated,
			array_to_string(e.levels, ' ') AS levels, e.cell_source, e.tissue, e.origin, e.dose_million_cells,
			round(e.log10_dose, 6) AS log10_dose, e.target, e.guidance, e.placement_confirmed, e.baseline_odi,
			e.baseline_nrs_back, e.baseline_nrs_leg, e.baseline_rmdq, e.baseline_mme, e.registry_consent,
			e.research_consent""";

	private static final int STREAM_FETCH_SIZE = 2_000;

	private static final String IDENTIFIERS = ", pt.mrn, pt.family_name, pt.given_name, pt.birth_date,"
			+ " pt.trial_consent_withdrawn_on";

	private static final String PATIENT_JOIN = " JOIN analytics_patient pt ON pt.clinic_id = e.clinic_id"
			+ " AND pt.patient_id = e.patient_id";

	private final JdbcClient jdbc;

	AnalyticsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A filter as a WHERE condition on {@code analytics_episode e}, with its bind parameters. */
	public record Where(String sql, Map<String, Object> params) {
	}

	/** The filter's conditions; {@code clinics} is the caller's scope (never empty: the caller checks). */
	static Where where(CohortFilter f, Collection<UUID> clinics) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		in(conditions, params, "e.clinic_id", "clinicIds", clinics);
		compare(conditions, params, "e.procedure_date", ">=", "from", f.from());
		compare(conditions, params, "e.procedure_date", "<=", "to", f.to());
		in(conditions, params, "e.condition_family", "conditionFamilies", f.conditionFamilies());
		in(conditions, params, "e.region", "regions", f.regions());
		in(conditions, params, "e.levels_treated", "levels", f.levels());
		in(conditions, params, "e.cell_source", "cellSources", f.cellSources());
		in(conditions, params, "e.tissue", "tissues", f.tissues());
		in(conditions, params, "e.origin", "origins", f.origins());
		compare(conditions, params, "e.dose_million_cells", ">=", "doseMin", f.doseMin());
		compare(conditions, params, "e.dose_million_cells", "<=", "doseMax", f.doseMax());
		in(conditions, params, "e.target", "targets", f.targets());
		in(conditions, params, "e.guidance", "guidances", f.guidances());
		compare(conditions, params, "e.placement_confirmed", "=", "placementConfirmed", f.placementConfirmed());
		in(conditions, params, "e.operator_id", "operatorIds", f.operatorIds());
		compare(conditions, params, "e.age_years", ">=", "ageMin", f.ageMin());
		compare(conditions, params, "e.age_years", "<=", "ageMax", f.ageMax());
		in(conditions, params, "e.sex", "sexes", f.sexes());
		if (f.baselineMeasure() != null) {
			// The column name comes from the enum constant, never from the request text.
			String column = "e.baseline_" + f.baselineMeasure().name().toLowerCase(Locale.ROOT);
			compare(conditions, params, column, ">=", "baselineMin", f.baselineMin());
			compare(conditions, params, column, "<=", "baselineMax", f.baselineMax());
		}
		compare(conditions, params, "e.registry_consent", "=", "registryConsent", f.registryConsent());
		compare(conditions, params, "e.research_consent", "=", "researchConsent", f.researchConsent());
		return new Where(String.join(" AND ", conditions), params);
	}

	private static void in(List<String> conditions, Map<String, Object> params, String column, String name,
			Collection<?> values) {
		if (!values.isEmpty()) {
			conditions.add(column + " IN (:" + name + ")");
			params.put(name, List.copyOf(values));
		}
	}

	private static void compare(List<String> conditions, Map<String, Object> params, String column, String operator,
			String name, Object value) {
		if (value != null) {
			conditions.add(column + " " + operator + " :" + name);
			params.put(name, value);
		}
	}

	CohortCount count(Where where) {
		return jdbc.sql("SELECT count(*) AS episodes, count(DISTINCT e.patient_id) AS patients"
				+ " FROM analytics_episode e WHERE " + where.sql())
			.params(where.params())
			.query((rs, row) -> new CohortCount(rs.getLong("episodes"), rs.getLong("patients")))
			.single();
	}

	/** n, mean, SD, change, responders and completion of one measure, per group and time point. */
	List<OutcomeStats> outcomes(Where where, Stratifier by, Measure measure, Measure.Mcid mcid) {
		return jdbc.sql("SELECT " + by.column() + " AS grp, " + """
				       o.time_point, min(o.days_after_procedure) AS days, o.measure,
				       count(o.value) AS n, avg(o.value) AS mean, stddev_samp(o.value) AS sd,
				       count(o.change) AS n_change, avg(o.change) AS mean_change, stddev_samp(o.change) AS sd_change,
				       count(*) FILTER (WHERE CAST(:mcidAbsolute AS numeric) IS NOT NULL
				                          AND -o.change >= CAST(:mcidAbsolute AS numeric)) AS responders_absolute,
				       count(*) FILTER (WHERE CAST(:mcidRelative AS numeric) IS NOT NULL AND o.baseline > 0
				                          AND -o.change >= CAST(:mcidRelative AS numeric) * o.baseline) AS responders_relative,
				       count(*) FILTER (WHERE o.follow_up_status IN ('COMPLETED', 'MISSED')) AS eligible,
				       count(*) FILTER (WHERE o.follow_up_status = 'COMPLETED') AS completed
				FROM analytics_outcome o
				JOIN analytics_episode e ON e.clinic_id = o.clinic_id AND e.episode_id = o.episode_id
				WHERE o.measure = :measure AND """ + " " + where.sql() + """
				 GROUP BY grp, o.time_point, o.measure
				 ORDER BY grp, days, o.time_point
				""")
			.params(where.params())
			.param("measure", measure.name())
			.param("mcidAbsolute", mcid.absolute())
			.param("mcidRelative", mcid.relative())
			.query((rs, row) -> new OutcomeStats(group(rs), rs.getString("time_point"), rs.getInt("days"),
					rs.getString("measure"), rs.getLong("n"), decimal(rs, "mean"), decimal(rs, "sd"),
					rs.getLong("n_change"), decimal(rs, "mean_change"), decimal(rs, "sd_change"),
					rs.getLong("responders_absolute"), rs.getLong("responders_relative"), rs.getLong("eligible"),
					rs.getLong("completed")))
			.list();
	}

	/** Events and censorings per group and time: what a Kaplan–Meier estimate needs. */
	List<FailureTime> failures(Where where, Stratifier by) {
		return jdbc.sql("SELECT " + by.column() + " AS grp, " + """
				       f.months, count(*) FILTER (WHERE f.event) AS events, count(*) FILTER (WHERE NOT f.event) AS censored
				FROM analytics_failure f
				JOIN analytics_episode e ON e.clinic_id = f.clinic_id AND e.episode_id = f.episode_id
				WHERE """ + " " + where.sql() + """
				 GROUP BY grp, f.months
				 ORDER BY grp, f.months
				""")
			.params(where.params())
			.query((rs, row) -> new FailureTime(group(rs), rs.getDouble("months"), rs.getLong("events"),
					rs.getLong("censored")))
			.list();
	}

	/** Among baseline opioid users, per group and time point after baseline: halved and opioid-free. */
	List<MedicationStats> medication(Where where, Stratifier by) {
		return jdbc.sql("SELECT " + by.column() + " AS grp, " + """
				       o.time_point, min(o.days_after_procedure) AS days, count(*) AS baseline_users,
				       count(o.value) AS observed,
				       count(*) FILTER (WHERE o.value <= o.baseline / 2) AS reduced_by_half,
				       count(*) FILTER (WHERE o.value = 0) AS opioid_free
				FROM analytics_outcome o
				JOIN analytics_episode e ON e.clinic_id = o.clinic_id AND e.episode_id = o.episode_id
				WHERE o.measure = 'MME' AND o.baseline > 0 AND o.time_point <> 'BASELINE' AND """ + " " + where.sql() + """
				 GROUP BY grp, o.time_point
				 ORDER BY grp, days, o.time_point
				""")
			.params(where.params())
			.query((rs, row) -> new MedicationStats(group(rs), rs.getString("time_point"), rs.getInt("days"),
					rs.getLong("baseline_users"), rs.getLong("observed"), rs.getLong("reduced_by_half"),
					rs.getLong("opioid_free")))
			.list();
	}

	List<GroupSize> groupSizes(Where where, Stratifier by) {
		return jdbc.sql("SELECT " + by.column() + " AS grp, count(*) AS procedures,"
				+ " count(DISTINCT e.patient_id) AS patients FROM analytics_episode e WHERE " + where.sql()
				+ " GROUP BY grp ORDER BY grp")
			.params(where.params())
			.query((rs, row) -> new GroupSize(group(rs), rs.getLong("procedures"), rs.getLong("patients")))
			.list();
	}

	/**
	 * Streams the long data set (episode x time point x measure with the episode's covariates) to
	 * {@code sink}, one column-name-to-value map per row; identifiers only when {@code identified}.
	 */
	void exportLong(Where where, boolean identified, Consumer<Map<String, Object>> sink) {
		String sql = "SELECT " + EPISODE_COLUMNS + (identified ? IDENTIFIERS : "") + """
				, o.time_point, o.days_after_procedure, o.due_date, o.follow_up_status, o.measure, o.value,
				  o.baseline, o.change, o.observed_on
				FROM analytics_episode e
				JOIN analytics_outcome o ON o.clinic_id = e.clinic_id AND o.episode_id = e.episode_id""" + " "
				+ (identified ? PATIENT_JOIN : "") + " WHERE " + where.sql()
				+ " ORDER BY e.clinic_id, e.patient_id, e.procedure_date, e.episode_id, o.days_after_procedure,"
				+ " o.time_point, o.measure";
		stream(sql, where, sink);
	}

	/** Streams the wide data set: one row per episode, with failure time and every measure per time point. */
	void exportWide(Where where, boolean identified, Consumer<Map<String, Object>> sink) {
		StringBuilder pivot = new StringBuilder();
		for (String timePoint : TIME_POINTS) {
			for (Measure measure : Measure.values()) {
				// Both names are constants of this class and of Measure, not request input.
				pivot.append(pivot.isEmpty() ? "" : ", ")
					.append("max(o.value) FILTER (WHERE o.time_point = '")
					.append(timePoint)
					.append("' AND o.measure = '")
					.append(measure.name())
					.append("') AS ")
					.append(wideColumn(measure, timePoint));
			}
		}
		String sql = "SELECT " + EPISODE_COLUMNS + (identified ? IDENTIFIERS : "")
				+ ", f.months AS failure_months, f.event AS failure_event, f.event_type AS failure_type, pv.*"
				+ " FROM analytics_episode e"
				+ " JOIN analytics_failure f ON f.clinic_id = e.clinic_id AND f.episode_id = e.episode_id"
				+ (identified ? PATIENT_JOIN : "") + " CROSS JOIN LATERAL (SELECT " + pivot
				+ " FROM analytics_outcome o WHERE o.clinic_id = e.clinic_id AND o.episode_id = e.episode_id) pv"
				+ " WHERE " + where.sql() + " ORDER BY e.clinic_id, e.patient_id, e.procedure_date, e.episode_id";
		stream(sql, where, sink);
	}

	static String wideColumn(Measure measure, String timePoint) {
		return measure.name().toLowerCase(Locale.ROOT) + "_" + timePoint.toLowerCase(Locale.ROOT);
	}

	private void stream(String sql, Where where, Consumer<Map<String, Object>> sink) {
		// With a fetch size, inside the caller's transaction, the driver reads the rows in batches
		// through a cursor instead of holding the whole data set in memory (gigabytes at 100,000 patients).
		jdbc.sql(sql)
			.withFetchSize(STREAM_FETCH_SIZE)
			.params(where.params())
			.query((RowCallbackHandler) rs -> sink.accept(row(rs)));
	}

	/** A streamed row as column label to value, dates as LocalDate and text arrays joined by spaces. */
	public static Map<String, Object> row(ResultSet rs) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			Object value = rs.getObject(i);
			if (value instanceof java.sql.Date date) {
				value = date.toLocalDate();
			}
			else if (value instanceof Array array) {
				value = String.join(" ", (String[]) array.getArray());
			}
			row.put(meta.getColumnLabel(i), value);
		}
		return row;
	}

	private static String group(ResultSet rs) throws SQLException {
		String group = rs.getString("grp");
		return group == null ? "UNKNOWN" : group;
	}

	private static Double decimal(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? null : value.doubleValue();
	}

}
