package org.spinecell.analytics.workspace;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.spinecell.platform.chart.Chart;
import org.spinecell.platform.chart.PdfReport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinic outcome report: the cohort described, then every tab of the workspace with its
 * tables and charts, and a methods section stating the definitions used, as one PDF. It takes the
 * same parameters as the workspace (filter, {@code measure}, {@code by}); the API path takes a bearer
 * token, the page path the signed-in session.
 */
@RestController
class AnalyticsReportController {

	private final AnalyticsWorkspace workspace;

	AnalyticsReportController(AnalyticsWorkspace workspace) {
		this.workspace = workspace;
	}

	@GetMapping({ "/api/v1/analytics/report.pdf", "/analytics/report.pdf" })
	ResponseEntity<byte[]> report(@RequestParam MultiValueMap<String, String> parameters) {
		AnalyticsWorkspace.Request request = AnalyticsWorkspace.Request.parse(parameters);
		AnalyticsRows.CohortCount count = workspace.count(request.filter());
		List<WorkspaceResults.Tab> tabs = workspace.tabs(request);
		byte[] pdf;
		try (PdfReport report = new PdfReport("Clinic outcome report")) {
			report.heading("Clinic outcome report");
			report.paragraph("Made on " + LocalDate.now() + ". Measure " + request.measure().name() + ", split by "
					+ request.by().parameter() + "; between-group tests and case-mix models at " + request.timePoint() + ".");
			report.subheading("Cohort");
			report.paragraph(count.episodes() + " procedures of " + count.patients() + " patients.");
			report.paragraph("Filter: " + describe(request.filter().toParameters()));
			for (WorkspaceResults.Tab tab : tabs) {
				report.heading(tab.title());
				if (tab.noData()) {
					report.paragraph("No data: no patient in this cohort has results here yet.");
				}
				for (WorkspaceResults.Table table : tab.tables()) {
					report.subheading(table.title());
					report.table(table.header(), table.rows().isEmpty() ? List.of(List.of("No data")) : table.rows());
					if (table.note() != null) {
						report.paragraph(table.note());
					}
				}
				for (Chart chart : tab.charts()) {
					report.chart(chart);
				}
				tab.forests().forEach(report::chart);
			}
			report.heading("Methods");
			for (WorkspaceResults.Tab tab : tabs) {
				report.subheading(tab.title());
				tab.definitions().forEach(report::paragraph);
			}
			pdf = report.toBytes();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"spinecell-outcome-report.pdf\"")
			.body(pdf);
	}

	private static String describe(Map<String, List<String>> filter) {
		// Clinic ids are internal: the report says how many clinics, not which ids.
		StringBuilder out = new StringBuilder();
		filter.forEach((name, values) -> {
			out.append(out.isEmpty() ? "" : "; ");
			out.append(name).append(' ');
			out.append(name.equals("clinicId") ? values.size() + " clinic(s)" : String.join(", ", values));
		});
		return out.isEmpty() ? "all procedures of your clinics" : out.toString();
	}

}
