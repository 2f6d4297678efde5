package org.spinecell.platform.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a chart shows, independent of how it is drawn: a title and a description for screen
 * readers, two axes, series of points drawn as a line, a step line or points (each point may
 * carry a low–high interval, drawn as error bars or as a band) and horizontal reference lines.
 * {@link SvgChart} renders it. A date axis holds days as {@link LocalDate#toEpochDay()} values;
 * use {@link Point#on(LocalDate, double)}.
 *
 * @param id a prefix for the element ids of the chart, unique on the page (letters, digits, dashes)
 */
public record Chart(String id, String title, String description, Axis x, Axis y, List<Series> series,
		List<ReferenceLine> references) {

	public Chart {
		requireId(id);
		Objects.requireNonNull(x, "x");
		Objects.requireNonNull(y, "y");
		series = List.copyOf(series);
		references = List.copyOf(references);
	}

	/** Refuses an id that is not letters, digits and dashes (it goes into attributes unescaped). */
	static void requireId(String id) {
		Objects.requireNonNull(id, "id");
		if (!id.matches("[A-Za-z][A-Za-z0-9-]*")) {
			throw new IllegalArgumentException("A chart id is letters, digits and dashes: " + id);
		}
	}

	/** A chart with no series yet; add them with {@link #with(Series)} and {@link #with(ReferenceLine)}. */
	public static Chart of(String id, String title, String description, Axis x, Axis y) {
		return new Chart(id, title, description, x, y, List.of(), List.of());
	}

	public Chart with(Series added) {
		List<Series> all = new ArrayList<>(series);
		all.add(added);
		return new Chart(id, title, description, x, y, all, references);
	}

	public Chart with(ReferenceLine added) {
		List<ReferenceLine> all = new ArrayList<>(references);
		all.add(added);
		return new Chart(id, title, description, x, y, series, all);
	}

	/** Whether any series has a point. */
	public boolean hasData() {
		return series.stream().anyMatch(s -> !s.points().isEmpty());
	}

	public enum Scale {

		/** Plain numbers, ticked in steps of 1, 2 or 5 times a power of ten. */
		NUMBER,

		/** Days since the epoch, ticked on the first day of a month. */
		DATE

	}

	/**
	 * An axis. {@code min} and {@code max} fix the range (e.g. 0–10 for a pain score); when either is
	 * {@code null} the range comes from the data and is widened to whole ticks.
	 */
	public record Axis(String label, Scale scale, Double min, Double max) {

		public Axis {
			Objects.requireNonNull(scale, "scale");
			if (min != null && max != null && max <= min) {
				throw new IllegalArgumentException("Axis max must be above min");
			}
		}

		public static Axis number(String label) {
			return new Axis(label, Scale.NUMBER, null, null);
		}

		public static Axis number(String label, double min, double max) {
			return new Axis(label, Scale.NUMBER, min, max);
		}

		public static Axis dates(String label) {
			return new Axis(label, Scale.DATE, null, null);
		}

	}

	/**
	 * One value, with an optional interval ({@code low} and {@code high} both set, or neither) and an
	 * optional label written beside its mark (e.g. the operator of a funnel-plot point).
	 */
	public record Point(double x, double y, Double low, Double high, String label) {

		public Point {
			if ((low == null) != (high == null)) {
				throw new IllegalArgumentException("A point has both ends of its interval or neither");
			}
		}

		public Point(double x, double y, Double low, Double high) {
			this(x, y, low, high, null);
		}

		public Point labelled(String text) {
			return new Point(x, y, low, high, text);
		}

		public static Point of(double x, double y) {
			return new Point(x, y, null, null);
		}

		public static Point on(LocalDate day, double y) {
			return new Point(day.toEpochDay(), y, null, null);
		}

		public boolean hasInterval() {
			return low != null;
		}

	}

	public enum Style {

		/** Points joined by straight lines, each point marked. */
		LINE,

		/** A value that holds until the next point (Kaplan–Meier curves, doses over time). */
		STEP,

		/** Marks only. */
		POINTS

	}

	/**
	 * How a point's interval is drawn: vertical error bars, a filled band, or {@code LINES} — the low
	 * ends joined by one line and the high ends by another (funnel-plot control limits).
	 */
	public enum Interval {

		NONE, ERROR_BARS, BAND, LINES

	}

	/**
	 * The mark at each point of a {@link Style#LINE} or {@link Style#POINTS} series. A
	 * {@code FLAG} is a triangle in the alert colour, so a flagged point differs by shape as well as
	 * colour (funnel-plot units outside the 99.8 % limits).
	 */
	public enum Marker {

		CIRCLE, FLAG, NONE

	}

	/** A named series; points are drawn in x order. */
	public record Series(String name, Style style, Interval interval, Marker marker, List<Point> points) {

		public Series {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(style, "style");
			Objects.requireNonNull(interval, "interval");
			Objects.requireNonNull(marker, "marker");
			points = points.stream().sorted(java.util.Comparator.comparingDouble(Point::x)).toList();
		}

		public Series(String name, Style style, Interval interval, List<Point> points) {
			this(name, style, interval, Marker.CIRCLE, points);
		}

		/**
		 * Limit curves: each point's low ends joined by a line and its high ends by another, no
		 * marks (e.g. a funnel's 95 % limits as points {@code (n, target, low95, high95)}).
		 */
		public static Series limits(String name, List<Point> points) {
			return new Series(name, Style.POINTS, Interval.LINES, Marker.NONE, points);
		}

		public Series withMarker(Marker drawn) {
			return new Series(name, style, interval, drawn, points);
		}

		/** Whether its points are marked. */
		boolean marked() {
			return style != Style.STEP && marker != Marker.NONE;
		}

		public static Series line(String name, List<Point> points) {
			return new Series(name, Style.LINE, Interval.NONE, points);
		}

		public static Series step(String name, List<Point> points) {
			return new Series(name, Style.STEP, Interval.NONE, points);
		}

		public static Series points(String name, List<Point> points) {
			return new Series(name, Style.POINTS, Interval.NONE, points);
		}

		public Series withInterval(Interval drawn) {
			return new Series(name, style, drawn, marker, points);
		}

	}

	/** A horizontal line across the plot at {@code y}, labelled at its right end. */
	public record ReferenceLine(double y, String label) {
	}

}
