package org.spinecell.analytics.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * A proportion {@code x / n} with two 95 % confidence intervals.
 * <ul>
 * <li>{@code wilson}: the Wilson score interval without continuity correction, the interval of R's
 * {@code prop.test(x, n, correct = FALSE)}. With {@code z = qnorm(0.975)} and {@code p = x/n}:
 * {@code (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n)}, the lower bound 0 when {@code x = 0}
 * and the upper bound 1 when {@code x = n}.</li>
 * <li>{@code exact}: the Clopper–Pearson interval of R's {@code binom.test(x, n)}:
 * {@code [qbeta(0.025, x, n−x+1), qbeta(0.975, x+1, n−x)]}, 0 and 1 at the ends.</li>
 * </ul>
 * With {@code n = 0} the status is {@link DataStatus#NO_DATA} and estimate and intervals are
 * {@code null}.
 *
 * @param x the number of successes
 * @param n the number of trials
 * @param status whether there is enough data
 * @param estimate {@code x / n}
 * @param wilson the Wilson score 95 % interval
 * @param exact the Clopper–Pearson 95 % interval
 */
public record Proportion(long x, long n, DataStatus status, Double estimate, Interval wilson, Interval exact) {

	private static final double ALPHA = 0.05;

	/** Beta quantiles are solved to this absolute accuracy (Commons Math's default is 1e-9). */
	private static final double QUANTILE_ACCURACY = 1e-14;

	public static Proportion of(long x, long n) {
		if (n < 0 || x < 0 || x > n) {
			throw new IllegalArgumentException("need 0 <= x <= n, got x=" + x + ", n=" + n);
		}
		if (n == 0) {
			return new Proportion(x, n, DataStatus.NO_DATA, null, null, null);
		}
		double p = (double) x / n;
		return new Proportion(x, n, DataStatus.of(n), p, wilson(x, n), clopperPearson(x, n));
	}

	private static Interval wilson(long x, long n) {
		double p = (double) x / n;
		double z = Distributions.normalQuantile(1 - ALPHA / 2);
		double z22n = z * z / (2.0 * n);
		double spread = z * Math.sqrt(p * (1 - p) / n + z22n / (2.0 * n));
		double low = x == 0 ? 0 : (p + z22n - spread) / (1 + 2 * z22n);
		double high = x == n ? 1 : (p + z22n + spread) / (1 + 2 * z22n);
		return new Interval(low, high);
	}

	private static Interval clopperPearson(long x, long n) {
		double low = x == 0 ? 0 : beta(x, n - x + 1).inverseCumulativeProbability(ALPHA / 2);
		double high = x == n ? 1 : beta(x + 1, n - x).inverseCumulativeProbability(1 - ALPHA / 2);
		return new Interval(low, high);
	}

	private static BetaDistribution beta(double a, double b) {
		return new BetaDistribution(null, a, b, QUANTILE_ACCURACY);
	}

}
