package org.spinecell.outcomes.safety;

import java.util.UUID;

import jakarta.validation.Validator;
import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEventService;
import org.spinecell.outcomes.chart.ChartForms;
import org.spinecell.outcomes.chart.OutcomeLabels;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reporting an adverse event, reached from the patient chart's adverse-events section (its review
 * is {@link AdverseEventReviewPageController}). The rules are {@link AdverseEventService}'s; a
 * refusal is shown beside its field on the form, and a success returns to the chart's section.
 */
@Controller
@RequestMapping("/patients/{id}")
class AdverseEventPageController {

	private final PatientService patients;

	private final AdverseEventService events;

	private final Validator validator;

	private final OutcomeLabels labels;

	AdverseEventPageController(PatientService patients, AdverseEventService events, Validator validator,
			OutcomeLabels labels) {
		this.patients = patients;
		this.events = events;
		this.validator = validator;
		this.labels = labels;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "patients";
	}

	@GetMapping("/adverse-events/new")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String newAdverseEvent(@PathVariable UUID id, Model model) {
		model.addAttribute("form", new AdverseEventForm());
		return adverseEventForm(patients.get(id), model);
	}

	@PostMapping("/adverse-events/new")
	String reportAdverseEvent(@PathVariable UUID id, @ModelAttribute("form") AdverseEventForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Patient patient = patients.get(id);
		return ChartForms.submit(validator, form.toRequest(id), result, request -> {
			AdverseEvent event = events.report(request);
			redirect.addFlashAttribute("flash", "Adverse event reported" + (event.isSerious()
					? "; it is serious, so a safety report task is open on the safety page." : "."));
		}, id, "adverse-events", () -> adverseEventForm(patient, model));
	}

	private String adverseEventForm(Patient patient, Model model) {
		model.addAttribute("patient", patient);
		AdverseEventClassificationForm.addOptions(model, labels);
		return "outcomes/adverse-event-form";
	}

}
