package org.spinecell.platform.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spinecell.platform.chart.ChartScales.Scale;

import static org.spinecell.platform.chart.ChartScales.scale;
import static org.spinecell.platform.chart.ChartScales.xValues;
import static org.spinecell.platform.chart.ChartScales.yValues;

/**
 * Draws a {@link Chart} as an inline SVG figure for a server-rendered page: no script, no style
 * attributes (the pages' CSP allows only the app's style sheet, where the {@code chart-*} and
 * {@code s0}…{@code s5} classes are styled), every text XML-escaped. The figure holds the SVG with
 * an accessible {@code <title>} and {@code <desc>}, and the same data as a table for screen
 * readers and for copying.
 *
 * Forest plots are drawn by {@link SvgForest} with the same frame and style.
 * The scales and their ticks are {@link ChartScales}', shared with {@link PdfChart}.
 * <p>
 * Over 300 lines because it holds one drawing routine per element (axes, lines, error bars, bands,
 * limits, legend, data table) that every chart kind combines, and the SVG text helpers.
 *
 * <p>The drawing is {@value #WIDTH} units wide and scales with its container. Number axes are
 * ticked in steps of 1, 2 or 5 times a power of ten; date axes on the first day of every 1, 2, 3,
 * 6 or 12 months.
 */
public final class SvgChart {

	/** Room to the right of the plot for the last x tick label. */
	static final int WIDTH = 660;

	static final double LEFT = 56;

	static final double RIGHT = 620;

	static final double TOP = 40;

	static final double BOTTOM = 280;

	static final int LEGEND_PER_ROW = 4;

	private static final int SERIES_CLASSES = 6;

	private SvgChart() {
	}

	/** The chart as an HTML {@code <figure>} holding the SVG and a data table. */
	public static String render(Chart chart) {
		Scale x = scale(chart.x(), xValues(chart), LEFT, RIGHT);
		Scale y = scale(chart.y(), yValues(chart), BOTTOM, TOP);
		int height = height(chart);
		String id = chart.id();

		StringBuilder svg = new StringBuilder(4096);
		svg.append("<figure class=\"chart\" id=\"").append(id).append("\">");
		svg(svg, chart, x, y, height, "");
		table(svg, chart);
		svg.append("</figure>");
		return svg.toString();
	}

	/**
	 * The chart as a standalone SVG file, for download: the same drawing with its styles inside
	 * (a file opened on its own has no page style sheet).
	 */
	public static String document(Chart chart) {
		Scale x = scale(chart.x(), xValues(chart), LEFT, RIGHT);
		Scale y = scale(chart.y(), yValues(chart), BOTTOM, TOP);
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		svg(svg, chart, x, y, height(chart), STANDALONE_STYLE);
		return svg.toString();
	}

	/** Opens the SVG element with its accessible title and description and draws the title. */
	static void open(StringBuilder svg, String id, int height, String style, String title,
			String description) {
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(height)
			.append("\" role=\"img\" aria-labelledby=\"")
			.append(id)
			.append("-title ")
			.append(id)
			.append("-desc\">");
		svg.append(style);
		svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
		svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
		text(svg, "chart-title", LEFT, 22, "start", title);
	}

	static final String STANDALONE_STYLE = "<style>text{font:12px sans-serif;fill:#222}"
			+ ".chart-title{font-weight:bold;font-size:15px}.chart-grid{stroke:#ddd}"
			+ ".chart-axis,.chart-tick-mark{stroke:#222}.chart-reference{stroke:#888;stroke-dasharray:4 3}"
			+ ".chart-line{fill:none;stroke-width:2;stroke:currentColor}.chart-error{stroke:currentColor}"
			+ ".chart-band{fill:currentColor;opacity:.2}.chart-point{fill:currentColor}"
			+ ".chart-limit{stroke-width:1.5;stroke-dasharray:5 3}.chart-flag{fill:#b91c1c;stroke:#7f1d1d}"
			+ ".s0{color:#1f5f99}.s1{color:#c2581a}.s2{color:#2e7d32}.s3{color:#7b3fa0}.s4{color:#8d6e00}"
			+ ".s5{color:#00838f}</style>";

