package org.spinecell.platform.chart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Forest and funnel plots: parsed back as XML, where their marks land and what they say. */
class ForestAndFunnelChartTests {

	private static final Forest COEFFICIENTS = Forest.coefficients("lm", "Change in ODI", "Coefficients with 95 % CI",
			"Change in ODI (points)",
			List.of(Forest.Row.of("Age (per year)", -0.5, -1.0, 0.0), Forest.Row.of("Adipose vs bone marrow", 4, 2, 6),
					Forest.Row.notEstimated("Guidance: CT", "aliased")));

	private static final Forest ODDS = Forest.oddsRatios("or", "Responders", "Odds ratios with 95 % CI",
			List.of(Forest.Row.of("Female", 2, 1, 4), Forest.Row.of("Smoker", 0.5, 0.25, 1)));

	@Test
	void aForestPlotHasOneRowPerTermWithLabelWhiskerAndValues() throws Exception {
		Document svg = parse(SvgForest.render(COEFFICIENTS));
		// Values −1 … 6 with the reference 0: the axis is ticked in 2s from −2 to 6, plotted over 220–470.
		ForestLayout.ValueScale x = ForestLayout.scale(COEFFICIENTS);
		assertThat(x.min()).isEqualTo(-2);
		assertThat(x.max()).isEqualTo(6);
		assertThat(x.at(-2)).isEqualTo(220);
		assertThat(x.at(6)).isEqualTo(470);

		List<Element> circles = elements(svg, "circle");
		assertThat(circles).hasSize(2); // the aliased term has no mark
		// row 0 at y 44 + 12, estimate −0.5 at 220 + 1.5/8 × 250
		assertThat(attr(circles.get(0), "cx")).isEqualTo(266.875, within(0.06));
		assertThat(attr(circles.get(0), "cy")).isEqualTo(56);
		assertThat(attr(circles.get(1), "cy")).isEqualTo(80);
		assertThat(circles.get(1).getTextContent()).isEqualTo("Adipose vs bone marrow: 4.00 (2.00 to 6.00)");

		List<Element> whiskers = byClass(svg, "line", "chart-error");
		assertThat(whiskers).hasSize(2);
		assertThat(attr(whiskers.get(1), "x1")).isEqualTo(x.at(2), within(0.06));
		assertThat(attr(whiskers.get(1), "x2")).isEqualTo(x.at(6), within(0.06));
		assertThat(attr(whiskers.get(1), "y1")).isEqualTo(80);

		Element reference = byClass(svg, "line", "chart-reference").get(0);
		assertThat(attr(reference, "x1")).isEqualTo(x.at(0), within(0.06)).isEqualTo(282.5, within(0.06));
		assertThat(attr(reference, "y1")).isEqualTo(44);
		assertThat(attr(reference, "y2")).isEqualTo(44 + 3 * 24);

		assertThat(texts(svg, "chart-forest-label")).containsExactly("Age (per year)", "Adipose vs bone marrow",
				"Guidance: CT");
		assertThat(texts(svg, "chart-forest-value")).containsExactly("-0.50 (-1.00 to 0.00)", "4.00 (2.00 to 6.00)",
				"aliased");
		assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Change in ODI");
		assertThat(svg.getElementsByTagName("desc").item(0).getTextContent()).isEqualTo("Coefficients with 95 % CI");
		// the table alternative: a row per term
		assertThat(elements(svg, "tr")).hasSize(4);
		assertThat(elements(svg, "td").stream().map(Element::getTextContent)).contains("Guidance: CT", "aliased");
	}

