package org.spinecell.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.validation.BindingResult;

/** Puts the field problems of a refused request beside the fields of the form that sent it. */
public final class FormErrors {

	private FormErrors() {
	}

	public static void bind(Refusal ex, BindingResult result) {
		if (ex.errors().isEmpty()) {
			result.reject("refused", ex.getMessage());
			return;
		}
		for (FieldProblem problem : ex.errors()) {
			String field = problem.field().replaceAll("\\[\\d+]$", "");
			if ("version".equals(field)) {
				// A stale version is about the whole record, not a field the user can fix.
				result.reject("stale", ex.getMessage());
			}
			else if (result.getTarget() != null && hasProperty(result, field)) {
				result.rejectValue(field, "refused", problem.message());
			}
			else {
				result.reject("refused", problem.field() + ": " + problem.message());
			}
		}
	}

	/**
	 * Validates the request a form was mapped to, with the same constraints the API applies, and
	 * puts each violation beside the form field of the same name.
	 *
	 * @return whether the request is valid
	 */
	public static boolean validate(Validator validator, Object request, BindingResult result) {
		boolean valid = true;
		for (ConstraintViolation<Object> violation : validator.validate(request)) {
			String field = violation.getPropertyPath().toString().replaceAll("\\[.*$", "");
			if (result.hasFieldErrors(field)) {
				continue; // the binder already reported this field, e.g. an unreadable date
			}
			if (hasProperty(result, field)) {
				result.rejectValue(field, "invalid", violation.getMessage());
			}
			else {
				result.reject("invalid", field + ": " + violation.getMessage());
			}
			valid = false;
		}
		return valid && !result.hasErrors();
	}

	/**
	 * The usual handling of a submitted form: validate the request it maps to, then run the action,
	 * and put any refusal of the service beside the fields.
	 *
	 * @return whether the action ran and succeeded
	 */
	public static <R> boolean submit(Validator validator, R request, BindingResult result,
			java.util.function.Consumer<R> action) {
		if (!validate(validator, request, result)) {
			return false;
		}
		try {
			action.accept(request);
			return true;
		}
		catch (Refusal ex) {
			bind(ex, result);
			return false;
		}
	}

	private static boolean hasProperty(BindingResult result, String field) {
		try {
			return result.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
