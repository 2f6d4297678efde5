package org.spinecell.analytics.stats;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spinecell.platform.ApiProblemHandler;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** Empty and small inputs give explicit statuses and never NaN; models that cannot be fitted say why. */
class StatisticsEdgeCaseTests {

	@Test
	void anEmptyProportionHasNoDataAndNoEstimates() {
		Proportion p = Proportion.of(0, 0);
		assertThat(p.status()).isEqualTo(DataStatus.NO_DATA);
		assertThat(p.estimate()).isNull();
		assertThat(p.wilson()).isNull();
		assertThat(p.exact()).isNull();
	}

	@Test
	void aProportionOfFewerThanFiveIsFlaggedButStillEstimated() {
		Proportion p = Proportion.of(2, 4);
		assertThat(p.status()).isEqualTo(DataStatus.TOO_SMALL);
		assertThat(p.estimate()).isEqualTo(0.5);
		assertThat(p.wilson().low()).isCloseTo(1 - p.wilson().high(), offset(1e-12));
		assertThat(p.exact().low()).isLessThan(p.wilson().low());
		assertThat(Proportion.of(5, 5).status()).isEqualTo(DataStatus.OK);
		assertNoNaN(p);
	}

	@Test
	void impossibleCountsAreRefused() {
		assertThatThrownBy(() -> Proportion.of(6, 5)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Proportion.of(-1, 5)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anEmptySampleHasNoMeanAndOneValueHasNoSpread() {
		MeanSummary none = MeanSummary.of();
		assertThat(none.status()).isEqualTo(DataStatus.NO_DATA);
		assertThat(none.mean()).isNull();
		assertThat(none.ci()).isNull();
		MeanSummary one = MeanSummary.of(42);
		assertThat(one.status()).isEqualTo(DataStatus.TOO_SMALL);
		assertThat(one.mean()).isEqualTo(42.0);
		assertThat(one.sd()).isNull();
		assertThat(one.ci()).isNull();
		assertNoNaN(none);
		assertNoNaN(one);
	}

	@Test
	void aMeanChangeIsTheMeanOfPairedDifferences() {
		MeanSummary change = MeanSummary.ofChange(new double[] { 50, 40, 30, 60, 20 }, new double[] { 30, 30, 30, 40, 10 });
		assertThat(change.mean()).isEqualTo(-12.0);
		assertThat(change.sd()).isCloseTo(Math.sqrt(70), offset(1e-12));
		assertThat(change.status()).isEqualTo(DataStatus.OK);
		assertThatThrownBy(() -> MeanSummary.ofChange(new double[] { 1 }, new double[] { 1, 2 }))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> MeanSummary.of(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void groupTestsNeedTwoGroupsWithData() {
		List<double[]> oneGroup = List.of(new double[] { 1, 2, 3 }, new double[0]);
		GroupComparison welch = GroupComparison.welch(oneGroup);
		assertThat(welch.status()).isEqualTo(DataStatus.NO_DATA);
		assertThat(welch.note()).contains("two groups");
		assertThat(welch.statistic()).isNull();
		assertThat(welch.p()).isNull();
		assertThat(GroupComparison.anova(oneGroup).status()).isEqualTo(DataStatus.NO_DATA);
		assertThat(GroupComparison.chiSquare(new long[] { 3, 0 }, new long[] { 7, 0 }).status())
			.isEqualTo(DataStatus.NO_DATA);
		assertNoNaN(welch);
	}

	@Test
	void welchRefusesAGroupWithoutVarianceWhereAnovaStillWorks() {
		List<double[]> groups = List.of(new double[] { 4, 4, 4 }, new double[] { 1, 2, 3, 4, 5 });
		GroupComparison welch = GroupComparison.welch(groups);
		assertThat(welch.status()).isEqualTo(DataStatus.NO_DATA);
		assertThat(welch.note()).contains("two different values");
		GroupComparison anova = GroupComparison.anova(groups);
		assertThat(anova.status()).isEqualTo(DataStatus.TOO_SMALL);
		assertThat(anova.df1()).isEqualTo(1.0);
		assertThat(anova.df2()).isEqualTo(6.0);
		assertThat(anova.statistic()).isCloseTo(1.875 / (10.0 / 6), offset(1e-12));
	}

	@Test
	void chiSquareWithEveryoneRespondingHasNoTestAndSmallGroupsAreFlagged() {
		GroupComparison all = GroupComparison.chiSquare(new long[] { 5, 8 }, new long[] { 5, 8 });
		assertThat(all.status()).isEqualTo(DataStatus.NO_DATA);
		assertThat(all.note()).contains("one category");
		assertNoNaN(all);
		GroupComparison small = GroupComparison.chiSquare(new long[] { 1, 10 }, new long[] { 3, 20 });
		assertThat(small.status()).isEqualTo(DataStatus.TOO_SMALL);
		assertThat(small.df1()).isEqualTo(1.0);
		assertThat(small.statistic()).isGreaterThan(0);
	}

	@Test
	void kaplanMeierOfNobodyHasNoSteps() {
		KaplanMeier curve = KaplanMeier.of(List.of());
		assertThat(curve.status()).isEqualTo(DataStatus.NO_DATA);
		assertThat(curve.steps()).isEmpty();
	}

	@Test
	void kaplanMeierHasNoIntervalWhereSurvivalIsOneOrZero() {
		KaplanMeier curve = KaplanMeier.of(List.of(new SurvivalObservation(1, false), new SurvivalObservation(2, true),
				new SurvivalObservation(3, true)));
		assertThat(curve.status()).isEqualTo(DataStatus.TOO_SMALL);
		assertThat(curve.steps()).extracting(KaplanMeier.Step::time).containsExactly(1.0, 2.0, 3.0);
		KaplanMeier.Step first = curve.steps().get(0);
		assertThat(first.survival()).isEqualTo(1.0);
		assertThat(first.stdErr()).isEqualTo(0.0);
		assertThat(first.ciLow()).isNull();
		KaplanMeier.Step second = curve.steps().get(1);
		assertThat(second.nRisk()).isEqualTo(2);
		assertThat(second.survival()).isEqualTo(0.5);
		assertThat(second.stdErr()).isCloseTo(Math.sqrt(0.5), offset(1e-12));
		assertThat(second.ciLow()).isBetween(0.0, 0.5);
		assertThat(second.ciHigh()).isBetween(0.5, 1.0);
		KaplanMeier.Step last = curve.steps().get(2);
		assertThat(last.survival()).isEqualTo(0.0);
		assertThat(last.stdErr()).isNull();
		assertThat(last.ciHigh()).isNull();
		assertNoNaN(curve);
	}

	@Test
	void logRankNeedsTwoGroupsWithExpectedEvents() {
		Map<String, List<SurvivalObservation>> groups = new LinkedHashMap<>();
		groups.put("A", List.of(new SurvivalObservation(1, true), new SurvivalObservation(2, false)));
		LogRank one = LogRank.of(groups);
		assertThat(one.status()).isEqualTo(DataStatus.NO_DATA);
		assertThat(one.chiSquare()).isNull();
		groups.put("B", List.of());
		assertThat(LogRank.of(groups).status()).isEqualTo(DataStatus.NO_DATA);
		assertThat(LogRank.of(groups).groups()).extracting(LogRank.GroupEvents::observed).containsExactly(1, 0);
		assertNoNaN(one);
	}

	@Test
	void emptyModelsHaveNoDataAndNoCoefficients() {
		LinearModel linear = LinearModel.fit(List.of("x"), new double[0][], new double[0]);
		assertThat(linear.status()).isEqualTo(DataStatus.NO_DATA);
		assertThat(linear.coefficients()).isEmpty();
		assertThat(linear.sigma()).isNull();
		LogisticModel logistic = LogisticModel.fit(List.of("x"), new double[0][], new int[0]);
		assertThat(logistic.status()).isEqualTo(DataStatus.NO_DATA);
		assertThat(logistic.coefficients()).isEmpty();
		assertNoNaN(linear);
		assertNoNaN(logistic);
	}

	@Test
	void aCollinearColumnIsAliasedAndTheRestFittedAsLmDoes() {
		// b = 2a: lm(y ~ a + b) gives b NA and the simple regression of y on a (slope 0.8, intercept 0.6).
		double[][] collinear = { { 1, 2 }, { 2, 4 }, { 3, 6 }, { 4, 8 }, { 5, 10 } };
		LinearModel model = LinearModel.fit(List.of("a", "b"), collinear, new double[] { 1, 3, 2, 5, 4 });
		assertThat(model.coefficients()).extracting(Coefficient::name).containsExactly("(Intercept)", "a", "b");
		assertThat(model.coefficients()).extracting(Coefficient::aliased).containsExactly(false, false, true);
		assertThat(model.coefficients().get(0).estimate()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(model.coefficients().get(1).estimate()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(model.coefficients().get(2).estimate()).isNull();
		assertThat(model.residualDf()).isEqualTo(3);
		assertThat(model.status()).isEqualTo(DataStatus.TOO_SMALL);
		// An all-zero indicator (a code nobody in the cohort has) and a constant column (aliased with
		// the intercept) are dropped; the aliased count does not make the model "need more observations".
		double[][] dummies = { { 0, 7, 1 }, { 0, 7, 2 }, { 0, 7, 3 }, { 0, 7, 4 } };
		LinearModel small = LinearModel.fit(List.of("none", "constant", "a"), dummies, new double[] { 1, 3, 2, 5 });
		assertThat(small.coefficients()).extracting(Coefficient::aliased).containsExactly(false, true, true, false);
		assertThat(small.residualDf()).isEqualTo(2);
		int[] responded = { 0, 1, 0, 1, 1, 0, 1, 0 };
		double[][] logisticX = { { 1, 0 }, { 2, 0 }, { 3, 0 }, { 4, 0 }, { 5, 0 }, { 6, 0 }, { 7, 0 }, { 8, 0 } };
		LogisticModel logistic = LogisticModel.fit(List.of("a", "none"), logisticX, responded);
		assertThat(logistic.coefficients()).extracting(Coefficient::aliased).containsExactly(false, false, true);
		assertThat(logistic.probability(new double[] { 3, 99 })).isEqualTo(logistic.probability(new double[] { 3, 0 }));
	}

	@Test
	void modelsThatCannotBeFittedSayWhyAsUnprocessableInput() {
		assertThatThrownBy(() -> LinearModel.fit(List.of("a"), new double[][] { { 1 }, { 2 } }, new double[] { 1, 2 }))
			.isInstanceOf(ModelFitException.class)
			.hasMessageContaining("needs more observations")
			.satisfies(ex -> assertThat(ApiProblemHandler.status((ModelFitException) ex)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
		assertThatThrownBy(() -> LinearModel.fit(List.of("a"), new double[][] { { 1 }, { 2 }, { 3 } },
				new double[] { 2, 4, 6 }))
			.isInstanceOf(ModelFitException.class)
			.hasMessageContaining("exactly");
		assertThatThrownBy(() -> LogisticModel.fit(List.of("a"), new double[][] { { 1 }, { 2 }, { 3 } },
				new int[] { 1, 1, 1 }))
			.isInstanceOf(ModelFitException.class)
			.hasMessageContaining("same for every observation");
	}

	@Test
	void perfectSeparationIsReportedNotFitted() {
		double[][] x = { { 1 }, { 2 }, { 3 }, { 4 }, { 5 }, { 6 }, { 7 }, { 8 } };
		assertThatThrownBy(() -> LogisticModel.fit(List.of("dose"), x, new int[] { 0, 0, 0, 0, 1, 1, 1, 1 }))
			.isInstanceOf(ModelFitException.class)
			.hasMessageContaining("separat");
		double[][] overlapAtFour = { { 1 }, { 2 }, { 3 }, { 4 }, { 4 }, { 5 }, { 6 }, { 7 } };
		assertThatThrownBy(() -> LogisticModel.fit(List.of("dose"), overlapAtFour, new int[] { 0, 0, 0, 0, 1, 1, 1, 1 }))
			.as("quasi-complete separation")
			.isInstanceOf(ModelFitException.class)
			.hasMessageContaining("separat");
	}

	@Test
	void aSmallLogisticModelIsFittedAndFlagged() {
		double[][] x = { { 1 }, { 2 }, { 3 }, { 4 }, { 5 }, { 6 } };
		LogisticModel model = LogisticModel.fit(List.of("dose"), x, new int[] { 0, 1, 0, 1, 0, 1 });
		assertThat(model.status()).isEqualTo(DataStatus.TOO_SMALL);
		assertThat(model.coefficients()).extracting(Coefficient::name).containsExactly("(Intercept)", "dose");
		assertThat(model.probability(new double[] { 3.5 })).isCloseTo(0.5, offset(1e-9));
		assertNoNaN(model);
	}

	@Test
	void aFunnelWithoutPatientsHasNoTargetAndAllRespondersGiveNoLimits() {
		Funnel empty = Funnel.of(List.of());
		assertThat(empty.status()).isEqualTo(DataStatus.NO_DATA);
		assertThat(empty.target()).isNull();
		assertThat(empty.units()).isEmpty();
		Funnel all = Funnel.of(List.of(new Funnel.Patient("OP1", true, 0.9), new Funnel.Patient("OP1", true, 0.8)));
		Funnel.Unit unit = all.units().get(0);
		assertThat(all.target()).isEqualTo(1.0);
		assertThat(unit.status()).isEqualTo(DataStatus.TOO_SMALL);
		assertThat(unit.ratio()).isCloseTo(2 / 1.7, offset(1e-12));
		assertThat(unit.limits()).isNull();
		assertThat(unit.signal()).isEqualTo(Funnel.Signal.NOT_ASSESSED);
		assertNoNaN(all);
	}

	@Test
	void aUnitFarAboveExpectationLiesOutsideTheUpperLimits() {
		List<Funnel.Patient> patients = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			patients.add(new Funnel.Patient("typical", i % 4 == 0, 0.25));
		}
		for (int i = 0; i < 40; i++) {
			patients.add(new Funnel.Patient("outlier", i < 30, 0.25));
		}
		Funnel funnel = Funnel.of(patients);
		Funnel.Unit typical = funnel.units().get(0);
		Funnel.Unit outlier = funnel.units().get(1);
		assertThat(typical.signal()).isEqualTo(Funnel.Signal.WITHIN);
		assertThat(outlier.observed()).isEqualTo(30);
		assertThat(outlier.expected()).isCloseTo(10.0, offset(1e-9));
		assertThat(outlier.signal()).isEqualTo(Funnel.Signal.ABOVE_998);
		Funnel.Limits limits = outlier.limits();
		assertThat(limits.low998()).isLessThan(limits.low95()).isLessThan(1.0);
		assertThat(limits.high998()).isGreaterThan(limits.high95()).isGreaterThan(1.0);
		assertThat(Funnel.limits(1000, funnel.target()).high95()).isLessThan(limits.high95());
	}

	@Test
	void unitsOfOneToThreeEpisodesAreNotCalledOutliersThoughTheirRatioPassesTheLimit() {
		List<Funnel.Patient> patients = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			patients.add(new Funnel.Patient("typical", i % 2 == 0, 0.5));
		}
		for (int size = 1; size <= 3; size++) {
			for (int i = 0; i < size; i++) {
				patients.add(new Funnel.Patient("small-" + size, true, 0.5));
			}
		}
		// Five expected either way: compared with the limits.
		for (int i = 0; i < 10; i++) {
			patients.add(new Funnel.Patient("ten", true, 0.5));
		}
		Funnel funnel = Funnel.of(patients);
		assertThat(funnel.units().get(0).signal()).isEqualTo(Funnel.Signal.WITHIN);
		for (Funnel.Unit small : funnel.units().subList(1, 4)) {
			assertThat(small.ratio()).as(small.unit()).isEqualTo(2.0);
			// The limits are Spiegelhalter's, as R computes them, and the ratio lies above the 99.8 % one ...
			assertThat(small.limits()).isEqualTo(Funnel.limits(small.n(), funnel.target()));
			assertThat(small.ratio()).as(small.unit()).isGreaterThan(small.limits().high998());
			// ... but with fewer than 5 expected responders the unit is not compared with them.
			assertThat(small.expected()).isLessThan(Funnel.MIN_EXPECTED);
			assertThat(small.signal()).as(small.unit()).isEqualTo(Funnel.Signal.TOO_FEW_EXPECTED);
		}
		Funnel.Unit ten = funnel.units().get(4);
		assertThat(ten.expected()).isEqualTo(5.0);
		assertThat(ten.signal()).isEqualTo(Funnel.Signal.ABOVE_998);
		// Everybody expected to respond: fewer than 5 expected non-responders, not compared either.
		Funnel nearlyAll = Funnel.of(List.of(new Funnel.Patient("a", true, 0.9), new Funnel.Patient("a", false, 0.9),
				new Funnel.Patient("b", true, 0.2)));
		assertThat(nearlyAll.units()).allSatisfy(u -> assertThat(u.signal()).isEqualTo(Funnel.Signal.TOO_FEW_EXPECTED));
	}

	/** Walks a result's record components, lists and maps and fails on any NaN or infinity. */
	static void assertNoNaN(Object value) {
		if (value instanceof Double number) {
			assertThat(Double.isFinite(number)).as("finite number").isTrue();
		}
		else if (value instanceof Collection<?> items) {
			items.forEach(StatisticsEdgeCaseTests::assertNoNaN);
		}
		else if (value != null && value.getClass().isRecord()) {
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				try {
					assertNoNaN(component.getAccessor().invoke(value));
				}
				catch (ReflectiveOperationException ex) {
					throw new AssertionError(ex);
				}
			}
		}
	}

}
