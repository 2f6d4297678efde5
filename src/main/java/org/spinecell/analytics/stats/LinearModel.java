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
 * No observations give {@link DataStatus#NO_DATA} and no coefficients; too few observations for the
 * coefficients, an outcome that does not vary, collinear covariates or covariates that reproduce the
 * outcome exactly throw {@link ModelFitException}; fewer than five residual
 * degrees of freedom give {@link DataStatus#TOO_SMALL}.
 *
 * @param n the number of observations
 * @param status whether there is enough data
 * @param coefficients the intercept, then one per covariate in the order given
 * @param residualDf the residual degrees of freedom
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
		List<String> coefficientNames = Design.coefficientNames(names, x, y.length);
		if (Sums.squaredDeviations(y, Sums.mean(y)) == 0) {
			throw new ModelFitException("the outcome is the same for every observation");
		}
		OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(SINGULARITY_THRESHOLD);
		ols.newSampleData(y, x);
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
		return new LinearModel(y.length, Design.status(df), coefficients, df, ols.estimateRegressionStandardError(),
				ols.calculateRSquared());
	}

}
