package org.spinecell.analytics.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * A test of whether groups differ, for a stratified summary.
 * <ul>
 * <li>{@link #welch}: Welch's one-way test of equal means without assuming equal variances, as R's
 * {@code oneway.test(y ~ g, var.equal = FALSE)}. With weights {@code w_i = n_i / s_i²},
 * {@code m = Σ w_i ȳ_i / Σ w_i}, {@code λ = Σ (1 − w_i / Σ w)² / (n_i − 1)} and k groups:
 * {@code F = (Σ w_i (ȳ_i − m)² / (k − 1)) / (1 + 2 (k − 2) λ / (k² − 1))} on {@code k − 1} and
 * {@code (k² − 1) / (3 λ)} degrees of freedom. Needs every group to have n ≥ 2 and a positive
 * variance.</li>
 * <li>{@link #anova}: the classic one-way analysis of variance, as {@code anova(lm(y ~ g))}:
 * between-group over within-group mean squares on {@code k − 1} and {@code N − k} degrees of freedom.
 * Needs N > k and some variation within groups.</li>
 * <li>{@link #chiSquare}: Pearson's chi-square test of equal proportions, as
 * {@code chisq.test(table, correct = FALSE)} on the k × 2 table of successes and failures, which is
 * {@code prop.test(x, n, correct = FALSE)}: {@code Σ (O − E)² / E} on {@code k − 1} degrees of
 * freedom. Needs at least one success and one failure.</li>
 * </ul>
 * Empty groups are left out. When fewer than two groups remain or a condition above fails, the
 * result has status {@link DataStatus#NO_DATA}, a {@code note} saying why and {@code null}
 * statistic, degrees of freedom and p.
 *
 * @param test the test's name: {@code welch}, {@code anova} or {@code chi-square}
 * @param status whether there is a test to report; {@link DataStatus#TOO_SMALL} when a group has
 * fewer than five observations
 * @param note why the test could not be done, or {@code null}
 * @param statistic the F or chi-square statistic
 * @param df1 the (numerator) degrees of freedom
 * @param df2 the denominator degrees of freedom of an F test, {@code null} for chi-square
 * @param p the p-value
 */
public record GroupComparison(String test, DataStatus status, String note, Double statistic, Double df1, Double df2,
		Double p) {

	/** Welch's test of equal means; each array holds one group's values. */
	public static GroupComparison welch(List<double[]> groups) {
		List<double[]> present = present(groups);
		String problem = present.size() < 2 ? "fewer than two groups have data" : null;
		for (double[] group : present) {
			if (problem == null && (group.length < 2 || variance(group) == 0)) {
				problem = "every group needs at least two different values";
			}
		}
		if (problem != null) {
			return notPossible("welch", problem);
		}
		int k = present.size();
		double[] weights = new double[k];
		double[] means = new double[k];
		double weightSum = 0;
		for (int i = 0; i < k; i++) {
			means[i] = Sums.mean(present.get(i));
			weights[i] = present.get(i).length / variance(present.get(i));
			weightSum += weights[i];
		}
		double grand = 0;
		for (int i = 0; i < k; i++) {
			grand += weights[i] * means[i] / weightSum;
		}
		double between = 0;
		double lambda = 0;
		for (int i = 0; i < k; i++) {
			between += weights[i] * (means[i] - grand) * (means[i] - grand);
			double share = 1 - weights[i] / weightSum;
			lambda += share * share / (present.get(i).length - 1);
		}
		double f = between / (k - 1) / (1 + 2.0 * (k - 2) * lambda / (k * k - 1.0));
		double df2 = (k * k - 1.0) / (3 * lambda);
		return new GroupComparison("welch", status(present), null, f, k - 1.0, df2,
				Distributions.fUpper(f, k - 1, df2));
	}

	/** The one-way analysis of variance; each array holds one group's values. */
	public static GroupComparison anova(List<double[]> groups) {
		List<double[]> present = present(groups);
		int total = present.stream().mapToInt(group -> group.length).sum();
		int k = present.size();
		if (k < 2 || total <= k) {
			return notPossible("anova", "needs at least two groups and more observations than groups");
		}
		double grand = present.stream().flatMapToDouble(Arrays::stream).sum() / total;
		double between = 0;
		double within = 0;
		for (double[] group : present) {
			double mean = Sums.mean(group);
			between += group.length * (mean - grand) * (mean - grand);
			within += Sums.squaredDeviations(group, mean);
		}
		if (within == 0) {
			return notPossible("anova", "no variation within groups");
		}
		double f = (between / (k - 1)) / (within / (total - k));
		return new GroupComparison("anova", status(present), null, f, k - 1.0, (double) (total - k),
				Distributions.fUpper(f, k - 1, total - k));
	}

	/** Pearson's chi-square test of equal proportions in groups of {@code x[i]} successes out of {@code n[i]}. */
	public static GroupComparison chiSquare(long[] x, long[] n) {
		if (x.length != n.length) {
			throw new IllegalArgumentException("successes and totals differ in length");
		}
		List<long[]> rows = new ArrayList<>();
		long successes = 0;
		long failures = 0;
		for (int i = 0; i < x.length; i++) {
			if (x[i] < 0 || x[i] > n[i]) {
				throw new IllegalArgumentException("need 0 <= x <= n in every group");
			}
			if (n[i] > 0) {
				rows.add(new long[] { x[i], n[i] - x[i] });
				successes += x[i];
				failures += n[i] - x[i];
			}
		}
		if (rows.size() < 2) {
			return notPossible("chi-square", "fewer than two groups have data");
		}
		if (successes == 0 || failures == 0) {
			return notPossible("chi-square", "all observations fall in one category");
		}
		long[][] table = rows.toArray(long[][]::new);
		double statistic = new ChiSquareTest().chiSquare(table);
		double df = rows.size() - 1.0;
		boolean small = rows.stream().anyMatch(row -> row[0] + row[1] < DataStatus.MIN_N);
		return new GroupComparison("chi-square", small ? DataStatus.TOO_SMALL : DataStatus.OK, null, statistic, df,
				null, Distributions.chiSquareUpper(statistic, df));
	}

	private static List<double[]> present(List<double[]> groups) {
		List<double[]> present = new ArrayList<>();
		for (double[] group : groups) {
			MeanSummary.requireFinite(group);
			if (group.length > 0) {
				present.add(group);
			}
		}
		return present;
	}

	private static DataStatus status(List<double[]> groups) {
		return groups.stream().anyMatch(group -> group.length < DataStatus.MIN_N) ? DataStatus.TOO_SMALL
				: DataStatus.OK;
	}

	private static double variance(double[] values) {
		return Sums.squaredDeviations(values, Sums.mean(values)) / (values.length - 1);
	}

	private static GroupComparison notPossible(String test, String why) {
		return new GroupComparison(test, DataStatus.NO_DATA, why, null, null, null, null);
	}

}
