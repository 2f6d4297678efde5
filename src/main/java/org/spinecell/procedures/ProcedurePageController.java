package org.spinecell.procedures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.spinecell.accounts.StaffDirectory;
import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.cellproducts.ProductCustodyService.RemainderAction;
import org.spinecell.cellproducts.Din;
import org.spinecell.patients.Diagnosis;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientHistory;
import org.spinecell.patients.PatientHistoryService;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
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
 * Documenting an injection in the browser: the procedure form, the procedure page with its
 * administration checks and the time-out that completes it, corrections after completion, and the
 * printable procedure note. The rules are {@link ProcedureService}'s; this maps forms to its requests
 * and puts its refusals beside the fields.
 */
@Controller
class ProcedurePageController {

	private final ProcedureService procedures;

	private final PatientService patients;

	private final PatientHistoryService history;

	private final CellProductService products;

	private final StaffDirectory staff;

	private final ProcedureLabels labels;

	private final Validator validator;

	private final JsonMapper json;

	ProcedurePageController(ProcedureService procedures, PatientService patients, PatientHistoryService history,
			CellProductService products, StaffDirectory staff, ProcedureLabels labels, Validator validator,
			JsonMapper json) {
		this.procedures = procedures;
		this.patients = patients;
		this.history = history;
		this.products = products;
		this.staff = staff;
		this.labels = labels;
		this.validator = validator;
		this.json = json;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "patients";
	}

	@ModelAttribute("procedureLabels")
	ProcedureLabels procedureLabels() {
		return labels;
	}

