package org.spinecell.analytics.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The log-rank test of equal survival in k groups, as R's
 * {@code survival::survdiff(Surv(time, event) ~ group)} (rho = 0).
 * <p>
 * At each distinct event time with {@code n} at risk ({@code n_g} in group g) and {@code d}
 * events, group g expects {@code d · n_g / n} events, and the covariance of the observed counts is
 * {@code V_gh = d (n − d) / (n − 1) · n_g / n · (δ_gh − n_h / n)}. Summed over times, with O and E
 * the observed and expected events, the statistic is {@code (O − E)' V⁻¹ (O − E)} over the groups
 * with {@code E > 0} leaving the first out, and has {@code (number of such groups) − 1} degrees of
 * freedom; p is the upper chi-square tail. Fewer than two groups with expected events give a
 * result with {@link DataStatus#NO_DATA} and {@code null} statistic.
 *
 * @param status whether there is a test to report
 * @param groups observed and expected events per group, in the order given
 * @param chiSquare the log-rank chi-square statistic
 * @param df the degrees of freedom
 * @param p the p-value
 */
public record LogRank(DataStatus status, List<GroupEvents> groups, Double chiSquare, Integer df, Double p) {

	/**
	 * Observed and expected events in one group.
	 *
	 * @param group the group's label
	 * @param n the number of subjects
	 * @param observed the observed events
	 * @param expected the expected events under equal survival
	 */
	public record GroupEvents(String group, int n, int observed, double expected) {
	}

	public LogRank {
		groups = List.copyOf(groups);
	}

	public static LogRank of(Map<String, List<SurvivalObservation>> byGroup) {
		List<String> labels = new ArrayList<>(byGroup.keySet());
		int k = labels.size();
		TreeSet<Double> eventTimes = new TreeSet<>();
		byGroup.values().forEach(list -> list.stream().filter(SurvivalObservation::event)
			.forEach(o -> eventTimes.add(o.time())));
		double[] observed = new double[k];
		double[] expected = new double[k];
		double[][] variance = new double[k][k];
		for (double time : eventTimes) {
			double[] atRisk = new double[k];
			double atRiskAll = 0;
			double eventsAll = 0;
			for (int g = 0; g < k; g++) {
				for (SurvivalObservation o : byGroup.get(labels.get(g))) {
					if (o.time() >= time) {
						atRisk[g]++;
					}
					if (o.time() == time && o.event()) {
						observed[g]++;
						eventsAll++;
					}
				}
				atRiskAll += atRisk[g];
			}
			double factor = atRiskAll > 1 ? eventsAll * (atRiskAll - eventsAll) / (atRiskAll - 1) : 0;
			for (int g = 0; g < k; g++) {
				expected[g] += eventsAll * atRisk[g] / atRiskAll;
				for (int h = 0; h < k; h++) {
					double share = (g == h ? 1 : 0) - atRisk[h] / atRiskAll;
					variance[g][h] += factor * atRisk[g] / atRiskAll * share;
				}
			}
		}
		List<GroupEvents> groups = new ArrayList<>();
		for (int g = 0; g < k; g++) {
			groups.add(new GroupEvents(labels.get(g), byGroup.get(labels.get(g)).size(), (int) observed[g],
					expected[g]));
		}
		return test(groups, observed, expected, variance);
	}

	private static LogRank test(List<GroupEvents> groups, double[] observed, double[] expected, double[][] variance) {
		List<Integer> used = new ArrayList<>();
		for (int g = 0; g < expected.length; g++) {
			if (expected[g] > 0) {
				used.add(g);
			}
		}
		if (used.size() < 2) {
			return new LogRank(DataStatus.NO_DATA, groups, null, null, null);
		}
		int m = used.size() - 1;
		RealVector difference = new ArrayRealVector(m);
		RealMatrix v = new Array2DRowRealMatrix(m, m);
		for (int i = 0; i < m; i++) {
			int g = used.get(i + 1);
			difference.setEntry(i, observed[g] - expected[g]);
			for (int j = 0; j < m; j++) {
				v.setEntry(i, j, variance[g][used.get(j + 1)]);
			}
		}
		double chiSquare;
		try {
			chiSquare = new LUDecomposition(v).getSolver().solve(difference).dotProduct(difference);
		}
		catch (SingularMatrixException ex) {
			return new LogRank(DataStatus.NO_DATA, groups, null, null, null);
		}
		int total = groups.stream().mapToInt(GroupEvents::n).sum();
		return new LogRank(DataStatus.of(total), groups, chiSquare, m, Distributions.chiSquareUpper(chiSquare, m));
	}

}
