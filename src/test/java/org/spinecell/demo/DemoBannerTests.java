package org.spinecell.demo;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one block of demo accounts printed at the end of the first demo start. */
class DemoBannerTests {

	private static final List<DemoBanner.Account> ACCOUNTS = List.of(
			new DemoBanner.Account("demo.admin", "administrator", "none (manages clinics and accounts)", "Pw-admin-1234"),
			new DemoBanner.Account("dr.reyes", "physician", "Lakeside Spine & Regenerative Center", "Pw-reyes-5678"));

	@Test
	void everyAccountIsOneLineWithLoginRoleClinicAndPasswordInsideOneFramedBlock() {
		String banner = DemoBanner.render("http://localhost:8080/", ACCOUNTS, Duration.ofSeconds(97), false);
		List<String> lines = banner.strip().lines().toList();
		assertThat(lines.get(0)).matches("=+");
		assertThat(lines.get(lines.size() - 1)).isEqualTo(lines.get(0));
		assertThat(banner).contains("open http://localhost:8080/ and sign in")
			.contains("Demo data seeded in 1 min 37 s.")
			.contains("Second factor: optional");
		assertThat(lines).filteredOn(l -> l.contains("dr.reyes"))
			.singleElement()
			.satisfies(l -> assertThat(l).contains("physician")
				.contains("Lakeside Spine & Regenerative Center")
				.endsWith("Pw-reyes-5678"));
		// Columns line up: every password starts in the same column as the heading.
		int column = lines.stream().filter(l -> l.contains("Password")).findFirst().orElseThrow().indexOf("Password");
		assertThat(lines.stream().filter(l -> l.contains("Pw-")).map(l -> l.indexOf("Pw-"))).containsOnly(column);
	}

	@Test
	void aShortSeedingIsInSecondsAndARequiredSecondFactorIsExplained() {
		String banner = DemoBanner.render("http://localhost:8186/", ACCOUNTS, Duration.ofMillis(42_400), true);
		assertThat(banner).contains("seeded in 42 s.").contains("Second factor: required");
	}

}