	private static void svg(StringBuilder svg, Chart chart, Scale x, Scale y, int height, String style) {
		open(svg, chart.id(), height, style, chart.title(), chart.description());

		axes(svg, chart, x, y);
		if (!chart.hasData()) {
			text(svg, "chart-empty", (LEFT + RIGHT) / 2, (TOP + BOTTOM) / 2, "middle", "No data yet");
		}
		int drawn = 0;
		for (Chart.ReferenceLine line : chart.references()) {
			if (line.y() < y.min() || line.y() > y.max()) {
				continue;
			}
			double py = y.at(line.y());
			svg.append("<line class=\"chart-reference\" x1=\"").append(n(LEFT)).append("\" x2=\"").append(n(RIGHT))
				.append("\" y1=\"").append(n(py)).append("\" y2=\"").append(n(py)).append("\"/>");
			// Labels alternate between the right and the left end, so two close lines keep both readable.
			boolean right = drawn++ % 2 == 0;
			text(svg, "chart-reference-label", right ? RIGHT - 4 : LEFT + 4, py - 4, right ? "end" : "start",
					line.label());
		}
		for (int i = 0; i < chart.series().size(); i++) {
			series(svg, chart.series().get(i), "s" + (i % SERIES_CLASSES), x, y);
		}
		legend(svg, chart.series());
		svg.append("</svg>");
	}

	/** The height of the drawing: the plot, the axis labels and a row per four legend entries. */
	static int height(Chart chart) {
		int legendRows = (chart.series().size() + LEGEND_PER_ROW - 1) / LEGEND_PER_ROW;
		return (int) BOTTOM + 60 + legendRows * 20;
	}

	/** Escapes text for XML content and attribute values. */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					// Control characters other than tab and line breaks are not allowed in XML 1.0.
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	private static void axes(StringBuilder svg, Chart chart, Scale x, Scale y) {
		svg.append("<g class=\"chart-axes\">");
		for (double tick : y.ticks()) {
			double py = y.at(tick);
			svg.append("<line class=\"chart-grid\" x1=\"").append(n(LEFT)).append("\" x2=\"").append(n(RIGHT))
				.append("\" y1=\"").append(n(py)).append("\" y2=\"").append(n(py)).append("\"/>");
			text(svg, "chart-tick", LEFT - 6, py + 4, "end", y.label(tick));
		}
		for (double tick : x.ticks()) {
			double px = x.at(tick);
			svg.append("<line class=\"chart-tick-mark\" x1=\"").append(n(px)).append("\" x2=\"").append(n(px))
				.append("\" y1=\"").append(n(BOTTOM)).append("\" y2=\"").append(n(BOTTOM + 5)).append("\"/>");
			text(svg, "chart-tick", px, BOTTOM + 18, "middle", x.label(tick));
		}
		svg.append("<line class=\"chart-axis\" x1=\"").append(n(LEFT)).append("\" x2=\"").append(n(RIGHT))
			.append("\" y1=\"").append(n(BOTTOM)).append("\" y2=\"").append(n(BOTTOM)).append("\"/>");
		svg.append("<line class=\"chart-axis\" x1=\"").append(n(LEFT)).append("\" x2=\"").append(n(LEFT))
			.append("\" y1=\"").append(n(TOP)).append("\" y2=\"").append(n(BOTTOM)).append("\"/>");
		text(svg, "chart-axis-label", (LEFT + RIGHT) / 2, BOTTOM + 40, "middle", chart.x().label());
		double middle = (TOP + BOTTOM) / 2;
		svg.append("<text class=\"chart-axis-label\" x=\"14.0\" y=\"").append(n(middle))
			.append("\" text-anchor=\"middle\" transform=\"rotate(-90 14.0 ").append(n(middle)).append(")\">")
			.append(escape(chart.y().label()))
			.append("</text>");
		svg.append("</g>");
	}

