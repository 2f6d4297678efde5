package org.spinecell.outcomes.interventions;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.spinecell.outcomes.Intervention;
import org.spinecell.outcomes.InterventionRequest;
import org.spinecell.outcomes.InterventionService;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/patients/{patientId}/interventions")
class InterventionApiController {

	private final InterventionService interventions;

	InterventionApiController(InterventionService interventions) {
		this.interventions = interventions;
	}

	record InterventionList(List<Intervention> items) {
	}

	@PostMapping
	ResponseEntity<Intervention> record(@PathVariable UUID patientId, @Valid @RequestBody InterventionRequest request) {
		Intervention intervention = interventions.record(patientId, request);
		return ResponseEntity
			.created(URI.create("/api/v1/patients/" + patientId + "/interventions/" + intervention.id()))
			.body(intervention);
	}

	@GetMapping
	InterventionList list(@PathVariable UUID patientId) {
		return new InterventionList(interventions.list(patientId));
	}

	@GetMapping("/{interventionId}")
	Intervention get(@PathVariable UUID patientId, @PathVariable UUID interventionId) {
		return interventions.get(patientId, interventionId);
	}

}
