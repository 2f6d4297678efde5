package org.spinecell.analytics.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * A multivariable linear model fitted by ordinary least squares with an intercept, as R's
 * {@code lm(y ~ x1 + ... + xp)} and {@code summary}/{@code confint} of it: for each coefficient the
 * estimate, its standard error {@code sqrt(σ² (X'X)⁻¹)}, {@code t = estimate / SE}, the two-sided p from
 * the t distribution on {@code n − p − 1} residual degrees of freedom and the 95 % interval
 * {@code estimate ± qt(0.975, df) · SE}. Fitted through Commons Math's QR-based
 * {@link OLSMultipleLinearRegression}. Factors enter as 0/1 indicator columns chosen by the caller.
 * <p>
 * <p>
 * As {@code lm} does, a covariate whose column is a linear combination of the intercept and the
 * covariates before it (an indicator that is all zero in a small cohort, two indicators that add
 * up to another) is aliased: it is left out of the fit and reported with no estimate
 * ({@link Coefficient#aliased()}), and the rest is fitted as if it were not there; see
 * {@link Design#aliased(double[][])}. Full-rank data are fitted exactly as before.
 * <p>
 * No observations give {@link DataStatus#NO_DATA} and no coefficients; no more observations than
 * estimable coefficients, an outcome that does not vary or covariates that reproduce the
 * outcome exactly throw {@link ModelFitException}; fewer than five residual
 * degrees of freedom give {@link DataStatus#TOO_SMALL}.
 *
 * @param n the number of observations
 * @param status whether there is enough data
 * @param coefficients the intercept, then one per covariate in the order given (aliased ones included)
 * @param residualDf the residual degrees of freedom, n minus the estimated coefficients
 * @param sigma the residual standard error
 * @param rSquared the coefficient of determination
 */
public record LinearModel(int n, DataStatus status, List<Coefficient> coefficients, Integer residualDf, Double sigma,
		Double rSquared) {

	/** Pivots below this make the design count as singular (collinear covariates). */
	private static final double SINGULARITY_THRESHOLD = 1e-10;

	/** A residual sum of squares this small relative to the total counts as an exact fit. */
	private static final double EXACT_FIT = 1e-20;

	public LinearModel {
		coefficients = List.copyOf(coefficients);
	}

	/**
	 * Fits {@code y} on the covariates {@code x} (one row per observation, one column per name).
	 */
	public static LinearModel fit(List<String> names, double[][] x, double[] y) {
		if (y.length == 0) {
			return new LinearModel(0, DataStatus.NO_DATA, List.of(), null, null, null);
		}
		MeanSummary.requireFinite(y);
		List<String> allNames = Design.coefficientNames(names, x, y.length);
		if (Sums.squaredDeviations(y, Sums.mean(y)) == 0) {
			throw new ModelFitException("the outcome is the same for every observation");
		}
		boolean[] aliased = Design.aliased(x);
		List<String> coefficientNames = Design.kept(allNames, aliased);
		Design.requireMoreObservations(coefficientNames.size(), y.length);
		OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(SINGULARITY_THRESHOLD);
		ols.newSampleData(y, Design.kept(x, aliased));
		double[] beta;
		double[] se;
		try {
			beta = ols.estimateRegressionParameters();
			se = ols.estimateRegressionParametersStandardErrors();
		}
		catch (SingularMatrixException ex) {
			throw new ModelFitException("some covariates are linear combinations of others");
		}
		if (ols.calculateResidualSumOfSquares() <= EXACT_FIT * ols.calculateTotalSumOfSquares()) {
			throw new ModelFitException("the covariates reproduce the outcome exactly, so there is no residual "
					+ "variation to estimate standard errors from");
		}
		int df = y.length - coefficientNames.size();
		double t975 = Distributions.tQuantile(0.975, df);
		List<Coefficient> coefficients = new ArrayList<>();
		for (int j = 0; j < beta.length; j++) {
			double t = beta[j] / se[j];
			coefficients.add(new Coefficient(coefficientNames.get(j), beta[j], se[j], t, Distributions.tTwoSided(t, df),
					new Interval(beta[j] - t975 * se[j], beta[j] + t975 * se[j])));
		}
		return new LinearModel(y.length, Design.status(df), Design.withAliased(allNames, aliased, coefficients), df, ols.estimateRegressionStandardError(),
				ols.calculateRSquared());
	}

}
