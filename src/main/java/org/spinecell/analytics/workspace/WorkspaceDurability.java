package org.spinecell.analytics.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.spinecell.analytics.workspace.AnalyticsResults.Durability;
import org.spinecell.analytics.workspace.AnalyticsResults.SurvivalGroup;
import org.spinecell.analytics.workspace.AnalyticsResults.SurvivalStep;
import org.spinecell.analytics.workspace.WorkspaceResults.Tab;
import org.spinecell.analytics.workspace.WorkspaceResults.Table;
import org.spinecell.platform.chart.Chart;

import static org.spinecell.analytics.workspace.WorkspaceResults.definitions;
import static org.spinecell.analytics.workspace.WorkspaceResults.num;
import static org.spinecell.analytics.workspace.WorkspaceResults.pValue;
import static org.spinecell.analytics.workspace.WorkspaceResults.percent;
import static org.spinecell.analytics.workspace.WorkspaceResults.percentInterval;
import static org.spinecell.analytics.workspace.WorkspaceResults.times100;

/**
 * The workspace's durability tab: the Kaplan–Meier results of {@link AnalyticsResultsService#durability}
 * for both endpoints (treatment failure, loss of response) as step tables, numbers at risk, the
 * log-rank test and survival charts. Formats only.
 */
final class WorkspaceDurability {

	/** Months after the procedure at which the risk tables count the episodes still at risk. */
	private static final int[] RISK_MONTHS = { 0, 3, 6, 12, 24 };

	private WorkspaceDurability() {
	}

	/** Both Kaplan–Meier endpoints on one tab: time to treatment failure and to loss of response. */
	static Tab durability(Durability failure, Durability lossOfResponse, UnaryOperator<String> name) {
		List<Table> tables = new ArrayList<>();
		List<Chart> charts = new ArrayList<>();
		survival(failure, "", "Free of treatment failure", tables, charts, name);
		survival(lossOfResponse, "loss-", "Still responding", tables, charts, name);
		List<String> definitions = new ArrayList<>();
		definitions.addAll(WorkspaceResults.prefixed("Treatment failure — ", definitions(failure.definitions())));
		definitions.addAll(WorkspaceResults.prefixed("Loss of response — ", definitions(lossOfResponse.definitions())));
		return new Tab("durability", "Durability", tables, charts, definitions,
				failure.noData() && lossOfResponse.noData());
	}

	private static void survival(Durability result, String prefix, String state, List<Table> tables,
			List<Chart> charts, UnaryOperator<String> name) {
		String endpoint = prefix.isEmpty() ? "treatment failure" : "loss of response";
		Chart chart = Chart.of(prefix + "survival", state + " (Kaplan–Meier)",
				"Kaplan–Meier estimate of the share without " + endpoint + ", with log-log 95 % CI",
				Chart.Axis.number("Months after the procedure"), Chart.Axis.number(state + " (%)", 0, 100));
		List<List<String>> steps = new ArrayList<>();
		List<List<String>> risk = new ArrayList<>();
		for (SurvivalGroup group : result.groups()) {
			List<Chart.Point> points = new ArrayList<>();
			points.add(new Chart.Point(0, 100, null, null));
			for (SurvivalStep step : group.steps()) {
				points.add(new Chart.Point(step.time(), 100 * step.survival(), times100(step.ciLow()),
						times100(step.ciHigh())));
				steps.add(List.of(name.apply(group.group()), num(step.time()), Integer.toString(step.nRisk()),
						Integer.toString(step.nEvent()), Integer.toString(step.nCensor()), percent(step.survival()),
						percentInterval(step.ciLow(), step.ciHigh())));
			}
			chart = chart.with(new Chart.Series(name.apply(group.group()), Chart.Style.STEP, Chart.Interval.NONE, points));
			List<String> atRisk = new ArrayList<>();
			atRisk.add(name.apply(group.group()));
			for (int month : RISK_MONTHS) {
				// At risk at a month: those at risk at the first time on or after it (every distinct time is a step).
				atRisk.add(Integer.toString(group.steps()
					.stream()
					.filter(s -> s.time() >= month)
					.findFirst()
					.map(SurvivalStep::nRisk)
					.orElse(0)));
			}
			risk.add(atRisk);
		}
		String events = prefix.isEmpty() ? "Failures" : "Losses";
		tables.add(new Table(prefix + "km-steps", "Kaplan–Meier steps: " + endpoint,
				List.of("Group", "Months", "At risk", events, "Censored", state, "95 % CI"), steps));
		List<String> riskHeader = new ArrayList<>(List.of("Group"));
		for (int month : RISK_MONTHS) {
			riskHeader.add(month + " months");
		}
		List<String> small = result.groups()
			.stream()
			.filter(SurvivalGroup::tooSmall)
			.map(g -> name.apply(g.group()))
			.toList();
		tables.add(new Table(prefix + "risk-table", "Numbers at risk: " + endpoint, riskHeader, risk,
				small.isEmpty() ? null : "Too small (fewer than 5 episodes, shown): " + String.join(", ", small) + "."));
		if (result.logRank() != null) {
			var test = result.logRank();
			tables.add(new Table(prefix + "log-rank", "Log-rank test: " + endpoint, List.of("Chi-square", "df", "p"),
					test.chiSquare() == null ? List.of()
							: List.of(List.of(num(test.chiSquare()), String.valueOf(test.df()), pValue(test.p())))));
		}
		charts.add(chart);
	}

}
