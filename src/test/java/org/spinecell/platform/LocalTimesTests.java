package org.spinecell.platform;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTimesTests {

	@Test
	void anInstantIsShownInTheInstallationsZoneWithTheZoneNamed() {
		Instant instant = Instant.parse("2026-07-01T12:30:00Z");
		assertThat(times("UTC").at(instant)).isEqualTo("2026-07-01 12:30 UTC");
		assertThat(times("America/Chicago").at(instant)).isEqualTo("2026-07-01 07:30 CDT");
		assertThat(times("Europe/Berlin").at(Instant.parse("2026-01-01T23:30:00Z"))).isEqualTo("2026-01-02 00:30 CET");
		assertThat(times("UTC").at(null)).isEmpty();
	}

	private static LocalTimes times(String zone) {
		return new LocalTimes(new SpineCellProperties(null, false, null, null, ZoneId.of(zone)));
	}

}
