package org.spinecell.patients.history;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.spinecell.patients.ConsentRequest;
import org.spinecell.patients.ConsentService;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/patients/{patientId}/consents")
class ConsentApiController {

	private final ConsentService consents;

	ConsentApiController(ConsentService consents) {
		this.consents = consents;
	}

	@PostMapping
	ResponseEntity<Consent> record(@PathVariable UUID patientId, @Valid @RequestBody ConsentRequest request) {
		Consent consent = consents.record(patientId, request);
		return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/consents/" + consent.id()))
			.body(consent);
	}

	/** {@code {"current": [latest per type], "history": [every decision, newest first]}}. */
	@GetMapping
	ConsentHistory history(@PathVariable UUID patientId) {
		return consents.history(patientId);
	}

	@GetMapping("/{consentId}")
	Consent get(@PathVariable UUID patientId, @PathVariable UUID consentId) {
		return consents.get(patientId, consentId);
	}

}
