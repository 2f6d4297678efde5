package org.spinecell.platform;

import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.validation.BindingResult;

/** Puts the field problems of a refused request beside the fields of the form that sent it. */
public final class FormErrors {

	private FormErrors() {
	}

	public static void bind(Refusal ex, BindingResult result) {
		bind(ex, result, UnaryOperator.identity());
	}

	/**
	 * As {@link #bind(Refusal, BindingResult)} for a form whose fields are not named like the
	 * request's: {@code formField} names the form field a request field (a path such as
	 * {@code productUnits[0].volumeMl}) belongs to, or null when the form has none, and then the
	 * problem is shown above the form.
	 */
	public static void bind(Refusal ex, BindingResult result, UnaryOperator<String> formField) {
		if (ex.errors().isEmpty()) {
			result.reject("refused", ex.getMessage());
			return;
		}
		for (FieldProblem asSent : ex.errors()) {
			String mapped = formField.apply(asSent.field());
			FieldProblem problem = new FieldProblem(mapped == null ? asSent.field() : mapped, asSent.message());
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
		return validate(validator, request, result, path -> path.replaceAll("\\[.*$", ""));
	}

	/**
	 * As {@link #validate(Validator, Object, BindingResult)} for a form whose fields are not named
	 * like the request's: {@code formField} names the form field of a request property path, or null
	 * when the form has none (the problem is then shown above the form, naming the path).
	 */
	public static boolean validate(Validator validator, Object request, BindingResult result,
			UnaryOperator<String> formField) {
		boolean valid = true;
		for (ConstraintViolation<Object> violation : validator.validate(request)) {
			String path = violation.getPropertyPath().toString();
			String mapped = formField.apply(path);
			String field = mapped == null ? path : mapped;
			if (mapped != null && result.hasFieldErrors(field)) {
				continue; // the binder already reported this field, e.g. an unreadable date
			}
			if (mapped != null && hasProperty(result, field)) {
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
