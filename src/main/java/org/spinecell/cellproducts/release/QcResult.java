package org.spinecell.cellproducts.release;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.spinecell.cellproducts.Marker;
import org.spinecell.cellproducts.QcTest;
import org.spinecell.cellproducts.QualitativeResult;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

/**
 * One quality-control result as the laboratory reported it. A result is always well formed (the
 * unit is one of the test's, the value physically possible, markers known): the constructor
 * refuses anything {@link #validate} finds fault with. Whether the result is good enough to
 * release the product is a separate question answered by a {@link Specification}.
 *
 * @param test the test
 * @param value the measured value of a numeric test; {@code null} otherwise
 * @param result the outcome of a qualitative test; {@code null} otherwise
 * @param unit the unit of a numeric test as the test spells it; {@code %} for a marker panel;
 * {@code null} for a qualitative test
 * @param markers percentage per marker label (e.g. {@code CD90}) for a marker panel, in marker
 * order; empty otherwise
 * @param method how it was measured (e.g. "7-AAD flow cytometry"); optional
 * @param performedAt when the test was performed
 */
public record QcResult(QcTest test, BigDecimal value, QualitativeResult result, String unit,
		Map<String, BigDecimal> markers, String method, Instant performedAt) {

	static final int MAX_METHOD_LENGTH = 200;

	/** @throws Refusal invalid, listing every problem {@link #validate} finds */
	public QcResult {
		List<FieldProblem> problems = validate(test, value, result, unit, markers, method, performedAt);
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		unit = switch (test.kind()) {
			case NUMERIC -> test.unit(unit).orElseThrow();
			case QUALITATIVE -> null;
			case MARKER_PANEL -> "%";
		};
		markers = canonical(markers);
		method = method == null || method.isBlank() ? null : method.strip();
	}

	public static QcResult numeric(QcTest test, BigDecimal value, String unit, String method, Instant performedAt) {
		return new QcResult(test, value, null, unit, Map.of(), method, performedAt);
	}

	public static QcResult qualitative(QcTest test, QualitativeResult result, String method, Instant performedAt) {
		return new QcResult(test, null, result, null, Map.of(), method, performedAt);
	}

	public static QcResult markerPanel(Map<String, BigDecimal> markers, String method, Instant performedAt) {
		return new QcResult(QcTest.MARKER_PANEL, null, null, "%", markers, method, performedAt);
	}

	/** The percentage recorded for a marker, if it was measured. */
	public Optional<BigDecimal> marker(Marker marker) {
		return Optional.ofNullable(markers.get(marker.label()));
	}

	/**
	 * Everything wrong with a result, one problem per field at fault (a marker's field is
	 * {@code markers.<name>}); empty if it is well formed.
	 */
	public static List<FieldProblem> validate(QcTest test, BigDecimal value, QualitativeResult result, String unit,
			Map<String, BigDecimal> markers, String method, Instant performedAt) {
		List<FieldProblem> problems = new ArrayList<>();
		if (test == null) {
			problems.add(new FieldProblem("test", "test is required"));
		}
		if (performedAt == null) {
			problems.add(new FieldProblem("performedAt", "performedAt is required"));
		}
		if (method != null && method.strip().length() > MAX_METHOD_LENGTH) {
			problems.add(new FieldProblem("method", "method must be at most " + MAX_METHOD_LENGTH + " characters"));
		}
		if (test == null) {
			return problems;
		}
		boolean hasMarkers = markers != null && !markers.isEmpty();
		switch (test.kind()) {
			case NUMERIC -> {
				checkNumeric(test, value, unit, problems);
				if (result != null) {
					problems.add(new FieldProblem("result", test.label() + " is measured: give a value, not a result"));
				}
				if (hasMarkers) {
					problems.add(new FieldProblem("markers", "only a marker panel has markers"));
				}
			}
			case QUALITATIVE -> {
				if (result == null) {
					problems.add(new FieldProblem("result", test.label() + " needs a result: " + outcomes(test)));
				}
				else if (!test.outcomes().contains(result)) {
					problems.add(new FieldProblem("result",
							test.label() + " cannot be " + result + "; it can be " + outcomes(test)));
				}
				if (value != null) {
					problems.add(new FieldProblem("value", test.label() + " is read, not measured: give a result, not a value"));
				}
				if (unit != null && !unit.isBlank()) {
					problems.add(new FieldProblem("unit", test.label() + " has no unit"));
				}
				if (hasMarkers) {
					problems.add(new FieldProblem("markers", "only a marker panel has markers"));
				}
			}
			case MARKER_PANEL -> {
				checkMarkers(test, markers, problems);
				if (value != null) {
					problems.add(new FieldProblem("value", "a marker panel has a percentage per marker, not one value"));
				}
				if (result != null) {
					problems.add(new FieldProblem("result", "a marker panel has a percentage per marker, not a result"));
				}
				if (unit != null && !unit.isBlank() && test.unit(unit).isEmpty()) {
					problems.add(new FieldProblem("unit", "marker percentages are in %"));
				}
			}
		}
		return problems;
	}

	private static void checkNumeric(QcTest test, BigDecimal value, String unit, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem("value", test.label() + " needs a value"));
		}
		Optional<String> known = test.unit(unit);
		if (unit == null || unit.isBlank()) {
			problems.add(new FieldProblem("unit", "unit is required: " + units(test)));
		}
		else if (known.isEmpty()) {
			problems.add(new FieldProblem("unit",
					test.label() + " is recorded in " + units(test) + ", not '" + unit.strip() + "'"));
		}
		if (value != null && known.isPresent() && !test.isPossible(value, known.get())) {
			problems.add(new FieldProblem("value", test.label() + " must be " + range(test, known.get()) + "; got "
					+ value.stripTrailingZeros().toPlainString()));
		}
	}

	private static void checkMarkers(QcTest test, Map<String, BigDecimal> markers, List<FieldProblem> problems) {
		if (markers == null || markers.isEmpty()) {
			problems.add(new FieldProblem("markers", "a marker panel needs at least one marker percentage"));
			return;
		}
		Map<Marker, String> seen = new EnumMap<>(Marker.class);
		for (Map.Entry<String, BigDecimal> entry : markers.entrySet()) {
			String field = "markers." + entry.getKey();
			Optional<Marker> marker = Marker.fromLabel(entry.getKey());
			if (marker.isEmpty()) {
				problems.add(new FieldProblem(field, "unknown marker '" + entry.getKey() + "'; known markers are "
						+ Arrays.stream(Marker.values()).map(Marker::label).collect(Collectors.joining(", "))));
				continue;
			}
			String earlier = seen.putIfAbsent(marker.get(), entry.getKey());
			if (earlier != null) {
				problems.add(new FieldProblem(field, marker.get().label() + " is given twice (also as '" + earlier + "')"));
			}
			BigDecimal percentage = entry.getValue();
			if (percentage == null) {
				problems.add(new FieldProblem(field, marker.get().label() + " needs a percentage"));
			}
			else if (!test.isPossible(percentage, "%")) {
				problems.add(new FieldProblem(field, marker.get().label() + " must be " + range(test, "%") + "; got "
						+ percentage.stripTrailingZeros().toPlainString()));
			}
		}
	}

	private static Map<String, BigDecimal> canonical(Map<String, BigDecimal> markers) {
		if (markers == null || markers.isEmpty()) {
			return Map.of();
		}
		Map<Marker, BigDecimal> byMarker = new EnumMap<>(Marker.class);
		markers.forEach((label, percentage) -> byMarker.put(Marker.fromLabel(label).orElseThrow(), percentage));
		Map<String, BigDecimal> result = new LinkedHashMap<>();
		byMarker.forEach((marker, percentage) -> result.put(marker.label(), percentage));
		return Collections.unmodifiableMap(result);
	}

	private static String outcomes(QcTest test) {
		return test.outcomes().stream().map(Enum::name).collect(Collectors.joining(" or "));
	}

	private static String units(QcTest test) {
		return String.join(" or ", test.units());
	}

	private static String range(QcTest test, String unit) {
		String minimum = test.minimum(unit).toPlainString() + " " + unit;
		return test.maximum(unit)
			.map(maximum -> "between " + test.minimum(unit).toPlainString() + " and " + maximum.toPlainString() + " "
					+ unit)
			.orElse("at least " + minimum);
	}

}
