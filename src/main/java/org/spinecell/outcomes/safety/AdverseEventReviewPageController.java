package org.spinecell.outcomes.safety;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;
import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEventRequests;
import org.spinecell.outcomes.AdverseEventService;
import org.spinecell.outcomes.chart.OutcomeLabels;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Refusal;

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
 * A physician's review of an adverse event that awaits one, reached from the chart's adverse-event
 * section and from the safety page. A patient's report arrives ungraded, so the form asks for the
 * classification the API's review asks for (category, CTCAE grade, seriousness, relatedness,
 * expectedness, outcome) and the service applies the same rules; an event that already has a grade
 * is only confirmed with an optional note. Only physicians review, as in the service.
 */
@Controller
@RequestMapping("/patients/{id}/adverse-events/{eventId}/review")
class AdverseEventReviewPageController {

	private final PatientService patients;

	private final AdverseEventService events;

	private final AdverseEventReviewService reviews;

	private final Validator validator;

	private final OutcomeLabels labels;

	AdverseEventReviewPageController(PatientService patients, AdverseEventService events,
			AdverseEventReviewService reviews, Validator validator, OutcomeLabels labels) {
		this.patients = patients;
		this.events = events;
		this.reviews = reviews;
		this.validator = validator;
		this.labels = labels;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "patients";
	}

	@GetMapping
	@PreAuthorize("hasRole('PHYSICIAN')")
	String form(@PathVariable UUID id, @PathVariable UUID eventId, Model model, RedirectAttributes redirect) {
		Patient patient = patients.get(id);
		AdverseEvent event = eventOf(patient, eventId);
		if (event.reviewed()) {
			redirect.addFlashAttribute("flash", "The adverse event of " + event.onset() + " is already reviewed.");
			return "redirect:/patients/" + id + "#adverse-events";
		}
		AdverseEventReviewForm form = new AdverseEventReviewForm();
		form.setVersion(event.version());
		model.addAttribute("form", form);
		return page(patient, event, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('PHYSICIAN')")
	String review(@PathVariable UUID id, @PathVariable UUID eventId, @ModelAttribute("form") AdverseEventReviewForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Patient patient = patients.get(id);
		AdverseEvent event = eventOf(patient, eventId);
		AdverseEventRequests.Review request = form.toReview(event);
		boolean done = FormErrors.submit(validator, request, result, r -> {
			AdverseEvent reviewed = reviews.review(eventId, r);
			redirect.addFlashAttribute("flash", "Adverse event of " + event.onset() + " reviewed"
					+ (event.ungraded() ? ": " + labels.grade(reviewed.grade()) : "")
					+ (reviewed.isSerious() ? "; it is serious, so a safety report task is open on the safety page." : "."));
		});
		if (done) {
			return "redirect:/patients/" + id + "#adverse-events";
		}
		return page(patient, event, model);
	}

	/** The event, which must be this patient's: reached through another patient's URL it does not exist there. */
	private AdverseEvent eventOf(Patient patient, UUID eventId) {
		AdverseEvent event = events.get(eventId);
		if (!event.patientId().equals(patient.id())) {
			throw Refusal.notFound(AdverseEventService.ENTITY);
		}
		return event;
	}

	private String page(Patient patient, AdverseEvent event, Model model) {
		model.addAttribute("patient", patient);
		model.addAttribute("event", event);
		model.addAttribute("outcomeLabels", labels);
		AdverseEventClassificationForm.addOptions(model, labels);
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("true", "Yes: listed in the consent or protocol");
		expected.put("false", "No: unexpected");
		model.addAttribute("expectedOptions", expected);
		return "outcomes/adverse-event-review";
	}

}
