package org.spinecell.analytics.workspace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.spinecell.analytics.workspace.AnalyticsResults.Medication;
import org.spinecell.analytics.workspace.AnalyticsResults.MedicationRow;
import org.spinecell.analytics.workspace.AnalyticsResults.OutcomeRow;
import org.spinecell.analytics.workspace.AnalyticsResults.Outcomes;
import org.spinecell.analytics.workspace.AnalyticsResults.RateRow;
import org.spinecell.platform.chart.Chart;
import org.spinecell.platform.chart.Forest;

/**
 * The workspace's and the clinic report's presentation of {@link AnalyticsResultsService}'s
 * results: display values in tables, charts and the definitions the service states, one
 * {@link Tab} per subject (outcomes and medication here; durability, safety and variability in
 * {@link WorkspaceDurability}, {@link WorkspaceSafety} and {@link WorkspaceVariability}), and the
 * display formats they share. It computes no statistic: every number shown is one of the JSON API's,
 * rounded for display.
 */
final class WorkspaceResults {

	/**
	 * A table of display values; {@code id} names its CSV download; {@code note}, when not null, says
	 * what the rows rest on or why there are none (shown under the title, not in the CSV).
	 */
	record Table(String id, String title, List<String> header, List<List<String>> rows, String note) {

		Table(String id, String title, List<String> header, List<List<String>> rows) {
			this(id, title, header, rows, null);
		}

	}

