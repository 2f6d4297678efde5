package org.spinecell.outcomes.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * One instrument's answers read from a submitted form, for the patient's survey page and for staff
 * entering answers: what was typed (to show again), a message beside each item that cannot be read,
 * and the answers to record.
 */
public record AnswerForm(Map<String, String> values, Map<String, String> errors, Map<String, Object> answers) {

	/**
	 * @param requireAnswers refuse a blank required item here (the patient's page); staff may leave
	 * one blank and let the instrument's own rule on missing items decide
	 */
	public static AnswerForm read(List<SurveyState.StepItem> items, MultiValueMap<String, String> form,
			boolean requireAnswers) {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> answers = new LinkedHashMap<>();
		for (SurveyState.StepItem item : items) {
			String value = form.getFirst(item.linkId());
			value = value == null ? "" : value.strip();
			values.put(item.linkId(), value);
			if (value.isEmpty()) {
				if (item.required() && requireAnswers) {
					errors.put(item.linkId(), "Please choose an answer to this question.");
				}
				continue;
			}
			String chosen = value;
			if (!item.options().isEmpty() && item.options().stream().noneMatch(o -> o.value().equals(chosen))) {
				errors.put(item.linkId(), "Please choose one of the answers offered.");
				continue;
			}
			switch (item.type()) {
				case BOOLEAN -> answers.put(item.linkId(), Boolean.valueOf(value));
				case CHOICE -> answers.put(item.linkId(), value);
				case INTEGER -> {
					try {
						answers.put(item.linkId(), Integer.valueOf(value));
					}
					catch (NumberFormatException ex) {
						errors.put(item.linkId(), "Please enter a whole number.");
					}
				}
			}
		}
		return new AnswerForm(values, errors, answers);
	}

}
