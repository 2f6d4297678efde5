package org.spinecell.platform.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The axes of a {@link Chart} as scales onto the drawing, for the SVG and the PDF alike: number axes
 * ticked in steps of 1, 2 or 5 times a power of ten, date axes on the first day of every 1, 2, 3, 6
 * or 12 months (or years), and the labels of their ticks.
 */
final class ChartScales {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

	private ChartScales() {
	}

	/**
	 * A tick step of 1, 2 or 5 times a power of ten that cuts {@code span} into about {@code count}
	 * parts.
	 */
	static double niceStep(double span, int count) {
		double raw = span / count;
		double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
		double normal = raw / magnitude;
		double nice = normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 5 ? 5 : 10;
		return nice * magnitude;
	}

	/** An axis mapped onto the drawing between {@code from} (at min) and {@code to} (at max). */
	record Scale(Chart.Scale kind, double min, double max, double from, double to, List<Double> ticks,
			double step) {

		double at(double value) {
			return from + (value - min) / (max - min) * (to - from);
		}

		String label(double value) {
			if (kind == Chart.Scale.DATE) {
				LocalDate day = LocalDate.ofEpochDay(Math.round(value));
				return step >= 12 ? Integer.toString(day.getYear()) : MONTH.format(day);
			}
			return number(value, step);
		}

	}

	static Scale scale(Chart.Axis axis, List<Double> values, double from, double to) {
		return axis.scale() == Chart.Scale.DATE ? dateScale(axis, values, from, to)
				: numberScale(axis, values, from, to);
	}

	private static Scale numberScale(Chart.Axis axis, List<Double> values, double from, double to) {
		double low = axis.min() != null ? axis.min() : values.stream().mapToDouble(v -> v).min().orElse(0);
		double high = axis.max() != null ? axis.max() : values.stream().mapToDouble(v -> v).max().orElse(1);
		if (high <= low) {
			low = low - 1;
			high = high + 1;
		}
		double step = niceStep(high - low, 5);
		if (axis.min() == null) {
			low = Math.floor(low / step) * step;
		}
		if (axis.max() == null) {
			high = Math.ceil(high / step) * step;
		}
		List<Double> ticks = new ArrayList<>();
		for (double tick = Math.ceil(low / step - 1e-9) * step; tick <= high + step * 1e-9; tick += step) {
			ticks.add(tick);
		}
		return new Scale(Chart.Scale.NUMBER, low, high, from, to, ticks, step);
	}

	private static Scale dateScale(Chart.Axis axis, List<Double> values, double from, double to) {
		LocalDate today = LocalDate.now();
		LocalDate first = axis.min() != null ? LocalDate.ofEpochDay(axis.min().longValue())
				: values.stream().map(v -> LocalDate.ofEpochDay(Math.round(v))).min(LocalDate::compareTo).orElse(today)
					.withDayOfMonth(1);
		LocalDate last = axis.max() != null ? LocalDate.ofEpochDay(axis.max().longValue())
				: values.stream().map(v -> LocalDate.ofEpochDay(Math.round(v))).max(LocalDate::compareTo).orElse(today)
					.withDayOfMonth(1)
					.plusMonths(1);
		if (!last.isAfter(first)) {
			last = first.plusMonths(1);
		}
		long months = monthIndex(last) - monthIndex(first);
		int step = 1;
		for (int candidate : new int[] { 1, 2, 3, 6, 12, 24, 60, 120 }) {
			step = candidate;
			if (months / candidate <= 8) {
				break;
			}
		}
		List<Double> ticks = new ArrayList<>();
		for (LocalDate tick = first.withDayOfMonth(1); !tick.isAfter(last); tick = tick.plusMonths(1)) {
			if (!tick.isBefore(first) && monthIndex(tick) % step == 0) {
				ticks.add((double) tick.toEpochDay());
			}
		}
		return new Scale(Chart.Scale.DATE, first.toEpochDay(), last.toEpochDay(), from, to, ticks, step);
	}

	private static long monthIndex(LocalDate day) {
		return day.getYear() * 12L + day.getMonthValue() - 1;
	}

	static List<Double> xValues(Chart chart) {
		return chart.series().stream().flatMap(s -> s.points().stream()).map(Chart.Point::x).toList();
	}

	static List<Double> yValues(Chart chart) {
		List<Double> values = new ArrayList<>();
		for (Chart.Series series : chart.series()) {
			for (Chart.Point point : series.points()) {
				values.add(point.y());
				if (point.hasInterval() && series.interval() != Chart.Interval.NONE) {
					values.add(point.low());
					values.add(point.high());
				}
			}
		}
		if (!values.isEmpty()) {
			chart.references().forEach(line -> values.add(line.y()));
		}
		return values;
	}

	static String number(double value, double step) {
		int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
		return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
	}

}
