package org.spinecell.audit;

/**
 * Filters for browsing the trail; each is optional.
 *
 * @param entityType e.g. {@code Clinic}, {@code User}
 * @param entityId the record's id
 * @param user the acting user's username
 */
public record AuditQuery(String entityType, String entityId, String user) {

	public AuditQuery {
		entityType = blankToNull(entityType);
		entityId = blankToNull(entityId);
		user = blankToNull(user);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
