package org.spinecell.analytics.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.platform.Refusal;

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

	private final ClinicService clinics;

	AnalyticsWorkspace(AnalyticsResultsService results, AnalyticsService analytics, ClinicService clinics) {
		this.results = results;
		this.analytics = analytics;
		this.clinics = clinics;
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
				throw Refusal.badRequest("tab", "tab must be one of: " + String.join(", ", TABS));
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
		return tab(request, tab, names());
	}

	/** Every tab, for the clinic report: the names are looked up once. */
	List<WorkspaceResults.Tab> tabs(Request request) {
		UnaryOperator<String> name = names();
		return TABS.stream().map(t -> tab(request, t, name)).toList();
	}

	private WorkspaceResults.Tab tab(Request request, String tab, UnaryOperator<String> name) {
		CohortFilter filter = request.filter();
		return switch (tab) {
			case "outcomes" -> WorkspaceResults
				.outcomes(results.outcomes(filter, request.by(), request.measure(), request.timePoint()), name);
			case "durability" -> WorkspaceDurability.durability(results.durability(filter, request.by(), false),
					results.durability(filter, request.by(), true), name);
			case "variability" -> WorkspaceVariability
				.of(results.variability(filter, request.measure(), request.timePoint()), name);
			case "medication" -> WorkspaceResults.medication(results.medication(filter, request.by()), name);
			case "safety" -> WorkspaceSafety.safety(results.safety(filter, request.by()), name);
			default -> throw Refusal.notFound("Tab");
		};
	}

	/**
	 * Operators and clinics by name rather than id (the API keeps the ids, which its filters take);
	 * a name two operators share gets the start of the id. Researchers' operator pseudonyms and
	 * every other group stay as they are.
	 */
	private UnaryOperator<String> names() {
		Map<String, String> byId = new HashMap<>();
		for (Clinic clinic : clinics.visibleClinics()) {
			byId.put(clinic.id().toString(), clinic.name());
		}
		List<AnalyticsRows.Named> operators = results.operatorNames();
		Map<String, Long> uses = operators.stream()
			.collect(Collectors.groupingBy(AnalyticsRows.Named::name, Collectors.counting()));
		for (AnalyticsRows.Named operator : operators) {
			byId.putIfAbsent(operator.id(), uses.get(operator.name()) > 1
					? operator.name() + " (" + operator.id().substring(0, 8) + ")" : operator.name());
		}
		return group -> byId.getOrDefault(group, group);
	}

	AnalyticsRows.CohortCount count(CohortFilter filter) {
		return analytics.count(filter);
	}

}
