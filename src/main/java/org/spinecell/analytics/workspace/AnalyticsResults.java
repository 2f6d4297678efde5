package org.spinecell.analytics.workspace;

import java.util.List;
import java.util.Map;

/**
 * The answers of the analytics API, as the JSON it returns: estimates with their confidence
 * intervals, computed by the statistics core from the aggregates PostgreSQL returns. A value that
 * cannot be computed is {@code null}, never NaN; {@code tooSmall} flags a result resting on fewer
 * than five observations, which is shown, not hidden; {@code noData} marks an empty cohort.
 */
public final class AnalyticsResults {

	private AnalyticsResults() {
	}

	/** The outcome summary of one measure. */
	public record Outcomes(String measure, String by, boolean noData, String message, Map<String, Object> definitions,
			List<OutcomeRow> rows, BetweenGroup betweenGroup, Composite composite) {
	}

	/**
	 * One group at one time point. {@code responders} are changes that meet the absolute threshold
	 * (the relative one for MME, which has no absolute threshold); the relative responders are given
	 * beside them. Rates are out of {@code nChange}, the values with a baseline. The mean's t 95 % CI
	 * is that of the values at the time point, the change's that of the changes.
	 */
	public record OutcomeRow(String group, String timePoint, int daysAfterProcedure, long n, Double mean, Double sd,
			Double meanCiLow, Double meanCiHigh, long nChange, Double meanChange, Double sdChange, Double changeCiLow, Double changeCiHigh, long responders,
			Double responderRate, Double responderCiLow, Double responderCiHigh, long respondersRelative,
			Double relativeResponderRate, Double relativeResponderCiLow, Double relativeResponderCiHigh,
			long eligible, long completed, Double completionRate, boolean tooSmall) {
	}

	/** A test of equal responder proportions across the groups at one time point. */
	public record BetweenGroup(String test, String timePoint, String status, String note, Double statistic,
			Double df, Double p) {
	}

	/** The composite responder: its definition and its rate per group and time point. */
	public record Composite(String definition, List<RateRow> rows) {
	}

	/** A proportion {@code x / n} of one group at one time point with its 95 % CI. */
	public record RateRow(String group, String timePoint, long n, long x, Double rate, Double ciLow, Double ciHigh,
			boolean tooSmall) {
	}

	/** Kaplan–Meier curves of one endpoint per group, and the log-rank test when stratified. */
	public record Durability(String endpoint, String by, boolean noData, String message, Map<String, Object> definitions,
			List<SurvivalGroup> groups, LogRankTest logRank) {
	}

	public record SurvivalGroup(String group, int n, boolean tooSmall, List<SurvivalStep> steps) {
	}

	/** The curve at one distinct time, in months since the procedure. */
	public record SurvivalStep(double time, int nRisk, int nEvent, int nCensor, double survival, Double ciLow,
			Double ciHigh) {
	}

	public record LogRankTest(String status, Double chiSquare, Integer df, Double p) {
	}

	/** Opioid reduction among baseline opioid users per group and time point. */
	public record Medication(String by, boolean noData, String message, Map<String, Object> definitions,
			List<MedicationRow> rows) {
	}

	public record MedicationRow(String group, String timePoint, int daysAfterProcedure, long baselineUsers,
			long observed, long reducedByHalf, Double reducedByHalfRate, Double reducedByHalfCiLow,
			Double reducedByHalfCiHigh, long opioidFree, Double opioidFreeRate, Double opioidFreeCiLow,
			Double opioidFreeCiHigh, boolean tooSmall) {
	}

	/** Adverse events per 100 procedures by grade, seriousness and relatedness, and the serious events. */
	public record Safety(String by, boolean noData, String message, Map<String, Object> definitions,
			List<SafetyGroup> groups, List<SafetyRow> rows, List<SeriousEvent> serious) {
	}

	public record SafetyGroup(String group, long procedures, long patients) {
	}

	/**
	 * One category of one group: {@code dimension} is grade, serious or related; {@code per100} the
	 * events per 100 procedures; the exact CI is that of the share of procedures with such an event,
	 * times 100.
	 */
	public record SafetyRow(String group, String dimension, String value, long events, long proceduresWithEvent,
			long procedures, Double per100, Double ciLow, Double ciHigh, boolean tooSmall) {
	}

	/** The case-mix models and funnel data of one measure at one time point. */
	public record Variability(String measure, String timePoint, boolean noData, String message,
			Map<String, Object> definitions, VariabilityAnalysis.Result models) {
	}

	/**
	 * A serious adverse event, without identifiers or dates: onset in months after the procedure.
	 * Relatedness, expectedness and outcome are {@code null} where the physician did not assess them.
	 */
	public record SeriousEvent(String group, Integer grade, double onsetMonths, String relatednessProcedure,
			String relatednessProduct, Boolean expected, String outcome) {
	}

}
