package org.spinecell.platform;

import java.beans.PropertyEditorSupport;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Forms refuse the text the JSON API refuses ({@link TextRules}): a field holding a control
 * character, a broken character or only invisible characters is reported beside that field
 * (message {@code typeMismatch.java.lang.String}) and nothing is stored.
 */
@ControllerAdvice(annotations = Controller.class)
class TextBindingAdvice {

	@InitBinder
	void refuseUnstorableText(WebDataBinder binder) {
		// Form objects only (their binder knows its target or, before it is constructed, its type);
		// a query parameter such as a search is not stored and keeps its own handling.
		if (binder.getTarget() != null || binder.getTargetType() != null) {
			binder.registerCustomEditor(String.class, new CheckedText());
		}
	}

	private static final class CheckedText extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			String problem = TextRules.problem(text);
			if (problem != null) {
				throw new IllegalArgumentException(problem);
			}
			setValue(text);
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return value == null ? "" : value.toString();
		}

	}

}
