package org.spinecell.analytics.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/** The distribution functions the statistics use, all from Commons Math, without a random generator. */
final class Distributions {

	private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

	private Distributions() {
	}

	static double normalQuantile(double p) {
		return STANDARD_NORMAL.inverseCumulativeProbability(p);
	}

	/** Two-sided p-value of a standard normal statistic. */
	static double normalTwoSided(double z) {
		return 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
	}

	static double tQuantile(double p, double df) {
		return new TDistribution(null, df).inverseCumulativeProbability(p);
	}

	/** Two-sided p-value of a t statistic. */
	static double tTwoSided(double t, double df) {
		return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
	}

	/** Upper tail of the F distribution, as the regularized incomplete beta function (precise for small p). */
	static double fUpper(double f, double df1, double df2) {
		return Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
	}

	/** Upper tail of the chi-square distribution, as the regularized upper gamma function. */
	static double chiSquareUpper(double x, double df) {
		return Gamma.regularizedGammaQ(df / 2, x / 2);
	}

}
