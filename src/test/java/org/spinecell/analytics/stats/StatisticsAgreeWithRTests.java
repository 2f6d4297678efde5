package org.spinecell.analytics.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spinecell.analytics.stats.RFixture.Row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.analytics.stats.RFixture.COHORT;
import static org.spinecell.analytics.stats.RFixture.COVARIATES;
import static org.spinecell.analytics.stats.RFixture.GROUPS;
import static org.spinecell.analytics.stats.RFixture.agrees;
import static org.spinecell.analytics.stats.RFixture.agreesOrUndefined;
import static org.spinecell.analytics.stats.RFixture.expected;
import static org.spinecell.analytics.stats.RFixture.where;

/** Every statistic of the core, on the synthetic cohort, equals R's to 1e-6 (see fixtures.R). */
class StatisticsAgreeWithRTests {

	@Test
	void fixturesHoldTheWholeCohort() {
		assertThat(COHORT).hasSize(300);
		assertThat(RFixture.EXPECTED).hasSizeGreaterThan(2000);
	}

	@Test
	void proportionsMatchPropTestAndBinomTest() {
		long responders = COHORT.stream().filter(row -> row.responder() == 1).count();
		long[][] cases = { { 3, 1000 }, { 0, 10 }, { 10, 10 }, { 1, 1 }, { 3, 4 }, { 57, 300 }, { responders, 300 }, { 299, 300 } };
		for (long[] c : cases) {
			Proportion p = Proportion.of(c[0], c[1]);
			String key = "prop." + c[0] + "." + c[1];
			agrees(key + ".estimate", p.estimate());
			agrees(key + ".wilson.low", p.wilson().low());
			agrees(key + ".wilson.high", p.wilson().high());
			agrees(key + ".exact.low", p.exact().low());
			agrees(key + ".exact.high", p.exact().high());
		}
	}

	@Test
	void meansSdsAndMeanChangesMatchTTest() {
		List<String> keys = new ArrayList<>(List.of("all"));
		keys.addAll(GROUPS);
		for (String key : keys) {
			List<Row> rows = key.equals("all") ? COHORT : where(row -> row.group().equals(key));
			MeanSummary baseline = MeanSummary.of(rows.stream().mapToDouble(Row::baseline).toArray());
			MeanSummary change = MeanSummary.ofChange(rows.stream().mapToDouble(Row::baseline).toArray(),
					rows.stream().mapToDouble(Row::followup).toArray());
			assertThat(baseline.n()).isEqualTo((int) expected("mean." + key + ".n"));
			assertThat(baseline.status()).isEqualTo(DataStatus.OK);
			agrees("mean." + key + ".mean", baseline.mean());
			agrees("mean." + key + ".sd", baseline.sd());
			agrees("mean." + key + ".low", baseline.ci().low());
			agrees("mean." + key + ".high", baseline.ci().high());
			agrees("change." + key + ".mean", change.mean());
			agrees("change." + key + ".sd", change.sd());
			agrees("change." + key + ".low", change.ci().low());
			agrees("change." + key + ".high", change.ci().high());
		}
		MeanSummary small = MeanSummary.of(12.5, 14, 9);
		assertThat(small.status()).isEqualTo(DataStatus.TOO_SMALL);
		agrees("mean.small.mean", small.mean());
		agrees("mean.small.sd", small.sd());
		agrees("mean.small.low", small.ci().low());
		agrees("mean.small.high", small.ci().high());
	}

	@Test
	void welchAndAnovaMatchOnewayTestAndAnovaLm() {
		List<double[]> changes = GROUPS.stream()
			.map(group -> where(row -> row.group().equals(group)).stream().mapToDouble(Row::change).toArray())
			.toList();
		GroupComparison welch = GroupComparison.welch(changes);
		agrees("welch.f", welch.statistic());
		agrees("welch.df1", welch.df1());
		agrees("welch.df2", welch.df2());
		agrees("welch.p", welch.p());
		GroupComparison anova = GroupComparison.anova(changes);
		agrees("anova.f", anova.statistic());
		agrees("anova.df1", anova.df1());
		agrees("anova.df2", anova.df2());
		agrees("anova.p", anova.p());
	}

