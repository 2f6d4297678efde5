package org.spinecell.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.platform.ClinicalDate.Kind.HAPPENED;
import static org.spinecell.platform.ClinicalDate.Kind.PLANNED;

/** The plausible range of a clinical date, at a fixed moment: 2026-03-10 20:00 UTC. */
class ClinicalDatesTests {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-10T20:00:00Z"), ZoneOffset.UTC);

	@Test
	void aFactThatHappenedLiesBetween1900AndTodayAnywhereOnEarth() {
		assertThat(ClinicalDates.problem(LocalDate.of(1900, 1, 1), HAPPENED, NOW)).isNull();
		assertThat(ClinicalDates.problem(LocalDate.of(1899, 12, 31), HAPPENED, NOW))
			.isEqualTo("must not be before 1900-01-01");
		assertThat(ClinicalDates.problem(LocalDate.of(0, 1, 1), HAPPENED, NOW)).isEqualTo("must not be before 1900-01-01");
		// At 20:00 UTC it is already 11 March in UTC+14, so that day is not in the future; the 12th is.
		assertThat(ClinicalDates.problem(LocalDate.of(2026, 3, 11), HAPPENED, NOW)).isNull();
		assertThat(ClinicalDates.problem(LocalDate.of(2026, 3, 12), HAPPENED, NOW)).isEqualTo("must not be in the future");
		assertThat(ClinicalDates.problem(LocalDate.of(9999, 12, 31), HAPPENED, NOW)).isEqualTo("must not be in the future");
		assertThat(ClinicalDates.problem((LocalDate) null, HAPPENED, NOW)).isNull();
	}

	@Test
	void aPlannedDateMayLieUpToTenYearsAhead() {
		assertThat(ClinicalDates.problem(LocalDate.of(2036, 3, 11), PLANNED, NOW)).isNull();
		assertThat(ClinicalDates.problem(LocalDate.of(2036, 3, 12), PLANNED, NOW)).isEqualTo("must not be after 2036-03-11");
		assertThat(ClinicalDates.problem(LocalDate.of(9999, 12, 31), PLANNED, NOW)).startsWith("must not be after");
		assertThat(ClinicalDates.problem(LocalDate.of(1899, 1, 1), PLANNED, NOW)).startsWith("must not be before");
	}

	@Test
	void anInstantThatHappenedMayBeADayAheadForClocksAndZones() {
		assertThat(ClinicalDates.problem(Instant.parse("2026-03-11T19:59:00Z"), HAPPENED, NOW)).isNull();
		assertThat(ClinicalDates.problem(Instant.parse("2026-03-11T20:01:00Z"), HAPPENED, NOW))
			.isEqualTo("must not be in the future");
		assertThat(ClinicalDates.problem(Instant.parse("1899-12-31T23:59:59Z"), HAPPENED, NOW))
			.isEqualTo("must not be before 1900-01-01");
		assertThat(ClinicalDates.problem(Instant.EPOCH, HAPPENED, NOW)).isNull();
		assertThat(ClinicalDates.problem(Instant.parse("2030-01-01T00:00:00Z"), PLANNED, NOW)).isNull();
		assertThat(ClinicalDates.problem(Instant.parse("2040-01-01T00:00:00Z"), PLANNED, NOW))
			.startsWith("must not be after");
	}

}
