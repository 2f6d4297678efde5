package org.spinecell.platform;

/**
 * What text SpineCell stores: no lone UTF-16 surrogates (they cannot be encoded and PostgreSQL
 * refuses them), no NUL or other control characters except tab, line feed and carriage return,
 * and no value made only of invisible characters (zero-width spaces, joiners, byte-order marks,
 * no-break or ideographic spaces), which looks empty on every screen yet passes a not-blank check.
 * The empty string and plain spaces, tabs and line breaks are left to the field's own rule
 * ({@code @NotBlank} when required, blank meaning absent when optional).
 *
 * <p>Text is stored as typed, not rewritten to a Unicode normal form: the audit trail shows what
 * was entered, and passwords must hash the same whether they arrive by the API or the sign-in form
 * (see docs/adr/0017-strict-input.md).
 */
public final class TextRules {

	private TextRules() {
	}

	/** Why the text cannot be stored, or {@code null} when it can. */
	public static String problem(String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		boolean visible = false;
		boolean beyondSpace = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return "contains a broken character (a lone surrogate)";
				}
				visible = true;
				i++;
				continue;
			}
			if (Character.isLowSurrogate(c)) {
				return "contains a broken character (a lone surrogate)";
			}
			if (isControl(c)) {
				return "contains a control character";
			}
			if (!isBlankOrInvisible(c)) {
				visible = true;
			}
			beyondSpace |= c > ' ';
		}
		// Spaces, tabs and line breaks alone are blank: the field's own rule (@NotBlank, or blank
		// meaning absent) decides. Anything else invisible would pass @NotBlank, so it is refused here.
		return visible || !beyondSpace ? null : "contains only blank or invisible characters";
	}

	private static boolean isControl(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
	}

	private static boolean isBlankOrInvisible(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
				|| c == '\u115F' || c == '\u1160' || c == '\u3164' || c == '\uFFA0' || c == '\u2800';
	}

}
