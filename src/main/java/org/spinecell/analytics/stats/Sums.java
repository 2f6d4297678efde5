package org.spinecell.analytics.stats;

/** Small sums shared by the tests and models. */
final class Sums {

	private Sums() {
	}

	static double mean(double[] values) {
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return sum / values.length;
	}

	static double squaredDeviations(double[] values, double mean) {
		double sum = 0;
		for (double value : values) {
			sum += (value - mean) * (value - mean);
		}
		return sum;
	}

}
