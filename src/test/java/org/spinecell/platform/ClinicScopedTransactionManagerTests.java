package org.spinecell.platform;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClinicScopedTransactionManagerTests {

	@Test
	void noClinicsMeansAnEmptySetting() {
		assertThat(ClinicScopedTransactionManager.settingValue(Set.of())).isEmpty();
	}

	@Test
	void clinicsAreJoinedInAStableOrderAndContainNothingButUuidCharacters() {
		UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
		UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
		String value = ClinicScopedTransactionManager.settingValue(Set.of(b, a));
		assertThat(value).isEqualTo(a + "," + b);
		assertThat(value).matches("[0-9a-f,-]+");
	}

}
