package org.spinecell.outcomes.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.spinecell.outcomes.Medication;
import org.spinecell.outcomes.responses.Observation;
import org.spinecell.platform.chart.Chart;

/**
 * The charts of the patient chart's outcome and medication sections: one chart per family of
 * measures sharing a scale, with a line per measure and the minimal clinically important
 * difference (DOMAIN §3: NRS 2 points or 30 %, ODI 10 points or 30 %, RMDQ 5 points) drawn below
 * the patient's baseline, the first observation; and total MME per day over time as a step line.
 */
final class OutcomeCharts {

	/**
	 * Measures drawn on one chart. {@code mcidPoints} and {@code mcidRelative} are improvements (a
	 * fall) from baseline; {@code null} when DOMAIN gives none.
	 */
	record Family(String id, String title, String axisLabel, Predicate<Observation> member, Double min, Double max,
			BigDecimal mcidPoints, BigDecimal mcidRelative, Chart.ReferenceLine fixedReference) {
	}

	static final List<Family> FAMILIES = List.of(
			new Family("pain-chart", "Pain (NRS 0–10)", "Pain (0–10)", o -> o.measure().startsWith("NRS_"), 0.0, 10.0,
					new BigDecimal("2"), new BigDecimal("0.30"), null),
			new Family("odi-chart", "Disability (ODI)", "ODI (%)", o -> o.measure().equals("ODI"), 0.0, 100.0,
					new BigDecimal("10"), new BigDecimal("0.30"), null),
			new Family("rmdq-chart", "Disability (RMDQ 0–24)", "RMDQ (0–24)", o -> o.measure().equals("RMDQ"), 0.0,
					24.0, new BigDecimal("5"), null, null),
			new Family("promis-chart", "PROMIS T-scores", "T-score", o -> o.measure().startsWith("PROMIS_")
					&& "{T-score}".equals(o.unit()), 20.0, 80.0, null, null,
					new Chart.ReferenceLine(50, "Reference population mean 50")));

	private OutcomeCharts() {
	}

	/** A measure's name as staff say it: "Back pain", "Leg pain", "ODI", "PROMIS fatigue". */
	static String displayName(String measure) {
		return switch (measure) {
			case "NRS_BACK" -> "Back pain";
			case "NRS_LEG" -> "Leg pain";
			default -> {
				if (measure.startsWith("PROMIS_")) {
					yield "PROMIS " + measure.substring("PROMIS_".length()).toLowerCase(Locale.ROOT).replace('_', ' ');
				}
				yield measure;
			}
		};
	}

	/** One chart for each family the patient has observations of, in the order of {@link #FAMILIES}. */
	static List<Chart> scores(List<Observation> observations, ZoneId zone) {
		List<Chart> charts = new ArrayList<>();
		for (Family family : FAMILIES) {
			Map<String, List<Observation>> byMeasure = new LinkedHashMap<>();
			observations.stream()
				.filter(family.member())
				.forEach(o -> byMeasure.computeIfAbsent(o.measure(), m -> new ArrayList<>()).add(o));
			if (byMeasure.isEmpty()) {
				continue;
			}
			Chart chart = Chart.of(family.id(), family.title(),
					family.title() + " over time for "
							+ String.join(", ", byMeasure.keySet().stream().map(OutcomeCharts::displayName).toList())
							+ ", with the minimal clinically important difference from the first score",
					Chart.Axis.dates("Date"), new Chart.Axis(family.axisLabel(), Chart.Scale.NUMBER, family.min(),
							family.max()));
			for (Map.Entry<String, List<Observation>> measure : byMeasure.entrySet()) {
				List<Chart.Point> points = measure.getValue()
					.stream()
					.map(o -> Chart.Point.on(LocalDate.ofInstant(o.effectiveAt(), zone), o.value().doubleValue()))
					.toList();
				chart = chart.with(Chart.Series.line(displayName(measure.getKey()), points));
				BigDecimal baseline = measure.getValue().get(0).value();
				for (Chart.ReferenceLine line : mcidLines(family, measure.getKey(), baseline)) {
					chart = chart.with(line);
				}
			}
			if (family.fixedReference() != null) {
				chart = chart.with(family.fixedReference());
			}
			charts.add(chart);
		}
		return charts;
	}

	/** The lines a score must reach (or go below) to count as a clinically important improvement. */
	static List<Chart.ReferenceLine> mcidLines(Family family, String measure, BigDecimal baseline) {
		List<Chart.ReferenceLine> lines = new ArrayList<>();
		if (family.mcidPoints() != null) {
			BigDecimal target = baseline.subtract(family.mcidPoints());
			lines.add(new Chart.ReferenceLine(target.doubleValue(), displayName(measure) + " MCID: baseline "
					+ baseline.stripTrailingZeros().toPlainString() + " − " + family.mcidPoints().toPlainString()));
		}
		if (family.mcidRelative() != null) {
			BigDecimal target = baseline.multiply(BigDecimal.ONE.subtract(family.mcidRelative()));
			lines.add(new Chart.ReferenceLine(target.doubleValue(), displayName(measure) + " MCID: baseline "
					+ baseline.stripTrailingZeros().toPlainString() + " − "
					+ family.mcidRelative().movePointRight(2).stripTrailingZeros().toPlainString() + " %"));
		}
		return lines;
	}

	/**
	 * Total MME per day over time, as a step line from the first opioid start to {@code today}: the
	 * total changes on each start and on the day after each stop. Statements without an MME (not an
	 * opioid, or not converted) and voided ones are left out; {@code null} when none is left.
	 */
	static Chart mme(List<Medication> medications, LocalDate today) {
		List<Medication> opioids = medications.stream().filter(m -> !m.voided() && m.mmePerDay() != null).toList();
		if (opioids.isEmpty()) {
			return null;
		}
		TreeSet<LocalDate> changes = new TreeSet<>();
		for (Medication m : opioids) {
			changes.add(m.start());
			if (m.stop() != null) {
				changes.add(m.stop().plusDays(1));
			}
		}
		LocalDate last = changes.last().isAfter(today) ? changes.last() : today;
		changes.add(last);
		List<Chart.Point> points = new ArrayList<>();
		for (LocalDate day : changes) {
			points.add(Chart.Point.on(day, totalOn(opioids, day).doubleValue()));
		}
		return Chart
			.of("mme-chart", "Opioid dose (MME per day)",
					"Total morphine milligram equivalents per day over time, from the recorded medications",
					Chart.Axis.dates("Date"), new Chart.Axis("MME per day", Chart.Scale.NUMBER, 0.0, null))
			.with(Chart.Series.step("Total MME/day", points));
	}

	static BigDecimal totalOn(List<Medication> opioids, LocalDate day) {
		return opioids.stream()
			.filter(m -> m.activeOn(day))
			.map(Medication::mmePerDay)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
