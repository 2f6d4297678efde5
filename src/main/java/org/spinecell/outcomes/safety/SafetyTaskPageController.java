package org.spinecell.outcomes.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;
import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEventService;
import org.spinecell.outcomes.chart.ChartForms;
import org.spinecell.outcomes.chart.OutcomeLabels;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.DashboardCard;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Role;
import org.spinecell.platform.SpineCellProperties;

import org.springframework.core.annotation.Order;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The safety page: the patients' problem reports awaiting a physician's review, the oldest first,
 * then the open reports owed for serious adverse events, the earliest due first, each with its
 * event, patient and days left, and a form to mark the report made.
 */
@Controller
@RequestMapping("/safety")
class SafetyTaskPageController {

	private final SafetyTaskService tasks;

	private final AdverseEventService events;

	private final AdverseEventReviewService reviews;

	private final PatientService patients;

	private final Validator validator;

	private final OutcomeLabels labels;

	private final Clock clock;

	SafetyTaskPageController(SafetyTaskService tasks, AdverseEventService events, AdverseEventReviewService reviews,
			PatientService patients, Validator validator, OutcomeLabels labels, SpineCellProperties properties) {
		this.tasks = tasks;
		this.events = events;
		this.reviews = reviews;
		this.patients = patients;
		this.validator = validator;
		this.labels = labels;
		this.clock = Clock.system(properties.timeZone());
	}

	/** One row of the page. {@code daysLeft} is negative once the report is overdue. */
	record Row(SafetyTask task, AdverseEvent event, Patient patient, long daysLeft) {

		public boolean overdue() {
			return daysLeft < 0;
		}

		/** Due within three days: highlighted before it is late. */
		public boolean dueSoon() {
			return daysLeft >= 0 && daysLeft <= 3;
		}

	}

	/** A patient's report, or another event, that no physician has reviewed yet. */
	record Awaiting(AdverseEvent event, Patient patient) {
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "safety";
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String page(Model model) {
		return page(model, null, null);
	}

	@PostMapping("/{taskId}/complete")
	String complete(@PathVariable UUID taskId, @ModelAttribute("form") NoteForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		SafetyTask task = tasks.get(taskId);
		SafetyTaskApiController.CompleteRequest request = new SafetyTaskApiController.CompleteRequest(
				ChartForms.blankToNull(form.getNote()), form.getVersion());
		if (FormErrors.submit(validator, request, result, r -> tasks.complete(taskId, r.note(), r.version()))) {
			redirect.addFlashAttribute("flash", "Safety report of " + task.awarenessDate() + " marked done.");
			return "redirect:/safety";
		}
		ObjectError error = result.getFieldError("note") != null ? result.getFieldError("note")
				: result.getGlobalError();
		return page(model, taskId, error == null ? "could not be saved" : error.getDefaultMessage());
	}

	private String page(Model model, UUID failedTaskId, String failure) {
		LocalDate today = LocalDate.now(clock);
		Map<UUID, Patient> patientsById = new HashMap<>();
		List<Row> rows = tasks.list(SafetyTask.Status.OPEN)
			.stream()
			.map(task -> new Row(task, events.get(task.adverseEventId()),
					patientsById.computeIfAbsent(task.patientId(), patients::get),
					ChronoUnit.DAYS.between(today, task.dueDate())))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("awaiting", reviews.awaitingReview()
			.stream()
			.map(event -> new Awaiting(event, patientsById.computeIfAbsent(event.patientId(), patients::get)))
			.toList());
		model.addAttribute("today", today);
		model.addAttribute("outcomeLabels", labels);
		model.addAttribute("failedTaskId", failedTaskId);
		model.addAttribute("failure", failure);
		return "outcomes/safety";
	}

	/**
	 * The dashboard card: how many adverse events await a physician's review, how many reports are
	 * open and when the nearest is due.
	 */
	@Component
	@Order(50)
	static class Card implements DashboardCard {

		private final SafetyTaskService tasks;

		private final AdverseEventReviewService events;

		Card(SafetyTaskService tasks, AdverseEventReviewService events) {
			this.tasks = tasks;
			this.events = events;
		}

		@Override
		public String template() {
			return "outcomes/safety-card";
		}

		@Override
		public void addTo(Model model) {
			CurrentUser user = CurrentUser.find().orElse(null);
			boolean shown = user != null && (user.hasRole(Role.PHYSICIAN) || user.hasRole(Role.COORDINATOR));
			model.addAttribute("safetyCardShown", shown);
			List<SafetyTask> open = shown ? tasks.list(SafetyTask.Status.OPEN) : List.of();
			model.addAttribute("openSafetyTasks", open.size());
			model.addAttribute("nextSafetyDue", open.isEmpty() ? null : open.get(0).dueDate());
			model.addAttribute("awaitingReview", shown ? events.countAwaitingReview() : 0L);
		}

	}

}
