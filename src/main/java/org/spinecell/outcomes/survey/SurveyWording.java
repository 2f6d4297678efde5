package org.spinecell.outcomes.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spinecell.outcomes.instruments.InstrumentDefinition;
import org.spinecell.outcomes.survey.SurveyState.Option;
import org.spinecell.outcomes.survey.SurveyState.StepItem;

/**
 * How the survey words things for a patient: an instrument's questions with the answers offered,
 * and a time point in plain words.
 */
public final class SurveyWording {

	private static final Pattern TIME_POINT = Pattern.compile("([WM])(\\d{1,3})");

	private SurveyWording() {
	}

	public static List<StepItem> items(InstrumentDefinition definition, Map<String, String> loadedText) {
		List<StepItem> items = new ArrayList<>();
		for (InstrumentDefinition.Item item : definition.items()) {
			String text = loadedText.getOrDefault(item.linkId(), item.text());
			List<Option> options = switch (item.type()) {
				case BOOLEAN -> List.of(new Option("true", "Yes"), new Option("false", "No"));
				case CHOICE -> item.options().stream().map(code -> new Option(code, label(code))).toList();
				case INTEGER -> {
					List<Option> range = new ArrayList<>();
					if (item.min() != null && item.max() != null && item.max() - item.min() <= 10) {
						for (int v = item.min(); v <= item.max(); v++) {
							range.add(new Option(Integer.toString(v), Integer.toString(v)));
						}
					}
					yield range;
				}
			};
			items.add(new StepItem(item.linkId(), text, item.type(), item.required(), options));
		}
		return items;
	}

	/** "full-time" → "Full time". */
	private static String label(String code) {
		String words = code.replace('-', ' ').replace('_', ' ');
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** BASELINE, W2, M3 … as a patient would say it. */
	public static String plainWords(String timePoint) {
		if ("BASELINE".equals(timePoint)) {
			return "before your treatment";
		}
		Matcher m = TIME_POINT.matcher(timePoint);
		if (m.matches()) {
			int n = Integer.parseInt(m.group(2));
			String unit = m.group(1).equals("W") ? "week" : "month";
			return n + " " + unit + (n == 1 ? "" : "s") + " after your treatment";
		}
		return "your follow-up";
	}

}
