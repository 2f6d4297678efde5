package org.spinecell.patients.candidacy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.spinecell.patients.CandidacyAssessment;
import org.spinecell.patients.CandidacyDecision.Decision;
import org.spinecell.patients.CandidacyService;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CandidacyApiController {

	private final CandidacyService candidacy;

	CandidacyApiController(CandidacyService candidacy) {
		this.candidacy = candidacy;
	}

	record AssessmentRequest(@NotNull @Size(max = 50) Map<String, Boolean> checklist) {
	}

	record OverrideRequest(@NotNull Decision decision, @NotBlank @Size(max = 1000) String reason,
			@NotNull Integer version) {
	}


	@PostMapping("/api/v1/patients/{patientId}/candidacy-assessments")
	ResponseEntity<CandidacyAssessment> assess(@PathVariable UUID patientId,
			@Valid @RequestBody AssessmentRequest request) {
		CandidacyAssessment assessment = candidacy.assess(patientId, request.checklist());
		return ResponseEntity
			.created(URI.create("/api/v1/patients/" + patientId + "/candidacy-assessments/" + assessment.id()))
			.body(assessment);
	}

	@GetMapping("/api/v1/patients/{patientId}/candidacy-assessments")
	Map<String, List<CandidacyAssessment>> list(@PathVariable UUID patientId) {
		return Map.of("items", candidacy.forPatient(patientId));
	}

	@GetMapping("/api/v1/patients/{patientId}/candidacy-assessments/{id}")
	CandidacyAssessment get(@PathVariable UUID patientId, @PathVariable UUID id) {
		return candidacy.get(patientId, id);
	}

	@PostMapping("/api/v1/patients/{patientId}/candidacy-assessments/{id}/override")
	CandidacyAssessment override(@PathVariable UUID patientId, @PathVariable UUID id,
			@Valid @RequestBody OverrideRequest request) {
		return candidacy.override(patientId, id, request.decision(), request.reason().strip(), request.version());
	}

	@GetMapping(value = "/api/v1/candidacy-rule-sets/current", produces = MediaType.APPLICATION_JSON_VALUE)
	String current(@RequestParam UUID clinicId) {
		return candidacy.currentRuleSet(clinicId).ruleSet().toJson();
	}

	@PostMapping(value = "/api/v1/candidacy-rule-sets", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> publish(@RequestParam UUID clinicId, @RequestBody String json) {
		CandidacyService.RuleSetInUse published = candidacy.publish(clinicId, json);
		return ResponseEntity.created(URI.create("/api/v1/candidacy-rule-sets/current?clinicId=" + clinicId))
			.body(published.ruleSet().toJson());
	}

}
