package org.spinecell.analytics.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Kaplan–Meier estimate of the survival function, as R's
 * {@code survival::survfit(Surv(time, event) ~ 1, conf.type = "log-log")}.
 * <p>
 * There is one step per distinct time at which an event or a censoring happened. At time
 * {@code t} with {@code n} at risk (time ≥ {@code t}) and {@code d} events, {@code S(t) = Π (1 − d/n)}
 * over the times up to {@code t}. {@code stdErr} is survfit's {@code std.err}, the standard error of
 * {@code log S(t)} by Greenwood's formula, {@code sqrt(Σ d / (n (n − d)))}, {@code null} once S is 0
 * (R: {@code Inf}). The 95 % interval is the log-log one:
 * {@code exp(−exp(log(−log S) ∓ z · stdErr / log S))} with {@code z = qnorm(0.975)}, undefined (both
 * bounds {@code null}) where {@code S} is 0 or 1, as R gives {@code NA} there.
 * Censoring at the time of an event counts the subject at risk for that event, as in R.
 *
 * @param n the number of subjects
 * @param status whether there is enough data
 * @param steps one step per distinct time, in time order; empty when there are no subjects
 */
public record KaplanMeier(int n, DataStatus status, List<Step> steps) {

	/**
	 * The curve at one distinct time.
	 *
	 * @param time the time
	 * @param nRisk the number at risk just before {@code time}
	 * @param nEvent the number of events at {@code time}
	 * @param nCensor the number censored at {@code time}
	 * @param survival the estimate {@code S(time)}
	 * @param stdErr the Greenwood standard error of {@code log S(time)}, {@code null} once S is 0
	 * @param ciLow the lower log-log 95 % bound, {@code null} where undefined
	 * @param ciHigh the upper log-log 95 % bound, {@code null} where undefined
	 */
	public record Step(double time, int nRisk, int nEvent, int nCensor, double survival, Double stdErr, Double ciLow,
			Double ciHigh) {
	}

	public KaplanMeier {
		steps = List.copyOf(steps);
	}

	public static KaplanMeier of(List<SurvivalObservation> observations) {
		List<SurvivalObservation> sorted = new ArrayList<>(observations);
		sorted.sort(Comparator.comparingDouble(SurvivalObservation::time));
		double z = Distributions.normalQuantile(0.975);
		List<Step> steps = new ArrayList<>();
		int atRisk = sorted.size();
		double survival = 1;
		double greenwood = 0;
		int i = 0;
		while (i < sorted.size()) {
			double time = sorted.get(i).time();
			int events = 0;
			int censored = 0;
			while (i < sorted.size() && sorted.get(i).time() == time) {
				if (sorted.get(i).event()) {
					events++;
				}
				else {
					censored++;
				}
				i++;
			}
			survival *= 1 - (double) events / atRisk;
			greenwood = events == atRisk ? Double.POSITIVE_INFINITY
					: greenwood + (double) events / ((double) atRisk * (atRisk - events));
			steps.add(step(time, atRisk, events, censored, survival, greenwood, z));
			atRisk -= events + censored;
		}
		return new KaplanMeier(sorted.size(), DataStatus.of(sorted.size()), steps);
	}

	private static Step step(double time, int atRisk, int events, int censored, double survival, double greenwood,
			double z) {
		Double stdErr = Double.isFinite(greenwood) ? Math.sqrt(greenwood) : null;
		if (survival <= 0 || survival >= 1 || stdErr == null) {
			return new Step(time, atRisk, events, censored, survival, stdErr, null, null);
		}
		double logS = Math.log(survival);
		double shift = z * stdErr / logS;
		double low = Math.exp(-Math.exp(Math.log(-logS) - shift));
		double high = Math.exp(-Math.exp(Math.log(-logS) + shift));
		return new Step(time, atRisk, events, censored, survival, stdErr, low, high);
	}

}
