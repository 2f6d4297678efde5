package org.spinecell.outcomes.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEventRequests;
import org.spinecell.outcomes.AdverseEventService;
import org.spinecell.outcomes.MedicationRequests;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The two optional steps after the questionnaires: "Your pain medicines now" (stop or add
 * medicines) and "Report a problem". Each can be skipped; each stores nothing until its form is
 * valid as a whole.
 */
@Controller
public class SurveyExtrasPageController {

	/** The pick list's entry for a drug it does not list; the patient types the name. */
	public static final String OTHER = "other";

	private final SurveyService surveys;

	private final SurveyExtrasService extras;

	private final SurveyRateLimiter limiter;

	SurveyExtrasPageController(SurveyService surveys, SurveyExtrasService extras, SurveyRateLimiter limiter) {
		this.surveys = surveys;
		this.extras = extras;
		this.limiter = limiter;
	}

	@GetMapping("/s/{token}/medicines")
	String medicines(@PathVariable String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		admit(token, request, response);
		model.addAttribute("saved", request.getParameter("saved") != null);
		return medicinesPage(token, Map.of(), Map.of(), model);
	}

	@PostMapping("/s/{token}/medicines")
	String saveMedicines(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Map<String, String> values = fields(form, true, "drug", "otherDrug", "dose", "unit", "timesPerDay");
		if (!admitted(token, request, response)) {
			model.addAttribute("wait", SurveyPageController.WAIT);
			return medicinesPage(token, values, Map.of(), model);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		List<UUID> stopped = new ArrayList<>();
		form.keySet().stream().filter(k -> k.startsWith("stop-")).forEach(key -> {
			try {
				stopped.add(UUID.fromString(key.substring("stop-".length())));
			}
			catch (IllegalArgumentException ex) {
				errors.put("stopped", "Please tick only medicines from your list.");
			}
		});
		List<MedicationRequests.PatientAdded> added = new ArrayList<>();
		boolean adding = !(values.get("drug").isEmpty() && values.get("otherDrug").isEmpty()
				&& values.get("dose").isEmpty() && values.get("timesPerDay").isEmpty());
		if (adding) {
			String drug = OTHER.equals(values.get("drug")) ? values.get("otherDrug") : values.get("drug");
			BigDecimal dose = number(values.get("dose"), "dose", errors);
			BigDecimal times = number(values.get("timesPerDay"), "timesPerDay", errors);
			added.add(new MedicationRequests.PatientAdded(drug, dose, values.get("unit"), times));
		}
		if (errors.isEmpty()) {
			try {
				extras.updateMedicines(token, new MedicationRequests.PatientUpdate(stopped, added));
				return "another".equals(form.getFirst("action")) ? "redirect:/s/" + token + "/medicines?saved"
						: "redirect:/s/" + token + "/problem";
			}
			catch (Refusal ex) {
				if (ex.kind() != Refusal.Kind.INVALID && ex.kind() != Refusal.Kind.CONFLICT) {
					throw ex;
				}
				inline(ex, errors,
						field -> field.replaceFirst("^added\\[\\d+]\\.", "").replaceFirst("^stopped.*", "stopped"));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return medicinesPage(token, values, errors, model);
	}

	@GetMapping("/s/{token}/problem")
	String problem(@PathVariable String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		admit(token, request, response);
		return problemPage(token, Map.of(), Map.of(), model);
	}

	@PostMapping("/s/{token}/problem")
	String reportProblem(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Map<String, String> values = fields(form, false, "description", "onset", "careSought");
		if (!admitted(token, request, response)) {
			model.addAttribute("wait", SurveyPageController.WAIT);
			return problemPage(token, values, Map.of(), model);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate onset = null;
		if (!values.get("onset").isBlank()) {
			try {
				onset = LocalDate.parse(values.get("onset").strip());
			}
			catch (DateTimeParseException ex) {
				errors.put("onset", "Please enter the date as year-month-day, for example 2026-03-31.");
			}
		}
		AdverseEvent.CareSought care = null;
		if (!values.get("careSought").isBlank()) {
			try {
				care = AdverseEvent.CareSought.valueOf(values.get("careSought").strip());
			}
			catch (IllegalArgumentException ex) {
				errors.put("careSought", "Please choose one of the answers offered.");
			}
		}
		if (errors.isEmpty()) {
			try {
				extras.reportProblem(token,
						new AdverseEventRequests.PatientProblem(values.get("description"), onset, care));
				return "redirect:/s/" + token + "/problem/sent";
			}
			catch (Refusal ex) {
				if (ex.kind() != Refusal.Kind.INVALID) {
					throw ex;
				}
				inline(ex, errors, UnaryOperator.identity());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return problemPage(token, values, errors, model);
	}

	/** The thank-you for a problem report: the clinic will review it; an emergency needs a call now. */
	@GetMapping("/s/{token}/problem/sent")
	String problemSent(@PathVariable String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		admit(token, request, response);
		model.addAttribute("token", token);
		model.addAttribute("survey", surveys.state(token));
		return "survey/problem-sent";
	}

	@ExceptionHandler(SurveyUnavailable.class)
	String unavailable(SurveyUnavailable ex, Model model, HttpServletResponse response) {
		return SurveyPageController.unavailablePage(ex, model, response);
	}

	@ExceptionHandler(TooManyRequests.class)
	String tooMany(Model model, HttpServletResponse response) {
		return SurveyPageController.tooMany(model, response);
	}

	/** The link's or the address's request limit is used up. */
	private static final class TooManyRequests extends RuntimeException {

		TooManyRequests() {
			super(null, null, false, false);
		}

	}

	/** Marks the page uncacheable and counts the request; {@link TooManyRequests} over the limit. */
	private void admit(String token, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		if (!limiter.tryAcquire(SurveyService.tokenKey(token), request.getRemoteAddr())) {
			throw new TooManyRequests();
		}
	}

	/** The survey, when its optional steps still take answers; the "completed" page otherwise. */
	private SurveyState openState(String token) {
		SurveyState state = surveys.state(token);
		if (!state.extrasOpen()) {
			throw SurveyUnavailable.completed();
		}
		return state;
	}

	/**
	 * Counts a form's submission; over the limit the response is a 429 and the caller shows the form
	 * again as the patient filled it in, storing nothing.
	 */
	private boolean admitted(String token, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		if (limiter.tryAcquire(SurveyService.tokenKey(token), request.getRemoteAddr())) {
			return true;
		}
		SurveyPageController.waitAMinute(response);
		return false;
	}

	/** The service's field problems as inline messages, under the page's field names. */
	private static void inline(Refusal ex, Map<String, String> errors, UnaryOperator<String> pageField) {
		for (FieldProblem problem : ex.errors()) {
			errors.putIfAbsent(pageField.apply(problem.field()), "Please check this: it " + problem.message() + ".");
		}
	}

	private String medicinesPage(String token, Map<String, String> values, Map<String, String> errors, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("survey", openState(token));
		model.addAttribute("medicines", extras.medicines(token));
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("other", OTHER);
		return "survey/medicines";
	}

	private String problemPage(String token, Map<String, String> values, Map<String, String> errors, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("survey", openState(token));
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("maxLength", AdverseEventService.PATIENT_TEXT_MAX);
		model.addAttribute("today", LocalDate.now());
		return "survey/problem";
	}

	/** The form's fields, missing ones as empty text; stripped unless the text is kept as typed. */
	private static Map<String, String> fields(MultiValueMap<String, String> form, boolean strip, String... names) {
		Map<String, String> values = new HashMap<>();
		for (String name : names) {
			String value = form.getFirst(name);
			values.put(name, value == null ? "" : strip ? value.strip() : value);
		}
		return values;
	}

	/** A number the patient typed; blank is left to the service to judge. */
	private static BigDecimal number(String value, String field, Map<String, String> errors) {
		if (value.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(value.replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			errors.put(field, "Please enter a number, for example 10 or 2.5.");
			return null;
		}
	}

}
