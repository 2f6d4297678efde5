package org.spinecell.patients;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A spinal level: either one vertebra ({@code L1}, as for a fracture) or the motion segment between
 * two adjacent vertebrae ({@code L4-L5}, the disc and facet joints between them). The vertebrae run
 * C1…C7, T1…T12, L1…L5, S1; segments include the junctions C7-T1, T12-L1 and L5-S1.
 */
public final class SpinalLevel implements Comparable<SpinalLevel> {

	/** Every vertebra from the top down; the position in this list orders the spine. */
	private static final List<String> VERTEBRAE = vertebrae();

	private static final Pattern FORM = Pattern.compile("([CTLS][0-9]{1,2})(?:-([CTLS][0-9]{1,2}))?");

	private static final int MAX_LENGTH = 10;

	private final int upper;

	private final int lower;

	private SpinalLevel(int upper, int lower) {
		this.upper = upper;
		this.lower = lower;
	}

	/**
	 * Reads a level as staff write it ({@code L4-L5}, {@code l5-s1}, {@code T12}).
	 * @throws IllegalArgumentException with a message a user can act on
	 */
	public static SpinalLevel parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("a spinal level such as L4-L5 or L1 is required");
		}
		String normalised = text.strip().toUpperCase(Locale.ROOT);
		Matcher matcher = FORM.matcher(normalised);
		if (normalised.length() > MAX_LENGTH || !matcher.matches()) {
			throw new IllegalArgumentException(
					"not a spinal level: write one vertebra such as L1 or two adjacent ones such as L4-L5");
		}
		int upper = vertebra(matcher.group(1));
		if (matcher.group(2) == null) {
			return new SpinalLevel(upper, upper);
		}
		int lower = vertebra(matcher.group(2));
		if (lower != upper + 1) {
			throw new IllegalArgumentException(matcher.group(1) + " and " + matcher.group(2)
					+ " are not adjacent vertebrae in top-to-bottom order; name one segment such as L4-L5");
		}
		return new SpinalLevel(upper, lower);
	}

	/** The level, or empty when the text is not one. */
	public static Optional<SpinalLevel> tryParse(String text) {
		try {
			return Optional.of(parse(text));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Whether this names the segment between two vertebrae rather than a single vertebra. */
	public boolean isSegment() {
		return lower != upper;
	}

	/**
	 * The region this level lies in; a segment that joins two parts of the spine belongs to the
	 * junction ({@code C7-T1} cervicothoracic, {@code T12-L1} thoracolumbar, {@code L5-S1} lumbosacral).
	 */
	public SpineRegion region() {
		char top = VERTEBRAE.get(upper).charAt(0);
		char bottom = VERTEBRAE.get(lower).charAt(0);
		if (top == bottom) {
			return switch (top) {
				case 'C' -> SpineRegion.CERVICAL;
				case 'T' -> SpineRegion.THORACIC;
				case 'L' -> SpineRegion.LUMBAR;
				default -> SpineRegion.SACRAL;
			};
		}
		return switch (top) {
			case 'C' -> SpineRegion.CERVICOTHORACIC;
			case 'T' -> SpineRegion.THORACOLUMBAR;
			default -> SpineRegion.LUMBOSACRAL;
		};
	}

	/** Whether this level lies between {@code first} and {@code last} (inclusive), both of its own kind. */
	boolean isWithin(SpinalLevel first, SpinalLevel last) {
		return isSegment() == first.isSegment() && upper >= first.upper && upper <= last.upper;
	}

	/** Every level from {@code first} to {@code last}, both vertebrae or both segments. */
	static List<SpinalLevel> range(SpinalLevel first, SpinalLevel last) {
		List<SpinalLevel> levels = new ArrayList<>();
		int span = first.isSegment() ? 1 : 0;
		for (int i = first.upper; i <= last.upper; i++) {
			levels.add(new SpinalLevel(i, i + span));
		}
		return levels;
	}

	@Override
	public int compareTo(SpinalLevel other) {
		int byUpper = Integer.compare(upper, other.upper);
		return byUpper != 0 ? byUpper : Integer.compare(lower, other.lower);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SpinalLevel level && level.upper == upper && level.lower == lower;
	}

	@Override
	public int hashCode() {
		return 31 * upper + lower;
	}

	/** The canonical form: {@code L4-L5} or {@code L1}. */
	@JsonValue
	@Override
	public String toString() {
		return isSegment() ? VERTEBRAE.get(upper) + "-" + VERTEBRAE.get(lower) : VERTEBRAE.get(upper);
	}

	private static int vertebra(String name) {
		// Exact names only: "L05" or "L6" are refused rather than guessed at.
		int index = VERTEBRAE.indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException(
					name + " is not a vertebra SpineCell records (C1-C7, T1-T12, L1-L5 and S1)");
		}
		return index;
	}

	private static List<String> vertebrae() {
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= 7; i++) {
			names.add("C" + i);
		}
		for (int i = 1; i <= 12; i++) {
			names.add("T" + i);
		}
		for (int i = 1; i <= 5; i++) {
			names.add("L" + i);
		}
		names.add("S1");
		return List.copyOf(names);
	}

}
