package org.spinecell.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * People's words for codes the pages would otherwise show raw, for templates as {@code @words}:
 * a label from {@code messages.properties} where one is written ({@code timePoint.BASELINE},
 * {@code instrument.odi-2.1a}, {@code measure.NRS_BACK}), else the code spelled out
 * ({@code DEGENERATIVE_DISC_DISEASE} is "Degenerative disc disease", {@code facts.worstModicType}
 * is "Worst Modic type").
 */
@Component("words")
public class Words {

	private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

	private static final Pattern LIST = Pattern.compile("\\[(.*)]");

	private final MessageSource messages;

	Words(MessageSource messages) {
		this.messages = messages;
	}

	/** The label written for {@code prefix.code}, else the code spelled out. */
	public String of(String prefix, String code) {
		if (code == null) {
			return "";
		}
		String label = messages.getMessage(prefix + "." + code, null, null, LocaleContextHolder.getLocale());
		return label != null ? label : code(code);
	}

	/**
	 * A constant ({@code NO_GROWTH}) or a list of them ({@code [A, B]}) spelled out; anything else
	 * (numbers, dates, free text) as it is.
	 */
	public String code(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		var list = LIST.matcher(text);
		if (list.matches()) {
			return Arrays.stream(list.group(1).split(",\\s*")).map(this::code).collect(Collectors.joining(", "));
		}
		if (!CONSTANT.matcher(text).matches() || text.length() < 2) {
			return text;
		}
		String words = text.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** A property path ({@code facts.worstModicType}) as words: "Worst Modic type". */
	public String key(String path) {
		if (path == null || path.isBlank()) {
			return "";
		}
		String last = path.substring(path.lastIndexOf('.') + 1);
		String label = messages.getMessage("input." + path, null, null, LocaleContextHolder.getLocale());
		if (label != null) {
			return label;
		}
		String spaced = last.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z])([A-Z][a-z])", "$1 $2");
		StringBuilder words = new StringBuilder();
		for (String word : spaced.split(" ")) {
			// Names of scales and signs keep their capitals (Modic, Pfirrmann); other words are lower case.
			boolean proper = word.equals("Modic") || word.equals("Pfirrmann");
			words.append(words.isEmpty() ? "" : " ").append(proper ? word : word.toLowerCase(Locale.ROOT));
		}
		String result = words.toString();
		return Character.toUpperCase(result.charAt(0)) + result.substring(1);
	}

}
