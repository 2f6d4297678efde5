package org.spinecell.analytics.stats;

import java.util.ArrayList;
import java.util.List;

/** Checks a regression's input and names its coefficients, the intercept first. */
final class Design {

	static final String INTERCEPT = "(Intercept)";

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
		if (x.length <= all.size()) {
			throw new ModelFitException("the model has " + all.size() + " coefficients and needs more observations than that, got "
					+ x.length);
		}
		return all;
	}

	/** The status of a fit with the given residual degrees of freedom. */
	static DataStatus status(int residualDf) {
		return residualDf < DataStatus.MIN_N ? DataStatus.TOO_SMALL : DataStatus.OK;
	}

}
