package org.spinecell.analytics.export;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Safe Harbor rules on single values: ZIP codes, ages and free-text scrubbing. */
class SafeHarborTests {

	private static final List<String> KNOWN = List.of("Henrietta", "Vanderbilt", "RX-4471", "hv@example.org",
			"+1 (603) 555-0147");

	@Test
	void zipCodesKeepThreeDigitsAndRestrictedPrefixesBecomeZeros() {
		assertThat(SafeHarbor.zip3("12345")).isEqualTo("123");
		assertThat(SafeHarbor.zip3("12345-6789")).isEqualTo("123");
		assertThat(SafeHarbor.zip3(" 03601 ")).isEqualTo("000");
		assertThat(SafeHarbor.RESTRICTED_ZIP3).hasSize(17);
		for (String prefix : SafeHarbor.RESTRICTED_ZIP3) {
			assertThat(SafeHarbor.zip3(prefix + "99")).as(prefix).isEqualTo("000");
		}
		assertThat(SafeHarbor.zip3("03701")).isEqualTo("037");
		assertThat(SafeHarbor.zip3("SW1A 1AA")).as("not a US ZIP code").isNull();
		assertThat(SafeHarbor.zip3(null)).isNull();
		assertThat(SafeHarbor.zip5("03601-1234")).isEqualTo("03601");
		assertThat(SafeHarbor.zip5("1234")).isNull();
	}

	@Test
	void agesOverEightyNineArePooled() {
		assertThat(SafeHarbor.age(89)).isEqualTo(89);
		assertThat(SafeHarbor.age(90)).isEqualTo("90+");
		assertThat(SafeHarbor.age(104)).isEqualTo("90+");
		assertThat(SafeHarbor.age(null)).isNull();
	}

	@Test
	void freeTextLosesTheIdentifiersItHolds() {
		String text = "Henrietta VANDERBILT (MRN RX-4471) called from +1 (603) 555-0147 and 603.555.0199 on"
				+ " 2025-03-04, again 3/15/2025 and on March 20th, 2025; mail hv@example.org or other@mail.example.com,"
				+ " see https://example.org/chart?id=9 or www.example.net; lives in 03601-1234, account 987654.";
		String scrubbed = SafeHarbor.scrub(text, KNOWN);
		assertThat(scrubbed).doesNotContain("Henrietta", "VANDERBILT", "4471", "555", "0199", "2025", "03-04", "3/15",
				"March", "hv@", "example", "mail.", "https", "www", "03601", "987654");
		assertThat(scrubbed).isEqualTo("[REMOVED] [REMOVED] (MRN [REMOVED]) called from [REMOVED] and [REMOVED] on"
				+ " [REMOVED], again [REMOVED] and on [REMOVED]; mail [REMOVED] or [REMOVED], see [REMOVED] or"
				+ " [REMOVED] lives in [REMOVED], account [REMOVED].");
	}

	@Test
	void clinicalTextWithoutIdentifiersIsKept() {
		String text = "Grade 2 flare at L4-L5 after 10 mg oxycodone 3 times a day; 2 mL injected, pain 7/10";
		assertThat(SafeHarbor.scrub(text, KNOWN)).isEqualTo(text);
		assertThat(SafeHarbor.scrub("Henriettaville clinic", KNOWN)).as("names match whole words only")
			.isEqualTo("Henriettaville clinic");
		assertThat(SafeHarbor.scrub(null, KNOWN)).isNull();
	}

}
