package org.spinecell.cellproducts.release;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.spinecell.cellproducts.Marker;
import org.spinecell.cellproducts.QcTest;
import org.spinecell.cellproducts.QualitativeResult;
import org.spinecell.cellproducts.ReleaseCriterion;
import org.spinecell.cellproducts.SourceType;

/**
 * A release specification: the quality-control tests a product type needs before release, each
 * with its limit. The defaults ({@link #defaultFor}) are starting points drawn from common
 * practice; every clinic must set and approve its own release specification, and these values are
 * data so that it can.
 * <p>
 * Just over 300 lines because the limit kinds (recorded, at least, at most, one of, ISCT markers)
 * are small records nested in it, so that a specification reads as one unit.
 *
 * @param name what the specification is for, e.g. "BMAC (point of care)"
 * @param limits one limit per required test, in the order they are reported
 */
public record Specification(String name, List<Limit> limits) {

	public Specification {
		Objects.requireNonNull(name, "name");
		limits = List.copyOf(limits);
		Set<QcTest> tests = EnumSet.noneOf(QcTest.class);
		for (Limit limit : limits) {
			if (!tests.add(limit.test())) {
				throw new IllegalArgumentException(limit.test() + " has more than one limit in " + name);
			}
		}
	}

	/** The tests this specification needs, in report order. */
	public List<QcTest> requiredTests() {
		return limits.stream().map(Limit::test).toList();
	}

	/**
	 * Measures results against each limit: one criterion per required test, in order. Results of
	 * tests the specification does not need are ignored; where a test has several results, the
	 * one performed last counts.
	 */
	public List<ReleaseCriterion> evaluate(List<QcResult> latestResults) {
		Map<QcTest, QcResult> latest = new EnumMap<>(QcTest.class);
		for (QcResult result : latestResults) {
			latest.merge(result.test(), result,
					(earlier, later) -> later.performedAt().isBefore(earlier.performedAt()) ? earlier : later);
		}
		List<ReleaseCriterion> criteria = new ArrayList<>(limits.size());
		for (Limit limit : limits) {
			QcResult result = latest.get(limit.test());
			criteria.add(result == null
					? new ReleaseCriterion(limit.test().name(), limit.description(), false, "no result recorded")
					: limit.evaluate(result));
		}
		return criteria;
	}

	/** Whether every criterion is met. */
	public boolean isMetBy(List<QcResult> latestResults) {
		return evaluate(latestResults).stream().allMatch(ReleaseCriterion::met);
	}

	/**
	 * The default specification for a source type. Each clinic must replace it with the release
	 * specification it has validated and approved.
	 */
	public static Specification defaultFor(SourceType sourceType) {
		return switch (sourceType) {
			// Same-day products are given before a 14-day culture can finish: the sterility
			// result then arrives after administration, and the clinic's own specification has to
			// say how that is handled (release on the Gram stain, follow up the culture).
			case BMAC -> new Specification("BMAC (point of care)", List.of(new Recorded(QcTest.TNC),
					viabilityAtLeast70(), sterile(), noOrganismsSeen()));
			case ADIPOSE_MICROFRAGMENTED -> new Specification("Micro-fragmented adipose tissue",
					List.of(viabilityAtLeast70(), sterile(), noOrganismsSeen()));
			case ADIPOSE_SVF -> new Specification("Adipose stromal vascular fraction",
					List.of(viabilityAtLeast70(), sterile(), noOrganismsSeen()));
			case AUTOLOGOUS_MSC, ALLOGENEIC_MSC -> new Specification("Culture-expanded MSC", List.of(viabilityAtLeast70(),
					sterile(), endotoxinAtMost5PerKg(), mycoplasmaNegative(), IsctMarkers.MINIMAL_CRITERIA));
			case BIRTH_TISSUE -> new Specification("Birth tissue",
					List.of(viabilityAtLeast70(), sterile(), endotoxinAtMost5PerKg(), mycoplasmaNegative()));
			// Identity, potency and residual undifferentiated cells are defined by the IND protocol.
			case ESC_DERIVED, IPSC_DERIVED, ENGINEERED -> new Specification(sourceType.label(),
					List.of(viabilityAtLeast70(), sterile(), endotoxinAtMost5PerKg(), mycoplasmaNegative()));
		};
	}