	private static void series(StringBuilder svg, Chart.Series series, String css, Scale x, Scale y) {
		List<Chart.Point> points = series.points();
		if (points.isEmpty()) {
			return;
		}
		svg.append("<g class=\"chart-series ").append(css).append("\">");
		if (series.interval() == Chart.Interval.BAND) {
			band(svg, points, x, y);
		}
		if (series.style() == Chart.Style.LINE) {
			svg.append("<polyline class=\"chart-line\" points=\"");
			for (int i = 0; i < points.size(); i++) {
				svg.append(i == 0 ? "" : " ").append(n(x.at(points.get(i).x()))).append(',')
					.append(n(y.at(points.get(i).y())));
			}
			svg.append("\"/>");
		}
		else if (series.style() == Chart.Style.STEP) {
			svg.append("<path class=\"chart-line\" d=\"M").append(n(x.at(points.get(0).x()))).append(' ')
				.append(n(y.at(points.get(0).y())));
			for (int i = 1; i < points.size(); i++) {
				svg.append(" H").append(n(x.at(points.get(i).x()))).append(" V").append(n(y.at(points.get(i).y())));
			}
			svg.append("\"/>");
		}
		if (series.interval() == Chart.Interval.ERROR_BARS) {
			for (Chart.Point point : points) {
				if (point.hasInterval()) {
					String px = n(x.at(point.x()));
					svg.append("<line class=\"chart-error\" x1=\"").append(px).append("\" x2=\"").append(px)
						.append("\" y1=\"").append(n(y.at(point.low()))).append("\" y2=\"")
						.append(n(y.at(point.high()))).append("\"/>");
				}
			}
		}
		else if (series.interval() == Chart.Interval.LINES) {
			limitLine(svg, points, true, x, y);
			limitLine(svg, points, false, x, y);
		}
		if (series.marked()) {
			for (Chart.Point point : points) {
				double px = x.at(point.x());
				double py = y.at(point.y());
				String title = "<title>" + escape(series.name()) + ": "
						+ (point.label() == null ? "" : escape(point.label()) + ": ") + escape(y.label(point.y()))
						+ " (" + escape(x.label(point.x())) + ")</title>";
				if (series.marker() == Chart.Marker.FLAG) {
					svg.append("<polygon class=\"chart-point chart-flag\" points=\"").append(triangle(px, py))
						.append("\">").append(title).append("</polygon>");
				}
				else {
					svg.append("<circle class=\"chart-point\" cx=\"").append(n(px)).append("\" cy=\"").append(n(py))
						.append("\" r=\"3.5\">").append(title).append("</circle>");
				}
				if (point.label() != null) {
					text(svg, "chart-point-label", px + LABEL_OFFSET, py - LABEL_OFFSET, "start", point.label());
				}
			}
		}
		svg.append("</g>");
	}

	/** How far a point's label sits to the right of and above its mark. */
	static final double LABEL_OFFSET = 6;

	/** The corners of a flag marker: an upward triangle around (x, y). */
	static double[] triangleCorners(double x, double y) {
		return new double[] { x, y - 5.5, x + 5, y + 3.5, x - 5, y + 3.5 };
	}

	private static String triangle(double x, double y) {
		double[] c = triangleCorners(x, y);
		return n(c[0]) + "," + n(c[1]) + " " + n(c[2]) + "," + n(c[3]) + " " + n(c[4]) + "," + n(c[5]);
	}

	/** The low (or high) ends of the points' intervals joined by a line. */
	private static void limitLine(StringBuilder svg, List<Chart.Point> points, boolean low, Scale x, Scale y) {
		List<String> corners = ends(points, low, x, y);
		if (!corners.isEmpty()) {
			svg.append("<polyline class=\"chart-line chart-limit\" points=\"").append(String.join(" ", corners))
				.append("\"/>");
		}
	}

	/** The "x,y" coordinates of the low (or high) ends of the points that have an interval. */
	private static List<String> ends(List<Chart.Point> points, boolean low, Scale x, Scale y) {
		List<String> corners = new ArrayList<>();
		for (Chart.Point point : points) {
			if (point.hasInterval()) {
				corners.add(n(x.at(point.x())) + "," + n(y.at(low ? point.low() : point.high())));
			}
		}
		return corners;
	}

