package org.spinecell.analytics.stats;

/**
 * A two-sided confidence interval.
 *
 * @param low the lower bound
 * @param high the upper bound
 */
public record Interval(double low, double high) {

}
