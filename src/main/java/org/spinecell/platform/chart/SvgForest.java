package org.spinecell.platform.chart;

/**
 * Draws a {@link Forest} plot (model coefficients or odds ratios with their intervals) as an
 * inline SVG figure with its data table, or as a standalone SVG file, in the frame, style and
 * accessibility of {@link SvgChart}; the row layout is {@link ForestLayout}'s, shared with the PDF.
 */
public final class SvgForest {

	private SvgForest() {
	}

	/** A forest plot as an HTML {@code <figure>} holding the SVG and a data table. */
	public static String render(Forest forest) {
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<figure class=\"chart chart-forest\" id=\"").append(forest.id()).append("\">");
		forest(svg, forest, "");
		forestTable(svg, forest);
		svg.append("</figure>");
		return svg.toString();
	}

	/** A forest plot as a standalone SVG file, for download. */
	public static String document(Forest forest) {
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		forest(svg, forest, SvgChart.STANDALONE_STYLE);
		return svg.toString();
	}

	private static void forest(StringBuilder svg, Forest forest, String style) {
		ForestLayout.ValueScale x = ForestLayout.scale(forest);
		double bottom = ForestLayout.bottom(forest);
		SvgChart.open(svg, forest.id(), ForestLayout.height(forest), style, forest.title(), forest.description());
		svg.append("<g class=\"chart-axes\">");
		for (double tick : x.ticks()) {
			double px = x.at(tick);
			svg.append("<line class=\"chart-grid\" x1=\"").append(SvgChart.n(px)).append("\" x2=\"").append(SvgChart.n(px))
				.append("\" y1=\"").append(SvgChart.n(ForestLayout.TOP)).append("\" y2=\"").append(SvgChart.n(bottom)).append("\"/>");
			SvgChart.text(svg, "chart-tick", px, bottom + 18, "middle", x.label(tick));
		}
		svg.append("<line class=\"chart-axis\" x1=\"").append(SvgChart.n(ForestLayout.PLOT_LEFT)).append("\" x2=\"")
			.append(SvgChart.n(ForestLayout.PLOT_RIGHT)).append("\" y1=\"").append(SvgChart.n(bottom)).append("\" y2=\"")
			.append(SvgChart.n(bottom)).append("\"/>");
		SvgChart.text(svg, "chart-axis-label", (ForestLayout.PLOT_LEFT + ForestLayout.PLOT_RIGHT) / 2, bottom + 40, "middle",
				forest.estimate());
		SvgChart.text(svg, "chart-axis-label", ForestLayout.LABEL_X, ForestLayout.HEADINGS_Y, "start", "Term");
		SvgChart.text(svg, "chart-axis-label", ForestLayout.VALUES_X, ForestLayout.HEADINGS_Y, "start", "Estimate (95 % CI)");
		svg.append("</g>");
		double reference = x.at(forest.reference());
		svg.append("<line class=\"chart-reference\" x1=\"").append(SvgChart.n(reference)).append("\" x2=\"").append(SvgChart.n(reference))
			.append("\" y1=\"").append(SvgChart.n(ForestLayout.TOP)).append("\" y2=\"").append(SvgChart.n(bottom)).append("\"/>");
		if (!forest.hasData()) {
			SvgChart.text(svg, "chart-empty", (ForestLayout.PLOT_LEFT + ForestLayout.PLOT_RIGHT) / 2, (ForestLayout.TOP + bottom) / 2,
					"middle", "No data yet");
		}
		svg.append("<g class=\"chart-series s0\">");
		for (int i = 0; i < forest.rows().size(); i++) {
			Forest.Row row = forest.rows().get(i);
			double py = ForestLayout.rowY(i);
			SvgChart.text(svg, "chart-forest-label", ForestLayout.LABEL_X, py + 4, "start", ForestLayout.shortLabel(row.label()));
			SvgChart.text(svg, "chart-forest-value", ForestLayout.VALUES_X, py + 4, "start", row.values());
			if (row.low() != null) {
				svg.append("<line class=\"chart-error\" x1=\"").append(SvgChart.n(x.at(row.low()))).append("\" x2=\"")
					.append(SvgChart.n(x.at(row.high()))).append("\" y1=\"").append(SvgChart.n(py)).append("\" y2=\"").append(SvgChart.n(py))
					.append("\"/>");
			}
			if (row.estimate() != null) {
				svg.append("<circle class=\"chart-point\" cx=\"").append(SvgChart.n(x.at(row.estimate()))).append("\" cy=\"")
					.append(SvgChart.n(py)).append("\" r=\"4.0\"><title>").append(SvgChart.escape(row.label())).append(": ")
					.append(SvgChart.escape(row.values())).append("</title></circle>");
			}
		}
		svg.append("</g></svg>");
	}

	private static void forestTable(StringBuilder out, Forest forest) {
		out.append("<details class=\"chart-data\"><summary>Data of the chart</summary><table class=\"data\"><caption>")
			.append(SvgChart.escape(forest.title()))
			.append("</caption><thead><tr><th scope=\"col\">Term</th><th scope=\"col\">")
			.append(SvgChart.escape(forest.estimate()))
			.append(" (95 % CI)</th></tr></thead><tbody>");
		for (Forest.Row row : forest.rows()) {
			out.append("<tr><td>").append(SvgChart.escape(row.label())).append("</td><td>").append(SvgChart.escape(row.values()))
				.append("</td></tr>");
		}
		out.append("</tbody></table></details>");
	}

}
