package org.spinecell.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The old and new value of one field. {@code null} on either side is recorded as such, so a value
 * set for the first time or cleared is visible in the trail.
 */
public record FieldChange(Object oldValue, Object newValue) {

	/**
	 * The field-level difference between two snapshots of a record, in field-name order; fields
	 * whose value did not change are left out. Snapshots may hold {@code null} values.
	 */
	public static Map<String, FieldChange> diff(Map<String, ?> before, Map<String, ?> after) {
		Set<String> fields = new TreeSet<>(before.keySet());
		fields.addAll(after.keySet());
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		for (String field : fields) {
			Object oldValue = before.get(field);
			Object newValue = after.get(field);
			if (!Objects.equals(oldValue, newValue)) {
				changes.put(field, new FieldChange(oldValue, newValue));
			}
		}
		return Collections.unmodifiableMap(changes);
	}

	/** Every field of a new record, each changed from nothing. */
	public static Map<String, FieldChange> created(Map<String, ?> values) {
		return diff(Map.of(), values);
	}

}
