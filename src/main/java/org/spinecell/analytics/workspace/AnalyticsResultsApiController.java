package org.spinecell.analytics.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinecell.analytics.workspace.AnalyticsResults.Durability;
import org.spinecell.analytics.workspace.AnalyticsResults.Medication;
import org.spinecell.analytics.workspace.AnalyticsResults.Outcomes;
import org.spinecell.analytics.workspace.AnalyticsResults.Safety;
import org.spinecell.analytics.workspace.AnalyticsResults.Variability;
import org.spinecell.platform.Refusal;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analytics results as JSON: outcomes, durability, medication and safety of a cohort given by
 * filter parameters, a saved cohort ({@code cohort=<id>}) or both (the parameters then narrow or
 * replace the saved ones of the same name).
 */
@RestController
class AnalyticsResultsApiController {

	private final AnalyticsResultsService results;

	private final CohortService cohorts;

	AnalyticsResultsApiController(AnalyticsResultsService results, CohortService cohorts) {
		this.results = results;
		this.cohorts = cohorts;
	}

	@GetMapping("/api/v1/analytics/outcomes")
	Outcomes outcomes(@RequestParam MultiValueMap<String, String> parameters) {
		String measure = single(parameters, "measure");
		if (measure == null) {
			throw Refusal.badRequest("measure", "measure is required, one of: " + Measure.allowed());
		}
		return results.outcomes(filter(parameters, "measure", "by", "timePoint"),
				Stratifier.parse(single(parameters, "by")), Measure.parse("measure", measure),
				AnalyticsResultsService.timePoint(single(parameters, "timePoint")));
	}

	@GetMapping("/api/v1/analytics/durability")
	Durability durability(@RequestParam MultiValueMap<String, String> parameters) {
		String endpoint = single(parameters, "endpoint");
		if (endpoint != null && !endpoint.equals("failure") && !endpoint.equals("lossOfResponse")) {
			throw Refusal.badRequest("endpoint", "endpoint must be one of: failure, lossOfResponse");
		}
		return results.durability(filter(parameters, "by", "endpoint"), Stratifier.parse(single(parameters, "by")),
				"lossOfResponse".equals(endpoint));
	}

	@GetMapping("/api/v1/analytics/variability")
	Variability variability(@RequestParam MultiValueMap<String, String> parameters) {
		String measure = single(parameters, "measure");
		return results.variability(filter(parameters, "measure", "timePoint"),
				measure == null ? Measure.ODI : Measure.parse("measure", measure),
				AnalyticsResultsService.timePoint(single(parameters, "timePoint")));
	}

	@GetMapping("/api/v1/analytics/medication")
	Medication medication(@RequestParam MultiValueMap<String, String> parameters) {
		return results.medication(filter(parameters, "by"), Stratifier.parse(single(parameters, "by")));
	}

	@GetMapping("/api/v1/analytics/safety")
	Safety safety(@RequestParam MultiValueMap<String, String> parameters) {
		return results.safety(filter(parameters, "by"), Stratifier.parse(single(parameters, "by")));
	}

	/** The cohort: a saved cohort's parameters, overridden by the request's filter parameters of the same name. */
	private CohortFilter filter(MultiValueMap<String, String> parameters, String... options) {
		List<String> allowed = new java.util.ArrayList<>(List.of(options));
		allowed.add("cohort");
		CohortFilter.parse(parameters, allowed);
		String cohort = single(parameters, "cohort");
		Map<String, List<String>> merged = new LinkedHashMap<>();
		if (cohort != null) {
			UUID id;
			try {
				id = UUID.fromString(cohort);
			}
			catch (IllegalArgumentException ex) {
				throw Refusal.badRequest("cohort", "cohort must be the id (a UUID) of a saved cohort");
			}
			merged.putAll(cohorts.get(id).filter());
		}
		MultiValueMap<String, String> own = new LinkedMultiValueMap<>(parameters);
		merged.putAll(own);
		return CohortFilter.parse(merged);
	}

	private static String single(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.getOrDefault(name, List.of());
		if (values.size() > 1) {
			throw Refusal.badRequest(name, name + " takes one value");
		}
		return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
	}

}
