package org.spinecell.analytics.stats;

/**
 * A two-sided confidence interval.
 *
 * @param low the lower bound
 * @param high the upper bound
 */
public record Interval(double low, double high) {

	/** The interval, or {@code null} when either bound is not a finite number. */
	static Interval ofFinite(double low, double high) {
		return Double.isFinite(low) && Double.isFinite(high) ? new Interval(low, high) : null;
	}

}
