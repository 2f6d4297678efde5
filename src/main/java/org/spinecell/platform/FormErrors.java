package org.spinecell.platform;

import org.springframework.validation.BindingResult;

/** Puts the field problems of a refused request beside the fields of the form that sent it. */
public final class FormErrors {

	private FormErrors() {
	}

	public static void bind(ApiException ex, BindingResult result) {
		if (ex.errors().isEmpty()) {
			result.reject("refused", ex.getMessage());
			return;
		}
		for (FieldProblem problem : ex.errors()) {
			String field = problem.field().replaceAll("\\[\\d+]$", "");
			if (result.getTarget() != null && hasProperty(result, field)) {
				result.rejectValue(field, "refused", problem.message());
			}
			else {
				result.reject("refused", problem.field() + ": " + problem.message());
			}
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
