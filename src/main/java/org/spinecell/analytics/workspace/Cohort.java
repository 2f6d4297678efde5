package org.spinecell.analytics.workspace;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A saved cohort: a user's named filter, kept as the filter's parameters.
 *
 * @param clinicId the clinic the cohort is kept in (row-level security), one of the owner's
 */
public record Cohort(UUID id, UUID clinicId, UUID ownerId, String name, Map<String, List<String>> filter,
		Instant createdAt) {

	public Cohort {
		filter = Map.copyOf(filter);
	}

	/** The filter the cohort stands for. */
	public CohortFilter cohortFilter() {
		return CohortFilter.parse(filter);
	}

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("ownerId", ownerId.toString());
		values.put("name", name);
		values.put("filter", new java.util.TreeMap<>(filter).toString());
		return values;
	}

}
