package org.spinecell.platform.chart;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SVG chart: where points land, how axes are ticked, and that no text escapes as markup. */
class SvgChartTests {

	private static Chart zeroToTen() {
		return Chart.of("c", "Pain", "Pain over time", Chart.Axis.number("Week", 0, 10),
				Chart.Axis.number("Score", 0, 10));
	}

	@Test
	void pointsLandProportionallyInsideThePlotArea() {
		String svg = SvgChart.render(zeroToTen()
			.with(Chart.Series.line("Back", List.of(Chart.Point.of(0, 0), Chart.Point.of(5, 5), Chart.Point.of(10, 10)))));
		// x: 56 + v/10 × 564; y: 280 − v/10 × 240
		assertThat(svg).contains("<polyline class=\"chart-line\" points=\"56.0,280.0 338.0,160.0 620.0,40.0\"/>")
			.contains("cx=\"338.0\" cy=\"160.0\"")
			.contains("class=\"chart-series s0\"");
	}

	@Test
	void aStepLineHoldsEachValueUntilTheNextPoint() {
		String svg = SvgChart.render(zeroToTen()
			.with(Chart.Series.step("MME", List.of(Chart.Point.of(0, 5), Chart.Point.of(5, 10), Chart.Point.of(10, 0)))));
		assertThat(svg).contains("<path class=\"chart-line\" d=\"M56.0 160.0 H338.0 V40.0 H620.0 V280.0\"/>")
			.doesNotContain("<circle");
	}

	@Test
	void errorBarsAndBandsSpanEachPointsInterval() {
		Chart.Point middle = new Chart.Point(5, 5, 2.5, 7.5);
		String bars = SvgChart.render(zeroToTen()
			.with(Chart.Series.points("Mean", List.of(middle)).withInterval(Chart.Interval.ERROR_BARS)));
		assertThat(bars).contains("<line class=\"chart-error\" x1=\"338.0\" x2=\"338.0\" y1=\"220.0\" y2=\"100.0\"/>")
			.contains("<th scope=\"col\">Interval</th>")
			.contains("<td>2.5 to 7.5</td>");
		String band = SvgChart.render(zeroToTen()
			.with(Chart.Series.line("Mean", List.of(new Chart.Point(0, 5, 4.0, 6.0), new Chart.Point(10, 5, 3.0, 7.0)))
				.withInterval(Chart.Interval.BAND)));
		assertThat(band).contains("<polygon class=\"chart-band\" points=\"56.0,184.0 620.0,208.0 620.0,112.0 56.0,136.0\"/>");
	}

	@Test
	void aReferenceLineIsDrawnAcrossThePlotWithItsLabel() {
		String svg = SvgChart.render(zeroToTen()
			.with(Chart.Series.line("Back", List.of(Chart.Point.of(0, 8))))
			.with(new Chart.ReferenceLine(6, "MCID: baseline − 2"))
			.with(new Chart.ReferenceLine(12, "off the scale"))
			.with(new Chart.ReferenceLine(5.6, "MCID: baseline − 30 %")));
		assertThat(svg).contains("<line class=\"chart-reference\" x1=\"56.0\" x2=\"620.0\" y1=\"136.0\" y2=\"136.0\"/>")
			.contains("x=\"616.0\" y=\"132.0\" text-anchor=\"end\">MCID: baseline − 2</text>")
			// the next line's label goes to the other end, so close lines keep both labels readable
			.contains("x=\"60.0\" y=\"141.6\" text-anchor=\"start\">MCID: baseline − 30 %</text>")
			.doesNotContain("off the scale</text>")
			.contains("transform=\"rotate(-90 14.0 160.0)\">Score</text>");
	}

