package org.spinecell.platform.chart;

import java.awt.Color;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Draws a {@link Chart} on a PDF page with PDFBox, laid out exactly as {@link SvgChart} lays it out
 * (same scales, ticks, series, reference lines and legend), scaled to the width given. Text goes
 * through the standard Helvetica font, so a character it cannot show is replaced by {@code ?}
 * rather than failing the report.
 * <p>
 * Over 300 lines because it draws every chart kind and the forest plot in PDF with the same
 * elements as {@link SvgChart} (axes, series, intervals, limits, legend), so that the printed
 * report and the page show one picture.
 */
public final class PdfChart {

	private static final Color[] PALETTE = { new Color(0x1f5f99), new Color(0xc2581a), new Color(0x2e7d32),
			new Color(0x7b3fa0), new Color(0x8d6e00), new Color(0x00838f) };

	private static final Color INK = new Color(0x222222);

	private static final Color GRID = new Color(0xdddddd);

	private static final Color REFERENCE = new Color(0x888888);

	private static final Color ALERT = new Color(0xb91c1c);

	private final PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private final PDPageContentStream out;

	private final float left;

	private final float top;

	private final float k;

	private PdfChart(PDPageContentStream out, float left, float top, float width) {
		this.out = out;
		this.left = left;
		this.top = top;
		this.k = width / SvgChart.WIDTH;
	}

	/** The height the chart takes when drawn {@code width} points wide. */
	public static float height(Chart chart, float width) {
		return SvgChart.height(chart) * width / SvgChart.WIDTH;
	}

	/**
	 * Draws the chart with its top-left corner at ({@code left}, {@code top}) in PDF points (y grows
	 * upwards), {@code width} points wide; returns the height used.
	 */
	public static float draw(PDPageContentStream out, Chart chart, float left, float top, float width)
			throws IOException {
		new PdfChart(out, left, top, width).draw(chart);
		return height(chart, width);
	}

	/** The height the forest plot takes when drawn {@code width} points wide. */
	public static float height(Forest forest, float width) {
		return ForestLayout.height(forest) * width / SvgChart.WIDTH;
	}

	/** Draws a forest plot as {@link #draw(PDPageContentStream, Chart, float, float, float)} draws a chart. */
	public static float draw(PDPageContentStream out, Forest forest, float left, float top, float width)
			throws IOException {
		new PdfChart(out, left, top, width).draw(forest);
		return height(forest, width);
	}

	private void draw(Forest forest) throws IOException {
		ForestLayout.ValueScale x = ForestLayout.scale(forest);
		double bottom = ForestLayout.bottom(forest);
		text(bold, 13, SvgChart.LEFT, 22, Align.START, forest.title(), INK);
		out.setLineWidth(0.5f * k);
		for (double tick : x.ticks()) {
			line(x.at(tick), ForestLayout.TOP, x.at(tick), bottom, GRID);
			text(font, 10, x.at(tick), bottom + 18, Align.MIDDLE, x.label(tick), INK);
		}
		out.setLineWidth(1f * k);
		line(ForestLayout.PLOT_LEFT, bottom, ForestLayout.PLOT_RIGHT, bottom, INK);
		text(font, 11, (ForestLayout.PLOT_LEFT + ForestLayout.PLOT_RIGHT) / 2, bottom + 40, Align.MIDDLE,
				forest.estimate(), INK);
		text(bold, 10, ForestLayout.LABEL_X, ForestLayout.HEADINGS_Y, Align.START, "Term", INK);
		text(bold, 10, ForestLayout.VALUES_X, ForestLayout.HEADINGS_Y, Align.START, "Estimate (95 % CI)", INK);
		double reference = x.at(forest.reference());
		out.setLineDashPattern(new float[] { 4 * k, 3 * k }, 0);
		line(reference, ForestLayout.TOP, reference, bottom, REFERENCE);
		out.setLineDashPattern(new float[0], 0);
		if (!forest.hasData()) {
			text(font, 12, (ForestLayout.PLOT_LEFT + ForestLayout.PLOT_RIGHT) / 2, (ForestLayout.TOP + bottom) / 2,
					Align.MIDDLE, "No data yet", INK);
		}
		Color color = PALETTE[0];
		for (int i = 0; i < forest.rows().size(); i++) {
			Forest.Row row = forest.rows().get(i);
			double py = ForestLayout.rowY(i);
			text(font, 10, ForestLayout.LABEL_X, py + 4, Align.START, ForestLayout.shortLabel(row.label()), INK);
			text(font, 10, ForestLayout.VALUES_X, py + 4, Align.START, row.values(), INK);
			out.setLineWidth(1.5f * k);
			if (row.low() != null) {
				line(x.at(row.low()), py, x.at(row.high()), py, color);
			}
			if (row.estimate() != null) {
				out.setNonStrokingColor(color);
				circle(x.at(row.estimate()), py, 4);
			}
		}
	}

