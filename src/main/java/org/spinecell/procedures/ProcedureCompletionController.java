package org.spinecell.procedures;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.FieldProblem;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The procedure page and the time-out that completes a draft: identity, each unit's DIN as typed
 * or scanned, the levels, and the fate of each product's remainder.
 */
@Controller
class ProcedureCompletionController {

	private final ProcedureService procedures;

	private final ProcedureCompletionService completion;

	private final ProcedurePage page;

	private final Validator validator;

	ProcedureCompletionController(ProcedureService procedures, ProcedureCompletionService completion,
			ProcedurePage page, Validator validator) {
		this.procedures = procedures;
		this.completion = completion;
		this.page = page;
		this.validator = validator;
	}

	@GetMapping("/procedures/{id}")
	String show(@PathVariable UUID id, Model model) {
		return page.render(procedures.get(id), model);
	}

	@PostMapping("/procedures/{id}/complete")
	String complete(@PathVariable UUID id, @ModelAttribute("timeOut") TimeOutForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Procedure procedure = procedures.get(id);
		if (procedure.status() == Procedure.Status.COMPLETED) {
			redirect.addFlashAttribute("flash", "This procedure was already completed.");
			return "redirect:/procedures/" + id;
		}
		List<ProcedurePage.UnitView> units = page.units(procedure);
		List<ProcedurePage.Remainder> remainders = page.remainders(units);
		List<ProcedureRequests.RemainderRequest> chosen = new ArrayList<>();
		for (ProcedurePage.Remainder remainder : remainders) {
			RemainderRow row = form.remainder(remainder.index());
			if (row.getAction() == null) {
				continue; // the service names every remainder left unrecorded
			}
			// The product comes from the procedure, never from the form: only the choice is the user's.
			ProcedureRequests.RemainderRequest request = new ProcedureRequests.RemainderRequest(remainder.productId(),
					row.getAction(), row.getLocation() == null || row.getLocation().isBlank() ? null
							: row.getLocation().strip());
			for (ConstraintViolation<ProcedureRequests.RemainderRequest> violation : validator.validate(request)) {
				result.rejectValue("remainders[" + remainder.index() + "]." + violation.getPropertyPath(), "invalid",
						violation.getMessage());
			}
			chosen.add(request);
		}
		// Every DIN field goes to the service as typed, blank ones too, so that it names each one it
		// cannot read (by its position) beside the field it came from.
		List<String> dins = new ArrayList<>();
		for (int i = 0; i < procedure.productUnits().size(); i++) {
			dins.add(form.din(i));
		}
		if (!result.hasErrors()) {
			try {
				completion.complete(id, new ProcedureRequests.Complete(new ProcedureRequests.TimeOut(
						form.isPatientIdentityConfirmed(), dins, form.isLevelsConfirmed()), chosen));
				redirect.addFlashAttribute("flash", "Procedure completed. The doses are recorded below.");
				return "redirect:/procedures/" + id;
			}
			catch (Refusal ex) {
				List<String> problems = new ArrayList<>();
				for (FieldProblem problem : ex.errors()) {
					String message = page.withoutExpectedDins(problem.message(), units);
					problems.add(message);
					String field = timeOutField(problem.field());
					if (field != null) {
						result.rejectValue(field, "refused", message);
					}
				}
				if (problems.isEmpty()) {
					problems.add(ex.getMessage());
				}
				model.addAttribute("completionProblems", problems);
			}
		}
		return page.render(procedure, model);
	}

	/** The field of the time-out form a failed check is shown beside, if any. */
	private static String timeOutField(String field) {
		if (field.startsWith("timeOut.")) {
			return field.substring("timeOut.".length());
		}
		return "remainders".equals(field) ? "remainders" : null;
	}

}
