package org.spinecell.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;
import org.spinecell.analytics.AnalyticsRows.AdverseEventCount;
import org.spinecell.analytics.AnalyticsRows.FailureTime;
import org.spinecell.analytics.AnalyticsRows.GroupSize;
import org.spinecell.analytics.AnalyticsRows.MedicationStats;
import org.spinecell.analytics.AnalyticsRows.OutcomeStats;
import org.spinecell.analytics.stats.Interval;
import org.spinecell.analytics.stats.KaplanMeier;
import org.spinecell.analytics.stats.LogRank;
import org.spinecell.analytics.stats.Proportion;
import org.spinecell.analytics.stats.SurvivalObservation;
import org.spinecell.platform.chart.Chart;

/**
 * The workspace's and the clinic report's results: the aggregates of {@link AnalyticsService} turned
 * into tables of display values, charts and the definitions used, one {@link Tab} per subject.
 * A small adapter over the statistics core until the JSON analytics services land; it computes
 * nothing the statistics core does not define (see docs/analytics-methods.md).
 */
final class WorkspaceResults {

	/** Fewer observations than this are flagged as too small, never hidden. */
	static final int SMALL = 5;

	/** A table of display values; {@code id} names its CSV download. */
	record Table(String id, String title, List<String> header, List<List<String>> rows) {
	}

	/** One subject of the workspace: its tables, charts and the definitions its numbers follow. */
	record Tab(String id, String title, List<Table> tables, List<Chart> charts, List<String> definitions,
			boolean noData) {

		Table table(String tableId) {
			return tables.stream().filter(t -> t.id().equals(tableId)).findFirst().orElse(null);
		}

		Chart chart(String chartId) {
			return charts.stream().filter(c -> c.id().equals(chartId)).findFirst().orElse(null);
		}

	}

	private WorkspaceResults() {
	}

