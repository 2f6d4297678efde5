package org.spinecell.analytics.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.spinecell.analytics.workspace.AnalyticsResults.Safety;
import org.spinecell.analytics.workspace.AnalyticsResults.SafetyRow;
import org.spinecell.analytics.workspace.AnalyticsResults.SeriousEvent;
import org.spinecell.analytics.workspace.WorkspaceResults.Tab;
import org.spinecell.analytics.workspace.WorkspaceResults.Table;

import static org.spinecell.analytics.workspace.WorkspaceResults.count;
import static org.spinecell.analytics.workspace.WorkspaceResults.definitions;
import static org.spinecell.analytics.workspace.WorkspaceResults.interval;
import static org.spinecell.analytics.workspace.WorkspaceResults.num;

/**
 * The workspace's safety tab: the adverse events per 100 procedures of
 * {@link AnalyticsResultsService#safety} and the serious events, with the states a physician has not
 * assessed yet spelled out. Formats only.
 */
final class WorkspaceSafety {

	private WorkspaceSafety() {
	}

	static Tab safety(Safety safety, UnaryOperator<String> name) {
		List<List<String>> rows = new ArrayList<>();
		for (SafetyRow r : safety.rows()) {
			String value = safetyCategory(r.value());
			rows.add(List.of(name.apply(r.group()), r.dimension(), value, Long.toString(r.events()),
					Long.toString(r.proceduresWithEvent()), count(r.procedures(), r.tooSmall()), num(r.per100()),
					interval(r.ciLow(), r.ciHigh())));
		}
		List<List<String>> serious = new ArrayList<>();
		for (SeriousEvent e : safety.serious()) {
			serious.add(List.of(name.apply(e.group()), e.grade() == null ? UNGRADED : Integer.toString(e.grade()),
					num(e.onsetMonths()), orNotAssessed(e.relatednessProcedure()), orNotAssessed(e.relatednessProduct()),
					e.expected() == null ? NOT_ASSESSED : e.expected() ? "yes" : "no", orNotAssessed(e.outcome())));
		}
		return new Tab("safety", "Safety",
				List.of(new Table("adverse-events", "Adverse events per 100 procedures",
						List.of("Group", "By", "Category", "Events", "Procedures with one", "Procedures",
								"Per 100 procedures", "Exact 95 % CI"),
						rows),
						new Table("serious-events", "Serious adverse events",
								List.of("Group", "Grade", "Onset (months)", "Related to procedure",
										"Related to product", "Expected", "Outcome"),
								serious)),
				List.of(), definitions(safety.definitions()), safety.noData());
	}

	/** How an event no physician has graded yet is shown, in every column that needs the review. */
	static final String UNGRADED = "awaiting clinician review";

	private static final String NOT_ASSESSED = "not assessed";

	/** A safety table's category in words: yes and no for the flags, the ungraded state spelled out. */
	private static String safetyCategory(String value) {
		if (value == null) {
			return NOT_ASSESSED;
		}
		return switch (value) {
			case "true" -> "yes";
			case "false" -> "no";
			case AnalyticsResultsRepository.UNGRADED -> UNGRADED;
			default -> value;
		};
	}

	/** A recorded code in words ({@code NOT_RELATED} as "not related"), or "not assessed" when none was recorded. */
	private static String orNotAssessed(String value) {
		return value == null ? NOT_ASSESSED : value.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

}
