package org.spinecell.patients.candidacy;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.spinecell.patients.CandidacyInput;
import org.spinecell.patients.candidacy.CandidacyRule.Condition;
import org.spinecell.patients.candidacy.CandidacyRule;
import org.spinecell.patients.candidacy.CandidacyRuleSet;
import org.spinecell.patients.candidacy.CandidacyRuleSetFormat;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CandidacyRuleSetTests {

	private static final String VALID_CONDITION = "{'input':'facts.age','op':'lt','value':18}";

	private static final String VALID_RULE = "{'id':'minor','decision':'NOT_ELIGIBLE','message':'Under 18.','when':["
			+ VALID_CONDITION + "]}";

	@Test
	void defaultRuleSetParsesWithItsNameVersionAndReviewNote() {
		CandidacyRuleSet rules = CandidacyRuleSet.defaultRules();

		assertThat(rules.name()).isEqualTo("SpineCell default screening");
		assertThat(rules.version()).isEqualTo(1);
		assertThat(rules.note()).contains("must review").contains("clinicians make the decision");
	}

	@Test
	void defaultRuleSetAsksAboutEveryStandardChecklistItem() {
		List<String> inputs = CandidacyRuleSet.defaultRules()
			.rules()
			.stream()
			.flatMap(rule -> rule.when().stream())
			.map(Condition::input)
			.toList();

		assertThat(inputs).containsAll(CandidacyInput.STANDARD_CHECKLIST.stream().map(item -> "checklist." + item).toList());
	}

	@Test
	void roundTripThroughCanonicalJsonGivesAnEqualRuleSet() {
		CandidacyRuleSet original = CandidacyRuleSet.defaultRules();

		CandidacyRuleSet reparsed = CandidacyRuleSet.parse(original.toJson());

		assertThat(reparsed).isEqualTo(original).hasSameHashCodeAs(original);
		assertThat(reparsed.toJson()).isEqualTo(original.toJson());
	}

	@Test
	void roundTripKeepsEveryKindOfValue() {
		CandidacyRuleSet original = CandidacyRuleSet.parse(ruleSetOf("{'id':'all-kinds','decision':'REFER','message':'m','when':["
				+ "{'input':'checklist.smoker','op':'eq','value':true},{'input':'facts.age','op':'in','value':[40,50]},"
				+ "{'input':'facts.worstStenosisGrade','op':'in','value':['MODERATE','SEVERE']},"
				+ "{'input':'facts.conditionFamilies','op':'contains','value':'HERNIATED_DISC'},"
				+ "{'input':'facts.worstModicType','op':'isNull'}]}"));

		assertThat(CandidacyRuleSet.parse(original.toJson())).isEqualTo(original);
	}

	@Test
	void canonicalJsonIgnoresLayoutAndSurroundingWhitespaceOfStrings() {
		CandidacyRuleSet compact = CandidacyRuleSet.parse(ruleSetOf(VALID_RULE));
		CandidacyRuleSet spaced = CandidacyRuleSet.parse(json("""
				{ 'name' : '  Test rules ',
				  'version' : 1,
				  'rules' : [ { 'when' : [ { 'value' : 18, 'op' : 'lt', 'input' : 'facts.age' } ],
				                'message' : ' Under 18. ', 'decision' : 'NOT_ELIGIBLE', 'id' : 'minor' } ] }
				"""));

		assertThat(spaced).isEqualTo(compact);
		assertThat(spaced.toJson()).isEqualTo(compact.toJson());
	}

	@Test
	void acceptsChecklistItemsBeyondTheStandardNine() {
		CandidacyRuleSet rules = CandidacyRuleSet.parse(
				ruleSetOf("{'id':'smoker','decision':'REFER','message':'m','when':[{'input':'checklist.currentSmoker','op':'isTrue'}]}"));

		assertThat(rules.rules()).singleElement().extracting(CandidacyRule::id).isEqualTo("smoker");
	}

	@Test
	void acceptsTheLimitsThemselves() {
		String rules = IntStream.range(0, CandidacyRuleSetFormat.MAX_RULES)
			.mapToObj(i -> "{'id':'r" + i + "','decision':'REFER','message':'" + "m".repeat(500) + "','when':["
					+ VALID_CONDITION + "]}")
			.collect(Collectors.joining(","));

		assertThat(CandidacyRuleSet.parse(json("{'name':'Limits','version':2147483647,'rules':[" + rules + "]}"))
			.rules()).hasSize(200);
	}

	@Test
	void reportsEveryProblemAtOnce() {
		assertThat(problemsOf(json("{'name':'','version':0,'rules':[{'id':'X','decision':'MAYBE','message':'m','when':["
				+ "{'input':'facts.height','op':'between'}]}]}")))
			.extracting(FieldProblem::field)
			.containsExactly("name", "version", "rules[0].id", "rules[0].decision", "rules[0].when[0].input",
					"rules[0].when[0].op");
	}

	@Test
	void problemMessagesSayWhatIsExpected() {
		assertThat(problemsOf(ruleSetOf("{'id':'r','decision':'REFER','message':'m','when':[{'input':'facts.age','op':'isTrue'}]}")))
			.singleElement()
			.extracting(FieldProblem::message)
			.isEqualTo("must be one of eq, ne, lt, lte, gt, gte, in, isNull, notNull for facts.age");
	}

	@ParameterizedTest(name = "{0} is reported at {2}")
	@MethodSource("invalidRuleSets")
	void reportsEachProblemAtItsExactPath(String problem, String json, String field) {
		assertThat(problemsOf(json)).extracting(FieldProblem::field).containsExactly(field);
	}

	static Stream<Arguments> invalidRuleSets() {
		String rule = "{'id':'second','decision':'REFER','message':'m','when':[" + VALID_CONDITION + "]}";
		return Stream.of(
				arguments("an empty document", "", "ruleSet"),
				arguments("text that is not JSON", "screen everyone", "ruleSet"),
				arguments("a top-level array", "[1]", "ruleSet"),
				arguments("content after the object", withRule(VALID_RULE.replace("minor", "second")) + " []", "ruleSet"),
				arguments("a repeated member",
						json("{'name':'a','name':'b','version':1,'rules':[" + VALID_RULE + "]}"), "ruleSet"),
				arguments("an oversized document", " ".repeat(CandidacyRuleSetFormat.MAX_CHARS) + "{}", "ruleSet"),
				arguments("an unknown top-level member",
						json("{'name':'a','version':1,'author':'x','rules':[" + VALID_RULE + "]}"), "author"),
				arguments("a missing name", json("{'version':1,'rules':[" + VALID_RULE + "]}"), "name"),
				arguments("a blank name", json("{'name':'  ','version':1,'rules':[" + VALID_RULE + "]}"), "name"),
				arguments("a numeric name", json("{'name':7,'version':1,'rules':[" + VALID_RULE + "]}"), "name"),
				arguments("a name over 120 characters",
						json("{'name':'" + "n".repeat(121) + "','version':1,'rules':[" + VALID_RULE + "]}"), "name"),
				arguments("a missing version", json("{'name':'a','rules':[" + VALID_RULE + "]}"), "version"),
				arguments("version zero", json("{'name':'a','version':0,'rules':[" + VALID_RULE + "]}"), "version"),
				arguments("a negative version",
						json("{'name':'a','version':-2,'rules':[" + VALID_RULE + "]}"), "version"),
				arguments("a fractional version",
						json("{'name':'a','version':1.5,'rules':[" + VALID_RULE + "]}"), "version"),
				arguments("a version as text",
						json("{'name':'a','version':'1','rules':[" + VALID_RULE + "]}"), "version"),
				arguments("a version beyond int",
						json("{'name':'a','version':3000000000,'rules':[" + VALID_RULE + "]}"), "version"),
				arguments("a note over 2000 characters",
						json("{'name':'a','version':1,'note':'" + "n".repeat(2001) + "','rules':[" + VALID_RULE + "]}"), "note"),
				arguments("missing rules", json("{'name':'a','version':1}"), "rules"),
				arguments("rules as an object", json("{'name':'a','version':1,'rules':{}}"), "rules"),
				arguments("no rules", json("{'name':'a','version':1,'rules':[]}"), "rules"),
				arguments("more than 200 rules", manyRules(201), "rules"),
				arguments("a rule that is not an object", withRule("7"), "rules[1]"),
				arguments("an unknown rule member",
						withRule("{'id':'second','decision':'REFER','message':'m','colour':'red','when':[" + VALID_CONDITION + "]}"), "rules[1].colour"),
				arguments("a missing id",
						withRule("{'decision':'REFER','message':'m','when':[" + VALID_CONDITION + "]}"), "rules[1].id"),
				arguments("an id with capitals", withRule(rule.replace("'second'", "'Second'")), "rules[1].id"),
				arguments("an id with an underscore", withRule(rule.replace("'second'", "'sec_ond'")), "rules[1].id"),
				arguments("an id over 60 characters",
						withRule(rule.replace("'second'", "'" + "x".repeat(61) + "'")), "rules[1].id"),
				arguments("a repeated id", withRule(rule.replace("'second'", "'minor'")), "rules[1].id"),
				arguments("the built-in checklist id",
						withRule(rule.replace("'second'", "'checklist-incomplete'")), "rules[1].id"),
				arguments("the built-in all-clear id",
						withRule(rule.replace("'second'", "'all-criteria-met'")), "rules[1].id"),
				arguments("an unknown decision", withRule(rule.replace("'REFER'", "'MAYBE'")), "rules[1].decision"),
				arguments("a lower-case decision", withRule(rule.replace("'REFER'", "'refer'")), "rules[1].decision"),
				arguments("a missing decision", withRule(rule.replace("'decision':'REFER',", "")), "rules[1].decision"),
				arguments("an empty message",
						withRule(rule.replace("'message':'m'", "'message':''")), "rules[1].message"),
				arguments("a message over 500 characters",
						withRule(rule.replace("'message':'m'", "'message':'" + "m".repeat(501) + "'")), "rules[1].message"),
				arguments("a missing message", withRule(rule.replace("'message':'m',", "")), "rules[1].message"),
				arguments("a missing when",
						withRule("{'id':'second','decision':'REFER','message':'m'}"), "rules[1].when"),
				arguments("an empty when",
						withRule("{'id':'second','decision':'REFER','message':'m','when':[]}"), "rules[1].when"),
				arguments("when as text",
						withRule("{'id':'second','decision':'REFER','message':'m','when':'always'}"), "rules[1].when"),
				arguments("more than 20 conditions", withRule("{'id':'second','decision':'REFER','message':'m','when':["
						+ String.join(",", Collections.nCopies(21, VALID_CONDITION)) + "]}"), "rules[1].when"),
				arguments("a condition that is not an object", withCondition("'age'"), "rules[1].when[1]"),
				arguments("an unknown condition member",
						withCondition("{'input':'checklist.pregnancy','op':'isTrue','valeu':1}"), "rules[1].when[1].valeu"),
				arguments("a missing input", withCondition("{'op':'isTrue'}"), "rules[1].when[1].input"),
				arguments("an unknown fact",
						withCondition("{'input':'facts.weight','op':'gt','value':100}"), "rules[1].when[1].input"),
				arguments("an input outside facts and checklist",
						withCondition("{'input':'patient.age','op':'gt','value':100}"), "rules[1].when[1].input"),
				arguments("a checklist item with a hyphen",
						withCondition("{'input':'checklist.active-infection','op':'isTrue'}"), "rules[1].when[1].input"),
				arguments("a checklist item over 60 letters",
						withCondition("{'input':'checklist." + "a".repeat(61) + "','op':'isTrue'}"), "rules[1].when[1].input"),
				arguments("an empty checklist item",
						withCondition("{'input':'checklist.','op':'isTrue'}"), "rules[1].when[1].input"),
				arguments("a missing op", withCondition("{'input':'facts.age'}"), "rules[1].when[1].op"),
				arguments("an unknown op",
						withCondition("{'input':'facts.age','op':'between','value':[1,2]}"), "rules[1].when[1].op"),
				arguments("an op in the wrong case",
						withCondition("{'input':'checklist.pregnancy','op':'istrue'}"), "rules[1].when[1].op"),
				arguments("isTrue on a number",
						withCondition("{'input':'facts.age','op':'isTrue'}"), "rules[1].when[1].op"),
				arguments("lt on a checklist item",
						withCondition("{'input':'checklist.pregnancy','op':'lt','value':1}"), "rules[1].when[1].op"),
				arguments("lt on a code",
						withCondition("{'input':'facts.worstStenosisGrade','op':'lt','value':'SEVERE'}"), "rules[1].when[1].op"),
				arguments("contains on a number",
						withCondition("{'input':'facts.age','op':'contains','value':'1'}"), "rules[1].when[1].op"),
				arguments("eq on a set",
						withCondition("{'input':'facts.conditionFamilies','op':'eq','value':'HERNIATED_DISC'}"), "rules[1].when[1].op"),
				arguments("in on a checklist item",
						withCondition("{'input':'checklist.pregnancy','op':'in','value':[true]}"), "rules[1].when[1].op"),
				arguments("a missing value for lt",
						withCondition("{'input':'facts.age','op':'lt'}"), "rules[1].when[1].value"),
				arguments("a null value for eq",
						withCondition("{'input':'facts.age','op':'eq','value':null}"), "rules[1].when[1].value"),
				arguments("a value for isTrue",
						withCondition("{'input':'checklist.pregnancy','op':'isTrue','value':true}"), "rules[1].when[1].value"),
				arguments("a value for isNull",
						withCondition("{'input':'facts.worstModicType','op':'isNull','value':1}"), "rules[1].when[1].value"),
				arguments("a number as text",
						withCondition("{'input':'facts.age','op':'lt','value':'18'}"), "rules[1].when[1].value"),
				arguments("a fractional number",
						withCondition("{'input':'facts.age','op':'lt','value':17.5}"), "rules[1].when[1].value"),
				arguments("a number beyond long",
						withCondition("{'input':'facts.age','op':'lt','value':99999999999999999999}"), "rules[1].when[1].value"),
				arguments("a boolean for a number",
						withCondition("{'input':'facts.age','op':'eq','value':true}"), "rules[1].when[1].value"),
				arguments("text for a checklist answer",
						withCondition("{'input':'checklist.pregnancy','op':'eq','value':'yes'}"), "rules[1].when[1].value"),
				arguments("an unknown stenosis grade",
						withCondition("{'input':'facts.worstStenosisGrade','op':'eq','value':'CRITICAL'}"), "rules[1].when[1].value"),
				arguments("an unknown sex",
						withCondition("{'input':'facts.sex','op':'ne','value':'F'}"), "rules[1].when[1].value"),
				arguments("an unknown condition family",
						withCondition("{'input':'facts.conditionFamilies','op':'contains','value':'ARTHRITIS'}"), "rules[1].when[1].value"),
				arguments("a number for a condition family",
						withCondition("{'input':'facts.conditionFamilies','op':'contains','value':3}"), "rules[1].when[1].value"),
				arguments("a single value for in",
						withCondition("{'input':'facts.age','op':'in','value':40}"), "rules[1].when[1].value"),
				arguments("an empty list for in",
						withCondition("{'input':'facts.age','op':'in','value':[]}"), "rules[1].when[1].value"),
				arguments("more than 50 values for in", withCondition("{'input':'facts.age','op':'in','value':["
						+ IntStream.range(0, 51).mapToObj(Integer::toString).collect(Collectors.joining(",")) + "]}"), "rules[1].when[1].value"),
				arguments("a wrong list element for in",
						withCondition("{'input':'facts.worstStenosisGrade','op':'in','value':['MILD','CRITICAL']}"), "rules[1].when[1].value[1]"));
	}

	private static List<FieldProblem> problemsOf(String json) {
		Refusal refusal = catchThrowableOfType(Refusal.class, () -> CandidacyRuleSet.parse(json));
		assertThat(refusal).as("rule set refused").isNotNull();
		return refusal.errors();
	}

	private static String ruleSetOf(String... rules) {
		return json("{'name':'Test rules','version':1,'rules':[" + String.join(",", rules) + "]}");
	}

	/** A valid first rule followed by the given one, which is therefore {@code rules[1]}. */
	private static String withRule(String rule) {
		return ruleSetOf(VALID_RULE, rule);
	}

	/** A rule set whose second rule has a valid first condition and the given second one. */
	private static String withCondition(String condition) {
		return withRule("{'id':'second','decision':'REFER','message':'m','when':[" + VALID_CONDITION + "," + condition + "]}");
	}

	private static String manyRules(int count) {
		return json("{'name':'a','version':1,'rules':[" + IntStream.range(0, count)
			.mapToObj(i -> "{'id':'r" + i + "','decision':'REFER','message':'m','when':[" + VALID_CONDITION + "]}")
			.collect(Collectors.joining(",")) + "]}");
	}

	/** Test JSON is written with single quotes for readability. */
	private static String json(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

}
