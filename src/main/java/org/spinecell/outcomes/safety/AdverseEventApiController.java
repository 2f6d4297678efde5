package org.spinecell.outcomes.safety;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEventRequests;
import org.spinecell.outcomes.AdverseEventService;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdverseEventApiController {

	private final AdverseEventService events;

	private final AdverseEventReviewService reviews;

	AdverseEventApiController(AdverseEventService events, AdverseEventReviewService reviews) {
		this.events = events;
		this.reviews = reviews;
	}

	record AdverseEventList(List<AdverseEvent> items) {
	}

	record SafetyTaskList(List<SafetyTask> items) {
	}

	@PostMapping("/api/v1/adverse-events")
	ResponseEntity<AdverseEvent> report(@Valid @RequestBody AdverseEventRequests.Report request) {
		AdverseEvent event = events.report(request);
		return ResponseEntity.created(URI.create("/api/v1/adverse-events/" + event.id())).body(event);
	}

	/** Patients' reports that await a physician's review, the oldest first. */
	@GetMapping("/api/v1/adverse-events/awaiting-review")
	AdverseEventList awaitingReview() {
		return new AdverseEventList(reviews.awaitingReview());
	}

	@GetMapping("/api/v1/adverse-events/{id}")
	AdverseEvent get(@PathVariable UUID id) {
		return events.get(id);
	}

	@GetMapping("/api/v1/adverse-events/{id}/safety-tasks")
	SafetyTaskList tasks(@PathVariable UUID id) {
		return new SafetyTaskList(events.tasks(id));
	}

	@PostMapping("/api/v1/adverse-events/{id}/review")
	AdverseEvent review(@PathVariable UUID id, @Valid @RequestBody(required = false) AdverseEventRequests.Review request) {
		return reviews.review(id, request == null ? new AdverseEventRequests.Review(null, null) : request);
	}

	@GetMapping("/api/v1/patients/{patientId}/adverse-events")
	AdverseEventList forPatient(@PathVariable UUID patientId) {
		return new AdverseEventList(events.forPatient(patientId));
	}

}
