package org.spinecell.outcomes.followup;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.spinecell.outcomes.FollowUp;

/**
 * What the follow-up worklist is asked for: which open follow-ups (status, time point, clinic, a
 * patient's name or MRN) and in which order. The order is one of the {@link Sort} keys only, each
 * of which names its own SQL, so no text from a request reaches the ORDER BY clause.
 *
 * @param clinicId one of the user's clinics, or {@code null} for all of them
 * @param statuses {@code DUE}, {@code OVERDUE} or both when empty
 * @param timePoint a protocol time point code, or {@code null} for all
 * @param search part of the patient's name or MRN, or blank
 */
public record WorklistQuery(UUID clinicId, Set<FollowUp.Status> statuses, String timePoint, String search, Sort sort,
		boolean descending) {

	/** At most this many characters of a search are used. */
	static final int SEARCH_MAX = 100;

	public WorklistQuery {
		statuses = Set.copyOf(statuses);
		timePoint = timePoint == null || timePoint.isBlank() ? null : timePoint.strip();
		search = search == null ? "" : search.strip();
		if (search.length() > SEARCH_MAX) {
			search = search.substring(0, SEARCH_MAX);
		}
		sort = sort == null ? Sort.DUE : sort;
	}

	/** Every open follow-up of the clinic (or all the user's clinics), earliest due first. */
	public static WorklistQuery open(UUID clinicId, Set<FollowUp.Status> statuses) {
		return new WorklistQuery(clinicId, statuses, null, "", Sort.DUE, false);
	}

	/** The orders the worklist can be sorted in; ties are broken by due date, then patient. */
	public enum Sort {

		DUE("due", List.of("f.due_date")),
		PATIENT("patient", List.of("lower(p.family_name)", "lower(p.given_name)")),
		TIME_POINT("timePoint", List.of("array_position(CAST(:timePointOrder AS text[]), f.time_point)")),
		// Overdue before due when ascending: the most urgent first.
		STATUS("status", List.of("CASE WHEN f.due_date < :day THEN 0 ELSE 1 END"));

		private final String param;

		private final List<String> columns;

		Sort(String param, List<String> columns) {
			this.param = param;
			this.columns = columns;
		}

		/** The name used in the page's address. */
		public String param() {
			return param;
		}

		/** The ORDER BY clause in the given direction; written here only, never from a request. */
		String orderBy(boolean descending) {
			String direction = descending ? " DESC" : " ASC";
			return String.join(", ", columns.stream().map(c -> c + direction).toList())
					+ ", f.due_date, lower(p.family_name), lower(p.given_name), f.id";
		}

		/** The key named in a request; the default (due date) for anything else. */
		static Sort of(String param) {
			if (param != null) {
				for (Sort sort : values()) {
					if (sort.param.equalsIgnoreCase(param.strip())) {
						return sort;
					}
				}
			}
			return DUE;
		}

	}

	/** The search as a case-insensitive LIKE pattern with its wildcards escaped. */
	String likePattern() {
		return "%" + search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
