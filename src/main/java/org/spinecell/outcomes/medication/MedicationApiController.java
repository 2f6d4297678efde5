package org.spinecell.outcomes.medication;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.spinecell.outcomes.Medication;
import org.spinecell.outcomes.MedicationRequests;
import org.spinecell.outcomes.MedicationService;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/patients/{patientId}/medications")
class MedicationApiController {

	private final MedicationService medications;

	MedicationApiController(MedicationService medications) {
		this.medications = medications;
	}

	/** The statements, with the citation of the MME conversion table. */
	record MedicationList(List<Medication> items, String mmeSource) {
	}

	@PostMapping
	ResponseEntity<Medication> record(@PathVariable UUID patientId,
			@Valid @RequestBody MedicationRequests.Record request) {
		Medication medication = medications.record(patientId, request);
		return ResponseEntity
			.created(URI.create("/api/v1/patients/" + patientId + "/medications/" + medication.id()))
			.body(medication);
	}

	@GetMapping
	MedicationList list(@PathVariable UUID patientId) {
		return new MedicationList(medications.list(patientId), medications.mmeSource());
	}

	@GetMapping("/{medicationId}")
	Medication get(@PathVariable UUID patientId, @PathVariable UUID medicationId) {
		return medications.get(patientId, medicationId);
	}

	@PostMapping("/{medicationId}/stop")
	Medication stop(@PathVariable UUID patientId, @PathVariable UUID medicationId,
			@Valid @RequestBody MedicationRequests.Stop request) {
		return medications.stop(patientId, medicationId, request);
	}

}
