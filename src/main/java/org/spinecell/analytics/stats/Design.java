package org.spinecell.analytics.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Checks a regression's input, names its coefficients (the intercept first) and finds aliased
 * columns as R's {@code lm} does.
 */
final class Design {

	static final String INTERCEPT = "(Intercept)";

	/** R's {@code lm} default {@code tol} for its pivoting QR decomposition. */
	static final double ALIAS_TOLERANCE = 1e-7;

	private Design() {
	}

	/** The coefficient names, after checking that x is n × names.size() and finite and y has n entries. */
	static List<String> coefficientNames(List<String> names, double[][] x, int responses) {
		if (x.length != responses) {
			throw new IllegalArgumentException("covariate rows and responses differ in number");
		}
		for (double[] row : x) {
			if (row.length != names.size()) {
				throw new IllegalArgumentException("every covariate row needs " + names.size() + " values");
			}
			MeanSummary.requireFinite(row);
		}
		List<String> all = new ArrayList<>();
		all.add(INTERCEPT);
		all.addAll(names);
		return all;
	}

	/** Refuses a fit of {@code estimated} coefficients on no more observations than that. */
	static void requireMoreObservations(int estimated, int observations) {
		if (observations <= estimated) {
			throw new ModelFitException("the model has " + estimated
					+ " coefficients that can be estimated and needs more observations than that, got " + observations);
		}
	}

	/**
	 * Which columns of the design {@code [1 | x]} are aliased, as R's {@code lm} decides with its
	 * limited-pivoting QR ({@code dqrdc2}, {@code tol = 1e-7}): taking the columns in order, a column
	 * is aliased when what is left of it after projecting out the columns kept before it has a norm
	 * below {@code tol} times its own norm (a column of zeros is always aliased). The norms are the
	 * diagonal of Commons Math's Householder QR of the kept columns, which equals that residual
	 * norm for every column up to the first aliased one; so the decomposition is repeated without
	 * each aliased column found. Full-rank designs take one decomposition.
	 *
	 * @return one flag per column of the design, the intercept first
	 */
	static boolean[] aliased(double[][] x) {
		int n = x.length;
		int columns = (n == 0 ? 0 : x[0].length) + 1;
		boolean[] aliased = new boolean[columns];
		while (true) {
			List<Integer> kept = new ArrayList<>();
			for (int j = 0; j < columns; j++) {
				if (!aliased[j]) {
					kept.add(j);
				}
			}
			RealMatrix design = new Array2DRowRealMatrix(n, kept.size());
			for (int i = 0; i < n; i++) {
				for (int k = 0; k < kept.size(); k++) {
					design.setEntry(i, k, kept.get(k) == 0 ? 1 : x[i][kept.get(k) - 1]);
				}
			}
			RealMatrix r = new QRDecomposition(design).getR();
			int first = -1;
			for (int k = 0; k < kept.size() && first < 0; k++) {
				double norm = design.getColumnVector(k).getNorm();
				// Beyond the n-th column nothing is left: n observations span at most n columns.
				if (k >= n || Math.abs(r.getEntry(k, k)) < ALIAS_TOLERANCE * (norm == 0 ? 1 : norm)) {
					first = k;
				}
			}
			if (first < 0) {
				return aliased;
			}
			aliased[kept.get(first)] = true;
		}
	}

	/** The covariate columns of x that are not aliased ({@code aliased} has the intercept first). */
	static double[][] kept(double[][] x, boolean[] aliased) {
		double[][] kept = new double[x.length][];
		for (int i = 0; i < x.length; i++) {
			double[] row = new double[countKept(aliased) - 1];
			int k = 0;
			for (int j = 1; j < aliased.length; j++) {
				if (!aliased[j]) {
					row[k++] = x[i][j - 1];
				}
			}
			kept[i] = row;
		}
		return kept;
	}

	/** The names of the columns that are not aliased. */
	static List<String> kept(List<String> names, boolean[] aliased) {
		List<String> kept = new ArrayList<>();
		for (int j = 0; j < aliased.length; j++) {
			if (!aliased[j]) {
				kept.add(names.get(j));
			}
		}
		return kept;
	}

	static int countKept(boolean[] aliased) {
		int kept = 0;
		for (boolean a : aliased) {
			kept += a ? 0 : 1;
		}
		return kept;
	}

	/** The coefficients fitted on the kept columns, with an aliased entry in place of each dropped one. */
	static List<Coefficient> withAliased(List<String> names, boolean[] aliased, List<Coefficient> fitted) {
		List<Coefficient> all = new ArrayList<>();
		int k = 0;
		for (int j = 0; j < aliased.length; j++) {
			all.add(aliased[j] ? Coefficient.aliased(names.get(j)) : fitted.get(k++));
		}
		return all;
	}

	/** The status of a fit with the given residual degrees of freedom. */
	static DataStatus status(int residualDf) {
		return residualDf < DataStatus.MIN_N ? DataStatus.TOO_SMALL : DataStatus.OK;
	}

}
