package org.spinecell.cellproducts.api;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.spinecell.cellproducts.Donor;
import org.spinecell.cellproducts.DonorService;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/donors")
class DonorApiController {

	private final DonorService donors;

	DonorApiController(DonorService donors) {
		this.donors = donors;
	}

	@PostMapping
	ResponseEntity<Donor> register(@Valid @RequestBody DonorService.DonorRequest request) {
		Donor donor = donors.register(request);
		return ResponseEntity.created(URI.create("/api/v1/donors/" + donor.id())).body(donor);
	}

	@GetMapping("/{id}")
	Donor get(@PathVariable UUID id) {
		return donors.get(id);
	}

	@PostMapping("/{id}/screening")
	Donor screening(@PathVariable UUID id, @Valid @RequestBody DonorService.ScreeningRequest request) {
		return donors.recordScreening(id, request);
	}

	@PostMapping("/{id}/eligibility-review")
	Donor review(@PathVariable UUID id) {
		return donors.review(id);
	}

}
