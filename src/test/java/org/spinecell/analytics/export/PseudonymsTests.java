package org.spinecell.analytics.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinecell.platform.SpineCellProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keyed pseudonyms: stable per id, different per key and kind, with a key kept in the data directory. */
class PseudonymsTests {

	private static final UUID PATIENT = UUID.fromString("3f2b8c1e-1111-4a2b-9c3d-000000000001");

	private static final byte[] KEY = "a test key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII);

	@Test
	void aPseudonymIsStablePerIdAndDiffersPerKeyIdAndKind() {
		Pseudonyms one = new Pseudonyms(KEY);
		assertThat(one.of("P", PATIENT)).isEqualTo(new Pseudonyms(KEY).of("P", PATIENT))
			.matches("P[0-9a-f]{20}")
			.doesNotContain(PATIENT.toString().substring(0, 8));
		assertThat(one.of("P", PATIENT)).isNotEqualTo(new Pseudonyms("another key of thirty-two bytes!"
			.getBytes(StandardCharsets.US_ASCII)).of("P", PATIENT));
		assertThat(one.of("P", PATIENT)).isNotEqualTo(one.of("P", UUID.randomUUID()));
		assertThat(one.of("P", PATIENT).substring(1)).isNotEqualTo(one.of("E", PATIENT).substring(1));
	}

	@Test
	void withoutAConfiguredKeyOneIsGeneratedOnceAndKeptInTheDataDirectory(@TempDir Path dir) throws Exception {
		SpineCellProperties properties = properties(dir);
		String first = new Pseudonyms(properties, "").of("P", PATIENT);
		Path file = dir.resolve(Pseudonyms.KEY_FILE);
		assertThat(file).exists();
		assertThat(new Pseudonyms(properties, "").of("P", PATIENT)).as("after a restart").isEqualTo(first);
		String configured = java.util.Base64.getEncoder().encodeToString(KEY);
		assertThat(new Pseudonyms(properties, configured).of("P", PATIENT)).isEqualTo(new Pseudonyms(KEY).of("P", PATIENT))
			.isNotEqualTo(first);
	}

	@Test
	void aShortKeyIsRefused() {
		assertThatThrownBy(() -> new Pseudonyms(new byte[8])).isInstanceOf(IllegalArgumentException.class);
	}

	private static SpineCellProperties properties(Path dir) {
		return new SpineCellProperties(dir, false, new SpineCellProperties.Security(java.time.Duration.ofHours(8), 5,
				java.time.Duration.ofMinutes(15), SpineCellProperties.Mfa.REQUIRED, null, java.time.Duration.ofMinutes(30),
				java.time.Duration.ofHours(12)), new SpineCellProperties.Api(1_048_576), java.time.ZoneId.of("UTC"));
	}

}
