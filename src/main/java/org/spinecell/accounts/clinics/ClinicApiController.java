package org.spinecell.accounts.clinics;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.platform.Page;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clinics")
class ClinicApiController {

	private final ClinicService clinics;

	ClinicApiController(ClinicService clinics) {
		this.clinics = clinics;
	}

	@PostMapping
	ResponseEntity<Clinic> create(@Valid @RequestBody ClinicRequest request) {
		Clinic clinic = clinics.create(request);
		return ResponseEntity.created(URI.create("/api/v1/clinics/" + clinic.id())).body(clinic);
	}

	@GetMapping
	Page<Clinic> list() {
		List<Clinic> visible = clinics.visibleClinics();
		return new Page<>(visible, 0, Math.max(visible.size(), 1), visible.size());
	}

	@GetMapping("/{id}")
	Clinic get(@PathVariable UUID id) {
		return clinics.get(id);
	}

	@PutMapping("/{id}")
	Clinic update(@PathVariable UUID id, @Valid @RequestBody ClinicRequest request) {
		return clinics.update(id, request);
	}

}
