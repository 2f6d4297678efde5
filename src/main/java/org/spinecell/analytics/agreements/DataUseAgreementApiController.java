package org.spinecell.analytics.agreements;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.spinecell.platform.ClinicalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Data-use agreements for the limited data set: recorded by a clinic's administrators. */
@RestController
class DataUseAgreementApiController {

	private final DataUseAgreementService agreements;

	DataUseAgreementApiController(DataUseAgreementService agreements) {
		this.agreements = agreements;
	}

	record AgreementRequest(UUID clinicId, @NotNull UUID recipientUserId, @NotBlank @Size(max = 200) String title,
			@NotBlank @Size(max = 2000) String purpose,
			@NotNull @ClinicalDate(ClinicalDate.Kind.PLANNED) LocalDate startDate,
			@NotNull @ClinicalDate(ClinicalDate.Kind.PLANNED) LocalDate endDate,
			@Size(max = 200) String reference) {
	}

	@PostMapping("/api/v1/data-use-agreements")
	ResponseEntity<DataUseAgreement> create(@Valid @RequestBody AgreementRequest request) {
		DataUseAgreement agreement = agreements.record(new DataUseAgreementService.Draft(request.clinicId(),
				request.recipientUserId(), request.title(), request.purpose(), request.startDate(), request.endDate(),
				request.reference()));
		return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(agreement);
	}

	record EndRequest(@NotBlank @Size(max = DataUseAgreementService.END_REASON_MAX) String reason) {
	}

	/** Ends an agreement early; the limited data set is refused under it from then on. */
	@PostMapping("/api/v1/data-use-agreements/{id}/end")
	DataUseAgreement end(@PathVariable UUID id, @Valid @RequestBody EndRequest request) {
		return agreements.end(id, request.reason());
	}

	@GetMapping("/api/v1/data-use-agreements")
	Map<String, List<DataUseAgreement>> list() {
		return Map.of("items", agreements.list());
	}

}
