package org.spinecell.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Request text made safe for one log line: every character that could end or disguise a line escaped. */
class LogSafeTests {

	@Test
	void lineBreaksAndTabsBecomeVisibleEscapes() {
		assertThat(LogSafe.text("x\r\nFAKE 2026-12-08 INFO admin signed in\tok"))
			.isEqualTo("x\\r\\nFAKE 2026-12-08 INFO admin signed in\\tok");
	}

	@Test
	void everyControlSeparatorAndFormatCharacterIsEscaped() {
		StringBuilder hostile = new StringBuilder();
		for (char c = 0; c < 0x20; c++) {
			hostile.append(c);
		}
		hostile.append('\u007f').append('\u0085').append('\u009b').append('\u2028').append('\u2029')
			.append('\u202e').append('\u200b').append('\ufeff').append('\ud800');
		String safe = LogSafe.text(hostile.toString());
		assertThat(safe.chars().filter(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
				|| Character.getType(c) == Character.LINE_SEPARATOR
				|| Character.getType(c) == Character.PARAGRAPH_SEPARATOR || Character.isSurrogate((char) c)))
			.isEmpty();
		assertThat(safe).startsWith("\\u0000\\u0001").contains("\\u001B", "\\u007F", "\\u0085", "\\u2028", "\\u2029",
				"\\u202E", "\\uD800");
	}

	@Test
	void aTypedBackslashCannotPassForAnEscape() {
		assertThat(LogSafe.text("a\\nb")).isEqualTo("a\\\\nb");
		assertThat(LogSafe.text("a\nb")).isNotEqualTo(LogSafe.text("a\\nb"));
	}

	@Test
	void ordinaryTextIsKeptAndLongTextIsCut() {
		assertThat(LogSafe.text("dr.reyes")).isEqualTo("dr.reyes");
		assertThat(LogSafe.text("Zoë Ångström")).isEqualTo("Zoë Ångström");
		assertThat(LogSafe.text(null)).isEqualTo("null");
		assertThat(LogSafe.text("a".repeat(5000))).hasSize(LogSafe.MAX_LENGTH + "…(5000 characters)".length());
	}

}
