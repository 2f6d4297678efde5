package org.spinecell.platform;

/**
 * Text from a request, made safe for a log line. A log line is one line: a carriage return or line
 * feed typed into a login field would otherwise start a forged line ("log injection"), and other
 * control characters (escape sequences, NUL, the Unicode line separators, bidirectional overrides)
 * can rewrite what a terminal or a log viewer shows. Every such character is written as a visible
 * escape ({@code \r}, {@code \n}, {@code \t}, {@code \\uXXXX}), and a backslash as {@code \\}, so that
 * an escape typed by the caller cannot pass for one made here. Use it for every request-supplied
 * string that reaches a log statement.
 */
public final class LogSafe {

	/** Longer values are cut, so that one request cannot flood the log. */
	static final int MAX_LENGTH = 200;

	private LogSafe() {
	}

	public static String text(String value) {
		if (value == null) {
			return "null";
		}
		String cut = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value;
		StringBuilder safe = new StringBuilder(cut.length() + 16);
		for (int i = 0; i < cut.length(); i++) {
			char c = cut.charAt(i);
			switch (c) {
				case '\\' -> safe.append("\\\\");
				case '\r' -> safe.append("\\r");
				case '\n' -> safe.append("\\n");
				case '\t' -> safe.append("\\t");
				default -> {
					if (needsEscape(c)) {
						safe.append(String.format("\\u%04X", (int) c));
					}
					else {
						safe.append(c);
					}
				}
			}
		}
		if (cut.length() < value.length()) {
			safe.append("…(").append(value.length()).append(" characters)");
		}
		return safe.toString();
	}

	private static boolean needsEscape(char c) {
		if (Character.isISOControl(c)) {
			return true; // C0, DEL and C1 (NEL U+0085 ends a line for some readers)
		}
		int type = Character.getType(c);
		return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
				|| type == Character.FORMAT || type == Character.SURROGATE;
	}

}
