package org.spinecell.outcomes.instruments;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spinecell.outcomes.instruments.Score.Measurement;
import org.spinecell.platform.ApiProblemHandler;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scoring the shipped instruments with exact values, and refusing answers that cannot be right. */
public class InstrumentScorerTests {

	@Test
	void odiIsTheSumOverFiftyAsAPercentage() {
		Score score = InstrumentScorer.score(shipped("odi-2.1a"), odi(3, 2, 1, 2, 1, 2, 1, 2, 1, 1));
		assertThat(score.valid()).isTrue();
		assertThat(score.value()).isEqualByComparingTo("32.0");
		assertThat(score.value().scale()).isEqualTo(1);
		assertThat(score.measurements()).containsExactly(new Measurement("ODI", new BigDecimal("32.0"), "%"));
	}

	@Test
	void aSkippedOdiSectionLowersTheDenominator() {
		Score score = InstrumentScorer.score(shipped("odi-2.1a"), odi(3, 2, 1, 2, 1, 2, 1, 2, 2, null));
		assertThat(score.valid()).isTrue();
		assertThat(score.value()).isEqualByComparingTo("35.6");
		assertThat(score.components()).containsEntry("sectionsAnswered", 9).containsEntry("sum", 16);
	}

	@Test
	void moreOdiSectionsMissingThanAllowedGiveAnInvalidScoreWithTheReason() {
		Score score = InstrumentScorer.score(shipped("odi-2.1a"), odi(3, 2, 1, 2, 1, 2, 1, 2, null, null));
		assertThat(score.valid()).isFalse();
		assertThat(score.value()).isNull();
		assertThat(score.invalidReason()).contains("2 of 10 items unanswered").contains("at most 1");
		assertThat(score.measurements()).isEmpty();
	}

	@Test
	void anOdiSectionOfSixIsRefusedNamingTheSection() {
		Map<String, Object> answers = odi(1, 1, 6, 1, 1, 1, 1, 1, 1, 1);
		assertThatThrownBy(() -> InstrumentScorer.score(shipped("odi-2.1a"), answers))
			.isInstanceOfSatisfying(Refusal.class, ex -> assertThat(ex.errors()).extracting(FieldProblem::field)
				.containsExactly("odi-3"));
	}

	@Test
	void nrsOutOfRangeOrFractionalIsRefusedNamingTheItem() {
		for (Object bad : new Object[] { 11, -1, 3.5, "7", true }) {
			assertThatThrownBy(() -> InstrumentScorer.score(shipped("nrs-back"), Map.of("nrs", bad)))
				.as("nrs = %s", bad)
				.isInstanceOfSatisfying(Refusal.class, ex -> {
					assertThat(ApiProblemHandler.status(ex).value()).isEqualTo(422);
					assertThat(ex.errors()).extracting(FieldProblem::field).containsExactly("nrs");
				});
		}
	}

	@Test
	void aMissingRequiredSingleItemIsRefused() {
		assertThatThrownBy(() -> InstrumentScorer.score(shipped("nrs-leg"), Map.of()))
			.isInstanceOfSatisfying(Refusal.class, ex -> assertThat(ex.errors()).extracting(FieldProblem::message)
				.containsExactly("is required"));
	}

	@Test
	void anUnknownItemIsRefusedByName() {
		assertThatThrownBy(() -> InstrumentScorer.score(shipped("nrs-back"), Map.of("nrs", 4, "nrs-2", 5)))
			.isInstanceOfSatisfying(Refusal.class, ex -> assertThat(ex.errors()).extracting(FieldProblem::field)
				.containsExactly("nrs-2"));
	}

	@Test
	void nrsScoresTheNumberUnderItsOwnMeasure() {
		Score back = InstrumentScorer.score(shipped("nrs-back"), Map.of("nrs", 7));
		Score leg = InstrumentScorer.score(shipped("nrs-leg"), Map.of("nrs", 0));
		assertThat(back.value()).isEqualByComparingTo("7");
		assertThat(back.measurements().get(0).measure()).isEqualTo("NRS_BACK");
		assertThat(leg.value()).isEqualByComparingTo("0");
		assertThat(leg.measurements().get(0).measure()).isEqualTo("NRS_LEG");
	}

	@Test
	void rmdqCountsTheYesAnswers() {
		Map<String, Object> answers = new HashMap<>();
		for (int i = 1; i <= 24; i++) {
			answers.put("rmdq-" + i, i % 3 == 0);
		}
		Score score = InstrumentScorer.score(shipped("rmdq-24"), answers);
		assertThat(score.valid()).isTrue();
		assertThat(score.value()).isEqualByComparingTo("8");
		answers.remove("rmdq-24");
		Score incomplete = InstrumentScorer.score(shipped("rmdq-24"), answers);
		assertThat(incomplete.valid()).isFalse();
		assertThat(incomplete.invalidReason()).contains("1 of 24");
	}