	private static void band(StringBuilder svg, List<Chart.Point> points, Scale x, Scale y) {
		List<String> corners = ends(points, true, x, y);
		List<String> highs = new ArrayList<>(ends(points, false, x, y));
		java.util.Collections.reverse(highs);
		corners.addAll(highs);
		if (!corners.isEmpty()) {
			svg.append("<polygon class=\"chart-band\" points=\"").append(String.join(" ", corners)).append("\"/>");
		}
	}

	private static void legend(StringBuilder svg, List<Chart.Series> series) {
		for (int i = 0; i < series.size(); i++) {
			double left = LEFT + (i % LEGEND_PER_ROW) * 140;
			double top = BOTTOM + 62 + (i / LEGEND_PER_ROW) * 20;
			svg.append("<g class=\"chart-legend s").append(i % SERIES_CLASSES).append("\"><line class=\"chart-line\" x1=\"")
				.append(n(left)).append("\" x2=\"").append(n(left + 18)).append("\" y1=\"").append(n(top - 4))
				.append("\" y2=\"").append(n(top - 4)).append("\"/>");
			if (series.get(i).marker() == Chart.Marker.FLAG) {
				svg.append("<polygon class=\"chart-point chart-flag\" points=\"").append(triangle(left + 9, top - 4))
					.append("\"/>");
			}
			text(svg, "chart-legend-label", left + 24, top, "start", series.get(i).name());
			svg.append("</g>");
		}
	}

	private static void table(StringBuilder out, Chart chart) {
		boolean intervals = chart.series().stream()
			.anyMatch(s -> s.interval() != Chart.Interval.NONE && s.points().stream().anyMatch(Chart.Point::hasInterval));
		boolean labels = chart.series().stream().anyMatch(s -> s.points().stream().anyMatch(p -> p.label() != null));
		out.append("<details class=\"chart-data\"><summary>Data of the chart</summary><table class=\"data\"><caption>")
			.append(escape(chart.title()))
			.append("</caption><thead><tr><th scope=\"col\">Series</th>")
			.append(labels ? "<th scope=\"col\">Point</th>" : "")
			.append("<th scope=\"col\">")
			.append(escape(chart.x().label()))
			.append("</th><th scope=\"col\">")
			.append(escape(chart.y().label()))
			.append("</th>");
		if (intervals) {
			out.append("<th scope=\"col\">Interval</th>");
		}
		out.append("</tr></thead><tbody>");
		for (Chart.Series series : chart.series()) {
			for (Chart.Point point : series.points()) {
				out.append("<tr><td>").append(escape(series.name())).append("</td><td>");
				if (labels) {
					out.append(escape(point.label())).append("</td><td>");
				}
				out.append(escape(value(chart.x(), point.x()))).append("</td><td>")
					.append(escape(value(chart.y(), point.y()))).append("</td>");
				if (intervals) {
					out.append("<td>")
						.append(point.hasInterval()
								? escape(value(chart.y(), point.low()) + " to " + value(chart.y(), point.high())) : "")
						.append("</td>");
				}
				out.append("</tr>");
			}
		}
		for (Chart.ReferenceLine line : chart.references()) {
			out.append("<tr><td>").append(escape(line.label())).append(labels ? "</td><td></td><td>" : "</td><td>")
				.append("all</td><td>")
				.append(escape(value(chart.y(), line.y()))).append("</td>")
				.append(intervals ? "<td></td>" : "")
				.append("</tr>");
		}
		out.append("</tbody></table></details>");
	}

	/** A data value as the table prints it: a date, or the number without trailing zeros. */
	private static String value(Chart.Axis axis, double value) {
		if (axis.scale() == Chart.Scale.DATE) {
			return LocalDate.ofEpochDay(Math.round(value)).toString();
		}
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	static void text(StringBuilder svg, String css, double x, double y, String anchor, String content) {
		svg.append("<text class=\"").append(css).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
			.append("\" text-anchor=\"").append(anchor).append("\">").append(escape(content)).append("</text>");
	}

	/** A coordinate with one decimal, whatever the default locale. */
	static String n(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
