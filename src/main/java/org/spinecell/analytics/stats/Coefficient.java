package org.spinecell.analytics.stats;

/**
 * One estimated regression coefficient.
 *
 * @param name the covariate's name, {@code (Intercept)} for the intercept
 * @param estimate the estimate
 * @param stdError its standard error
 * @param statistic {@code estimate / stdError}: t for a linear model, the Wald z for a logistic one
 * @param p the two-sided p-value of that statistic
 * @param ci the 95 % interval
 */
public record Coefficient(String name, double estimate, double stdError, double statistic, double p, Interval ci) {
}
