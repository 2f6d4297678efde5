package org.spinecell.analytics;

import java.util.List;
import java.util.Map;

import org.spinecell.platform.ApiException;

import org.springframework.stereotype.Component;

/**
 * Builds the workspace's tabs from {@link AnalyticsResultsService}, the service behind the JSON API,
 * for one request: the filter, the measure, the stratifier and the time point come from the query
 * string, every other parameter is refused (400 naming it).
 */
@Component
class AnalyticsWorkspace {

	static final List<String> TABS = List.of("outcomes", "durability", "variability", "medication", "safety");

	static final List<String> OPTIONS = List.of("tab", "measure", "by", "timePoint");

	private final AnalyticsResultsService results;

	private final AnalyticsService analytics;

	AnalyticsWorkspace(AnalyticsResultsService results, AnalyticsService analytics) {
		this.results = results;
		this.analytics = analytics;
	}

	/**
	 * What one request asks for; {@code timePoint} is the follow-up of the between-group test (and of
	 * the variability models), M12 when absent.
	 */
	record Request(CohortFilter filter, Measure measure, Stratifier by, String timePoint, String tab) {

		static Request parse(Map<String, List<String>> parameters) {
			CohortFilter filter = CohortFilter.parse(parameters, OPTIONS);
			String measure = first(parameters, "measure");
			String tab = first(parameters, "tab");
			if (tab != null && !TABS.contains(tab)) {
				throw ApiException.badRequest("tab", "tab must be one of: " + String.join(", ", TABS));
			}
			return new Request(filter, measure == null ? Measure.ODI : Measure.parse("measure", measure),
					Stratifier.parse(first(parameters, "by")),
					AnalyticsResultsService.timePoint(first(parameters, "timePoint")), tab == null ? "outcomes" : tab);
		}

		private static String first(Map<String, List<String>> parameters, String name) {
			List<String> values = parameters.getOrDefault(name, List.of());
			return values.isEmpty() || values.get(0) == null || values.get(0).isBlank() ? null : values.get(0).strip();
		}

	}

	WorkspaceResults.Tab tab(Request request, String tab) {
		CohortFilter filter = request.filter();
		return switch (tab) {
			case "outcomes" -> WorkspaceResults
				.outcomes(results.outcomes(filter, request.by(), request.measure(), request.timePoint()));
			case "durability" -> WorkspaceResults.durability(results.durability(filter, request.by(), false),
					results.durability(filter, request.by(), true));
			case "variability" -> WorkspaceVariability
				.of(results.variability(filter, request.measure(), request.timePoint()));
			case "medication" -> WorkspaceResults.medication(results.medication(filter, request.by()));
			case "safety" -> WorkspaceResults.safety(results.safety(filter, request.by()));
			default -> throw ApiException.notFound("Tab");
		};
	}

	AnalyticsRows.CohortCount count(CohortFilter filter) {
		return analytics.count(filter);
	}

}
