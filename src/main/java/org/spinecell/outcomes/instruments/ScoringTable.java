package org.spinecell.outcomes.instruments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.spinecell.outcomes.instruments.InstrumentDefinition.Domain;
import org.spinecell.outcomes.instruments.InstrumentDefinition.Method;
import org.spinecell.platform.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A licensed scoring table an installation loads for one instrument: a PROMIS raw-sum to T-score
 * table per domain, or an EQ-5D value set (either every health state's index, or a constant and
 * a decrement per dimension level). SpineCell ships neither.
 * <p>
 * PROMIS: {@code {"domains": {"PHYSICAL_FUNCTION": {"4": 22.5, ...}, ...}}}. EQ-5D:
 * {@code {"name": "...", "states": {"11111": 1.0, ...}}} or
 * {@code {"name": "...", "constant": 0.05, "decrements": {"eq5d-mo": [0, 0.05, 0.1, 0.2, 0.3], ...}}}.
 */
record ScoringTable(String name, Map<String, Map<Integer, BigDecimal>> tScores, Map<String, BigDecimal> states,
		BigDecimal constant, Map<String, List<BigDecimal>> decrements) {

	/** A key sent twice would silently keep the last value: a state or a raw score scored twice is refused. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final Pattern HEALTH_STATE = Pattern.compile("[1-5]{5}");

	static ScoringTable parse(InstrumentDefinition definition, String json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (StreamReadException ex) {
			String message = ex.getOriginalMessage();
			throw Refusal.invalid("table", message != null && message.startsWith("Duplicate Object property")
					? "sends a key twice: " + message.substring("Duplicate Object property ".length())
					: "not valid JSON");
		}
		catch (JacksonException ex) {
			throw Refusal.invalid("table", "not valid JSON");
		}
		if (root == null || !root.isObject()) {
			throw Refusal.invalid("table", "must be a JSON object");
		}
		String name = root.path("name").isString() ? root.get("name").asString() : definition.id();
		if (definition.method() == Method.PROMIS_T_SCORE) {
			return new ScoringTable(name, tScores(definition, root), Map.of(), BigDecimal.ZERO, Map.of());
		}
		if (definition.method() == Method.EQ5D_INDEX) {
			return valueSet(name, root);
		}
		throw Refusal.invalid("instrument", definition.id() + " is scored without a table");
	}

	private static Map<String, Map<Integer, BigDecimal>> tScores(InstrumentDefinition definition, JsonNode root) {
		JsonNode domains = root.path("domains");
		if (!domains.isObject() || domains.isEmpty()) {
			throw Refusal.invalid("domains", "a T-score table needs an object of domains");
		}
		Map<String, Map<Integer, BigDecimal>> tables = new LinkedHashMap<>();
		for (String domainName : domains.propertyNames()) {
			Domain domain = definition.domains()
				.stream()
				.filter(d -> d.name().equals(domainName) && !d.reportRaw())
				.findFirst()
				.orElseThrow(() -> Refusal.invalid("domains." + domainName, "not a T-scored domain of "
						+ definition.id()));
			Map<Integer, BigDecimal> table = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> row : domains.get(domainName).properties()) {
				String field = "domains." + domainName + "." + row.getKey();
				int rawSum;
				try {
					rawSum = Integer.parseInt(row.getKey());
				}
				catch (NumberFormatException ex) {
					throw Refusal.invalid(field, "raw sums must be whole numbers");
				}
				table.put(rawSum, number(row.getValue(), field));
			}
			if (table.isEmpty()) {
				throw Refusal.invalid("domains." + domain.name(), "has no rows");
			}
			tables.put(domainName, Map.copyOf(table));
		}
		return Map.copyOf(tables);
	}

	private static ScoringTable valueSet(String name, JsonNode root) {
		Map<String, BigDecimal> states = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> state : root.path("states").properties()) {
			if (!HEALTH_STATE.matcher(state.getKey()).matches()) {
				throw Refusal.invalid("states." + state.getKey(), "a health state is five digits 1-5");
			}
			states.put(state.getKey(), number(state.getValue(), "states." + state.getKey()));
		}
		Map<String, List<BigDecimal>> decrements = new LinkedHashMap<>();
		JsonNode decrementNode = root.path("decrements");
		if (!decrementNode.isMissingNode()) {
			for (String dimension : InstrumentFormat.EQ5D_DIMENSIONS) {
				JsonNode levels = decrementNode.path(dimension);
				if (!levels.isArray() || levels.size() != 5) {
					throw Refusal.invalid("decrements." + dimension, "needs five numbers, one per level");
				}
				List<BigDecimal> values = new ArrayList<>();
				for (int i = 0; i < 5; i++) {
					values.add(number(levels.get(i), "decrements." + dimension + "[" + i + "]"));
				}
				decrements.put(dimension, List.copyOf(values));
			}
		}
		if (states.isEmpty() && decrements.isEmpty()) {
			throw Refusal.invalid("states", "a value set needs either states or decrements");
		}
		BigDecimal constant = root.has("constant") ? number(root.get("constant"), "constant") : BigDecimal.ZERO;
		return new ScoringTable(name, Map.of(), Map.copyOf(states), constant, Map.copyOf(decrements));
	}

	/** The T-score for a domain's raw sum, if the table has it. */
	BigDecimal tScore(String domain, int rawSum) {
		Map<Integer, BigDecimal> table = tScores.get(domain);
		return table == null ? null : table.get(rawSum);
	}

	/** The index of a health state such as {@code 21321}, if the value set can give one. */
	BigDecimal index(String healthState) {
		BigDecimal listed = states.get(healthState);
		if (listed != null || decrements.isEmpty()) {
			return listed;
		}
		if (healthState.equals("11111")) {
			return BigDecimal.ONE;
		}
		BigDecimal index = BigDecimal.ONE.subtract(constant);
		for (int i = 0; i < 5; i++) {
			int level = healthState.charAt(i) - '0';
			index = index.subtract(decrements.get(InstrumentFormat.EQ5D_DIMENSIONS.get(i)).get(level - 1));
		}
		return index;
	}

	private static BigDecimal number(JsonNode node, String field) {
		if (node == null || !node.isNumber()) {
			throw Refusal.invalid(field, "must be a number");
		}
		return node.decimalValue();
	}

}
