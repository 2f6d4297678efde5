package org.spinecell.patients.candidacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.spinecell.patients.CandidacyDecision.Decision;
import org.spinecell.patients.CandidacyInput;
import org.spinecell.patients.candidacy.CandidacyRule.Condition;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

/**
 * The JSON form of a candidacy rule set, read with every problem reported against its JSON path
 * (a clinic uploads rule sets, so they are checked as untrusted input). Its limits are the format's;
 * {@link CandidacyRuleSetWriter} writes a rule set back in one canonical layout.
 */
final class CandidacyRuleSetFormat {

	/** The field name used for problems with the document as a whole. */
	static final String DOCUMENT = "ruleSet";

	static final int MAX_CHARS = 512 * 1024;

	static final int MAX_RULES = 200;

	static final int MAX_CONDITIONS = 20;

	static final int MAX_LIST_VALUES = 50;

	private static final Pattern RULE_ID = Pattern.compile("[a-z0-9-]{1,60}");

	private static final Set<String> RESERVED_IDS = Set.of(CandidacyRuleSet.CHECKLIST_INCOMPLETE,
			CandidacyRuleSet.ALL_CRITERIA_MET);

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final List<FieldProblem> problems = new ArrayList<>();

	private final Map<String, Integer> ruleIndexById = new HashMap<>();

	private CandidacyRuleSetFormat() {
	}

	/** Parses and validates; throws {@link Refusal#invalid(List)} listing every problem found. */
	static CandidacyRuleSet read(String json) {
		return new CandidacyRuleSetFormat().readDocument(json);
	}

	private CandidacyRuleSet readDocument(String json) {
		JsonNode root = tree(json);
		if (root != null) {
			allowOnly(root, "", Set.of("name", "version", "note", "rules"));
			String name = text(root, "", "name", 120, true);
			int version = version(root);
			String note = text(root, "", "note", 2000, false);
			List<CandidacyRule> rules = rules(root.get("rules"));
			if (problems.isEmpty()) {
				return new CandidacyRuleSet(name, version, note, rules);
			}
		}
		throw Refusal.invalid(problems);
	}