	private void draw(Chart chart) throws IOException {
		ChartScales.Scale x = ChartScales.scale(chart.x(), ChartScales.xValues(chart), SvgChart.LEFT, SvgChart.RIGHT);
		ChartScales.Scale y = ChartScales.scale(chart.y(), ChartScales.yValues(chart), SvgChart.BOTTOM, SvgChart.TOP);
		text(bold, 13, SvgChart.LEFT, 22, Align.START, chart.title(), INK);
		out.setLineWidth(0.5f * k);
		for (double tick : y.ticks()) {
			line(SvgChart.LEFT, y.at(tick), SvgChart.RIGHT, y.at(tick), GRID);
			text(font, 10, SvgChart.LEFT - 6, y.at(tick) + 4, Align.END, y.label(tick), INK);
		}
		for (double tick : x.ticks()) {
			line(x.at(tick), SvgChart.BOTTOM, x.at(tick), SvgChart.BOTTOM + 5, INK);
			text(font, 10, x.at(tick), SvgChart.BOTTOM + 18, Align.MIDDLE, x.label(tick), INK);
		}
		out.setLineWidth(1f * k);
		line(SvgChart.LEFT, SvgChart.BOTTOM, SvgChart.RIGHT, SvgChart.BOTTOM, INK);
		line(SvgChart.LEFT, SvgChart.TOP, SvgChart.LEFT, SvgChart.BOTTOM, INK);
		text(font, 11, (SvgChart.LEFT + SvgChart.RIGHT) / 2, SvgChart.BOTTOM + 40, Align.MIDDLE, chart.x().label(),
				INK);
		verticalText(font, 11, 14, (SvgChart.TOP + SvgChart.BOTTOM) / 2, chart.y().label());
		if (!chart.hasData()) {
			text(font, 12, (SvgChart.LEFT + SvgChart.RIGHT) / 2, (SvgChart.TOP + SvgChart.BOTTOM) / 2, Align.MIDDLE,
					"No data yet", INK);
		}
		int drawn = 0;
		for (Chart.ReferenceLine reference : chart.references()) {
			if (reference.y() < y.min() || reference.y() > y.max()) {
				continue;
			}
			double py = y.at(reference.y());
			out.setLineDashPattern(new float[] { 4 * k, 3 * k }, 0);
			line(SvgChart.LEFT, py, SvgChart.RIGHT, py, REFERENCE);
			out.setLineDashPattern(new float[0], 0);
			boolean right = drawn++ % 2 == 0;
			text(font, 9, right ? SvgChart.RIGHT - 4 : SvgChart.LEFT + 4, py - 4, right ? Align.END : Align.START,
					reference.label(), REFERENCE);
		}
		for (int i = 0; i < chart.series().size(); i++) {
			series(chart.series().get(i), PALETTE[i % PALETTE.length], x, y);
		}
		legend(chart.series());
	}