	@Test
	void pgicStoresTheDirection() {
		InstrumentDefinition pgic = shipped("pgic");
		assertThat(InstrumentScorer.score(pgic, Map.of("pgic", 1)).components()).containsEntry("direction", "IMPROVED");
		assertThat(InstrumentScorer.score(pgic, Map.of("pgic", 3)).components()).containsEntry("direction", "IMPROVED");
		assertThat(InstrumentScorer.score(pgic, Map.of("pgic", 4)).components()).containsEntry("direction", "NO_CHANGE");
		assertThat(InstrumentScorer.score(pgic, Map.of("pgic", 5)).components()).containsEntry("direction", "WORSE");
		assertThat(InstrumentScorer.score(pgic, Map.of("pgic", 7)).value()).isEqualByComparingTo("7");
		assertThatThrownBy(() -> InstrumentScorer.score(pgic, Map.of("pgic", 0))).isInstanceOf(Refusal.class);
	}

	@Test
	void promisWithoutATableReportsRawSumsAndIsNotValid() {
		Score score = InstrumentScorer.score(shipped("promis-29"), promis());
		assertThat(score.valid()).isFalse();
		assertThat(score.invalidReason()).isEqualTo(InstrumentScorer.NO_T_SCORE_TABLE);
		@SuppressWarnings("unchecked")
		Map<String, Integer> rawSums = (Map<String, Integer>) score.components().get("rawSums");
		assertThat(rawSums).containsEntry("PHYSICAL_FUNCTION", 10).containsEntry("PAIN_INTERFERENCE", 14)
			.containsEntry("PAIN_INTENSITY", 6);
		assertThat(score.measurements()).containsExactly(
				new Measurement("PROMIS_PAIN_INTENSITY", BigDecimal.valueOf(6), "{score}"));
	}

	@Test
	void promisWithALoadedTableGivesTScoresPerDomain() {
		InstrumentDefinition promis = shipped("promis-29");
		// Made-up numbers for the test only; real tables come from HealthMeasures.
		StringBuilder domains = new StringBuilder();
		for (InstrumentDefinition.Domain domain : promis.domains()) {
			if (!domain.reportRaw()) {
				domains.append(domains.isEmpty() ? "" : ",").append('"').append(domain.name()).append("\":{");
				for (int raw = 4; raw <= 20; raw++) {
					domains.append(raw == 4 ? "" : ",").append('"').append(raw).append("\":").append(30 + raw * 1.5);
				}
				domains.append('}');
			}
		}
		ScoringTable table = ScoringTable.parse(promis, "{\"name\":\"test\",\"domains\":{" + domains + "}}");
		Score score = InstrumentScorer.score(promis, InstrumentScorer.normalise(promis, promis()), table);
		assertThat(score.valid()).as(score.invalidReason()).isTrue();
		assertThat(score.measurements()).contains(
				new Measurement("PROMIS_PHYSICAL_FUNCTION", new BigDecimal("45.0"), "{T-score}"),
				new Measurement("PROMIS_PAIN_INTERFERENCE", new BigDecimal("51.0"), "{T-score}"));
		assertThat(score.measurements()).hasSize(8);
	}

	@Test
	void eq5dWithoutAValueSetKeepsTheHealthStateAndIsNotValid() {
		Score score = InstrumentScorer.score(shipped("eq-5d-5l"), eq5d(2, 1, 3, 2, 1, 70));
		assertThat(score.valid()).isFalse();
		assertThat(score.invalidReason()).isEqualTo(InstrumentScorer.NO_VALUE_SET);
		assertThat(score.components()).containsEntry("healthState", "21321").containsEntry("vas", 70);
		assertThat(score.measurements()).containsExactly(new Measurement("EQ5D_VAS", BigDecimal.valueOf(70), "{score}"));
	}