	/** One subject of the workspace: its tables, charts, forest plots and the definitions its numbers follow. */
	record Tab(String id, String title, List<Table> tables, List<Chart> charts, List<Forest> forests,
			List<String> definitions, boolean noData) {

		Tab(String id, String title, List<Table> tables, List<Chart> charts, List<String> definitions,
				boolean noData) {
			this(id, title, tables, charts, List.of(), definitions, noData);
		}

		Table table(String tableId) {
			return tables.stream().filter(t -> t.id().equals(tableId)).findFirst().orElse(null);
		}

		Chart chart(String chartId) {
			return charts.stream().filter(c -> c.id().equals(chartId)).findFirst().orElse(null);
		}

		Forest forest(String forestId) {
			return forests.stream().filter(f -> f.id().equals(forestId)).findFirst().orElse(null);
		}

	}

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("mcidAbsolute", "MCID (points)"),
			Map.entry("mcidRelative", "MCID (fraction of baseline)"), Map.entry("responder", "Responder"),
			Map.entry("relativeResponder", "Relative responder"), Map.entry("composite", "Composite responder"),
			Map.entry("mean", "Mean"), Map.entry("change", "Mean change"), Map.entry("responderCi", "Responder rate"),
			Map.entry("completionRate", "Completion"), Map.entry("tooSmall", "Too small"),
			Map.entry("betweenGroup", "Between groups"), Map.entry("population", "Population"),
			Map.entry("endpoint", "Endpoint"), Map.entry("censoring", "Censoring"), Map.entry("time", "Time"),
			Map.entry("ci", "95 % CI"), Map.entry("logRank", "Log-rank"),
			Map.entry("baselineUsers", "Baseline opioid users"), Map.entry("reducedByHalf", "Reduced by half"),
			Map.entry("opioidFree", "Opioid-free"), Map.entry("denominator", "Denominator"),
			Map.entry("per100", "Per 100 procedures"), Map.entry("serious", "Serious"), Map.entry("related", "Related"),
			Map.entry("ungraded", "Awaiting clinician review"),
			Map.entry("linear", "Linear model"), Map.entry("logistic", "Logistic model"),
			Map.entry("covariates", "Covariates"), Map.entry("funnel", "Funnel"));

	private WorkspaceResults() {
	}

	/** @param name how a group is shown (operators and clinics by name; ids elsewhere stay as they are) */
	static Tab outcomes(Outcomes outcomes, UnaryOperator<String> name) {
		String measure = outcomes.measure();
		List<List<String>> rows = new ArrayList<>();
		Chart trajectory = Chart.of("trajectory", measure + ": mean with 95 % CI over time",
				"Mean " + measure + " per group at each time point with its 95 % confidence interval",
				Chart.Axis.number("Months after the procedure"), Chart.Axis.number(measure));
		Chart responders = Chart.of("responders", "Responders with Wilson 95 % CI",
				"Share of patients improving by at least the MCID at each time point, per group",
				Chart.Axis.number("Months after the procedure"), Chart.Axis.number("Responders (%)", 0, 100));
		Map<String, List<Chart.Point>> means = new LinkedHashMap<>();
		Map<String, List<Chart.Point>> rates = new LinkedHashMap<>();
		for (OutcomeRow r : outcomes.rows()) {
			// At baseline there is no change and nobody can respond yet.
			boolean followUp = !"BASELINE".equals(r.timePoint());
			rows.add(List.of(name.apply(r.group()), r.timePoint(), count(r.n(), r.tooSmall()), num(r.mean()), num(r.sd()),
					followUp ? num(r.meanChange()) : "", followUp ? interval(r.changeCiLow(), r.changeCiHigh()) : "",
					!followUp || r.nChange() == 0 ? "" : r.responders() + " of " + r.nChange(),
					followUp ? percent(r.responderRate()) : "",
					followUp ? percentInterval(r.responderCiLow(), r.responderCiHigh()) : "",
					percent(r.completionRate())));
			double months = r.daysAfterProcedure() / 30.4375;
			if (r.mean() != null) {
				means.computeIfAbsent(name.apply(r.group()), g -> new ArrayList<>())
					.add(new Chart.Point(months, r.mean(), r.meanCiLow(), r.meanCiHigh()));
			}
			if (followUp && r.responderRate() != null) {
				rates.computeIfAbsent(name.apply(r.group()), g -> new ArrayList<>())
					.add(new Chart.Point(months, 100 * r.responderRate(), times100(r.responderCiLow()),
							times100(r.responderCiHigh())));
			}
		}
		for (Map.Entry<String, List<Chart.Point>> group : means.entrySet()) {
			trajectory = trajectory
				.with(Chart.Series.line(group.getKey(), group.getValue()).withInterval(Chart.Interval.ERROR_BARS));
		}
		for (Map.Entry<String, List<Chart.Point>> group : rates.entrySet()) {
			responders = responders
				.with(Chart.Series.points(group.getKey(), group.getValue()).withInterval(Chart.Interval.ERROR_BARS));
		}
		List<Table> tables = new ArrayList<>();
		tables.add(new Table("outcomes", measure + " by time point",
				List.of("Group", "Time point", "n", "Mean", "SD", "Mean change", "Change 95 % CI", "Responders",
						"Responder rate", "Responder 95 % CI", "Completion"),
				rows));
		tables.add(rates("composite", "Composite responders (ODI)", outcomes.composite().rows(),
				"Composite responder: " + outcomes.composite().definition() + ".", name));
		if (outcomes.betweenGroup() != null) {
			var test = outcomes.betweenGroup();
			tables.add(new Table("between-groups", "Responders between groups at " + test.timePoint(),
					List.of("Test", "Statistic", "df", "p", "Note"),
					List.of(List.of(test.test(), num(test.statistic()), num(test.df()), pValue(test.p()),
							test.note() == null ? "" : test.note()))));
		}
		List<String> definitions = definitions(outcomes.definitions()).stream()
			.map(d -> d.startsWith("Responder: ") ? "Responder (" + measure + "): " + d.substring(11) : d)
			.toList();
		return new Tab("outcomes", "Outcomes", tables, List.of(trajectory, responders), definitions,
				outcomes.noData());
	}

	static Tab medication(Medication medication, UnaryOperator<String> name) {
		List<List<String>> rows = new ArrayList<>();
		for (MedicationRow r : medication.rows()) {
			rows.add(List.of(name.apply(r.group()), r.timePoint(), Long.toString(r.baselineUsers()),
					count(r.observed(), r.tooSmall()), percent(r.reducedByHalfRate()),
					percentInterval(r.reducedByHalfCiLow(), r.reducedByHalfCiHigh()), percent(r.opioidFreeRate()),
					percentInterval(r.opioidFreeCiLow(), r.opioidFreeCiHigh())));
		}
		return new Tab("medication", "Medication",
				List.of(new Table("medication", "Opioid use among baseline users",
						List.of("Group", "Time point", "Baseline users", "Observed", "MME reduced ≥ 50 %", "95 % CI",
								"Opioid-free", "95 % CI"),
						rows)),
				List.of(), definitions(medication.definitions()), medication.noData());
	}

	/** A table of proportions {@code x / n} per group and time point with their CIs. */
	static Table rates(String id, String title, List<RateRow> rates, String note, UnaryOperator<String> name) {
		List<List<String>> rows = new ArrayList<>();
		for (RateRow r : rates) {
			rows.add(List.of(name.apply(r.group()), r.timePoint(), count(r.n(), r.tooSmall()),
					r.n() == 0 ? "" : r.x() + " of " + r.n(), percent(r.rate()), percentInterval(r.ciLow(), r.ciHigh())));
		}
		return new Table(id, title, List.of("Group", "Time point", "n", "Responders", "Rate", "95 % CI"), rows, note);
	}

	/** The service's definitions as "Label: text", leaving out those that do not apply (null). */
	static List<String> definitions(Map<String, Object> definitions) {
		List<String> out = new ArrayList<>();
		definitions.forEach((key, value) -> {
			if (value != null) {
				String text = value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString()
						: value.toString();
				out.add(LABELS.getOrDefault(key, key) + ": " + text);
			}
		});
		return out;
	}

	static List<String> prefixed(String prefix, List<String> lines) {
		return lines.stream().map(line -> prefix + line).toList();
	}

	/** A count, flagged when the result resting on it is too small (an empty one is simply 0). */
	static String count(long n, boolean tooSmall) {
		return n + (tooSmall && n > 0 ? " (too small)" : "");
	}

	static String num(Double value) {
		if (value != null && !Double.isFinite(value)) {
			return "not estimable";
		}
		return value == null ? "" : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	static String percent(Double share) {
		return share == null ? "" : BigDecimal.valueOf(100 * share).setScale(1, RoundingMode.HALF_UP).toPlainString()
				+ " %";
	}

	static String interval(Double low, Double high) {
		return low == null || high == null ? "" : num(low) + " to " + num(high);
	}

	static String percentInterval(Double low, Double high) {
		return interval(times100(low), times100(high));
	}

	static Double times100(Double value) {
		return value == null ? null : 100 * value;
	}

	static String pValue(Double p) {
		return p == null ? ""
				: p < 0.001 ? "< 0.001" : BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_UP).toPlainString();
	}

}