	private void series(Chart.Series series, Color color, ChartScales.Scale x, ChartScales.Scale y) throws IOException {
		List<Chart.Point> points = series.points();
		if (points.isEmpty()) {
			return;
		}
		if (series.interval() == Chart.Interval.BAND) {
			List<Chart.Point> banded = points.stream().filter(Chart.Point::hasInterval).toList();
			if (!banded.isEmpty()) {
				Color light = new Color((color.getRed() + 3 * 255) / 4, (color.getGreen() + 3 * 255) / 4,
						(color.getBlue() + 3 * 255) / 4);
				out.setNonStrokingColor(light);
				moveTo(x.at(banded.get(0).x()), y.at(banded.get(0).low()));
				for (Chart.Point p : banded) {
					lineTo(x.at(p.x()), y.at(p.low()));
				}
				for (int i = banded.size() - 1; i >= 0; i--) {
					lineTo(x.at(banded.get(i).x()), y.at(banded.get(i).high()));
				}
				out.closePath();
				out.fill();
			}
		}
		out.setStrokingColor(color);
		out.setNonStrokingColor(color);
		out.setLineWidth(2f * k);
		if (series.style() == Chart.Style.LINE) {
			moveTo(x.at(points.get(0).x()), y.at(points.get(0).y()));
			for (Chart.Point p : points.subList(1, points.size())) {
				lineTo(x.at(p.x()), y.at(p.y()));
			}
			out.stroke();
		}
		else if (series.style() == Chart.Style.STEP) {
			double py = y.at(points.get(0).y());
			moveTo(x.at(points.get(0).x()), py);
			for (Chart.Point p : points.subList(1, points.size())) {
				lineTo(x.at(p.x()), py);
				py = y.at(p.y());
				lineTo(x.at(p.x()), py);
			}
			out.stroke();
		}
		out.setLineWidth(1.2f * k);
		if (series.interval() == Chart.Interval.ERROR_BARS) {
			for (Chart.Point p : points) {
				if (p.hasInterval()) {
					line(x.at(p.x()), y.at(p.low()), x.at(p.x()), y.at(p.high()), color);
				}
			}
		}
		else if (series.interval() == Chart.Interval.LINES) {
			out.setLineDashPattern(new float[] { 5 * k, 3 * k }, 0);
			out.setStrokingColor(color);
			limitLine(points.stream().filter(Chart.Point::hasInterval).map(p -> new double[] { p.x(), p.low() }).toList(), x, y);
			limitLine(points.stream().filter(Chart.Point::hasInterval).map(p -> new double[] { p.x(), p.high() }).toList(), x, y);
			out.setLineDashPattern(new float[0], 0);
		}
		if (series.marked()) {
			for (Chart.Point p : points) {
				if (series.marker() == Chart.Marker.FLAG) {
					flag(x.at(p.x()), y.at(p.y()));
					out.setNonStrokingColor(color);
				}
				else {
					circle(x.at(p.x()), y.at(p.y()), 3.5);
				}
				if (p.label() != null) {
					text(font, 9, x.at(p.x()) + SvgChart.LABEL_OFFSET, y.at(p.y()) - SvgChart.LABEL_OFFSET, Align.START,
							p.label(), INK);
					out.setNonStrokingColor(color);
				}
			}
		}
	}

	private void limitLine(List<double[]> ends, ChartScales.Scale x, ChartScales.Scale y) throws IOException {
		if (ends.isEmpty()) {
			return;
		}
		moveTo(x.at(ends.get(0)[0]), y.at(ends.get(0)[1]));
		for (double[] end : ends.subList(1, ends.size())) {
			lineTo(x.at(end[0]), y.at(end[1]));
		}
		out.stroke();
	}

	/** A flag marker: the SVG's triangle, filled in the alert colour. */
	private void flag(double x, double y) throws IOException {
		double[] c = SvgChart.triangleCorners(x, y);
		out.setNonStrokingColor(ALERT);
		moveTo(c[0], c[1]);
		lineTo(c[2], c[3]);
		lineTo(c[4], c[5]);
		out.closePath();
		out.fill();
	}

