package org.spinecell.outcomes.chart;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.validation.Validator;
import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEventService;
import org.spinecell.outcomes.Intervention;
import org.spinecell.outcomes.InterventionService;
import org.spinecell.outcomes.Medication;
import org.spinecell.outcomes.MedicationService;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.FormErrors;

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
 * The forms reached from the patient chart's outcome sections: add and stop a medication, report
 * an adverse event (its review is {@link AdverseEventReviewPageController}), record a later
 * intervention. The rules are the services'; a refusal is shown beside its field on the form, and a
 * success returns to the chart's section.
 */
@Controller
@RequestMapping("/patients/{id}")
class OutcomeFormPageController {

	private final PatientService patients;

	private final MedicationService medications;

	private final AdverseEventService events;

	private final InterventionService interventions;

	private final Validator validator;

	private final OutcomeLabels labels;

	OutcomeFormPageController(PatientService patients, MedicationService medications, AdverseEventService events,
			InterventionService interventions, Validator validator, OutcomeLabels labels) {
		this.patients = patients;
		this.medications = medications;
		this.events = events;
		this.interventions = interventions;
		this.validator = validator;
		this.labels = labels;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "patients";
	}

	@GetMapping("/medications/new")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String newMedication(@PathVariable UUID id, Model model) {
		model.addAttribute("form", new OutcomeForms.MedicationForm());
		return medicationForm(patients.get(id), model);
	}

	@PostMapping("/medications/new")
	String recordMedication(@PathVariable UUID id, @ModelAttribute("form") OutcomeForms.MedicationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Patient patient = patients.get(id);
		return submit(form.toRequest(), result, request -> {
			Medication medication = medications.record(id, request);
			redirect.addFlashAttribute("flash", "Medication " + medication.drug() + " recorded"
					+ (medication.mmePerDay() == null ? "." : " (" + medication.mmePerDay().toPlainString() + " MME/day)."));
		}, id, "medications", () -> medicationForm(patient, model));
	}

	@PostMapping("/medications/{medicationId}/stop")
	String stopMedication(@PathVariable UUID id, @PathVariable UUID medicationId,
			@ModelAttribute("form") OutcomeForms.StopForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Patient patient = patients.get(id);
		Medication medication = medications.get(id, medicationId);
		return submit(form.toRequest(), result, request -> {
			medications.stop(id, medicationId, request);
			redirect.addFlashAttribute("flash", "Medication " + medication.drug() + " stopped on " + form.getStop() + ".");
		}, id, "medications", () -> {
			model.addAttribute("patient", patient);
			model.addAttribute("medication", medication);
			return "outcomes/medication-stop";
		});
	}

	@GetMapping("/adverse-events/new")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String newAdverseEvent(@PathVariable UUID id, Model model) {
		model.addAttribute("form", new OutcomeForms.AdverseEventForm());
		return adverseEventForm(patients.get(id), model);
	}

	@PostMapping("/adverse-events/new")
	String reportAdverseEvent(@PathVariable UUID id, @ModelAttribute("form") OutcomeForms.AdverseEventForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Patient patient = patients.get(id);
		return submit(form.toRequest(id), result, request -> {
			AdverseEvent event = events.report(request);
			redirect.addFlashAttribute("flash", "Adverse event reported" + (event.isSerious()
					? "; it is serious, so a safety report task is open on the safety page." : "."));
		}, id, "adverse-events", () -> adverseEventForm(patient, model));
	}

	@GetMapping("/interventions/new")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String newIntervention(@PathVariable UUID id, Model model) {
		model.addAttribute("form", new OutcomeForms.InterventionForm());
		return interventionForm(patients.get(id), model);
	}

	@PostMapping("/interventions/new")
	String recordIntervention(@PathVariable UUID id, @ModelAttribute("form") OutcomeForms.InterventionForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Patient patient = patients.get(id);
		return submit(form.toRequest(), result, request -> {
			Intervention recorded = interventions.record(id, request);
			redirect.addFlashAttribute("flash", labels.of(recorded.type()) + " at " + recorded.level() + " recorded.");
		}, id, "interventions", () -> interventionForm(patient, model));
	}

	/**
	 * Submits one of these forms: on success back to the chart's section, otherwise the form again
	 * with the refusal beside its field.
	 */
	private <R> String submit(R request, BindingResult result, Consumer<R> action, UUID patientId, String section,
			Supplier<String> formAgain) {
		if (FormErrors.submit(validator, request, result, action)) {
			return "redirect:/patients/" + patientId + "#" + section;
		}
		return formAgain.get();
	}

	private String medicationForm(Patient patient, Model model) {
		model.addAttribute("patient", patient);
		model.addAttribute("routeOptions", labels.options(Medication.Route.values()));
		return "outcomes/medication-form";
	}

	private String adverseEventForm(Patient patient, Model model) {
		model.addAttribute("patient", patient);
		model.addAttribute("gradeOptions", labels.gradeOptions());
		model.addAttribute("seriousOptions", labels.options(AdverseEvent.Seriousness.values()));
		model.addAttribute("relatednessOptions", labels.options(AdverseEvent.Relatedness.values()));
		model.addAttribute("outcomeOptions", labels.options(AdverseEvent.Outcome.values()));
		return "outcomes/adverse-event-form";
	}

	private String interventionForm(Patient patient, Model model) {
		model.addAttribute("patient", patient);
		model.addAttribute("typeOptions", labels.options(Intervention.Type.values()));
		return "outcomes/intervention-form";
	}

}
