package org.spinecell.cellproducts;

import java.util.Locale;
import java.util.Optional;

/**
 * A surface marker of the ISCT minimal criteria for mesenchymal stromal cells: the first three
 * must be expressed, the rest must be absent.
 */
public enum Marker {

	CD105("CD105", true), CD73("CD73", true), CD90("CD90", true), CD45("CD45", false), CD34("CD34", false),
	CD14("CD14", false), CD11B("CD11b", false), CD79A("CD79a", false), CD19("CD19", false),
	HLA_DR("HLA-DR", false);

	private final String label;

	private final boolean positive;

	Marker(String label, boolean positive) {
		this.label = label;
		this.positive = positive;
	}

	/** The name as written in reports, e.g. {@code CD11b}, {@code HLA-DR}. */
	public String label() {
		return label;
	}

	/** Whether MSCs must express the marker (as opposed to lack it). */
	public boolean isPositive() {
		return positive;
	}

	/**
	 * The marker with this name in any letter case, with or without the hyphen, and with the
	 * Greek alpha of CD79α accepted for a.
	 */
	public static Optional<Marker> fromLabel(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String key = comparable(text);
		for (Marker marker : values()) {
			if (comparable(marker.label).equals(key)) {
				return Optional.of(marker);
			}
		}
		return Optional.empty();
	}

	private static String comparable(String text) {
		return text.strip().replace('α', 'a').replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
	}

}
