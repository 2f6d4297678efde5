package org.spinecell.outcomes.instruments;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InstrumentApiController {

	private final InstrumentLibrary library;

	InstrumentApiController(InstrumentLibrary library) {
		this.library = library;
	}

	record ItemTextRequest(@NotNull @Size(max = 500) Map<@Size(max = 64) String, @Size(max = 4000) String> items) {
	}

	@GetMapping("/api/v1/instruments")
	Map<String, List<InstrumentSummary>> list() {
		return Map.of("items", library.list());
	}

	@GetMapping(value = "/api/v1/instruments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	String questionnaire(@PathVariable String id) {
		return library.questionnaire(id);
	}

	@PostMapping(value = "/api/v1/instruments", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<InstrumentSummary> importDefinition(@RequestBody String json) {
		InstrumentSummary imported = library.importDefinition(json);
		return ResponseEntity.created(URI.create("/api/v1/instruments/" + imported.id())).body(imported);
	}

	@PostMapping("/api/v1/instruments/{id}/licensed-text")
	InstrumentSummary loadItemText(@PathVariable String id, @Valid @RequestBody ItemTextRequest request) {
		return library.loadItemText(id, request.items());
	}

	@PostMapping(value = "/api/v1/instruments/{id}/scoring-tables", consumes = MediaType.APPLICATION_JSON_VALUE)
	InstrumentSummary loadScoringTable(@PathVariable String id, @RequestBody String json) {
		return library.loadScoringTable(id, json);
	}

}