	private JsonNode tree(String json) {
		if (json == null || json.isBlank()) {
			problem(DOCUMENT, "is required");
			return null;
		}
		if (json.length() > MAX_CHARS) {
			problem(DOCUMENT, "must be at most " + MAX_CHARS + " characters");
			return null;
		}
		try {
			JsonNode root = JSON.readTree(json);
			if (root == null || !root.isObject()) {
				problem(DOCUMENT, "must be a JSON object with name, version and rules");
				return null;
			}
			return root;
		}
		catch (JacksonException ex) {
			TokenStreamLocation at = ex.getLocation();
			problem(DOCUMENT, "is not valid JSON" + (at == null ? ""
					: " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
			return null;
		}
	}

	private int version(JsonNode root) {
		JsonNode node = root.get("version");
		if (node == null || node.isNull()) {
			problem("version", "is required");
		}
		else if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
			problem("version", "must be a positive whole number");
		}
		else {
			return node.intValue();
		}
		return 0;
	}

	private List<CandidacyRule> rules(JsonNode node) {
		List<CandidacyRule> rules = new ArrayList<>();
		if (node == null || node.isNull()) {
			problem("rules", "is required");
		}
		else if (!node.isArray() || node.isEmpty() || node.size() > MAX_RULES) {
			problem("rules", "must be a list of 1 to " + MAX_RULES + " rules");
		}
		else {
			for (int i = 0; i < node.size(); i++) {
				rules.add(rule(node.get(i), i));
			}
		}
		return rules;
	}

	private CandidacyRule rule(JsonNode node, int index) {
		String at = "rules[" + index + "]";
		if (!node.isObject()) {
			problem(at, "must be an object with id, decision, message and when");
			return null;
		}
		allowOnly(node, at, Set.of("id", "decision", "message", "when"));
		String id = text(node, at, "id", 60, true);
		if (id != null) {
			Integer earlier = ruleIndexById.putIfAbsent(id, index);
			if (!RULE_ID.matcher(id).matches()) {
				problem(at + ".id", "must be 1 to 60 lower-case letters, digits and hyphens");
			}
			else if (RESERVED_IDS.contains(id)) {
				problem(at + ".id", "is reserved for a built-in reason");
			}
			else if (earlier != null) {
				problem(at + ".id", "repeats the id of rules[" + earlier + "]");
			}
		}
		String decision = text(node, at, "decision", 20, true);
		List<String> decisions = Arrays.stream(Decision.values()).map(Decision::name).toList();
		if (decision != null && !decisions.contains(decision)) {
			problem(at + ".decision", "must be one of " + String.join(", ", decisions));
		}
		String message = text(node, at, "message", 500, true);
		List<Condition> when = conditions(node.get("when"), at + ".when");
		return problems.isEmpty() ? new CandidacyRule(id, Decision.valueOf(decision), message, when) : null;
	}

	private List<Condition> conditions(JsonNode node, String at) {
		List<Condition> conditions = new ArrayList<>();
		if (node == null || node.isNull()) {
			problem(at, "is required");
		}
		else if (!node.isArray() || node.isEmpty() || node.size() > MAX_CONDITIONS) {
			problem(at, "must be a list of 1 to " + MAX_CONDITIONS + " conditions");
		}
		else {
			for (int i = 0; i < node.size(); i++) {
				conditions.add(condition(node.get(i), at + "[" + i + "]"));
			}
		}
		return conditions;
	}

	private Condition condition(JsonNode node, String at) {
		if (!node.isObject()) {
			problem(at, "must be an object with input, op and, for most operators, value");
			return null;
		}
		allowOnly(node, at, Set.of("input", "op", "value"));
		String input = text(node, at, "input", 80, true);
		InputKind kind = input == null ? null : CandidacyInput.kindOf(input);
		if (input != null && kind == null) {
			problem(at + ".input", "must be one of " + String.join(", ", CandidacyInput.factNames())
					+ ", or checklist.<item> where the item is 1 to 60 letters");
		}
		String symbol = text(node, at, "op", 20, true);
		CandidacyOperator op = symbol == null ? null : CandidacyOperator.bySymbol(symbol).orElse(null);
		if (symbol != null && op == null) {
			problem(at + ".op", "must be one of " + String.join(", ", CandidacyOperator.symbols()));
		}
		else if (op != null && kind != null && !op.appliesTo(kind)) {
			problem(at + ".op", "must be one of " + String.join(", ", CandidacyOperator.symbolsFor(kind)) + " for "
					+ input);
		}
		else if (op != null && kind != null) {
			return new Condition(input, op, value(node.get("value"), at + ".value", op, input, kind));
		}
		return null;
	}

	private Object value(JsonNode node, String at, CandidacyOperator op, String input, InputKind kind) {
		boolean absent = node == null || node.isNull();
		switch (op.operand()) {
			case NONE -> {
				if (!absent) {
					problem(at, "must be left out for " + op.symbol());
				}
				return null;
			}
			case ONE -> {
				if (absent) {
					problem(at, "is required for " + op.symbol());
					return null;
				}
				return scalar(node, at, input, kind);
			}
			case LIST -> {
				if (absent || !node.isArray() || node.isEmpty() || node.size() > MAX_LIST_VALUES) {
					problem(at, "must be a list of 1 to " + MAX_LIST_VALUES + " values for " + op.symbol());
					return null;
				}
				List<Object> values = new ArrayList<>();
				for (int i = 0; i < node.size(); i++) {
					values.add(scalar(node.get(i), at + "[" + i + "]", input, kind));
				}
				return values.contains(null) ? null : List.copyOf(values);
			}
		}
		throw new IllegalStateException("unknown operand " + op.operand());
	}

	private Object scalar(JsonNode node, String at, String input, InputKind kind) {
		switch (kind) {
			case YES_NO -> {
				if (node.isBoolean()) {
					return node.booleanValue();
				}
				problem(at, "must be true or false");
			}
			case WHOLE_NUMBER -> {
				if (node.isIntegralNumber() && node.canConvertToLong()) {
					return node.longValue();
				}
				problem(at, "must be a whole number");
			}
			case CODE, CODE_SET -> {
				List<String> codes = CandidacyInput.codesOf(input);
				if (node.isString() && codes.contains(node.stringValue())) {
					return node.stringValue();
				}
				problem(at, "must be one of " + String.join(", ", codes));
			}
		}
		return null;
	}

	/** A string member, stripped; {@code null} (with a problem if required) when absent or unusable. */
	private String text(JsonNode node, String at, String field, int maxLength, boolean required) {
		String path = at.isEmpty() ? field : at + "." + field;
		JsonNode member = node.get(field);
		if (member == null || member.isNull()) {
			if (required) {
				problem(path, "is required");
			}
			return null;
		}
		if (!member.isString() || member.stringValue().isBlank()) {
			problem(path, "must be a non-blank string");
			return null;
		}
		String value = member.stringValue().strip();
		if (value.length() > maxLength) {
			problem(path, "must be at most " + maxLength + " characters");
			return null;
		}
		return value;
	}

	/** Refuses unknown members, so a misspelt field is reported instead of silently ignored. */
	private void allowOnly(JsonNode node, String at, Set<String> fields) {
		for (String name : node.propertyNames()) {
			if (!fields.contains(name)) {
				problem(at.isEmpty() ? name : at + "." + name, "is not a known field");
			}
		}
	}

	private void problem(String field, String message) {
		problems.add(new FieldProblem(field, message));
	}

}
