package org.spinecell.platform.chart;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PdfChartTests {

	private static final Chart CHART = Chart
		.of("pain", "Back pain over time", "Pain after the treatment", Chart.Axis.number("Months"),
				Chart.Axis.number("Pain (0–10)", 0, 10))
		.with(Chart.Series.line("Bone marrow", List.of(new Chart.Point(0, 8, 7.0, 9.0), new Chart.Point(3, 4, 3.0, 5.0)))
			.withInterval(Chart.Interval.ERROR_BARS))
		.with(Chart.Series.step("Adipose", List.of(Chart.Point.of(0, 7), Chart.Point.of(6, 5))))
		.with(new Chart.ReferenceLine(6, "MCID 2 points"));

	@Test
	void drawsTitleTicksLegendAndReferenceLabels() throws IOException {
		String text;
		try (PdfReport report = new PdfReport("test")) {
			text = text(report.chart(CHART).toBytes());
		}
		// The y-axis label is set rotated, which text extraction splits up; it is not checked here.
		assertThat(text).contains("Back pain over time", "Bone marrow", "Adipose", "MCID 2 points", "Months");
		// Ticks of the fixed 0–10 axis in steps of 2, and of the months axis 0 to 6.
		assertThat(text).contains("10", "8", "6", "4", "2");
	}

	@Test
	void takesTheSameHeightAsTheSvgScaled() {
		assertThat(PdfChart.height(CHART, SvgChart.WIDTH)).isEqualTo(SvgChart.height(CHART));
		assertThat(PdfChart.height(CHART, SvgChart.WIDTH / 2f)).isEqualTo(SvgChart.height(CHART) / 2f);
	}

	@Test
	void emptyChartSaysNoData() throws IOException {
		Chart empty = Chart.of("e", "Nothing", "None", Chart.Axis.number("x"), Chart.Axis.number("y"));
		try (PdfReport report = new PdfReport("test")) {
			assertThat(text(report.chart(empty).toBytes())).contains("No data yet");
		}
	}

	@Test
	void reportBreaksLongTablesOverPages() throws IOException {
		List<List<String>> rows = java.util.stream.IntStream.range(0, 200)
			.mapToObj(i -> List.of("row " + i, "value " + i))
			.toList();
		try (PdfReport report = new PdfReport("test")) {
			byte[] pdf = report.heading("Long").table(List.of("Name", "Value"), rows).toBytes();
			try (PDDocument document = Loader.loadPDF(pdf)) {
				assertThat(document.getNumberOfPages()).isGreaterThan(1);
			}
			assertThat(text(pdf)).contains("row 0", "row 199", "value 199");
		}
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
