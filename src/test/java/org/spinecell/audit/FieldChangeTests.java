package org.spinecell.audit;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldChangeTests {

	@Test
	void recordsOnlyTheFieldsThatChanged() {
		Map<String, FieldChange> changes = FieldChange.diff(Map.of("name", "A", "city", "X"),
				Map.of("name", "B", "city", "X"));
		assertThat(changes).containsOnlyKeys("name");
		assertThat(changes.get("name")).isEqualTo(new FieldChange("A", "B"));
	}

	@Test
	void recordsValuesSetForTheFirstTimeAndClearedValues() {
		Map<String, Object> before = new HashMap<>();
		before.put("region", null);
		before.put("fin", "A1234");
		Map<String, Object> after = new HashMap<>();
		after.put("region", "Oregon");
		after.put("fin", null);
		Map<String, FieldChange> changes = FieldChange.diff(before, after);
		assertThat(changes.get("region")).isEqualTo(new FieldChange(null, "Oregon"));
		assertThat(changes.get("fin")).isEqualTo(new FieldChange("A1234", null));
	}

	@Test
	void aNewRecordChangesEveryFieldFromNothing() {
		Map<String, FieldChange> changes = FieldChange.created(Map.of("name", "A"));
		assertThat(changes).containsEntry("name", new FieldChange(null, "A"));
	}

	@Test
	void fieldsComeInNameOrder() {
		Map<String, FieldChange> changes = FieldChange.created(Map.of("zeta", 1, "alpha", 2, "mid", 3));
		assertThat(changes.keySet()).containsExactly("alpha", "mid", "zeta");
	}

}
