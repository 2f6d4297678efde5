package org.spinecell.analytics.workspace;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spinecell.analytics.workspace.VariabilityAnalysis.EpisodeRow;
import org.spinecell.analytics.stats.LinearModel;
import org.spinecell.analytics.stats.LogisticModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The case-mix design, the models and the funnel data built from episode rows. */
class VariabilityAnalysisTests {

	private static final double[] AGE = { 34, 45, 52, 61, 38, 70, 49, 56, 41, 66, 59, 47 };

	private static final double[] BASELINE = { 40, 52, 36, 60, 44, 48, 58, 30, 50, 42, 64, 38 };

	private static final double[] CHANGE = { -18, -4, -12, -22, -2, -9, -15, -1, -11, -6, -25, -3 };

	private static EpisodeRow row(int i) {
		return new EpisodeRow(i % 3 == 0 ? "op-a" : "op-b", i < 6 ? "clinic-1" : "clinic-2", BASELINE[i] + CHANGE[i],
				BASELINE[i], CHANGE[i], AGE[i], "FEMALE", 12.0, "DEGENERATIVE_DISC_DISEASE", 1.0,
				i % 2 == 0 ? "BMAC" : "ADIPOSE_SVF", 8.0, "INTRADISCAL", "FLUOROSCOPY", true);
	}

	@Test
	void modelsUseTheVaryingCovariatesAndTheFunnelSumsPredictedProbabilities() {
		List<EpisodeRow> rows = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			rows.add(row(i));
		}
		EpisodeRow complete = row(0);
		rows.add(new EpisodeRow("op-a", "clinic-1", null, null, null, 50.0, "MALE", 1.0, "HERNIATED_DISC", 2.0, "BMAC",
				7.0, "FACET", "CT", false));
		rows.add(new EpisodeRow("op-a", "clinic-1", 30.0, null, null, 50.0, "FEMALE", 12.0,
				"DEGENERATIVE_DISC_DISEASE", 1.0, "BMAC", 8.0, "INTRADISCAL", "FLUOROSCOPY", true));
		rows.add(new EpisodeRow("op-a", "clinic-1", 30.0, 40.0, -10.0, null, "FEMALE", 12.0,
				"DEGENERATIVE_DISC_DISEASE", 1.0, "BMAC", 8.0, "INTRADISCAL", "FLUOROSCOPY", true));
		rows.add(new EpisodeRow("op-a", "clinic-1", 30.0, 40.0, -10.0, 50.0, "FEMALE", 12.0,
				"DEGENERATIVE_DISC_DISEASE", 1.0, null, 8.0, "INTRADISCAL", "FLUOROSCOPY", true));

		VariabilityAnalysis.Result result = VariabilityAnalysis.of(rows, r -> -r.change() >= 10, u -> "L-" + u);

		assertThat(result.n()).isEqualTo(12);
		assertThat(result.dropped()).containsExactly(new VariabilityAnalysis.Dropped("no value at the time point", 1),
				new VariabilityAnalysis.Dropped("no baseline value", 1), new VariabilityAnalysis.Dropped("missing age", 1),
				new VariabilityAnalysis.Dropped("missing cellSource", 1));
		assertThat(result.covariates()).containsExactly("age", "baseline", "cellSource=BMAC");
		assertThat(result.leftOutCovariates()).containsEntry("levels", "does not vary in the data")
			.containsEntry("sex", "does not vary in the data")
			.containsEntry("cellSource=ADIPOSE_SVF", "reference level");
		assertThat(complete.cellSource()).isEqualTo("BMAC");

		double[][] x = new double[12][];
		double[] y = new double[12];
		int[] responder = new int[12];
		for (int i = 0; i < 12; i++) {
			x[i] = new double[] { AGE[i], BASELINE[i], i % 2 == 0 ? 1 : 0 };
			y[i] = CHANGE[i];
			responder[i] = -CHANGE[i] >= 10 ? 1 : 0;
		}
		List<String> names = List.of("age", "baseline", "cellSource=BMAC");
		LinearModel linear = LinearModel.fit(names, x, y);
		assertThat(result.linear().n()).isEqualTo(12);
		assertThat(result.linear().rSquared()).isCloseTo(linear.rSquared(), within(1e-12));
		for (int j = 0; j < 4; j++) {
			assertThat(result.linear().coefficients().get(j).name()).isEqualTo(linear.coefficients().get(j).name());
			assertThat(result.linear().coefficients().get(j).estimate())
				.isCloseTo(linear.coefficients().get(j).estimate(), within(1e-12));
			assertThat(result.linear().coefficients().get(j).ciLow())
				.isCloseTo(linear.coefficients().get(j).ci().low(), within(1e-12));
		}
		LogisticModel logistic = LogisticModel.fit(names, x, responder);
		assertThat(result.logistic().deviance()).isCloseTo(logistic.deviance(), within(1e-12));