	// ---------------------------------------------------------------- the procedure form

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
		if (validate(request, form, result)) {
			try {
				Procedure procedure = procedures.create(request);
				redirect.addFlashAttribute("flash",
						"Procedure recorded as a draft. Complete it with the time-out below.");
				return "redirect:/procedures/" + procedure.id();
			}
			catch (Refusal ex) {
				for (FieldProblem problem : ex.errors()) {
					if ("levels".equals(problem.field())) {
						// Levels the patient has no diagnosis for: a warning the user may confirm.
						model.addAttribute("levelsWarning", true);
						String message = problem.message().replace("; set levelsConfirmed to proceed", "");
						result.rejectValue("levels", "undiagnosed", message);
					}
					else {
						reject(result, form.formField(problem.field()), problem.field(), problem.message());
					}
				}
				if (ex.errors().isEmpty()) {
					result.reject("refused", ex.getMessage());
				}
			}
		}
		return formPage(patient, form, model);
	}

	/** Validates the request with the API's constraints, each violation beside its form field. */
	private boolean validate(ProcedureRequests.Create request, ProcedureForm form, BindingResult result) {
		boolean valid = true;
		for (ConstraintViolation<ProcedureRequests.Create> violation : validator.validate(request)) {
			String path = violation.getPropertyPath().toString();
			String field = form.formField(path);
			if (field != null && result.hasFieldErrors(field)) {
				continue; // the binder already reported it, e.g. a time that is no time
			}
			reject(result, field, path, violation.getMessage());
			valid = false;
		}
		return valid && !result.hasErrors();
	}

	private static void reject(BindingResult result, String field, String requestField, String message) {
		try {
			if (field != null && result.getFieldType(field) != null) {
				result.rejectValue(field, "refused", message);
				return;
			}
		}
		catch (RuntimeException notAField) {
			// reported for the whole form below
		}
		result.reject("refused", requestField + ": " + message);
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

	// ---------------------------------------------------------------- the procedure page

	@GetMapping("/procedures/{id}")
	String show(@PathVariable UUID id, Model model) {
		return page(procedures.get(id), model);
	}

	@PostMapping("/procedures/{id}/complete")
	String complete(@PathVariable UUID id, @ModelAttribute("timeOut") TimeOutForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Procedure procedure = procedures.get(id);
		if (procedure.status() == Procedure.Status.COMPLETED) {
			redirect.addFlashAttribute("flash", "This procedure was already completed.");
			return "redirect:/procedures/" + id;
		}
		List<UnitView> units = units(procedure);
		List<Remainder> remainders = remainders(units);
		List<ProcedureRequests.RemainderRequest> chosen = new ArrayList<>();
		for (Remainder remainder : remainders) {
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
				procedures.complete(id, new ProcedureRequests.Complete(new ProcedureRequests.TimeOut(
						form.isPatientIdentityConfirmed(), dins, form.isLevelsConfirmed()), chosen));
				redirect.addFlashAttribute("flash", "Procedure completed. The doses are recorded below.");
				return "redirect:/procedures/" + id;
			}
			catch (Refusal ex) {
				List<String> problems = new ArrayList<>();
				for (FieldProblem problem : ex.errors()) {
					String message = withoutExpectedDins(problem.message(), units);
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
		return page(procedure, model);
	}

	/** The field of the time-out form a failed check is shown beside, if any. */
	private static String timeOutField(String field) {
		if (field.startsWith("timeOut.")) {
			return field.substring("timeOut.".length());
		}
		return "remainders".equals(field) ? "remainders" : null;
	}

	@PostMapping("/procedures/{id}/corrections")
	String correct(@PathVariable UUID id, @ModelAttribute("correction") CorrectionForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Procedure procedure = procedures.get(id);
		ProcedureRequests.Correction request = form.toRequest(procedure, labels);
		if (FormErrors.validate(validator, request, result)) {
			try {
				procedures.correct(id, request);
				redirect.addFlashAttribute("flash", "Correction saved; the reason is in the audit trail.");
				return "redirect:/procedures/" + id;
			}
			catch (Refusal ex) {
				FormErrors.bind(ex, result);
			}
		}
		model.addAttribute("correctionOpen", true);
		return page(procedure, model);
	}

	private String page(Procedure procedure, Model model) {
		Patient patient = patients.get(procedure.patientId());
		CurrentUser user = CurrentUser.get();
		List<UnitView> units = units(procedure);
		model.addAttribute("procedure", procedure);
		model.addAttribute("patient", patient);
		model.addAttribute("units", units);
		model.addAttribute("doses", procedure.doses());
		boolean draft = procedure.status() == Procedure.Status.DRAFT;
		if (draft && (user.hasRole(Role.PHYSICIAN) || user.hasRole(Role.COORDINATOR))) {
			// What the remainders need is asked in the time-out form, so the panel leaves it out.
			model.addAttribute("checks", procedures.checks(procedure.id(), List.of())
				.stream()
				.filter(problem -> !"remainders".equals(problem.field()))
				.map(problem -> withoutExpectedDins(problem.message(), units))
				.toList());
		}
		if (draft && user.hasRole(Role.PHYSICIAN)) {
			model.addAttribute("remainders", remainders(units));
			if (!model.containsAttribute("timeOut")) {
				model.addAttribute("timeOut", TimeOutForm.blank(units.size()));
			}
		}
		if (!draft) {
			model.addAttribute("timeOutRecord", timeOutRecord(procedure));
			if (user.hasRole(Role.PHYSICIAN) && !model.containsAttribute("correction")) {
				model.addAttribute("correction", CorrectionForm.of(procedure, labels));
			}
		}
		return "procedures/procedure";
	}

	// ---------------------------------------------------------------- the printable note

	@GetMapping("/procedures/{id}/note")
	String note(@PathVariable UUID id, Model model) {
		Procedure procedure = procedures.get(id);
		Patient patient = patients.get(procedure.patientId());
		PatientHistory patientHistory = history.historyOf(patient.id());
		model.addAttribute("procedure", procedure);
		model.addAttribute("patient", patient);
		model.addAttribute("indication", patientHistory.primaryDiagnosis()
			.or(() -> patientHistory.activeDiagnoses().stream().findFirst())
			.orElse(null));
		model.addAttribute("units", units(procedure));
		model.addAttribute("doses", procedure.doses());
		model.addAttribute("timeOutRecord", timeOutRecord(procedure));
		return "procedures/note";
	}

	// ---------------------------------------------------------------- views

	/** A product unit with its product and its position on the page (from 1). */
	record UnitView(int number, Procedure.Unit unit, CellProduct product) {
	}

	/**
	 * A product of the procedure with volume left over, whose fate the time-out records.
	 *
	 * @param index the remainder's row on the time-out form
	 * @param name what the product is and which units use it, without its DIN
	 */
	record Remainder(int index, UUID productId, String name, BigDecimal leftMl) {
	}

	/** The time-out as completion stored it. */
	record TimeOutRecord(boolean patientIdentityConfirmed, List<String> dins, boolean levelsConfirmed, String by,
			Instant at) {
	}

	private List<UnitView> units(Procedure procedure) {
		List<UnitView> units = new ArrayList<>();
		Map<UUID, CellProduct> seen = new LinkedHashMap<>();
		for (Procedure.Unit unit : procedure.productUnits()) {
			CellProduct product = seen.computeIfAbsent(unit.productId(), products::get);
			units.add(new UnitView(units.size() + 1, unit, product));
		}
		return units;
	}

	private List<Remainder> remainders(List<UnitView> units) {
		List<Remainder> remainders = new ArrayList<>();
		Map<UUID, List<UnitView>> byProduct = new LinkedHashMap<>();
		for (UnitView unit : units) {
			byProduct.computeIfAbsent(unit.product().id(), key -> new ArrayList<>()).add(unit);
		}
		for (Map.Entry<UUID, List<UnitView>> entry : byProduct.entrySet()) {
			CellProduct product = entry.getValue().get(0).product();
			if (product.volumeMl() == null) {
				continue;
			}
			BigDecimal used = entry.getValue()
				.stream()
				.map(unit -> unit.unit().volumeMl())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal left = product.volumeMl().subtract(used);
			if (left.signum() > 0) {
				String numbers = String.join(", ",
						entry.getValue().stream().map(unit -> Integer.toString(unit.number())).toList());
				String name = labels.product(product) + " (unit" + (entry.getValue().size() > 1 ? "s " : " ") + numbers
						+ ")";
				remainders.add(new Remainder(remainders.size(), product.id(), name, left));
			}
		}
		return remainders;
	}

	/**
	 * The service's messages name products by DIN. Before completion the page names the procedure's
	 * own products by unit instead, so that the DIN the time-out asks for is read from the label, not
	 * copied from the screen.
	 */
	private String withoutExpectedDins(String message, List<UnitView> units) {
		String text = message;
		for (UnitView unit : units) {
			String printed = Din.parse(unit.unit().din()).printed();
			text = text.replace("product " + printed, "the product of unit " + unit.number() + " ("
					+ labels.product(unit.product()).toLowerCase(Locale.ROOT) + ")");
		}
		return text;
	}

	private TimeOutRecord timeOutRecord(Procedure procedure) {
		if (procedure.timeOut() == null) {
			return null;
		}
		JsonNode node = json.readTree(procedure.timeOut());
		List<String> dins = new ArrayList<>();
		if (node.get("dins") != null) {
			node.get("dins").forEach(din -> dins.add(labels.din(din.asString())));
		}
		Instant at = node.get("at") == null ? null : Instant.parse(node.get("at").asString());
		return new TimeOutRecord(node.path("patientIdentityConfirmed").asBoolean(false), dins,
				node.path("levelsConfirmed").asBoolean(false), node.path("by").asString(""), at);
	}

	// ---------------------------------------------------------------- forms

	/** The time-out before the injection: identity, each unit's DIN as typed or scanned, the levels. */
	static class TimeOutForm {

		private boolean patientIdentityConfirmed;

		private boolean levelsConfirmed;

		private List<String> dins = new ArrayList<>();

		private List<RemainderRow> remainders = new ArrayList<>();

		static TimeOutForm blank(int units) {
			TimeOutForm form = new TimeOutForm();
			for (int i = 0; i < units; i++) {
				form.dins.add("");
			}
			return form;
		}

		String din(int index) {
			String din = dins == null || index >= dins.size() || dins.get(index) == null ? "" : dins.get(index);
			return din.strip();
		}

		RemainderRow remainder(int index) {
			if (remainders == null || index >= remainders.size() || remainders.get(index) == null) {
				return new RemainderRow();
			}
			return remainders.get(index);
		}

		public boolean isPatientIdentityConfirmed() {
			return patientIdentityConfirmed;
		}

		public void setPatientIdentityConfirmed(boolean patientIdentityConfirmed) {
			this.patientIdentityConfirmed = patientIdentityConfirmed;
		}

		public boolean isLevelsConfirmed() {
			return levelsConfirmed;
		}

		public void setLevelsConfirmed(boolean levelsConfirmed) {
			this.levelsConfirmed = levelsConfirmed;
		}

		public List<String> getDins() {
			return dins;
		}

		public void setDins(List<String> dins) {
			this.dins = dins;
		}

		public List<RemainderRow> getRemainders() {
			return remainders;
		}

		public void setRemainders(List<RemainderRow> remainders) {
			this.remainders = remainders;
		}

	}

	/** What became of a product's remaining volume. */
	public static class RemainderRow {

		private RemainderAction action;

		private String location;

		public RemainderAction getAction() {
			return action;
		}

		public void setAction(RemainderAction action) {
			this.action = action;
		}

		public String getLocation() {
			return location;
		}

		public void setLocation(String location) {
			this.location = location;
		}

	}

	/** A correction of a completed record's narrative; validated through {@link ProcedureRequests.Correction}. */
	static class CorrectionForm {

		private String immediateComplications;

		@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
		private LocalTime dischargeTime;

		private String contrastPattern;

		private String anaesthesia;

		private String reason;

		private Integer version;

		static CorrectionForm of(Procedure procedure, ProcedureLabels labels) {
			CorrectionForm form = new CorrectionForm();
			form.immediateComplications = procedure.immediateComplications();
			form.dischargeTime = labels.localTime(procedure.dischargedAt());
			form.contrastPattern = procedure.contrastPattern();
			form.anaesthesia = procedure.anaesthesia();
			form.version = procedure.version();
			return form;
		}

		/** The discharge stays on the day it was on (the procedure's day if there was none). */
		ProcedureRequests.Correction toRequest(Procedure procedure, ProcedureLabels labels) {
			LocalDate day = procedure.dischargedAt() == null ? procedure.date()
					: labels.localDate(procedure.dischargedAt());
			return new ProcedureRequests.Correction(blankToNull(immediateComplications),
					labels.instant(day, dischargeTime), blankToNull(contrastPattern), blankToNull(anaesthesia),
					blankToNull(reason), version);
		}

		private static String blankToNull(String text) {
			return text == null || text.isBlank() ? null : text.strip();
		}

		public String getImmediateComplications() {
			return immediateComplications;
		}

		public void setImmediateComplications(String immediateComplications) {
			this.immediateComplications = immediateComplications;
		}

		public LocalTime getDischargeTime() {
			return dischargeTime;
		}

		public void setDischargeTime(LocalTime dischargeTime) {
			this.dischargeTime = dischargeTime;
		}

		public String getContrastPattern() {
			return contrastPattern;
		}

		public void setContrastPattern(String contrastPattern) {
			this.contrastPattern = contrastPattern;
		}

		public String getAnaesthesia() {
			return anaesthesia;
		}

		public void setAnaesthesia(String anaesthesia) {
			this.anaesthesia = anaesthesia;
		}

		public String getReason() {
			return reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

		public Integer getVersion() {
			return version;
		}

		public void setVersion(Integer version) {
			this.version = version;
		}

	}

}
