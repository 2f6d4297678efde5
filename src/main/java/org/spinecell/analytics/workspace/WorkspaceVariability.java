package org.spinecell.analytics.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.spinecell.analytics.workspace.AnalyticsResults.Variability;
import org.spinecell.analytics.workspace.VariabilityAnalysis.CoefficientRow;
import org.spinecell.analytics.workspace.VariabilityAnalysis.FunnelData;
import org.spinecell.analytics.workspace.VariabilityAnalysis.FunnelUnit;
import org.spinecell.analytics.workspace.VariabilityAnalysis.Model;
import org.spinecell.analytics.workspace.WorkspaceResults.Tab;
import org.spinecell.analytics.workspace.WorkspaceResults.Table;
import org.spinecell.analytics.stats.DataStatus;
import org.spinecell.analytics.stats.Funnel;
import org.spinecell.platform.chart.Chart;
import org.spinecell.platform.chart.Forest;

import static org.spinecell.analytics.workspace.WorkspaceResults.count;
import static org.spinecell.analytics.workspace.WorkspaceResults.interval;
import static org.spinecell.analytics.workspace.WorkspaceResults.num;
import static org.spinecell.analytics.workspace.WorkspaceResults.pValue;
import static org.spinecell.analytics.workspace.WorkspaceResults.percent;

/**
 * The workspace's variability tab: the case-mix models of {@link AnalyticsResultsService#variability}
 * as coefficient tables, the covariates and the episodes left out, and the funnel tables of
 * operators and clinics. Formats only; a model that was not fitted or rests on too little data says
 * so in the table's note instead of showing numbers that do not exist.
 */
final class WorkspaceVariability {

	static final String ALIASED = "aliased";

	static final List<String> COEFFICIENT_HEADER = List.of("Term", "Estimate", "95 % CI", "p");

	static final List<String> FUNNEL_HEADER = List.of("Unit", "n", "Observed", "Expected", "O/E", "95 % limits",
			"99.8 % limits", "Outside");

	/** The longest point label of a funnel plot; longer names are cut with an ellipsis. */
	static final int LABEL = 14;

	private WorkspaceVariability() {
	}

	/** @param name how an operator or clinic is shown (by name to staff) */
	static Tab of(Variability variability, UnaryOperator<String> name) {
		VariabilityAnalysis.Result models = variability.models();
		String at = variability.measure() + " at " + variability.timePoint();
		List<Table> tables = new ArrayList<>();
		tables.add(coefficients("linear", "Linear model of the change in " + at, models.linear(),
				models.linear().rSquared() == null ? null : "R² " + num(models.linear().rSquared())));
		tables.add(coefficients("logistic", "Logistic model of responder status (" + at + "), log odds",
				models.logistic(),
				models.logistic().deviance() == null ? null : "residual deviance " + num(models.logistic().deviance())));
		List<List<String>> covariates = new ArrayList<>();
		models.covariates().forEach(c -> covariates.add(List.of(c, "in the models")));
		models.leftOutCovariates().forEach((c, why) -> covariates.add(List.of(c, why)));
		tables.add(new Table("covariates", "Covariates", List.of("Covariate", "Status"), covariates));
		tables.add(new Table("dropped", "Episodes left out of the models", List.of("Reason", "Episodes"),
				models.dropped().stream().map(d -> List.of(d.reason(), Long.toString(d.episodes()))).toList(),
				models.n() + " episodes in the models."));
		tables.add(funnel("funnel-operators", "Operators: observed against expected responders", models.operators(),
				name));
		tables.add(funnel("funnel-clinics", "Clinics: observed against expected responders", models.clinics(), name));
		List<String> definitions = new ArrayList<>(WorkspaceResults.definitions(variability.definitions()));
		List<String> references = models.leftOutCovariates()
			.entrySet()
			.stream()
			.filter(e -> e.getValue().equals("reference level"))
			.map(Map.Entry::getKey)
			.toList();
		if (!references.isEmpty()) {
			definitions.add("Reference levels: " + String.join(", ", references) + ".");
		}
		definitions.add("Too small: a model with fewer than " + DataStatus.MIN_N + " residual degrees of freedom, or a unit "
				+ "with fewer than " + DataStatus.MIN_N + " episodes, is shown and flagged, not hidden.");
		List<Forest> forests = List.of(
				forest("forest-linear", "Linear model: change in " + at, "Coefficient (points of change)",
						models.linear()),
				forest("forest-logistic", "Logistic model: responder at " + at, "Coefficient (log odds)",
						models.logistic()));
		List<Chart> charts = List.of(funnelChart("funnel-operators", "Operators", models.operators(), name),
				funnelChart("funnel-clinics", "Clinics", models.clinics(), name));
		return new Tab("variability", "Variability", tables, charts, forests, definitions, variability.noData());
	}

	private static Table coefficients(String id, String title, Model model, String fit) {
		List<List<String>> rows = new ArrayList<>();
		for (CoefficientRow c : model.coefficients()) {
			rows.add(c.aliased() ? List.of(c.name(), ALIASED, "", "")
					: List.of(c.name(), num(c.estimate()), interval(c.ciLow(), c.ciHigh()), pValue(c.p())));
		}
		return new Table(id, title, COEFFICIENT_HEADER, rows, modelNote(model, fit));
	}

	/** What a model's numbers rest on, or why there are none. */
	static String modelNote(Model model, String fit) {
		return switch (model.status()) {
			case "NOT_FITTED" -> "Not fitted: " + model.note() + ".";
			case "NO_DATA" -> "Not fitted: no episode has a value with a baseline at this time point.";
			case "TOO_SMALL" -> "Too small: " + model.n() + " episodes leave fewer than " + DataStatus.MIN_N
					+ " residual degrees of freedom; the estimates are shown but unreliable"
					+ (fit == null ? "." : "; " + fit + ".");
			default -> model.n() + " episodes" + (fit == null ? "." : "; " + fit + ".");
		};
	}

