package org.spinecell.outcomes.responses;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.spinecell.outcomes.ResponseService;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff entry of instrument answers (from paper or an interview) and the patient's observations. */
@RestController
class ResponseApiController {

	private final ResponseService responses;

	ResponseApiController(ResponseService responses) {
		this.responses = responses;
	}

	record ResponseRequest(@NotBlank @Size(max = 64) String instrument, @NotNull @Size(max = 200) Map<String, Object> answers,
			UUID followUpId) {
	}

	@PostMapping("/api/v1/patients/{patientId}/responses")
	ResponseEntity<RecordedResponse> record(@PathVariable UUID patientId, @Valid @RequestBody ResponseRequest request) {
		RecordedResponse response = responses.record(patientId, request.followUpId(), request.instrument(),
				request.answers(), true);
		if (response.duplicate()) {
			return ResponseEntity.ok(response);
		}
		return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/responses/" + response.id()))
			.body(response);
	}

	@GetMapping("/api/v1/patients/{patientId}/responses")
	Map<String, List<RecordedResponse>> list(@PathVariable UUID patientId) {
		return Map.of("items", responses.responses(patientId));
	}

	@GetMapping("/api/v1/patients/{patientId}/responses/{id}")
	RecordedResponse get(@PathVariable UUID patientId, @PathVariable UUID id) {
		return responses.get(patientId, id);
	}

	@GetMapping("/api/v1/patients/{patientId}/observations")
	Map<String, List<Observation>> observations(@PathVariable UUID patientId,
			@RequestParam(required = false) String measure) {
		return Map.of("items", responses.observations(patientId, measure));
	}

}