	@Test
	void oddsRatiosAreOnALogScaleAroundOne() throws Exception {
		ForestLayout.ValueScale x = ForestLayout.scale(ODDS);
		assertThat(x.log()).isTrue();
		assertThat(x.min()).isEqualTo(0.2);
		assertThat(x.max()).isEqualTo(5);
		assertThat(x.ticks().stream().map(x::label)).containsExactly("0.2", "0.5", "1", "2", "5");
		// on a log axis 0.5 and 2 sit at the same distance either side of 1, which is mid-axis here
		assertThat(x.at(1)).isEqualTo(345, within(1e-9));
		assertThat(x.at(2) - x.at(1)).isEqualTo(x.at(1) - x.at(0.5), within(1e-9));

		Document svg = parse(SvgForest.render(ODDS));
		assertThat(attr(byClass(svg, "line", "chart-reference").get(0), "x1")).isEqualTo(345);
		assertThat(texts(svg, "chart-axis-label")).contains("Odds ratio (log scale)", "Term", "Estimate (95 % CI)");
		assertThatThrownBy(() -> Forest.oddsRatios("bad", "t", "d", List.of(Forest.Row.of("x", 1, 0, 2))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aLongLogRangeIsTickedAtPowersOfTen() {
		ForestLayout.ValueScale x = ForestLayout.logScale(List.of(0.003, 1.0, 40.0));
		assertThat(x.min()).isEqualTo(0.002);
		assertThat(x.max()).isEqualTo(50);
		assertThat(x.ticks().stream().map(x::label)).containsExactly("0.01", "0.1", "1", "10");
	}

	private static Chart funnel() {
		List<Chart.Point> p95 = new ArrayList<>();
		List<Chart.Point> p998 = new ArrayList<>();
		for (int n : new int[] { 10, 20, 40 }) {
			double half = 1 / Math.sqrt(n);
			p95.add(new Chart.Point(n, 1, 1 - 2 * half, 1 + 2 * half));
			p998.add(new Chart.Point(n, 1, 1 - 3 * half, 1 + 3 * half));
		}
		return Chart
			.of("funnel", "Responders by operator", "Observed / expected responders against patients",
					Chart.Axis.number("Patients", 0, 40), Chart.Axis.number("Observed / expected", 0, 2))
			.with(Chart.Series.limits("95 % limits", p95))
			.with(Chart.Series.limits("99.8 % limits", p998))
			.with(Chart.Series.points("Within 99.8 % limits",
					List.of(Chart.Point.of(10, 1.2).labelled("Dr A"), Chart.Point.of(20, 0.9).labelled("Dr B"))))
			.with(Chart.Series.points("Outside 99.8 % limits", List.of(Chart.Point.of(40, 0.4).labelled("Dr <C>")))
				.withMarker(Chart.Marker.FLAG))
			.with(new Chart.ReferenceLine(1, "Target"));
	}

	@Test
	void aFunnelPlotDrawsLimitCurvesLabelledPointsAndFlagsOutliersByShape() throws Exception {
		Document svg = parse(SvgChart.render(funnel()));
		// Two limit curves (low and high) per limit series, dashed, without marks.
		List<Element> limits = byClass(svg, "polyline", "chart-limit");
		assertThat(limits).hasSize(4);
		// 95 % low curve at n = 10: 1 − 2/√10 = 0.3675 → y = 280 − 0.3675/2 × 240
		String first = limits.get(0).getAttribute("points").split(" ")[0];
		assertThat(first).isEqualTo("197.0," + SvgChart.n(280 - (1 - 2 / Math.sqrt(10)) / 2 * 240));
		assertThat(limits.get(0).getAttribute("points").split(" ")).hasSize(3);

		List<Element> circles = elements(svg, "circle");
		assertThat(circles).hasSize(2);
		assertThat(attr(circles.get(0), "cx")).isEqualTo(197);
		assertThat(attr(circles.get(0), "cy")).isEqualTo(136);
		// The outlier is a triangle with the alert class, in the plot and in the legend.
		List<Element> flags = byClass(svg, "polygon", "chart-flag");
		assertThat(flags).hasSize(2);
		assertThat(flags.get(0).getAttribute("points")).isEqualTo("620.0,226.5 625.0,235.5 615.0,235.5");
		assertThat(flags.get(0).getTextContent()).isEqualTo("Outside 99.8 % limits: Dr <C>: 0.4 (40)");

		assertThat(texts(svg, "chart-point-label")).containsExactly("Dr A", "Dr B", "Dr <C>");
		Element label = byClass(svg, "text", "chart-point-label").get(0);
		assertThat(attr(label, "x")).isEqualTo(203);
		assertThat(attr(label, "y")).isEqualTo(130);
		assertThat(texts(svg, "chart-reference-label")).containsExactly("Target");
		// the table names each point
		assertThat(elements(svg, "th").stream().map(Element::getTextContent)).contains("Point");
		assertThat(elements(svg, "td").stream().map(Element::getTextContent)).contains("Dr A", "Dr <C>");
	}

	@Test
	void theStandaloneDocumentsAreWellFormedSvg() throws Exception {
		assertThat(parse(SvgChart.document(funnel())).getDocumentElement().getTagName()).isEqualTo("svg");
		Document forest = parse(SvgForest.document(ODDS));
		assertThat(forest.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(elements(forest, "circle")).hasSize(2);
	}

	@Test
	void anEmptyForestSaysNoData() throws Exception {
		Forest empty = Forest.coefficients("e", "Nothing", "No model", "Coefficient", List.of());
		assertThat(texts(parse(SvgForest.render(empty)), "chart-empty")).containsExactly("No data yet");
	}

	@Test
	void bothChartsDrawIntoAPdfWithTheirLabels() throws IOException {
		String text;
		try (PdfReport report = new PdfReport("test")) {
			text = text(report.chart(COEFFICIENTS).chart(ODDS).chart(funnel()).toBytes());
		}
		assertThat(text).contains("Change in ODI", "Age (per year)", "Adipose vs bone marrow", "Guidance: CT", "aliased",
				"4.00 (2.00 to 6.00)", "Odds ratio (log scale)", "Smoker", "0.50 (0.25 to 1.00)");
		assertThat(text).contains("Responders by operator", "Dr A", "Dr B", "Dr <C>", "Outside 99.8 % limits",
				"95 % limits", "Target");
		assertThat(PdfChart.height(COEFFICIENTS, SvgChart.WIDTH)).isEqualTo(ForestLayout.height(COEFFICIENTS));
		assertThat(ForestLayout.height(COEFFICIENTS)).isEqualTo(44 + 3 * 24 + 56);
	}

	private static Document parse(String markup) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<Element> elements(Document document, String tag) {
		NodeList nodes = document.getElementsByTagName(tag);
		List<Element> all = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			all.add((Element) nodes.item(i));
		}
		return all;
	}

	private static List<Element> byClass(Document document, String tag, String css) {
		return elements(document, tag).stream()
			.filter(e -> List.of(e.getAttribute("class").split(" ")).contains(css))
			.toList();
	}

	private static List<String> texts(Document document, String css) {
		return byClass(document, "text", css).stream().map(Element::getTextContent).toList();
	}

	private static double attr(Element element, String name) {
		return Double.parseDouble(element.getAttribute(name));
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
