package org.spinecell.outcomes.followup;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.outcomes.survey.AnswerForm;
import org.spinecell.outcomes.survey.SurveyLinks;
import org.spinecell.outcomes.survey.SurveyService;
import org.spinecell.outcomes.survey.mail.SurveyLinkChannel;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.ApiProblemHandler;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of one follow-up: entering the patient's answers taken by phone or from paper, the
 * recorded responses, sending a survey link and printing a survey letter.
 */
@Controller
@RequestMapping("/follow-up/{id}")
class StaffFollowUpPageController {

	private final StaffFollowUpService staff;

	private final FollowUpService followUps;

	private final SurveyService surveys;

	private final PatientService patients;

	private final List<SurveyLinkChannel> channels;

	private final SurveyLinks links;

	StaffFollowUpPageController(StaffFollowUpService staff, FollowUpService followUps, SurveyService surveys,
			PatientService patients, List<SurveyLinkChannel> channels, SurveyLinks links) {
		this.links = links;
		this.channels = channels.stream().sorted(java.util.Comparator.comparing(SurveyLinkChannel::id)).toList();
		this.staff = staff;
		this.followUps = followUps;
		this.surveys = surveys;
		this.patients = patients;
	}

	@GetMapping("/answers")
	String answers(@PathVariable UUID id, Model model) {
		return render(id, null, Map.of(), Map.of(), List.of(), model);
	}

	@PostMapping("/answers/{instrument}")
	String enter(@PathVariable UUID id, @PathVariable String instrument,
			@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		StaffFollowUpService.InstrumentForm target = staff.forms(id)
			.stream()
			.filter(f -> f.instrumentId().equals(instrument))
			.findFirst()
			.orElseThrow(() -> Refusal.notFound("Instrument"));
		AnswerForm read = AnswerForm.read(target.items(), form, false);
		Map<String, String> errors = new HashMap<>(read.errors());
		java.time.LocalDate answeredOn = null;
		String answeredText = form.getFirst("answeredOn");
		if (answeredText != null && !answeredText.isBlank()) {
			try {
				answeredOn = java.time.LocalDate.parse(answeredText.strip());
			}
			catch (java.time.format.DateTimeParseException ex) {
				errors.put("answeredOn", "must be a date such as 2026-03-31");
			}
		}
		List<String> refusals = List.of();
		if (errors.isEmpty()) {
			try {
				StaffFollowUpService.Entered entered = staff.enter(id, instrument, read.answers(), answeredOn);
				redirect.addFlashAttribute("flash", target.title() + " answers saved"
						+ (entered.followUp().recorded() == FollowUp.Status.COMPLETED
								? "; every required instrument is answered, so the follow-up is completed." : "."));
				return "redirect:/follow-up/" + id + "/answers";
			}
			catch (Refusal ex) {
				if (ex.kind() == Refusal.Kind.NOT_FOUND) {
					throw ex;
				}
				MapBindingResult result = new MapBindingResult(new HashMap<>(read.values()), "answers");
				FormErrors.bind(ex, result);
				for (FieldError error : result.getFieldErrors()) {
					errors.put(error.getField(), error.getDefaultMessage());
				}
				refusals = result.getGlobalErrors().stream().map(ObjectError::getDefaultMessage).toList();
				response.setStatus(ApiProblemHandler.status(ex.kind()).value());
			}
		}
		else {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return render(id, instrument, read.values(), errors, refusals, model);
	}

	@GetMapping("/responses/{responseId}")
	String response(@PathVariable UUID id, @PathVariable UUID responseId, Model model) {
		StaffFollowUpService.ResponseDetail detail = staff.response(id, responseId);
		model.addAttribute("navSection", "followup");
		model.addAttribute("detail", detail);
		model.addAttribute("patient", patients.get(detail.followUp().patientId()));
		return "outcomes/response";
	}

	/** A channel as the link page offers it: why it cannot be used now, or null. */
	record ChannelChoice(String id, String label, String unavailable) {
	}

	/**
	 * Gets a new survey link to the patient: by e-mail (or another configured channel) sent now, or,
	 * with {@code channel=copy}, shown once to copy into the clinic's own message. The link is never
	 * stored and cannot be shown again.
	 */
	@PostMapping("/link")
	String link(@PathVariable UUID id, @RequestParam(defaultValue = "copy") String channel, Model model,
			HttpServletResponse response) {
		FollowUp followUp = followUps.get(id);
		Patient patient = patients.get(followUp.patientId());
		model.addAttribute("navSection", "followup");
		model.addAttribute("followUp", followUp);
		model.addAttribute("patient", patient);
		model.addAttribute("channels", channels.stream()
			.map(c -> new ChannelChoice(c.id(), c.label(), c.unavailable(followUp, patient).orElse(null)))
			.toList());
		response.setHeader("Cache-Control", "no-store");
		try {
			if ("copy".equals(channel)) {
				SurveyService.CreatedLink link = surveys.createLink(id);
				model.addAttribute("url", links.url(link.token()));
				model.addAttribute("expiresAt", link.expiresAt());
				return "outcomes/link";
			}
			SurveyLinkChannel chosen = channels.stream()
				.filter(c -> c.id().equals(channel))
				.findFirst()
				.orElseThrow(() -> Refusal.invalid("channel", "must be one of email, sms or copy"));
			String unavailable = chosen.unavailable(followUp, patient).orElse(null);
			if (unavailable != null) {
				throw Refusal.conflict("The link cannot be sent by " + chosen.label().toLowerCase(Locale.ROOT)
						+ ": " + unavailable);
			}
			model.addAttribute("delivery", chosen.send(followUp));
			model.addAttribute("channel", chosen.label());
		}
		catch (Refusal ex) {
			if (ex.kind() != Refusal.Kind.CONFLICT && ex.kind() != Refusal.Kind.INVALID) {
				throw ex;
			}
			response.setStatus(ApiProblemHandler.status(ex.kind()).value());
			model.addAttribute("refused", ex.getMessage());
		}
		return "outcomes/link";
	}

	@PostMapping("/letter")
	ResponseEntity<byte[]> letter(@PathVariable UUID id) {
		return StaffFollowUpApiController.pdf(staff.letter(id, links::url));
	}

	private String render(UUID id, String instrument, Map<String, String> values, Map<String, String> errors,
			List<String> refusals, Model model) {
		FollowUp followUp = followUps.get(id);
		model.addAttribute("navSection", "followup");
		model.addAttribute("followUp", followUp);
		model.addAttribute("status", followUp.statusOn(followUps.today()));
		model.addAttribute("patient", patients.get(followUp.patientId()));
		model.addAttribute("forms", staff.forms(id));
		model.addAttribute("outstanding", followUps.outstanding(id));
		model.addAttribute("submitted", instrument);
		model.addAttribute("today", java.time.LocalDate.now());
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("refusals", refusals);
		return "outcomes/answers";
	}

}
