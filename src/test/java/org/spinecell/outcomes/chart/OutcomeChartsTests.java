package org.spinecell.outcomes.chart;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spinecell.outcomes.Medication;
import org.spinecell.outcomes.responses.Observation;
import org.spinecell.platform.chart.Chart;

import static org.assertj.core.api.Assertions.assertThat;

/** What the outcome and MME charts are built from: totals per day, MCID lines from baseline, families. */
class OutcomeChartsTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

	@Test
	void theMmeTotalStepsOnEachStartAndOnTheDayAfterEachStopAndHoldsUntilToday() {
		Medication oxycodone = medication("oxycodone", "45", LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 31));
		Medication morphine = medication("morphine", "30", LocalDate.of(2026, 2, 1), null);
		Medication ibuprofen = medication("ibuprofen", null, LocalDate.of(2026, 1, 1), null);
		Chart chart = OutcomeCharts.mme(List.of(oxycodone, morphine, ibuprofen), TODAY);

		Chart.Series total = chart.series().get(0);
		assertThat(total.style()).isEqualTo(Chart.Style.STEP);
		assertThat(total.points()).extracting(p -> LocalDate.ofEpochDay((long) p.x()), Chart.Point::y)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 10), 45.0),
					org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 2, 1), 75.0),
					org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 4, 1), 30.0),
					org.assertj.core.groups.Tuple.tuple(TODAY, 30.0));
		assertThat(OutcomeCharts.totalOn(List.of(oxycodone, morphine), LocalDate.of(2026, 3, 31)))
			.isEqualByComparingTo("75");
	}

	@Test
	void noOpioidMeansNoMmeChart() {
		assertThat(OutcomeCharts.mme(List.of(medication("ibuprofen", null, TODAY, null)), TODAY)).isNull();
	}

	@Test
	void theMcidLinesFallFromTheBaselineByPointsAndByThirtyPercent() {
		OutcomeCharts.Family odi = OutcomeCharts.FAMILIES.get(1);
		List<Chart.ReferenceLine> lines = OutcomeCharts.mcidLines(odi, "ODI", new BigDecimal("44"));
		assertThat(lines).extracting(Chart.ReferenceLine::y).containsExactly(34.0, 30.8);
		assertThat(lines.get(0).label()).isEqualTo("ODI MCID: baseline 44 − 10");
		assertThat(lines.get(1).label()).isEqualTo("ODI MCID: baseline 44 − 30 %");
		OutcomeCharts.Family rmdq = OutcomeCharts.FAMILIES.get(2);
		assertThat(OutcomeCharts.mcidLines(rmdq, "RMDQ", new BigDecimal("14"))).extracting(Chart.ReferenceLine::y)
			.containsExactly(9.0);
	}

	@Test
	void eachFamilyGetsOneChartWithALinePerMeasureAndTheBaselineIsTheFirstScore() {
		List<Observation> observations = List.of(observation("NRS_BACK", "8", 1), observation("NRS_LEG", "5", 1),
				observation("ODI", "40", 1), observation("NRS_BACK", "4", 90), observation("PROMIS_FATIGUE", "12", 1)); // a raw sum, not a T-score
		List<Chart> charts = OutcomeCharts.scores(observations, ZoneOffset.UTC);
		assertThat(charts).extracting(Chart::id).containsExactly("pain-chart", "odi-chart");
		Chart pain = charts.get(0);
		assertThat(pain.series()).extracting(Chart.Series::name).containsExactly("Back pain", "Leg pain");
		assertThat(pain.series().get(0).points()).extracting(Chart.Point::y).containsExactly(8.0, 4.0);
		// back: 8 − 2 and 8 × 0.7; leg: 5 − 2 and 5 × 0.7
		assertThat(pain.references()).extracting(Chart.ReferenceLine::y).containsExactly(6.0, 5.6, 3.0, 3.5);
	}

	private static Medication medication(String drug, String mme, LocalDate start, LocalDate stop) {
		return new Medication(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), drug, BigDecimal.TEN, "mg",
				Medication.Route.ORAL, BigDecimal.ONE, start, stop, Medication.Source.STAFF, null,
				mme == null ? null : new BigDecimal(mme), null, false, 0, null, null);
	}

	private static Observation observation(String measure, String value, int day) {
		return new Observation(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "http://loinc.org", "x",
				measure, new BigDecimal(value), "{score}",
				Instant.parse("2026-01-01T10:00:00Z").plusSeconds(day * 86_400L));
	}

}
