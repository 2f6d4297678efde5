package org.spinecell.patients.history;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.spinecell.patients.PriorTreatment;
import org.spinecell.patients.PriorTreatmentRequest;
import org.spinecell.patients.PriorTreatmentService;
import org.spinecell.platform.Page;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/patients/{patientId}/prior-treatments")
class PriorTreatmentApiController {

	private final PriorTreatmentService treatments;

	PriorTreatmentApiController(PriorTreatmentService treatments) {
		this.treatments = treatments;
	}

	@PostMapping
	ResponseEntity<PriorTreatment> record(@PathVariable UUID patientId,
			@Valid @RequestBody PriorTreatmentRequest request) {
		PriorTreatment treatment = treatments.record(patientId, request);
		return ResponseEntity
			.created(URI.create("/api/v1/patients/" + patientId + "/prior-treatments/" + treatment.id()))
			.body(treatment);
	}

	@GetMapping
	Page<PriorTreatment> list(@PathVariable UUID patientId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(defaultValue = "false") boolean includeVoided) {
		return treatments.list(patientId, page, size, includeVoided);
	}

	@GetMapping("/{treatmentId}")
	PriorTreatment get(@PathVariable UUID patientId, @PathVariable UUID treatmentId) {
		return treatments.get(patientId, treatmentId);
	}

	@PostMapping("/{treatmentId}/void")
	PriorTreatment voidTreatment(@PathVariable UUID patientId, @PathVariable UUID treatmentId,
			@Valid @RequestBody VoidRecordRequest request) {
		return treatments.voidTreatment(patientId, treatmentId, request.reason(), request.version());
	}

}
