package org.spinecell.outcomes.medication;

import java.util.UUID;

import jakarta.validation.Validator;
import org.spinecell.outcomes.Medication;
import org.spinecell.outcomes.MedicationService;
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
 * Adding and stopping a medication, reached from the patient chart's medications section. The rules
 * are {@link MedicationService}'s; a refusal is shown beside its field on the form, and a success
 * returns to the chart's section.
 */
@Controller
@RequestMapping("/patients/{id}")
class MedicationPageController {

	private final PatientService patients;

	private final MedicationService medications;

	private final Validator validator;

	private final OutcomeLabels labels;

	MedicationPageController(PatientService patients, MedicationService medications, Validator validator,
			OutcomeLabels labels) {
		this.patients = patients;
		this.medications = medications;
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
		model.addAttribute("form", new MedicationForm());
		return medicationForm(patients.get(id), model);
	}

	@PostMapping("/medications/new")
	String recordMedication(@PathVariable UUID id, @ModelAttribute("form") MedicationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Patient patient = patients.get(id);
		return ChartForms.submit(validator, form.toRequest(), result, request -> {
			Medication medication = medications.record(id, request);
			redirect.addFlashAttribute("flash", "Medication " + medication.drug() + " recorded"
					+ (medication.mmePerDay() == null ? "." : " (" + medication.mmePerDay().toPlainString() + " MME/day)."));
		}, id, "medications", () -> medicationForm(patient, model));
	}

	@PostMapping("/medications/{medicationId}/stop")
	String stopMedication(@PathVariable UUID id, @PathVariable UUID medicationId,
			@ModelAttribute("form") StopForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Patient patient = patients.get(id);
		Medication medication = medications.get(id, medicationId);
		return ChartForms.submit(validator, form.toRequest(), result, request -> {
			medications.stop(id, medicationId, request);
			redirect.addFlashAttribute("flash", "Medication " + medication.drug() + " stopped on " + form.getStop() + ".");
		}, id, "medications", () -> {
			model.addAttribute("patient", patient);
			model.addAttribute("medication", medication);
			return "outcomes/medication-stop";
		});
	}

	private String medicationForm(Patient patient, Model model) {
		model.addAttribute("patient", patient);
		model.addAttribute("routeOptions", labels.options(Medication.Route.values()));
		return "outcomes/medication-form";
	}

}
