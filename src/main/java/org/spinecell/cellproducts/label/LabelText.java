package org.spinecell.cellproducts.label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text measured and cut to fit a label printed in one of the standard 14 PDF fonts, which carry
 * only the WinAnsi characters.
 */
final class LabelText {

	static final String ELLIPSIS = "\u2026";

	private static final char UNENCODABLE = '?';

	/**
	 * Signs outside WinAnsi that storage and dosing lines use, spelled in characters it has. A
	 * question mark in "≤ −150 °C" would hide a limit; a letter is never substituted.
	 */
	private static final Map<Integer, String> SPELLED = Map.of(0x2212, "-", 0x2010, "-", 0x2011, "-", 0x2264, "<=",
			0x2265, ">=", 0x2248, "~");

	private LabelText() {
	}

	/**
	 * The text with every character the font cannot show replaced by {@code ?} (accents are
	 * composed onto their letters first, an emoji counts as one character, and a few signs such as
	 * the minus sign are spelled in plain characters), and every kind of
	 * space or line break turned into a plain space, so a label is printed rather than refused. A
	 * missing letter stays visible as {@code ?} instead of being swapped for a look-alike that
	 * spells another name.
	 */
	static String encodable(PDFont font, String text) {
		if (text == null) {
			return "";
		}
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder result = new StringBuilder(composed.length());
		composed.codePoints().forEach(codePoint -> {
			if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
				result.append(' ');
			}
			else if (SPELLED.containsKey(codePoint) && !canEncode(font, codePoint)) {
				result.append(SPELLED.get(codePoint));
			}
			else {
				result.append(canEncode(font, codePoint) ? Character.toString(codePoint) : String.valueOf(UNENCODABLE));
			}
		});
		return result.toString().strip().replaceAll(" {2,}", " ");
	}

	/** The width in points of encodable text. */
	static float width(PDFont font, float size, String text) {
		try {
			return font.getStringWidth(text) / 1000 * size;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Encodable text cut to the width, ending in an ellipsis if anything was cut. */
	static String fit(PDFont font, float size, String text, float maxWidth) {
		if (width(font, size, text) <= maxWidth) {
			return text;
		}
		int end = text.length();
		while (end > 0 && width(font, size, text.substring(0, end).stripTrailing() + ELLIPSIS) > maxWidth) {
			end = previous(text, end);
		}
		return end == 0 ? "" : text.substring(0, end).stripTrailing() + ELLIPSIS;
	}

	/**
	 * Encodable text broken into at most {@code maxLines} lines no wider than {@code maxWidth}:
	 * between words where it can, inside a word too long for a line, and with the last line ending
	 * in an ellipsis if the text did not fit.
	 */
	static List<String> wrap(PDFont font, float size, String text, float maxWidth, int maxLines) {
		List<String> lines = new ArrayList<>();
		String rest = text.strip();
		while (!rest.isEmpty() && lines.size() < maxLines) {
			int end = lineEnd(font, size, rest, maxWidth);
			lines.add(rest.substring(0, end).stripTrailing());
			rest = rest.substring(end).stripLeading();
		}
		if (!rest.isEmpty() && !lines.isEmpty()) {
			int last = lines.size() - 1;
			// Forcing the overflow onto the last line makes fit() cut it and add the ellipsis.
			lines.set(last, fit(font, size, lines.get(last) + " " + rest, maxWidth));
		}
		return lines;
	}

	/** Where the first line of the text ends: after the last word that fits, or mid-word. */
	private static int lineEnd(PDFont font, float size, String text, float maxWidth) {
		if (width(font, size, text) <= maxWidth) {
			return text.length();
		}
		int end = text.length();
		while (end > 0 && width(font, size, text.substring(0, end)) > maxWidth) {
			end = previous(text, end);
		}
		if (end == 0) {
			// Not even one character fits: take it anyway so the loop ends; fit() will not apply.
			return Character.charCount(text.codePointAt(0));
		}
		int space = text.lastIndexOf(' ', end);
		return space > 0 && end < text.length() && text.charAt(end) != ' ' ? space : end;
	}

	private static int previous(String text, int end) {
		return end - Character.charCount(text.codePointBefore(end));
	}

	private static boolean canEncode(PDFont font, int codePoint) {
		try {
			font.encode(Character.toString(codePoint));
			return true;
		}
		catch (IllegalArgumentException | IOException ex) {
			return false;
		}
	}

}
