package org.spinecell.patients.record;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;
import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientChart;
import org.spinecell.patients.PatientRequest;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Page;
import org.spinecell.platform.Refusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The patient list with live search, registration and editing, and the patient chart. */
@Controller
@RequestMapping("/patients")
class PatientPageController {

	private final PatientService patients;

	private final ClinicService clinics;

	private final Validator validator;

	private final PatientChart chart;

	PatientPageController(PatientService patients, ClinicService clinics, Validator validator, PatientChart chart) {
		this.patients = patients;
		this.clinics = clinics;
		this.validator = validator;
		this.chart = chart;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "patients";
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String safeSort = sort;
		Page<Patient> result;
		try {
			result = patients.search(q, sort, Math.max(page, 0), 25, false);
		}
		catch (Refusal ex) {
			safeSort = null;
			result = patients.search(q, null, Math.max(page, 0), 25, false);
		}
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("sort", safeSort == null ? "familyName" : safeSort);
		model.addAttribute("patients", result);
		model.addAttribute("clinicNames", clinicNames());
		model.addAttribute("today", LocalDate.now());
		// htmx asks for the results table only while the user types.
		return htmx != null ? "patients/list :: results" : "patients/list";
	}

	@GetMapping("/new")
	String newPatient(Model model) {
		PatientForm form = new PatientForm();
		if (CurrentUser.get().clinicIds().size() == 1) {
			form.setClinicId(CurrentUser.get().clinicIds().iterator().next());
		}
		model.addAttribute("form", form);
		return formPage(model, null);
	}

	@PostMapping("/new")
	String register(@ModelAttribute("form") PatientForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		PatientRequest request = form.toRequest();
		if (FormErrors.validate(validator, request, result)) {
			try {
				Patient patient = patients.register(request);
				redirect.addFlashAttribute("flash", "Patient registered.");
				return "redirect:/patients/" + patient.id();
			}
			catch (Refusal ex) {
				FormErrors.bind(ex, result);
			}
		}
		return formPage(model, null);
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		Patient patient = patients.get(id);
		model.addAttribute("patient", patient);
		model.addAttribute("age", patient.ageOn(LocalDate.now()));
		model.addAttribute("clinicNames", clinicNames());
		// Only a break-glass grant lets anyone see a patient outside their clinics.
		model.addAttribute("breakGlassView", !CurrentUser.get().isMemberOf(patient.clinicId()));
		chart.addTo(patient, model);
		return "patients/chart";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		Patient patient = patients.get(id);
		model.addAttribute("form", PatientForm.of(patient));
		return formPage(model, patient);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable UUID id, @ModelAttribute("form") PatientForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Patient patient = patients.get(id);
		form.setClinicId(patient.clinicId());
		PatientRequest request = form.toRequest();
		if (FormErrors.validate(validator, request, result)) {
			try {
				patients.update(id, request);
				redirect.addFlashAttribute("flash", "Changes saved.");
				return "redirect:/patients/" + id;
			}
			catch (Refusal ex) {
				FormErrors.bind(ex, result);
			}
		}
		return formPage(model, patient);
	}

	@PostMapping("/{id}/void")
	String voidPatient(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			@RequestParam int version, RedirectAttributes redirect) {
		if (reason.isBlank() || reason.length() > 500) {
			redirect.addFlashAttribute("voidError", "Give a reason of at most 500 characters.");
			return "redirect:/patients/" + id + "#void";
		}
		try {
			patients.voidPatient(id, reason.strip(), version);
			redirect.addFlashAttribute("flash", "The record was voided. It stays in the audit trail.");
		}
		catch (Refusal ex) {
			redirect.addFlashAttribute("voidError", ex.getMessage() + ".");
		}
		return "redirect:/patients/" + id;
	}

	private String formPage(Model model, Patient patient) {
		model.addAttribute("patient", patient);
		Map<String, String> clinicOptions = new LinkedHashMap<>();
		clinics.findAll(CurrentUser.get().clinicIds()).forEach(c -> clinicOptions.put(c.id().toString(), c.name()));
		model.addAttribute("clinicOptions", clinicOptions);
		Map<String, String> sexOptions = new LinkedHashMap<>();
		sexOptions.put("FEMALE", "Female");
		sexOptions.put("MALE", "Male");
		sexOptions.put("OTHER", "Other");
		sexOptions.put("UNKNOWN", "Unknown");
		model.addAttribute("sexOptions", sexOptions);
		return "patients/form";
	}

	private Map<UUID, String> clinicNames() {
		Map<UUID, String> names = new LinkedHashMap<>();
		for (Clinic clinic : clinics.findAll(CurrentUser.get().clinicIds())) {
			names.put(clinic.id(), clinic.name());
		}
		return names;
	}

}
