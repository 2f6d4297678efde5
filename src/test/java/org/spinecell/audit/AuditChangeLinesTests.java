package org.spinecell.audit;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChangeLinesTests {

	private final AuditChangeLines lines = new AuditChangeLines(JsonMapper.builder().build());

	@Test
	void eachFieldIsALineFromItsOldToItsNewValueWithEmptySidesInWords() {
		assertThat(lines.of("""
				{"status": {"oldValue": "DUE", "newValue": "COMPLETED"}, "note": {"oldValue": null, "newValue": "by phone"},
				 "levels": {"oldValue": ["L4-L5"], "newValue": null}}
				""")).containsExactly(new AuditChangeLines.Line("status", "DUE", "COMPLETED"),
				new AuditChangeLines.Line("note", "(empty)", "by phone"),
				new AuditChangeLines.Line("levels", "[\"L4-L5\"]", "(empty)"));
	}

	@Test
	void aDocumentOfAnotherShapeIsShownAsItIsNotLost() {
		assertThat(lines.of("{\"rows\": 12}")).containsExactly(new AuditChangeLines.Line("rows", "", "12"));
		assertThat(lines.of("{}")).isEmpty();
		assertThat(lines.of(null)).isEmpty();
	}

}