	private static Limit viabilityAtLeast70() {
		return new AtLeast(QcTest.VIABILITY, BigDecimal.valueOf(70), "%");
	}

	private static Limit sterile() {
		return new OneOf(QcTest.STERILITY, EnumSet.of(QualitativeResult.NEGATIVE, QualitativeResult.NO_GROWTH));
	}

	private static Limit noOrganismsSeen() {
		return new OneOf(QcTest.GRAM_STAIN, EnumSet.of(QualitativeResult.NO_ORGANISMS_SEEN));
	}

	private static Limit mycoplasmaNegative() {
		return new OneOf(QcTest.MYCOPLASMA, EnumSet.of(QualitativeResult.NEGATIVE));
	}

	/** 5 EU/kg is the usual parenteral limit; intrathecal products need a far lower one. */
	private static Limit endotoxinAtMost5PerKg() {
		return new AtMost(QcTest.ENDOTOXIN, BigDecimal.valueOf(5), "EU/kg");
	}

	/** The limit for one required test. */
	public sealed interface Limit permits Recorded, AtLeast, AtMost, OneOf, IsctMarkers {

		QcTest test();

		/** The limit in words. */
		String description();

		/** The criterion for a result of this limit's test. */
		ReleaseCriterion evaluate(QcResult result);

	}

	/** Any valid result will do: the value is recorded, not judged. */
	public record Recorded(QcTest test) implements Limit {

		@Override
		public String description() {
			return test.label() + " recorded";
		}

		@Override
		public ReleaseCriterion evaluate(QcResult result) {
			return new ReleaseCriterion(test.name(), description(), true, shown(result));
		}

	}

	/** A numeric result must be at least the minimum, in the limit's unit. */
	public record AtLeast(QcTest test, BigDecimal minimum, String unit) implements Limit {

		public AtLeast {
			requireUnit(test, unit);
		}

		@Override
		public String description() {
			return test.label() + " ≥ " + number(minimum) + " " + unit;
		}

		@Override
		public ReleaseCriterion evaluate(QcResult result) {
			if (!unit.equals(result.unit())) {
				return otherUnit(test, description(), result, unit);
			}
			boolean met = result.value().compareTo(minimum) >= 0;
			return new ReleaseCriterion(test.name(), description(), met,
					met ? shown(result) : shown(result) + " is below " + number(minimum) + " " + unit);
		}

	}

	/** A numeric result must be at most the maximum, in the limit's unit. */
	public record AtMost(QcTest test, BigDecimal maximum, String unit) implements Limit {

		public AtMost {
			requireUnit(test, unit);
		}

		@Override
		public String description() {
			return test.label() + " ≤ " + number(maximum) + " " + unit;
		}

		@Override
		public ReleaseCriterion evaluate(QcResult result) {
			if (!unit.equals(result.unit())) {
				return otherUnit(test, description(), result, unit);
			}
			boolean met = result.value().compareTo(maximum) <= 0;
			return new ReleaseCriterion(test.name(), description(), met,
					met ? shown(result) : shown(result) + " is above " + number(maximum) + " " + unit);
		}

	}

	/** A qualitative result must be one of the accepted outcomes. */
	public record OneOf(QcTest test, Set<QualitativeResult> accepted) implements Limit {

		public OneOf {
			if (test.kind() != QcTest.Kind.QUALITATIVE || accepted.isEmpty() || !test.outcomes().containsAll(accepted)) {
				throw new IllegalArgumentException(accepted + " are not outcomes of " + test);
			}
			accepted = Collections.unmodifiableSet(EnumSet.copyOf(accepted));
		}

		@Override
		public String description() {
			return test.label() + ": " + accepted.stream().map(Enum::name).collect(Collectors.joining(" or "));
		}

