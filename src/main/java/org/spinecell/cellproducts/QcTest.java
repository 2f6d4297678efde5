package org.spinecell.cellproducts;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A quality-control test and what a valid result of it looks like: the units it may be recorded
 * in with the physically possible range in each (not the release limit, which belongs to the
 * {@link Specification}), or the outcomes a qualitative test can have.
 */
public enum QcTest {

	/** Total nucleated cells. */
	TNC("Total nucleated cells", Kind.NUMERIC, measuredIn("10^6/mL", 0, 10_000L)),

	/** Viable cells as a share of all cells (trypan blue, 7-AAD). */
	VIABILITY("Viability", Kind.NUMERIC, measuredIn("%", 0, 100L)),

	/** Viable CD34+ cells, as a count or as a share of nucleated cells. */
	CD34("CD34+ cells", Kind.NUMERIC, measuredIn("10^6", 0, 1_000_000L, "%", 0, 100L)),

	/** Colony-forming units - fibroblast. */
	CFU_F("CFU-F", Kind.NUMERIC, measuredIn("/mL", 0, 1_000_000L)),

	/** Aerobic, anaerobic and fungal culture. */
	STERILITY("Sterility culture", Kind.QUALITATIVE, QualitativeResult.NEGATIVE, QualitativeResult.POSITIVE,
			QualitativeResult.NO_GROWTH, QualitativeResult.GROWTH),

	/** Bacterial endotoxin per volume, or per kilogram of the recipient's weight for a dose. */
	ENDOTOXIN("Endotoxin", Kind.NUMERIC, measuredIn("EU/mL", 0, null, "EU/kg", 0, null)),

	MYCOPLASMA("Mycoplasma", Kind.QUALITATIVE, QualitativeResult.NEGATIVE, QualitativeResult.POSITIVE),

	GRAM_STAIN("Gram stain", Kind.QUALITATIVE, QualitativeResult.NO_ORGANISMS_SEEN,
			QualitativeResult.ORGANISMS_SEEN),

	/** Flow cytometry: the percentage of cells carrying each {@link Marker}. */
	MARKER_PANEL("Surface marker panel", Kind.MARKER_PANEL, measuredIn("%", 0, 100L));

	/** How a result of the test is recorded. */
	public enum Kind {

		/** A value in one of the test's units. */
		NUMERIC,

		/** One of the test's outcomes, no value or unit. */
		QUALITATIVE,

		/** A percentage per marker. */
		MARKER_PANEL

	}

	/** The possible values in one unit; a null maximum is unbounded. */
	private record Range(BigDecimal minimum, BigDecimal maximum) {
	}

	private final String label;

	private final Kind kind;

	private final Map<String, Range> ranges;

	private final Set<QualitativeResult> outcomes;

	QcTest(String label, Kind kind, Map<String, Range> ranges) {
		this.label = label;
		this.kind = kind;
		this.ranges = Collections.unmodifiableMap(ranges);
		this.outcomes = Collections.unmodifiableSet(EnumSet.noneOf(QualitativeResult.class));
	}

	QcTest(String label, Kind kind, QualitativeResult first, QualitativeResult... rest) {
		this.label = label;
		this.kind = kind;
		this.ranges = Map.of();
		this.outcomes = Collections.unmodifiableSet(EnumSet.of(first, rest));
	}

	/** The name for people, e.g. "Viability". */
	public String label() {
		return label;
	}

	public Kind kind() {
		return kind;
	}

	/** The units a value may be recorded in, the usual one first; empty if qualitative. */
	public Set<String> units() {
		return ranges.keySet();
	}

	/** The outcomes a qualitative test can have; empty otherwise. */
	public Set<QualitativeResult> outcomes() {
		return outcomes;
	}

	/** The unit as this test spells it, if the text names one of its units in any letter case. */
	public Optional<String> unit(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.strip();
		return ranges.keySet().stream().filter(unit -> unit.equalsIgnoreCase(wanted)).findFirst();
	}

	/** The smallest possible value in the unit. */
	public BigDecimal minimum(String unit) {
		return range(unit).minimum();
	}

	/** The largest possible value in the unit, or empty if there is no upper bound. */
	public Optional<BigDecimal> maximum(String unit) {
		return Optional.ofNullable(range(unit).maximum());
	}

	/** Whether the value is physically possible in the unit, which must be one of {@link #units()}. */
	public boolean isPossible(BigDecimal value, String unit) {
		Range range = range(unit);
		return value.compareTo(range.minimum()) >= 0
				&& (range.maximum() == null || value.compareTo(range.maximum()) <= 0);
	}

	private Range range(String unit) {
		Range range = ranges.get(unit);
		if (range == null) {
			throw new IllegalArgumentException(name() + " is not recorded in " + unit);
		}
		return range;
	}

	private static Map<String, Range> measuredIn(String unit, long minimum, Long maximum) {
		Map<String, Range> map = new LinkedHashMap<>();
		map.put(unit, new Range(BigDecimal.valueOf(minimum), maximum == null ? null : BigDecimal.valueOf(maximum)));
		return map;
	}

	private static Map<String, Range> measuredIn(String unit, long minimum, Long maximum, String other,
			long otherMinimum, Long otherMaximum) {
		Map<String, Range> map = measuredIn(unit, minimum, maximum);
		map.putAll(measuredIn(other, otherMinimum, otherMaximum));
		return map;
	}

}
