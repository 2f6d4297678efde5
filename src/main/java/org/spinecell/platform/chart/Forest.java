package org.spinecell.platform.chart;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A forest plot: one row per term, its estimate as a mark with a horizontal whisker for its
 * interval, a vertical reference line at the value of no effect (0 for linear-model coefficients,
 * 1 for odds ratios, optionally on a log scale), the terms on the left and "estimate (low to high)"
 * on the right. {@link SvgForest#render(Forest)} and {@link PdfChart#draw} draw it.
 *
 * @param id a prefix for the element ids of the chart, unique on the page (letters, digits, dashes)
 * @param estimate what the estimates are, the label of the value axis (e.g. "Odds ratio")
 * @param reference the value of no effect, drawn as a vertical line
 * @param log whether the value axis is logarithmic (every value must then be above 0)
 */
public record Forest(String id, String title, String description, String estimate, double reference, boolean log,
		List<Row> rows) {

	public Forest {
		Chart.requireId(id);
		rows = List.copyOf(rows);
		if (log && (reference <= 0 || rows.stream().anyMatch(Row::hasNonPositive))) {
			throw new IllegalArgumentException("A log-scale forest plot takes values above 0 only");
		}
	}

	/** Coefficients of a linear model: reference line at 0, linear axis. */
	public static Forest coefficients(String id, String title, String description, String estimate, List<Row> rows) {
		return new Forest(id, title, description, estimate, 0, false, rows);
	}

	/** Odds ratios: reference line at 1, log axis. */
	public static Forest oddsRatios(String id, String title, String description, List<Row> rows) {
		return new Forest(id, title, description, "Odds ratio (log scale)", 1, true, rows);
	}

	/**
	 * One term. A term without an estimate (e.g. a model term that could not be estimated) keeps
	 * its row, with {@code note} written in place of the values.
	 */
	public record Row(String label, Double estimate, Double low, Double high, String note) {

		public Row {
			Objects.requireNonNull(label, "label");
			if ((low == null) != (high == null)) {
				throw new IllegalArgumentException("A row has both ends of its interval or neither");
			}
			if (estimate == null && low != null) {
				throw new IllegalArgumentException("A row without an estimate has no interval");
			}
		}

		public static Row of(String label, double estimate, double low, double high) {
			return new Row(label, estimate, low, high, null);
		}

		/** A row whose term has no estimate, saying why. */
		public static Row notEstimated(String label, String note) {
			return new Row(label, null, null, null, note);
		}

		/** The right-hand column: "1.23 (0.45 to 2.01)", or the note. */
		public String values() {
			if (estimate == null) {
				return note == null ? "not estimated" : note;
			}
			String value = String.format(Locale.ROOT, "%.2f", estimate);
			return low == null ? value : value + String.format(Locale.ROOT, " (%.2f to %.2f)", low, high);
		}

		private boolean hasNonPositive() {
			return (estimate != null && estimate <= 0) || (low != null && (low <= 0 || high <= 0));
		}

	}

	/** Whether any row has an estimate. */
	public boolean hasData() {
		return rows.stream().anyMatch(r -> r.estimate() != null);
	}

}
