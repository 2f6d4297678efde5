package org.spinecell.analytics.export;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-patient date offset of the limited data set: 1 to 365 days either way, never 0, stable, keyed. */
class ResearchDateShiftTests {

	private static final byte[] KEY = "a test key of at least 16 bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);

	private final ResearchExportService service = new ResearchExportService(null, null, null, null,
			new Pseudonyms(KEY), null);

	@Test
	void offsetsStayWithinAYearEitherWayAndAreNeverZero() {
		Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < 20_000; i++) {
			int shift = service.shiftDays(UUID.randomUUID());
			assertThat(shift).isBetween(-365, 365).isNotZero();
			seen.add(shift);
		}
		assertThat(seen).as("every offset is reachable").hasSize(730);
	}

	@Test
	void theOffsetIsStableForAPatientAndDependsOnTheKey() {
		UUID patient = UUID.randomUUID();
		assertThat(service.shiftDays(patient)).isEqualTo(service.shiftDays(patient));
		ResearchExportService otherKey = new ResearchExportService(null, null, null, null,
				new Pseudonyms("another key, also 16 bytes+".getBytes(java.nio.charset.StandardCharsets.UTF_8)), null);
		long differing = java.util.stream.IntStream.range(0, 200)
			.mapToObj(i -> UUID.randomUUID())
			.filter(id -> service.shiftDays(id) != otherKey.shiftDays(id))
			.count();
		assertThat(differing).isGreaterThan(190);
	}

}
