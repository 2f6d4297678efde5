package org.spinecell.analytics.workspace;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.spinecell.analytics.stats.DataStatus;

/**
 * What each of {@link AnalyticsResultsService}'s results means, as the API states it beside the
 * numbers (field name to text): the endpoints, denominators, intervals and tests, and the population
 * the caller's scope gives. Kept apart from the computation so that a change of method shows as a
 * change of the words here too.
 */
final class ResultDefinitions {

	private ResultDefinitions() {
	}

	static Map<String, Object> outcomes(Measure.Mcid mcid, BigDecimal odiMcid, Stratifier by) {
		Map<String, Object> definitions = new LinkedHashMap<>();
		definitions.put("mcidAbsolute", mcid.absolute());
		definitions.put("mcidRelative", mcid.relative());
		definitions.put("responder", mcid.absolute() == null
				? "improvement from baseline of at least " + percent(mcid.relative()) + " of the baseline value"
				: "improvement from baseline of at least " + mcid.absolute().toPlainString() + " points");
		definitions.put("relativeResponder", mcid.relative() == null ? null
				: "improvement from baseline of at least " + percent(mcid.relative()) + " of a baseline above 0");
		definitions.put("composite", compositeDefinition(odiMcid));
		definitions.put("mean", "mean and SD (denominator n − 1) of the values at the time point; 95 % CI mean ± "
				+ "t(0.975, n − 1)·SD/√n");
		definitions.put("change", "follow-up value minus baseline (negative is better) for the episodes with both; 95 % "
				+ "CI mean ± t(0.975, n − 1)·SD/√n");
		definitions.put("responderCi", "Wilson score 95 % CI, out of the values with a baseline");
		definitions.put("completionRate", "completed follow-ups out of those completed or missed");
		definitions.put("tooSmall", "fewer than " + DataStatus.MIN_N + " values at the time point");
		definitions.put("betweenGroup", "Pearson chi-square test of equal responder proportions at the test time point");
		definitions.put("population", population(by));
		return definitions;
	}

	static Map<String, Object> durability(boolean lossOfResponse, BigDecimal odiMcid, Stratifier by) {
		Map<String, Object> definitions = new LinkedHashMap<>();
		if (lossOfResponse) {
			definitions.put("endpoint", "loss of response among episodes whose ODI improved by at least "
					+ odiMcid.toPlainString() + " points at some follow-up: the first later follow-up (at its due day) "
					+ "that no longer does, or a later surgery or repeat injection at a treated level after the "
					+ "first response, whichever comes first");
			definitions.put("censoring", "at the due day of the last follow-up with an ODI change");
		}
		else {
			definitions.put("endpoint", "treatment failure: a later surgery or repeat injection at a treated level");
			definitions.put("censoring", "at the last completed follow-up once one is missed, otherwise today");
		}
		definitions.put("time", "months since the procedure (days / 30.4375)");
		definitions.put("ci", "Kaplan–Meier S(t) = Π(1 − d/n); Greenwood variance, log-log 95 % CI; none where "
				+ "survival is 0 or 1");
		definitions.put("logRank", "log-rank test over the groups with expected events");
		definitions.put("population", population(by));
		return definitions;
	}

	static Map<String, Object> medication(Stratifier by) {
		Map<String, Object> definitions = new LinkedHashMap<>();
		definitions.put("baselineUsers", "episodes with a baseline MME above 0 (oral morphine milligram equivalents a day)");
		definitions.put("reducedByHalf", "MME at the time point at most half the baseline MME");
		definitions.put("opioidFree", "MME 0 at the time point");
		definitions.put("denominator", "baseline users with an MME at the time point (follow-up completed)");
		definitions.put("ci", "Wilson score 95 % CI");
		definitions.put("population", population(by));
		return definitions;
	}

	static Map<String, Object> safety(Stratifier by) {
		Map<String, Object> definitions = new LinkedHashMap<>();
		definitions.put("per100", "adverse events reported against the group's procedures, per 100 procedures");
		definitions.put("ci", "Clopper–Pearson exact 95 % CI of the share of procedures with at least one such event, "
				+ "times 100");
		definitions.put("serious", "an event with at least one seriousness criterion");
		definitions.put("ungraded", "a patient's report that no physician has reviewed yet: it has no grade, and"
				+ " its seriousness and relatedness are not assessed, so it is counted as \"" + AnalyticsResultsRepository.UNGRADED
				+ "\" in each of them rather than as not serious or not related");
		definitions.put("related", "possibly, probably or definitely related to the procedure or the cell product");
		definitions.put("population", population(by));
		return definitions;
	}

	static Map<String, Object> variability(Measure.Mcid mcid) {
		Map<String, Object> definitions = new LinkedHashMap<>();
		definitions.put("linear", "ordinary least squares of the change from baseline (follow-up minus baseline) on the "
				+ "covariates, t 95 % CI");
		definitions.put("logistic", "maximum-likelihood logistic regression of responder status on the same covariates, "
				+ "Wald 95 % CI");
		definitions.put("responder", mcid.absolute() == null
				? "improvement of at least " + percent(mcid.relative()) + " of the baseline"
				: "improvement of at least " + mcid.absolute().toPlainString() + " points");
		definitions.put("covariates", "age, sex, baseline score, symptom duration (months), condition family, levels "
				+ "treated, cell source, log10 dose (cells), target, guidance, placement confirmed; codes as indicators "
				+ "against the most frequent level (the first code on a tie); a covariate that does not vary is left out");
		definitions.put("funnel", "observed responders O against expected E (sum of the logistic model's predicted "
				+ "probabilities) per operator and clinic; limits of O/E at 95 % and 99.8 % from the exact binomial "
				+ "around the overall responder rate (Spiegelhalter 2005); when the full model cannot be fitted "
				+ "(small cohorts), E comes from a logistic model on the patients' own characteristics (age, sex, "
				+ "baseline, symptom duration, condition family, levels; then without the coded ones), and failing "
				+ "that from the overall rate "
				+ "(field adjustment: FULL_MODEL, CASE_MIX or UNADJUSTED); a unit expecting fewer than "
				+ (int) org.spinecell.analytics.stats.Funnel.MIN_EXPECTED + " responders or non-responders is not "
				+ "compared with the limits (signal TOO_FEW_EXPECTED)");
		definitions.put("population", population(Stratifier.NONE) + "; operators and clinics shown to researchers by pseudonym");
		return definitions;
	}

	private static String population(Stratifier by) {
		return "episodes (procedures) of the caller's clinics matching the filter; for researchers only patients"
				+ " with current research consent, without identifiers"
				+ (by == Stratifier.OPERATOR || by == Stratifier.CLINIC
						? "; " + (by == Stratifier.OPERATOR ? "operators" : "clinics") + " shown to researchers by pseudonym"
						: "");
	}

	static String compositeDefinition(BigDecimal odiMcid) {
		return "ODI improved by at least " + odiMcid.toPlainString() + " points from baseline, and no later surgery"
				+ " or repeat injection at a treated level and no serious adverse event related to the procedure or"
				+ " product up to the time point's due day; out of the episodes with an ODI change at the time point";
	}

	private static String percent(BigDecimal fraction) {
		return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
	}

}