	/** The model's coefficients but the intercept, as a forest plot around 0 (aliased terms keep their row). */
	private static Forest forest(String id, String title, String estimate, Model model) {
		List<Forest.Row> rows = new ArrayList<>();
		for (CoefficientRow c : model.coefficients()) {
			if (c.name().equals("(Intercept)")) {
				continue;
			}
			rows.add(c.aliased() || c.estimate() == null || c.ciLow() == null ? Forest.Row.notEstimated(c.name(), ALIASED)
					: Forest.Row.of(c.name(), c.estimate(), c.ciLow(), c.ciHigh()));
		}
		return Forest.coefficients(id, title, "Coefficients with 95 % CI; " + modelNote(model, null), estimate, rows);
	}

	/**
	 * O/E of each unit against its episodes, inside the 95 % and 99.8 % limit curves around 1; units
	 * outside the 99.8 % limits are flagged by shape. Points are labelled by the unit's name, cut to
	 * {@value #LABEL} characters.
	 */
	private static Chart funnelChart(String id, String units, FunnelData funnel, UnaryOperator<String> name) {
		Chart chart = Chart.of(id, units + ": observed / expected responders",
				"Observed against expected responders (O/E) of each unit by its number of episodes, with 95 % and "
						+ "99.8 % limits around 1",
				Chart.Axis.number("Episodes"), Chart.Axis.number("Observed / expected"));
		List<Chart.Point> p95 = new ArrayList<>();
		List<Chart.Point> p998 = new ArrayList<>();
		for (Funnel.Limits l : funnel.curve()) {
			p95.add(new Chart.Point(l.n(), 1, l.low95(), l.high95()));
			p998.add(new Chart.Point(l.n(), 1, l.low998(), l.high998()));
		}
		if (!p95.isEmpty()) {
			chart = chart.with(Chart.Series.limits("95 % limits", p95)).with(Chart.Series.limits("99.8 % limits", p998));
		}
		List<Chart.Point> within = new ArrayList<>();
		List<Chart.Point> outside95 = new ArrayList<>();
		List<Chart.Point> outside998 = new ArrayList<>();
		List<Chart.Point> notCompared = new ArrayList<>();
		for (FunnelUnit u : funnel.units()) {
			if (u.ratio() == null) {
				continue;
			}
			String label = name.apply(u.unit());
			Chart.Point point = Chart.Point.of(u.n(), u.ratio())
				.labelled(label.length() > LABEL ? label.substring(0, LABEL - 1) + "…" : label);
			switch (u.signal()) {
				case "ABOVE_998", "BELOW_998" -> outside998.add(point);
				case "ABOVE_95", "BELOW_95" -> outside95.add(point);
				case "WITHIN" -> within.add(point);
				default -> notCompared.add(point);
			}
		}
		if (!within.isEmpty()) {
			chart = chart.with(Chart.Series.points("Within the 95 % limits", within));
		}
		if (!notCompared.isEmpty()) {
			chart = chart.with(Chart.Series.points("Not compared: too few expected", notCompared));
		}
		if (!outside95.isEmpty()) {
			chart = chart.with(Chart.Series.points("Outside the 95 % limits", outside95));
		}
		if (!outside998.isEmpty()) {
			chart = chart.with(Chart.Series.points("Outside the 99.8 % limits", outside998).withMarker(Chart.Marker.FLAG));
		}
		return chart.with(new Chart.ReferenceLine(1, "O/E = 1"));
	}

	private static Table funnel(String id, String title, FunnelData funnel, UnaryOperator<String> name) {
		List<List<String>> rows = new ArrayList<>();
		for (FunnelUnit u : funnel.units()) {
			rows.add(List.of(name.apply(u.unit()), count(u.n(), u.tooSmall()), Integer.toString(u.observed()), num(u.expected()),
					num(u.ratio()), interval(u.low95(), u.high95()), interval(u.low998(), u.high998()),
					signal(u.signal())));
		}
		String note = funnel.note() != null ? "No limits: " + funnel.note() + "."
				: funnel.target() == null ? null
						: "Overall responder rate " + percent(funnel.target()) + ". " + adjustment(funnel);
		return new Table(id, title, FUNNEL_HEADER, rows, note);
	}

	/** Where the expected counts come from, in words, with the reason for a fallback. */
	static String adjustment(FunnelData funnel) {
		String basis = switch (funnel.adjustment()) {
			case "FULL_MODEL" -> "Expected from the logistic model on every covariate";
			case "CASE_MIX" -> "Expected from a logistic model on the patients' own characteristics only ("
					+ String.join(", ", funnel.adjustedFor()) + ")";
			default -> "Expected from the cohort's responder rate alone (no adjustment)";
		};
		return funnel.adjustmentNote() == null ? basis + "." : basis + ", as " + funnel.adjustmentNote() + ".";
	}

	static String signal(String signal) {
		return switch (signal) {
			case "ABOVE_998" -> "above 99.8 %";
			case "ABOVE_95" -> "above 95 %";
			case "BELOW_95" -> "below 95 %";
			case "BELOW_998" -> "below 99.8 %";
			case "WITHIN" -> "within";
			case "TOO_FEW_EXPECTED" -> "not compared: fewer than " + (int) Funnel.MIN_EXPECTED
					+ " expected responders or non-responders";
			default -> "not assessed";
		};
	}

}
