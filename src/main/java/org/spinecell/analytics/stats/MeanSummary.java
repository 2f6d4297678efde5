package org.spinecell.analytics.stats;

/**
 * The mean of a sample with its standard deviation and 95 % t interval, as R's
 * {@code mean(x)}, {@code sd(x)} (denominator {@code n − 1}) and {@code t.test(x)$conf.int}:
 * {@code mean ± qt(0.975, n − 1) · sd / sqrt(n)}. A mean change is the same summary of the paired
 * differences {@code after − before}, as {@code t.test(after, before, paired = TRUE)}.
 * <p>
 * With no observations the status is {@link DataStatus#NO_DATA} and every estimate {@code null};
 * with one observation the mean is given but SD and interval are {@code null}; with fewer than
 * five the status is {@link DataStatus#TOO_SMALL}.
 *
 * @param n the number of observations
 * @param status whether there is enough data
 * @param mean the arithmetic mean
 * @param sd the sample standard deviation
 * @param ci the 95 % t interval of the mean
 */
public record MeanSummary(int n, DataStatus status, Double mean, Double sd, Interval ci) {

	public static MeanSummary of(double... values) {
		requireFinite(values);
		int n = values.length;
		if (n == 0) {
			return new MeanSummary(0, DataStatus.NO_DATA, null, null, null);
		}
		double mean = Sums.mean(values);
		if (n == 1) {
			return new MeanSummary(1, DataStatus.TOO_SMALL, mean, null, null);
		}
		double sd = Math.sqrt(Sums.squaredDeviations(values, mean) / (n - 1));
		double half = Distributions.tQuantile(0.975, n - 1) * sd / Math.sqrt(n);
		return new MeanSummary(n, DataStatus.of(n), mean, sd, new Interval(mean - half, mean + half));
	}

	/**
	 * The same summary from sufficient statistics aggregated elsewhere (e.g. by the database): the
	 * count, the mean and the sample standard deviation ({@code null} below two observations).
	 */
	public static MeanSummary ofAggregate(long n, Double mean, Double sd) {
		if (n <= 0 || mean == null) {
			return new MeanSummary(0, DataStatus.NO_DATA, null, null, null);
		}
		if (n == 1 || sd == null) {
			return new MeanSummary((int) n, DataStatus.of(n), mean, null, null);
		}
		double half = Distributions.tQuantile(0.975, n - 1) * sd / Math.sqrt(n);
		return new MeanSummary((int) n, DataStatus.of(n), mean, sd, new Interval(mean - half, mean + half));
	}

	/** The summary of {@code after[i] − before[i]}: a mean change from baseline. */
	public static MeanSummary ofChange(double[] before, double[] after) {
		if (before.length != after.length) {
			throw new IllegalArgumentException("paired samples differ in length");
		}
		double[] change = new double[before.length];
		for (int i = 0; i < change.length; i++) {
			change[i] = after[i] - before[i];
		}
		return of(change);
	}

	static void requireFinite(double[] values) {
		for (double value : values) {
			if (!Double.isFinite(value)) {
				throw new IllegalArgumentException("values must be finite numbers");
			}
		}
	}

}
