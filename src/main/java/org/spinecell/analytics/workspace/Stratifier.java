package org.spinecell.analytics.workspace;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.spinecell.platform.Refusal;

/**
 * What a summary may be split by. Each names its column of {@code analytics_episode}: the only
 * SQL that a request parameter selects, so the text of a query never comes from user input.
 */
public enum Stratifier {

	NONE("none", "'ALL'"), CELL_SOURCE("cellSource", "e.cell_source"), TISSUE("tissue", "e.tissue"),
	CONDITION_FAMILY("conditionFamily", "e.condition_family"), TARGET("target", "e.target"),
	GUIDANCE("guidance", "e.guidance"), OPERATOR("operator", "e.operator_id::text"),
	CLINIC("clinic", "e.clinic_id::text");

	private final String parameter;

	private final String column;

	Stratifier(String parameter, String column) {
		this.parameter = parameter;
		this.column = column;
	}

	public String parameter() {
		return parameter;
	}

	/** The SQL expression of the group; package-private, for the repository only. */
	String column() {
		return column;
	}

	/** Reads {@code by}: absent means no split; an unknown value is a 400 listing the allowed ones. */
	public static Stratifier parse(String value) {
		if (value == null || value.isBlank()) {
			return NONE;
		}
		for (Stratifier s : values()) {
			if (s.parameter.equals(value.strip())) {
				return s;
			}
		}
		throw Refusal.badRequest("by", "by must be one of: "
				+ Arrays.stream(values()).map(Stratifier::parameter).collect(Collectors.joining(", ")));
	}

}
