package org.spinecell.procedures.careplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Refusal;
import org.spinecell.procedures.CarePlan;
import org.spinecell.procedures.CarePlanService;
import org.spinecell.procedures.ProcedureService;
import org.spinecell.procedures.web.ProcedureChartSections;
import org.spinecell.procedures.web.ProcedureLabels;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding a care plan (physical therapy, home exercise, restrictions) to a patient's chart and
 * recording its sessions. The rules are {@link CarePlanService}'s.
 */
@Controller
class CarePlanPageController {

	private final CarePlanService carePlans;

	private final ProcedureService procedures;

	private final PatientService patients;

	private final ProcedureLabels labels;

	private final Validator validator;

	CarePlanPageController(CarePlanService carePlans, ProcedureService procedures, PatientService patients,
			ProcedureLabels labels, Validator validator) {
		this.carePlans = carePlans;
		this.procedures = procedures;
		this.patients = patients;
		this.labels = labels;
		this.validator = validator;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "patients";
	}

	@GetMapping("/patients/{patientId}/care-plans/new")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String newPlan(@PathVariable UUID patientId, @RequestParam(required = false) UUID procedureId, Model model) {
		Patient patient = patients.get(patientId);
		PlanForm form = new PlanForm();
		form.setStartDate(labels.today());
		form.setProcedureId(procedureId);
		model.addAttribute("form", form);
		return planPage(patient, model);
	}

	@PostMapping("/patients/{patientId}/care-plans/new")
	String createPlan(@PathVariable UUID patientId, @ModelAttribute("form") PlanForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Patient patient = patients.get(patientId);
		CarePlanService.PlanRequest request = form.toRequest();
		if (FormErrors.validate(validator, request, result)) {
			try {
				CarePlan plan = carePlans.create(patientId, request);
				redirect.addFlashAttribute("flash", labels.of(plan.kind()) + " plan added.");
				return "redirect:/patients/" + patientId + "#care-plans";
			}
			catch (Refusal ex) {
				FormErrors.bind(ex, result);
			}
		}
		return planPage(patient, model);
	}

	@GetMapping("/care-plans/{planId}/sessions/new")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String newSession(@PathVariable UUID planId, Model model) {
		CarePlan plan = carePlans.get(planId);
		SessionForm form = new SessionForm();
		form.setDate(labels.today());
		form.setAttended(true);
		model.addAttribute("form", form);
		return sessionPage(plan, model);
	}

	@PostMapping("/care-plans/{planId}/sessions/new")
	String recordSession(@PathVariable UUID planId, @ModelAttribute("form") SessionForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		CarePlan plan = carePlans.get(planId);
		CarePlanService.SessionRequest request = form.toRequest();
		if (FormErrors.validate(validator, request, result)) {
			try {
				carePlans.recordSession(planId, request);
				redirect.addFlashAttribute("flash", "Session of " + request.date() + " recorded.");
				return "redirect:/patients/" + plan.patientId() + "#care-plan-" + planId;
			}
			catch (Refusal ex) {
				FormErrors.bind(ex, result);
			}
		}
		return sessionPage(plan, model);
	}

	private String planPage(Patient patient, Model model) {
		model.addAttribute("patient", patient);
		model.addAttribute("kindOptions", labels.options(CarePlan.Kind.values()));
		Map<String, String> procedureOptions = new LinkedHashMap<>();
		ProcedureChartSections.names(procedures.forPatient(patient.id()), labels)
			.forEach((id, name) -> procedureOptions.put(id.toString(), name));
		model.addAttribute("procedureOptions", procedureOptions);
		return "procedures/care-plan-form";
	}

	private String sessionPage(CarePlan plan, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("patient", patients.get(plan.patientId()));
		model.addAttribute("adherenceOptions", labels.options(CarePlan.Adherence.values()));
		model.addAttribute("procedureLabels", labels);
		return "procedures/session-form";
	}

	/** A new care plan; validated through {@link CarePlanService.PlanRequest}'s constraints. */
	static class PlanForm {

		private CarePlan.Kind kind;

		private String description;

		private String goals;

		private Integer plannedSessions;

		private BigDecimal sessionsPerWeek;

		private UUID procedureId;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate startDate;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate endDate;

		CarePlanService.PlanRequest toRequest() {
			return new CarePlanService.PlanRequest(kind, blankToNull(description), blankToNull(goals), plannedSessions,
					sessionsPerWeek, procedureId, startDate, endDate);
		}

		public CarePlan.Kind getKind() {
			return kind;
		}

		public void setKind(CarePlan.Kind kind) {
			this.kind = kind;
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getGoals() {
			return goals;
		}

		public void setGoals(String goals) {
			this.goals = goals;
		}

		public Integer getPlannedSessions() {
			return plannedSessions;
		}

		public void setPlannedSessions(Integer plannedSessions) {
			this.plannedSessions = plannedSessions;
		}

		public BigDecimal getSessionsPerWeek() {
			return sessionsPerWeek;
		}

		public void setSessionsPerWeek(BigDecimal sessionsPerWeek) {
			this.sessionsPerWeek = sessionsPerWeek;
		}

		public UUID getProcedureId() {
			return procedureId;
		}

		public void setProcedureId(UUID procedureId) {
			this.procedureId = procedureId;
		}

		public LocalDate getStartDate() {
			return startDate;
		}

		public void setStartDate(LocalDate startDate) {
			this.startDate = startDate;
		}

		public LocalDate getEndDate() {
			return endDate;
		}

		public void setEndDate(LocalDate endDate) {
			this.endDate = endDate;
		}

	}

	/** One session of a plan; validated through {@link CarePlanService.SessionRequest}'s constraints. */
	static class SessionForm {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;

		private boolean attended;

		private CarePlan.Adherence adherence;

		private String note;

		CarePlanService.SessionRequest toRequest() {
			return new CarePlanService.SessionRequest(date, attended, adherence, blankToNull(note));
		}

		public LocalDate getDate() {
			return date;
		}

		public void setDate(LocalDate date) {
			this.date = date;
		}

		public boolean isAttended() {
			return attended;
		}

		public void setAttended(boolean attended) {
			this.attended = attended;
		}

		public CarePlan.Adherence getAdherence() {
			return adherence;
		}

		public void setAdherence(CarePlan.Adherence adherence) {
			this.adherence = adherence;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
