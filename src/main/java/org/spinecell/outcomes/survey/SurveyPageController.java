package org.spinecell.outcomes.survey;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.spinecell.platform.ApiProblemHandler;
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
 * The patient's survey pages, reached by the link without signing in: one instrument per page,
 * then a thank-you page. Never cached, and unusable links get the same page whoever they were for.
 */
@Controller
class SurveyPageController {

	/** Shown above a form sent over the request limit, which comes back filled in as the patient left it. */
	static final String WAIT = "There have been too many requests from this link or this connection. Your answers are kept below: "
			+ "please send them again in a minute.";

	private final SurveyService surveys;

	private final SurveyRateLimiter limiter;

	SurveyPageController(SurveyService surveys, SurveyRateLimiter limiter) {
		this.surveys = surveys;
		this.limiter = limiter;
	}

	@GetMapping("/s/{token}")
	String show(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		if (!limiter.tryAcquire(SurveyService.tokenKey(token), request.getRemoteAddr())) {
			return tooMany(model, response);
		}
		SurveyState state = surveys.state(token);
		return render(token, state, state.next().orElse(null), Map.of(), Map.of(), null, model);
	}

	@PostMapping("/s/{token}/{instrument}")
	String submit(@PathVariable String token, @PathVariable String instrument,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		boolean admitted = limiter.tryAcquire(SurveyService.tokenKey(token), request.getRemoteAddr());
		SurveyState state = surveys.state(token);
		SurveyState.Step step = state.steps()
			.stream()
			.filter(s -> s.instrumentId().equals(instrument) && s.available())
			.findFirst()
			.orElseThrow(() -> new SurveyUnavailable(Refusal.Kind.NOT_FOUND));
		AnswerForm read = AnswerForm.read(step.items(), form, true);
		if (!admitted) {
			// Over the limit: nothing is stored, but what the patient typed comes back to be sent again.
			waitAMinute(response);
			return render(token, state, step, read.values(), Map.of(), WAIT, model);
		}
		Map<String, String> values = read.values();
		Map<String, String> errors = read.errors();
		Map<String, Object> answers = read.answers();
		if (errors.isEmpty()) {
			try {
				SurveyService.Submission submission = surveys.submit(token, instrument, answers);
				// After the last instrument come the optional steps, medicines first.
				return "redirect:/s/" + token + (submission.completed() ? "/medicines" : "");
			}
			catch (Refusal ex) {
				if (ex.kind() == Refusal.Kind.CONFLICT) {
					response.setStatus(HttpStatus.CONFLICT.value());
					return render(token, state, step, values, Map.of(),
							"Your answers to this questionnaire were already received, with different answers. "
									+ "If something has changed, please contact your clinic.",
							model);
				}
				if (ex.kind() != Refusal.Kind.INVALID) {
					throw ex;
				}
				for (FieldProblem problem : ex.errors()) {
					errors.put(problem.field(), "Please check this answer: " + problem.message() + ".");
				}
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return render(token, state, step, values, errors, null, model);
	}

	@ExceptionHandler(SurveyUnavailable.class)
	String unavailable(SurveyUnavailable ex, Model model, HttpServletResponse response) {
		return unavailablePage(ex, model, response);
	}

	/** The page of an unusable link, the same whoever it was for. */
	static String unavailablePage(SurveyUnavailable ex, Model model, HttpServletResponse response) {
		response.setStatus(ApiProblemHandler.status(ex.kind()).value());
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("gone", ex.kind() == Refusal.Kind.GONE);
		model.addAttribute("completed", ex.completedSurvey());
		return "survey/unavailable";
	}

	static String tooMany(Model model, HttpServletResponse response) {
		waitAMinute(response);
		model.addAttribute("tooMany", true);
		return "survey/unavailable";
	}

	/** 429 with the time to wait. */
	static void waitAMinute(HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", Long.toString(SurveyRateLimiter.WINDOW.toSeconds()));
	}

	private static String render(String token, SurveyState state, SurveyState.Step step,
			Map<String, String> values, Map<String, String> errors, String conflict, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("survey", state);
		model.addAttribute("step", step);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		int position = step == null ? 0 : state.steps().stream().filter(SurveyState.Step::available).toList().indexOf(step) + 1;
		model.addAttribute("position", position);
		model.addAttribute("total", state.steps().stream().filter(SurveyState.Step::available).count());
		return step == null ? "survey/thanks" : "survey/step";
	}

}
