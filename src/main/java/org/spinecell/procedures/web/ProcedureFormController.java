package org.spinecell.procedures.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Validator;
import org.spinecell.accounts.StaffDirectory;
import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.patients.Diagnosis;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientHistoryService;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Refusal;
import org.spinecell.procedures.Procedure;
import org.spinecell.procedures.ProcedureRequests;
import org.spinecell.procedures.ProcedureService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The procedure form: a new procedure documented as a draft, with its product units chosen from the
 * products that could go into the patient. The rules are {@link ProcedureService}'s; this maps the
 * form to its request and puts its refusals beside the fields.
 */
@Controller
class ProcedureFormController {

	private final ProcedureService procedures;

	private final PatientService patients;

	private final PatientHistoryService history;

	private final CellProductService products;

	private final StaffDirectory staff;

	private final ProcedureLabels labels;

	private final Validator validator;

	ProcedureFormController(ProcedureService procedures, PatientService patients, PatientHistoryService history,
			CellProductService products, StaffDirectory staff, ProcedureLabels labels, Validator validator) {
		this.procedures = procedures;
		this.patients = patients;
		this.history = history;
		this.products = products;
		this.staff = staff;
		this.labels = labels;
		this.validator = validator;
	}

	@GetMapping("/patients/{patientId}/procedures/new")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String newProcedure(@PathVariable UUID patientId, Model model) {
		Patient patient = patients.get(patientId);
		ProcedureForm form = new ProcedureForm();
		form.setDate(labels.today());
		form.setLevels(new ArrayList<>(diagnosedLevels(patient)));
		CurrentUser user = CurrentUser.get();
		if (staff.physiciansOf(patient.clinicId()).stream().anyMatch(physician -> physician.id().equals(user.id()))) {
			form.setOperatorId(user.id());
		}
		model.addAttribute("form", form);
		return formPage(patient, form, model);
	}

	@PostMapping("/patients/{patientId}/procedures/new")
	String create(@PathVariable UUID patientId, @ModelAttribute("form") ProcedureForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Patient patient = patients.get(patientId);
		form.fillUnitRows();
		ProcedureRequests.Create request = form.toRequest(patientId, labels);
		if (FormErrors.validate(validator, request, result, form::formField)) {
			try {
				Procedure procedure = procedures.create(request);
				redirect.addFlashAttribute("flash",
						"Procedure recorded as a draft. Complete it with the time-out below.");
				return "redirect:/procedures/" + procedure.id();
			}
			catch (Refusal ex) {
				List<FieldProblem> problems = new ArrayList<>();
				for (FieldProblem problem : ex.errors()) {
					if ("levels".equals(problem.field())) {
						// Levels the patient has no diagnosis for: a warning the user may confirm.
						model.addAttribute("levelsWarning", true);
						String message = problem.message().replace("; set levelsConfirmed to proceed", "");
						result.rejectValue("levels", "undiagnosed", message);
					}
					else {
						problems.add(problem);
					}
				}
				if (ex.errors().isEmpty()) {
					FormErrors.bind(ex, result);
				}
				else if (!problems.isEmpty()) {
					FormErrors.bind(Refusal.invalid(problems), result, form::formField);
				}
			}
		}
		return formPage(patient, form, model);
	}

	private String formPage(Patient patient, ProcedureForm form, Model model) {
		model.addAttribute("patient", patient);
		Map<String, String> operators = new LinkedHashMap<>();
		staff.physiciansOf(patient.clinicId()).forEach(p -> operators.put(p.id().toString(), p.displayName()));
		model.addAttribute("operatorOptions", operators);
		model.addAttribute("productOptions", productOptions(patient));
		model.addAttribute("settingOptions", labels.options(Procedure.Setting.values()));
		model.addAttribute("targetOptions", labels.options(Procedure.Target.values()));
		model.addAttribute("guidanceOptions", labels.options(Procedure.Guidance.values()));
		model.addAttribute("sideOptions", labels.options(Diagnosis.Side.values()));
		Map<String, List<String>> groups = labels.levelGroups();
		model.addAttribute("levelGroups", groups);
		List<String> lumbar = groups.get("Lumbar");
		model.addAttribute("otherLevelsChosen",
				form.getLevels() != null && form.getLevels().stream().anyMatch(level -> !lumbar.contains(level)));
		model.addAttribute("diagnosedLevels", diagnosedLevels(patient));
		if (!model.containsAttribute("levelsWarning")) {
			model.addAttribute("levelsWarning", form.isLevelsConfirmed());
		}
		return "procedures/form";
	}

	/** The levels of the patient's active diagnoses, from the top of the spine down. */
	private Set<String> diagnosedLevels(Patient patient) {
		Set<String> levels = new LinkedHashSet<>();
		history.historyOf(patient.id())
			.activeDiagnoses()
			.stream()
			.flatMap(diagnosis -> diagnosis.levels().stream())
			.sorted()
			.forEach(level -> levels.add(level.toString()));
		return levels;
	}

	/**
	 * The products that could go into this patient: released or issued, and either the patient's own
	 * cells, donor cells meant for them, or donor cells meant for nobody in particular. The checks on
	 * completion decide; this only keeps the list short.
	 */
	private Map<String, String> productOptions(Patient patient) {
		Map<String, String> options = new LinkedHashMap<>();
		for (CellProduct product : products.candidatesFor(patient.clinicId(), patient.id())) {
			StringBuilder text = new StringBuilder("DIN ").append(labels.din(product.din()))
				.append(" · ")
				.append(labels.product(product));
			if (product.volumeMl() != null) {
				text.append(" · ").append(labels.volume(product.volumeMl()));
			}
			if (product.expiresAt() != null) {
				text.append(" · expires ").append(labels.dateTime(product.expiresAt()));
			}
			options.putIfAbsent(product.id().toString(), text.toString());
		}
		return options;
	}

}
