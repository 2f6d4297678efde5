package org.spinecell.outcomes.survey;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEventRequests;
import org.spinecell.outcomes.AdverseEventService;
import org.spinecell.outcomes.MedicationRequests;
import org.spinecell.outcomes.responses.RecordedResponse;
import org.spinecell.platform.ApiProblemHandler;
import org.spinecell.platform.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Survey links for staff, and the patient's JSON equivalent of the survey page. The responses
 * endpoints (responses, medications, problems) are public (the token is the credential) and rate limited.
 */
@RestController
class SurveyApiController {

	/** Problem details of unusable tokens carry this fixed instance, never the token's path. */
	private static final URI INSTANCE = URI.create("/api/v1/surveys");

	private final SurveyService surveys;

	private final SurveyExtrasService extras;

	private final SurveyRateLimiter limiter;

	private final SurveyLinks links;

	SurveyApiController(SurveyService surveys, SurveyExtrasService extras, SurveyRateLimiter limiter,
			SurveyLinks links) {
		this.surveys = surveys;
		this.extras = extras;
		this.limiter = limiter;
		this.links = links;
	}

	record LinkResponse(String url, Instant expiresAt) {
	}

	record SubmissionRequest(@Size(max = 64) String instrument, @Size(max = 200) Map<String, Object> answers) {
	}

	/** What the patient gets back; identical for a first submission and an identical repeat. */
	record SubmissionResponse(UUID id, String instrument, Instant submittedAt, boolean surveyCompleted,
			String nextInstrument) {
	}

	@PostMapping("/api/v1/follow-ups/{id}/link")
	ResponseEntity<LinkResponse> createLink(@PathVariable UUID id) {
		SurveyService.CreatedLink link = surveys.createLink(id);
		return ResponseEntity.status(HttpStatus.CREATED).body(new LinkResponse(links.url(link.token()), link.expiresAt()));
	}

	@PostMapping("/api/v1/surveys/{token}/responses")
	ResponseEntity<?> submit(@PathVariable String token, @Valid @RequestBody SubmissionRequest request,
			HttpServletRequest http) {
		if (!limiter.tryAcquire(SurveyService.tokenKey(token), http.getRemoteAddr())) {
			return tooMany();
		}
		SurveyService.Submission submission = surveys.submit(token, request.instrument(), request.answers());
		RecordedResponse response = submission.response();
		SubmissionResponse body = new SubmissionResponse(response.id(), response.instrument(), response.submittedAt(),
				submission.completed(), submission.next().orElse(null));
		return ResponseEntity.status(response.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
			.header("Cache-Control", "no-store")
			.body(body);
	}

	/** The patient's current medicines after an update through the portal. */
	record MedicineList(List<SurveyExtrasService.PortalMedication> items) {
	}

	/** A problem report as the patient gets it back: never the clinic's classification. */
	record ProblemReceipt(UUID id, LocalDate onset, AdverseEvent.CareSought careSought, String status) {
	}

	@PostMapping("/api/v1/surveys/{token}/medications")
	ResponseEntity<?> medications(@PathVariable String token,
			@Valid @RequestBody MedicationRequests.PatientUpdate request,
			HttpServletRequest http) {
		if (!limiter.tryAcquire(SurveyService.tokenKey(token), http.getRemoteAddr())) {
			return tooMany();
		}
		List<SurveyExtrasService.PortalMedication> current = extras.updateMedicines(token, request);
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(new MedicineList(current));
	}

	@PostMapping("/api/v1/surveys/{token}/problems")
	ResponseEntity<?> problems(@PathVariable String token,
			@Valid @RequestBody AdverseEventRequests.PatientProblem request,
			HttpServletRequest http) {
		if (!limiter.tryAcquire(SurveyService.tokenKey(token), http.getRemoteAddr())) {
			return tooMany();
		}
		AdverseEventService.PatientReported reported = extras.reportProblem(token, request);
		AdverseEvent event = reported.event();
		ProblemReceipt body = new ProblemReceipt(event.id(), event.onset(), event.careSought(), "AWAITING_REVIEW");
		return ResponseEntity.status(reported.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
			.header("Cache-Control", "no-store")
			.body(body);
	}

	@ExceptionHandler(SurveyUnavailable.class)
	ResponseEntity<ProblemDetail> unavailable(SurveyUnavailable ex) {
		HttpStatus status = ApiProblemHandler.status(ex.kind());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(ex.kind() == Refusal.Kind.GONE ? "Gone" : "Not found");
		problem.setType(URI.create("https://spinecell.org/problems/" + status.value()));
		problem.setInstance(INSTANCE);
		return ResponseEntity.status(status).header("Cache-Control", "no-store").body(problem);
	}

	private static ResponseEntity<ProblemDetail> tooMany() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests; wait a minute and try again");
		problem.setTitle("Too many requests");
		problem.setType(URI.create("https://spinecell.org/problems/429"));
		problem.setInstance(INSTANCE);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", Long.toString(SurveyRateLimiter.WINDOW.toSeconds()))
			.header("Cache-Control", "no-store")
			.body(problem);
	}

}
