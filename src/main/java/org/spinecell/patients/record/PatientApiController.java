package org.spinecell.patients.record;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientRequest;
import org.spinecell.patients.PatientService;
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
@RequestMapping("/api/v1/patients")
class PatientApiController {

	private final PatientService patients;

	PatientApiController(PatientService patients) {
		this.patients = patients;
	}

	record VoidRequest(@NotBlank @Size(max = 500) String reason, @NotNull Integer version) {
	}

	@PostMapping
	ResponseEntity<Patient> register(@Valid @RequestBody PatientRequest request) {
		Patient patient = patients.register(request);
		return ResponseEntity.created(URI.create("/api/v1/patients/" + patient.id())).body(patient);
	}

	@GetMapping
	Page<Patient> search(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size,
			@RequestParam(defaultValue = "false") boolean includeVoided) {
		return patients.search(q, sort, page, size, includeVoided);
	}

	@GetMapping("/{id}")
	Patient get(@PathVariable UUID id) {
		return patients.get(id);
	}

	@PutMapping("/{id}")
	Patient update(@PathVariable UUID id, @Valid @RequestBody PatientRequest request) {
		return patients.update(id, request);
	}

	@PostMapping("/{id}/void")
	Patient voidPatient(@PathVariable UUID id, @Valid @RequestBody VoidRequest request) {
		return patients.voidPatient(id, request.reason(), request.version());
	}

}