		@Override
		public ReleaseCriterion evaluate(QcResult result) {
			boolean met = accepted.contains(result.result());
			return new ReleaseCriterion(test.name(), description(), met,
					met ? result.result().name() : result.result().name() + " is not acceptable");
		}

	}

	/**
	 * The ISCT minimal criteria for culture-expanded MSCs: every positive marker at or above the
	 * minimum; for each negative marker, or pair of which either may be tested (CD14 or CD11b,
	 * CD79a or CD19), at least one measured and every one measured at or below the maximum.
	 * Plastic adherence and trilineage differentiation are not recorded here.
	 */
	public record IsctMarkers(BigDecimal positiveMinimum, BigDecimal negativeMaximum) implements Limit {

		/** ≥ 95 % CD105, CD73, CD90; ≤ 2 % CD45, CD34, CD14 or CD11b, CD79a or CD19, HLA-DR. */
		public static final IsctMarkers MINIMAL_CRITERIA = new IsctMarkers(BigDecimal.valueOf(95), BigDecimal.valueOf(2));

		private static final List<List<Marker>> NEGATIVE_GROUPS = List.of(List.of(Marker.CD45), List.of(Marker.CD34),
				List.of(Marker.CD14, Marker.CD11B), List.of(Marker.CD79A, Marker.CD19), List.of(Marker.HLA_DR));

		@Override
		public QcTest test() {
			return QcTest.MARKER_PANEL;
		}

		@Override
		public String description() {
			return "ISCT markers: ≥ " + number(positiveMinimum) + " % CD105, CD73, CD90; ≤ " + number(negativeMaximum)
					+ " % CD45, CD34, CD14 or CD11b, CD79a or CD19, HLA-DR";
		}

		@Override
		public ReleaseCriterion evaluate(QcResult result) {
			List<String> failures = new ArrayList<>();
			for (Marker marker : Marker.values()) {
				if (marker.isPositive()) {
					BigDecimal percentage = result.marker(marker).orElse(null);
					if (percentage == null) {
						failures.add(marker.label() + " not measured");
					}
					else if (percentage.compareTo(positiveMinimum) < 0) {
						failures.add(marker.label() + " " + number(percentage) + " % is below " + number(positiveMinimum)
								+ " %");
					}
				}
			}
			for (List<Marker> group : NEGATIVE_GROUPS) {
				boolean measured = false;
				for (Marker marker : group) {
					BigDecimal percentage = result.marker(marker).orElse(null);
					if (percentage != null) {
						measured = true;
						if (percentage.compareTo(negativeMaximum) > 0) {
							failures.add(marker.label() + " " + number(percentage) + " % is above "
									+ number(negativeMaximum) + " %");
						}
					}
				}
				if (!measured) {
					failures.add(group.stream().map(Marker::label).collect(Collectors.joining(" or ")) + " not measured");
				}
			}
			return new ReleaseCriterion(test().name(), description(), failures.isEmpty(),
					failures.isEmpty() ? "all markers within limits" : String.join("; ", failures));
		}

	}

	private static void requireUnit(QcTest test, String unit) {
		if (test.kind() != QcTest.Kind.NUMERIC || !test.units().contains(unit)) {
			throw new IllegalArgumentException(test + " is not measured in " + unit);
		}
	}

	private static ReleaseCriterion otherUnit(QcTest test, String description, QcResult result, String unit) {
		return new ReleaseCriterion(test.name(), description, false,
				"recorded as " + shown(result) + "; the limit is in " + unit + ": record the result in " + unit);
	}

	private static String shown(QcResult result) {
		return switch (result.test().kind()) {
			case NUMERIC -> number(result.value()) + " " + result.unit();
			case QUALITATIVE -> result.result().name();
			case MARKER_PANEL -> result.markers().entrySet()
				.stream()
				.map(entry -> entry.getKey() + " " + number(entry.getValue()) + " %")
				.collect(Collectors.joining(", "));
		};
	}

	private static String number(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
