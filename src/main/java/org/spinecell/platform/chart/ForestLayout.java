package org.spinecell.platform.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the parts of a {@link Forest} go, in the units of {@link SvgChart#WIDTH}, shared by the SVG
 * and the PDF drawing: term labels from the left edge, the plot in the middle, values on the right,
 * one row per term below the column headings.
 */
final class ForestLayout {

	static final double LABEL_X = 8;

	static final double PLOT_LEFT = 220;

	static final double PLOT_RIGHT = 470;

	static final double VALUES_X = 480;

	static final double TOP = 44;

	static final double HEADINGS_Y = 38;

	static final double ROW = 24;

	/** Labels longer than this are cut with an ellipsis in the drawing (the table keeps them whole). */
	static final int LABEL_CHARS = 34;

	private ForestLayout() {
	}

	static double bottom(Forest forest) {
		return TOP + Math.max(1, forest.rows().size()) * ROW;
	}

	static int height(Forest forest) {
		return (int) (bottom(forest) + 56);
	}

	/** The vertical centre of row {@code i}. */
	static double rowY(int i) {
		return TOP + ROW * i + ROW / 2;
	}

	static String shortLabel(String label) {
		return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "\u2026";
	}

	/** The value axis of a forest plot, linear or logarithmic. */
	record ValueScale(double min, double max, boolean log, List<Double> ticks, double step) {

		double at(double value) {
			double position = log ? (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min))
					: (value - min) / (max - min);
			return PLOT_LEFT + position * (PLOT_RIGHT - PLOT_LEFT);
		}

		String label(double value) {
			if (log) {
				return BigDecimal.valueOf(value).round(new java.math.MathContext(6)).stripTrailingZeros()
					.toPlainString();
			}
			return new ChartScales.Scale(Chart.Scale.NUMBER, min, max, 0, 1, ticks, step).label(value);
		}

	}

	static ValueScale scale(Forest forest) {
		List<Double> values = new ArrayList<>();
		values.add(forest.reference());
		for (Forest.Row row : forest.rows()) {
			if (row.estimate() != null) {
				values.add(row.estimate());
			}
			if (row.low() != null) {
				values.add(row.low());
				values.add(row.high());
			}
		}
		if (!forest.log()) {
			ChartScales.Scale linear = ChartScales.scale(Chart.Axis.number(forest.estimate()), values, PLOT_LEFT,
					PLOT_RIGHT);
			return new ValueScale(linear.min(), linear.max(), false, linear.ticks(), linear.step());
		}
		return logScale(values);
	}

	/**
	 * A log axis from the largest of 1, 2 or 5 times a power of ten at or below the smallest value
	 * to the smallest at or above the largest; ticked at those steps, or at powers of ten only when
	 * that would make more than seven ticks.
	 */
	static ValueScale logScale(List<Double> values) {
		double smallest = values.stream().mapToDouble(v -> v).min().orElse(1);
		double largest = values.stream().mapToDouble(v -> v).max().orElse(1);
		List<Double> candidates = new ArrayList<>();
		for (int power = (int) Math.floor(Math.log10(smallest)) - 1; power <= (int) Math.ceil(Math.log10(largest))
				+ 1; power++) {
			for (int mantissa : new int[] { 1, 2, 5 }) {
				candidates.add(BigDecimal.valueOf(mantissa).scaleByPowerOfTen(power).doubleValue());
			}
		}
		int from = 0;
		int to = candidates.size() - 1;
		while (from + 1 < candidates.size() && candidates.get(from + 1) <= smallest) {
			from++;
		}
		while (to - 1 >= 0 && candidates.get(to - 1) >= largest) {
			to--;
		}
		if (to <= from) {
			from = Math.max(0, from - 1);
			to = Math.min(candidates.size() - 1, from + 2);
		}
		List<Double> ticks = new ArrayList<>(candidates.subList(from, to + 1));
		if (ticks.size() > 7) {
			ticks.removeIf(t -> Math.abs(Math.log10(t) - Math.round(Math.log10(t))) > 1e-9);
		}
		return new ValueScale(candidates.get(from), candidates.get(to), true, ticks, 0);
	}

}
