package org.spinecell.analytics.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.spinecell.analytics.workspace.AnalyticsRows.CohortCount;
import org.spinecell.platform.Refusal;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The analysis data set as CSV, live cohort counts and saved cohorts. */
@RestController
public class AnalyticsApiController {

	private final AnalyticsService analytics;

	private final CohortService cohorts;

	AnalyticsApiController(AnalyticsService analytics, CohortService cohorts) {
		this.analytics = analytics;
		this.cohorts = cohorts;
	}

	record CohortRequest(@NotBlank @Size(max = 200) String name, @Size(max = 30) Map<String, Object> filter) {
	}

	/**
	 * Streams the analysis data set: {@code format=long} (default) one row per episode x time point x
	 * measure, {@code wide} one row per episode; the cohort filter parameters select the episodes.
	 */
	@GetMapping("/api/v1/analytics/export.csv")
	void export(@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response)
			throws IOException {
		boolean wide = switch (single(parameters, "format", "long")) {
			case "long" -> false;
			case "wide" -> true;
			default -> throw Refusal.badRequest("format", "format must be one of: long, wide");
		};
		Boolean identified = switch (single(parameters, "identified", "")) {
			case "" -> null;
			case "true" -> true;
			case "false" -> false;
			default -> throw Refusal.badRequest("identified", "identified must be one of: true, false");
		};
		CohortFilter filter = CohortFilter.parse(parameters, List.of("format", "identified"));
		analytics.export(filter, wide, identified, () -> {
			response.setContentType("text/csv");
			response.setCharacterEncoding(StandardCharsets.UTF_8);
			response.setHeader("Content-Disposition",
					"attachment; filename=\"spinecell-analysis-" + (wide ? "wide" : "long") + ".csv\"");
			try {
				return response.getWriter();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		response.getWriter().flush();
	}

	/** The live count of a filter, for a cohort being built. */
	@GetMapping("/api/v1/analytics/count")
	CohortCount count(@RequestParam MultiValueMap<String, String> parameters) {
		return analytics.count(CohortFilter.parse(parameters, List.of()));
	}

	@PostMapping("/api/v1/analytics/cohorts")
	ResponseEntity<Cohort> create(@Valid @RequestBody CohortRequest request) {
		Cohort cohort = cohorts.create(request.name(), request.filter());
		return ResponseEntity.created(URI.create("/api/v1/analytics/cohorts/" + cohort.id())).body(cohort);
	}

	@GetMapping("/api/v1/analytics/cohorts")
	Map<String, List<Cohort>> list() {
		return Map.of("items", cohorts.list());
	}

	@GetMapping("/api/v1/analytics/cohorts/{id}")
	Cohort get(@PathVariable UUID id) {
		return cohorts.get(id);
	}

	@DeleteMapping("/api/v1/analytics/cohorts/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		cohorts.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/analytics/cohorts/{id}/count")
	CohortCount count(@PathVariable UUID id) {
		return cohorts.count(id);
	}

	/** One parameter, stripped and in lower case; the fallback when absent; 400 when repeated. */
	public static String single(MultiValueMap<String, String> parameters, String name, String fallback) {
		List<String> values = parameters.getOrDefault(name, List.of());
		if (values.size() > 1) {
			throw Refusal.badRequest(name, name + " takes one value");
		}
		return values.isEmpty() ? fallback : values.get(0).strip().toLowerCase(java.util.Locale.ROOT);
	}

}
