package org.spinecell.analytics.stats;

/**
 * One regression coefficient. An aliased coefficient — its covariate is a linear combination of
 * the intercept and the covariates before it, e.g. a dummy column that is all zero in the cohort —
 * has no estimate, as R's {@code lm} and {@code glm} report {@code NA} for it: every value is
 * {@code null} and {@code aliased} is true.
 *
 * @param name the covariate's name, {@code (Intercept)} for the intercept
 * @param estimate the estimate
 * @param stdError its standard error
 * @param statistic {@code estimate / stdError}: t for a linear model, the Wald z for a logistic one
 * @param p the two-sided p-value of that statistic
 * @param ci the 95 % interval
 * @param aliased whether the coefficient was left out of the fit as aliased
 */
public record Coefficient(String name, Double estimate, Double stdError, Double statistic, Double p, Interval ci,
		boolean aliased) {

	/** An estimated coefficient. */
	public Coefficient(String name, double estimate, double stdError, double statistic, double p, Interval ci) {
		this(name, (Double) estimate, (Double) stdError, (Double) statistic, (Double) p, ci, false);
	}

	/** A coefficient dropped from the fit because its column is linearly dependent on earlier ones. */
	public static Coefficient aliased(String name) {
		return new Coefficient(name, null, null, null, null, null, true);
	}

}
