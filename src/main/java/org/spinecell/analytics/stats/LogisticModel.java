package org.spinecell.analytics.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * A logistic regression of a 0/1 outcome with an intercept, fitted by maximum likelihood, as R's
 * {@code glm(y ~ x1 + ... + xp, family = binomial)}: for each coefficient the estimate, the Wald
 * standard error {@code sqrt(diag((X'WX)⁻¹))} with {@code W = diag(μ(1 − μ))}, {@code z = estimate / SE},
 * the two-sided normal p and the 95 % Wald interval {@code estimate ± qnorm(0.975) · SE}
 * (not {@code confint}'s profile interval).
 * <p>
 * Fitting is iteratively reweighted least squares, each step a weighted least-squares solve by
 * Commons Math's QR decomposition, started as glm starts ({@code μ = (y + 0.5) / 2}) and stopped when
 * no coefficient moves by more than {@code 1e-10 · (|β| + 0.1)}, at most {@value #MAX_ITERATIONS}
 * steps. It throws {@link ModelFitException} when the outcome does not vary, when the steps do not
 * converge, when a fitted probability comes within {@code 1e-10} of 0 or 1 (perfect or
 * quasi-complete separation: some covariate pattern predicts the outcome exactly, so finite
 * maximum-likelihood estimates do not exist), or when the weighted design is singular. Aliased
 * covariates (linear combinations of the intercept and the covariates before them) are left out
 * and reported without an estimate, as {@code glm} reports {@code NA}; see {@link LinearModel}.
 *
 * @param n the number of observations
 * @param status whether there is enough data ({@link DataStatus#TOO_SMALL} below five residual
 * degrees of freedom)
 * @param coefficients the intercept, then one per covariate in the order given
 * @param deviance the residual deviance {@code −2 log L}
 * @param iterations the IRLS steps taken
 */
public record LogisticModel(int n, DataStatus status, List<Coefficient> coefficients, Double deviance,
		int iterations) {

	static final int MAX_ITERATIONS = 50;

	private static final double TOLERANCE = 1e-10;

	private static final double BOUNDARY = 1e-10;

	private static final double SINGULARITY_THRESHOLD = 1e-10;

	public LogisticModel {
		coefficients = List.copyOf(coefficients);
	}

	/** Fits the outcomes {@code y} (each 0 or 1) on the covariates {@code x}. */
	public static LogisticModel fit(List<String> names, double[][] x, int[] y) {
		if (y.length == 0) {
			return new LogisticModel(0, DataStatus.NO_DATA, List.of(), null, 0);
		}
		List<String> allNames = Design.coefficientNames(names, x, y.length);
		int positives = 0;
		for (int value : y) {
			if (value != 0 && value != 1) {
				throw new IllegalArgumentException("outcomes must be 0 or 1");
			}
			positives += value;
		}
		if (positives == 0 || positives == y.length) {
			throw new ModelFitException("the outcome is the same for every observation");
		}
		boolean[] aliased = Design.aliased(x);
		List<String> coefficientNames = Design.kept(allNames, aliased);
		Design.requireMoreObservations(coefficientNames.size(), y.length);
		RealMatrix design = withIntercept(Design.kept(x, aliased));
		int n = y.length;
		double[] mu = new double[n];
		double[] eta = new double[n];
		for (int i = 0; i < n; i++) {
			mu[i] = (y[i] + 0.5) / 2;
			eta[i] = Math.log(mu[i] / (1 - mu[i]));
		}
		RealVector beta = null;
		for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
			RealVector next = weightedStep(design, y, mu, eta);
			eta = design.operate(next).toArray();
			for (int i = 0; i < n; i++) {
				mu[i] = 1 / (1 + Math.exp(-eta[i]));
				if (!(mu[i] > 0 && mu[i] < 1)) {
					throw separation();
				}
			}
			if (beta != null && converged(beta, next)) {
				LogisticModel fitted = result(coefficientNames, design, y, next, mu, iteration);
				return new LogisticModel(fitted.n(), fitted.status(),
						Design.withAliased(allNames, aliased, fitted.coefficients()), fitted.deviance(), iteration);
			}
			beta = next;
		}
		throw new ModelFitException("the logistic model did not converge in " + MAX_ITERATIONS
				+ " iterations; a covariate may separate the outcomes");
	}

	/** The predicted probability for one covariate row (without the intercept column). */
	public double probability(double[] row) {
		if (row.length != coefficients.size() - 1) {
			throw new IllegalArgumentException("the row needs " + (coefficients.size() - 1) + " values");
		}
		double linear = coefficients.get(0).estimate();
		for (int j = 0; j < row.length; j++) {
			Coefficient c = coefficients.get(j + 1);
			// an aliased covariate adds nothing: glm's predictions leave its column out too
			linear += c.aliased() ? 0 : c.estimate() * row[j];
		}
		return 1 / (1 + Math.exp(-linear));
	}

	private static RealVector weightedStep(RealMatrix design, int[] y, double[] mu, double[] eta) {
		int n = y.length;
		RealMatrix weighted = new Array2DRowRealMatrix(n, design.getColumnDimension());
		RealVector response = new ArrayRealVector(n);
		for (int i = 0; i < n; i++) {
			double w = mu[i] * (1 - mu[i]);
			double root = Math.sqrt(w);
			for (int j = 0; j < design.getColumnDimension(); j++) {
				weighted.setEntry(i, j, root * design.getEntry(i, j));
			}
			response.setEntry(i, root * (eta[i] + (y[i] - mu[i]) / w));
		}
		try {
			return new QRDecomposition(weighted, SINGULARITY_THRESHOLD).getSolver().solve(response);
		}
		catch (SingularMatrixException ex) {
			throw new ModelFitException(
					"some covariates are linear combinations of others, or a covariate separates the outcomes");
		}
	}

	private static ModelFitException separation() {
		return new ModelFitException("fitted probabilities of 0 or 1 occurred: a covariate pattern predicts "
				+ "the outcome perfectly (separation), so the coefficients are not finite");
	}

	private static boolean converged(RealVector previous, RealVector next) {
		for (int j = 0; j < next.getDimension(); j++) {
			if (Math.abs(next.getEntry(j) - previous.getEntry(j)) > TOLERANCE * (Math.abs(next.getEntry(j)) + 0.1)) {
				return false;
			}
		}
		return true;
	}

	private static LogisticModel result(List<String> names, RealMatrix design, int[] y, RealVector beta, double[] mu,
			int iterations) {
		int n = y.length;
		int p = design.getColumnDimension();
		RealMatrix information = new Array2DRowRealMatrix(p, p);
		double deviance = 0;
		for (int i = 0; i < n; i++) {
			if (!(mu[i] > BOUNDARY && mu[i] < 1 - BOUNDARY)) {
				throw separation();
			}
			double w = mu[i] * (1 - mu[i]);
			for (int j = 0; j < p; j++) {
				for (int k = 0; k < p; k++) {
					information.addToEntry(j, k, w * design.getEntry(i, j) * design.getEntry(i, k));
				}
			}
			deviance -= 2 * (y[i] == 1 ? Math.log(mu[i]) : Math.log(1 - mu[i]));
		}
		RealMatrix covariance = new QRDecomposition(information).getSolver().getInverse();
		double z975 = Distributions.normalQuantile(0.975);
		List<Coefficient> coefficients = new ArrayList<>();
		for (int j = 0; j < p; j++) {
			double estimate = beta.getEntry(j);
			double se = Math.sqrt(covariance.getEntry(j, j));
			double z = estimate / se;
			coefficients.add(new Coefficient(names.get(j), estimate, se, z, Distributions.normalTwoSided(z),
					new Interval(estimate - z975 * se, estimate + z975 * se)));
		}
		return new LogisticModel(n, Design.status(n - p), coefficients, deviance, iterations);
	}

	private static RealMatrix withIntercept(double[][] x) {
		RealMatrix design = new Array2DRowRealMatrix(x.length, x[0].length + 1);
		for (int i = 0; i < x.length; i++) {
			design.setEntry(i, 0, 1);
			for (int j = 0; j < x[i].length; j++) {
				design.setEntry(i, j + 1, x[i][j]);
			}
		}
		return design;
	}

}