	static Tab outcomes(List<OutcomeStats> stats, Measure measure) {
		Measure.Mcid mcid = measure.defaultMcid();
		boolean absolute = mcid.absolute() != null;
		List<List<String>> rows = new ArrayList<>();
		Chart trajectory = Chart.of("trajectory", measure.name() + ": mean with 95 % CI over time",
				"Mean " + measure.name() + " per group at each time point with its 95 % confidence interval",
				Chart.Axis.number("Months after the procedure"), Chart.Axis.number(measure.name()));
		Chart responders = Chart.of("responders", "Responders with Wilson 95 % CI",
				"Share of patients improving by at least the MCID at each time point, per group",
				Chart.Axis.number("Months after the procedure"), Chart.Axis.number("Responders (%)", 0, 100));
		Map<String, List<Chart.Point>> means = new LinkedHashMap<>();
		Map<String, List<Chart.Point>> rates = new LinkedHashMap<>();
		boolean any = false;
		for (OutcomeStats s : stats) {
			any |= s.n() > 0;
			// At baseline there is no change and nobody can respond yet.
			boolean followUp = !"BASELINE".equals(s.timePoint());
			Interval changeCi = meanCi(s.nChange(), s.meanChange(), s.sdChange());
			long responderCount = absolute ? s.respondersAbsolute() : s.respondersRelative();
			Proportion responder = Proportion.of(followUp ? responderCount : 0, followUp ? s.nChange() : 0);
			rows.add(List.of(s.group(), s.timePoint(), Long.toString(s.n()) + (s.n() > 0 && s.n() < SMALL ? " (too small)" : ""),
					num(s.mean()), num(s.sd()), followUp ? num(s.meanChange()) : "", followUp ? interval(changeCi) : "",
					!followUp || s.nChange() == 0 ? "" : responderCount + " of " + s.nChange(), percent(responder.estimate()),
					responder.wilson() == null ? "" : interval(percent(responder.wilson())), percent(s.completionRate())));
			double months = s.daysAfterProcedure() / 30.4375;
			if (s.mean() != null) {
				Interval ci = meanCi(s.n(), s.mean(), s.sd());
				means.computeIfAbsent(s.group(), g -> new ArrayList<>())
					.add(new Chart.Point(months, s.mean(), ci == null ? null : ci.low(), ci == null ? null : ci.high()));
			}
			if (responder.estimate() != null) {
				rates.computeIfAbsent(s.group(), g -> new ArrayList<>())
					.add(new Chart.Point(months, 100 * responder.estimate(), 100 * responder.wilson().low(),
							100 * responder.wilson().high()));
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
		Table table = new Table("outcomes", measure.name() + " by time point",
				List.of("Group", "Time point", "n", "Mean", "SD", "Mean change", "Change 95 % CI", "Responders",
						"Responder rate", "Responder 95 % CI", "Completion"),
				rows);
		String threshold = absolute ? "an improvement from baseline of at least " + mcid.absolute().toPlainString()
				+ " points" : "an improvement from baseline of at least " + percent(mcid.relative().doubleValue());
		return new Tab("outcomes", "Outcomes", List.of(table), List.of(trajectory, responders), List.of(
				"Mean and SD over the scores collected at each time point (SD with denominator n − 1).",
				"Mean change: follow-up minus baseline for patients with both; 95 % CI mean ± t(0.975, n − 1)·SD/√n.",
				"Responder (" + measure.name() + "): " + threshold + " (the MCID of DOMAIN §3); rate with the Wilson "
						+ "score 95 % CI, without continuity correction.",
				"Completion: follow-ups completed over those completed or missed.",
				"n below " + SMALL + " is flagged as too small; the values are shown, not hidden."), !any);
	}

	static Tab durability(List<FailureTime> failures) {
		Map<String, List<SurvivalObservation>> byGroup = new LinkedHashMap<>();
		for (FailureTime f : failures) {
			List<SurvivalObservation> group = byGroup.computeIfAbsent(f.group(), g -> new ArrayList<>());
			for (long i = 0; i < f.events(); i++) {
				group.add(new SurvivalObservation(f.months(), true));
			}
			for (long i = 0; i < f.censored(); i++) {
				group.add(new SurvivalObservation(f.months(), false));
			}
		}
		Chart chart = Chart.of("survival", "Free of treatment failure (Kaplan–Meier)",
				"Kaplan–Meier estimate of the share free of later surgery or repeat injection, with log-log 95 % CI",
				Chart.Axis.number("Months after the procedure"), Chart.Axis.number("Free of failure (%)", 0, 100));
		List<List<String>> steps = new ArrayList<>();
		List<List<String>> risk = new ArrayList<>();
		for (Map.Entry<String, List<SurvivalObservation>> group : byGroup.entrySet()) {
			KaplanMeier km = KaplanMeier.of(group.getValue());
			List<Chart.Point> points = new ArrayList<>();
			points.add(new Chart.Point(0, 100, null, null));
			for (KaplanMeier.Step step : km.steps()) {
				points.add(new Chart.Point(step.time(), 100 * step.survival(),
						step.ciLow() == null ? null : 100 * step.ciLow(), step.ciHigh() == null ? null : 100 * step.ciHigh()));
				steps.add(List.of(group.getKey(), num(step.time()), Integer.toString(step.nRisk()),
						Integer.toString(step.nEvent()), Integer.toString(step.nCensor()), percent(step.survival()),
						step.ciLow() == null ? "" : interval(percent(new Interval(step.ciLow(), step.ciHigh())))));
			}
			chart = chart.with(new Chart.Series(group.getKey(), Chart.Style.STEP, Chart.Interval.NONE, points));
			List<String> atRisk = new ArrayList<>();
			atRisk.add(group.getKey());
			for (int month : new int[] { 0, 3, 6, 12, 24 }) {
				atRisk.add(Long.toString(group.getValue().stream().filter(o -> o.time() >= month).count()));
			}
			risk.add(atRisk);
		}
		List<Table> tables = new ArrayList<>();
		tables.add(new Table("km-steps", "Kaplan–Meier steps",
				List.of("Group", "Months", "At risk", "Failures", "Censored", "Free of failure", "95 % CI"), steps));
		tables.add(new Table("risk-table", "Numbers at risk",
				List.of("Group", "0 months", "3 months", "6 months", "12 months", "24 months"), risk));
		if (byGroup.size() > 1) {
			LogRank test = LogRank.of(byGroup);
			tables.add(new Table("log-rank", "Log-rank test", List.of("Chi-square", "df", "p"),
					test.chiSquare() == null ? List.of()
							: List.of(List.of(num(test.chiSquare()), String.valueOf(test.df()), pValue(test.p())))));
		}
		return new Tab("durability", "Durability", tables, List.of(chart), List.of(
				"Treatment failure: a later surgery or repeat injection at a treated level; time in months since the "
						+ "procedure; patients without failure are censored at their last follow-up.",
				"Kaplan–Meier S(t) = Π(1 − d/n), Greenwood standard error, log-log 95 % CI.",
				"Between groups: the log-rank test (chi-square on groups − 1 df)."), byGroup.isEmpty());
	}

	static Tab medication(List<MedicationStats> stats) {
		List<List<String>> rows = new ArrayList<>();
		for (MedicationStats s : stats) {
			Proportion half = Proportion.of(s.reducedByHalf(), s.observed());
			Proportion free = Proportion.of(s.opioidFree(), s.observed());
			rows.add(List.of(s.group(), s.timePoint(), Long.toString(s.baselineUsers()), Long.toString(s.observed()),
					percent(half.estimate()), half.wilson() == null ? "" : interval(percent(half.wilson())),
					percent(free.estimate()), free.wilson() == null ? "" : interval(percent(free.wilson()))));
		}
		boolean noData = stats.stream().allMatch(s -> s.baselineUsers() == 0);
		return new Tab("medication", "Medication",
				List.of(new Table("medication", "Opioid use among baseline users",
						List.of("Group", "Time point", "Baseline users", "Observed", "MME reduced ≥ 50 %", "95 % CI",
								"Opioid-free", "95 % CI"),
						rows)),
				List.of(), List.of("Baseline opioid users: total MME per day above 0 at the procedure.",
						"Reduced by half: MME at the time point at most half the baseline; opioid-free: MME 0. "
								+ "Shares of users observed at that time point, with Wilson 95 % CIs."),
				noData);
	}

	static Tab safety(AnalyticsService.Safety safety) {
		Map<String, Long> procedures = new LinkedHashMap<>();
		for (GroupSize g : safety.groups()) {
			procedures.put(g.group(), g.procedures());
		}
		List<List<String>> rows = new ArrayList<>();
		List<List<String>> serious = new ArrayList<>();
		for (AdverseEventCount e : safety.events()) {
			long n = procedures.getOrDefault(e.group(), 0L);
			Proportion rate = Proportion.of(Math.min(e.events(), n), n);
			List<String> row = List.of(e.group(), Integer.toString(e.grade()), e.serious() ? "yes" : "no",
					e.relatedToProcedure() ? "yes" : "no", e.relatedToProduct() ? "yes" : "no",
					Long.toString(e.events()), Long.toString(n),
					n == 0 ? "" : num(100.0 * e.events() / n),
					rate.exact() == null || e.events() > n ? "" : interval(percent(rate.exact())));
			rows.add(row);
			if (e.serious()) {
				serious.add(row);
			}
		}
		List<String> header = List.of("Group", "Grade", "Serious", "Related to procedure", "Related to product",
				"Events", "Procedures", "Per 100 procedures", "Exact 95 % CI");
		return new Tab("safety", "Safety",
				List.of(new Table("adverse-events", "Adverse events", header, rows),
						new Table("serious-events", "Serious adverse events", header, serious)),
				List.of(), List.of("Adverse events per 100 procedures of the cohort, by grade, seriousness and "
						+ "relatedness; 95 % CI exact (Clopper–Pearson).",
						"Related: possibly, probably or definitely related as judged by the reporting clinician."),
				procedures.values().stream().allMatch(n -> n == 0));
	}

	/** mean ± t(0.975, n − 1)·sd/√n, or null below two values. */
	static Interval meanCi(long n, Double mean, Double sd) {
		if (n < 2 || mean == null || sd == null) {
			return null;
		}
		double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
		return new Interval(mean - half, mean + half);
	}

	static String num(Double value) {
		return value == null ? "" : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	static String percent(Double share) {
		return share == null ? "" : BigDecimal.valueOf(100 * share).setScale(1, RoundingMode.HALF_UP).toPlainString()
				+ " %";
	}

	private static Interval percent(Interval share) {
		return new Interval(100 * share.low(), 100 * share.high());
	}

	private static String interval(Interval ci) {
		return ci == null ? "" : num(ci.low()) + " to " + num(ci.high());
	}

	private static String pValue(Double p) {
		return p == null ? "" : p < 0.001 ? "< 0.001" : BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_UP).toPlainString();
	}

}
