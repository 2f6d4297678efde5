package org.spinecell.patients.breakglass;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/break-glass")
class BreakGlassApiController {

	private final BreakGlassService breakGlass;

	BreakGlassApiController(BreakGlassService breakGlass) {
		this.breakGlass = breakGlass;
	}

	@PostMapping
	ResponseEntity<BreakGlassGrant> open(@Valid @RequestBody BreakGlassRequest request) {
		BreakGlassGrant grant = breakGlass.open(request);
		return ResponseEntity.created(URI.create("/api/v1/break-glass/" + grant.id())).body(grant);
	}

	/** With {@code clinicId}: the clinic's grants, for its administrators; without: the caller's active grants. */
	@GetMapping
	List<BreakGlassGrant> list(@RequestParam(required = false) UUID clinicId) {
		return clinicId == null ? breakGlass.mine() : breakGlass.forClinic(clinicId);
	}

	@PostMapping("/{id}/end")
	BreakGlassGrant end(@PathVariable UUID id) {
		return breakGlass.end(id);
	}

}
