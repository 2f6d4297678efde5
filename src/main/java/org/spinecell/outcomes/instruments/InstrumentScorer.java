package org.spinecell.outcomes.instruments;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spinecell.outcomes.instruments.InstrumentDefinition.Domain;
import org.spinecell.outcomes.instruments.InstrumentDefinition.Item;
import org.spinecell.outcomes.instruments.Score.Measurement;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.FieldProblem;

/**
 * Checks a set of answers against an instrument definition and scores it. Answers that cannot be
 * right (an unknown item, a value out of range, a fraction, a missing required item) are refused
 * with a 422 naming the item; answers that are merely incomplete are scored with
 * {@code valid=false} and the reason, so what the patient did answer is kept.
 */
public final class InstrumentScorer {

	static final String NO_T_SCORE_TABLE = "T-score table not loaded";

	static final String NO_VALUE_SET = "EQ-5D value set not loaded";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private InstrumentScorer() {
	}

	/**
	 * The answers checked and completed: every item of the definition, in order, with
	 * {@code null} where it was not answered. Integers come back as {@link Integer}.
	 */
	public static Map<String, Object> normalise(InstrumentDefinition definition, Map<String, ?> answers) {
		List<FieldProblem> problems = new ArrayList<>();
		for (String key : answers.keySet()) {
			if (definition.item(key).isEmpty()) {
				problems.add(new FieldProblem(key, "is not an item of " + definition.id()));
			}
		}
		Map<String, Object> normalised = new LinkedHashMap<>();
		for (Item item : definition.items()) {
			Object answer = answers.get(item.linkId());
			if (answer == null) {
				if (item.required()) {
					problems.add(new FieldProblem(item.linkId(), "is required"));
				}
				normalised.put(item.linkId(), null);
				continue;
			}
			Object value = switch (item.type()) {
				case INTEGER -> wholeNumber(answer)
					.filter(n -> n >= item.min() && n <= item.max())
					.map(Object.class::cast)
					.orElse(null);
				case BOOLEAN -> answer instanceof Boolean ? answer : null;
				case CHOICE -> answer instanceof String code && item.options().contains(code) ? code : null;
			};
			if (value == null) {
				problems.add(new FieldProblem(item.linkId(), expected(item)));
			}
			normalised.put(item.linkId(), value);
		}
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		return normalised;
	}

	/** Scores answers already checked by {@link #normalise}; {@code table} may be {@code null}. */
	public static Score score(InstrumentDefinition definition, Map<String, Object> answers, ScoringTable table) {
		return switch (definition.method()) {
			case SINGLE_ITEM -> singleItem(definition, answers);
			case SUM -> sum(definition, answers);
			case ODI_PERCENT -> odi(definition, answers);
			case COUNT_TRUE -> countTrue(definition, answers);
			case PROMIS_T_SCORE -> promis(definition, answers, table);
			case EQ5D_INDEX -> eq5d(definition, answers, table);
			case NO_SCORE -> new Score(null, true, null, Map.of(), List.of());
		};
	}

	static Score score(InstrumentDefinition definition, Map<String, ?> answers) {
		return score(definition, normalise(definition, answers), null);
	}

	private static Score singleItem(InstrumentDefinition definition, Map<String, Object> answers) {
		Integer value = (Integer) answers.get(definition.items().get(0).linkId());
		Map<String, Object> components = new LinkedHashMap<>();
		if (definition.improvedAtMost() != null) {
			components.put("direction", value <= definition.improvedAtMost() ? "IMPROVED"
					: value >= definition.worseAtLeast() ? "WORSE" : "NO_CHANGE");
		}
		return scored(definition, BigDecimal.valueOf(value), components);
	}

	private static Score sum(InstrumentDefinition definition, Map<String, Object> answers) {
		String tooMany = tooManyMissing(definition, answers);
		if (tooMany != null) {
			return invalid(tooMany, Map.of());
		}
		int sum = answers.values().stream().filter(Integer.class::isInstance).mapToInt(Integer.class::cast).sum();
		return scored(definition, BigDecimal.valueOf(sum), Map.of());
	}