	@Test
	void eq5dWithALoadedValueSetGivesTheIndex() {
		InstrumentDefinition eq5d = shipped("eq-5d-5l");
		// Made-up decrements for the test only; real value sets are licensed by EuroQol.
		String valueSet = """
				{"name": "Testland", "constant": 0.05, "decrements": {
				  "eq5d-mo": [0, 0.04, 0.08, 0.2, 0.3], "eq5d-sc": [0, 0.03, 0.07, 0.15, 0.2],
				  "eq5d-ua": [0, 0.03, 0.06, 0.15, 0.2], "eq5d-pd": [0, 0.05, 0.1, 0.3, 0.4],
				  "eq5d-ad": [0, 0.04, 0.1, 0.25, 0.3]}}
				""";
		ScoringTable table = ScoringTable.parse(eq5d, valueSet);
		Score score = InstrumentScorer.score(eq5d, InstrumentScorer.normalise(eq5d, eq5d(2, 1, 3, 2, 1, 70)), table);
		// 1 - 0.05 - 0.04 - 0 - 0.06 - 0.05 - 0 = 0.800
		assertThat(score.valid()).isTrue();
		assertThat(score.value()).isEqualByComparingTo("0.800");
		Score fullHealth = InstrumentScorer.score(eq5d, InstrumentScorer.normalise(eq5d, eq5d(1, 1, 1, 1, 1, 95)), table);
		assertThat(fullHealth.value()).isEqualByComparingTo("1.000");
	}

	@Test
	void aScoringTableThatSendsAKeyTwiceIsRefusedNotReadAsItsLastValue() {
		InstrumentDefinition eq5d = shipped("eq-5d-5l");
		String valueSet = """
				{"name": "Testland", "constant": 0.05, "constant": 0.5, "decrements": {
				  "eq5d-mo": [0, 0.04, 0.08, 0.2, 0.3], "eq5d-sc": [0, 0.03, 0.07, 0.15, 0.2],
				  "eq5d-ua": [0, 0.03, 0.06, 0.15, 0.2], "eq5d-pd": [0, 0.05, 0.1, 0.3, 0.4],
				  "eq5d-ad": [0, 0.04, 0.1, 0.25, 0.3]}}
				""";
		assertThatThrownBy(() -> ScoringTable.parse(eq5d, valueSet)).isInstanceOfSatisfying(Refusal.class,
				ex -> assertThat(ex.errors()).containsExactly(new FieldProblem("table", "sends a key twice: \"constant\"")));
	}

	@Test
	void anEq5dDimensionIsRequired() {
		Map<String, Object> answers = eq5d(2, 1, 3, 2, 1, 70);
		answers.remove("eq5d-pd");
		assertThatThrownBy(() -> InstrumentScorer.score(shipped("eq-5d-5l"), answers))
			.isInstanceOfSatisfying(Refusal.class, ex -> assertThat(ex.errors()).extracting(FieldProblem::field)
				.containsExactly("eq5d-pd"));
	}

	@Test
	void theMedicationAndWorkFormKeepsItsAnswersWithoutAScore() {
		InstrumentDefinition form = shipped("medication-work");
		Map<String, Object> normalised = InstrumentScorer.normalise(form,
				Map.of("pain-medication", false, "work-status", "off-work-back"));
		assertThat(normalised).containsEntry("opioid", null).containsEntry("work-status", "off-work-back");
		assertThat(InstrumentScorer.score(form, normalised, null).value()).isNull();
		assertThatThrownBy(() -> InstrumentScorer.normalise(form, Map.of("pain-medication", true, "work-status", "busy")))
			.isInstanceOfSatisfying(Refusal.class, ex -> assertThat(ex.errors()).extracting(FieldProblem::field)
				.containsExactly("work-status"));
	}

	static InstrumentDefinition shipped(String id) {
		return InstrumentFormat.parse(shippedJson(id));
	}

	public static String shippedJson(String id) {
		try (InputStream in = InstrumentScorerTests.class.getResourceAsStream("/instruments/" + id + ".json")) {
			assertThat(in).as(id).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, Object> odi(Integer... sections) {
		Map<String, Object> answers = new LinkedHashMap<>();
		for (int i = 0; i < sections.length; i++) {
			answers.put("odi-" + (i + 1), sections[i]);
		}
		return answers;
	}

	/** Physical function 2+2+3+3 = 10, pain interference 3+3+4+4 = 14, pain intensity 6. */
	static Map<String, Object> promis() {
		Map<String, Object> answers = new LinkedHashMap<>();
		int[] pattern = { 2, 2, 3, 3 };
		for (int i = 1; i <= 24; i++) {
			answers.put("promis-" + i, pattern[(i - 1) % 4]);
		}
		answers.put("promis-25", 3);
		answers.put("promis-26", 3);
		answers.put("promis-27", 4);
		answers.put("promis-28", 4);
		answers.put("promis-29", 6);
		return answers;
	}

	static Map<String, Object> eq5d(int mo, int sc, int ua, int pd, int ad, int vas) {
		Map<String, Object> answers = new HashMap<>();
		answers.put("eq5d-mo", mo);
		answers.put("eq5d-sc", sc);
		answers.put("eq5d-ua", ua);
		answers.put("eq5d-pd", pd);
		answers.put("eq5d-ad", ad);
		answers.put("eq5d-vas", vas);
		return answers;
	}

}