	private void legend(List<Chart.Series> series) throws IOException {
		for (int i = 0; i < series.size(); i++) {
			double legendLeft = SvgChart.LEFT + (i % SvgChart.LEGEND_PER_ROW) * 140;
			double legendTop = SvgChart.BOTTOM + 62 + (i / SvgChart.LEGEND_PER_ROW) * 20;
			Color color = PALETTE[i % PALETTE.length];
			out.setLineWidth(2f * k);
			line(legendLeft, legendTop - 4, legendLeft + 18, legendTop - 4, color);
			if (series.get(i).marker() == Chart.Marker.FLAG) {
				flag(legendLeft + 9, legendTop - 4);
			}
			text(font, 10, legendLeft + 24, legendTop, Align.START, series.get(i).name(), INK);
		}
	}

	private enum Align {

		START, MIDDLE, END

	}

	private float px(double svgX) {
		return left + (float) svgX * k;
	}

	private float py(double svgY) {
		return top - (float) svgY * k;
	}

	private void moveTo(double x, double y) throws IOException {
		out.moveTo(px(x), py(y));
	}

	private void lineTo(double x, double y) throws IOException {
		out.lineTo(px(x), py(y));
	}

	private void line(double x1, double y1, double x2, double y2, Color color) throws IOException {
		out.setStrokingColor(color);
		moveTo(x1, y1);
		lineTo(x2, y2);
		out.stroke();
	}

	private void circle(double x, double y, double r) throws IOException {
		// Four Bézier arcs; 0.5523 places the control points of a quarter circle.
		float cx = px(x);
		float cy = py(y);
		float rr = (float) r * k;
		float c = 0.5523f * rr;
		out.moveTo(cx + rr, cy);
		out.curveTo(cx + rr, cy + c, cx + c, cy + rr, cx, cy + rr);
		out.curveTo(cx - c, cy + rr, cx - rr, cy + c, cx - rr, cy);
		out.curveTo(cx - rr, cy - c, cx - c, cy - rr, cx, cy - rr);
		out.curveTo(cx + c, cy - rr, cx + rr, cy - c, cx + rr, cy);
		out.fill();
	}

	private void text(PDFont face, float size, double x, double y, Align align, String content, Color color)
			throws IOException {
		String printable = printable(face, content);
		if (printable.isEmpty()) {
			return;
		}
		float scaled = size * k;
		float width = face.getStringWidth(printable) / 1000 * scaled;
		float start = px(x) - switch (align) {
			case START -> 0;
			case MIDDLE -> width / 2;
			case END -> width;
		};
		out.setNonStrokingColor(color);
		out.beginText();
		out.setFont(face, scaled);
		out.newLineAtOffset(start, py(y));
		out.showText(printable);
		out.endText();
	}

	private void verticalText(PDFont face, float size, double x, double y, String content) throws IOException {
		String printable = printable(face, content);
		if (printable.isEmpty()) {
			return;
		}
		float scaled = size * k;
		float width = face.getStringWidth(printable) / 1000 * scaled;
		out.setNonStrokingColor(INK);
		out.beginText();
		out.setFont(face, scaled);
		out.setTextMatrix(new org.apache.pdfbox.util.Matrix(0, 1, -1, 0, px(x) + scaled / 3, py(y) - width / 2));
		out.showText(printable);
		out.endText();
	}

	/** The text with every character the font cannot encode replaced by {@code ?}. */
	static String printable(PDFont face, String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> {
			String one = new String(Character.toChars(cp));
			try {
				face.encode(one);
				out.append(one);
			}
			catch (IOException | IllegalArgumentException ex) {
				out.append(switch (cp) {
					case '\u2013', '\u2014', '\u2212' -> "-";
					case '\u221a' -> "sqrt";
					case '\u03a0' -> "product of ";
					case '\u2264' -> "<=";
					case '\u2265' -> ">=";
					default -> "?";
				});
			}
		});
		return out.toString();
	}

}