	@Test
	void chiSquareMatchesChisqTestAndPropTest() {
		long[] x = new long[GROUPS.size()];
		long[] n = new long[GROUPS.size()];
		for (Row row : COHORT) {
			int g = GROUPS.indexOf(row.group());
			x[g] += row.responder();
			n[g]++;
		}
		GroupComparison test = GroupComparison.chiSquare(x, n);
		assertThat(test.status()).isEqualTo(DataStatus.OK);
		agrees("chisq.statistic", test.statistic());
		agrees("chisq.df", test.df1());
		agrees("chisq.p", test.p());
		agrees("proptest.statistic", test.statistic());
		agrees("proptest.p", test.p());
		assertThat(test.df2()).isNull();
	}

	@Test
	void kaplanMeierMatchesSurvfitWithLogLogIntervals() {
		assertCohortCurve("km.all", COHORT);
		for (String group : GROUPS) {
			assertCohortCurve("km." + group, where(row -> row.group().equals(group)));
		}
	}

	@Test
	void kaplanMeierLeavesOutIntervalsWhereSurvfitHasNone() {
		assertCurve("km.small", List.of(new SurvivalObservation(1, false), new SurvivalObservation(2, true),
				new SurvivalObservation(2, false), new SurvivalObservation(3, true), new SurvivalObservation(4, true)));
	}

	private static void assertCohortCurve(String key, List<Row> rows) {
		assertCurve(key, rows.stream().map(Row::survival).toList());
	}

	private static void assertCurve(String key, List<SurvivalObservation> observations) {
		KaplanMeier curve = KaplanMeier.of(observations);
		assertThat(curve.steps()).hasSize((int) expected(key + ".steps"));
		for (int i = 0; i < curve.steps().size(); i++) {
			KaplanMeier.Step step = curve.steps().get(i);
			String k = key + "." + (i + 1);
			agrees(k + ".time", step.time());
			agrees(k + ".nrisk", step.nRisk());
			agrees(k + ".nevent", step.nEvent());
			agrees(k + ".ncensor", step.nCensor());
			agrees(k + ".surv", step.survival());
			agreesOrUndefined(k + ".stderr", step.stdErr());
			agreesOrUndefined(k + ".low", step.ciLow());
			agreesOrUndefined(k + ".high", step.ciHigh());
		}
	}

	@Test
	void logRankMatchesSurvdiff() {
		LogRank test = LogRank.of(byGroup(GROUPS));
		agrees("logrank.chisq", test.chiSquare());
		agrees("logrank.df", test.df());
		agrees("logrank.p", test.p());
		for (LogRank.GroupEvents group : test.groups()) {
			agrees("logrank." + group.group() + ".observed", group.observed());
			agrees("logrank." + group.group() + ".expected", group.expected());
		}
		LogRank two = LogRank.of(byGroup(GROUPS.subList(0, 2)));
		assertThat(two.df()).isEqualTo(1);
		agrees("logrank2.chisq", two.chiSquare());
		agrees("logrank2.p", two.p());
	}

	private static Map<String, List<SurvivalObservation>> byGroup(List<String> groups) {
		Map<String, List<SurvivalObservation>> byGroup = new LinkedHashMap<>();
		for (String group : groups) {
			byGroup.put(group, where(row -> row.group().equals(group)).stream().map(Row::survival).toList());
		}
		return byGroup;
	}

	@Test
	void linearModelMatchesLm() {
		LinearModel model = LinearModel.fit(COVARIATES, covariates(), COHORT.stream().mapToDouble(Row::change).toArray());
		assertThat(model.coefficients()).hasSize(7);
		assertCoefficients("lm.", "t", model.coefficients());
		agrees("lm.df", model.residualDf());
		agrees("lm.sigma", model.sigma());
		agrees("lm.r2", model.rSquared());
	}

	@Test
	void linearModelDropsAliasedColumnsAsLmDoesAndFitsTheRest() {
		LinearModel model = LinearModel.fit(RFixture.ALIASED_COVARIATES, RFixture.aliasedCovariates(),
				COHORT.stream().mapToDouble(Row::change).toArray());
		assertThat(model.coefficients()).hasSize(10);
		assertThat(model.coefficients().stream().filter(Coefficient::aliased).map(Coefficient::name))
			.containsExactly("groupNONE", "ageSex", "groupAny");
		assertAliasedOrAgrees("lmalias.", "t", model.coefficients());
		agrees("lmalias.df", model.residualDf());
		agrees("lmalias.sigma", model.sigma());
		agrees("lmalias.r2", model.rSquared());
		// Dropping the aliased columns leaves the full-rank model of linearModelMatchesLm.
		for (Coefficient c : model.coefficients()) {
			if (!c.aliased()) {
				agrees("lm." + c.name() + ".estimate", c.estimate());
			}
		}
		agrees("lm.df", model.residualDf());
	}