	@Test
	void numberAxesAreTickedInStepsOfOneTwoOrFive() {
		assertThat(ChartScales.niceStep(10, 5)).isEqualTo(2);
		assertThat(ChartScales.niceStep(100, 5)).isEqualTo(20);
		assertThat(ChartScales.niceStep(24, 5)).isEqualTo(5);
		assertThat(ChartScales.niceStep(0.9, 5)).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(ChartScales.niceStep(7, 5)).isEqualTo(2);

		ChartScales.Scale auto = ChartScales.scale(Chart.Axis.number("T"), List.of(37.0, 58.0), 0, 100);
		assertThat(auto.min()).isEqualTo(35);
		assertThat(auto.max()).isEqualTo(60);
		assertThat(auto.ticks()).containsExactly(35.0, 40.0, 45.0, 50.0, 55.0, 60.0);
		assertThat(auto.label(40)).isEqualTo("40");
		ChartScales.Scale fractions = ChartScales.scale(Chart.Axis.number("Index", 0, 1), List.of(), 0, 100);
		assertThat(fractions.ticks().stream().map(fractions::label)).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8",
				"1.0");
	}

	@Test
	void aDateAxisRunsFromTheFirstMonthToTheMonthAfterTheLastTickedInMonths() {
		LocalDate start = LocalDate.of(2026, 1, 15);
		ChartScales.Scale months = ChartScales.scale(Chart.Axis.dates("Date"),
				List.of((double) start.toEpochDay(), (double) LocalDate.of(2026, 4, 2).toEpochDay()), 56, 620);
		assertThat(months.min()).isEqualTo(LocalDate.of(2026, 1, 1).toEpochDay());
		assertThat(months.max()).isEqualTo(LocalDate.of(2026, 5, 1).toEpochDay());
		assertThat(months.ticks().stream().map(months::label)).containsExactly("Jan 2026", "Feb 2026", "Mar 2026",
				"Apr 2026", "May 2026");
		// 1 January at the left edge, 1 May at the right
		assertThat(months.at(LocalDate.of(2026, 1, 1).toEpochDay())).isEqualTo(56.0);
		assertThat(months.at(LocalDate.of(2026, 5, 1).toEpochDay())).isEqualTo(620.0);

		ChartScales.Scale years = ChartScales.scale(Chart.Axis.dates("Date"),
				List.of((double) start.toEpochDay(), (double) start.plusYears(5).toEpochDay()), 56, 620);
		assertThat(years.ticks().stream().map(years::label)).containsExactly("2026", "2027", "2028", "2029", "2030",
				"2031");
	}

	@Test
	void aDatePointIsPlacedByItsDay() {
		Chart chart = Chart
			.of("d", "ODI", "ODI over time", Chart.Axis.dates("Date"), Chart.Axis.number("ODI (%)", 0, 100))
			.with(Chart.Series.line("ODI", List.of(Chart.Point.on(LocalDate.of(2026, 1, 1), 50),
					Chart.Point.on(LocalDate.of(2026, 1, 31), 25))));
		// January 2026 spans the axis (1 Jan to 1 Feb, 31 days): 30 days in is 56 + 30/31 × 564
		assertThat(SvgChart.render(chart)).contains("points=\"56.0,160.0 601.8,220.0\"")
			.contains("<td>2026-01-31</td>");
	}

	@Test
	void everyTextIsEscapedSoALabelCannotInjectMarkup() {
		String attack = "<script>alert('x')</script> & \"quoted\"";
		Chart chart = Chart.of("x", attack, attack, Chart.Axis.number(attack, 0, 10), Chart.Axis.number(attack, 0, 10))
			.with(Chart.Series.line(attack, List.of(Chart.Point.of(1, 1))))
			.with(new Chart.ReferenceLine(5, attack));
		String svg = SvgChart.render(chart);
		assertThat(svg).doesNotContain("<script").doesNotContain("'x'").doesNotContain("\"quoted\"")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;")
			.doesNotContain("style=");
	}

	@Test
	void anEmptyChartSaysSoAndTheSvgIsLabelledForScreenReaders() {
		String svg = SvgChart.render(Chart.of("empty", "Nothing", "No values", Chart.Axis.dates("Date"),
				Chart.Axis.number("Score", 0, 10)));
		assertThat(svg).contains("No data yet")
			.contains("role=\"img\" aria-labelledby=\"empty-title empty-desc\"")
			.contains("<title id=\"empty-title\">Nothing</title><desc id=\"empty-desc\">No values</desc>");
	}

	@Test
	void anIdThatCouldBreakOutOfItsAttributeIsRefused() {
		assertThatThrownBy(() -> Chart.of("a\" onload=\"x", "t", "d", Chart.Axis.number("x"), Chart.Axis.number("y")))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
