package org.spinecell.patients;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.spinecell.patients.CandidacyDecision.Decision;
import org.spinecell.patients.CandidacyDecision.Reason;
import org.spinecell.patients.candidacy.CandidacyRuleSet;
import org.spinecell.platform.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.spinecell.patients.CandidacyInputFixture.anEligibleCandidate;

class CandidacyEvaluationTests {

	private final CandidacyRuleSet defaults = CandidacyRuleSet.defaultRules();

	@Test
	void allClearCandidateIsEligibleWithTheAllCriteriaMetReason() {
		CandidacyDecision result = defaults.evaluate(anEligibleCandidate().build());

		assertThat(result.decision()).isEqualTo(Decision.ELIGIBLE);
		assertThat(result.reasons()).containsExactly(new Reason("all-criteria-met", Decision.ELIGIBLE,
				"No contraindication, red flag or unmet criterion was found by rule set SpineCell default screening v1."));
		assertThat(result.ruleSetName()).isEqualTo("SpineCell default screening");
		assertThat(result.ruleSetVersion()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0} answered yes is not eligible by rule {1}")
	@CsvSource({ "activeInfection, active-infection", "activeMalignancy, active-malignancy", "pregnancy, pregnancy",
			"bleedingRisk, bleeding-risk", "allergyToProductComponents, product-component-allergy" })
	void eachContraindicationMakesThePatientNotEligible(String item, String rule) {
		CandidacyDecision result = defaults.evaluate(anEligibleCandidate().withYes(item).build());

		assertThat(result.decision()).isEqualTo(Decision.NOT_ELIGIBLE);
		assertThat(result.reasons()).extracting(Reason::rule).containsExactly(rule);
		assertThat(result.reasons().get(0).message()).isNotBlank();
	}

	@ParameterizedTest(name = "{0} answered yes is referred by rule {1}")
	@CsvSource({ "caudaEquinaSymptoms, cauda-equina",
			"progressiveNeurologicalDeficit, progressive-neurological-deficit",
			"unstableFracture, unstable-fracture", "myelopathy, myelopathy" })
	void eachRedFlagRefersThePatientToASurgeon(String item, String rule) {
		CandidacyDecision result = defaults.evaluate(anEligibleCandidate().withYes(item).build());

		assertThat(result.decision()).isEqualTo(Decision.REFER);
		assertThat(result.reasons()).extracting(Reason::rule).containsExactly(rule);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("recordFindings")
	void findingsFromTheRecordFireTheirRule(String rule, UnaryOperator<CandidacyInputFixture> finding,
			Decision expected) {
		CandidacyDecision result = defaults.evaluate(finding.apply(anEligibleCandidate()).build());

		assertThat(result.decision()).isEqualTo(expected);
		assertThat(result.reasons()).extracting(Reason::rule).contains(rule);
	}

	static Stream<Arguments> recordFindings() {
		return Stream.of(
				arguments("under-18", op(c -> c.withAge(17)), Decision.NOT_ELIGIBLE),
				arguments("no-active-spine-diagnosis", op(c -> c.withActiveDiagnoses(0)), Decision.NOT_ELIGIBLE),
				arguments("symptom-duration-unknown", op(c -> c.withSymptomMonths(null)), Decision.NOT_ELIGIBLE),
				arguments("symptoms-under-3-months", op(c -> c.withSymptomMonths(2)), Decision.NOT_ELIGIBLE),
				arguments("conservative-care-not-tried", op(c -> c.withFailedConservativeTreatments(0, 0)),
						Decision.NOT_ELIGIBLE),
				arguments("collapsed-disc", op(c -> c.withPfirrmann(5)), Decision.NOT_ELIGIBLE),
				arguments("severe-stenosis", op(c -> c.withStenosis("SEVERE")), Decision.REFER),
				arguments("extrusion-or-sequestration", op(CandidacyInputFixture::withExtrusionOrSequestration),
						Decision.REFER),
				arguments("recent-trauma",
						op(CandidacyInputFixture::withRecentTraumaInitialEncounter), Decision.REFER));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("justInsideTheCriteria")
	void findingsJustInsideTheCriteriaStayEligible(String description, UnaryOperator<CandidacyInputFixture> finding) {
		assertThat(defaults.evaluate(finding.apply(anEligibleCandidate()).build()).decision())
			.isEqualTo(Decision.ELIGIBLE);
	}

	static Stream<Arguments> justInsideTheCriteria() {
		return Stream.of(arguments("aged exactly 18", op(c -> c.withAge(18))),
				arguments("symptoms for exactly 3 months", op(c -> c.withSymptomMonths(3))),
				arguments("one failed conservative treatment", op(c -> c.withFailedConservativeTreatments(1, 2))),
				arguments("Pfirrmann grade IV", op(c -> c.withPfirrmann(4))),
				arguments("no graded disc", op(c -> c.withPfirrmann(null))),
				arguments("moderate stenosis", op(c -> c.withStenosis("MODERATE"))),
				arguments("prior spine surgery alone", op(CandidacyInputFixture::withPriorSpineSurgery)));
	}

	@Test
	void notEligibleWinsOverReferAndBothReasonsAreListedInRuleOrder() {
		CandidacyDecision result = defaults.evaluate(anEligibleCandidate().withYes("myelopathy")
			.withYes("activeInfection")
			.withStenosis("SEVERE")
			.build());

		assertThat(result.decision()).isEqualTo(Decision.NOT_ELIGIBLE);
		assertThat(result.reasons()).extracting(Reason::rule, Reason::decision)
			.containsExactly(tuple("active-infection", Decision.NOT_ELIGIBLE),
					tuple("myelopathy", Decision.REFER),
					tuple("severe-stenosis", Decision.REFER));
	}

	@Test
	void missingChecklistItemRefersAndNamesTheItem() {
		CandidacyDecision result = defaults.evaluate(anEligibleCandidate().withoutAnswer("pregnancy").build());

		assertThat(result.decision()).isEqualTo(Decision.REFER);
		assertThat(result.reasons()).singleElement().satisfies(reason -> {
			assertThat(reason.rule()).isEqualTo("checklist-incomplete");
			assertThat(reason.decision()).isEqualTo(Decision.REFER);
			assertThat(reason.message()).contains("pregnancy").doesNotContain("myelopathy");
		});
	}

	@Test
	void nullAnswerCountsAsUnansweredAndEveryMissingItemIsNamedInChecklistOrder() {
		CandidacyDecision result = defaults.evaluate(anEligibleCandidate().withAnswer("myelopathy", null)
			.withoutAnswer("activeInfection")
			.build());

		assertThat(result.decision()).isEqualTo(Decision.REFER);
		assertThat(result.reasons()).singleElement()
			.extracting(Reason::message)
			.asString()
			.startsWith("Checklist not answered for activeInfection, myelopathy:");
	}

	@Test
	void emptyChecklistNeverYieldsEligible() {
		CandidacyInput input = new CandidacyInput(null, anEligibleCandidate().build().facts());

		assertThat(defaults.evaluate(input).decision()).isEqualTo(Decision.REFER);
		assertThat(input.unansweredChecklistItems()).isEqualTo(CandidacyInput.STANDARD_CHECKLIST);
	}

	@Test
	void incompleteChecklistComesFirstAndAContraindicationStillMakesItNotEligible() {
		CandidacyDecision result = defaults.evaluate(anEligibleCandidate().withoutAnswer("pregnancy")
			.withYes("activeMalignancy")
			.build());

		assertThat(result.decision()).isEqualTo(Decision.NOT_ELIGIBLE);
		assertThat(result.reasons()).extracting(Reason::rule).containsExactly("checklist-incomplete", "active-malignancy");
	}

	@Test
	void ruleThatDecidesEligibleIsListedInsteadOfTheAllClearReason() {
		CandidacyRuleSet rules = ruleSet("ELIGIBLE", "{'input':'facts.priorSpineSurgery','op':'isFalse'}");

		CandidacyDecision result = rules.evaluate(anEligibleCandidate().build());

		assertThat(result.decision()).isEqualTo(Decision.ELIGIBLE);
		assertThat(result.reasons()).extracting(Reason::rule).containsExactly("probe");
	}

	@Test
	void decisionNamesTheRuleSetThatMadeIt() {
		CandidacyRuleSet rules = CandidacyRuleSet.parse(json("{'name':'Clinic B','version':7,'rules':[{'id':'probe',"
				+ "'decision':'REFER','message':'m','when':[{'input':'facts.age','op':'gt','value':200}]}]}"));

		CandidacyDecision result = rules.evaluate(anEligibleCandidate().build());

		assertThat(result.ruleSetName()).isEqualTo("Clinic B");
		assertThat(result.ruleSetVersion()).isEqualTo(7);
		assertThat(result.reasons()).extracting(Reason::message)
			.containsExactly("No contraindication, red flag or unmet criterion was found by rule set Clinic B v7.");
	}

	@Test
	void ruleFiresOnlyWhenAllItsConditionsHold() {
		CandidacyRuleSet rules = ruleSet("REFER", "{'input':'facts.age','op':'gte','value':40}",
				"{'input':'facts.worstStenosisGrade','op':'eq','value':'SEVERE'}");

		assertThat(rules.evaluate(anEligibleCandidate().withStenosis("SEVERE").build()).decision())
			.isEqualTo(Decision.REFER);
		assertThat(rules.evaluate(anEligibleCandidate().withStenosis("SEVERE").withAge(39).build()).decision())
			.isEqualTo(Decision.ELIGIBLE);
		assertThat(rules.evaluate(anEligibleCandidate().withStenosis("MODERATE").build()).decision())
			.isEqualTo(Decision.ELIGIBLE);
	}

	@ParameterizedTest(name = "{0} on {1} fires: {2}")
	@MethodSource("operatorCases")
	void eachOperatorTestsItsInput(String condition, String candidate, boolean fires,
			UnaryOperator<CandidacyInputFixture> setUp) {
		CandidacyDecision result = ruleSet("REFER", condition).evaluate(setUp.apply(anEligibleCandidate()).build());

		assertThat(result.decision()).isEqualTo(fires ? Decision.REFER : Decision.ELIGIBLE);
	}

	static Stream<Arguments> operatorCases() {
		UnaryOperator<CandidacyInputFixture> same = c -> c;
		return Stream.of(
				arguments("{'input':'checklist.smoker','op':'isTrue'}",
						"yes", true, op(c -> c.withAnswer("smoker", true))),
				arguments("{'input':'checklist.smoker','op':'isTrue'}",
						"no", false, op(c -> c.withAnswer("smoker", false))),
				arguments("{'input':'checklist.smoker','op':'isTrue'}", "unanswered", false, same),
				arguments("{'input':'checklist.smoker','op':'isFalse'}",
						"no", true, op(c -> c.withAnswer("smoker", false))),
				arguments("{'input':'checklist.smoker','op':'isFalse'}",
						"yes", false, op(c -> c.withAnswer("smoker", true))),
				arguments("{'input':'checklist.smoker','op':'isFalse'}", "unanswered", false, same),
				arguments("{'input':'facts.age','op':'eq','value':45}", "age 45", true, same),
				arguments("{'input':'facts.age','op':'eq','value':46}", "age 45", false, same),
				arguments("{'input':'facts.sex','op':'eq','value':'FEMALE'}", "female", true, same),
				arguments("{'input':'checklist.smoker','op':'eq','value':true}",
						"yes", true, op(c -> c.withAnswer("smoker", true))),
				arguments("{'input':'facts.worstModicType','op':'eq','value':1}", "no Modic change", false, same),
				arguments("{'input':'facts.age','op':'ne','value':46}", "age 45", true, same),
				arguments("{'input':'facts.age','op':'ne','value':45}", "age 45", false, same),
				arguments("{'input':'facts.worstModicType','op':'ne','value':1}", "no Modic change", false, same),
				arguments("{'input':'facts.age','op':'lt','value':46}", "age 45", true, same),
				arguments("{'input':'facts.age','op':'lt','value':45}", "age 45", false, same),
				arguments("{'input':'facts.age','op':'lte','value':45}", "age 45", true, same),
				arguments("{'input':'facts.age','op':'lte','value':44}", "age 45", false, same),
				arguments("{'input':'facts.age','op':'gt','value':44}", "age 45", true, same),
				arguments("{'input':'facts.age','op':'gt','value':45}", "age 45", false, same),
				arguments("{'input':'facts.age','op':'gte','value':45}", "age 45", true, same),
				arguments("{'input':'facts.age','op':'gte','value':46}", "age 45", false, same),
				arguments("{'input':'facts.maxSymptomDurationMonths','op':'lt','value':3}", "unknown duration", false,
						op(c -> c.withSymptomMonths(null))),
				arguments("{'input':'facts.worstStenosisGrade','op':'in','value':['MODERATE','SEVERE']}",
						"moderate", true,
						op(c -> c.withStenosis("MODERATE"))),
				arguments("{'input':'facts.worstStenosisGrade','op':'in','value':['MODERATE','SEVERE']}",
						"mild", false, same),
				arguments("{'input':'facts.worstModicType','op':'in','value':[1,2]}",
						"Modic 2", true, op(c -> c.withModic(2))),
				arguments("{'input':'facts.worstModicType','op':'in','value':[1,2]}",
						"Modic 3", false, op(c -> c.withModic(3))),
				arguments("{'input':'facts.conditionFamilies','op':'contains','value':'HERNIATED_DISC'}",
						"herniated disc",
						true, op(c -> c.withConditionFamilies("DEGENERATIVE_DISC_DISEASE", "HERNIATED_DISC"))),
				arguments("{'input':'facts.conditionFamilies','op':'contains','value':'HERNIATED_DISC'}",
						"degenerative disc only", false, same),
				arguments("{'input':'facts.worstModicType','op':'isNull'}", "no Modic change", true, same),
				arguments("{'input':'facts.worstModicType','op':'isNull'}", "Modic 1", false, op(c -> c.withModic(1))),
				arguments("{'input':'checklist.smoker','op':'isNull'}", "unanswered", true, same),
				arguments("{'input':'facts.worstModicType','op':'notNull'}", "Modic 1", true, op(c -> c.withModic(1))),
				arguments("{'input':'facts.worstModicType','op':'notNull'}", "no Modic change", false, same));
	}

	@Test
	void inputsListEveryChecklistItemAndFactUnderStableNames() {
		Map<String, Object> inputs = anEligibleCandidate().withAnswer("smoker", true)
			.withoutAnswer("pregnancy")
			.build()
			.asMap();

		assertThat(inputs.keySet()).containsExactly("checklist.activeInfection", "checklist.activeMalignancy",
				"checklist.pregnancy", "checklist.bleedingRisk", "checklist.allergyToProductComponents",
				"checklist.caudaEquinaSymptoms", "checklist.progressiveNeurologicalDeficit",
				"checklist.unstableFracture", "checklist.myelopathy", "checklist.smoker", "facts.age", "facts.sex",
				"facts.activeDiagnoses", "facts.conditionFamilies", "facts.maxSymptomDurationMonths",
				"facts.worstPfirrmannFiveGrade", "facts.worstModicType", "facts.worstStenosisGrade",
				"facts.extrusionOrSequestration", "facts.failedConservativeTreatments",
				"facts.conservativeTreatmentMonths", "facts.priorSpineSurgery", "facts.recentTraumaInitialEncounter");
		assertThat(inputs).containsEntry("checklist.pregnancy", null)
			.containsEntry("checklist.smoker", true)
			.containsEntry("facts.age", 45)
			.containsEntry("facts.conditionFamilies", Set.of("DEGENERATIVE_DISC_DISEASE"));
	}

	@Test
	void everyInputNameIsOneARuleMayRead() {
		Map<String, Object> inputs = anEligibleCandidate().withAnswer("smoker", true).build().asMap();

		assertThat(inputs.keySet()).allSatisfy(name -> assertThat(CandidacyInput.kindOf(name)).as(name).isNotNull());
		assertThat(inputs.keySet()).containsAll(CandidacyInput.factNames());
	}

	@Test
	void inputsAreTheSameWhateverOrderTheChecklistArrivedIn() {
		Map<String, Boolean> forwards = new LinkedHashMap<>();
		Map<String, Boolean> backwards = new LinkedHashMap<>();
		List<String> items = Stream.concat(CandidacyInput.STANDARD_CHECKLIST.stream(), Stream.of("smoker", "diabetes"))
			.toList();
		items.forEach(item -> forwards.put(item, false));
		List<String> reversed = new ArrayList<>(items);
		Collections.reverse(reversed);
		reversed.forEach(item -> backwards.put(item, false));
		CandidacyInput.Facts facts = anEligibleCandidate().build().facts();

		assertThat(List.copyOf(new CandidacyInput(backwards, facts).asMap().keySet()))
			.isEqualTo(List.copyOf(new CandidacyInput(forwards, facts).asMap().keySet()));
	}

	@Test
	void factsRefuseValuesOutsideTheirScales() {
		assertThatIllegalArgumentException().isThrownBy(() -> anEligibleCandidate().withPfirrmann(6).build())
			.withMessageContaining("worstPfirrmannFiveGrade");
		assertThatIllegalArgumentException().isThrownBy(() -> anEligibleCandidate().withStenosis("CRITICAL").build())
			.withMessageContaining("worstStenosisGrade");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> anEligibleCandidate().withConditionFamilies("ARTHRITIS").build())
			.withMessageContaining("conditionFamilies");
	}

	@Test
	void checklistRefusesItemNamesRulesCouldNotAddress() {
		Map<String, Boolean> checklist = new HashMap<>();
		checklist.put("active infection", true);

		assertThatExceptionOfType(Refusal.class)
			.isThrownBy(() -> new CandidacyInput(checklist, anEligibleCandidate().build().facts()));
	}

	private static UnaryOperator<CandidacyInputFixture> op(UnaryOperator<CandidacyInputFixture> change) {
		return change;
	}

	private static CandidacyRuleSet ruleSet(String decision, String... conditions) {
		return CandidacyRuleSet.parse(json("{'name':'Probe','version':1,'rules':[{'id':'probe','decision':'" + decision
				+ "','message':'Probe fired.','when':[" + String.join(",", conditions) + "]}]}"));
	}

	private static String json(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

}
