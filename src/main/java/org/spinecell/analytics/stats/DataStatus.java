package org.spinecell.analytics.stats;

/**
 * How much data a result rests on. A result computed from fewer than {@link #MIN_N} observations
 * is still reported, flagged {@link #TOO_SMALL}; a result without data holds no estimates.
 */
public enum DataStatus {

	/** No observations: every estimate is {@code null}. */
	NO_DATA,

	/** Fewer than {@link #MIN_N} observations: estimates are shown but flagged as unreliable. */
	TOO_SMALL,

	/** At least {@link #MIN_N} observations. */
	OK;

	/** The smallest number of observations a result is reported on without a flag. */
	public static final int MIN_N = 5;

	public static DataStatus of(long n) {
		if (n <= 0) {
			return NO_DATA;
		}
		return n < MIN_N ? TOO_SMALL : OK;
	}

}
