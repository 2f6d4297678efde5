package org.spinecell.patients.history;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.spinecell.patients.ImagingFinding;
import org.spinecell.patients.ImagingRequest;
import org.spinecell.patients.ImagingService;
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
@RequestMapping("/api/v1/patients/{patientId}/imaging")
class ImagingApiController {

	private final ImagingService imaging;

	ImagingApiController(ImagingService imaging) {
		this.imaging = imaging;
	}

	@PostMapping
	ResponseEntity<ImagingFinding> record(@PathVariable UUID patientId, @Valid @RequestBody ImagingRequest request) {
		ImagingFinding finding = imaging.record(patientId, request);
		return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/imaging/" + finding.id()))
			.body(finding);
	}

	@GetMapping
	Page<ImagingFinding> list(@PathVariable UUID patientId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(defaultValue = "false") boolean includeVoided) {
		return imaging.list(patientId, page, size, includeVoided);
	}

	@GetMapping("/{findingId}")
	ImagingFinding get(@PathVariable UUID patientId, @PathVariable UUID findingId) {
		return imaging.get(patientId, findingId);
	}

	@PostMapping("/{findingId}/void")
	ImagingFinding voidFinding(@PathVariable UUID patientId, @PathVariable UUID findingId,
			@Valid @RequestBody VoidRecordRequest request) {
		return imaging.voidFinding(patientId, findingId, request.reason(), request.version());
	}

}
