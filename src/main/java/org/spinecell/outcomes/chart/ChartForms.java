package org.spinecell.outcomes.chart;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.validation.Validator;
import org.spinecell.platform.FormErrors;

import org.springframework.validation.BindingResult;

/**
 * What the forms reached from the patient chart's outcome sections share: a blank text is no text,
 * and a submission returns to its section of the chart on success and shows the form again, with
 * the refusal beside its field, otherwise.
 */
public final class ChartForms {

	private ChartForms() {
	}

	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	/**
	 * Submits a form's request: on success back to the chart's {@code section}, otherwise the form
	 * again with the refusal beside its field.
	 */
	public static <R> String submit(Validator validator, R request, BindingResult result, Consumer<R> action,
			UUID patientId, String section, Supplier<String> formAgain) {
		if (FormErrors.submit(validator, request, result, action)) {
			return "redirect:/patients/" + patientId + "#" + section;
		}
		return formAgain.get();
	}

}
