package org.spinecell.procedures;

import java.util.UUID;

import jakarta.validation.Validator;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Corrections of a completed procedure's narrative, each with its reason in the audit trail. */
@Controller
class ProcedureCorrectionController {

	private final ProcedureService procedures;

	private final ProcedureCorrectionService corrections;

	private final ProcedurePage page;

	private final ProcedureLabels labels;

	private final Validator validator;

	ProcedureCorrectionController(ProcedureService procedures, ProcedureCorrectionService corrections, ProcedurePage page, ProcedureLabels labels,
			Validator validator) {
		this.procedures = procedures;
		this.corrections = corrections;
		this.page = page;
		this.labels = labels;
		this.validator = validator;
	}

	@PostMapping("/procedures/{id}/corrections")
	String correct(@PathVariable UUID id, @ModelAttribute("correction") CorrectionForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Procedure procedure = procedures.get(id);
		ProcedureRequests.Correction request = form.toRequest(procedure, labels);
		if (FormErrors.validate(validator, request, result)) {
			try {
				corrections.correct(id, request);
				redirect.addFlashAttribute("flash", "Correction saved; the reason is in the audit trail.");
				return "redirect:/procedures/" + id;
			}
			catch (Refusal ex) {
				FormErrors.bind(ex, result);
			}
		}
		model.addAttribute("correctionOpen", true);
		return page.render(procedure, model);
	}

}
