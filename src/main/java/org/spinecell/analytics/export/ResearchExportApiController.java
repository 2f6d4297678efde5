package org.spinecell.analytics.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.spinecell.analytics.export.ResearchExportService.Variant;
import org.spinecell.analytics.workspace.AnalyticsApiController;
import org.spinecell.analytics.workspace.AnalyticsService;
import org.spinecell.analytics.workspace.CohortFilter;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The research export as a zip: a saved cohort or the analytics filter, de-identified or limited. */
@RestController
class ResearchExportApiController {

	private static final List<String> OPTIONS = List.of("cohort", "variant", "agreement");

	private final ResearchExportService exports;

	ResearchExportApiController(ResearchExportService exports) {
		this.exports = exports;
	}

	@GetMapping("/api/v1/exports/research")
	void export(@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response)
			throws IOException {
		Variant variant = switch (AnalyticsApiController.single(parameters, "variant", "deidentified")) {
			case "deidentified", "de-identified" -> Variant.DEIDENTIFIED;
			case "limited" -> Variant.LIMITED;
			case "identified" -> {
				if (AnalyticsService.isResearcherOnly()) {
					throw new AccessDeniedException("Researchers receive de-identified data only");
				}
				throw Refusal.badRequest("variant", "The research export is never identified; clinic staff"
						+ " export identified rows from /api/v1/analytics/export.csv. variant must be one of:"
						+ " deidentified, limited");
			}
			default -> throw Refusal.badRequest("variant", "variant must be one of: deidentified, limited");
		};
		CohortFilter filter = CohortFilter.parse(parameters, OPTIONS);
		UUID cohort = uuid(parameters, "cohort");
		if (cohort != null) {
			for (String name : parameters.keySet()) {
				if (!OPTIONS.contains(name)) {
					throw Refusal.badRequest(name, "Give either a saved cohort or filter parameters, not both");
				}
			}
		}
		UUID agreement = uuid(parameters, "agreement");
		if (agreement != null && variant != Variant.LIMITED) {
			throw Refusal.badRequest("agreement", "agreement goes with variant=limited only");
		}
		exports.export(new ResearchExportService.Request(cohort, filter, variant, agreement), zipTo(response, variant));
		response.flushBuffer();
	}

	/** The response as a zip download, opened only once the export has passed its checks. */
	static Supplier<OutputStream> zipTo(HttpServletResponse response, Variant variant) {
		return () -> {
			response.setContentType("application/zip");
			response.setHeader("Content-Disposition", "attachment; filename=\"spinecell-research-"
					+ variant.label() + "-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".zip\"");
			try {
				return response.getOutputStream();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	private static UUID uuid(MultiValueMap<String, String> parameters, String name) {
		String value = AnalyticsApiController.single(parameters, name, "");
		if (value.isEmpty()) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.badRequest(name, name + " must be a UUID");
		}
	}

}
