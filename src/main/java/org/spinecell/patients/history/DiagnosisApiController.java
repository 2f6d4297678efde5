package org.spinecell.patients.history;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.spinecell.patients.Diagnosis;
import org.spinecell.patients.DiagnosisRequests;
import org.spinecell.patients.DiagnosisService;
import org.spinecell.platform.Page;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/patients/{patientId}/diagnoses")
class DiagnosisApiController {

	private final DiagnosisService diagnoses;

	DiagnosisApiController(DiagnosisService diagnoses) {
		this.diagnoses = diagnoses;
	}

	@PostMapping
	ResponseEntity<Diagnosis> record(@PathVariable UUID patientId, @Valid @RequestBody DiagnosisRequests.Create request) {
		Diagnosis diagnosis = diagnoses.record(patientId, request);
		return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/diagnoses/" + diagnosis.id()))
			.body(diagnosis);
	}

	@GetMapping
	Page<Diagnosis> list(@PathVariable UUID patientId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(defaultValue = "false") boolean includeVoided) {
		return diagnoses.list(patientId, page, size, includeVoided);
	}

	@GetMapping("/{diagnosisId}")
	Diagnosis get(@PathVariable UUID patientId, @PathVariable UUID diagnosisId) {
		return diagnoses.get(patientId, diagnosisId);
	}

	@PutMapping("/{diagnosisId}")
	Diagnosis change(@PathVariable UUID patientId, @PathVariable UUID diagnosisId,
			@Valid @RequestBody DiagnosisRequests.Change request) {
		return diagnoses.change(patientId, diagnosisId, request);
	}

	@PostMapping("/{diagnosisId}/void")
	Diagnosis voidDiagnosis(@PathVariable UUID patientId, @PathVariable UUID diagnosisId,
			@Valid @RequestBody VoidRecordRequest request) {
		return diagnoses.voidDiagnosis(patientId, diagnosisId, request.reason(), request.version());
	}

}