	private static Score odi(InstrumentDefinition definition, Map<String, Object> answers) {
		String tooMany = tooManyMissing(definition, answers);
		List<Integer> answered = answers.values().stream().filter(Integer.class::isInstance).map(Integer.class::cast).toList();
		if (tooMany != null || answered.isEmpty()) {
			return invalid(tooMany != null ? tooMany : "no section answered", Map.of());
		}
		int sum = answered.stream().mapToInt(Integer::intValue).sum();
		BigDecimal percent = BigDecimal.valueOf(sum)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(5L * answered.size()), 1, RoundingMode.HALF_UP);
		return scored(definition, percent, Map.of("sum", sum, "sectionsAnswered", answered.size()));
	}

	private static Score countTrue(InstrumentDefinition definition, Map<String, Object> answers) {
		String tooMany = tooManyMissing(definition, answers);
		if (tooMany != null) {
			return invalid(tooMany, Map.of());
		}
		long yes = answers.values().stream().filter(Boolean.TRUE::equals).count();
		return scored(definition, BigDecimal.valueOf(yes), Map.of());
	}

	private static Score promis(InstrumentDefinition definition, Map<String, Object> answers, ScoringTable table) {
		Map<String, Integer> rawSums = new LinkedHashMap<>();
		Map<String, BigDecimal> tScores = new LinkedHashMap<>();
		List<Measurement> measurements = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Domain domain : definition.domains()) {
			List<Integer> values = domain.itemIds().stream().map(answers::get).map(Integer.class::cast).toList();
			if (values.contains(null)) {
				problems.add(domain.name() + " has unanswered items");
				continue;
			}
			int rawSum = values.stream().mapToInt(Integer::intValue).sum();
			rawSums.put(domain.name(), rawSum);
			String measure = definition.measure() + "_" + domain.name();
			if (domain.reportRaw()) {
				measurements.add(new Measurement(measure, BigDecimal.valueOf(rawSum), "{score}"));
			}
			else if (table != null) {
				BigDecimal tScore = table.tScore(domain.name(), rawSum);
				if (tScore == null) {
					problems.add("the T-score table has no row for " + domain.name() + " raw sum " + rawSum);
				}
				else {
					tScores.put(domain.name(), tScore);
					measurements.add(new Measurement(measure, tScore, definition.unit()));
				}
			}
		}
		if (table == null) {
			problems.add(0, NO_T_SCORE_TABLE);
		}
		Map<String, Object> components = Map.of("rawSums", rawSums, "tScores", tScores);
		String reason = problems.isEmpty() ? null : String.join("; ", problems);
		return new Score(null, reason == null, reason, components, measurements);
	}

	private static Score eq5d(InstrumentDefinition definition, Map<String, Object> answers, ScoringTable table) {
		StringBuilder state = new StringBuilder();
		for (String dimension : InstrumentFormat.EQ5D_DIMENSIONS) {
			state.append(answers.get(dimension));
		}
		Map<String, Object> components = new LinkedHashMap<>();
		components.put("healthState", state.toString());
		List<Measurement> measurements = new ArrayList<>();
		Object vas = answers.get(InstrumentFormat.EQ5D_VAS);
		if (vas != null) {
			components.put("vas", vas);
			measurements.add(new Measurement("EQ5D_VAS", BigDecimal.valueOf((Integer) vas), "{score}"));
		}
		BigDecimal index = table == null ? null : table.index(state.toString());
		if (index == null) {
			String reason = table == null ? NO_VALUE_SET
					: "the value set " + table.name() + " has no index for health state " + state;
			return new Score(null, false, reason, components, measurements);
		}
		index = index.setScale(3, RoundingMode.HALF_UP);
		components.put("valueSet", table.name());
		measurements.add(0, new Measurement(definition.measure(), index, definition.unit()));
		return new Score(index, true, null, components, measurements);
	}

	private static String tooManyMissing(InstrumentDefinition definition, Map<String, Object> answers) {
		long missing = answers.values().stream().filter(value -> value == null).count();
		if (missing > definition.maxMissing()) {
			return missing + " of " + answers.size() + " items unanswered; at most " + definition.maxMissing()
					+ " may be";
		}
		return null;
	}

	private static Score scored(InstrumentDefinition definition, BigDecimal value, Map<String, Object> components) {
		return new Score(value, true, null, components,
				List.of(new Measurement(definition.measure(), value, definition.unit())));
	}

	private static Score invalid(String reason, Map<String, Object> components) {
		return new Score(null, false, reason, components, List.of());
	}

	private static Optional<Integer> wholeNumber(Object answer) {
		if (answer instanceof Integer || answer instanceof Long || answer instanceof Short
				|| answer instanceof BigInteger) {
			Number number = (Number) answer;
			if (number instanceof BigInteger big && big.bitLength() > 31) {
				return Optional.empty();
			}
			long value = number.longValue();
			return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? Optional.of((int) value)
					: Optional.empty();
		}
		return Optional.empty();
	}

	private static String expected(Item item) {
		return switch (item.type()) {
			case INTEGER -> "must be a whole number from " + item.min() + " to " + item.max();
			case BOOLEAN -> "must be true or false";
			case CHOICE -> "must be one of " + item.options();
		};
	}

}
