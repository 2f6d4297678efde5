package org.spinecell.patients.candidacy;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a rule condition compares an input with its value. Every operator except {@code isNull}
 * and {@code notNull} is false for an unknown ({@code null}) input: an unknown value never
 * matches by accident, and rules that care about it say so with {@code isNull}.
 */
enum CandidacyOperator {

	IS_TRUE("isTrue", Operand.NONE, InputKind.YES_NO),

	IS_FALSE("isFalse", Operand.NONE, InputKind.YES_NO),

	EQ("eq", Operand.ONE, InputKind.YES_NO, InputKind.WHOLE_NUMBER, InputKind.CODE),

	NE("ne", Operand.ONE, InputKind.YES_NO, InputKind.WHOLE_NUMBER, InputKind.CODE),

	LT("lt", Operand.ONE, InputKind.WHOLE_NUMBER),

	LTE("lte", Operand.ONE, InputKind.WHOLE_NUMBER),

	GT("gt", Operand.ONE, InputKind.WHOLE_NUMBER),

	GTE("gte", Operand.ONE, InputKind.WHOLE_NUMBER),

	IN("in", Operand.LIST, InputKind.WHOLE_NUMBER, InputKind.CODE),

	CONTAINS("contains", Operand.ONE, InputKind.CODE_SET),

	IS_NULL("isNull", Operand.NONE, InputKind.values()),

	NOT_NULL("notNull", Operand.NONE, InputKind.values());

	/** What a condition's {@code value} must be for the operator. */
	enum Operand {

		NONE, ONE, LIST

	}

	private final String symbol;

	private final Operand operand;

	private final Set<InputKind> kinds;

	CandidacyOperator(String symbol, Operand operand, InputKind... kinds) {
		this.symbol = symbol;
		this.operand = operand;
		this.kinds = EnumSet.copyOf(Arrays.asList(kinds));
	}

	static Optional<CandidacyOperator> bySymbol(String symbol) {
		return Arrays.stream(values()).filter(operator -> operator.symbol.equals(symbol)).findFirst();
	}

	static List<String> symbols() {
		return Arrays.stream(values()).map(CandidacyOperator::symbol).toList();
	}

	static List<String> symbolsFor(InputKind kind) {
		return Arrays.stream(values())
			.filter(operator -> operator.appliesTo(kind))
			.map(CandidacyOperator::symbol)
			.toList();
	}

	String symbol() {
		return symbol;
	}

	Operand operand() {
		return operand;
	}

	boolean appliesTo(InputKind kind) {
		return kinds.contains(kind);
	}

	/**
	 * Whether the condition holds. The rule set was validated, so {@code expected} has the type the
	 * operator and input need: a Boolean, Long or String, or a list of them for {@code in}.
	 */
	boolean holds(Object actual, Object expected) {
		if (this == IS_NULL || this == NOT_NULL) {
			return (actual == null) == (this == IS_NULL);
		}
		if (actual == null) {
			return false;
		}
		Object value = actual instanceof Integer number ? Long.valueOf(number) : actual;
		return switch (this) {
			case IS_TRUE -> Boolean.TRUE.equals(value);
			case IS_FALSE -> Boolean.FALSE.equals(value);
			case EQ -> value.equals(expected);
			case NE -> !value.equals(expected);
			case LT -> compare(value, expected) < 0;
			case LTE -> compare(value, expected) <= 0;
			case GT -> compare(value, expected) > 0;
			case GTE -> compare(value, expected) >= 0;
			case IN -> ((List<?>) expected).contains(value);
			case CONTAINS -> ((Collection<?>) value).contains(expected);
			case IS_NULL, NOT_NULL -> throw new IllegalStateException("handled above");
		};
	}

	private static int compare(Object actual, Object expected) {
		return Long.compare(((Number) actual).longValue(), ((Number) expected).longValue());
	}

}
