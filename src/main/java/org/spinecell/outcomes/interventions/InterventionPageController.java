package org.spinecell.outcomes.interventions;

import java.util.UUID;

import jakarta.validation.Validator;
import org.spinecell.outcomes.Intervention;
import org.spinecell.outcomes.InterventionService;
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
 * Recording a later intervention, reached from the patient chart's interventions section. The rules
 * are {@link InterventionService}'s; a refusal is shown beside its field on the form, and a success
 * returns to the chart's section.
 */
@Controller
@RequestMapping("/patients/{id}")
class InterventionPageController {

	private final PatientService patients;

	private final InterventionService interventions;

	private final Validator validator;

	private final OutcomeLabels labels;

	InterventionPageController(PatientService patients, InterventionService interventions, Validator validator,
			OutcomeLabels labels) {
		this.patients = patients;
		this.interventions = interventions;
		this.validator = validator;
		this.labels = labels;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "patients";
	}

	@GetMapping("/interventions/new")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String newIntervention(@PathVariable UUID id, Model model) {
		model.addAttribute("form", new InterventionForm());
		return interventionForm(patients.get(id), model);
	}

	@PostMapping("/interventions/new")
	String recordIntervention(@PathVariable UUID id, @ModelAttribute("form") InterventionForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Patient patient = patients.get(id);
		return ChartForms.submit(validator, form.toRequest(), result, request -> {
			Intervention recorded = interventions.record(id, request);
			redirect.addFlashAttribute("flash", labels.of(recorded.type()) + " at " + recorded.level() + " recorded.");
		}, id, "interventions", () -> interventionForm(patient, model));
	}

	private String interventionForm(Patient patient, Model model) {
		model.addAttribute("patient", patient);
		model.addAttribute("typeOptions", labels.options(Intervention.Type.values()));
		return "outcomes/intervention-form";
	}

}