	@Test
	void logisticModelDropsAliasedColumnsAsGlmDoes() {
		LogisticModel model = LogisticModel.fit(RFixture.ALIASED_COVARIATES, RFixture.aliasedCovariates(),
				COHORT.stream().mapToInt(Row::responder).toArray());
		assertThat(model.coefficients().stream().filter(Coefficient::aliased).map(Coefficient::name))
			.containsExactly("groupNONE", "ageSex", "groupAny");
		assertAliasedOrAgrees("glmalias.", "z", model.coefficients());
		agrees("glmalias.deviance", model.deviance());
		double[][] x = RFixture.aliasedCovariates();
		for (int id : new int[] { 1, 2, 3, 150, 300 }) {
			agrees("glmalias.fitted." + id, model.probability(x[id - 1]));
		}
	}

	private static void assertAliasedOrAgrees(String prefix, String statistic, List<Coefficient> coefficients) {
		for (Coefficient c : coefficients) {
			String key = prefix + c.name() + ".estimate";
			assertThat(RFixture.EXPECTED).as(key).containsKey(key);
			if (RFixture.EXPECTED.get(key) == null) {
				assertThat(c.aliased()).as(c.name()).isTrue();
				assertThat(c.estimate()).isNull();
				assertThat(c.ci()).isNull();
			}
			else {
				assertThat(c.aliased()).as(c.name()).isFalse();
				assertCoefficients(prefix, statistic, List.of(c));
			}
		}
	}

	@Test
	void logisticModelMatchesGlmWithWaldIntervalsAndFittedProbabilities() {
		LogisticModel model = logistic();
		assertThat(model.coefficients()).hasSize(7);
		assertCoefficients("glm.", "z", model.coefficients());
		agrees("glm.deviance", model.deviance());
		for (int id : new int[] { 1, 2, 3, 150, 300 }) {
			agrees("glm.fitted." + id, model.probability(COHORT.get(id - 1).covariates()));
		}
	}

	@Test
	void funnelMatchesObservedExpectedAndQbinomLimits() {
		LogisticModel model = logistic();
		Funnel funnel = Funnel.of(COHORT.stream()
			.map(row -> new Funnel.Patient(row.unit(), row.responder() == 1, model.probability(row.covariates())))
			.toList());
		agrees("funnel.target", funnel.target());
		assertThat(funnel.units()).hasSize(8);
		for (Funnel.Unit unit : funnel.units()) {
			String k = "funnel." + unit.unit();
			agrees(k + ".n", unit.n());
			agrees(k + ".observed", unit.observed());
			agrees(k + ".expected", unit.expected());
			agrees(k + ".ratio", unit.ratio());
			assertLimits(k + ".limit.", unit.limits());
		}
		for (int n : new int[] { 5, 17, 40, 100, 1000 }) {
			assertLimits("funnel.curve." + n + ".", Funnel.limits(n, funnel.target()));
		}
	}

	private static void assertLimits(String prefix, Funnel.Limits limits) {
		agrees(prefix + "0.001", limits.low998());
		agrees(prefix + "0.025", limits.low95());
		agrees(prefix + "0.975", limits.high95());
		agrees(prefix + "0.999", limits.high998());
	}

	private static void assertCoefficients(String prefix, String statistic, List<Coefficient> coefficients) {
		for (Coefficient c : coefficients) {
			String k = prefix + c.name();
			agrees(k + ".estimate", c.estimate());
			agrees(k + ".se", c.stdError());
			agrees(k + "." + statistic, c.statistic());
			agrees(k + ".p", c.p());
			agrees(k + ".low", c.ci().low());
			agrees(k + ".high", c.ci().high());
		}
	}

	private static LogisticModel logistic() {
		return LogisticModel.fit(COVARIATES, covariates(), COHORT.stream().mapToInt(Row::responder).toArray());
	}

	private static double[][] covariates() {
		return COHORT.stream().map(Row::covariates).toArray(double[][]::new);
	}

}
