package org.spinecell.patients.record;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.spinecell.platform.Refusal;
import org.spinecell.platform.Page;

/**
 * A patient search as a client asked for it, checked: the sort field must be on the allow-list
 * (each maps to fixed SQL), and the search words are escaped for LIKE and sent as parameters.
 *
 * @param query lower-cased words to find in names or the MRN; {@code null} for all
 */
public record PatientSearch(String query, SortField sort, boolean descending, int page, int size, boolean includeVoided) {

	/** The fields a list may be sorted by. */
	enum SortField {

		FAMILY_NAME("familyName", "lower(family_name) %1$s, lower(given_name) %1$s"),
		GIVEN_NAME("givenName", "lower(given_name) %1$s, lower(family_name) %1$s"),
		BIRTH_DATE("birthDate", "birth_date %1$s"), MRN("mrn", "mrn %1$s"), CREATED_AT("createdAt", "created_at %1$s");

		private final String parameter;

		private final String sql;

		SortField(String parameter, String sql) {
			this.parameter = parameter;
			this.sql = sql;
		}

	}

	public static PatientSearch parse(String query, String sort, int page, int size, boolean includeVoided) {
		Page.checkParameters(page, size);
		if (query != null && query.length() > 100) {
			throw Refusal.badRequest("q", "q must be at most 100 characters");
		}
		String q = query == null || query.isBlank() ? null : query.strip().toLowerCase(Locale.ROOT);
		if (sort == null || sort.isBlank()) {
			return new PatientSearch(q, SortField.FAMILY_NAME, false, page, size, includeVoided);
		}
		boolean descending = sort.startsWith("-");
		String name = descending ? sort.substring(1) : sort;
		SortField field = Arrays.stream(SortField.values())
			.filter(candidate -> candidate.parameter.equals(name))
			.findFirst()
			.orElseThrow(() -> Refusal.badRequest("sort", "sort must be one of "
					+ Arrays.stream(SortField.values()).map(f -> f.parameter).collect(Collectors.joining(", "))
					+ ", optionally prefixed with - for descending order"));
		return new PatientSearch(q, field, descending, page, size, includeVoided);
	}

	String orderBy() {
		return String.format(sort.sql, descending ? "DESC" : "ASC");
	}

	/** The query as a LIKE pattern matching anywhere. */
	String pattern() {
		return query == null ? null : "%" + escape(query) + "%";
	}

	/** The query as a LIKE pattern matching at the start. */
	String prefix() {
		return query == null ? null : escape(query) + "%";
	}

	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
