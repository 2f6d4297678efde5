package org.spinecell.analytics;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Builds the workspace's tabs from the analytics service for one request: the filter, the measure
 * and the stratifier come from the query string, every other parameter is refused (400 naming it).
 */
@Component
class AnalyticsWorkspace {

	static final List<String> TABS = List.of("outcomes", "durability", "medication", "safety");

	static final List<String> OPTIONS = List.of("tab", "measure", "by");

	private final AnalyticsService analytics;

	AnalyticsWorkspace(AnalyticsService analytics) {
		this.analytics = analytics;
	}

	/** What one request asks for. */
	record Request(CohortFilter filter, Measure measure, Stratifier by, String tab) {

		static Request parse(Map<String, List<String>> parameters) {
			CohortFilter filter = CohortFilter.parse(parameters, OPTIONS);
			String measure = first(parameters, "measure");
			String tab = first(parameters, "tab");
			if (tab != null && !TABS.contains(tab)) {
				throw org.spinecell.platform.ApiException.badRequest("tab",
						"tab must be one of: " + String.join(", ", TABS));
			}
			return new Request(filter, measure == null ? Measure.ODI : Measure.parse("measure", measure),
					Stratifier.parse(first(parameters, "by")), tab == null ? "outcomes" : tab);
		}

		private static String first(Map<String, List<String>> parameters, String name) {
			List<String> values = parameters.getOrDefault(name, List.of());
			return values.isEmpty() || values.get(0) == null || values.get(0).isBlank() ? null : values.get(0).strip();
		}

	}

	WorkspaceResults.Tab tab(Request request, String tab) {
		return switch (tab) {
			case "outcomes" -> WorkspaceResults.outcomes(
					analytics.outcomes(request.filter(), request.by(), request.measure(), null), request.measure());
			case "durability" -> WorkspaceResults.durability(analytics.failures(request.filter(), request.by()));
			case "medication" -> WorkspaceResults.medication(analytics.medication(request.filter(), request.by()));
			case "safety" -> WorkspaceResults.safety(analytics.safety(request.filter(), request.by()));
			default -> throw org.spinecell.platform.ApiException.notFound("Tab");
		};
	}

	AnalyticsRows.CohortCount count(CohortFilter filter) {
		return analytics.count(filter);
	}

}