		VariabilityAnalysis.FunnelData operators = result.operators();
		assertThat(operators.adjustment()).isEqualTo("FULL_MODEL");
		assertThat(operators.adjustmentNote()).isNull();
		assertThat(operators.target()).isCloseTo(6.0 / 12, within(1e-12));
		assertThat(operators.units()).extracting(VariabilityAnalysis.FunnelUnit::unit)
			.containsExactly("L-op-a", "L-op-b");
		VariabilityAnalysis.FunnelUnit a = operators.units().get(0);
		double expectedA = 0;
		int observedA = 0;
		for (int i = 0; i < 12; i += 3) {
			expectedA += logistic.probability(x[i]);
			observedA += responder[i];
		}
		assertThat(a.n()).isEqualTo(4);
		assertThat(a.observed()).isEqualTo(observedA);
		assertThat(a.expected()).isCloseTo(expectedA, within(1e-9));
		assertThat(a.ratio()).isCloseTo(observedA / expectedA, within(1e-9));
		assertThat(a.tooSmall()).isTrue();
		// With an intercept, the maximum-likelihood fit predicts as many responders as were observed.
		double expectedAll = operators.units().stream().mapToDouble(VariabilityAnalysis.FunnelUnit::expected).sum();
		assertThat(expectedAll).isCloseTo(6, within(1e-6));
		assertThat(result.clinics().units()).extracting(VariabilityAnalysis.FunnelUnit::unit)
			.containsExactly("clinic-1", "clinic-2");
		assertThat(operators.curve()).isNotEmpty();
		assertThat(operators.curve().get(0).n()).isEqualTo(1);
	}

	@Test
	void aCovariateAliasedInTheCohortIsReportedWithoutValuesAndTheRestIsFitted() {
		// Guidance follows the cell source exactly here, so its indicator repeats cellSource=BMAC.
		List<EpisodeRow> rows = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			rows.add(new EpisodeRow(i % 3 == 0 ? "op-a" : "op-b", "clinic-1", BASELINE[i] + CHANGE[i], BASELINE[i],
					CHANGE[i], AGE[i], "FEMALE", 12.0, "DEGENERATIVE_DISC_DISEASE", 1.0,
					i % 2 == 0 ? "BMAC" : "ADIPOSE_SVF", 8.0, "INTRADISCAL", i % 2 == 0 ? "CT" : "FLUOROSCOPY", true));
		}
		VariabilityAnalysis.Result result = VariabilityAnalysis.of(rows, r -> -r.change() >= 10, u -> u);
		assertThat(result.covariates()).hasSize(4).contains("age", "baseline", "cellSource=BMAC");
		String guidance = result.covariates().get(3);
		assertThat(guidance).startsWith("guidance=");

		assertThat(result.linear().status()).isNotEqualTo("NOT_FITTED");
		List<VariabilityAnalysis.CoefficientRow> linear = result.linear().coefficients();
		assertThat(linear).extracting(VariabilityAnalysis.CoefficientRow::name)
			.containsExactly("(Intercept)", "age", "baseline", "cellSource=BMAC", guidance);
		assertThat(linear).extracting(VariabilityAnalysis.CoefficientRow::aliased)
			.containsExactly(false, false, false, false, true);
		VariabilityAnalysis.CoefficientRow aliased = linear.get(4);
		assertThat(aliased.estimate()).isNull();
		assertThat(aliased.ciLow()).isNull();
		assertThat(aliased.p()).isNull();
		// the other coefficients are those of the model without the aliased covariate
		double[][] x = new double[12][];
		for (int i = 0; i < 12; i++) {
			x[i] = new double[] { AGE[i], BASELINE[i], i % 2 == 0 ? 1 : 0 };
		}
		LinearModel without = LinearModel.fit(List.of("age", "baseline", "cellSource=BMAC"), x, CHANGE);
		for (int j = 0; j < 4; j++) {
			assertThat(linear.get(j).estimate()).isCloseTo(without.coefficients().get(j).estimate(), within(1e-9));
		}
		assertThat(result.logistic().status()).isNotEqualTo("NOT_FITTED");
		assertThat(result.logistic().coefficients().get(4).aliased()).isTrue();
		assertThat(result.operators().units()).hasSize(2);

		// As JSON (the API's shape): the aliased term says so and has null values, not NaN.
		tools.jackson.databind.JsonNode json = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.valueToTree(result.linear());
		tools.jackson.databind.JsonNode term = json.get("coefficients").get(4);
		assertThat(term.get("name").asString()).isEqualTo(guidance);
		assertThat(term.get("aliased").asBoolean()).isTrue();
		assertThat(term.get("estimate").isNull()).isTrue();
		assertThat(term.get("ciHigh").isNull()).isTrue();
		assertThat(json.get("coefficients").get(1).get("aliased").asBoolean()).isFalse();
		assertThat(json.get("coefficients").get(1).get("estimate").isNumber()).isTrue();
	}

	@Test
	void whenARareCodeSeparatesTheRespondersTheFunnelAdjustsForCaseMixOnly() {
		// One episode under CT guidance, and it responded: the full model's CT coefficient runs off to
		// infinity (separation), so the expected counts come from age and baseline, the patient-level
		// covariates that vary here.
		List<EpisodeRow> rows = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			EpisodeRow r = row(i);
			rows.add(i != 3 ? r : new EpisodeRow(r.operator(), r.clinic(), r.value(), r.baseline(), r.change(), r.age(),
					r.sex(), r.symptomDurationMonths(), r.conditionFamily(), r.levels(), r.cellSource(), r.log10Dose(),
					r.target(), "CT", r.placementConfirmed()));
		}
		VariabilityAnalysis.Result result = VariabilityAnalysis.of(rows, r -> -r.change() >= 10, u -> u);
		assertThat(result.logistic().status()).isEqualTo("NOT_FITTED");

		VariabilityAnalysis.FunnelData operators = result.operators();
		assertThat(operators.adjustment()).isEqualTo("CASE_MIX");
		assertThat(operators.adjustedFor()).containsExactly("age", "baseline");
		assertThat(operators.adjustmentNote()).startsWith("the full logistic model could not be fitted (");
		double[][] x = new double[12][];
		int[] responder = new int[12];
		for (int i = 0; i < 12; i++) {
			x[i] = new double[] { AGE[i], BASELINE[i] };
			responder[i] = -CHANGE[i] >= 10 ? 1 : 0;
		}
		LogisticModel caseMix = LogisticModel.fit(List.of("age", "baseline"), x, responder);
		double expectedA = 0;
		for (int i = 0; i < 12; i += 3) {
			expectedA += caseMix.probability(x[i]);
		}
		assertThat(operators.units().get(0).unit()).isEqualTo("op-a");
		assertThat(operators.units().get(0).expected()).isCloseTo(expectedA, within(1e-9));
		assertThat(operators.units()).extracting(VariabilityAnalysis.FunnelUnit::expected)
			.allSatisfy(e -> assertThat(e).isPositive());
		assertThat(operators.note()).isNull();
		assertThat(WorkspaceVariability.adjustment(operators))
			.startsWith("Expected from a logistic model on the patients' own characteristics only");
	}

	@Test
	void tooFewEpisodesGiveAReasonInsteadOfAModel() {
		VariabilityAnalysis.Result result = VariabilityAnalysis.of(List.of(row(0), row(1)), r -> true, u -> u);
		assertThat(result.linear().status()).isEqualTo("NOT_FITTED");
		assertThat(result.linear().note()).contains("needs more observations");
		assertThat(result.logistic().status()).isEqualTo("NOT_FITTED");
		// Neither model fits two episodes: the funnel falls back to the cohort's rate, which is 1 here.
		assertThat(result.operators().adjustment()).isEqualTo("UNADJUSTED");
		assertThat(result.operators().adjustmentNote()).isEqualTo("the full logistic model could not be fitted (the "
				+ "outcome is the same for every observation), nor one on the patients' own characteristics");
		assertThat(result.operators().note()).isEqualTo("every patient or none responded: no limits");
		assertThat(result.operators().units()).extracting(VariabilityAnalysis.FunnelUnit::expected)
			.containsExactly(1.0, 1.0);

		VariabilityAnalysis.Result empty = VariabilityAnalysis.of(List.of(), r -> true, u -> u);
		assertThat(empty.n()).isZero();
		assertThat(empty.linear().status()).isEqualTo("NO_DATA");
		assertThat(empty.operators().units()).isEmpty();
	}

}
