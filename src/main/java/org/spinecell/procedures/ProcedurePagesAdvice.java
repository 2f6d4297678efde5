package org.spinecell.procedures;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page of the procedure controllers shows: the patients section of the navigation, the labels. */
@ControllerAdvice(assignableTypes = { ProcedureFormController.class, ProcedureCompletionController.class,
		ProcedureCorrectionController.class, ProcedureNoteController.class })
class ProcedurePagesAdvice {

	private final ProcedureLabels labels;

	ProcedurePagesAdvice(ProcedureLabels labels) {
		this.labels = labels;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "patients";
	}

	@ModelAttribute("procedureLabels")
	ProcedureLabels procedureLabels() {
		return labels;
	}

}
